"""The versions of one accident side by side (issue 12, item 5): what changed, who changed it and when.

`HistoryDialog(ctx, accident_id, parent)`: two version pickers (A, B), a table field | version A | version B
whose changed rows are marked by colour and by a "≠" marker column (colour is never the only signal), and who
saved each version and when. Nothing here changes data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model import ACCIDENT_FIELDS, VICTIM_FIELDS, FieldSpec
from app.ui.context import AppContext
from app.ui.screen_fit import fit_to_screen

# The form's labels, marked for lupdate in the form's context (the same English text: one translation for both).
LABELS = {
    "unit": QT_TRANSLATE_NOOP("AccidentForm", "Commune"),
    "occurred_on": QT_TRANSLATE_NOOP("AccidentForm", "Date of the accident"),
    "occurred_time": QT_TRANSLATE_NOOP("AccidentForm", "Time"),
    "village": QT_TRANSLATE_NOOP("AccidentForm", "Village"),
    "place": QT_TRANSLATE_NOOP("AccidentForm", "Place"),
    "place_detail": QT_TRANSLATE_NOOP("AccidentForm", "Place, details"),
    "activity": QT_TRANSLATE_NOOP("AccidentForm", "Activity"),
    "work": QT_TRANSLATE_NOOP("AccidentForm", "Work being done"),
    "description": QT_TRANSLATE_NOOP("AccidentForm", "What happened"),
    "factor": QT_TRANSLATE_NOOP("AccidentForm", "Injury factor"),
    "cause": QT_TRANSLATE_NOOP("AccidentForm", "Cause"),
    "external_cause": QT_TRANSLATE_NOOP("AccidentForm", "External cause"),
    "source": QT_TRANSLATE_NOOP("AccidentForm", "Reported by"),
    "declared_on": QT_TRANSLATE_NOOP("AccidentForm", "Declared on"),
    "declared_by": QT_TRANSLATE_NOOP("AccidentForm", "Declared by (name)"),
    "record_ref": QT_TRANSLATE_NOOP("AccidentForm", "Record number"),
    "posted_on": QT_TRANSLATE_NOOP("AccidentForm", "Notice posted on"),
    "commuting": QT_TRANSLATE_NOOP("AccidentForm", "On the way to or from work"),
    "at_employer_premises": QT_TRANSLATE_NOOP("AccidentForm", "At a place an employer manages"),
    "status": QT_TRANSLATE_NOOP("AccidentForm", "Status"),
    "void_reason": QT_TRANSLATE_NOOP("AccidentForm", "Why void"),
    "name": QT_TRANSLATE_NOOP("AccidentForm", "Full name"),
    "sex": QT_TRANSLATE_NOOP("AccidentForm", "Sex"),
    "birth_year": QT_TRANSLATE_NOOP("AccidentForm", "Year of birth"),
    "id_number": QT_TRANSLATE_NOOP("AccidentForm", "ID number"),
    "birth_date": QT_TRANSLATE_NOOP("AccidentForm", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("AccidentForm", "Phone"),
    "occupation": QT_TRANSLATE_NOOP("AccidentForm", "Occupation"),
    "ethnicity": QT_TRANSLATE_NOOP("AccidentForm", "Ethnicity"),
    "residence": QT_TRANSLATE_NOOP("AccidentForm", "Commune of residence"),
    "residence_detail": QT_TRANSLATE_NOOP("AccidentForm", "Address"),
    "severity": QT_TRANSLATE_NOOP("AccidentForm", "Severity"),
    "injury_type": QT_TRANSLATE_NOOP("AccidentForm", "Injury type"),
    "body_part": QT_TRANSLATE_NOOP("AccidentForm", "Body part"),
    "injury_nature": QT_TRANSLATE_NOOP("AccidentForm", "Nature of injury"),
    "serious_injuries": QT_TRANSLATE_NOOP("AccidentForm", "Serious injuries (codes)"),
    "died_on": QT_TRANSLATE_NOOP("AccidentForm", "Died on"),
    "outcome": QT_TRANSLATE_NOOP("AccidentForm", "Outcome"),
    "days_off": QT_TRANSLATE_NOOP("AccidentForm", "Days off work"),
    "cost_kvnd": QT_TRANSLATE_NOOP("AccidentForm", "Cost (thousand dong)"),
    "insured": QT_TRANSLATE_NOOP("AccidentForm", "Insured"),
    "disability": QT_TRANSLATE_NOOP("AccidentForm", "Disability"),
}
SHOWN_MANAGED = ("status", "void_reason")
CHANGED = QColor("#fff3c4")
MARK = "≠"


def form_tr(text: str) -> str:
    return QCoreApplication.translate("AccidentForm", text)  # LABELS, marked with QT_TRANSLATE_NOOP


def rows_of(record: dict[str, Any]) -> dict[str, tuple[str, FieldSpec]]:
    """The record flattened to (row key → (label, spec)) in the form's order, victims numbered."""
    rows: dict[str, tuple[str, FieldSpec]] = {}
    for spec in ACCIDENT_FIELDS:
        if (spec.managed or spec.name == "id") and spec.name not in SHOWN_MANAGED:
            continue
        rows[spec.name] = (form_tr(LABELS.get(spec.name, spec.name)), spec)
    return rows


