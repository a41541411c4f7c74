"""The periodic report as an Excel workbook (openpyxl): the official layout of the template, merged headers,
borders, A4 landscape, frozen panes, "Times New Roman" (SPEC § 6). Pure: an aggregate and facts in, bytes out.

Sheet "Báo cáo" is Phụ lục XVI's official page, in the same thirteen columns as the PDF; the annex (an office's
communes as rows among it) follows on sheets of its own when asked for.
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy
from dataclasses import dataclass
from typing import Any

from app.core.progress import Cancel, checked
from app.core.vnformat import EXCEL_INTEGER, place_date
from app.reports.aggregate import Aggregate
from app.reports.tables import PeriodicRows, Row, period_words, template, unit_rows

FONT = "Times New Roman"

# The first characters that make openpyxl guess something else than text of a str: "=…" a formula, "#…" an error
# code ("#N/A"). No text of the program's workbooks is a formula: users' texts are written as text.
_GUESSED = ("=", "#")


def as_text(cell):
    """*cell* with its str value kept as text: openpyxl stores a str starting with "=" as a formula (Excel would run
    a village typed as '=HYPERLINK(…)') and "#N/A" as an error. Every cell that may hold a user's text goes through
    here (or `write_cell`, `append_text`, `text_cells`). Returns the cell."""
    if cell.data_type in ("f", "e"):
        cell.data_type = "s"
    return cell


def write_cell(sheet, row: int, column: int, value: Any):
    """`sheet.cell(row, column, value)` with a str kept as text (`as_text`)."""
    return as_text(sheet.cell(row=row, column=column, value=value))


def append_text(sheet, values: list[Any]) -> None:
    """`sheet.append(values)` (a normal, not write-only sheet) with every str kept as text (`as_text`)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        as_text(cell)


def text_cells(sheet, values: list[Any]) -> list[Any]:
    """*values* for a write-only sheet's `append`, each str that openpyxl would not take as text (`_GUESSED`) made a
    write-only cell that holds it as text; *values* itself (not a copy) when there is none, the usual case. A row of
    the line list (50,000 of them) is first looked at as one joined string: 2 µs instead of 6 for a loop in Python."""
    joined = "\x00".join([value for value in values if value.__class__ is str])
    if joined[:1] not in _GUESSED and "\x00=" not in joined and "\x00#" not in joined:
        return values
    risky = [i for i, value in enumerate(values) if value.__class__ is str and value[:1] in _GUESSED]
    if not risky:
        return values
    from openpyxl.cell import WriteOnlyCell

    values = list(values)
    for i in risky:
        cell = WriteOnlyCell(sheet, value=values[i])
        values[i] = as_text(cell)
    return values


@dataclass(frozen=True)
class Heading:
    """Who issues the document, to whom, where and when: the facts around the table (Decree 30/2020's furniture).

    The header's left block is *parent* (normal caps, none for a commune's People's Committee) over the issuing
    body's lines (bold caps, `body_lines`), then "Số: …/BC-<abbreviation>"; *on_behalf* and *title* are the
    signature block's two lines (None: the form template's default, the commune's "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH");
    *printed_at* is the line "Bản in tại <office> ngày …" of a commune's form printed at an office."""

    unit_name: str  # "UBND Xã Thất Khê" for a commune, the office's name ("Sở Nội vụ tỉnh Lạng Sơn")
    place: str  # for the place-date line: the commune's or province's name
    province: str  # "Lạng Sơn"
    day: dt.date
    signer: str = ""
    office: bool = False
    unit_names: dict[str, str] | None = None
    reporter: str = ""  # who reports, and at which phone (the quick report)
    phone: str = ""
    parent: str = ""  # "UBND TỈNH LẠNG SƠN"
    body: tuple[str, ...] = ()  # ("SỞ NỘI VỤ",); empty: from unit_name
    abbreviation: str = "UBND"  # in the number: "Số: …/BC-UBND", "Số: …/BC-SNV"
    on_behalf: str | None = None
    title: str | None = None
    printed_at: str = ""

    def body_lines(self) -> tuple[str, ...]:
        """The issuing body in caps: ("ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ") for a commune, as written on two lines."""
        if self.body:
            return self.body
        name = self.unit_name
        if name.upper().startswith("UBND "):
            return ("ỦY BAN NHÂN DÂN", name[5:].strip().upper())
        return (name.upper(),)

    def number(self, pattern: str) -> str:
        """A template's number line ("Số: …/BC-{abbr}") with the issuing body's abbreviation."""
        return pattern.format(abbr=self.abbreviation)

    def signature(self, default: dict[str, str]) -> tuple[str, str]:
        """The signature block's 'on behalf' and 'title' lines: as set, or the form's *default* ({on_behalf, title})."""
        on_behalf = self.on_behalf if self.on_behalf is not None else default.get("on_behalf", "")
        title = self.title if self.title is not None else default.get("title", "")
        return on_behalf, title


