"""The periodic report as PDF (reportlab), in the page layout of Decree 30/2020 (SPEC § 6).

A4 (the periodic report landscape: Phụ lục XVI has thirteen columns), Decree 30/2020 margins; Liberation Serif
(Times New Roman metrics, full Vietnamese; `resources/fonts`); the two-column header with the national motto, the
italic place-date line, bold title, page numbers from page 2 at the top centre, signature block and "Nơi nhận".
Pure: aggregate, rows and facts in, bytes out. The periodic report is the official page of Phụ lục XVI, then our
annex on a page of its own (an office's communes are rows of the annex).
"""

from __future__ import annotations

import io
from typing import Any

from app.core.progress import Cancel
from app.core.progress import check as check_cancel
from app.core.resources import resources_dir
from app.core.vnformat import number, place_date
from app.reports.aggregate import Aggregate
from app.reports.excel import Heading
from app.reports.tables import PeriodicRows, Row, period_words, template, unit_rows

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
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=9, alignment=TA_CENTER),
        "list": ParagraphStyle("list", parent=base, fontSize=9, leading=11, alignment=TA_LEFT),
        "list_center": ParagraphStyle("list_center", parent=base, fontSize=9, leading=11, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=11, leading=13, alignment=TA_LEFT),
        "small_bold_italic": ParagraphStyle("sbi", parent=base, fontSize=12, leading=14,
                                            fontName=FAMILY + "-BoldItalic", alignment=TA_LEFT),
        "note": ParagraphStyle("note", parent=base, fontName=FAMILY + "-Italic", fontSize=12),
    }


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def periodic_pdf(aggregate: Aggregate, rows: PeriodicRows, heading: Heading, cases: list[dict[str, Any]] | None = None,
                 incidents: list[dict[str, Any]] | None = None, cancel: Cancel | None = None, annex: bool = True
                 ) -> bytes:
    """Phụ lục XVI's official page (the totals and the occupation rows, *rows.official*), then, if *annex*, our annex
    on a new page: by cause, factor and commuting (*rows.annex*), damage, an office's communes, the fatal and serious
    cases (*cases*, `app.services.reports.cases`) and the serious technical incidents (*incidents*,
    `incident_cases`). A4 landscape: thirteen columns. *cancel* is asked at every page (`Cancelled`)."""
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    register_fonts()
    form = template()
    st = _styles()
    width = page_width(wide=True)

    story: list[Any] = document_header(heading, st, width)
    story.append(Paragraph(_escape(form["title"]), st["title"]))
    story.append(Paragraph(_escape(period_words(aggregate.period).capitalize()), st["center_bold"]))
    story.append(Spacer(1, 6))
    addressee = form["office_addressee"] if heading.office else form["addressee"]
    story.append(Paragraph(_escape(addressee.format(province=heading.province)), st["center"]))
    story.append(Spacer(1, 8))
    if aggregate.nil:
        story.append(Paragraph(_escape(form["nil"]), st["note"]))
    # The last rows of the table are kept with the notes and the signature: a signature never stands alone on a page.
    kept = 2 if len(rows.official) > 3 else 0
    story.append(_counts_table(form, rows.official[:len(rows.official) - kept], aggregate, st, width))
    last: list[Any] = [_counts_table(form, rows.official[-kept:], aggregate, st, width, header=False)] if kept else []
    if aggregate.drafts:
        last.append(Paragraph(_escape(form["drafts_note"].format(drafts=aggregate.drafts)), st["note"]))
    if aggregate.excluded_victims:
        last.append(Paragraph(_escape(form["dedup_note"].format(victims=aggregate.excluded_victims,
                                                                accidents=aggregate.excluded_accidents)), st["note"]))

    sign = signature_cell(heading, form["signature"], st, 64)
    recipients = [Paragraph(_escape(form["recipients_heading"]), st["small_bold_italic"]),
                  *[Paragraph(_escape(line), st["small"]) for line in form["recipients"]]]
    block = Table([[recipients, sign]], colWidths=[width * 0.5, width * 0.5])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([*last, Spacer(1, 12), block]))
    if annex:
        story.append(PageBreak())
        story += _annex(form, aggregate, rows, heading, cases or [], incidents or [], st, width)
    return build_document(story, form["title"], heading.unit_name, wide=True, cancel=cancel)


def _annex(form, aggregate: Aggregate, rows: PeriodicRows, heading: Heading, cases: list[dict[str, Any]],
           incidents: list[dict[str, Any]], st, width: float) -> list[Any]:
    """The annex printed after the official page: its own title, the breakdowns, damage, an office's communes, the
    list of fatal and serious cases and the serious technical incidents, numbered after the breakdowns."""
    from reportlab.platypus import Paragraph

    annex = form["annex"]
    story: list[Any] = [Paragraph(_escape(annex["title"]), st["title"]),
                        Paragraph(_escape(annex["subtitle"].format(period=period_words(aggregate.period))),
                                  st["center_italic"]),
                        _counts_table(form, rows.annex, aggregate, st, width)]
    numbers = iter(range(len(annex["sections"]) + 1, 100))

    def part(text: str) -> Any:
        return Paragraph(_escape(annex["numbering"].format(n=next(numbers), text=text)), st["heading"])

    damage = annex["damage"]
    story.append(part(damage["heading"]))
    story.append(Paragraph(f"- {_escape(damage['days_off'])}: {number(aggregate.days_off)}", st["base"]))
    story.append(Paragraph(f"- {_escape(damage['cost'])}: {number(aggregate.cost_kvnd)}", st["base"]))
    if heading.office:
        story.append(part(annex["units"]))
        story.append(_counts_table(form, unit_rows(aggregate, heading.unit_names or {}), aggregate, st, width,
                                   annex["units_heading"]))
    story.append(part(form["part2"]))
    if heading.office:
        story.append(Paragraph(_escape(form["part2_office_note"]), st["note"]))
    story.extend(_cases_table(form, cases, st, width))
    story.append(part(form["part3"]))
    story.extend(_incidents_part(form, aggregate, incidents, st, width))
    return story


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


