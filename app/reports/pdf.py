"""The periodic report as PDF (reportlab), in the page layout of Decree 30/2020 (SPEC § 6).

A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Liberation Serif (Times New Roman metrics, full
Vietnamese; `resources/fonts`); the two-column header with the national motto, the italic place-date line, bold
title, page numbers from page 2 at the top centre, signature block and "Nơi nhận". Pure: aggregate, rows and
facts in, bytes out. An office's report prints the total table, then the communes as rows (one column group per
commune does not fit on paper; the Excel workbook has them).
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from app.core.progress import Cancel
from app.core.progress import check as check_cancel
from app.core.resources import resources_dir
from app.core.vnformat import number, place_date
from app.reports.aggregate import Aggregate
from app.reports.excel import Heading
from app.reports.tables import Row, period_words, template

FAMILY = "TNLD-Serif"
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = resources_dir() / "fonts"
    for suffix, file in (("", "Regular"), ("-Bold", "Bold"), ("-Italic", "Italic"), ("-BoldItalic", "BoldItalic")):
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, str(fonts / f"LiberationSerif-{file}.ttf")))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, FAMILY + "-Bold")
    addMapping(FAMILY, 0, 1, FAMILY + "-Italic")
    addMapping(FAMILY, 1, 1, FAMILY + "-BoldItalic")
    _registered = True


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FAMILY, fontSize=13, leading=16, alignment=TA_JUSTIFY)
    return {
        "base": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "center_bold": ParagraphStyle("center_bold", parent=base, alignment=TA_CENTER, fontName=FAMILY + "-Bold"),
        "center_italic": ParagraphStyle("center_italic", parent=base, alignment=TA_CENTER,
                                        fontName=FAMILY + "-Italic"),
        "title": ParagraphStyle("title", parent=base, alignment=TA_CENTER, fontName=FAMILY + "-Bold", fontSize=13,
                                leading=17, spaceBefore=10, spaceAfter=4),
        "heading": ParagraphStyle("heading", parent=base, fontName=FAMILY + "-Bold", spaceBefore=10, spaceAfter=6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=12, alignment=TA_LEFT),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontSize=10, leading=12, alignment=TA_LEFT,
                                    fontName=FAMILY + "-Bold"),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=10, leading=12, alignment=TA_CENTER),
        "list": ParagraphStyle("list", parent=base, fontSize=9, leading=11, alignment=TA_LEFT),
        "list_center": ParagraphStyle("list_center", parent=base, fontSize=9, leading=11, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=11, leading=13, alignment=TA_LEFT),
        "small_bold_italic": ParagraphStyle("sbi", parent=base, fontSize=12, leading=14,
                                            fontName=FAMILY + "-BoldItalic", alignment=TA_LEFT),
        "note": ParagraphStyle("note", parent=base, fontName=FAMILY + "-Italic", fontSize=12),
    }


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def periodic_pdf(aggregate: Aggregate, rows: list[Row], heading: Heading, cases: list[dict[str, Any]] | None = None,
                 incidents: list[dict[str, Any]] | None = None, cancel: Cancel | None = None) -> bytes:
    """*cases* are Part II's rows (`app.services.reports.cases`), *incidents* Part III's (`incident_cases`).
    *cancel* is asked at every page (`Cancelled`)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    register_fonts()
    form = template()
    st = _styles()
    buffer = io.BytesIO()
    left, right, top, bottom = 30 * mm, 15 * mm, 20 * mm, 20 * mm
    width = A4[0] - left - right

    def page_number(canvas, doc) -> None:
        check_cancel(cancel)
        if doc.page > 1:  # Decree 30/2020: numbered from the second page, at the top centre
            canvas.saveState()
            canvas.setFont(FAMILY, 13)
            canvas.drawCentredString(left + width / 2, A4[1] - 12 * mm, str(doc.page))
            canvas.restoreState()

    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=form["title"], author=heading.unit_name, lang="vi-VN")
    frame = Frame(left, bottom, width, A4[1] - top - bottom, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=page_number)])

    story: list[Any] = document_header(heading, st, width)
    story.append(Paragraph(_escape(form["title"]), st["title"]))
    story.append(Paragraph(_escape(period_words(aggregate.period).capitalize()), st["center_bold"]))
    story.append(Spacer(1, 6))
    addressee = form["office_addressee"] if heading.office else form["addressee"]
    story.append(Paragraph(_escape(addressee.format(province=heading.province)), st["center"]))
    story.append(Paragraph(_escape(form["part1"]), st["heading"]))
    if aggregate.nil:
        story.append(Paragraph(_escape(form["nil"]), st["note"]))
    story.append(_counts_table(form, rows, aggregate, st, width, colors, Table, TableStyle, Paragraph))

    damage = form["damage"]
    story.append(Paragraph(_escape(damage["heading"]), st["heading"]))
    story.append(Paragraph(f"- {_escape(damage['days_off'])}: {number(aggregate.days_off)}", st["base"]))
    story.append(Paragraph(f"- {_escape(damage['cost'])}: {number(aggregate.cost_kvnd)}", st["base"]))
    if aggregate.drafts:
        story.append(Paragraph(_escape(form["drafts_note"].format(drafts=aggregate.drafts)), st["note"]))
    if aggregate.excluded_victims:
        story.append(Paragraph(_escape(form["dedup_note"].format(victims=aggregate.excluded_victims,
                                                                 accidents=aggregate.excluded_accidents)), st["note"]))
    if heading.office:
        story.append(Paragraph("6. Phân theo xã", st["heading"]))
        story.append(_units_table(form, aggregate, heading, st, width, colors, Table, TableStyle, Paragraph))

    story.append(Paragraph(_escape(form["part2"]), st["heading"]))
    if heading.office:
        story.append(Paragraph(_escape(form["part2_office_note"]), st["note"]))
    story.extend(_cases_table(form, cases or [], st, width, colors, Table, TableStyle, Paragraph))
    story.append(Paragraph(_escape(form["part3"]), st["heading"]))
    story.extend(_incidents_part(form, aggregate, incidents or [], st, width, colors, Table, TableStyle, Paragraph))

    sign = signature_cell(heading, form["signature"], st, 64)
    recipients = [Paragraph(_escape(form["recipients_heading"]), st["small_bold_italic"]),
                  *[Paragraph(_escape(line), st["small"]) for line in form["recipients"]]]
    block = Table([[recipients, sign]], colWidths=[width * 0.45, width * 0.55])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 12), KeepTogether(block)]
    doc.build(story)
    return buffer.getvalue()


