"""The accident list's model: a plain list of ids, rows fetched when they are drawn (Anki's browser,
`qt/aqt/browser/table/model.py`; STYLE § 11 and "Qt pitfalls").

No `QSortFilterProxyModel` over 100,000 rows: searching and sorting happen in `app.services.listing.ListIndex`
(in memory) or in the database; the model is given the resulting ids (`set_ids`) and asks
`listing.page(session, ids)` for ~200 rows around the first one drawn that it does not hold. `sort()` (a click
on a header) only says what was asked (`sort_requested`); the list page answers with new ids.

Fatal rows are tinted red AND show a mark and the word in the severity column; overdue obligations are tinted
amber AND show a clock and the word: colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.core.vnformat import short_date

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the accident id of a row, any column
SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value a column sorts by
PAGE = 200  # rows fetched at once
CACHE_LIMIT = 5_000  # rows kept; beyond, the cache starts again (scrolling back fetches them anew)

FATAL_BACKGROUND = QColor(255, 226, 226)
OVERDUE_BACKGROUND = QColor(255, 234, 196)
VOID_FOREGROUND = QColor(110, 110, 110)


class Column(IntEnum):
    DATE = 0
    PLACE = 1
    VICTIM = 2
    VICTIMS = 3
    DEATHS = 4
    SERIOUS = 5
    SEVERITY = 6
    STATUS = 7
    DELIVERY = 8
    OBLIGATIONS = 9


# The name `app.services.listing.ListIndex.find` sorts by, per column.
SORT_KEYS = {Column.DATE: "date", Column.PLACE: "place", Column.VICTIM: "victim", Column.VICTIMS: "victims",
             Column.DEATHS: "deaths", Column.SERIOUS: "serious", Column.SEVERITY: "severity",
             Column.STATUS: "status", Column.DELIVERY: "delivery", Column.OBLIGATIONS: "obligations"}
WIDTHS = {Column.DATE: 90, Column.PLACE: 160, Column.VICTIM: 180, Column.VICTIMS: 64, Column.DEATHS: 64,
          Column.SERIOUS: 64, Column.SEVERITY: 140, Column.STATUS: 105, Column.DELIVERY: 100,
          Column.OBLIGATIONS: 150}
_NUMBERS = (Column.VICTIMS, Column.DEATHS, Column.SERIOUS)
_COLUMNS = tuple(Column)  # indexing a tuple: `Column(n)` costs ~10 µs, a few thousand times per repaint


def _pixmap(draw: Callable[[QPainter], None]) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    return QIcon(pixmap)


def fatal_icon() -> QIcon:
    """A dark red cross on a light disc: the mark of a death, drawn (no image files)."""
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor(150, 0, 0), 2))
        p.setBrush(QColor(255, 235, 235))
        p.drawEllipse(QRectF(2, 2, 28, 28))
        pen = QPen(QColor(150, 0, 0), 4)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        p.drawLine(QPointF(16, 6), QPointF(16, 27))
        p.drawLine(QPointF(9, 12), QPointF(23, 12))
    return _pixmap(draw)


def clock_icon() -> QIcon:
    """An amber clock: an obligation past its due date."""
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor(140, 80, 0), 2.5))
        p.setBrush(QColor(255, 190, 60))
        p.drawEllipse(QRectF(2, 2, 28, 28))
        path = QPainterPath(QPointF(16, 7))
        path.lineTo(16, 16)
        path.lineTo(23, 20)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(60, 30, 0), 3))
        p.drawPath(path)
    return _pixmap(draw)


def tick_icon() -> QIcon:
    """A green tick: the office's receipt confirmed this version."""
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor(0, 120, 40), 4))
        path = QPainterPath(QPointF(5, 17))
        path.lineTo(13, 25)
        path.lineTo(27, 7)
        p.drawPath(path)
    return _pixmap(draw)


