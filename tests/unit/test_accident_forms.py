"""The forms about accidents (quick report, record of the event, public notice, register), built from records
without a database and read back as text: headings with their diacritics, blanks to fill by hand, and no
personal data on the public notice."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess

import pytest

from app.core.resources import resources_dir
from app.reports.excel import Heading
from tests.conftest import make_accident, make_victim

HEADING = Heading("UBND Xã Thất Khê", "Thất Khê", "Lạng Sơn", dt.date(2026, 7, 1), "Hoàng Văn Minh")
LABELS = {"unit": "Xã Thất Khê", "place": "Rừng trồng của hộ gia đình (keo, quế, hồi…)",
          "factor": "Ngã từ trên cao (cây, mái nhà, giàn giáo, thang)",
          "cause": "Vi phạm nội quy, quy trình, quy chuẩn, biện pháp làm việc an toàn",
          "occupation:62": "Lao động có kỹ năng trong lâm nghiệp", "residence:06040": "Xã Thất Khê",
          "injury_type:01": "Gãy xương", "body_part:60": "Chi dưới (hông, chân, bàn chân)",
          "serious_injury:024": "Gãy xương sườn", "serious_injury:029": "Vỡ, trật xương sống"}
NAMES = {"place": "Rừng trồng", "factors": "Ngã từ trên cao", "causes": "Vi phạm quy trình",
         "occupations": "Nông dân", "admin_units": "Xã Thất Khê"}
BLANK = "…………"


def _names(listname: str, code: str | None) -> str:
    return NAMES[listname] if code else ""


def _text(data: bytes, layout: bool = True) -> str:
    """The PDF's text with runs of white space made one space, so that a wrapped line still matches; a table's
    cells wrapped on two lines read whole only in drawing order (*layout* False)."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, "-", "-"], input=data, capture_output=True, check=True).stdout
    return re.sub(r"\s+", " ", out.decode("utf-8"))


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def test_every_template_is_json_with_its_form_and_status():
    files = sorted((resources_dir() / "templates").glob("*.json"))
    assert {"periodic", "quick", "register", "event_record", "notice"} <= {f.stem for f in files}
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        assert data["form"] and data["status"], file.name
        assert "legal_basis" in data, file.name


def test_the_event_record_prints_the_victim_and_injuries_and_leaves_blanks():
    from app.reports.accident_forms import event_record_pdf

    victim = make_victim(serious_injuries=["024", "029"], insured=True, residence_detail="Thôn Nà Pàn")
    accident = make_accident(place_detail="Đồi hồi sau nhà", victims=[victim])
    data = event_record_pdf(accident, HEADING, LABELS)
    text = _text(data)
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Thất Khê, ngày 01 tháng 07 năm 2026", "Số: …/BB-UBND", "BIÊN BẢN GHI NHẬN SỰ VIỆC",
                     "Về việc người lao động làm việc không theo hợp đồng lao động bị tai nạn lao động",
                     "Luật An toàn, vệ sinh lao động số 84/2015/QH13", "Nghị định số 129/2025/NĐ-CP",
                     "I. THÀNH PHẦN", "II. DIỄN BIẾN SỰ VIỆC", "III. NGƯỜI BỊ NẠN", "VI. BIỆN PHÁP ĐÃ XỬ LÝ",
                     "09 giờ 30 phút, ngày 14 tháng 03 năm 2026", "Thôn Nà Pàn, Xã Thất Khê (mã 06040)",
                     "Hoàng Văn Đức", "giới tính: Nam", "Năm sinh: 1984", "020084001234",
                     "Lao động có kỹ năng trong lâm nghiệp (mã 62)", "Gãy xương (mã 01)",
                     "024 – Gãy xương sườn", "029 – Vỡ, trật xương sống", "Bị thương nặng",
                     "Ngã từ trên cao (cây, mái nhà, giàn giáo, thang) (mã 03)", "Có bảo hiểm tai nạn tự nguyện",
                     "Biên bản được đọc lại cho những người có mặt cùng nghe và nhất trí ký tên",
                     "NGƯỜI LẬP BIÊN BẢN", "NGƯỜI LÀM CHỨNG", "TM. ỦY BAN NHÂN DÂN", "(Ký, ghi rõ họ tên)",
                     "Hoàng Văn Minh"):
        assert expected in text, expected
    assert re.search(r"Ông/Bà: …{6,} Chức vụ: …{6,}", text)  # who is present: to fill in by hand
    assert re.search(r"Nơi sơ cứu, cấp cứu, điều trị: …{6,}", text)


