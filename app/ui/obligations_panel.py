"""The panel of legal obligations not done yet (quick report, record of the event, investigation): what, for
which accident (date and first victim), due when; overdue first, with a clock icon and the word, not colour
alone. The rule (which obligation, due when, done or not) is the core's (`app.core.derived.obligations_for`),
gathered by `app.services.listing.ListIndex.obligations_due`.

Signals: `open_requested(str)` — the user double-clicked (or pressed Enter on) an obligation: open its accident.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QLabel, QTableView, QVBoxLayout, QWidget

from app.core.vnformat import short_date
from app.ui.accident_model import ID_ROLE, OVERDUE_BACKGROUND, SORT_ROLE, clock_icon, obligation_name
from app.ui.rows_model import RowsModel


class DueColumn(IntEnum):
    WHAT = 0
    ACCIDENT = 1
    DUE = 2


class ObligationsModel(RowsModel):
    """Rows of `app.services.listing.Due`, in the order given (overdue first)."""

    COLUMNS = DueColumn

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._clock = None
        self._overdue_brush = QBrush(OVERDUE_BACKGROUND)

    def due_at(self, row: int) -> Any:
        return self._rows[row]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(DueColumn):
            return None
        return {DueColumn.WHAT: self.tr("Obligation"), DueColumn.ACCIDENT: self.tr("Accident"),
                DueColumn.DUE: self.tr("Due")}[DueColumn(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(DueColumn):
            return None
        due = self._rows[index.row()]
        column = DueColumn(index.column())
        if role == ID_ROLE:
            return due.accident_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DueColumn.WHAT:
                return obligation_name(due.kind)
            if column == DueColumn.ACCIDENT:
                name = due.first_victim or ""
                return f"{short_date(due.occurred_on)} {name}".strip()
            return short_date(due.due)  # overdue: the clock beside it and the row's colour
        if role == Qt.ItemDataRole.ToolTipRole and due.overdue:
            return self.tr("{date} (overdue)").format(date=short_date(due.due))
        if role == SORT_ROLE:
            return {DueColumn.WHAT: due.kind, DueColumn.ACCIDENT: due.occurred_on,
                    DueColumn.DUE: due.due.isoformat()}[column]
        if role == Qt.ItemDataRole.DecorationRole and column in (DueColumn.WHAT, DueColumn.DUE) and due.overdue:
            if self._clock is None:
                self._clock = clock_icon()
            return self._clock
        if role == Qt.ItemDataRole.BackgroundRole and due.overdue:
            return self._overdue_brush
        return None


class _DueView(QTableView):
    """Enter opens the accident, as a double-click does."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class ObligationsPanel(QDockWidget):
    """A dock with the obligations due. Signals: `open_requested(str)` (an accident id)."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("obligationsPanel")
        self.setWindowTitle(self.tr("Obligations due"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(body)
        self.summary.setObjectName("obligationsSummary")
        self.summary.setWordWrap(True)
        self.model = ObligationsModel(self)
        self.view = _DueView(body)
        self.view.setObjectName("obligationsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(max(28, self.fontMetrics().height() + 12))
        self.view.horizontalHeader().setStretchLastSection(True)
        # What and when first, the accident last (stretched): a narrow dock still shows what is due and when.
        self.view.horizontalHeader().moveSection(DueColumn.DUE, 1)
        self.view.setColumnWidth(DueColumn.WHAT, 140)
        self.view.setColumnWidth(DueColumn.DUE, 100)
        self.view.setColumnWidth(DueColumn.ACCIDENT, 200)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.activated_row.connect(self._open)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.setWidget(body)

    def set_obligations(self, rows: list[Any], total: int) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for row in rows if row.overdue)
        if total > len(rows):
            text = self.tr("{overdue} overdue among the first {shown} of {total}").format(
                overdue=overdue, shown=len(rows), total=total)
        else:
            text = self.tr("{total} not done, {overdue} overdue").format(total=total, overdue=overdue)
        self.summary.setText(text)

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.due_at(row).accident_id)
