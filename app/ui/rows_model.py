"""The table models over a list of rows that is replaced as a whole (incidents, obligations, users, the audit
log): the rows, their count and the column count in one place; each model gives its own `data` and
`headerData`. (The accident list is different: rows fetched by page over ids, `accident_model.py`.)"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Subclasses set `COLUMNS` (an IntEnum of their columns)."""

    COLUMNS: type[IntEnum]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)
