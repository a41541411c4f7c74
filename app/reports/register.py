"""The commune's accident register of a period (Circular 13/2020/TT-BLĐTBXH, Art. 3(1)(b), Phụ lục II: the commune
People's Committee's statistics; Phụ lục I is the employer's; columns assumed in `docs/forms.md`): one row per
victim, PDF (A4 landscape) and Excel, under the issuing body's header (Decree 30/2020; no number: a register is a
book, not a dispatch). The factor prints with its official code (Circular 13/2020 Phụ lục IV) when the code list
has one, else ours; "Số, ngày biên bản" holds the biên bản's number only (a `record_ref` with "BB"), empty when
there is none; the severity "Nặng" carries the serious-injury codes of Decree 39/2016 Phụ lục II. Pure: rows in,
bytes out.
"""

from __future__ import annotations

import io
from typing import Any

from app.core.progress import Cancel, checked
from app.reports.excel import Heading, header_rows, write_cell
from app.reports.pdf import (
    FAMILY,
    _escape,
    _styles,
    build_document,
    document_header,
    page_width,
    register_fonts,
)
from app.reports.tables import template

NUMBERS = "numbers"  # a row's key of its figures as numbers: {column key: int or None}


def _form() -> dict[str, Any]:
    """The wording and columns of the register: `resources/templates/register.json` (an assumed layout)."""
    return template("register")


def register_rows(records, labels, shown_code=None) -> list[dict[str, Any]]:
    """One row per victim of *records* (newest versions, in date order); *labels(list, code)* names a code and
    *shown_code(list, code)* is the code printed beside the name (default: the code itself; the factors' official
    code when the list has one, `services.reports`)."""
    from app.core.derived import birth_year_of
    from app.core.vnformat import number, short_date

    form = _form()
    rows = []
    for accident in records:
        when = short_date(accident["occurred_on"]) + (f"\n{accident['occurred_time']}" if accident.get("occurred_time")
                                                      else "")
        place = ", ".join(p for p in (accident.get("village"), accident["unit"]) if p)
        ref = accident.get("record_ref") or ""
        record = ref if "BB" in ref.upper() else ""  # a biên bản's number; an investigation's is not one
        shown = shown_code or (lambda _name, code: code)
        for victim in accident["victims"]:
            severity = form["severity"][victim["severity"]]
            if victim.get("serious_injuries"):
                severity += " (" + ", ".join(victim["serious_injuries"]) + ")"
            occupation = victim.get("occupation")
            born = birth_year_of(victim)
            rows.append({
                "number": str(len(rows) + 1), "when": when, "place": place, "name": victim["name"],
                "sex": form["sex"]["F" if victim.get("sex") == "F" else "M"],
                "birth_year": str(born or ""),
                "occupation": f"{labels('occupations', occupation)} ({occupation})" if occupation else "",
                "factor": form["code"].format(name=labels("factors", accident["factor"]),
                                              code=shown("factors", accident["factor"]))
                if accident.get("factor") else "",
                "cause": labels("causes", accident.get("cause")), "severity": severity,
                "days_off": number(victim.get("days_off")) if victim.get("days_off") is not None else "",
                "cost": number(victim.get("cost_kvnd")) if victim.get("cost_kvnd") is not None else "",
                "record": record, "remarks": form["commuting"] if accident.get("commuting") else "",
                # The same figures as numbers, for the workbook (the texts above are the PDF's, "4.500").
                NUMBERS: {"number": len(rows) + 1, "birth_year": born, "days_off": victim.get("days_off"),
                          "cost": victim.get("cost_kvnd")},
            })
    return rows


def register_pdf(rows: list[dict[str, Any]], heading: Heading, period_text: str, cancel: Cancel | None = None
                 ) -> bytes:
    """A4 landscape: fourteen columns do not fit on a portrait page. *cancel* is asked along the rows and at every
    page (`Cancelled`)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, TableStyle

    register_fonts()
    form = _form()
    columns = form["columns"]
    centred = set(form["centred"])
    st = _styles()
    width = page_width(wide=True)
    story: list[Any] = document_header(heading, st, width, number_line="", dated=False)
    story += [Paragraph(_escape(form["title"]), st["title"]),
                        Paragraph(_escape(form["basis"]), st["center_italic"]),
                        Paragraph(_escape(period_text), st["center"]), Spacer(1, 6)]
    cell, center = st["list"], st["list_center"]
    data = [[Paragraph(f"<b>{_escape(column['label'])}</b>", center) for column in columns]]
    for row in checked(rows, cancel, every=200):
        data.append([Paragraph(_escape(row[column["key"]]).replace("\n", "<br/>"),
                               center if column["key"] in centred else cell) for column in columns])
    if not rows:
        data.append([Paragraph(_escape(form["empty"]), cell)] + [""] * (len(columns) - 1))
    total = sum(column["width"] for column in columns)
    # splitInRow: a row taller than a page (a 500-character village, name or work, all valid) goes on over the page
    from app.reports.flowables import page_table

    table = page_table(data, colWidths=[width * column["width"] / total for column in columns])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("FONT", (0, 0), (-1, -1), FAMILY, 9)]
    if not rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    story.append(table)
    return build_document(story, form["title"], heading.unit_name, wide=True, cancel=cancel)


def register_workbook(rows: list[dict[str, Any]], heading: Heading, period_text: str, cancel: Cancel | None = None
                      ) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from app.core.vnformat import EXCEL_INTEGER

    form = _form()
    columns = form["columns"]
    book = Workbook()
    sheet = book.active
    sheet.title = form["sheet"]
    bold, normal = Font(name="Times New Roman", bold=True), Font(name="Times New Roman")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = header_rows(sheet, heading, "", len(columns), font_size=11)
    for offset, (text, font) in enumerate(((form["title"], bold), (form["basis"], normal), (period_text, normal))):
        sheet.merge_cells(start_row=top + offset, start_column=1, end_row=top + offset, end_column=len(columns))
        cell = write_cell(sheet, top + offset, 1, text)
        cell.font, cell.alignment = font, Alignment(horizontal="center")
    head = top + 4
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(row=head, column=col, value=column["label"])
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = max(6, column["width"] * 260)
    top_left, top_centre = Alignment(vertical="top", wrap_text=True), Alignment(horizontal="center", vertical="top")
    for offset, row in enumerate(checked(rows, cancel, every=200), start=head + 1):
        numbers = row.get(NUMBERS, {})
        for col, column in enumerate(columns, start=1):
            key = column["key"]
            if key in numbers:  # a number, summable, shown with its thousands separator in any locale
                cell = sheet.cell(row=offset, column=col, value=numbers[key])
                cell.number_format = "0" if key in ("number", "birth_year") else EXCEL_INTEGER
                cell.alignment = top_centre
            else:
                cell = write_cell(sheet, offset, col, row[key])  # a user's text, kept as text
                cell.alignment = top_left
            cell.font, cell.border = normal, border
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{head}:{head}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
