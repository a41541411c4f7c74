"""`DateEdit` and `TimeEdit`: a date typed dd/mm/yyyy (also d/m/yy, dd.mm.yyyy, dd-mm-yyyy, ddmmyyyy) and a
time typed HH:MM (also H:MM, HHMM, H, HH, 14h30), shown back in the full form when the field is left.

Plain line edits on purpose: an input mask fights Unikey and EVKey (which delete and retype characters) and makes
Tab and Backspace behave oddly, and `QDateEdit`'s sections cannot be typed as people write a date. A text that
is not a date (31/02/2026) stays as typed, `is_valid()` is False and the field is marked (property `invalid`
and a warning icon, see `marking`). An empty field is valid and means "no value".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.widgets.marking import set_invalid

_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_DATE_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{2}|\d{4})")
_TIME = re.compile(r"(\d{1,2})(?:\s*[:.hH]\s*(\d{2})?)?")
_TIME_DIGITS = re.compile(r"(\d{1,2})(\d{2})")
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date *text* names, or None. A two-digit year is this century's when it is not after this year's
    two digits, else the last century's ("5/3/26" is 2026, "1/1/85" is 1985)."""
    text = text.strip()
    found = _DATE.fullmatch(text) or _DATE_DIGITS.fullmatch(text)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    if len(found.group(3)) == 2:
        this_year = (today or dt.date.today()).year
        century = this_year // 100 * 100
        year += century if year <= this_year % 100 else century - 100
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> str | None:
    """"HH:MM" for the time *text* names, or None."""
    text = text.strip()
    found = _TIME.fullmatch(text)
    if found is not None:
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
    else:
        found = _TIME_DIGITS.fullmatch(text)
        if found is None:
            return None
        hour, minute = int(found.group(1)), int(found.group(2))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


class DateEdit(QLineEdit):
    """A date typed as people write it; `iso()` the ISO date, None when empty or not a date.

    Signal `date_changed(object)`: the ISO date (or None) after the field is left or Enter pressed, when it
    changed."""

    date_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today  # `session.today` in the program: its clock decides "yy"
        self._last: str | None = None
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._finish)

    def iso(self) -> str | None:
        day = self.date()
        return day.isoformat() if day else None

    def date(self) -> dt.date | None:
        return parse_date(self.text(), self._today())

    def set_iso(self, value: str | None) -> None:
        """Show the ISO date *value* (None or "" clears). Anything else is shown as it is: a draft keeps what the
        user typed ("31/02/2026"), and the core's check marks it when the field is left or saved."""
        try:
            day = dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            self.setText(str(value))
        else:
            self.setText(day.strftime("%d/%m/%Y") if day else "")
        self._last = self.iso()
        set_invalid(self, False)

    def set_date(self, value: dt.date | None) -> None:
        self.set_iso(value.isoformat() if value else None)

    def is_valid(self) -> bool:
        return not self.text().strip() or self.date() is not None

    def _edited(self, _text: str) -> None:
        if self.property("invalid") and self.is_valid():
            set_invalid(self, False)  # corrected: unmark at once; a new error waits for the field to be left

    def _finish(self) -> None:
        day = self.date()
        if day is not None:
            shown = day.strftime("%d/%m/%Y")
            if self.text() != shown:
                self.setText(shown)
        set_invalid(self, not self.is_valid(), self.tr("Not a date: type it as dd/mm/yyyy"))
        value = day.isoformat() if day else None
        if value != self._last:
            self._last = value
            self.date_changed.emit(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # emits editingFinished when the text changed
        self._finish()


class TimeEdit(QLineEdit):
    """A time of day typed HH:MM, H:MM, HHMM, H or HH; `text_value()` "HH:MM", None when empty or not a time.

    Signal `time_changed(object)`, as `DateEdit.date_changed`."""

    time_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last: str | None = None
        self.setPlaceholderText(self.tr("HH:MM"))
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._finish)

    def text_value(self) -> str | None:
        return parse_time(self.text())

    def set_value(self, value: str | None) -> None:
        """Show *value* ("HH:MM"; None or "" clears)."""
        self.setText((parse_time(value) or value) if value else "")
        self._last = self.text_value()
        set_invalid(self, False)

    def is_valid(self) -> bool:
        return not self.text().strip() or self.text_value() is not None

    def _edited(self, _text: str) -> None:
        if self.property("invalid") and self.is_valid():
            set_invalid(self, False)

    def _finish(self) -> None:
        value = self.text_value()
        if value is not None and self.text() != value:
            self.setText(value)
        set_invalid(self, not self.is_valid(), self.tr("Not a time: type it as HH:MM"))
        if value != self._last:
            self._last = value
            self.time_changed.emit(value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()
