"""The editors the entry form is built from: code pickers, dates and times (`app.ui.widgets`).

Until the widgets package is on this branch, plain `QLineEdit`s with the same small interface stand in for them
(a picker that resolves its text to the best match when left, dates `dd/mm/yyyy` or `d/m/yy`, times `HH:MM`),
so that the form and its tests run; with the package present they are the real widgets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

try:  # pragma: no cover - which branch is merged decides
    from app.ui.widgets.code_picker import CodePicker, codelist_entries, commune_entries  # type: ignore
    from app.ui.widgets.date_edit import DateEdit, TimeEdit  # type: ignore
    from app.ui.widgets.picker_model import PickerEntry  # type: ignore

    REAL_WIDGETS = True
except ImportError:
    REAL_WIDGETS = False

    @dataclass(frozen=True)
    class PickerEntry:  # type: ignore[no-redef]
        code: str
        label: str
        detail: str = ""

    class CodePicker(QLineEdit):  # type: ignore[no-redef]
        """Stand-in picker: type any part of a label (no diacritics needed) or a code; leaving the field picks
        the best match and shows its label."""

        code_chosen = Signal(str)

        def __init__(self, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self._entries: list[PickerEntry] = []
            self._code: str | None = None
            self.editingFinished.connect(self._resolve)

        def set_entries(self, entries: list[PickerEntry]) -> None:
            from app.core.text import fold

            self._entries = list(entries)
            self._folded = [(fold(entry.label), entry) for entry in self._entries]

        def code(self) -> str | None:
            if self.text().strip() == "":
                return None
            return self._code

        def set_code(self, code: str | None) -> None:
            self._code = code
            entry = next((e for e in self._entries if e.code == code), None)
            self.setText(entry.label if entry else (code or ""))

        def _resolve(self) -> None:
            from app.core.text import fold

            text = self.text().strip()
            current = next((e for e in self._entries if e.code == self._code), None)
            if not text:
                self._code = None
                return
            if current is not None and text == current.label:
                return
            query = fold(text)
            exact = [e for e in self._entries if e.code.casefold() == text.casefold()]
            prefix = [e for f, e in self._folded if f.startswith(query)]
            inside = [e for f, e in self._folded if query in f]
            found = (exact or prefix or inside or [None])[0]
            if found is None:
                self._code = text  # unknown: the core says so, beside the field
                return
            self._code = found.code
            self.setText(found.label)
            self.code_chosen.emit(found.code)

    def codelist_entries(codelists, name: str, on: dt.date | None = None,  # type: ignore[no-redef]
                         lang: str = "vi", leaves_only: bool = False) -> list[PickerEntry]:
        return [PickerEntry(code.code, code.name(lang)) for code in codelists[name]]

    def commune_entries(codelists, home: str | None = None, on: dt.date | None = None,  # type: ignore[no-redef]
                        lang: str = "vi") -> list[PickerEntry]:
        return [PickerEntry(code.code, code.name(lang)) for code in codelists["admin_units"]
                if codelists.is_commune(code.code)]

    _DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")

    class DateEdit(QLineEdit):  # type: ignore[no-redef]
        """Stand-in date: `dd/mm/yyyy` or `d/m/yy`."""

        def iso(self) -> str | None:
            text = self.text().strip()
            if not text:
                return None
            match = _DATE.match(text)
            if not match:
                return None
            day, month, year = (int(part) for part in match.groups())
            if year < 100:
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None

        def set_iso(self, value: str | None) -> None:
            if not value:
                self.clear()
                return
            try:
                self.setText(dt.date.fromisoformat(value).strftime("%d/%m/%Y"))
            except ValueError:
                self.setText(value)

        def is_valid(self) -> bool:
            return not self.text().strip() or self.iso() is not None

    class TimeEdit(QLineEdit):  # type: ignore[no-redef]
        """Stand-in time: `HH:MM`."""

        def text_value(self) -> str | None:
            text = self.text().strip()
            if not text:
                return None
            match = re.match(r"^(\d{1,2})[:h.](\d{2})$", text)
            if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
                return None
            return f"{int(match.group(1)):02d}:{match.group(2)}"

        def set_value(self, value: str | None) -> None:
            self.setText(value or "")

        def is_valid(self) -> bool:
            return not self.text().strip() or self.text_value() is not None


__all__ = ["REAL_WIDGETS", "CodePicker", "DateEdit", "PickerEntry", "TimeEdit", "codelist_entries",
           "commune_entries"]
