"""Phụ lục XVI's official page and its annex (issue 11): the 13 columns with the employer's-premises sub-columns,
the totals and the occupation rows only on the official page, the breakdowns and lists in an annex after it that a
setting switches off, Excel and PDF holding the same figures, and long places never cut in the list."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.periods import Period
from tests.conftest import COMMUNE, make_accident, make_victim

H1 = Period.parse("2026-H1")
# The columns (3)…(13) of the official page, in their order.
COLUMNS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "victims_at_employer", "women",
           "women_at_employer", "deaths", "deaths_at_employer", "serious", "serious_at_employer")
ANNEX_TITLE = "PHỤ LỤC KÈM THEO BÁO CÁO"


def pdf_text(data_or_path, layout: bool = True) -> str:
    command = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    data = data_or_path if isinstance(data_or_path, bytes) else Path(data_or_path).read_bytes()
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode("utf-8")


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def numbers_at_end(line: str, count: int = len(COLUMNS)) -> list[int]:
    return [int(value.replace(".", "")) for value in line.split()[-count:]]


def heading(office: bool = False):
    from app.reports.excel import Heading

    if office:
        return Heading("Sở Nội vụ tỉnh Lạng Sơn", "Lạng Sơn", "Lạng Sơn", dt.date(2026, 7, 2), "Nguyễn Văn Bình",
                       office=True, unit_names={COMMUNE: "Xã Thất Khê"})
    return Heading("UBND XÃ THẤT KHÊ", "Thất Khê", "Lạng Sơn", dt.date(2026, 7, 2), "Nguyễn Văn Bình")


def add(session, *accidents):
    from app.core.errors import ValidationFailed
    from app.services.records import add_records

    try:
        add_records(session, lambda: enumerate(accidents, start=1))
    except ValidationFailed as failure:  # say which rule
        raise AssertionError([str(issue) for issue in failure.errors]) from None


def hand_counted():
    """An aggregate whose every column holds a different number, so that a figure in the wrong column shows."""
    from app.reports.aggregate import Aggregate, Counts

    total = Counts(**dict(zip(COLUMNS, (13, 3, 2, 17, 11, 7, 5, 4, 1, 9, 6), strict=True)))
    farmers = Counts(**dict(zip(COLUMNS, (10, 2, 1, 12, 8, 5, 4, 3, 1, 6, 4), strict=True)))
    unknown = Counts(**{key: getattr(total, key) - getattr(farmers, key) for key in COLUMNS})
    result = Aggregate("2026-H1", [COMMUNE], total=total, by_unit={COMMUNE: total},
                       by_occupation={"62": farmers, "unknown": unknown}, by_cause={"1": total},
                       by_cause_group={"A": total}, by_factor={"01": total})
    result.detail = {}
    return result


def render(aggregate, office: bool = False, annex: bool = True):
    from app.core.codelists import CodeLists
    from app.reports.excel import periodic_workbook
    from app.reports.pdf import periodic_pdf
    from app.reports.tables import periodic_rows

    rows = periodic_rows(aggregate, CodeLists())
    return (periodic_pdf(aggregate, rows, heading(office), [], [], annex=annex),
            periodic_workbook(aggregate, rows, heading(office), [], [], annex=annex))


def sheet_row(sheet, first: str, column: int = 1) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=column).value == first)


def test_the_official_page_has_13_columns_with_the_employer_premises_sub_columns():
    """The hand-counted figures land in columns (3)…(13) in both formats: the totals row and the occupation row."""
    pdf, xlsx = render(hand_counted())
    text = pdf_text(pdf)
    for expected in ("Số vụ tai nạn", "Số người bị nạn", "Phân theo nghề nghiệp", "(1)", "(2)", "(13)"):
        assert expected in text, expected
    first_page = " ".join(page_texts(pdf)[0].split())
    assert first_page.count("Trong đó:") == 4  # the four sub-columns
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Tổng số")
                      and line.split()[-1].isdigit())
    assert numbers_at_end(total_line) == [13, 3, 2, 17, 11, 7, 5, 4, 1, 9, 6]
    farmers_line = next(line for line in text.splitlines() if " 62 " in f" {line} " and line.split()[-1].isdigit())
    assert numbers_at_end(farmers_line) == [10, 2, 1, 12, 8, 5, 4, 3, 1, 6, 4]
    unknown_line = next(line for line in text.splitlines() if "Chưa xác định" in line and line.split()[-1].isdigit())
    assert numbers_at_end(unknown_line) == [3, 1, 1, 5, 3, 2, 1, 1, 0, 3, 2]

    sheet = load_workbook(io.BytesIO(xlsx))["Báo cáo"]
    numbers_row = sheet_row(sheet, "(1)")
    assert [sheet.cell(row=numbers_row, column=c).value for c in range(1, 14)] == [f"({n})" for n in range(1, 14)]
    assert sheet.max_column == 13
    labels = [sheet.cell(row=numbers_row - 1, column=c).value for c in range(3, 14)]
    assert labels[4] == labels[6] == labels[8] == labels[10] \
        == "Trong đó: xảy ra tại nơi thuộc phạm vi quản lý của người sử dụng lao động"
    total_row = sheet_row(sheet, "Tổng số")
    assert [sheet.cell(row=total_row, column=c).value for c in range(3, 14)] == [13, 3, 2, 17, 11, 7, 5, 4, 1, 9, 6]
    farmers_row = sheet_row(sheet, "62", column=2)
    assert [sheet.cell(row=farmers_row, column=c).value for c in range(3, 14)] == [10, 2, 1, 12, 8, 5, 4, 3, 1, 6, 4]
    assert sheet.cell(row=total_row + 1, column=1).value == "Phân theo nghề nghiệp"


def test_the_official_page_holds_nothing_else_and_the_annex_follows_on_its_own_page():
    pdf, xlsx = render(hand_counted())
    pages = page_texts(pdf)
    annex = next(n for n, text in enumerate(pages) if ANNEX_TITLE in text)
    official = "\n".join(pages[:annex])
    for absent in ("nguyên nhân", "yếu tố gây chấn thương", "đường đi và về", "DANH SÁCH", "Số sự cố",
                   "Trong kỳ báo cáo không xảy ra sự cố", "Thiệt hại"):
        assert absent not in official, absent
    assert "CHỦ TỊCH" in official and "Nơi nhận:" in official
    assert "Nơi nhận:" not in pages[annex]  # the annex starts on a page of its own
    annexed = " ".join(" ".join(pages[annex:]).split())
    for present in ("Phân theo nguyên nhân", "Phân theo yếu tố gây chấn thương", "đường đi và về", "Thiệt hại",
                    "DANH SÁCH CÁC TRƯỜNG HỢP", "Trong kỳ báo cáo không xảy ra sự cố"):
        assert present in annexed, present
    book = load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames[0] == "Báo cáo" and "Phụ lục" in book.sheetnames
    official_cells = {str(c.value) for row in book["Báo cáo"].iter_rows() for c in row if c.value is not None}
    assert not any("nguyên nhân" in value or "yếu tố" in value for value in official_cells)
    annex_cells = {str(c.value) for row in book["Phụ lục"].iter_rows() for c in row if c.value is not None}
    assert ANNEX_TITLE in annex_cells and any("Phân theo nguyên nhân" in value for value in annex_cells)


def test_without_the_annex_only_the_official_page_is_printed():
    pdf, xlsx = render(hand_counted(), annex=False)
    assert ANNEX_TITLE not in pdf_text(pdf)
    assert load_workbook(io.BytesIO(xlsx)).sheetnames == ["Báo cáo"]


def test_an_office_per_commune_table_is_in_the_annex(office_session, tmp_path):
    from app.services import demo
    from app.services.reports import write_report

    demo.fill(office_session, count=40, seed=3)
    today = office_session.today()
    period = Period(today.year, "half", 1) if today.month > 6 else Period(today.year - 1, "half", 2)
    write_report(office_session, period, "periodic", "json", tmp_path / "o.json")
    data = json.loads((tmp_path / "o.json").read_text())
    write_report(office_session, period, "periodic", "pdf", tmp_path / "o.pdf")
    pages = page_texts((tmp_path / "o.pdf").read_bytes())
    annex = next(n for n, text in enumerate(pages) if ANNEX_TITLE in text)
    assert not any("Phân theo xã" in text for text in pages[:annex])
    assert any("Phân theo xã" in text for text in pages[annex:])
    write_report(office_session, period, "periodic", "xlsx", tmp_path / "o.xlsx")
    book = load_workbook(tmp_path / "o.xlsx")
    assert book["Báo cáo"].max_column == 13  # no column group per commune on the official page
    sheet = book["Phụ lục"]
    unit = next(u for u, counts in data["by_unit"].items() if counts["accidents"])
    row = sheet_row(sheet, unit, column=2)
    assert [sheet.cell(row=row, column=c).value for c in range(3, 14)] == [data["by_unit"][unit][k] for k in COLUMNS]


def test_the_annex_setting_is_validated_listed_and_obeyed(session, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import write_report
    from app.services.settings import change_setting, current_settings

    add(session, make_accident(occurred_on="2026-02-10"))
    assert dict((s.key, v) for s, v in current_settings(session))["periodic_annex"] == "on"
    with pytest.raises(UserError) as caught:
        change_setting(session, "periodic_annex", "maybe")
    assert caught.value.code == "setting.bad_onoff"
    assert change_setting(session, "periodic_annex", " OFF ") == "off"
    write_report(session, H1, "periodic", "pdf", tmp_path / "r.pdf")
    write_report(session, H1, "periodic", "xlsx", tmp_path / "r.xlsx")
    write_report(session, H1, "periodic", "json", tmp_path / "r.json")
    assert ANNEX_TITLE not in pdf_text(tmp_path / "r.pdf")
    assert load_workbook(tmp_path / "r.xlsx").sheetnames == ["Báo cáo"]
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["by_cause"] and data["by_factor"] and "commuting" in data  # JSON keeps all figures either way
    assert change_setting(session, "periodic_annex", "on") == "on"
    write_report(session, H1, "periodic", "pdf", tmp_path / "on.pdf")
    assert ANNEX_TITLE in pdf_text(tmp_path / "on.pdf")


@pytest.fixture
def office_with_long_places(office_session):

    villages = ["Thôn Khuổi Phầy Nà Lầu Bản Chắt Phai Xả Lũng Vài Pò Háng Cốc Phường Nà Mò Lũng Pjầu",
                "Thôn Đoàn Kết Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười Mười Một Mười Hai Xóm Trên"]
    accidents = [make_accident(occurred_on=f"2026-0{n + 2}-10", declared_on=f"2026-0{n + 2}-11", village=village, victims=[
        make_victim(name="Hoàng Thị Phương Thảo Nguyễn Lê Bảo Ngọc Tôn Nữ Khánh Linh", id_number=None, sex="F",
                    severity="fatal", outcome="died", died_on=f"2026-0{n + 2}-10")])
        for n, village in enumerate(villages)]
    add(office_session, *accidents)
    office_session.villages = villages
    return office_session


def test_an_office_list_never_cuts_a_place_or_a_name(office_with_long_places, tmp_path):
    from app.services.reports import write_report

    write_report(office_with_long_places, H1, "periodic", "pdf", tmp_path / "o.pdf")
    flat = " ".join(pdf_text(tmp_path / "o.pdf", layout=False).split())
    assert not re.search(r"\w…", flat)  # nothing cut with an ellipsis (the number line's "Số: …/BC" is a blank)
    # in the order drawn (-raw): a column's lines together, not interleaved with the next column's as read across
    drawn = " ".join(subprocess.run(["pdftotext", "-raw", str(tmp_path / "o.pdf"), "-"], capture_output=True,
                                    text=True, check=True).stdout.split())
    for village in office_with_long_places.villages:
        assert f"{village}, Xã Thất Khê" in drawn, village  # the village first, as a commune writes it
    assert drawn.count("Hoàng Thị Phương Thảo Nguyễn Lê Bảo Ngọc Tôn Nữ Khánh Linh") == 2


def test_excel_and_pdf_hold_the_same_figures_of_the_official_page(session, tmp_path):
    from app.services.reports import write_report

    accidents = [
        make_accident(occurred_on="2026-02-10", victims=[make_victim(severity="fatal", outcome="died",
                                                                     died_on="2026-02-10")]),
        make_accident(occurred_on="2026-03-01", victims=[
            make_victim(name="Lý Thị Mai", sex="F", id_number=None, occupation="61", severity="serious"),
            make_victim(name="Lý Văn Tài", id_number=None, occupation="62", severity="minor")]),
        make_accident(occurred_on="2026-04-01", declared_on="2026-04-02",
                      victims=[make_victim(id_number=None, occupation=None)]),
    ]
    add(session, *accidents)
    write_report(session, H1, "periodic", "json", tmp_path / "r.json")
    write_report(session, H1, "periodic", "pdf", tmp_path / "r.pdf")
    write_report(session, H1, "periodic", "xlsx", tmp_path / "r.xlsx")
    data = json.loads((tmp_path / "r.json").read_text())
    text = pdf_text(tmp_path / "r.pdf")
    sheet = load_workbook(tmp_path / "r.xlsx")["Báo cáo"]
    expected = [data["total"].get(key, 0) for key in COLUMNS]
    assert expected[:4] == [3, 1, 1, 4]
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Tổng số")
                      and line.split()[-1].isdigit())
    total_row = sheet_row(sheet, "Tổng số")
    assert numbers_at_end(total_line) == expected
    assert [sheet.cell(row=total_row, column=c).value for c in range(3, 14)] == expected
    for code in ("61", "62"):
        expected = [data["by_occupation"][code].get(key, 0) for key in COLUMNS]
        line = next(line for line in text.splitlines() if f" {code} " in f" {line} " and line.split()[-1].isdigit())
        row = sheet_row(sheet, code, column=2)
        assert numbers_at_end(line) == expected
        assert [sheet.cell(row=row, column=c).value for c in range(3, 14)] == expected
    assert sheet.cell(row=sheet_row(sheet, "Chưa xác định"), column=6).value == data["by_occupation"]["unknown"]["victims"]