class AccidentModel(QAbstractTableModel):
    """Rows of accidents by id. Signals: `sort_requested(str, bool)` — a header was clicked (sort key,
    descending); the owner finds the ids in that order and calls `set_ids`."""

    sort_requested = Signal(str, bool)

    def __init__(self, fetch: Callable[[Sequence[str]], dict[str, Any]], parent=None, show_unit: bool = False) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._cache: dict[str, Any] = {}
        self._missing: set[str] = set()  # ids asked for and not found (deleted meanwhile): shown empty
        self._paused = False
        self.show_unit = show_unit
        self._icons: dict[str, QIcon] = {}
        self._fatal_brush = QBrush(FATAL_BACKGROUND)
        self._overdue_brush = QBrush(OVERDUE_BACKGROUND)
        self._void_brush = QBrush(VOID_FOREGROUND)

    # The ids.
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def ids(self) -> list[str]:
        return self._ids

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, accident_id: str) -> int:
        try:
            return self._ids.index(accident_id)
        except ValueError:
            return -1

    def forget(self, accident_ids: Sequence[str] | None = None) -> None:
        """Drop cached rows (all, or these ids): they are fetched again when next drawn."""
        if accident_ids is None:
            self._cache.clear()
            self._missing.clear()
        else:
            for accident_id in accident_ids:
                self._cache.pop(accident_id, None)
                self._missing.discard(accident_id)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Column) - 1))

    def set_paused(self, paused: bool) -> None:
        """While paused the model fetches nothing (the window's session has stepped aside for a restore or a
        change of key): a row not in the cache is drawn empty until the owner resumes and calls `forget`."""
        self._paused = paused

    def is_paused(self) -> bool:
        return self._paused

    def row_data(self, row: int) -> Any:
        """The fetched row (`app.services.listing.Row`) at *row*, fetching its page if needed (not while
        paused)."""
        accident_id = self._ids[row]
        found = self._cache.get(accident_id)
        if found is None and accident_id not in self._missing and not self._paused:
            start = max(0, row - 20)
            wanted = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
            if len(self._cache) + len(wanted) > CACHE_LIMIT:
                self._cache.clear()
            got = self._fetch(wanted)
            self._cache.update(got)
            self._missing.update(i for i in wanted if i not in got)
            found = self._cache.get(accident_id)
        return found

    # QAbstractTableModel.
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # the narrow number columns' headers in full
            return {Column.VICTIMS: self.tr("Number of victims"), Column.DEATHS: self.tr("Number of dead"),
                    Column.SERIOUS: self.tr("Number seriously injured")}.get(_COLUMNS[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_title(_COLUMNS[section])

    def column_title(self, column: Column) -> str:
        return {
            Column.DATE: self.tr("Date"),
            Column.PLACE: self.tr("Commune / village") if self.show_unit else self.tr("Village"),
            Column.VICTIM: self.tr("First victim"),
            Column.VICTIMS: self.tr("Victims (narrow column)"),
            Column.DEATHS: self.tr("Deaths (narrow column)"),
            Column.SERIOUS: self.tr("Serious (narrow column)"),
            Column.SEVERITY: self.tr("Severity"),
            Column.STATUS: self.tr("Status"),
            Column.DELIVERY: self.tr("Sent"),
            Column.OBLIGATIONS: self.tr("Obligations"),
        }[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(Column):
            self.sort_requested.emit(SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or not 0 <= index.column() < len(Column):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMBERS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == SORT_ROLE:
            return self._raw(column, row)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(column, row)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == Column.OBLIGATIONS and row.overdue:
                return self._overdue_brush
            if row.deaths and row.status != "void":
                return self._fatal_brush
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._void_brush if row.status == "void" else None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.OBLIGATIONS:
            return "\n".join(self.tr("{what}: due {due}").format(what=self.obligation_name(o.kind),
                                                                  due=short_date(o.due)) for o in row.pending) or None
        return None

    def _text(self, column: Column, row: Any) -> str:
        if column == Column.DATE:
            return short_date(row.occurred_on)
        if column == Column.PLACE:
            village = row.village or ""
            if self.show_unit:
                return f"{row.unit_name} / {village}" if village else row.unit_name
            return village
        if column == Column.VICTIM:
            name = row.first_victim or ""
            return f"{name} (+{row.victims - 1})" if row.victims > 1 else name
        if column == Column.VICTIMS:
            return str(row.victims)
        if column == Column.DEATHS:
            return str(row.deaths)
        if column == Column.SERIOUS:
            return str(row.serious)
        if column == Column.SEVERITY:
            if row.deaths:
                return self.tr("Fatal")
            return self.tr("Serious") if row.serious else self.tr("Minor")
        if column == Column.STATUS:
            return self.status_name(row.status)
        if column == Column.DELIVERY:
            return {"delivered": self.tr("Delivered"), "sent": self.tr("Sent")}.get(row.delivery or "", "")
        if row.overdue:
            return self.tr("Overdue: {what}").format(what=", ".join(self.obligation_name(o.kind) for o in row.overdue))
        if row.pending:
            first = min(row.pending, key=lambda o: o.due)
            return self.tr("{what} due {due}").format(what=self.obligation_name(first.kind), due=short_date(first.due))
        return ""

    def _raw(self, column: Column, row: Any) -> Any:
        return {
            Column.DATE: row.occurred_on, Column.PLACE: f"{row.unit} {row.village or ''}",
            Column.VICTIM: row.first_victim or "", Column.VICTIMS: row.victims, Column.DEATHS: row.deaths,
            Column.SERIOUS: row.serious, Column.SEVERITY: 2 if row.deaths else 1 if row.serious else 0,
            Column.STATUS: row.status, Column.DELIVERY: row.delivery or "",
            Column.OBLIGATIONS: min((o.due.isoformat() for o in row.pending), default=""),
        }[column]

    def _decoration(self, column: Column, row: Any) -> QIcon | None:
        if column == Column.SEVERITY and row.deaths:
            return self._icon("fatal", fatal_icon)
        if column == Column.OBLIGATIONS and row.overdue:
            return self._icon("clock", clock_icon)
        if column == Column.DELIVERY and row.delivery == "delivered":
            return self._icon("tick", tick_icon)
        return None

    def _icon(self, name: str, make: Callable[[], QIcon]) -> QIcon:
        if name not in self._icons:
            self._icons[name] = make()
        return self._icons[name]

    def status_name(self, status: str) -> str:
        return {"confirmed": self.tr("Confirmed"), "draft": self.tr("Draft"), "void": self.tr("Void")}.get(status,
                                                                                                          status)

    def obligation_name(self, kind: str) -> str:
        return obligation_name(kind)


def obligation_name(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {"quick_report": QCoreApplication.translate("obligations", "Quick report"),
            "record_of_event": QCoreApplication.translate("obligations", "Record of the event"),
            "investigation": QCoreApplication.translate("obligations", "Investigation")}.get(kind, kind)
