"""`CodePicker`: a line edit that picks a code from a code list by typing any part of its label without
diacritics, or its code.

Why not `QCompleter` or an editable `QComboBox`: no accent folding, prefix-only search, and inline completion
that fights Vietnamese input methods (Unikey and EVKey delete and retype characters as you type, STYLE "Qt
pitfalls"). Here the text belongs to the user alone: typing only filters a list shown in a window that never
takes the focus (a tool-tip window), and the line edit keeps every keystroke. The ranking is
`picker_model.rank`.

Keys: Down/Up/PageDown/PageUp move in the list (Down opens it); Enter or Tab choose the highlighted row (the
best match is highlighted as you type), Tab then leaves the field and Enter is passed on to the form; Esc
closes the list (a second Esc goes to the dialog). An exact code followed by Tab or Enter chooses that code.
A text that names nothing leaves `code()` None and marks the field invalid (property `invalid`, warning icon).

Signals:
- `code_chosen(str)`: the user chose a code (from the list, or by typing it);
- `code_changed(object)`: `code()` changed through the user (a code, or None when the text no longer names one).
`set_code` and `set_entries` emit neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QListView, QWidget

from app.ui.widgets.marking import set_invalid
from app.ui.widgets.picker_model import DASH, PickerEntry, PickerModel

VISIBLE_ROWS = 10
MOVE_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


PICKER_MIN_LENGTH = 100  # characters a picker takes at least (a code list given later may be longer)


class CodePicker(QLineEdit):
    """A code chosen from ranked entries by typing; see the module docstring for keys and signals."""

    code_chosen = Signal(str)
    code_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, entries: Sequence[PickerEntry] = ()) -> None:
        super().__init__(parent)
        self._model = PickerModel(parent=self)
        self._by_code: dict[str, PickerEntry] = {}
        self._code: str | None = None
        self._watched: QWidget | None = None
        self._popup = QListView(self)
        popup = self._popup
        popup.setObjectName("picker_popup")
        popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                             | Qt.WindowType.WindowDoesNotAcceptFocus)
        popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        popup.setModel(self._model)
        popup.setUniformItemSizes(True)
        popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        popup.setStyleSheet("QListView::item { padding: 3px 4px; }")  # room for stacked capitals (Ễ, Ỗ)
        popup.clicked.connect(self._choose_index)
        self.textEdited.connect(self._edited)
        self.set_entries(entries)
        # The popup's window made once the form is up, not on the first letter typed (~10 ms of a 30 ms budget).
        QTimer.singleShot(0, self, self._popup.winId)  # with self as context: not called once self is gone

    # The public API ---------------------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[PickerEntry]) -> None:
        """Offer *entries*; a code already set stays (shown with its new label if it is among them). The text
        is capped a little beyond the longest entry as shown: a longer text can match nothing, and a paste of
        thousands of characters stalled every keystroke after it (found by the attack session)."""
        self._model.set_entries(entries)
        self._by_code = {entry.code: entry for entry in entries}
        longest = max((len(entry.chosen_text()) + len(entry.detail) for entry in entries), default=0)
        self.setMaxLength(max(PICKER_MIN_LENGTH, longest + 20, len(self.text())))  # never cuts what is there
        if self._code is not None:
            self.set_code(self._code)

    def entries(self) -> list[PickerEntry]:
        return self._model.entries()

    def code(self) -> str | None:
        return self._code

    def set_code(self, code: str | None) -> None:
        """Show *code* (None clears). A code not offered (retired since the record was made) is kept and shown
        as it is: the core's validation judges it, not the picker."""
        self._hide_popup()
        self._code = code or None
        if self._code is None:
            self.setText("")
        else:
            entry = self._by_code.get(self._code)
            self.setText(entry.chosen_text() if entry else self._code)
        self.setCursorPosition(0)
        set_invalid(self, False)

    def popup(self) -> QListView:
        """The list of matches (a tool-tip window that never takes the focus)."""
        return self._popup

    def picker_model(self) -> PickerModel:
        return self._model

    def is_valid(self) -> bool:
        """Empty, or naming a code."""
        return self._code is not None or not self.text().strip()

    # Typing ------------------------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        entry = self._exact(text)
        self._set_code(entry.code if entry else None)
        self._model.set_query(text)
        found = self._model.rowCount() > 0
        set_invalid(self, bool(text.strip()) and not found)
        if found and self.hasFocus():
            self._show_popup()
        else:
            self._hide_popup()

    def _exact(self, text: str) -> PickerEntry | None:
        """The entry *text* names exactly: its code (any case), or "code — label" as the picker shows it."""
        text = text.strip()
        if not text:
            return None
        entry = self._by_code.get(text)
        if entry is None:
            head = text.split(DASH.strip(), 1)[0].strip() if DASH.strip() in text else text
            entry = self._by_code.get(head) or next(
                (candidate for candidate in self._by_code.values() if candidate.code_key == head.casefold()), None)
        return entry

    def _set_code(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self.code_changed.emit(code)

    def _choose(self, entry: PickerEntry) -> None:
        self._hide_popup()
        self.setText(entry.chosen_text())
        self.setCursorPosition(0)
        set_invalid(self, False)
        self._set_code(entry.code)
        self.code_chosen.emit(entry.code)

    def _choose_index(self, index) -> None:
        entry = self._model.entry(index.row())
        if entry is not None:
            self._choose(entry)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_highlighted(self) -> bool:
        """Choose the popup's current row, if the popup is shown; True when a row was chosen."""
        if not self._popup.isVisible():
            return False
        entry = self._model.entry(self._popup.currentIndex().row())
        if entry is None:
            return False
        self._choose(entry)
        return True

    def _resolve(self) -> None:
        """On leaving the field without a highlighted row: an exact code is chosen; other text is invalid."""
        text = self.text().strip()
        if not text:
            self._set_code(None)
            set_invalid(self, False)
            return
        if self._code is not None and (self._code not in self._by_code
                                       or text == self._by_code[self._code].chosen_text()):
            return  # already chosen (or an old code set by the form)
        entry = self._exact(text)
        if entry is not None:
            self._choose(entry)
        else:
            self._set_code(None)
            set_invalid(self, True)

    # The popup ---------------------------------------------------------------------------------------------
    def _show_popup(self) -> None:
        popup = self._popup
        if popup.currentIndex().row() < 0 or not popup.currentIndex().isValid():
            popup.setCurrentIndex(self._model.index(0, 0))
        rows = min(self._model.rowCount(), VISIBLE_ROWS)
        row_height = max(popup.sizeHintForRow(0), self.fontMetrics().height() + 6)
        frame = 2 * popup.frameWidth()
        height = rows * row_height + frame
        scroll = popup.verticalScrollBar().sizeHint().width() if self._model.rowCount() > rows else 0
        width = max(self.width(), min(popup.sizeHintForColumn(0) + frame + scroll + 8, 640))
        below = self.mapToGlobal(QPoint(0, self.height()))
        above = self.mapToGlobal(QPoint(0, 0))
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - width))
        y = below.y() if below.y() + height <= screen.bottom() or above.y() - height < screen.top() \
            else above.y() - height
        popup.setGeometry(x, y, width, height)
        if not popup.isVisible():
            popup.show()
            self._watch(self.window())
        popup.scrollTo(popup.currentIndex())

    def _hide_popup(self) -> None:
        if self._popup.isVisible():
            self._popup.hide()
        self._watch(None)

    def _watch(self, window: QWidget | None) -> None:
        """Hide the popup when the window moves, resizes or hides (it is a window of its own)."""
        if self._watched is window:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = window
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Hide,
                                                         QEvent.Type.WindowDeactivate):
            self._hide_popup()
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        popup = self._popup
        count = self._model.rowCount()
        if count == 0:
            return
        row = popup.currentIndex().row()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: VISIBLE_ROWS - 1,
                Qt.Key.Key_PageUp: -(VISIBLE_ROWS - 1)}[key]
        row = max(0, min(count - 1, (row if row >= 0 else -1) + step))
        popup.setCurrentIndex(self._model.index(row, 0))
        popup.scrollTo(popup.currentIndex())

    def _open(self) -> None:
        """Down on a closed list: show the matches of the text; when it shows the chosen code, the whole list
        if it is short, else the entries named like the chosen one, with the chosen one highlighted."""
        chosen = self._by_code.get(self._code) if self._code else None
        query = self.text()
        if chosen is not None and query.strip() == chosen.chosen_text():
            query = "" if len(self._by_code) <= VISIBLE_ROWS * 5 else chosen.label
        self._model.set_query(query)
        if self._model.rowCount():
            row = next((row for row, entry in enumerate(self._model.rows()) if chosen and entry.code == chosen.code),
                       0)
            self._popup.setCurrentIndex(self._model.index(row, 0))
            self._show_popup()

    # Qt overrides ------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._popup.isVisible() and (event.key() in MOVE_KEYS + ENTER_KEYS
                                            or event.key() == Qt.Key.Key_Escape):
                event.accept()  # ours while the list is open, not a dialog's shortcut
                return True
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and not self._choose_highlighted():
            self._resolve()  # Tab chooses the highlighted row, else an exact code
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.AltModifier)
        if self._popup.isVisible():
            if key in MOVE_KEYS and plain:
                self._move(Qt.Key(key))
                event.accept()
                return
            if key == Qt.Key.Key_Escape:
                self._hide_popup()
                event.accept()
                return
            if key in ENTER_KEYS:
                if not self._choose_highlighted():
                    self._resolve()
                super().keyPressEvent(event)  # returnPressed, editingFinished; the form may move on
                return
        elif key == Qt.Key.Key_Down and plain:
            self._open()
            event.accept()
            return
        elif key in ENTER_KEYS:
            self._resolve()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if QApplication.activeWindow() is not self._popup:
            self._hide_popup()
            if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu keeps the field as it is
                self._resolve()
        super().focusOutEvent(event)

    def hideEvent(self, event) -> None:
        self._hide_popup()
        super().hideEvent(event)


