"""The one handler for anything unexpected (STYLE § 14): a crash file in the data folder's `logs/`, a short
apology with **Copy details**, and the program kept alive where it can be.

`install(logs_folder)` sets `sys.excepthook` and `threading.excepthook`; worker failures come through `report`.
A `UserError` never comes here (it is a message, `app.ui.messages`). Never a traceback in a dialog: the details
(the crash file's text) are copied to the clipboard for support, not shown.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.texts import tr

log = logging.getLogger(__name__)

_logs_folder: Callable[[], Path | None] = lambda: None  # noqa: E731 - set by install()
_showing = False
shown: list[Path | None] = []  # the crash files reported in this run (tests read it)


def install(logs_folder: Callable[[], Path | None]) -> None:
    """Report every uncaught exception, on the GUI thread or any other."""
    global _logs_folder
    _logs_folder = logs_folder
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def _excepthook(kind, value, traceback) -> None:
    if value is None:
        value = kind()
    if value.__traceback__ is None:
        value = value.with_traceback(traceback)
    if isinstance(value, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    report(value)


class _Bridge(QObject):
    """Carries a report from another thread to the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[BaseException] = []

    @Slot()
    def show_pending(self) -> None:
        while self.pending:
            report(self.pending.pop(0))


_bridge: _Bridge | None = None


def report(error: BaseException, parent: QWidget | None = None) -> Path | None:
    """Write the crash file and show the apology (on the GUI thread; from another thread it is queued)."""
    global _bridge, _showing
    from app.core.fsutil import known_problem

    app = QApplication.instance()
    if app is not None and QThreadCheck.off_gui_thread():
        if _bridge is None or _bridge.thread() is not app.thread():
            _bridge = _Bridge()
            _bridge.moveToThread(app.thread())
        _bridge.pending.append(error)
        QMetaObject.invokeMethod(_bridge, "show_pending", Qt.ConnectionType.QueuedConnection)
        return None
    problem = known_problem(error, None) if isinstance(error, Exception) else None
    if problem is not None:  # a full or read-only disk, a damaged database: the user can act on it, not a bug
        from app.ui import messages

        messages.user_error(parent or _active_window(), problem)
        return None
    from app.logs import write_crash_report

    path = write_crash_report(error, _logs_folder())
    shown.append(path)
    log.error("unexpected error %s", type(error).__name__)
    if _showing or app is None:
        return path
    _showing = True
    try:
        present(path, parent or _active_window())
    finally:
        _showing = False
    return path


class QThreadCheck:
    @staticmethod
    def off_gui_thread() -> bool:
        from PySide6.QtCore import QThread

        app = QApplication.instance()
        return app is not None and QThread.currentThread() is not app.thread()


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def _present(path: Path | None, parent: QWidget | None) -> None:
    CrashDialog(path, parent).exec()


present: Callable[[Path | None, QWidget | None], None] = _present  # tests replace it (no modal dialog in a test)


class CrashDialog(QDialog):
    """'Something went wrong': what happened to the user's work, where the details are, Copy details."""

    def __init__(self, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("TNLĐ: unexpected error"))
        self.path = path
        text = tr("Sorry, something went wrong inside TNLĐ. What you saved before is safe; the last action may not "
                  "have finished, so please check it.")
        if path is not None:
            text += "\n\n" + tr("The details were saved in {path}. Please send that file, or the copied details, "
                                "to whoever supports TNLĐ for your unit.").format(path=path)
        else:
            text += "\n\n" + tr("The details could not be saved (is the disk full?). Please tell support what you "
                                "were doing.")
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(tr("Copy details"))
        self.copy_button.setEnabled(path is not None)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        if self.path is None:
            return
        try:
            details = self.path.read_text(encoding="utf-8")[:200_000]
        except OSError:
            details = str(self.path)
        QGuiApplication.clipboard().setText(details)
        self.copy_button.setText(tr("Copied"))
