"""Keystrokes of the entry form: a two-victim accident entered by keyboard only, counting the keys that are not
part of the typed text (Tab, Enter, Ctrl+…). Issue 12 aims at ≤ 45.

`enter_two_victims(form)` drives an open `AccidentForm` (the GUI test uses it); `count_keystrokes_two_victims()`
sets up a data folder of its own, enters and saves the accident, and returns the count (bench/run.py prints it).
Typed text goes through `tests.gui.conftest.type_text` (Vietnamese-safe key events); keys through `press`.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIRST_VICTIM = "Đinh Thị Hoa"
SECOND_VICTIM = "Đinh Văn Nam"


def enter_two_victims(form, today: dt.date | None = None) -> int:
    """Type a whole accident with two victims into *form* (focus on its first field) and save it with Ctrl+S.
    Returns the keys pressed beyond the typed text."""
    from PySide6.QtCore import Qt

    from app.ui.accident_form import enum_entries
    from tests.gui.conftest import press, type_text

    keys = 0
    ctrl = Qt.KeyboardModifier.ControlModifier

    def key(which: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal keys
        keys += 1
        press(form, which, modifiers)

    def field(text: str, leave: Qt.Key = Qt.Key.Key_Tab) -> None:
        if text:
            type_text(form, text)
        key(leave)

    def label(name: str, code: str) -> str:
        return next(entry.label for entry in enum_entries(name) if entry.code == code)

    day = (today or dt.date.today()) - dt.timedelta(days=3)
    enter = Qt.Key.Key_Return
    # The accident, in the paper form's order.
    field(day.strftime("%d/%m/%Y"))
    field("09:30")
    field("Thôn Nà Pàn")
    field("rung trong", enter)  # place: Rừng trồng của hộ gia đình
    field("")  # place details
    field("dang lam viec co", enter)  # activity: Đang làm việc có thu nhập
    field("Hái hồi trên cây")
    field("Trèo cây hồi, cành gãy, bị ngã xuống đất.")  # the description: Tab leaves it
    field("nga tu tren cao", enter)  # factor
    field("7", enter)  # cause, by its code
    field("")  # external cause
    # The first victim.
    field(FIRST_VICTIM)
    field(label("sex", "F"), enter)
    field("1990")
    field("020190001234")
    field("")  # date of birth
    field("")  # phone
    field("62", enter)  # occupation, by its code
    field("")  # ethnicity
    field("06040", enter)  # residence, by its code
    field("Thôn Nà Pàn")
    field(label("severity", "serious"), enter)
    # The second victim: same household and work (Ctrl+D).
    key(Qt.Key.Key_T, ctrl)
    field(FIRST_VICTIM.replace("Thị Hoa", "Văn Nam"))
    field(label("sex", "M"), enter)
    field("1988")
    field("020088004321")
    key(Qt.Key.Key_D, ctrl)
    field(label("severity", "minor"), enter)
    key(Qt.Key.Key_S, ctrl)
    return keys


def count_keystrokes_two_victims() -> int:
    """The figure the bench prints: a fresh commune folder, the form, the accident entered and saved."""
    import os

    from PySide6.QtWidgets import QApplication

    from app.services import records
    from app.services.workspace import initialise, login
    from app.ui.accident_form import AccidentForm
    from app.ui.application import make_application
    from app.ui.context import AppContext, UserState
    from app.ui.events import Events
    from app.ui.worker import Workers

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or make_application("vi")
    password = "bench-password-1"
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "commune"
        initialise(folder, role="commune", unit="06040", admin="admin", password=password)
        session = login(folder, "admin", password)
        try:
            ctx = AppContext(session=session, events=Events(), workers=Workers(), state=UserState(folder, "admin"))
            form = AccidentForm(ctx)
            form.show()
            form.activateWindow()
            for _ in range(50):
                app.processEvents()
                if form.isActiveWindow():
                    break
            form.ui.occurred_on.setFocus()
            keys = enter_two_victims(form, session.today())
            saved = records.list_accidents(session, search="dinh thi")
            form.close()
            form.deleteLater()
            app.processEvents()
            if len(saved) != 1:
                raise RuntimeError("the accident entered by keyboard was not saved")
            return keys
        finally:
            session.close()


if __name__ == "__main__":
    print(f"keystrokes beyond the typed text, two-victim accident: {count_keystrokes_two_victims()} (target ≤ 45)")