def header_rows(sheet, heading: Heading, number: str, width: int, font_size: int = 12) -> int:
    """Decree 30/2020's header in a sheet's first rows: the parent body, the issuing body (bold) and the number
    on the left half; the national motto (bold) and the place-date line (italic) on the right half. Returns the
    first free row (the row after a blank one)."""
    from openpyxl.styles import Alignment, Font

    center = Alignment(horizontal="center", vertical="center", wrap_text=False)
    normal, bold = Font(name=FONT, size=font_size), Font(name=FONT, size=font_size, bold=True)
    italic = Font(name=FONT, size=font_size, italic=True)
    half = max(1, width // 2)
    left = ([(heading.parent, normal)] if heading.parent else []) + [(line, bold) for line in heading.body_lines()]
    left.append((number, normal))
    right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold), ("Độc lập - Tự do - Hạnh phúc", bold)]
    right += [("", normal)] * max(0, len(left) - 3) + [(place_date(heading.place, heading.day), italic)]

    def put(row: int, first: int, last: int, value: str, font) -> None:
        if last > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        cell = write_cell(sheet, row, first, value or None)
        cell.font, cell.alignment = font, center

    for row, (value, font) in enumerate(left, start=1):
        put(row, 1, half, value, font)
    for row, (value, font) in enumerate(right, start=1):
        if value:
            put(row, half + 1, max(half + 1, width), value, font)
    rows = max(len(left), len(right))
    if heading.printed_at:
        rows += 1
        put(rows, half + 1, max(half + 1, width), heading.printed_at, italic)
    return rows + 2


class _StyleCopier:
    """Gives many cells a named style by copying the style array of the first cell styled by name: assigning the
    name makes openpyxl look it up and copy it for every cell (2 s of an office's report that lists 11,000 deaths,
    measured); the copy of the array is what that assignment ends with."""

    def __init__(self) -> None:
        self._arrays: dict[str, Any] = {}

    def __call__(self, cell, name: str) -> None:
        array = self._arrays.get(name)
        if array is None:
            cell.style = name
            self._arrays[name] = cell._style
        else:
            cell._style = copy(array)