def _rule(length: float, space: float = 2.0):
    """A rule of *length* points centred in its cell, *space* points under the line above's descenders."""
    from reportlab.platypus.flowables import Flowable

    class _Line(Flowable):
        def wrap(self, available_width, available_height):
            self._width = available_width
            return available_width, space * 3.5

        def draw(self):
            start = (self._width - length) / 2
            self.canv.setLineWidth(0.6)
            self.canv.line(start, space, start + length, space)

    return _Line()


HEADER_SIZE = 12.5  # points: the caps lines of the header (Decree 30/2020: 12 to 13)


def document_header(heading: Heading, st: dict[str, Any], width: float, number_line: str | None = None,
                    dated: bool = True) -> list[Any]:
    """The head of every administrative document (Decree 30/2020/NĐ-CP, Phụ lục I). Left: the parent body in
    normal caps (when there is one), the issuing body in bold caps, a rule of a third of its line, "Số: …".
    Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "Độc lập - Tự do - Hạnh phúc" in bold, a rule as long as the
    motto, the place and date in italics. *number_line* None: the periodic template's number with the body's
    abbreviation; "": none (a register). A commune's form printed at an office adds the line "Bản in tại …"."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    form = template()
    caps = ParagraphStyle("caps", parent=st["center"], fontSize=HEADER_SIZE, leading=15)
    motto_style = ParagraphStyle("motto", parent=st["center"], fontSize=13, leading=15)
    number = heading.number(form["number"]) if number_line is None else number_line
    body = heading.body_lines()
    left: list[Any] = [Paragraph(_escape(heading.parent), caps)] if heading.parent else []
    left += [Paragraph(f"<b>{_escape(line)}</b>", caps) for line in body]
    longest = max(stringWidth(line, FAMILY + "-Bold", HEADER_SIZE) for line in body)
    left.append(_rule(longest / 3))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right: list[Any] = [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", caps)]
    right += [Spacer(1, 15)] * max(0, len(left) - 3)  # the motto's rule level with the body's
    right += [Paragraph(f"<b>{motto}</b>", motto_style), _rule(stringWidth(motto, FAMILY + "-Bold", 13))]
    lower = [Paragraph(_escape(number), st["center"]) if number else "",
             Paragraph(_escape(place_date(heading.place, heading.day)), st["center_italic"]) if dated else ""]
    header = Table([[left, right], lower], colWidths=[width * 0.4, width * 0.6])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, 0), 2), ("TOPPADDING", (0, 1), (-1, 1), 4)]))
    story: list[Any] = [header]
    if heading.printed_at:
        story.append(Paragraph(f"<i>{_escape(heading.printed_at)}</i>", ParagraphStyle(
            "printed_at", parent=st["base"], fontSize=11, leading=13, alignment=2, spaceBefore=4)))
    return story + [Spacer(1, 8)]


def signature_cell(heading: Heading, default: dict[str, str], st: dict[str, Any], room: float) -> list[Any]:
    """The right of the signature block: 'on behalf' and title lines (as set, or the form's *default*), room to
    sign, and the signer's name; an unset name leaves the room blank, to write by hand (the command says which
    setting prints it)."""
    from reportlab.platypus import Paragraph, Spacer

    on_behalf, title = heading.signature(default)
    cell: list[Any] = [Paragraph(f"<b>{_escape(on_behalf)}</b>", st["center"]) if on_behalf else Spacer(1, 1)]
    cell += [Paragraph(f"<b>{_escape(title)}</b>", st["center"]), Spacer(1, room)]
    if heading.signer:
        cell.append(Paragraph(f"<b>{_escape(heading.signer)}</b>", st["center"]))
    return cell


def page_width(wide: bool = False) -> float:
    """The width of the text on an A4 page (portrait: 30 mm left, 15 mm right; landscape: 20 mm, 15 mm)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    return (landscape(A4)[0] - 35 * mm) if wide else (A4[0] - 45 * mm)


