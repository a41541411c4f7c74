"""The commune's reports of a period (issue 12, item 7): the periodic report, the register and the line list, as
`tnld report` makes them, previewed (`PreviewDialog`) or saved as Excel. A refusal (a period that has not begun)
is the core's message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.periods import Period
from app.ui import file_choosers
from app.ui.context import AppContext
from app.ui.preview_dialog import PreviewDialog, report_failure


class PeriodPicker(QWidget):
    """A period: its kind (year, half, quarter, month), which one, and the year. Signal `changed()`."""

    changed = Signal()

    def __init__(self, initial: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("period_picker")
        self.kind = QComboBox(self)
        self.kind.setObjectName("period_kind")
        for key, text in (("year", self.tr("Year")), ("half", self.tr("Half-year")), ("quarter", self.tr("Quarter")),
                          ("month", self.tr("Month"))):
            self.kind.addItem(text, key)
        self.number = QComboBox(self)
        self.number.setObjectName("period_number")
        self.year = QSpinBox(self)
        self.year.setObjectName("period_year")
        self.year.setRange(2000, 2100)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.number, self.year):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._fill_numbers)
        self.number.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        self.set_period(initial)

    def _fill_numbers(self) -> None:
        kind = self.kind.currentData()
        self.number.blockSignals(True)
        self.number.clear()
        if kind == "half":
            for n in (1, 2):
                self.number.addItem(self.tr("Half {n}").format(n=n), n)
        elif kind == "quarter":
            for n in (1, 2, 3, 4):
                self.number.addItem(self.tr("Quarter {n}").format(n=n), n)
        elif kind == "month":
            for n in range(1, 13):
                self.number.addItem(self.tr("Month {n}").format(n=n), n)
        self.number.setVisible(kind != "year")
        self.number.blockSignals(False)
        self.changed.emit()

    def set_period(self, period: Period) -> None:
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self._fill_numbers()
        if period.kind != "year":
            self.number.setCurrentIndex(self.number.findData(period.number))
        self.year.setValue(period.year)

    def period(self) -> Period:
        kind = self.kind.currentData()
        return Period(self.year.value(), kind, 0 if kind == "year" else int(self.number.currentData()))


class ReportDialog(QDialog):
    """Pick a report and a period, then preview it or save it as Excel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from app.services.documents import last_ended_half

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Reports"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for key, text in (("periodic", self.tr("Periodic report")), ("register", self.tr("Register of accidents")),
                          ("linelist", self.tr("Line list (Excel)"))):
            self.kind.addItem(text, key)
        self.period_picker = PeriodPicker(last_ended_half(ctx.session.today()), self)
        form = QFormLayout()
        form.addRow(self.tr("&Report:"), self.kind)
        form.addRow(self.tr("&Period:"), self.period_picker)
        self.preview_button = QPushButton(self.tr("Pre&view…"), self)
        self.preview_button.setObjectName("preview")
        self.preview_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.preview_button.setDefault(True)
        self.excel_button = QPushButton(self.tr("Save as &Excel…"), self)
        self.excel_button.setObjectName("save_excel")
        self.excel_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.preview_button.clicked.connect(self.preview)
        self.excel_button.clicked.connect(self.ask_save_excel)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.preview_dialog: PreviewDialog | None = None
        self.last_saved: Path | None = None  # the Excel file last written

    def selected_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        from app.services.documents import PDF_KINDS

        self.preview_button.setEnabled(self.selected_kind() in PDF_KINDS)

    def preview(self) -> PreviewDialog:
        """Open the preview of the chosen report (produced on a worker)."""
        from app.services.documents import period_document, save_excel

        kind, period = self.selected_kind(), self.period_picker.period()

        def produce(session, progress, cancel):
            return period_document(session, period, kind, progress, cancel)

        def excel(session, path: Path, progress, cancel) -> Path:
            return save_excel(session, period, kind, path, progress, cancel)

        title = self.tr("{report}, {period}").format(report=self.kind.currentText(), period=period)
        dialog = PreviewDialog(self.ctx, title, produce, excel, parent=self)
        dialog.setModal(True)
        dialog.show()
        self.preview_dialog = dialog
        return dialog

    def ask_save_excel(self) -> None:
        kind, period = self.selected_kind(), self.period_picker.period()
        names = {"periodic": "bao-cao", "register": "so-theo-doi", "linelist": "danh-sach"}
        suggested = file_choosers.last_folder(self.ctx, "save") / f"{names[kind]}-{self.ctx.session.unit}-{period}.xlsx"
        path = file_choosers.save_path(self, self.tr("Save as Excel"), suggested, self.tr("Excel files (*.xlsx)"))
        if path is not None:
            self.save_excel_to(file_choosers.with_suffix(path, ".xlsx"))

    def save_excel_to(self, path: Path):
        """Write the chosen report's Excel form to *path* on a worker (progress, Cancel)."""
        from app.services.documents import save_excel
        from app.ui.worker import run_with_progress

        kind, period = self.selected_kind(), self.period_picker.period()
        file_choosers.remember_folder(self.ctx, "save", path.parent)

        def done(written: Path) -> None:
            self.last_saved = written

        return run_with_progress(self, self.ctx.workers, self.tr("Writing the Excel file…"),
                                 lambda session, progress, cancel: save_excel(session, period, kind, path, progress,
                                                                              cancel),
                                 self.ctx.session, on_done=done, on_error=lambda error: report_failure(self, error))
