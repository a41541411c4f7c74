"""The one handler for anything unexpected (issue 12, item 11): an exception raised in a slot on the GUI thread
reaches `sys.excepthook` (the program's, `app.ui.crash`), a crash file lands in the data folder's `logs/`, the
apology is offered, the program goes on, and Copy details puts the file's text on the clipboard.

pytest-qt installs its own excepthook while a test runs (it fails the test on an exception in a slot); these
tests turn that off (`qt_no_exception_capture`) so that the program's hook is the one Qt's bindings call."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def installed(ctx, monkeypatch):
    """The crash handler installed as `application.run` installs it, and the hooks put back afterwards."""
    from app.ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install(lambda: ctx.folder / "logs")
    return crash


def test_an_exception_in_a_slot_writes_a_crash_file_and_the_program_goes_on(ctx, qtbot, messages, installed):
    assert sys.excepthook is installed._excepthook
    button = QPushButton("Ễ")
    qtbot.addWidget(button)
    clicks = []

    def broken_slot() -> None:
        clicks.append(True)
        print(1 / 0)

    button.clicked.connect(broken_slot)
    button.click()
    qtbot.waitUntil(lambda: len(messages.crashes) == 1, timeout=5_000)
    path = messages.crashes[0]
    assert path is not None and path.parent == ctx.folder / "logs"
    text = path.read_text(encoding="utf-8")
    assert "ZeroDivisionError" in text and "broken_slot" in text
    assert messages.texts("error") == []  # a bug is no user message

    # The program goes on: the same button and the session still work.
    button.click()
    qtbot.waitUntil(lambda: len(messages.crashes) == 2, timeout=5_000)
    assert clicks == [True, True]
    from app.services import records

    assert records.count_accidents(ctx.session) == 0


def test_the_crash_dialog_copies_the_crash_file(ctx, qtbot, messages, installed):
    from app.ui.crash import CrashDialog

    try:
        {}["không có"]
    except KeyError as error:
        installed._excepthook(type(error), error, error.__traceback__)
    assert len(messages.crashes) == 1
    path = messages.crashes[0]
    dialog = CrashDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == path.read_text(encoding="utf-8")
    assert "KeyError" in QGuiApplication.clipboard().text()

