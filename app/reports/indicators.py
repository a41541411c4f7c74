"""Directive 31 indicators (SPEC § 6): fatal accidents and deaths against the same period of the year before and
the −4 %/year target, the share of complete records, days from accident to declaration, and the month and factor
breakdowns drawn as charts (reportlab's own graphics in the PDF, a native chart in Excel). Pure: numbers in, bytes out.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field
from typing import Any

from app.core.vnformat import number, percent
from app.reports.aggregate import Aggregate

TARGET_CHANGE = -0.04  # Directive 31: fatal accidents and deaths down 4 % a year (unconfirmed figure, SPEC § 6)


@dataclass
class Indicators:
    period: str
    previous_period: str
    current: Aggregate
    previous: Aggregate
    complete: int = 0
    records: int = 0
    delays: list[int] = field(default_factory=list)  # days from accident to declaration, one per record
    by_month: dict[str, tuple[int, int]] = field(default_factory=dict)  # "2026-03" -> (accidents, deaths)
    factor_labels: dict[str, str] = field(default_factory=dict)

    def change(self, key: str) -> float | None:
        before = getattr(self.previous.total, key)
        return None if before == 0 else getattr(self.current.total, key) / before - 1

    def target(self, key: str) -> float:
        return getattr(self.previous.total, key) * (1 + TARGET_CHANGE)

    def met(self, key: str) -> bool:
        return getattr(self.current.total, key) <= self.target(key)

    @property
    def complete_share(self) -> float | None:
        return self.complete / self.records if self.records else None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"period": self.period, "previous_period": self.previous_period}
        for key in ("fatal_accidents", "deaths", "accidents", "victims"):
            out[key] = {"current": getattr(self.current.total, key), "previous": getattr(self.previous.total, key),
                        "change": self.change(key), "target": self.target(key), "met": self.met(key)}
        out["complete_share"] = self.complete_share
        out["declaration_days"] = {"median": statistics.median(self.delays) if self.delays else None,
                                   "mean": statistics.fmean(self.delays) if self.delays else None,
                                   "records": len(self.delays)}
        out["by_month"] = {month: {"accidents": a, "deaths": d} for month, (a, d) in self.by_month.items()}
        out["by_factor"] = {code: counts.accidents for code, counts in self.current.by_factor.items()}
        return out


def indicator_rows(ind: Indicators) -> list[tuple[str, str, str, str, str]]:
    """(indicator, this period, same period a year before, change, against the target) — the table both formats show."""
    rows = []
    for key, label in (("fatal_accidents", "Số vụ tai nạn lao động chết người"), ("deaths", "Số người chết"),
                       ("accidents", "Tổng số vụ tai nạn lao động"), ("victims", "Tổng số người bị nạn")):
        change = ind.change(key)
        verdict = ("Đạt" if ind.met(key) else "Không đạt") if key in ("fatal_accidents", "deaths") else ""
        rows.append((label, number(getattr(ind.current.total, key)), number(getattr(ind.previous.total, key)),
                     percent(change) if change is not None else "—", verdict))
    share = ind.complete_share
    rows.append(("Tỷ lệ hồ sơ đầy đủ thông tin", percent(share) if share is not None else "—", "", "", ""))
    if ind.delays:
        rows.append(("Số ngày từ khi xảy ra đến khi khai báo (trung vị)", number(statistics.median(ind.delays), 1),
                     "", "", ""))
        rows.append(("Số ngày từ khi xảy ra đến khi khai báo (trung bình)", number(statistics.fmean(ind.delays), 1),
                     "", "", ""))
    return rows


HEADINGS = ("Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước", "Tăng (+) / giảm (−)", "So với mục tiêu giảm 4 %/năm")
TITLE = "CÁC CHỈ TIÊU VỀ TAI NẠN LAO ĐỘNG THEO CHỈ THỊ SỐ 31/CT-TTg"


def month_chart(ind: Indicators, width: float, height: float):
    """Accidents and deaths by month: a reportlab Drawing."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from app.reports.pdf import FAMILY

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
    legend.colorNamePairs = [(colors.HexColor("#4F81BD"), "Số vụ"), (colors.HexColor("#C0504D"), "Số người chết")]
    drawing.add(legend)
    drawing.add(String(width / 2, height - 8, "Theo tháng", fontName=FAMILY + "-Bold", fontSize=10,
                       textAnchor="middle"))
    return drawing


