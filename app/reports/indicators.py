"""Directive 31 indicators (SPEC § 6): fatal accidents and deaths against the same period of the year before
and the yearly target (−4 % unless `resources/rules.json` says otherwise: an unconfirmed figure, so data), the
share of complete records, days from accident to declaration, and the month and factor breakdowns drawn as
charts (reportlab's own graphics in the PDF, a native chart in Excel). Every text is in
`resources/templates/indicators.json`. Pure: numbers in, bytes out.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field
from typing import Any

from app.core.vnformat import number, percent
from app.reports.aggregate import Aggregate
from app.reports.pdf import (
    FAMILY,
    _escape,
    _styles,
    build_document,
    document_header,
    page_width,
    register_fonts,
)
from app.reports.tables import period_words, template


def wording() -> dict[str, Any]:
    """The texts of the indicators report (`resources/templates/indicators.json`)."""
    return template("indicators")


def target_figure(change: float) -> str:
    """The target as the texts print it after "giảm": `4` for -0.04, `5,5` for -0.055."""
    value = round(abs(change) * 100, 1)
    return number(value, 0 if value == int(value) else 1)


@dataclass
class Indicators:
    """The indicators of *period* against *previous_period*; *target_change* is the yearly target as a
    fraction (the service passes `Rules.target_change`, from `resources/rules.json`)."""

    period: str
    previous_period: str
    current: Aggregate
    previous: Aggregate
    # Records of the period that are counted (not void, not wholly a confirmed duplicate of another report), the
    # complete ones among them, and the days from accident to declaration of each that has a declaration date.
    complete: int = 0
    records: int = 0
    delays: list[int] = field(default_factory=list)
    factor_labels: dict[str, str] = field(default_factory=dict)
    target_change: float = -0.04  # the default of resources/rules.json (directive31.yearly_change)

    @property
    def by_month(self) -> dict[str, tuple[int, int]]:
        """"2026-03" -> (accidents, deaths), from the aggregation (so they add up to the table's totals)."""
        return {month: (counts.accidents, counts.deaths) for month, counts in sorted(self.current.by_month.items())}

    def change(self, key: str) -> float | None:
        """This period against the same period a year before, as a fraction; None when that was zero."""
        before = getattr(self.previous.total, key)
        return None if before == 0 else getattr(self.current.total, key) / before - 1

    def target(self, key: str) -> float:
        """The most that *key* may be this period: the same period a year before changed by the target."""
        return getattr(self.previous.total, key) * (1 + self.target_change)

    def met(self, key: str) -> bool:
        """Whether *key* is within the target."""
        return getattr(self.current.total, key) <= self.target(key)

    @property
    def complete_share(self) -> float | None:
        return self.complete / self.records if self.records else None

    def as_json(self) -> dict[str, Any]:
        """The indicators as numbers (the JSON report)."""
        out: dict[str, Any] = {"period": self.period, "previous_period": self.previous_period,
                               "target_change": self.target_change}
        for key in ("fatal_accidents", "deaths", "accidents", "victims"):
            out[key] = {"current": getattr(self.current.total, key),
                        "previous": getattr(self.previous.total, key), "change": self.change(key),
                        "target": self.target(key), "met": self.met(key)}
        out["complete_share"] = self.complete_share
        out["declaration_days"] = {"median": statistics.median(self.delays) if self.delays else None,
                                   "mean": statistics.fmean(self.delays) if self.delays else None,
                                   "records": len(self.delays)}
        out["by_month"] = {month: {"accidents": a, "deaths": d} for month, (a, d) in self.by_month.items()}
        out["by_factor"] = {code: counts.accidents for code, counts in self.current.by_factor.items()}
        return out


def indicator_rows(ind: Indicators,
                   text: dict[str, Any] | None = None) -> list[tuple[str, str, str, str, str]]:
    """(indicator, this period, same period a year before, change, against the target): the table both formats
    show."""
    text = text or wording()
    labels, none = text["rows"], text["no_value"]
    rows = []
    for key in ("fatal_accidents", "deaths", "accidents", "victims"):
        change = ind.change(key)
        verdict = ""
        if key in ("fatal_accidents", "deaths"):
            verdict = text["met"] if ind.met(key) else text["not_met"]
        rows.append((labels[key], number(getattr(ind.current.total, key)),
                     number(getattr(ind.previous.total, key)),
                     percent(change) if change is not None else none, verdict))
    share = ind.complete_share
    rows.append((labels["complete_share"], percent(share) if share is not None else none, "", "", ""))
    if ind.delays:
        rows.append((labels["delay_median"], number(statistics.median(ind.delays), 1), "", "", ""))
        rows.append((labels["delay_mean"], number(statistics.fmean(ind.delays), 1), "", "", ""))
    return rows


def headings(ind: Indicators, text: dict[str, Any] | None = None) -> list[str]:
    """The table's column headings, the last one with the target's figure."""
    figure = target_figure(ind.target_change)
    return [heading.format(target=figure) for heading in (text or wording())["headings"]]


def target_note(ind: Indicators, text: dict[str, Any] | None = None) -> str:
    """The sentence under the charts that says which target the verdicts use."""
    return (text or wording())["target_note"].format(target=target_figure(ind.target_change))


def period_line(ind: Indicators, text: dict[str, Any] | None = None) -> str:
    """`6 tháng đầu năm 2026 (so với cùng kỳ 6 tháng đầu năm 2025)`."""
    return (text or wording())["period_line"].format(period=period_words(ind.period).capitalize(),
                                                     previous=period_words(ind.previous_period))


def month_chart(ind: Indicators, width: float, height: float, text: dict[str, Any] | None = None) -> Any:
    """Accidents and deaths by month: a reportlab Drawing."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    words = (text or wording())["month_chart"]
    months = sorted(ind.by_month)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 36, 40, width - 50, height - 80
    chart.data = [[ind.by_month[m][0] for m in months] or [0], [ind.by_month[m][1] for m in months] or [0]]
    chart.categoryAxis.categoryNames = [m[5:] + "/" + m[2:4] for m in months] or [""]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#4F81BD")
    chart.bars[1].fillColor = colors.HexColor("#C0504D")
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, height - 22
    legend.fontName, legend.fontSize = FAMILY, 9
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(colors.HexColor("#4F81BD"), words["accidents"]),
                             (colors.HexColor("#C0504D"), words["deaths"])]
    drawing.add(legend)
    drawing.add(String(width / 2, height - 8, words["title"], fontName=FAMILY + "-Bold", fontSize=10,
                       textAnchor="middle"))
    return drawing


def factor_chart(ind: Indicators, width: float, height: float, text: dict[str, Any] | None = None) -> Any:
    """Accidents by injury-causing factor, largest first: a reportlab Drawing."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    items = sorted(((counts.accidents, code) for code, counts in ind.current.by_factor.items()
                    if counts.accidents), reverse=True)[:10]
    items.reverse()
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 190, 20, width - 210, height - 45
    chart.data = [[count for count, _ in items] or [0]]
    chart.categoryAxis.categoryNames = ([_short(ind.factor_labels.get(code, code)) for _, code in items]
                                        or [""])
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#4F81BD")
    drawing.add(chart)
    drawing.add(String(width / 2, height - 10, (text or wording())["factor_chart"]["title"],
                       fontName=FAMILY + "-Bold", fontSize=10, textAnchor="middle"))
    return drawing


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def indicators_pdf(ind: Indicators, heading: Any) -> bytes:
    """The indicators as an unsigned PDF (*heading*: an `app.reports.excel.Heading`)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    text = wording()
    register_fonts()
    st = _styles()
    width = page_width()
    story: list[Any] = document_header(heading, st, width)
    story.append(Paragraph(_escape(text["title"]), st["title"]))
    story.append(Paragraph(_escape(period_line(ind, text)), st["center"]))
    story.append(Spacer(1, 8))
    data = [[Paragraph(f"<b>{_escape(h)}</b>", st["cell_center"]) for h in headings(ind, text)]]
    for row in indicator_rows(ind, text):
        data.append([Paragraph(_escape(row[0]), st["cell"])]
                    + [Paragraph(v, st["cell_center"]) for v in row[1:]])
    table = Table(data, colWidths=[width * r for r in (0.4, 0.13, 0.15, 0.15, 0.17)], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONT", (0, 0), (-1, -1), FAMILY, 10)]))
    story += [table, Spacer(1, 12), month_chart(ind, width, 190, text), Spacer(1, 8),
              factor_chart(ind, width, 230, text)]
    if ind.current.nil:
        story.append(Paragraph(_escape(text["nil"]), st["note"]))
    story.append(Paragraph(_escape(target_note(ind, text)), st["note"]))
    return build_document(story, text["title"], heading.unit_name)


def indicators_workbook(ind: Indicators, heading: Any) -> bytes:
    """The indicators as an Excel workbook: the table with a month chart, then the month and factor data."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Border, Font, Side

    text = wording()
    sheets = text["sheets"]
    book = Workbook()
    sheet = book.active
    sheet.title = sheets["indicators"]
    bold, normal = Font(name="Times New Roman", bold=True, size=12), Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    from app.reports.excel import append_text, header_rows, write_cell
    from app.reports.tables import template

    top = header_rows(sheet, heading, heading.number(template()["number"]), 5)  # Decree 30/2020's header
    sheet.cell(row=top, column=1, value=text["title"]).font = bold
    sheet.cell(row=top + 1, column=1, value=period_line(ind, text))
    for col, label in enumerate(headings(ind, text), start=1):
        cell = sheet.cell(row=top + 3, column=col, value=label)
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(indicator_rows(ind, text), start=top + 4):
        for col, value in enumerate(row, start=1):
            cell = write_cell(sheet, offset, col, value)
            cell.font, cell.border = normal, border
    for col, width in zip("ABCDE", (52, 14, 18, 18, 22), strict=True):
        sheet.column_dimensions[col].width = width
    data = book.create_sheet(sheets["by_month"])
    data.append(list(text["month_columns"]))
    for month in sorted(ind.by_month):
        data.append([month, *ind.by_month[month]])
    chart = BarChart()
    chart.title = text["excel_chart"]["title"]
    chart.y_axis.title = text["excel_chart"]["y_axis"]
    rows = max(2, len(ind.by_month) + 1)
    chart.add_data(Reference(data, min_col=2, min_row=1, max_col=3, max_row=rows), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=rows))
    chart.width, chart.height = 24, 10
    sheet.add_chart(chart, f"A{top + 6 + len(indicator_rows(ind, text))}")
    factors = book.create_sheet(sheets["by_factor"])
    factors.append(list(text["factor_columns"]))
    for code, counts in sorted(ind.current.by_factor.items(), key=lambda item: -item[1].accidents):
        append_text(factors, [code, ind.factor_labels.get(code, code), counts.accidents])
    book.properties.language = "vi-VN"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
