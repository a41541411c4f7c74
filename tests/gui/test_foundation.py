"""The desktop program's plumbing: workers with their own sessions, the crash handler, the start-up path."""

from __future__ import annotations

import subprocess
import sys
import threading

from app.core.errors import UserError
from app.core.progress import Cancelled


def test_a_worker_gets_its_own_session_on_its_own_thread(ctx, qtbot):
    seen = {}

    def work(session, progress, cancel):
        seen["thread"] = threading.current_thread()
        seen["same"] = session is ctx.session
        progress(1, 2)
        return session.store.count()

    results = []
    job = ctx.workers.start(work, ctx.session, on_done=results.append)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert results == [0]
    assert seen["thread"] is not threading.main_thread() and seen["same"] is False
    assert ctx.workers.running() == 0


def test_a_user_error_in_a_worker_is_a_message_and_a_cancel_is_silent(ctx, qtbot, messages):
    def failing(session, progress, cancel):
        raise UserError("password.missing")

    job = ctx.workers.start(failing, None)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass

    def cancelled(session, progress, cancel):
        raise Cancelled()

    job = ctx.workers.start(cancelled, None)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert len(messages.texts("error")) == 1 and "mật khẩu" in messages.texts("error")[0].lower()


def test_a_bug_in_a_worker_writes_a_crash_file_and_the_program_goes_on(ctx, qtbot, messages, tmp_path):
    from app.ui import crash

    crash.install(lambda: tmp_path / "logs")

    def buggy(session, progress, cancel):
        raise ZeroDivisionError("boom")

    job = ctx.workers.start(buggy, None)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert len(messages.crashes) == 1
    text = messages.crashes[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError" in text and messages.crashes[0].parent == tmp_path / "logs"


def test_stop_all_cancels_running_work(ctx, qtbot):
    import time

    def slow(session, progress, cancel):
        while not cancel():
            time.sleep(0.01)
        raise Cancelled()

    ctx.workers.start(slow, ctx.session)
    assert ctx.workers.running() == 1
    ctx.workers.stop_all(5_000)
    assert ctx.workers.running() == 0


def test_the_crash_dialog_copies_the_details(qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from app.ui.crash import CrashDialog

    report = tmp_path / "crash.txt"
    report.write_text("Traceback: ZeroDivisionError", encoding="utf-8")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "Traceback" not in " ".join(label.text() for label in dialog.findChildren(type(dialog.children()[0]))
                                       if hasattr(label, "text"))
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: ZeroDivisionError"


def test_the_gui_entry_points_exist():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())["project"]
    assert project["gui-scripts"]["tnld-gui"] == "app.ui.application:main"
    result = subprocess.run([sys.executable, "-c", "import app.ui.application as a; print(callable(a.main))"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