def build_document(story: list[Any], title: str, author: str, wide: bool = False, cancel: Cancel | None = None
                   ) -> bytes:
    """Lay *story* out on A4 in the Decree 30/2020 margins, numbering pages from the second at the top centre;
    *cancel* is asked at every page (`Cancelled`)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    page = landscape(A4) if wide else A4
    left, right, top = (20 * mm, 15 * mm, 15 * mm) if wide else (30 * mm, 15 * mm, 20 * mm)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=left, rightMargin=right, topMargin=top,
                            bottomMargin=top, title=title, author=author, lang="vi-VN")

    def first_page(_canvas, _doc) -> None:
        check_cancel(cancel)

    def page_number(canvas, doc) -> None:
        check_cancel(cancel)
        canvas.saveState()
        canvas.setFont(FAMILY, 13)
        canvas.drawCentredString(left + (page[0] - left - right) / 2, page[1] - top * 0.6, str(doc.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=first_page, onLaterPages=page_number)
    return buffer.getvalue()


def _grid(colors) -> list[tuple]:
    return [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]


def _header_rows(form, st, Paragraph) -> tuple[list[list[Any]], list[tuple]]:
    columns = form["columns"]
    groups = list(dict.fromkeys(column["group"] for column in columns))
    first = [Paragraph(f"<b>{_escape(form['row_heading'])}</b>", st["cell_center"]),
             Paragraph(f"<b>{_escape(form['code_heading'])}</b>", st["cell_center"])]
    second = ["", ""]
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    col = 2
    for group in groups:
        members = [column for column in columns if column["group"] == group]
        first += [Paragraph(f"<b>{_escape(group)}</b>", st["cell_center"])] + [""] * (len(members) - 1)
        spans.append(("SPAN", (col, 0), (col + len(members) - 1, 0)))
        second += [Paragraph(_escape(column["label"]), st["cell_center"]) for column in members]
        col += len(members)
    return [first, second], spans


def _counts_table(form, rows: list[Row], aggregate: Aggregate, st, width, colors, Table, TableStyle, Paragraph):
    columns = form["columns"]
    data, spans = _header_rows(form, st, Paragraph)
    style = _grid(colors) + spans
    for table_row in rows:
        counts = table_row.counts(aggregate)
        label_style = st["cell_bold"] if table_row.level == 0 else st["cell"]
        indent = "&nbsp;" * 4 * max(0, table_row.level - 1)
        line = [Paragraph(indent + _escape(table_row.label), label_style), Paragraph(table_row.code, st["cell_center"])]
        line += [Paragraph(number(getattr(counts, c["key"])), st["cell_center"]) if counts is not None else ""
                 for c in columns]
        data.append(line)
    number_width = 13.5 * 72 / 25.4
    label_width = width - 12 * 72 / 25.4 - number_width * len(columns)
    table = Table(data, colWidths=[label_width, 12 * 72 / 25.4] + [number_width] * len(columns), repeatRows=2)
    table.setStyle(TableStyle(style))
    return table


def _units_table(form, aggregate: Aggregate, heading: Heading, st, width, colors, Table, TableStyle, Paragraph):
    columns = form["columns"]
    data, spans = _header_rows(form, st, Paragraph)
    names = heading.unit_names or {}
    for unit in aggregate.units:
        counts = aggregate.by_unit[unit]
        data.append([Paragraph(_escape(names.get(unit, unit)), st["cell"]), Paragraph(unit, st["cell_center"])]
                    + [Paragraph(number(getattr(counts, c["key"])), st["cell_center"]) for c in columns])
    number_width = 13.5 * 72 / 25.4
    label_width = width - 14 * 72 / 25.4 - number_width * len(columns)
    table = Table(data, colWidths=[label_width, 14 * 72 / 25.4] + [number_width] * len(columns), repeatRows=2)
    table.setStyle(TableStyle(_grid(colors) + spans))
    return table


def _cases_table(form, cases: list[dict[str, Any]], st, width, colors, Table, TableStyle, Paragraph) -> list[Any]:
    """Part II as a list of tables of 100 rows: reportlab splits one long table across pages in time that grows with its
    length, and a province's year can list thousands of cases."""
    header = [Paragraph(f"<b>{_escape(label)}</b>", st["list_center"]) for label in form["part2_columns"]]
    left = st["list"]
    ratios = (0.06, 0.125, 0.13, 0.13, 0.065, 0.07, 0.13, 0.1, 0.19)
    widths = [width * r for r in ratios]
    style = TableStyle(_grid(colors) + [("FONT", (0, 0), (-1, -1), FAMILY, 9), ("ALIGN", (0, 0), (1, -1), "CENTER"),
                                        ("ALIGN", (4, 0), (5, -1), "CENTER")])
    if not cases:
        table = Table([header, [Paragraph(_escape(form["part2_none"]), st["cell"])] + [""] * 8], colWidths=widths)
        table.setStyle(TableStyle(_grid(colors) + [("SPAN", (0, 1), (-1, 1))]))
        return [table]
    if not any(case["account"] for case in cases):
        return _compact_cases(form, cases, width, colors, Table, TableStyle, Paragraph, st)
    tables = []
    for start in range(0, len(cases), 100):
        data = [header]
        for index, case in enumerate(cases[start:start + 100], start=start + 1):
            data.append([str(index), case["date"], Paragraph(_escape(case["place"]), left),
                         Paragraph(_escape(case["name"]), left), case["sex"], str(case["birth_year"] or ""),
                         Paragraph(_escape(case["occupation"]), left), Paragraph(case["severity"], left),
                         Paragraph(_escape(case["account"]), left) if case["account"] else ""])
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(style)
        tables.append(table)
    return tables


