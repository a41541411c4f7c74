"""Documents for the desktop's preview (SPEC § 6, § 7): the same reports as `tnld report`, as bytes in memory.

The preview shows a PDF held in memory and writes it only where the user asks: a temporary file would leave an
unencrypted copy of names and ID numbers on a shared PC. Every function takes `progress` and `cancel` (it runs on
a worker) and refuses as `tnld report` does (`UserError`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes, output_file, write_failed
from app.core.periods import Period
from app.core.progress import Cancel, Progress
from app.services.workspace import Session

# The forms of one accident the desktop prints, by the name the windows use, and the report kind they are.
FORM_KINDS = {"quick": "quick", "event_record": "record", "notice": "notice"}
# The commune's reports of a period (the report dialog), and which of them have an Excel form, a PDF form.
PERIOD_KINDS = ("periodic", "register", "linelist")
EXCEL_KINDS = ("periodic", "register", "linelist")
PDF_KINDS = ("periodic", "register")
_FILE_NAMES = {"quick": "bao-cao-nhanh", "record": "bien-ban", "notice": "thong-bao", "periodic": "bao-cao",
               "register": "so-theo-doi", "linelist": "danh-sach"}


@dataclass(frozen=True)
class Document:
    """A report ready to show: its PDF (None when the report has no PDF form: the line list), the file name to
    suggest (without extension), and whether the signer's name is left blank (`signer_name` not set)."""

    data: bytes | None
    name: str
    unset_signer: bool = False


def accident_document(session: Session, kind: str, accident_id: str, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> Document:
    """A form of one accident: *kind* 'quick' (Mẫu 06), 'event_record' (biên bản) or 'notice'."""
    from app.services.reports import accident_form_bytes, unset_signer_settings

    if kind not in FORM_KINDS:
        raise UserError("report.kind", value=kind, kinds=", ".join(FORM_KINDS))
    report = FORM_KINDS[kind]
    data = accident_form_bytes(session, report, accident_id, progress=progress, cancel=cancel)
    return Document(data, f"{_FILE_NAMES[report]}-{accident_id[:8]}",
                    "signer_name" in unset_signer_settings(session, report, "pdf"))


def period_document(session: Session, period: Period, kind: str, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> Document:
    """The report *kind* ('periodic', 'register', 'linelist') of *period*: its signed PDF when it has one; a
    period that has not begun is refused as `tnld report` refuses it."""
    from app.services.reports import _begun, report_bytes, unset_signer_settings

    if kind not in PERIOD_KINDS:
        raise UserError("report.kind", value=kind, kinds=", ".join(PERIOD_KINDS))
    _begun(session, period)
    name = f"{_FILE_NAMES[kind]}-{session.unit}-{period}"
    if kind not in PDF_KINDS:
        return Document(None, name)
    data = report_bytes(session, period, "pdf", None, kind, progress, cancel)
    return Document(data, name, "signer_name" in unset_signer_settings(session, kind, "pdf"))


def save_pdf(data: bytes, out: Path) -> Path:
    """Write a previewed PDF where the user chose (atomically; a file there is replaced: the file dialog asked)."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError("report.format_unknown", name=out.name, extensions=".pdf")
    out = output_file(out, True)
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise write_failed(out, exc) from None
    return out


def save_excel(session: Session, period: Period, kind: str, out: Path, progress: Progress | None = None,
               cancel: Cancel | None = None) -> Path:
    """The Excel form of the report *kind* of *period*, written to *out* as `tnld report --format xlsx` writes it."""
    from app.services.reports import write_report

    if kind not in EXCEL_KINDS:
        raise UserError("report.format", value="xlsx", formats="pdf")
    return write_report(session, period, kind, "xlsx", Path(out), overwrite=True, progress=progress,
                        cancel=cancel).path


def last_ended_half(today: dt.date) -> Period:
    """The half-year a commune reports next: the last one that has ended (the report is due after it ends)."""
    if today.month >= 7:
        return Period(today.year, "half", 1)
    return Period(today.year - 1, "half", 2)