def test_the_event_record_of_an_incomplete_record_has_dotted_blanks():
    from app.reports.accident_forms import event_record_pdf

    accident = make_accident(occurred_time=None, village=None, work=None, description=None, victims=[
        make_victim(birth_year=None, id_number=None, occupation=None, injury_type=None, body_part=None,
                    residence=None),
        make_victim(name="Lý Thị Hoa", sex="F", birth_year=None, birth_date="1990-05-02", severity="minor")])
    text = _text(event_record_pdf(accident, HEADING, {"unit": "Xã Thất Khê"}, number="07/BB-UBND"))
    assert "Số: 07/BB-UBND" in text and "Số: …/BB-UBND" not in text
    assert "……… giờ ……… phút, ngày 14 tháng 03 năm 2026" in text
    assert f"Nơi xảy ra: {BLANK}, Xã Thất Khê (mã 06040)" in text
    for field in ("Công việc đang làm", "Diễn biến sự việc", "Ngày, tháng, năm sinh", "Nơi cư trú", "Nghề nghiệp",
                  "Loại chấn thương", "Vị trí bị thương"):
        assert re.search(re.escape(field) + r": …{6,}", text), field
    assert "Người bị nạn thứ 2:" in text and "Lý Thị Hoa" in text and "Ngày sinh: 02/05/1990" in text
    assert "Số định danh cá nhân" in text  # the second victim's, the first has none
    assert text.count("Số định danh cá nhân") == 1
    assert "TM. ỦY BAN NHÂN DÂN" in text


def test_the_notice_tells_what_happened_without_names():
    from app.reports.accident_forms import notice_pdf

    accidents = [
        make_accident(victims=[make_victim(severity="fatal", birth_year=1985)]),
        make_accident(occurred_on="2026-04-02", victims=[
            make_victim(name="Lý Thị Hoa", sex="F", birth_year=None, birth_date="1991-06-01",
                        id_number="020191004321", phone="0987654321"),
            make_victim(name="Nông Văn Sơn", birth_year=1990), make_victim(name="Lò Văn Tú", severity="minor",
                                                                           birth_year=2006)]),
        make_accident(status="void", occurred_on="2026-05-05", victims=[make_victim(name="Hà Thị Vân")]),
    ]
    data = notice_pdf(accidents, HEADING, _names, "6 tháng đầu năm 2026")
    text = _text(data) + _text(data, layout=False)
    for expected in ("THÔNG BÁO", "Về các vụ tai nạn lao động xảy ra trên địa bàn", "6 tháng đầu năm 2026",
                     "Số: …/TB-UBND", "Ủy ban nhân dân xã Thất Khê niêm yết công khai",
                     "không theo hợp đồng lao động", "STT", "Ngày xảy ra", "Nơi xảy ra", "Công việc",
                     "Yếu tố gây chấn thương", "Nguyên nhân", "Hậu quả", "14/03/2026", "02/04/2026",
                     "Thôn Nà Pàn, Xã Thất Khê", "Hái hồi trên cây", "Ngã từ trên cao", "Vi phạm quy trình",
                     "1 người chết", "(nam, 41 tuổi)", "2 người bị thương nặng, 1 người bị thương nhẹ",
                     "nữ, 34 tuổi", "nam, 36 tuổi", "nam, 20 tuổi", "phương tiện bảo vệ cá nhân",
                     "Ngắt điện trước khi sửa chữa", "Thời gian niêm yết: từ ngày", "TM. ỦY BAN NHÂN DÂN",
                     "CHỦ TỊCH", "Hoàng Văn Minh"):
        assert expected in text, expected
    for private in ("Hoàng Văn Đức", "Lý Thị Hoa", "Nông Văn Sơn", "Lò Văn Tú", "020084001234", "020191004321",
                    "0912345678", "0987654321"):
        assert private not in text, private
    assert "05/05/2026" not in text  # a void record is never posted


