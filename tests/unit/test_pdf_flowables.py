"""The wrapped-rows flowable that prints an office's long lists: every row once, split between pages, the header
on every page, Vietnamese text intact."""

import io
import re
import subprocess

from pypdf import PdfReader


def test_long_list_splits_between_pages_with_its_header_on_each(tmp_path):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.reports.flowables import WrappedRows
    from app.reports.pdf import FAMILY, _styles, build_document, register_fonts

    register_fonts()
    st = _styles()
    widths = [40, 80, 200, 100]
    header = Table([[Paragraph(f"<b>{label}</b>", st["list_center"]) for label in
                     ("STT", "Ngày xảy ra", "Họ và tên", "Mức độ")]], colWidths=widths)
    header.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    rows = [(str(n), "05/01/2026", f"Nông Thị Huyền {n}", "Chết") for n in range(1, 301)]
    pdf = build_document([Paragraph("Danh sách", st["heading"]), WrappedRows(header, rows, widths, FAMILY, (0, 1))],
                         "Thử", "UBND")
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 6
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    numbers = [int(found) for found in re.findall(r"Nông Thị Huyền (\d+)", text)]
    assert numbers == list(range(1, 301))  # each row once, in order: none lost or repeated at a page break
    assert text.count("Họ và tên") == len(pages)  # the header on every page