def _counts_table(form, rows: list[Row], aggregate: Aggregate, st, width: float, row_heading: str | None = None,
                  header: bool = True):
    """The table of Phụ lục XVI's columns: two header rows (the groups, the columns with the employer's-premises
    sub-columns), the row of column numbers (1)…(13), then *rows*; the same table for the annex's breakdowns and an
    office's communes. Without *header*: the rows only, to continue a table above (its last rows kept with the
    signature)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    columns = form["columns"]
    head = st["head"]
    first = [Paragraph(f"<b>{_escape(row_heading or form['row_heading'])}</b>", head),
             Paragraph(f"<b>{_escape(form['code_heading'])}</b>", head)]
    second: list[Any] = ["", ""]
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    col = 2
    for group in dict.fromkeys(column["group"] for column in columns):
        members = [column for column in columns if column["group"] == group]
        first += [Paragraph(f"<b>{_escape(group)}</b>", head)] + [""] * (len(members) - 1)
        spans.append(("SPAN", (col, 0), (col + len(members) - 1, 0)))
        second += [Paragraph(f"<i>{_escape(column['label'])}</i>" if column.get("of") else
                             f"<b>{_escape(column['label'])}</b>", head) for column in members]
        col += len(members)
    numbered = [Paragraph(_escape(form["column_numbers"].format(n=n)), head) for n in range(1, len(columns) + 3)]
    data: list[list[Any]] = [first, second, numbered] if header else []
    top = len(data)
    if not header:
        spans = []
    bold_rows = []
    for index, table_row in enumerate(rows, start=top):
        counts = table_row.counts(aggregate)
        label_style = st["cell_bold"] if table_row.level == 0 else st["cell"]
        if table_row.level == 0:
            bold_rows.append(("FONT", (2, index), (-1, index), FAMILY + "-Bold", 10))
        indent = "&nbsp;" * 4 * max(0, table_row.level - 1)
        line = [Paragraph(indent + _escape(table_row.label), label_style), table_row.code]
        line += [number(getattr(counts, c["key"])) if counts is not None else "" for c in columns]
        data.append(line)
    code_width = 14 * mm
    number_width = 18.5 * mm
    label_width = width - code_width - number_width * len(columns)
    table = Table(data, colWidths=[label_width, code_width] + [number_width] * len(columns), repeatRows=top)
    table.setStyle(TableStyle(_grid(colors) + spans + [
        ("FONT", (1, top), (-1, -1), FAMILY, 10), ("ALIGN", (1, top), (-1, -1), "CENTER")] + bold_rows))
    return table


def _cases_table(form, cases: list[dict[str, Any]], st, width: float) -> list[Any]:
    """The fatal and serious cases: one row per case drawn straight onto the page (`WrappedRows`: a province's year
    lists thousands), every text whole, wrapped within its column, never cut."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.reports.flowables import WrappedRows

    with_account = any(case["account"] for case in cases)
    labels = form["part2_columns"] if with_account else form["part2_columns"][:8]
    ratios = ((0.045, 0.08, 0.16, 0.15, 0.05, 0.05, 0.16, 0.08, 0.225) if with_account else
              (0.05, 0.09, 0.22, 0.2, 0.06, 0.06, 0.22, 0.1))
    widths = [width * r for r in ratios]
    header = Table([[Paragraph(f"<b>{_escape(label)}</b>", st["list_center"]) for label in labels]], colWidths=widths)
    header.setStyle(TableStyle(_grid(colors)))
    if not cases:
        table = Table([[Paragraph(_escape(form["part2_none"]), st["cell"])] + [""] * (len(labels) - 1)],
                      colWidths=widths)
        table.setStyle(TableStyle(_grid(colors) + [("SPAN", (0, 0), (-1, 0))]))
        return [header, table]
    rows = [(str(index), case["date"], case["place"], case["name"], case["sex"], str(case["birth_year"] or ""),
             case["occupation"], case["severity"], *((case["account"],) if with_account else ()))
            for index, case in enumerate(cases, start=1)]
    return [WrappedRows(header, rows, widths, FAMILY, centred=(0, 1, 4, 5))]


def _incidents_part(form, aggregate: Aggregate, incidents: list[dict[str, Any]], st, width: float) -> list[Any]:
    """The summary sentence and one row per serious technical incident (or the sentence saying none)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, TableStyle

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
    ratios = (0.05, 0.09, 0.16, 0.18, 0.1, 0.07, 0.08, 0.27)
    from app.reports.flowables import page_table

    table = page_table(data, colWidths=[width * r for r in ratios])  # long places and accounts split over pages
    table.setStyle(TableStyle(_grid(colors)))
    return [Paragraph(_escape(summary), st["base"]), table]