def periodic_workbook(aggregate: Aggregate, rows: PeriodicRows, heading: Heading,
                      cases: list[dict[str, Any]] | None = None, incidents: list[dict[str, Any]] | None = None,
                      cancel: Cancel | None = None, annex: bool = True) -> bytes:
    """Sheet "Báo cáo": Phụ lục XVI's official page (*rows.official*), the same thirteen columns as the PDF. If
    *annex*, sheet "Phụ lục" (by cause, factor, commuting: *rows.annex*; damage; incidents; an office's communes) and
    sheet "Danh sách" (the fatal and serious cases, *cases*, and the incidents, *incidents*;
    `app.services.reports`). *cancel* is asked along the rows and the cases (`Cancelled`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    form = template()
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    normal, bold, italic = Font(name=FONT, size=12), Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12,
                                                                                                 italic=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    book = Workbook()
    # Named styles: assigning one per cell is several times faster than font, border and alignment objects.
    for name, font in (("tnld_number", normal), ("tnld_number_bold", bold)):
        book.add_named_style(NamedStyle(name, font=font, alignment=center, border=border,
                                        number_format=EXCEL_INTEGER))
    for name, align in (("tnld_list", left), ("tnld_list_center", center)):
        book.add_named_style(NamedStyle(name, font=normal, alignment=align, border=border))
    styled = _StyleCopier()
    sheet = book.active
    sheet.title = "Báo cáo"
    width = 2 + len(form["columns"])
    put = _Writer(sheet, normal, left)

    title = header_rows(sheet, heading, heading.number(form["number"]), width)
    put.merged(title, 1, width, form["title"], bold, center)
    sheet.row_dimensions[title].height = 48
    put.merged(title + 1, 1, width, period_words(aggregate.period).capitalize(), bold, center)
    put.merged(title + 2, 1, width, form["office_addressee" if heading.office else "addressee"].format(
        province=heading.province), normal, center)
    line = title + 4
    if aggregate.nil:
        put(line, 1, form["nil"], italic)
        line += 2
    top = line
    line = _counts_rows(sheet, form, top, rows.official, aggregate, put, styled, bold, center, border, cancel)
    line += 1
    if aggregate.drafts:
        put(line, 1, form["drafts_note"].format(drafts=aggregate.drafts), italic)
        line += 1
    if aggregate.excluded_victims:
        put(line, 1, form["dedup_note"].format(victims=aggregate.excluded_victims,
                                               accidents=aggregate.excluded_accidents), italic)
        line += 1
    on_behalf, title = heading.signature(form["signature"])
    half = max(1, width // 2)
    line += 1
    put(line, 1, form["recipients_heading"], Font(name=FONT, size=12, bold=True, italic=True))
    for offset, text in enumerate([on_behalf, title, "", "", heading.signer]):
        if text:
            put.merged(line + offset, half + 1, width, text, bold, center)
    for offset, text in enumerate(form["recipients"], start=1):
        put(line + offset, 1, text)
    _layout(sheet, top, width)

    if annex:
        _annex_sheet(book, form, aggregate, rows, heading, put.fonts, styled, center, border, cancel)
        _cases_sheet(book, form, cases or [], incidents or [], heading.office, bold, italic, center, border, styled,
                     cancel)
    book.properties.language = "vi-VN"
    book.properties.title = form["title"]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _Writer:
    """Puts values with a font and an alignment into one sheet; `merged` spans columns."""

    def __init__(self, sheet, normal, left) -> None:
        self.sheet, self.normal, self.left = sheet, normal, left
        self.fonts = (normal, left)

    def __call__(self, row: int, col: int, value: Any, font=None, align=None, cell_border=None,
                 fmt: str | None = None):
        cell = write_cell(self.sheet, row, col, value)
        cell.font, cell.alignment = font or self.normal, align or self.left
        if cell_border is not None:
            cell.border = cell_border
        if fmt:
            cell.number_format = fmt
        return cell

    def merged(self, row: int, first: int, last: int, value: Any, font=None, align=None) -> None:
        if last > first:
            self.sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        self(row, first, value, font, align)


def _counts_rows(sheet, form, top: int, rows: list[Row], source: Aggregate, put: _Writer, styled: _StyleCopier,
                 bold, center, border, cancel: Cancel | None = None, row_heading: str | None = None) -> int:
    """The table of Phụ lục XVI's columns at *top*: the groups, the columns, the column numbers (1)…(13), then
    *rows*; returns the line after it."""
    from openpyxl.styles import Font

    columns = form["columns"]
    put(top, 1, row_heading or form["row_heading"], bold, center, border)
    put(top, 2, form["code_heading"], bold, center, border)
    sheet.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
    italic = Font(name=FONT, size=11, italic=True)
    col = 3
    for group in dict.fromkeys(c["group"] for c in columns):
        span = [c for c in columns if c["group"] == group]
        put.merged(top, col, col + len(span) - 1, group, bold, center)
        for offset, column in enumerate(span):
            put(top + 1, col + offset, column["label"], italic if column.get("of") else bold, center, border)
        col += len(span)
    for number in range(1, len(columns) + 3):
        put(top + 2, number, form["column_numbers"].format(n=number), bold, center, border)
    for row in range(top, top + 2):
        for col in range(1, len(columns) + 3):
            sheet.cell(row=row, column=col).border = border
    sheet.row_dimensions[top + 1].height = 120
    line = top + 3
    for table_row in checked(rows, cancel, every=50):
        font = bold if table_row.level == 0 else put.normal
        indent = "    " * max(0, table_row.level - 1)
        put(line, 1, indent + table_row.label, font, put.left, border)
        put(line, 2, table_row.code, font, center, border)
        style = "tnld_number_bold" if table_row.level == 0 else "tnld_number"
        counts = table_row.counts(source)
        for offset, column in enumerate(columns):
            value = getattr(counts, column["key"]) if counts is not None else None
            styled(sheet.cell(row=line, column=3 + offset, value=value), style)
        line += 1
    return line


def _layout(sheet, top: int, width: int) -> None:
    """Column widths, frozen header, A4 landscape fitted to the width, the header rows repeated on every page."""
    from openpyxl.utils import get_column_letter

    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 8
    for col in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 11
    sheet.freeze_panes = sheet.cell(row=top + 3, column=3)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{top}:{top + 2}"
    sheet.page_margins.left, sheet.page_margins.right = 1.2, 0.7
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8


def _annex_sheet(book, form, aggregate: Aggregate, rows: PeriodicRows, heading: Heading, fonts, styled, center,
                 border, cancel: Cancel | None) -> None:
    """The annex: its title, the breakdowns by cause, factor and commuting, damage, incidents, an office's
    communes, numbered as in the PDF (the lists are on the next sheet)."""
    from openpyxl.styles import Font

    annex = form["annex"]
    normal, left = fonts
    bold, italic = Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12, italic=True)
    sheet = book.create_sheet(annex["sheet"])
    put = _Writer(sheet, normal, left)
    width = 2 + len(form["columns"])
    put.merged(1, 1, width, annex["title"], bold, center)
    put.merged(2, 1, width, annex["subtitle"].format(period=period_words(aggregate.period)), italic, center)
    top = 4
    line = _counts_rows(sheet, form, top, rows.annex, aggregate, put, styled, bold, center, border, cancel) + 1
    numbers = iter(range(len(annex["sections"]) + 1, 100))

    def part(text: str) -> None:
        nonlocal line
        put(line, 1, annex["numbering"].format(n=next(numbers), text=text), bold)
        line += 1

    damage = annex["damage"]
    part(damage["heading"])
    put(line, 1, damage["days_off"])
    put(line, 3, aggregate.days_off, normal, center, None, EXCEL_INTEGER)
    put(line + 1, 1, damage["cost"])
    put(line + 1, 3, aggregate.cost_kvnd, normal, center, None, EXCEL_INTEGER)
    line += 3
    if heading.office:
        part(annex["units"])
        line = _counts_rows(sheet, form, line, unit_rows(aggregate, heading.unit_names or {}), aggregate, put,
                            styled, bold, center, border, cancel, annex["units_heading"]) + 1
    numbers_of_lists = next(numbers)
    put(line, 1, annex["numbering"].format(n=numbers_of_lists, text=form["part2"]) + f" ({annex['list_sheet']})",
        bold)
    line += 2
    part(form["part3"])
    for key, label in form["part3_counts"].items():
        put(line, 1, label)
        put(line, 3, getattr(aggregate.incidents, key), normal, center, None, EXCEL_INTEGER)
        line += 1
    _layout(sheet, top, width)


def _cases_sheet(book, form, cases, incidents, office: bool, bold, italic, center, border, styled: _StyleCopier,
                 cancel: Cancel | None = None) -> None:
    """The annex's lists: the fatal and serious cases, then the serious technical incidents."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(form["annex"]["list_sheet"])
    sheet.cell(row=1, column=1, value=form["part2"]).font = bold
    if office:
        sheet.cell(row=2, column=1, value=form["part2_office_note"]).font = italic
    # An office's list has no account (it is read from columns, `services.reports._office_cases`): its last column
    # is "Ghi chú", the note of a person also reported by another commune (`duplicates.listing`), as the PDF says it.
    labels = form["part2_columns"][:-1] + [form["part2_note_column"] if office else form["part2_columns"][-1]]
    last = "note" if office else "account"
    for col, label in enumerate(labels, start=1):
        cell = sheet.cell(row=3, column=col, value=label)
        cell.font, cell.alignment, cell.border = bold, center, border
    for number, case in enumerate(checked(cases, cancel, every=500), start=1):
        values = [number, case["date"], case["place"], case["name"], case["sex"], case["birth_year"],
                  case["occupation"], case["severity"], case.get(last) or None]
        for col, value in enumerate(values, start=1):
            styled(write_cell(sheet, 3 + number, col, value),
                   "tnld_list" if col in (3, 4, 7, 9) else "tnld_list_center")
    if not cases:
        sheet.cell(row=4, column=1, value=form["part2_none"]).font = italic
    for col, width in enumerate((6, 12, 28, 24, 9, 9, 24, 16, 60), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    top = 6 + max(1, len(cases))
    sheet.cell(row=top, column=1, value=form["part3"]).font = bold
    if not incidents:
        sheet.cell(row=top + 1, column=1, value=form["part3_none"]).font = italic
        return
    for col, label in enumerate(form["part3_columns"], start=1):
        cell = sheet.cell(row=top + 2, column=col, value=label)
        cell.font, cell.alignment, cell.border = bold, center, border
    for number, case in enumerate(incidents, start=1):
        values = [number, case["date"], case["place"], case["what_failed"], case["damage_kvnd"], case["deaths"],
                  case["injured"], case["account"]]
        for col, value in enumerate(values, start=1):
            cell = write_cell(sheet, top + 2 + number, col, value)
            styled(cell, "tnld_list" if col in (3, 4, 8) else "tnld_list_center")
            if col in (5, 6, 7):
                cell.number_format = EXCEL_INTEGER
