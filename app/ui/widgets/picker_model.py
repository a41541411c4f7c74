"""What a code picker offers for a typed text: entries, their ranking, and the list model the popup shows.

`QCompleter` cannot do this (no accent folding, prefix-only fast search, inline completion that fights Unikey):
the ranking is a pure function, `rank(entries, query)`, over texts folded once per entry.

A query matches an entry when every folded word of it is in the folded "code label detail" text ("dien" finds
"Điện giật", "doan ket" finds "Xã Đoàn Kết"), or when it is the beginning of the code. Matches are ranked:

0. the code itself ("06001");
1. the label holding the query with the SAME accents at a word start ("Thạnh Trị" typed with its marks ranks
   "Xã Thạnh Trị" above "Xã Thanh Trì"): the whole label or name first, then a label or name that begins with
   it (an entry's *name* is its label without the words all entries repeat: "Thạnh Trị" for "Xã Thạnh Trị");
2. a code beginning with the query, then a folded label or name equal to it, then beginning with it;
3. the folded query at a word start of the label ("doan ket" in "Xã Đoàn Kết");
4. every word of the query at a word start somewhere;
5. anywhere else (inside a word, or only in the detail);

then entries marked `preferred` (the communes of the workstation's own province), then name, detail and label in
Vietnamese alphabetical order (`vi_sort_key`), then the code. At most `limit` (50) entries come back.

Timing a picker keystroke (SPEC § 10: ≤ 30 ms over the 3,321 communes), e.g. in `bench/`:

    from app.core.codelists import CodeLists
    from app.ui.widgets.code_picker import commune_entries
    from app.ui.widgets.picker_model import rank
    entries = commune_entries(CodeLists())          # built once, when the form opens
    start = time.perf_counter(); rank(entries, "doan ket"); elapsed = time.perf_counter() - start

(`PickerModel.set_query` adds a model reset of at most 50 rows: well under a millisecond.)
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.text import fold, nfc, search_terms

LIMIT = 50
DASH = " — "  # between code and label in a row and in the picker's text once chosen

# Vietnamese alphabetical order: letters with their own place (ă, â, đ, ê, ô, ơ, ư), then the tones in the
# dictionary order (none, huyền, hỏi, ngã, sắc, nặng) as a second level, then case.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "+"}  # breve, circumflex, horn (applied to the base letter)
_WITH_MARK = {("a", "ă"): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("o", "+"): "ơ", ("u", "+"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_sort_key(text: str) -> tuple[str, str, str]:
    """A sort key that orders Vietnamese as a dictionary does ("Thanh Trì" < "Thạnh Trị" < "Thành"…), without
    Qt's collator (so the ranking stays a pure function, usable from a bench or a service)."""
    primary: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        tone = _TONES.get(char)
        if tone is not None:
            if tones:
                tones[-1] = chr(48 + tone)
            continue
        mark = _MARKS.get(char)
        if mark is not None and primary:
            last = primary[-1]
            base = _ALPHABET[ord(last) - 0x100] if ord(last) >= 0x100 and ord(last) - 0x100 < len(_ALPHABET) else ""
            marked = _WITH_MARK.get((base, mark))
            if marked:
                primary[-1] = chr(0x100 + _LETTER_RANK[marked])
            continue
        if char in ("đ", "ð"):
            char = "đ"
        rank_ = _LETTER_RANK.get(char)
        if rank_ is not None:
            primary.append(chr(0x100 + rank_))  # letters after digits, spaces and punctuation
        elif char.isspace():
            primary.append(" ")
        else:
            primary.append(char if ord(char) < 0x100 else chr(0x1000 + ord(char)))
        tones.append("0")
    return "".join(primary), "".join(tones), text


class PickerEntry:
    """One choice of a picker: its code, label and a detail shown beside it (a commune's province). The folded
    texts the ranking reads are computed once, here."""

    __slots__ = ("code", "label", "detail", "preferred", "code_key", "label_key", "name_key", "folded",
                 "folded_label", "folded_name", "label_words", "sort_key")

    def __init__(self, code: str, label: str, detail: str = "", preferred: bool = False,
                 name: str | None = None) -> None:
        self.code = code
        self.label = " ".join(nfc(label).split())
        self.detail = " ".join(nfc(detail).split())
        self.preferred = preferred  # ranked first among equals (the communes of the workstation's province)
        # *name*: the label without words every entry repeats ("Xã", "Phường"), for "the label is the query"
        name = self.label if name is None else " ".join(nfc(name).split())
        self.code_key = code.casefold()
        self.label_key = " " + self.label.casefold()  # accents kept, case folded
        self.name_key = " " + name.casefold()
        self.folded_label = fold(self.label)
        self.folded_name = fold(name)
        self.label_words = " " + " ".join(search_terms(self.label))  # folded, punctuation as spaces
        self.folded = fold(f"{code} {self.label} {self.detail}")
        self.sort_key = vi_sort_key(f"{name}\x00{self.detail}\x00{self.label}")

    def display(self) -> str:
        """The popup's row: "code — label (detail)"."""
        text = f"{self.code}{DASH}{self.label}"
        return f"{text} ({self.detail})" if self.detail else text

    def chosen_text(self) -> str:
        """What the picker's field shows once this entry is chosen: "code — label"."""
        return f"{self.code}{DASH}{self.label}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PickerEntry) and (self.code, self.label, self.detail) == (
            other.code, other.label, other.detail)

    def __hash__(self) -> int:
        return hash((self.code, self.label, self.detail))

    def __repr__(self) -> str:
        return f"PickerEntry({self.code!r}, {self.label!r}, {self.detail!r})"


