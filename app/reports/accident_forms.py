"""Forms about one accident: the quick report (Decree 129/2025, Phụ lục II, Mẫu số 06) for a death or for two or
more people seriously injured (layout assumed from `../shared/FORMS.md`). Pure: the record, labels and facts in,
PDF bytes out; the page furniture is the periodic report's (Decree 30/2020).
"""

from __future__ import annotations

from typing import Any

from app.core.vnformat import short_date
from app.reports.excel import Heading

QUICK_TITLE = "BÁO CÁO NHANH TAI NẠN LAO ĐỘNG"
QUICK_BASIS = "(Theo Mẫu số 06, Phụ lục II ban hành kèm theo Nghị định số 129/2025/NĐ-CP)"


def needs_quick_report(accident: dict[str, Any]) -> bool:
    """A death, or two or more people seriously injured (FORMS.md, confirmed)."""
    victims = accident.get("victims") or []
    return (any(v["severity"] == "fatal" for v in victims)
            or sum(1 for v in victims if v["severity"] == "serious") >= 2)


def quick_report_pdf(accident: dict[str, Any], heading: Heading, labels: dict[str, str], police: str) -> bytes:
    """*labels* names the codes of the record: 'unit', 'place', 'factor', 'cause' and 'occupation:<code>',
    'residence:<code>'."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from app.reports.pdf import (
        FAMILY,
        _escape,
        _styles,
        build_document,
        document_header,
        page_width,
        register_fonts,
    )

    register_fonts()
    st = _styles()
    width = page_width()
    victims = accident["victims"]
    deaths = sum(1 for v in victims if v["severity"] == "fatal")
    serious = sum(1 for v in victims if v["severity"] == "serious")
    story: list[Any] = document_header(heading, st, width)
    story += [Paragraph(QUICK_TITLE, st["title"]), Paragraph(_escape(QUICK_BASIS), st["center_italic"]),
              Spacer(1, 6),
              Paragraph(_escape(f"Kính gửi: - Sở Nội vụ tỉnh {heading.province};"), st["center"]),
              Paragraph(_escape(f"- {police}."), st["center"]), Spacer(1, 8)]

    def line(label: str, value: str) -> None:
        story.append(Paragraph(f"<b>{_escape(label)}:</b> {_escape(value or '…')}", st["base"]))

    when = short_date(accident["occurred_on"])
    if accident.get("occurred_time"):
        when = f"{accident['occurred_time']} ngày {when}"
    place = ", ".join(p for p in (accident.get("place_detail"), accident.get("village"), labels.get("unit"),
                                  f"tỉnh {heading.province}") if p)
    line("1. Thời gian xảy ra tai nạn", when)
    line("2. Nơi xảy ra tai nạn", place + (f" ({labels['place']})" if labels.get("place") else ""))
    line("3. Công việc đang làm", accident.get("work") or "")
    line("4. Tóm tắt diễn biến vụ tai nạn", accident.get("description") or "")
    line("5. Nguyên nhân ban đầu", "; ".join(p for p in (labels.get("factor"), labels.get("cause")) if p))
    line("6. Thiệt hại ban đầu", f"số người chết: {deaths}; số người bị thương nặng: {serious}; "
                                 f"tổng số người bị nạn: {len(victims)}")
    story.append(Paragraph("<b>7. Danh sách người bị nạn:</b>", st["base"]))
    data = [[Paragraph(f"<b>{h}</b>", st["cell_center"]) for h in
             ("STT", "Họ và tên", "Giới tính", "Năm sinh", "Nghề nghiệp", "Nơi cư trú", "Tình trạng")]]
    for number, victim in enumerate(victims, start=1):
        born = victim.get("birth_year") or (victim.get("birth_date") or "")[:4]
        data.append([Paragraph(str(number), st["cell_center"]), Paragraph(_escape(victim["name"]), st["cell"]),
                     Paragraph("Nữ" if victim.get("sex") == "F" else "Nam", st["cell_center"]),
                     Paragraph(str(born or ""), st["cell_center"]),
                     Paragraph(_escape(labels.get(f"occupation:{victim.get('occupation')}", "")), st["cell"]),
                     Paragraph(_escape(labels.get(f"residence:{victim.get('residence')}", "")), st["cell"]),
                     Paragraph({"fatal": "Chết", "serious": "Bị thương nặng"}.get(victim["severity"],
                                                                                   "Bị thương nhẹ"), st["cell"])])
    table = Table(data, colWidths=[width * r for r in (0.07, 0.22, 0.1, 0.1, 0.2, 0.17, 0.14)], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONT", (0, 0), (-1, -1), FAMILY, 10)]))
    story += [table, Spacer(1, 6)]
    line("8. Biện pháp đã xử lý", "")
    line("9. Người báo cáo", f"{heading.signer or '…'}; điện thoại: …")
    sign = [Paragraph("<b>TM. ỦY BAN NHÂN DÂN</b>", st["center"]), Paragraph("<b>CHỦ TỊCH</b>", st["center"]),
            Spacer(1, 60), Paragraph(f"<b>{_escape(heading.signer)}</b>", st["center"])]
    recipients = [Paragraph("Nơi nhận:", st["small_bold_italic"]), Paragraph("- Như trên;", st["small"]),
                  Paragraph("- Lưu: VT.", st["small"])]
    block = Table([[recipients, sign]], colWidths=[width * 0.45, width * 0.55])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 12), KeepTogether(block)]
    return build_document(story, QUICK_TITLE, heading.unit_name)
