"""Closing the main window during long work never aborts the process (issue 12: 20 times), for `bench/run.py`.

Each round is a child process that opens the main window on *folder* as the program does
(`application.open_main_window`), starts an export of the last half-year and a periodic report preview on
workers, and closes the window after a random 0–1.5 s, while the work runs or just after. The child must end by
itself with exit code 0 (the workers stopped at their next cancel check, the session closed after them), within
60 s, without "QThread: Destroyed while thread is still running" (Qt aborts the process then).
Run alone: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_close.py DATA_DIR PASSWORD [ROUNDS]`.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from app.services.workspace import login
from app.ui import messages
from app.ui.application import make_application, open_main_window
from app.ui.report_dialog import ReportDialog
from app.ui.send_dialog import SendDialog
from app.ui.worker import Workers


class Quiet(messages.MessageBackend):
    def error(self, parent, text, title=None):
        print("message:", text, file=sys.stderr)

    def info(self, parent, text, title=None):
        pass


messages.backend = Quiet()
app = make_application("vi")
workers = Workers(app)
app.aboutToQuit.connect(workers.stop_all)
session = login(Path(sys.argv[2]), "admin", sys.argv[3])
window = open_main_window(session, workers, "vi")
window.show()


def start():
    send = SendDialog(window.ctx, window)
    send.show()
    send.set_folder(Path(tempfile.mkdtemp(prefix="tnld-close-")))
    send.export()
    report = ReportDialog(window.ctx, window)
    report.show()
    report.preview()


QTimer.singleShot(0, start)
QTimer.singleShot(int(sys.argv[4]), window.close)
try:
    code = app.exec()
finally:
    workers.stop_all()
    window.close_session()
print("ended", code)
sys.exit(code)
"""


def close_during_work(folder: Path, password: str, rounds: int = 20, seed: int = 7) -> list[str]:
    """The failures (empty when every round ended cleanly)."""
    rng = random.Random(seed)
    failures = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for number in range(rounds):
        delay = rng.randint(0, 1500)
        try:
            done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(folder), password, str(delay)],
                                  capture_output=True, text=True, timeout=60, env=env)
        except subprocess.TimeoutExpired:
            failures.append(f"round {number + 1} (close after {delay} ms): did not end within 60 s")
            continue
        if done.returncode != 0 or "ended 0" not in done.stdout or "Destroyed while thread" in done.stderr:
            tail = done.stderr.strip().splitlines()[-3:]
            failures.append(f"round {number + 1} (close after {delay} ms): exit {done.returncode} {tail}")
    return failures


if __name__ == "__main__":
    from bench.gui_stall import trust_an_office

    trust_an_office(Path(sys.argv[1]), sys.argv[2], Path(tempfile.mkdtemp(prefix="tnld-office-")))
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    failed = close_during_work(Path(sys.argv[1]), sys.argv[2], rounds)
    print(f"closing the window during long work: {rounds - len(failed)} of {rounds} ended cleanly")
    for failure in failed:
        print("  ", failure)
