"""The serious technical incidents' list model (`records.list_incidents`): a few dozen rows a year, so all are
held and a `QSortFilterProxyModel` sorts them by the raw values in `Qt.UserRole` (STYLE § 11)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.core.collation import sort_key
from app.core.vnformat import number, short_date
from app.ui.accident_model import FATAL_BACKGROUND, ID_ROLE, SORT_ROLE, VOID_FOREGROUND, fatal_icon
from app.ui.rows_model import RowsModel


class IncidentColumn(IntEnum):
    DATE = 0
    VILLAGE = 1
    WHAT_FAILED = 2
    DAMAGE = 3
    DEATHS = 4
    INJURED = 5
    STATUS = 6


INCIDENT_WIDTHS = {IncidentColumn.DATE: 90, IncidentColumn.VILLAGE: 170, IncidentColumn.WHAT_FAILED: 320,
                   IncidentColumn.DAMAGE: 130, IncidentColumn.DEATHS: 70, IncidentColumn.INJURED: 80,
                   IncidentColumn.STATUS: 110}
_NUMBERS = (IncidentColumn.DAMAGE, IncidentColumn.DEATHS, IncidentColumn.INJURED)


class IncidentModel(RowsModel):
    """Rows of incidents (dicts as `records.list_incidents` gives them)."""

    COLUMNS = IncidentColumn

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fatal_icon = None
        self._fatal_brush = QBrush(FATAL_BACKGROUND)
        self._void_brush = QBrush(VOID_FOREGROUND)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(IncidentColumn):
            return None
        return {
            IncidentColumn.DATE: self.tr("Date"),
            IncidentColumn.VILLAGE: self.tr("Village"),
            IncidentColumn.WHAT_FAILED: self.tr("What failed"),
            IncidentColumn.DAMAGE: self.tr("Damage (thousand VND)"),
            IncidentColumn.DEATHS: self.tr("Deaths"),
            IncidentColumn.INJURED: self.tr("Injured"),
            IncidentColumn.STATUS: self.tr("Status"),
        }[IncidentColumn(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(IncidentColumn):
            return None
        row = self._rows[index.row()]
        column = IncidentColumn(index.column())
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == SORT_ROLE:
            return self._raw(column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in _NUMBERS else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == IncidentColumn.DEATHS and row.get("deaths"):
            if self._fatal_icon is None:
                self._fatal_icon = fatal_icon()
            return self._fatal_icon
        if role == Qt.ItemDataRole.BackgroundRole and row.get("deaths") and row.get("status") != "void":
            return self._fatal_brush
        if role == Qt.ItemDataRole.ForegroundRole and row.get("status") == "void":
            return self._void_brush
        return None

    def _text(self, column: IncidentColumn, row: dict[str, Any]) -> str:
        if column == IncidentColumn.DATE:
            return short_date(row.get("occurred_on"))
        if column == IncidentColumn.VILLAGE:
            return row.get("village") or ""
        if column == IncidentColumn.WHAT_FAILED:
            return row.get("what_failed") or ""
        if column == IncidentColumn.DAMAGE:
            return number(row.get("damage_kvnd"))
        if column == IncidentColumn.DEATHS:
            return str(row.get("deaths") or 0)
        if column == IncidentColumn.INJURED:
            return str(row.get("injured") or 0)
        status = row.get("status") or ""
        return {"confirmed": self.tr("Confirmed"), "draft": self.tr("Draft"), "void": self.tr("Void")}.get(status,
                                                                                                          status)

    def _raw(self, column: IncidentColumn, row: dict[str, Any]) -> Any:
        if column == IncidentColumn.DATE:
            return row.get("occurred_on") or ""
        if column == IncidentColumn.VILLAGE:
            return sort_key(row.get("village"))
        if column == IncidentColumn.WHAT_FAILED:
            return sort_key(row.get("what_failed"))
        if column == IncidentColumn.DAMAGE:
            return float(row.get("damage_kvnd") or 0)
        if column == IncidentColumn.DEATHS:
            return int(row.get("deaths") or 0)
        if column == IncidentColumn.INJURED:
            return int(row.get("injured") or 0)
        return row.get("status") or ""