def _incidents_part(form, aggregate: Aggregate, incidents: list[dict[str, Any]], st, width, colors, Table, TableStyle,
                    Paragraph) -> list[Any]:
    """Part III: the summary sentence and one row per serious technical incident (or the sentence saying none)."""
    counts = aggregate.incidents
    if not counts.incidents:
        return [Paragraph(_escape(form["part3_none"]), st["base"])]
    summary = form["part3_summary"].format(incidents=number(counts.incidents), with_victims=number(counts.with_victims),
                                           damage=number(counts.damage_kvnd))
    header = [Paragraph(f"<b>{_escape(label)}</b>", st["list_center"]) for label in form["part3_columns"]]
    left, center = st["list"], st["list_center"]
    data = [header]
    for index, case in enumerate(incidents, start=1):
        data.append([Paragraph(str(index), center), Paragraph(case["date"], center),
                     Paragraph(_escape(case["place"]), left), Paragraph(_escape(case["what_failed"]), left),
                     Paragraph(number(case["damage_kvnd"]), center), Paragraph(number(case["deaths"]), center),
                     Paragraph(number(case["injured"]), center), Paragraph(_escape(case["account"]), left)])
    ratios = (0.06, 0.11, 0.14, 0.17, 0.11, 0.08, 0.09, 0.24)
    table = Table(data, colWidths=[width * r for r in ratios], repeatRows=1)
    table.setStyle(TableStyle(_grid(colors)))
    return [Paragraph(_escape(summary), st["base"]), table]