def test_an_empty_notice_says_so():
    from app.reports.accident_forms import notice_pdf

    data = notice_pdf([], HEADING, _names, None)
    text = _text(data)
    assert "Không có tai nạn lao động nào trong kỳ." in text and "THÔNG BÁO" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and _pages(data) == 1


def test_a_long_notice_runs_over_pages_with_its_heading_repeated():
    from app.reports.accident_forms import notice_pdf

    data = notice_pdf([make_accident() for _ in range(60)], HEADING, _names, "Năm 2026")
    assert _pages(data) > 1
    text = _text(data, layout=False)
    assert text.count("Yếu tố gây chấn thương") >= _pages(data) - 1 and " 60 14/03/2026 " in text


def test_the_quick_report_reads_its_words_from_the_template():
    from app.reports.accident_forms import needs_quick_report, quick_report_pdf

    accident = make_accident(victims=[make_victim(severity="fatal", outcome="died", died_on="2026-03-14"),
                                      make_victim(name="Lý Thị Hoa", sex="F", birth_year=1990)])
    assert needs_quick_report(accident)
    data = quick_report_pdf(accident, HEADING, LABELS, "Công an xã Thất Khê")
    text = _text(data) + _text(data, layout=False)
    for expected in ("BÁO CÁO NHANH TAI NẠN LAO ĐỘNG", "Mẫu số 06", "Kính gửi: - Sở Nội vụ tỉnh Lạng Sơn;",
                     "- Công an xã Thất Khê.", "1. Thời gian xảy ra tai nạn: 09:30 ngày 14/03/2026",
                     "số người chết: 1; số người bị thương nặng: 1; tổng số người bị nạn: 2", "Hoàng Văn Đức",
                     "Nữ", "Chết", "Bị thương nặng", "8. Biện pháp đã xử lý: …", "Hoàng Văn Minh; điện thoại: …",
                     "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:", "Lưu: VT."):
        assert expected in text, expected


@pytest.fixture
def rows() -> list[dict]:
    from app.reports.register import register_rows

    records = [make_accident(victims=[make_victim(severity="fatal", serious_injuries=["011"])]),
               make_accident(commuting=True, record_ref="01/BB", victims=[make_victim(name="Lý Thị Hoa", sex="F")])]
    return register_rows(records, lambda listname, code: f"{listname}-{code}" if code else "")


def test_the_register_reads_its_words_from_the_template(rows):
    from openpyxl import load_workbook

    from app.reports.register import register_pdf, register_workbook

    assert [row["severity"] for row in rows] == ["Chết (011)", "Nặng"]
    assert rows[1]["sex"] == "Nữ" and rows[1]["remarks"] == "Trên đường đi và về"
    sheet = load_workbook(io.BytesIO(register_workbook(rows, HEADING, "Năm 2026")))["Sổ theo dõi"]
    top = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "STT")
    assert sheet.cell(row=top - 4, column=1).value == "SỔ THEO DÕI TAI NẠN LAO ĐỘNG"
    assert sheet.cell(row=top - 3, column=1).value == "(Theo Phụ lục II ban hành kèm theo Thông tư số 13/2020/TT-BLĐTBXH)"
    assert [sheet.cell(row=r, column=4).value for r in (top + 1, top + 2)] == ["Hoàng Văn Đức", "Lý Thị Hoa"]
    assert sheet.cell(row=top + 1, column=10).value == "Chết (011)" and sheet.cell(row=top + 2, column=14).value == \
        "Trên đường đi và về"
    data = register_pdf(rows, HEADING, "Năm 2026")
    text = _text(data) + _text(data, layout=False)
    assert "SỔ THEO DÕI TAI NẠN LAO ĐỘNG" in text and "Thông tư số 13/2020/TT-BLĐTBXH" in text
    assert "Lý Thị Hoa" in text and "Yếu tố gây chấn thương" in text
    assert "Không có tai nạn lao động nào trong kỳ." in _text(register_pdf([], HEADING, "Năm 2026"))
