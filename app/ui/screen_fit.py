"""Windows never larger than the screen: at 125 % or 150 % scaling a 1366×768 screen is 1093×614 or 910×512
points, smaller than the sizes our windows ask for, and a window taller than the screen hides its buttons."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget) -> None:
    """Shrink *window* to the available area of its screen (its parent's, else the primary one)."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = max(window.minimumWidth(), min(window.width(), area.width()))
    height = max(window.minimumHeight(), min(window.height(), area.height() - 30))  # the title bar
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