@lru_cache(maxsize=8192)
def _fit(text: str, points: float, size: float = 9) -> str:
    """*text* cut with an ellipsis to fit *points* wide in the report font (one line, no wrapping)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    full = stringWidth(text, FAMILY, size)
    if full <= points:
        return text
    text = text[: max(1, int(len(text) * points / full))]  # close to the cut, then by characters
    while text and stringWidth(text + "…", FAMILY, size) > points:
        text = text[:-1]
    return text.rstrip() + "…"


def _compact_cases(form, cases, width, colors, Table, TableStyle, Paragraph, st):
    """An office's list of deaths: one line per case, drawn straight onto the page (`OneLineRows`), so that ten
    thousand rows print in about a second (a reportlab table spent 0.25 ms a row on cell styles and layout, a
    paragraph per cell 1.3 ms); long names of places and occupations are shortened to fit."""
    labels = [label for index, label in enumerate(form["part2_columns"]) if index != 8]
    ratios = (0.06, 0.11, 0.2, 0.19, 0.06, 0.07, 0.21, 0.1)
    widths = [width * r for r in ratios]
    header = Table([[Paragraph(f"<b>{_escape(label)}</b>", st["list_center"]) for label in labels]], colWidths=widths)
    header.setStyle(TableStyle(_grid(colors)))
    room = [w - 6 for w in widths]
    rows = [(str(index), case["date"], _fit(case["place"], room[2]), _fit(case["name"], room[3]), case["sex"],
             str(case["birth_year"] or ""), _fit(case["occupation"], room[6]), _fit(case["severity"], room[7]))
            for index, case in enumerate(cases, start=1)]
    from app.reports.flowables import OneLineRows

    return [OneLineRows(header, rows, widths, FAMILY, centred=(0, 1, 4, 5))]