def factor_chart(ind: Indicators, width: float, height: float):
    """Accidents by injury-causing factor, largest first: a reportlab Drawing."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from app.reports.pdf import FAMILY

    items = sorted(((counts.accidents, code) for code, counts in ind.current.by_factor.items() if counts.accidents),
                   reverse=True)[:10]
    items.reverse()
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 190, 20, width - 210, height - 45
    chart.data = [[count for count, _ in items] or [0]]
    chart.categoryAxis.categoryNames = [_short(ind.factor_labels.get(code, code)) for _, code in items] or [""]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#4F81BD")
    drawing.add(chart)
    drawing.add(String(width / 2, height - 10, "Theo yếu tố gây chấn thương (10 yếu tố nhiều nhất)",
                       fontName=FAMILY + "-Bold", fontSize=10, textAnchor="middle"))
    return drawing


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def indicators_pdf(ind: Indicators, heading) -> bytes:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from app.reports.pdf import (
        FAMILY,
        _escape,
        _styles,
        build_document,
        document_header,
        page_width,
        register_fonts,
    )
    from app.reports.tables import period_words

    register_fonts()
    st = _styles()
    width = page_width()
    story: list[Any] = document_header(heading, st, width)
    story.append(Paragraph(TITLE, st["title"]))
    story.append(Paragraph(_escape(period_words(ind.period).capitalize()) + " (so với cùng kỳ "
                           + _escape(period_words(ind.previous_period)) + ")", st["center"]))
    story.append(Spacer(1, 8))
    data = [[Paragraph(f"<b>{h}</b>", st["cell_center"]) for h in HEADINGS]]
    for row in indicator_rows(ind):
        data.append([Paragraph(_escape(row[0]), st["cell"])] + [Paragraph(v, st["cell_center"]) for v in row[1:]])
    table = Table(data, colWidths=[width * r for r in (0.4, 0.13, 0.15, 0.15, 0.17)], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONT", (0, 0), (-1, -1), FAMILY, 10)]))
    story += [table, Spacer(1, 12), month_chart(ind, width, 190), Spacer(1, 8), factor_chart(ind, width, 230)]
    if ind.current.nil:
        story.append(Paragraph("Trong kỳ báo cáo không xảy ra tai nạn lao động nào.", st["note"]))
    story.append(Paragraph("Mục tiêu: giảm 4 % mỗi năm số vụ tai nạn lao động chết người và số người chết "
                           "(Chỉ thị 31; con số chưa được xác nhận, ghi trong cài đặt).", st["note"]))
    return build_document(story, TITLE, heading.unit_name)


def indicators_workbook(ind: Indicators, heading) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Border, Font, Side

    from app.reports.tables import period_words

    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    bold, normal = Font(name="Times New Roman", bold=True, size=12), Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"], sheet["A1"].font = heading.unit_name.upper(), bold
    sheet["A3"], sheet["A3"].font = TITLE, bold
    sheet["A4"] = f"{period_words(ind.period).capitalize()} (so với cùng kỳ {period_words(ind.previous_period)})"
    for col, label in enumerate(HEADINGS, start=1):
        cell = sheet.cell(row=6, column=col, value=label)
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(indicator_rows(ind), start=7):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=offset, column=col, value=value)
            cell.font, cell.border = normal, border
    for col, width in zip("ABCDE", (52, 14, 18, 18, 22), strict=True):
        sheet.column_dimensions[col].width = width
    data = book.create_sheet("Theo tháng")
    data.append(["Tháng", "Số vụ", "Số người chết"])
    for month in sorted(ind.by_month):
        data.append([month, *ind.by_month[month]])
    chart = BarChart()
    chart.title = "Tai nạn lao động theo tháng"
    chart.y_axis.title = "Số"
    rows = max(2, len(ind.by_month) + 1)
    chart.add_data(Reference(data, min_col=2, min_row=1, max_col=3, max_row=rows), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=rows))
    chart.width, chart.height = 24, 10
    sheet.add_chart(chart, "A16")
    factors = book.create_sheet("Theo yếu tố")
    factors.append(["Mã", "Yếu tố gây chấn thương", "Số vụ"])
    for code, counts in sorted(ind.current.by_factor.items(), key=lambda item: -item[1].accidents):
        factors.append([code, ind.factor_labels.get(code, code), counts.accidents])
    book.properties.language = "vi-VN"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