def _tier(entry: PickerEntry, code_query: str, accented: str, folded: str, terms: list[str]) -> tuple[int, int]:
    if entry.code_key == code_query:
        return 0, 0
    if accented in entry.label_key:  # the same accents, at a word start
        if entry.name_key == accented or entry.label_key == accented:
            return 1, 0
        return 1, 1 if entry.name_key.startswith(accented) or entry.label_key.startswith(accented) else 2
    if entry.code_key.startswith(code_query):
        return 2, 0
    if entry.folded_name.startswith(folded) or entry.folded_label.startswith(folded):
        return 2, 0 if entry.folded_name == folded or entry.folded_label == folded else 1
    if (" " + folded) in entry.label_words:
        return 3, 0
    words = entry.label_words + " " + entry.folded
    if all((" " + term) in words for term in terms):
        return 4, 0
    return 5, 0


def matching(entries: Iterable[PickerEntry], query: str) -> list[PickerEntry]:
    """The entries *query* matches (every folded word in "code label detail", or the start of the code), in
    their given order. An empty query matches everything; a query of punctuation only ("(", "%") matches nothing,
    else one stray key would choose the first entry of the list (a Hà Nội ward for a Lạng Sơn victim)."""
    terms = search_terms(query)
    code_query = query.strip().casefold()
    if not terms:
        return list(entries) if not code_query else [e for e in entries if e.code_key.startswith(code_query)]
    return [entry for entry in entries
            if all(term in entry.folded for term in terms) or (code_query and entry.code_key.startswith(code_query))]


def rank(entries: Sequence[PickerEntry], query: str, limit: int = LIMIT) -> list[PickerEntry]:
    """The best *limit* entries for *query*, best first (see the module's docstring). An empty query gives the
    first *limit* entries in their given order. Pure and Qt-free: time it to time a picker keystroke."""
    return rank_matches(matching(entries, query), query, limit)


def rank_matches(found: Sequence[PickerEntry], query: str, limit: int = LIMIT) -> list[PickerEntry]:
    """`rank` over entries already known to match *query* (a picker narrows the previous result)."""
    terms = search_terms(query)
    if not terms:
        return list(found[:limit])
    code_query = query.strip().casefold()
    accented = " " + " ".join(nfc(query).casefold().split())
    folded = " ".join(terms)
    keyed = ((_tier(entry, code_query, accented, folded, terms), not entry.preferred, entry.sort_key, entry.code,
              index, entry) for index, entry in enumerate(found))
    return [item[-1] for item in heapq.nsmallest(limit, keyed, key=lambda item: item[:5])]


class PickerModel(QAbstractListModel):
    """The ranked entries of the picker's popup: DisplayRole "code — label (detail)", UserRole the code.

    `set_query` narrows the previous matches when the new query only extends the old one (typing on), so a
    keystroke over the 3,321 communes stays far below 30 ms."""

    CodeRole = Qt.ItemDataRole.UserRole

    def __init__(self, entries: Sequence[PickerEntry] = (), parent=None) -> None:
        super().__init__(parent)
        self._entries: list[PickerEntry] = list(entries)
        self._rows: list[PickerEntry] = []
        self._last_query: str | None = None
        self._last_found: list[PickerEntry] = []

    def set_entries(self, entries: Sequence[PickerEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = []
        self._last_query = None
        self._last_found = []
        self.endResetModel()

    def entries(self) -> list[PickerEntry]:
        return self._entries

    def set_query(self, query: str, limit: int = LIMIT) -> None:
        """Show the best *limit* entries for *query*."""
        previous = self._last_query
        if previous is not None and search_terms(previous) and self._extends(previous, query):
            found = matching(self._last_found, query)
        else:
            found = matching(self._entries, query)
        self._last_query, self._last_found = query, found
        rows = rank_matches(found, query, limit)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _extends(previous: str, query: str) -> bool:
        """Whether every entry *query* matches also matched *previous*: the text only grew at its end (the
        terms of the old query are then each contained in a term of the new one, and a code prefix stays one)."""
        return query.startswith(previous) and query.strip().startswith(previous.strip())

    def entry(self, row: int) -> PickerEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[PickerEntry]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.display()
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.display()
        if role == self.CodeRole:
            return entry.code
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
