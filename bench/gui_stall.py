"""The longest stall of the UI thread during long work (SPEC § 10 / issue 12: ≤ 100 ms), for `bench/run.py`.

`measure_stalls(folder, password, out_dir)` logs in to *folder* (not timed) and, with a 5 ms timer ticking on the
GUI thread, runs what a user starts from the program: the export of the last half-year to a folder (the send
dialog), the periodic report and the register of that half-year in the print preview (the report dialog). The
stall is the longest gap between two ticks minus the timer's interval: how long a click or a key would have waited.
Run alone: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_stall.py DATA_DIR PASSWORD`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TICK_MS = 5


class StallMeter:
    """Longest gap between ticks of a GUI-thread timer while running."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def __enter__(self) -> StallMeter:
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()

    @property
    def stall_ms(self) -> float:
        return max(0.0, self.longest * 1000 - TICK_MS)


def _wait(signal_list, seconds: float = 300.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    for signal in signal_list:
        signal.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def trust_an_office(folder: Path, password: str, work: Path) -> None:
    """Exports are always encrypted to the office: set up an office folder beside *folder* and register its card."""
    import os
    import subprocess

    env = dict(os.environ, TNLD_PASSWORD=password)
    office = work / "office"
    tnld = [sys.executable, "-m", "app"]
    if not (office / "keys.json").exists():
        subprocess.run([*tnld, "--data-dir", str(office), "init", "--role", "office", "--unit", "20", "--admin",
                        "admin", "--office-name", "Sở Nội vụ tỉnh Lạng Sơn"], env=env, check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
    subprocess.run([*tnld, "--data-dir", str(office), "keys", "card", "--out", str(work / "office.card"), "--force"], env=env,
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    subprocess.run([*tnld, "--data-dir", str(folder), "keys", "trust", str(work / "office.card")], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)  # already trusted: fine


def measure_stalls(folder: Path, password: str, out_dir: Path | None = None, user: str = "admin") -> dict[str, float]:
    """{work: longest stall in ms} for the export of the last half-year and two report previews."""
    from PySide6.QtWidgets import QApplication

    from app.ui import messages
    from app.ui.application import make_application
    from app.ui.report_dialog import ReportDialog
    from app.ui.send_dialog import SendDialog
    from tests.gui.conftest import logged_in

    make_application("vi")
    failures: list[str] = []

    class Recorded(messages.MessageBackend):
        def error(self, parent, text, title=None):
            failures.append(text)

        def info(self, parent, text, title=None):
            pass

    messages.backend = Recorded()
    out_dir = Path(out_dir or tempfile.mkdtemp(prefix="tnld-stall-"))
    results: dict[str, float] = {}
    with logged_in(Path(folder), user, password) as ctx:  # workers stopped, session closed at the end
        send = SendDialog(ctx)
        send.show()
        send.set_folder(out_dir)
        with StallMeter() as meter:
            job = send.export()
            if job is not None:
                _wait([job.ended])
            QApplication.processEvents()
        if send.result is None:
            raise SystemExit(f"the export failed: {failures}")
        results[f"export of {send.period()}"] = meter.stall_ms
        send.close()
        for kind in ("periodic", "register"):
            dialog = ReportDialog(ctx)
            dialog.show()
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
            with StallMeter() as meter:
                preview = dialog.preview()
                _wait([preview.document_ready, preview.failed])
                QApplication.processEvents()
            if preview.data is None:
                raise SystemExit(f"the {kind} preview failed: {failures}")
            results[f"{kind} report preview"] = meter.stall_ms
            preview.close()
            dialog.close()
        return results


if __name__ == "__main__":
    trust_an_office(Path(sys.argv[1]), sys.argv[2], Path(tempfile.mkdtemp(prefix="tnld-office-")))
    for work, stall in measure_stalls(Path(sys.argv[1]), sys.argv[2]).items():
        print(f"longest UI stall during {work}: {stall:.0f} ms (target ≤ 100 ms)")
