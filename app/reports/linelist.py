"""The line list (SPEC § 6): one row per victim, code and label columns, for analysts. Its headings and the
Vietnamese words of its statuses and values are in `resources/templates/linelist.json`: no English value prints.

Streamed with openpyxl's write-only mode (100,000 victims fit in memory); a new sheet starts before Excel's limit
of 1,048,576 rows, and the number of rows written is checked against the number expected. Personal ID numbers
and phones are left out unless asked for. Dates (`DATE_KEYS`, ISO text in the rows) are written as dates shown
dd/mm/yyyy, and a user's text is text even when it starts with "=" (`excel.text_cells`). Pure: rows in, a workbook
out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from copy import copy
from typing import Any, BinaryIO

from app.reports.aggregate import ConsistencyError

EXCEL_MAX_ROWS = 1_048_576
DATE_KEYS = frozenset({"occurred_on", "declared_on", "died_on", "posted_on"})


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
    from openpyxl.utils import get_column_letter

    from app.core.progress import check
    from app.core.vnformat import EXCEL_DATE
    from app.reports.excel import text_cells

    book = Workbook(write_only=True)
    bold = Font(name="Times New Roman", bold=True)
    keys = [key for key, _ in columns]
    dates = [i for i, key in enumerate(keys) if key in DATE_KEYS]
    sheet = None
    written = in_sheet = 0
    date_style = None  # the style array of a dd/mm/yyyy cell, copied to each date (a named lookup per cell is slow)
    fromiso = dt.date.fromisoformat

    def date_cell(value: Any):
        cell = WriteOnlyCell(sheet)
        cell._style = copy(date_style)
        cell.value = fromiso(value) if value.__class__ is str else value
        return cell

    def new_sheet():
        nonlocal in_sheet, date_style
        number = len(book.worksheets) + 1
        created = book.create_sheet(f"Danh sách {number}" if number > 1 else "Danh sách")
        if date_style is None:
            probe = WriteOnlyCell(created)
            probe.number_format = EXCEL_DATE
            date_style = probe._style
        created.freeze_panes = "A2"
        for i in dates:  # before the first row (written with the columns): room for dd/mm/yyyy, not "########"
            created.column_dimensions[get_column_letter(i + 1)].width = 11
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
            values = [row.get(key) for key in keys]
            for i in dates:
                if values[i]:
                    values[i] = date_cell(values[i])
            sheet.append(text_cells(sheet, values))
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
    # Zipped in memory, then written: a full disk fails the write of bytes, not openpyxl's ZipFile half-way (which
    # then printed "Exception ignored in ZipFile.__del__" after the message). The workbook is compressed: about
    # 10 MB for 100,000 victims.
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    handle.write(buffer.getbuffer())
    if progress is not None:
        progress(written, expected)
    return written
