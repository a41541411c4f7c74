"""The main window (stub until issue 12's main-window part lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from app.ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("TNLĐ"))
        self.setCentralWidget(QLabel(ctx.session.unit_name))

    def close_session(self) -> None:
        """Close the GUI thread's session (after the workers have stopped)."""
        self.ctx.session.close()