def codelist_entries(codelists, name: str, on: dt.date | None = None, lang: str = "vi",
                     leaves_only: bool = False) -> list[PickerEntry]:
    """The entries of code list *name* (`session.codelists[name]`), in the list's order; retired codes (not
    valid on *on*, default today) are not offered. *leaves_only* drops group headings (codes with children)."""
    codelist = codelists[name]
    day = on or dt.date.today()
    entries = []
    for code in codelist:
        if not code.valid_on(day) or (leaves_only and codelist.children(code.code)):
            continue
        entries.append(PickerEntry(code.code, code.name(lang)))
    return entries


UNIT_TYPES = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Commune ", "Ward ")
_ENGLISH_TYPES = (" Commune", " Ward", " Special Zone")


def _without_unit_type(name: str) -> str:
    """"Thạnh Trị" for "Xã Thạnh Trị": the part of a commune's name a user types first."""
    for prefix in UNIT_TYPES:
        if name.startswith(prefix):
            return name[len(prefix):]
    for suffix in _ENGLISH_TYPES:
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


_COMMUNES: dict[tuple, list[PickerEntry]] = {}


def commune_entries(codelists, home: str | None = None, on: dt.date | None = None,
                    lang: str = "vi") -> list[PickerEntry]:
    """The communes (wards, special zones) of `admin_units` in force on *on* (default today), each with its
    province as detail (555 of the 3,321 communes share a name). The communes of *home*'s province (*home*: the
    workstation's commune or province code) rank first among equal matches. Built once per code-list version:
    3,321 entries take a noticeable moment."""
    units = codelists["admin_units"]
    day = on or dt.date.today()
    province = home if home is None or units.get(home) is None or units.get(home).parent is None \
        else units.get(home).parent
    key = (id(codelists), units.version, province, day, lang)
    cached = _COMMUNES.get(key)
    if cached is not None:
        return cached
    provinces = {code.code: code.name(lang) for code in units.roots()}
    entries = [PickerEntry(code.code, code.name(lang), provinces.get(code.parent, code.parent or ""),
                           preferred=code.parent == province, name=_without_unit_type(code.name(lang)))
               for code in units if code.parent is not None and code.valid_on(day)]
    if len(_COMMUNES) > 8:
        _COMMUNES.clear()
    _COMMUNES[key] = entries
    return entries
