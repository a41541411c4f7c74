"""The print preview (issue 12, item 7): forms of one accident and reports of a period, produced on a worker,
shown from memory, printed page by page, saved as PDF and Excel."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.conftest import make_accident, make_victim
from tests.gui.conftest import logged_in

# The offscreen platform warns on every shown dialog (it has no window manager to tell the size hints to).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AFTER_H1 = dt.datetime(2026, 7, 2, 10, 0)  # 2026-H1 has ended


def clock():
    return AFTER_H1


@pytest.fixture
def dated_ctx(commune_dir):
    with logged_in(commune_dir, clock=clock) as context:
        yield context


def fatal_accident(ctx, name: str = "Đinh Thị Ễnh") -> str:
    from app.services.records import save_accident

    victim = make_victim(name=name, severity="fatal", died_on="2026-03-14", outcome="died", days_off=None,
                         cost_kvnd=None)
    return save_accident(ctx.session, make_accident(victims=[victim])).id


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def open_quick(ctx, qtbot, accident_id):
    from app.ui.preview_dialog import show_accident_form

    dialog = show_accident_form(ctx, None, "quick", accident_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.document_ready, timeout=30_000) as ready:
        pass
    return dialog, ready.args[0]


def test_the_quick_report_of_a_stored_accident_is_shown_from_memory(ctx, qtbot, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    accident_id = fatal_accident(ctx)
    before = set(ctx.folder.rglob("*"))
    dialog, pages = open_quick(ctx, qtbot, accident_id)
    assert pages >= 1 and dialog.document.pageCount() == pages
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert "Đinh Thị Ễnh" in pdf_text(dialog.data)  # the bytes the view loaded
    assert dialog.print_button.isEnabled() and dialog.save_pdf_button.isEnabled()
    assert not dialog.save_excel_button.isVisible()
    # No copy of the document was left in the data folder (nor anywhere we write): it lives in memory.
    assert not [path for path in set(ctx.folder.rglob("*")) - before if path.suffix.lower() == ".pdf"]


def test_save_as_pdf_writes_a_file_pypdf_reads(ctx, qtbot, tmp_path, monkeypatch):
    from app.ui import file_choosers

    dialog, pages = open_quick(ctx, qtbot, fatal_accident(ctx))
    monkeypatch.setattr(file_choosers, "save_path", lambda parent, title, suggested, filter_text: tmp_path / "bcn")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save_pdf_button.click()
    written = tmp_path / "bcn.pdf"  # the extension added
    assert saved.args == [str(written)]
    assert len(PdfReader(written).pages) == pages
    assert file_choosers.last_folder(ctx, "save") == tmp_path  # remembered for this user


def test_printing_to_a_pdf_file_gives_every_page(ctx, qtbot, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    dialog, pages = open_quick(ctx, qtbot, fatal_accident(ctx))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(150)
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as printed:
        dialog.print_to(printer)
    assert printed.args == [pages]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_a_refused_form_shows_the_cores_message_and_closes(ctx, qtbot, messages):
    from app.services.records import save_accident
    from app.ui.preview_dialog import show_accident_form

    accident_id = save_accident(ctx.session, make_accident()).id  # one seriously injured: no quick report
    dialog = show_accident_form(ctx, None, "quick", accident_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=30_000):
        pass
    assert len(messages.texts("error")) == 1
    assert accident_id[:8] in messages.texts("error")[0] and not messages.crashes
    assert not dialog.isVisible()


def test_the_signer_note_shows_when_the_signer_is_not_set(ctx, qtbot):
    dialog, _ = open_quick(ctx, qtbot, fatal_accident(ctx))
    assert dialog.signer_note.isVisibleTo(dialog)


def test_the_report_dialog_defaults_to_the_last_ended_half_year_and_previews_it(dated_ctx, qtbot):
    from app.ui.report_dialog import ReportDialog

    fatal_accident(dated_ctx)
    dialog = ReportDialog(dated_ctx)
    qtbot.addWidget(dialog)
    assert str(dialog.period_picker.period()) == "2026-H1"
    assert dialog.selected_kind() == "periodic" and dialog.preview_button.isEnabled()
    preview = dialog.preview()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.document_ready, timeout=60_000) as ready:
        pass
    assert ready.args[0] >= 1
    assert "Đinh Thị Ễnh" in pdf_text(preview.data)  # Part II lists the death
    assert preview.save_excel_button.isVisible() and preview.save_excel_button.isEnabled()


def test_the_register_previewed_saves_its_excel_form(dated_ctx, qtbot, tmp_path):
    from openpyxl import load_workbook

    from app.ui.report_dialog import ReportDialog

    fatal_accident(dated_ctx)
    dialog = ReportDialog(dated_ctx)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("register"))
    preview = dialog.preview()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.document_ready, timeout=60_000):
        pass
    with qtbot.waitSignal(preview.saved, timeout=60_000):
        preview.save_excel_to(tmp_path / "so.xlsx")
    cells = [str(cell.value) for row in load_workbook(tmp_path / "so.xlsx").active.iter_rows() for cell in row]
    assert "Đinh Thị Ễnh" in cells


def test_the_line_list_is_excel_only(dated_ctx, qtbot, tmp_path):
    from openpyxl import load_workbook

    from app.ui.report_dialog import ReportDialog

    fatal_accident(dated_ctx)
    dialog = ReportDialog(dated_ctx)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("linelist"))
    assert not dialog.preview_button.isEnabled()
    job = dialog.save_excel_to(tmp_path / "ds.xlsx")
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert dialog.last_saved == tmp_path / "ds.xlsx"
    cells = [str(cell.value) for row in load_workbook(tmp_path / "ds.xlsx", read_only=True).active.iter_rows()
             for cell in row]
    assert "Đinh Thị Ễnh" in cells


def test_a_future_period_is_refused_with_the_cores_message(dated_ctx, qtbot, messages, tmp_path):
    from app.core.periods import Period
    from app.ui.report_dialog import ReportDialog

    dialog = ReportDialog(dated_ctx)
    qtbot.addWidget(dialog)
    dialog.period_picker.set_period(Period(2027, "quarter", 1))
    assert str(dialog.period_picker.period()) == "2027-Q1"
    preview = dialog.preview()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.failed, timeout=30_000):
        pass
    job = dialog.save_excel_to(tmp_path / "future.xlsx")
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert len(messages.texts("error")) == 2 and all("2027" in text for text in messages.texts("error"))
    assert not (tmp_path / "future.xlsx").exists() and not messages.crashes


def test_closing_the_preview_while_the_document_is_made_cancels_it(ctx, qtbot, messages):
    from app.ui.preview_dialog import show_accident_form

    dialog = show_accident_form(ctx, None, "quick", fatal_accident(ctx))
    job = dialog._job
    dialog.reject()  # Esc
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert job.is_cancelled() and ctx.workers.running() == 0
    assert messages.shown == [] and not messages.crashes
