"""The print preview of a report or a form of one accident (issue 12, item 7): a PDF held in memory, shown in
`QPdfView`, printed page by page at the printer's resolution, saved as PDF (or Excel, for a report that has an
Excel form) where the user chooses.

The PDF is produced on a worker (`ctx.workers`) while the dialog shows that it is busy, and is never written to a
temporary file: the document is loaded from a `QBuffer` (a temporary file would leave names and ID numbers
unencrypted on a shared PC). Printing runs on a worker too, with its own `QPdfDocument`, rendering each page in
bands (an A4 page at 600 dpi is ~139 MB as one image; a band is ~20 MB).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.ui import file_choosers, messages
from app.ui.context import AppContext
from app.ui.screen_fit import fit_to_screen
from app.ui.texts import tr

log = logging.getLogger(__name__)

Produce = Callable[[Any, Callable[[int, int], None], Callable[[], bool]], Any]  # work → documents.Document
WriteExcel = Callable[[Any, Path, Callable[[int, int], None], Callable[[], bool]], Path]

MAX_PRINT_DPI = 600  # a printer that says 1200 dpi gets pages rendered at 600, scaled: text stays sharp, memory halves
BAND_PIXELS = 1024  # rows of one rendered band


def report_failure(parent: QWidget | None, error: BaseException) -> None:
    """A worker's failure shown from an output window: the core's message, nothing for a cancel, else a crash."""
    from app.core.errors import UserError
    from app.core.progress import Cancelled
    from app.ui import crash

    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        messages.user_error(parent, error)
    else:
        crash.report(error, parent)


def print_pdf(data: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> int:
    """Print the PDF *data* on *printer*, page by page, each rendered in bands at the printer's resolution (at
    most `MAX_PRINT_DPI`); returns the number of pages. Runs on any thread: it makes its own document."""
    from app.core.progress import Cancelled

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    if document.status() != QPdfDocument.Status.Ready or pages == 0:
        raise RuntimeError(f"the PDF to print did not load: {document.error()}")
    printer.setFullPage(True)  # the PDF has its own margins: print it where it lies on the paper
    _orient(printer, document, 0)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    try:
        resolution = printer.resolution()
        dpi = min(resolution, MAX_PRINT_DPI)
        for page in range(pages):
            if cancel is not None and cancel():
                printer.abort()
                raise Cancelled()
            if page > 0:
                _orient(printer, document, page)
                printer.newPage()
            points = document.pagePointSize(page)
            full = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
            scale = resolution / dpi
            for top in range(0, full.height(), BAND_PIXELS):
                if cancel is not None and cancel():
                    printer.abort()
                    raise Cancelled()
                band = QRect(0, top, full.width(), min(BAND_PIXELS, full.height() - top))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(band)
                image = document.render(page, band.size(), options, QImage.Format.Format_RGB32,
                                        QColor(Qt.GlobalColor.white))
                painter.drawImage(QRectF(0, top * scale, band.width() * scale, band.height() * scale), image)
                del image
            if progress is not None:
                progress(page + 1, pages)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def _orient(printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """Landscape paper for a landscape page (the register), portrait for the rest (before the page begins)."""
    size = document.pagePointSize(page)
    wanted = QPageLayout.Orientation.Landscape if size.width() > size.height() else QPageLayout.Orientation.Portrait
    if printer.pageLayout().orientation() != wanted:
        printer.setPageOrientation(wanted)


class PreviewDialog(QDialog):
    """A document in preview. Signals:

    - `document_ready(int)`: the PDF was produced and loaded (its page count);
    - `failed()`: it could not be produced (the message was shown; the dialog closes);
    - `printed(int)`: pages sent to the printer;
    - `saved(str)`: a file was written (its path).
    """

    document_ready = Signal(int)
    failed = Signal()
    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, title: str, produce: Produce, excel: WriteExcel | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._produce = produce
        self._excel = excel
        self.data: bytes | None = None
        self.file_name = "tnld"
        self._job = None
        self._buffer: QBuffer | None = None
        self.setObjectName("preview_dialog")
        self.setWindowTitle(title)
        self.resize(900, 700)
        fit_to_screen(self)
        self.document = QPdfDocument(self)
        self._build()
        self._start()

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.print_button = self._button("print", self.tr("&Print…"), QStyle.StandardPixmap.SP_FileDialogDetailedView,
                                         self.print_document)
        self.save_pdf_button = self._button("save_pdf", self.tr("Save as P&DF…"),
                                            QStyle.StandardPixmap.SP_DialogSaveButton, self.ask_save_pdf)
        self.save_excel_button = self._button("save_excel", self.tr("Save as &Excel…"),
                                              QStyle.StandardPixmap.SP_DialogSaveButton, self.ask_save_excel)
        self.save_excel_button.setVisible(self._excel is not None)
        self.zoom_out_button = self._button("zoom_out", self.tr("Zoom out"), None, lambda: self.zoom(1 / 1.25))
        self.zoom_in_button = self._button("zoom_in", self.tr("Zoom in"), None, lambda: self.zoom(1.25))
        self.fit_button = self._button("fit_width", self.tr("Fit &width"), None, self.fit_width)
        close = self._button("close", self.tr("Close"), QStyle.StandardPixmap.SP_DialogCloseButton, self.close)
        for button in (self.print_button, self.save_pdf_button, self.save_excel_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, close):
            bar.addWidget(button)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # busy until the work tells its progress
        self.busy.setTextVisible(False)
        self.status = QLabel(self.tr("Preparing the document…"), self)
        self.status.setObjectName("status")
        self.signer_note = QLabel(self.tr("Note: the signer's name is not set: the signature block is left blank, to "
                                          "sign and write the name by hand. An admin sets it in Settings."), self)
        self.signer_note.setObjectName("signer_note")
        self.signer_note.setWordWrap(True)
        self.signer_note.setVisible(False)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.signer_note)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.zoom(1.25))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self.zoom(1 / 1.25))
        self._set_ready(False)

    def _button(self, name: str, text: str, icon: QStyle.StandardPixmap | None, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
        button.clicked.connect(slot)
        return button

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_pdf_button):
            button.setEnabled(ready and self.data is not None)
        self.save_excel_button.setEnabled(ready)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(ready and self.data is not None)

    # Producing the document.
    def _start(self) -> None:
        self._job = self.ctx.workers.start(self._produce, self.ctx.session, on_done=self._produced,
                                           on_error=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.busy.setRange(0, total)
            self.busy.setValue(min(done, total))

    def _produced(self, document) -> None:
        self._job = None
        self.file_name = document.name
        self.signer_note.setVisible(bool(document.unset_signer))
        self.busy.setVisible(False)
        if document.data is None:  # a report with no PDF form (the line list): Excel only
            self.status.setText(self.tr("This report has no printed form: save it as Excel."))
            self._set_ready(True)
            self.document_ready.emit(0)
            return
        self.load(document.data)

    def load(self, data: bytes) -> None:
        """Show the PDF *data* (kept in memory for printing and saving)."""
        self.data = data
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it as long as it is shown
        pages = self.document.pageCount()
        self.status.setText(self.tr("{count} page(s)").format(count=pages))
        self.busy.setVisible(False)
        self._set_ready(True)
        self.view.setFocus()
        self.document_ready.emit(pages)

    def _failed(self, error: BaseException) -> None:
        self._job = None
        report_failure(self, error)
        self.failed.emit()
        self.close()

    # Viewing.
    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # Printing.
    def print_document(self) -> None:
        """Choose a printer (`QPrintDialog`), then print."""
        if self.data is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter):
        """Print on *printer* (already set up) on a worker, with a progress dialog and Cancel."""
        from app.ui.worker import run_with_progress

        data = self.data
        self._printer = printer  # alive until the work ends
        self.print_button.setEnabled(False)

        def work(session, progress, cancel) -> int:
            return print_pdf(data, printer, progress, cancel)

        def done(pages: int) -> None:
            self.print_button.setEnabled(True)
            self.printed.emit(pages)

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            report_failure(self, error)

        return run_with_progress(self, self.ctx.workers, self.tr("Printing…"), work, None, on_done=done,
                                 on_error=failed)

    # Saving.
    def ask_save_pdf(self) -> None:
        suggested = file_choosers.last_folder(self.ctx, "save") / f"{self.file_name}.pdf"
        path = file_choosers.save_path(self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.save_pdf_to(file_choosers.with_suffix(path, ".pdf"))

    def save_pdf_to(self, path: Path):
        """Write the PDF shown to *path* (atomically, on a worker: a USB stick can be slow)."""
        from app.services.documents import save_pdf

        data = self.data
        file_choosers.remember_folder(self.ctx, "save", path.parent)
        return self.ctx.workers.start(lambda session, progress, cancel: save_pdf(data, path), None,
                                      on_done=lambda written: self._saved(written),
                                      on_error=lambda error: report_failure(self, error))

    def ask_save_excel(self) -> None:
        suggested = file_choosers.last_folder(self.ctx, "save") / f"{self.file_name}.xlsx"
        path = file_choosers.save_path(self, self.tr("Save as Excel"), suggested, self.tr("Excel files (*.xlsx)"))
        if path is not None:
            self.save_excel_to(file_choosers.with_suffix(path, ".xlsx"))

    def save_excel_to(self, path: Path):
        """Write the report's Excel form to *path* on a worker, with progress and Cancel."""
        from app.ui.worker import run_with_progress

        excel = self._excel
        if excel is None:
            return None
        file_choosers.remember_folder(self.ctx, "save", path.parent)
        return run_with_progress(self, self.ctx.workers, self.tr("Writing the Excel file…"),
                                 lambda session, progress, cancel: excel(session, path, progress, cancel),
                                 self.ctx.session, on_done=self._saved,
                                 on_error=lambda error: report_failure(self, error))

    def _saved(self, path) -> None:
        self.status.setText(self.tr("Saved: {path}").format(path=path))
        self.saved.emit(str(path))

    def done(self, result: int) -> None:
        """Closed (Close, Esc, the window's ×): stop producing the document; Workers keeps the job until it ends."""
        if self._job is not None:
            self._job.cancel()
        super().done(result)


def show_accident_form(ctx: AppContext, parent: QWidget | None, kind: str, accident_id: str) -> PreviewDialog:
    """Preview a form of one accident: *kind* 'quick' (Mẫu 06), 'event_record' (biên bản) or 'notice'. The
    dialog opens at once (busy) and is not modal; it deletes itself when closed."""
    from app.services.documents import accident_document

    titles = {"quick": tr("Quick report (Form 06)"), "event_record": tr("Record of the event"),
              "notice": tr("Public notice")}

    def produce(session, progress, cancel):
        return accident_document(session, kind, accident_id, progress, cancel)

    dialog = PreviewDialog(ctx, titles.get(kind, kind), produce, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
