"""The line list (SPEC § 6): one row per victim, code and label columns, for analysts. Its headings and the
Vietnamese words of its statuses and values are in `resources/templates/linelist.json`: no English value prints.

Streamed with openpyxl's write-only mode (100,000 victims fit in memory); a new sheet starts before Excel's limit
of 1,048,576 rows, and the number of rows written is checked against the number expected. Personal ID numbers
and phones are left out unless asked for. Pure: rows in, a workbook out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from app.reports.aggregate import ConsistencyError

EXCEL_MAX_ROWS = 1_048_576


def linelist_columns(with_identifiers: bool) -> list[tuple[str, str]]:
    """(key, heading) of every column, in order (`resources/templates/linelist.json`)."""
    from app.reports.tables import template

    form = template("linelist")
    parts = [form["columns"], form["identifier_columns"] if with_identifiers else [], form["columns_after_identifiers"]]
    return [(column["key"], column["label"]) for part in parts for column in part]


def write_linelist(handle: BinaryIO, rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]], expected: int,
                   rows_per_sheet: int = EXCEL_MAX_ROWS - 1, progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> int:
    """Write *rows* to *handle* as a workbook; returns the number of rows. Refuses (ConsistencyError) a count
    that differs from *expected*."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from app.core.progress import check

    book = Workbook(write_only=True)
    bold = Font(name="Times New Roman", bold=True)
    keys = [key for key, _ in columns]
    sheet = None
    written = in_sheet = 0

    def new_sheet():
        nonlocal in_sheet
        number = len(book.worksheets) + 1
        created = book.create_sheet(f"Danh sách {number}" if number > 1 else "Danh sách")
        created.freeze_panes = "A2"
        header = []
        for _, heading in columns:
            cell = WriteOnlyCell(created, value=heading)
            cell.font = bold
            header.append(cell)
        created.append(header)
        in_sheet = 0
        return created

    def drop() -> None:
        for worksheet in book.worksheets:  # let openpyxl drop its temporary files
            worksheet.close()

    try:
        for row in rows:
            if sheet is None or in_sheet >= rows_per_sheet:
                sheet = new_sheet()
            sheet.append([row.get(key) for key in keys])
            in_sheet += 1
            written += 1
            if progress is not None and written % 5000 == 0:
                progress(written, expected)
            check(cancel)
    except BaseException:  # a cancel (Cancelled) or a failure: nothing is saved
        drop()
        raise
    if sheet is None:
        new_sheet()
    if written != expected:
        drop()
        raise ConsistencyError(f"the line list has {written} rows, the store {expected} victims")
    book.save(handle)
    if progress is not None:
        progress(written, expected)
    return written