class HistoryDialog(QDialog):
    """Versions of one accident compared; opens on the last two."""

    def __init__(self, ctx: AppContext, accident_id: str, parent: QWidget | None = None) -> None:
        from app.services import records

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("history_dialog")
        self.versions = records.history(ctx.session, accident_id)
        self.setWindowTitle(self.tr("History of accident {id}").format(id=accident_id[:8]))
        layout = QVBoxLayout(self)
        pickers = QGridLayout()
        self.version_a = QComboBox(objectName="version_a")
        self.version_b = QComboBox(objectName="version_b")
        self.who_a = QLabel(objectName="who_a")
        self.who_b = QLabel(objectName="who_b")
        for combo in (self.version_a, self.version_b):
            for record in self.versions:
                combo.addItem(self.tr("Version {version}").format(version=record.get("version")))
        pickers.addWidget(QLabel(self.tr("Version &A:"), buddy=self.version_a), 0, 0)
        pickers.addWidget(self.version_a, 0, 1)
        pickers.addWidget(self.who_a, 0, 2)
        pickers.addWidget(QLabel(self.tr("Version &B:"), buddy=self.version_b), 1, 0)
        pickers.addWidget(self.version_b, 1, 1)
        pickers.addWidget(self.who_b, 1, 2)
        pickers.setColumnStretch(2, 1)
        layout.addLayout(pickers)
        self.only_changes = QCheckBox(self.tr("Show only what changed"), objectName="only_changes")
        layout.addWidget(self.only_changes)
        self.table = QTableWidget(0, 4, objectName="history_table")
        self.table.setHorizontalHeaderLabels(["", self.tr("Field"), self.tr("Version A"), self.tr("Version B")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((28, 220, 330)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        count = len(self.versions)
        self.version_a.setCurrentIndex(max(0, count - 2))
        self.version_b.setCurrentIndex(max(0, count - 1))
        self.version_a.currentIndexChanged.connect(self.compare)
        self.version_b.currentIndexChanged.connect(self.compare)
        self.only_changes.toggled.connect(self.compare)
        self.compare()
        self.resize(960, 620)
        fit_to_screen(self)

    def _who(self, record: dict[str, Any]) -> str:
        from app.core.vnformat import short_date

        when = record.get("updated_at") or ""
        try:
            moment = dt.datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone(
                dt.timezone(dt.timedelta(hours=7)))
            when = f"{moment:%H:%M} {short_date(moment.date())}"
        except ValueError:
            pass
        return self.tr("saved by {author} at {when}").format(author=record.get("author") or "?", when=when)

    def _text(self, spec: FieldSpec, value: Any) -> str:
        if value is None or value == [] or value == "":
            return ""
        codelists = self.ctx.session.codelists
        if spec.kind == "code" and spec.codelist:
            label = codelists[spec.codelist].label(value)
            return f"{value} – {label}" if label and label != value else str(value)
        if spec.kind == "codes" and spec.codelist:
            return "; ".join(f"{code} – {codelists[spec.codelist].label(code)}" for code in value)
        if spec.kind in ("bool", "tribool"):
            return self.tr("Yes") if value else self.tr("No")
        if spec.kind == "date":
            from app.core.vnformat import short_date

            return short_date(value)
        if spec.kind == "enum":
            from app.ui.accident_form import enum_entries

            if spec.name in ("sex", "severity", "outcome"):
                return next((e.label for e in enum_entries(spec.name) if e.code == value), str(value))
            statuses = {"draft": self.tr("Draft"), "confirmed": self.tr("Confirmed"), "void": self.tr("Void")}
            return statuses.get(value, str(value))
        return str(value)

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(field label, value in A, value in B, changed) for the versions picked."""
        if not self.versions:
            return []
        a = self.versions[self.version_a.currentIndex()]
        b = self.versions[self.version_b.currentIndex()]
        found = []
        for name, (label, spec) in rows_of(a).items():
            found.append((label, self._text(spec, a.get(name)), self._text(spec, b.get(name))))
        victims = max(len(a.get("victims") or []), len(b.get("victims") or []))
        for index in range(victims):
            va = (a.get("victims") or [])[index] if index < len(a.get("victims") or []) else {}
            vb = (b.get("victims") or [])[index] if index < len(b.get("victims") or []) else {}
            for spec in VICTIM_FIELDS:
                label = self.tr("Victim {number}: {field}").format(number=index + 1,
                                                                   field=form_tr(LABELS.get(spec.name, spec.name)))
                found.append((label, self._text(spec, va.get(spec.name)), self._text(spec, vb.get(spec.name))))
        return [(label, left, right, left != right) for label, left, right in found]

    def compare(self) -> None:
        if self.versions:
            self.who_a.setText(self._who(self.versions[self.version_a.currentIndex()]))
            self.who_b.setText(self._who(self.versions[self.version_b.currentIndex()]))
        shown = [row for row in self.rows() if row[3] or not self.only_changes.isChecked()]
        self.table.setRowCount(len(shown))
        for row, (label, left, right, changed) in enumerate(shown):
            items = [QTableWidgetItem(MARK if changed else ""), QTableWidgetItem(label), QTableWidgetItem(left),
                     QTableWidgetItem(right)]
            for column, item in enumerate(items):
                item.setToolTip(left if column == 2 else right if column == 3 else "")
                if changed:
                    item.setBackground(QBrush(CHANGED))
                    item.setForeground(QBrush(QColor("#000000")))
                    if column == 0:
                        item.setToolTip(self.tr("Changed"))
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

    def changed_fields(self) -> list[str]:
        """The labels of the rows marked changed (for tests)."""
        return [self.table.item(row, 1).text() for row in range(self.table.rowCount())
                if self.table.item(row, 0).text() == MARK]
