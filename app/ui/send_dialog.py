"""Send to the office (issue 12, item 8): pick the period, see what goes, choose the folder (a USB stick), export
on a worker, then read the file's name, size and fingerprint to the office; and import the office's receipt and
see which bundles it confirmed. Every refusal is the core's message (`export_bundle`, `import_files`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.vnformat import short_date
from app.ui import file_choosers, messages
from app.ui.context import AppContext
from app.ui.preview_dialog import report_failure
from app.ui.report_dialog import PeriodPicker
from app.ui.screen_fit import fit_to_screen
from app.ui.texts import error_text


def size_text(size: int) -> str:
    """A file's size as people read it (the office compares it too)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


class SendDialog(QDialog):
    """Signals: `exported(str)` (the bundle's path), `receipt_imported()`."""

    exported = Signal(str)
    receipt_imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from app.services.documents import last_ended_half

        super().__init__(parent)
        self.ctx = ctx
        self.preview = None  # the last `sending.ExportPreview`
        self.result = None  # the last `exchange.ExportResult`
        self.setObjectName("send_dialog")
        self.setWindowTitle(self.tr("Send to the office"))
        self.resize(820, 600)
        fit_to_screen(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._send_page(last_ended_half(ctx.session.today())), self.tr("&Send a period"))
        self.tabs.addTab(self._receipts_page(), self.tr("&Receipts from the office"))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        folder = file_choosers.last_folder(ctx, "send")
        self.folder.setText(str(folder) if ctx.state.value("folders/send", "") else "")
        self.refresh()

    # The send page.
    def _send_page(self, period) -> QWidget:
        page = QWidget(self)
        self.period_picker = PeriodPicker(period, page)
        self.period_picker.changed.connect(self.refresh)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.office_note = QLabel(page)
        self.office_note.setObjectName("office_note")
        self.office_note.setWordWrap(True)
        self.earlier = self._table(page, "earlier_table", [self.tr("No."), self.tr("Made on"), self.tr("File"),
                                                           self.tr("Records"), self.tr("Receipt")])
        for column, width in ((0, 40), (1, 90), (2, 260), (3, 70)):
            self.earlier.setColumnWidth(column, width)
        self.folder = QLineEdit(page)
        self.folder.setObjectName("folder")
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("Choose the USB stick or folder"))
        choose = QPushButton(self.tr("&Choose…"), page)
        choose.setObjectName("choose_folder")
        choose.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        choose.clicked.connect(self.ask_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.export_button = QPushButton(self.tr("&Export"), page)
        self.export_button.setObjectName("export")
        self.export_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(self.ctx.can_edit())  # a viewer cannot export (the service refuses too)
        self.result_box = QGroupBox(self.tr("Written"), page)
        self.result_box.setObjectName("result")
        self.result_file = QLabel(self.result_box)
        self.result_file.setObjectName("result_file")
        self.result_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_size = QLabel(self.result_box)
        self.result_size.setObjectName("result_size")
        self.result_note = QLabel(self.result_box)
        self.result_note.setObjectName("result_note")
        self.result_note.setWordWrap(True)
        self.result_fingerprint = QLabel(self.result_box)
        self.result_fingerprint.setObjectName("result_fingerprint")
        self.result_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.result_fingerprint.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.result_fingerprint.setFont(big)
        copy = QPushButton(self.tr("C&opy"), self.result_box)
        copy.setObjectName("copy_fingerprint")
        copy.clicked.connect(self.copy_fingerprint)
        fingerprint_row = QHBoxLayout()
        fingerprint_row.addWidget(self.result_fingerprint, 1)
        fingerprint_row.addWidget(copy)
        result_form = QFormLayout(self.result_box)
        result_form.addRow(self.tr("File:"), self.result_file)
        result_form.addRow(self.tr("Size:"), self.result_size)
        result_form.addRow(self.tr("Fingerprint:"), fingerprint_row)
        result_form.addRow(self.result_note)
        self.result_box.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.period_picker)
        folder_label = QLabel(self.tr("&Folder:"), page)
        folder_label.setBuddy(choose)  # a row of a layout gets no buddy by itself (its & would show)
        form.addRow(folder_label, folder_row)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.office_note)
        layout.addWidget(QLabel(self.tr("Sent before for this period:"), page))
        layout.addWidget(self.earlier, 1)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.result_box)
        return page

    def _table(self, parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(max(28, self.fontMetrics().height() * 2))  # stacked capitals
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def period(self):
        return self.period_picker.period()

    def refresh(self) -> None:
        """What an export of the chosen period would send, and the bundles sent (small queries: a commune's)."""
        from app.services.sending import export_preview, sent_bundles

        preview = export_preview(self.ctx.session, self.period())
        self.preview = preview
        lines = []
        if preview.nil:
            lines.append(self.tr("Nothing is recorded in {period}: a NIL report (no accident) will be sent.").format(
                period=preview.period))
        else:
            lines.append(self.tr("{accidents} accident(s) with {victims} victim(s) ({voids} voided), {incidents} "
                                 "serious technical incident(s).").format(
                accidents=preview.accidents, victims=preview.victims, voids=preview.voids,
                incidents=preview.incidents))
            lines.append(self.tr("New: {new}; changed since they were sent: {changed}; already sent as they are: "
                                 "{sent}.").format(new=preview.new, changed=preview.changed, sent=preview.already_sent))
        if preview.interim:
            lines.append(self.tr("Warning: the period has not ended: this would be an interim report; send the "
                                 "period again after it ends."))
        self.summary.setText("\n".join(lines))
        if preview.office is not None:
            self.office_note.setText(self.tr("Signed and encrypted for {unit} {name}: only that office can read "
                                             "it.").format(unit=preview.office.unit, name=preview.office.unit_name))
        else:
            self.office_note.setText(self.tr("Cannot send yet: {reason}").format(
                reason=error_text(preview.office_problem)))
        self._fill(self.earlier, [[str(b.sequence), self._day(b.created_at), b.file_name, self._records(b),
                                   self._receipt(b)] for b in preview.bundles], 4,
                   [b.confirmed_at is not None for b in preview.bundles])
        sent = sent_bundles(self.ctx.session)
        self._fill(self.bundles, [[str(b.sequence), b.period, self._day(b.created_at), b.file_name, self._records(b),
                                   self._receipt(b), b.fingerprint] for b in sent], 5,
                   [b.confirmed_at is not None for b in sent])

    def _day(self, stamp: str | None) -> str:
        return short_date(stamp[:10]) if stamp else ""

    def _records(self, bundle) -> str:
        return self.tr("NIL") if bundle.nil else str(bundle.records)

    def _receipt(self, bundle) -> str:
        if bundle.confirmed_at:
            return self.tr("Confirmed on {day}").format(day=self._day(bundle.confirmed_at))
        return self.tr("Waiting for the receipt")

    def _fill(self, table: QTableWidget, rows: list[list[str]], receipt_column: int, confirmed: list[bool]) -> None:
        """Rows of text; the receipt's state also as an icon (never colour alone)."""
        confirmed_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        waiting_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c == receipt_column:
                    item.setIcon(confirmed_icon if confirmed[r] else waiting_icon)
                table.setItem(r, c, item)

    def ask_folder(self) -> None:
        chosen = file_choosers.folder_path(self, self.tr("Choose the USB stick or folder"),
                                           file_choosers.last_folder(self.ctx, "send"))
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder.setText(str(folder))
        file_choosers.remember_folder(self.ctx, "send", folder)
        self.export_button.setEnabled(True)

    def export(self):
        """Export the chosen period into the chosen folder, on a worker with progress and Cancel."""
        from app.services.exchange import export_bundle
        from app.services.sending import bundle_path
        from app.ui.worker import run_with_progress

        if not self.folder.text():
            self.ask_folder()
            if not self.folder.text():
                return None
        period, folder = self.period(), Path(self.folder.text())
        self.export_button.setEnabled(False)

        def work(session, progress, cancel):
            return export_bundle(session, period, bundle_path(session, period, folder), progress=progress,
                                 cancel=cancel)

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            report_failure(self, error)

        return run_with_progress(self, self.ctx.workers, self.tr("Writing the bundle…"), work, self.ctx.session,
                                 on_done=self._exported, on_error=failed)

    def _exported(self, result) -> None:
        from app.services.sending import bundle_fingerprint

        self.result = result
        self.result_file.setText(str(result.path))
        try:
            self.result_size.setText(size_text(result.path.stat().st_size))
        except OSError:
            self.result_size.setText("?")
        self.result_fingerprint.setText(bundle_fingerprint(result.bundle_hash))
        notes = [self.tr("Bundle number {sequence}.").format(sequence=result.sequence)]
        if result.nil:
            notes.append(self.tr("A NIL report: no accident in {period}.").format(period=result.period))
        if result.interim:
            notes.append(self.tr("Warning: an interim report: the period has not ended."))
        notes.append(self.tr("Read the fingerprint to the office when they call: it proves they hold this very "
                             "file."))
        self.result_note.setText(" ".join(notes))
        self.result_box.setVisible(True)
        self.export_button.setEnabled(True)
        self.refresh()
        self.ctx.events.records_changed.emit()  # the list shows what was sent
        self.exported.emit(str(result.path))

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.result_fingerprint.text())

    # The receipts page.
    def _receipts_page(self) -> QWidget:
        page = QWidget(self)
        self.import_button = QPushButton(self.tr("&Import a receipt…"), page)
        self.import_button.setObjectName("import_receipt")
        self.import_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.import_button.clicked.connect(self.ask_receipt)
        self.import_button.setVisible(self.ctx.can_edit())
        self.bundles = self._table(page, "bundles_table", [self.tr("No."), self.tr("Period"), self.tr("Made on"),
                                                           self.tr("File"), self.tr("Records"), self.tr("Receipt"),
                                                           self.tr("Fingerprint")])
        for column, width in ((0, 40), (1, 70), (2, 90), (3, 200), (4, 60), (5, 170)):
            self.bundles.setColumnWidth(column, width)
        explain = QLabel(self.tr("The office sends a receipt (bien-nhan-….tnld) for each bundle it imported. Import "
                                 "it here: the bundle is then confirmed."), page)
        explain.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.bundles, 1)
        return page

    def ask_receipt(self) -> None:
        path = file_choosers.open_path(self, self.tr("Import a receipt"), file_choosers.last_folder(self.ctx, "receipt"),
                                       self.tr("Receipts (*.tnld)"))
        if path is not None:
            self.import_receipt_from(path)

    def import_receipt_from(self, path: Path):
        """Import the receipt at *path* on a worker; say what it confirmed (or why it was refused)."""
        from app.services.exchange import import_files
        from app.ui.worker import run_with_progress

        file_choosers.remember_folder(self.ctx, "receipt", path.parent)

        def work(session, progress, cancel):
            return import_files(session, [path], progress=progress, cancel=cancel)

        return run_with_progress(self, self.ctx.workers, self.tr("Reading the receipt…"), work, self.ctx.session,
                                 on_done=self._receipt_read, on_error=lambda error: report_failure(self, error))

    def _receipt_read(self, outcomes) -> None:
        changed = False
        for outcome in outcomes:
            if outcome.state == "refused":
                messages.user_error(self, outcome.error)
            elif outcome.state == "receipt":
                changed = True
                messages.info(self, self.tr("Receipt from {unit} {name} for bundle {sequence} of {period}: {count} "
                                            "record(s) confirmed.").format(
                    unit=outcome.unit, name=outcome.unit_name, sequence=outcome.sequence, period=outcome.period,
                    count=outcome.delivered))
            elif outcome.state == "already":
                messages.info(self, self.tr("This receipt was already imported; nothing changed."))
            else:
                messages.info(self, self.tr("This file is not a receipt for this workstation; nothing changed."))
        self.refresh()
        if changed:
            self.ctx.events.records_changed.emit()
            self.receipt_imported.emit()
