"""Reports from one aggregation (SPEC § 6): JSON and Excel read back give the same numbers in the same places."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from app.core.periods import Period
from tests.conftest import make_accident, make_victim

KEYS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "women", "deaths", "serious")
# Phụ lục XVI's columns (3)…(13), as the Excel and PDF official page print them.
COLUMNS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "victims_at_employer", "women",
           "women_at_employer", "deaths", "deaths_at_employer", "serious", "serious_at_employer")
ALL_KEYS = (*KEYS, "victims_at_employer", "women_at_employer", "deaths_at_employer", "serious_at_employer")


@pytest.fixture
def filled(session):
    """A commune's first half of 2026: fatal, multi-victim, commuting, void and draft cases."""
    from app.services.records import add_records, void_accident

    fatal = make_accident(occurred_on="2026-02-10", declared_on="2026-02-10", factor="01", cause="1",
                          at_employer_premises=True, victims=[
        make_victim(name="Nông Văn Sơn", severity="fatal", outcome="died", died_on="2026-02-10")])
    multi = make_accident(occurred_on="2026-03-01", declared_on="2026-03-02", factor="03", cause="7",
                          at_employer_premises=True, victims=[
        make_victim(name="Lý Thị Mai", sex="F", id_number=None, birth_year=1990, severity="serious", days_off=20),
        make_victim(name="Lý Văn Tài", id_number=None, birth_year=1988, severity="minor", days_off=5, cost_kvnd=800)])
    commuting = make_accident(occurred_on="2026-04-05", declared_on="2026-04-05", commuting=True, factor="07",
                              cause="9", status="draft", at_employer_premises=False)
    void = make_accident(occurred_on="2026-05-05", declared_on="2026-05-05")
    later = make_accident(occurred_on="2026-08-01", declared_on="2026-08-01", at_employer_premises=True)
    from app.core.errors import ValidationFailed

    try:
        add_records(session, lambda: enumerate([fatal, multi, commuting, void, later], start=1))
    except ValidationFailed as failure:
        raise AssertionError([str(i) for i in failure.errors]) from None
    void_accident(session, void["id"], "nhập trùng")
    return session


def test_periodic_json_counts(filled, tmp_path):
    from app.services.reports import write_report

    written = write_report(filled, Period.parse("2026-H1"), "periodic", "json", tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert set(data) >= {"period", "units", "total", "by_unit", "by_cause", "by_factor", "by_occupation"}
    # Counted by hand: at an employer's premises are the fatal one (a man who died) and the two victims of the
    # multi-victim one (a woman seriously injured, a man slightly); the commuting one was not, the one of August
    # is out of the period.
    assert data["total"] == {"accidents": 3, "fatal_accidents": 1, "multi_victim_accidents": 1, "victims": 4,
                             "women": 1, "deaths": 1, "serious": 2, "victims_at_employer": 3,
                             "women_at_employer": 1, "deaths_at_employer": 1, "serious_at_employer": 1}
    assert data["by_month"]["2026-03"]["victims_at_employer"] == 2 and data["by_month"]["2026-04"]["victims"] == 1
    assert data["by_unit"] == {"06040": data["total"]}
    assert data["commuting"]["accidents"] == 1
    assert data["by_factor"]["07"]["accidents"] == 1 and data["by_factor"]["01"]["deaths"] == 1
    assert data["by_cause"]["1"]["accidents"] == 1 and data["by_cause_group"]["A"]["accidents"] >= 1
    assert data["damage"] == {"days_off": 30 + 20 + 5 + 30, "cost_kvnd": 4500 + 4500 + 800 + 4500}
    assert data["drafts"] == 1
    assert data["commuting"]["victims_at_employer"] == 0
    for name in ("by_unit", "by_cause", "by_factor", "by_occupation", "by_cause_group", "by_month"):
        assert {k: sum(g[k] for g in data[name].values()) for k in ALL_KEYS} == data["total"], name
    assert written.aggregate.as_json() == data


def _find(sheet, text):
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not in the sheet")


def test_periodic_excel_matches_json(filled, tmp_path):
    from app.services.reports import write_report

    write_report(filled, Period.parse("2026-H1"), "periodic", "json", tmp_path / "r.json")
    write_report(filled, Period.parse("2026-H1"), "periodic", "xlsx", tmp_path / "r.xlsx")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    book = load_workbook(tmp_path / "r.xlsx")
    sheet = book["Báo cáo"]
    assert (sheet["A1"].value, sheet["A2"].value, sheet["A3"].value) == ("ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ",
                                                                         "Số: …/BC-UBND")
    assert _find(sheet, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _find(sheet, "6 tháng đầu năm 2026")
    assert any(str(c.value).startswith("Thất Khê, ngày ") for row in sheet.iter_rows() for c in row if c.value)
    numbers = _find(sheet, "(1)").row
    headers = [sheet.cell(row=numbers - 1, column=col).value for col in range(3, 14)]
    assert headers[0] == "Tổng số" and headers[2] == "Số vụ có từ 2 người bị nạn trở lên"
    total = _find(sheet, "Tổng số")
    total_row = next(r for r in range(numbers, numbers + 5) if sheet.cell(row=r, column=1).value == "Tổng số")
    assert [sheet.cell(row=total_row, column=col).value for col in range(3, 14)] == [data["total"][k] for k in COLUMNS]
    occupation_row = next(r for r in range(numbers, 80) if sheet.cell(row=r, column=2).value == "62")
    assert [sheet.cell(row=occupation_row, column=c).value for c in range(3, 14)] == [
        data["by_occupation"]["62"][k] for k in COLUMNS]
    annex = book["Phụ lục"]
    factor_row = next(r for r in range(1, 80) if annex.cell(row=r, column=2).value == "01")
    assert [annex.cell(row=factor_row, column=c).value for c in range(3, 14)] == [data["by_factor"]["01"][k]
                                                                                  for k in COLUMNS]
    commuting = _find(annex, "3. Tai nạn trên đường đi và về (đã tính trong tổng số)")
    assert annex.cell(row=commuting.row, column=3).value == data["commuting"]["accidents"] == 1
    assert sheet.freeze_panes == f"C{numbers + 1}" and sheet.page_setup.orientation == "landscape"
    assert (f"A{numbers - 2}:A{numbers - 1}" in {str(r) for r in sheet.merged_cells.ranges})
    assert total.font.name == "Times New Roman"
    listing = book["Danh sách"]
    names = [listing.cell(row=r, column=4).value for r in range(4, 10)]
    assert names[:4] == ["Nông Văn Sơn", "Lý Thị Mai", "Hoàng Văn Đức", None]  # fatal and serious, not minor


def test_nil_period_says_no_accidents(session, tmp_path):
    from app.services.reports import write_report

    written = write_report(session, Period.parse("2025-H1"), "periodic", "xlsx", tmp_path / "nil.xlsx")
    assert written.aggregate.nil
    sheet = load_workbook(tmp_path / "nil.xlsx")["Báo cáo"]
    assert _find(sheet, "Trong kỳ báo cáo không xảy ra tai nạn lao động nào.")
    write_report(session, Period.parse("2025-H1"), "periodic", "json", tmp_path / "nil.json")
    assert json.loads((tmp_path / "nil.json").read_text())["total"]["accidents"] == 0


def test_office_report_lists_each_commune_in_its_annex_and_counts_duplicates_once(office_session, tmp_path):
    from app.services import demo, duplicates
    from app.services.reports import periodic, write_report

    demo.fill(office_session, count=60, seed=3)
    today = office_session.today()
    period = Period(today.year, "half", 1) if today.month > 6 else Period(today.year - 1, "half", 2)
    before = periodic(office_session, period)
    pair = next(p for p in duplicates.candidates(office_session, period) if p.reason == "id_number")
    duplicates.resolve(office_session, pair.a, pair.b, "same")
    after = periodic(office_session, period)
    assert after.total.victims == before.total.victims - 1 and after.excluded_victims == 1
    write_report(office_session, period, "periodic", "xlsx", tmp_path / "office.xlsx")
    write_report(office_session, period, "periodic", "json", tmp_path / "office.json")
    data = json.loads((tmp_path / "office.json").read_text())
    sheet = load_workbook(tmp_path / "office.xlsx")["Báo cáo"]
    assert len(data["units"]) == 65
    assert sheet.max_column == 13  # Phụ lục XVI's columns; the communes are rows of the annex
    unit = next(u for u, counts in data["by_unit"].items() if counts["accidents"])
    annex = load_workbook(tmp_path / "office.xlsx")["Phụ lục"]
    row = next(r for r in range(1, annex.max_row + 1) if annex.cell(row=r, column=2).value == unit)
    assert [annex.cell(row=row, column=c).value for c in range(3, 14)] == [data["by_unit"][unit][k] for k in COLUMNS]
    write_report(office_session, period, "periodic", "pdf", tmp_path / "office.pdf")
    text = _pdf_text(tmp_path / "office.pdf")
    assert "UBND TỈNH LẠNG SƠN" in text and "SỞ NỘI VỤ" in text and "5. Phân theo xã" in text and "Xã Thất Khê" in text
    line = next(line for line in text.splitlines() if f" {unit} " in f" {line} " and line.split()[-1].isdigit())
    assert [int(v) for v in line.split()[-11:]] == [data["by_unit"][unit][k] for k in COLUMNS]


def test_the_aggregation_refuses_numbers_that_do_not_add_up():
    from app.reports.aggregate import Aggregate, ConsistencyError, Counts

    broken = Aggregate("2026", ["06040"], total=Counts(accidents=2, victims=2), by_unit={"06040": Counts(accidents=1)})
    with pytest.raises(ConsistencyError):
        broken.check()


def test_report_bad_usage(session, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import write_report

    for kind, fmt, code in (("nope", "json", "report.kind"), ("periodic", "docx", "report.format")):
        with pytest.raises(UserError) as caught:
            write_report(session, Period.parse("2026"), kind, fmt, tmp_path / "x")
        assert caught.value.code == code
    (tmp_path / "exists.json").write_text("{}")
    with pytest.raises(UserError) as caught:
        write_report(session, Period.parse("2026"), "periodic", "json", tmp_path / "exists.json")
    assert caught.value.code == "file.exists_force"


def _pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_periodic_pdf_shows_the_same_numbers(filled, tmp_path):
    from pypdf import PdfReader

    from app.services.reports import write_report

    write_report(filled, Period.parse("2026-H1"), "periodic", "json", tmp_path / "r.json")
    write_report(filled, Period.parse("2026-H1"), "periodic", "pdf", tmp_path / "r.pdf")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    text = _pdf_text(tmp_path / "r.pdf")
    for heading in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                    "XÃ THẤT KHÊ", "Số: …/BC-UBND", "6 tháng đầu năm 2026", "Kính gửi: Sở Nội vụ tỉnh Lạng Sơn", "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:",
                    "Nông Văn Sơn", "Lý Thị Mai"):
        assert heading in text, heading
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Tổng số") and line.split()[-1].isdigit())
    assert [int(v) for v in total_line.split()[-11:]] == [data["total"][k] for k in COLUMNS]
    assert "Thất Khê, ngày " in text
    reader = PdfReader(tmp_path / "r.pdf")
    fonts = {str(f) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert reader.metadata.title.startswith("BÁO CÁO TÌNH HÌNH TAI NẠN LAO ĐỘNG") and fonts


def test_nil_pdf(session, tmp_path):
    from app.services.reports import write_report

    write_report(session, Period.parse("2025-H1"), "periodic", "pdf", tmp_path / "nil.pdf")
    text = _pdf_text(tmp_path / "nil.pdf")
    assert "Trong kỳ báo cáo không xảy ra tai nạn lao động nào." in text and "Không có." in text


def test_line_list_one_row_per_victim_without_identifiers_unless_asked(filled, tmp_path):
    from app.services.reports import write_report

    write_report(filled, Period.parse("2026-H1"), "linelist", "xlsx", tmp_path / "list.xlsx")
    sheet = load_workbook(tmp_path / "list.xlsx")["Danh sách"]
    header = [c.value for c in sheet[1]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 4  # fatal 1 + multi 2 + commuting 1; the void and the August accident are not in it
    assert "Số định danh cá nhân" not in header and "Điện thoại" not in header
    names = {row[header.index("Họ và tên")] for row in rows}
    assert names == {"Nông Văn Sơn", "Lý Thị Mai", "Lý Văn Tài", "Hoàng Văn Đức"}
    factor = header.index("Yếu tố gây chấn thương")
    assert {row[factor] for row in rows} >= {"Điện giật"}
    write_report(filled, Period.parse("2026-H1"), "linelist", "xlsx", tmp_path / "ids.xlsx", with_identifiers=True)
    sheet = load_workbook(tmp_path / "ids.xlsx")["Danh sách"]
    header = [c.value for c in sheet[1]]
    assert "020084001234" in {row[header.index("Số định danh cá nhân")].value for row in sheet.iter_rows(min_row=2)}
    with pytest.raises(Exception) as caught:
        write_report(filled, Period.parse("2026-H1"), "linelist", "pdf", tmp_path / "x.pdf")
    assert caught.value.code == "report.format"


def test_line_list_splits_sheets_and_checks_its_count(tmp_path):
    import io

    from app.reports.aggregate import ConsistencyError
    from app.reports.linelist import linelist_columns, write_linelist

    columns = linelist_columns(False)
    rows = [{"accident_id": f"a{i}", "n": 1, "name": f"Người {i}"} for i in range(7)]
    buffer = io.BytesIO()
    assert write_linelist(buffer, iter(rows), columns, 7, rows_per_sheet=3) == 7
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["Danh sách", "Danh sách 2", "Danh sách 3"]
    assert [book[name].max_row for name in book.sheetnames] == [4, 4, 2]  # header + 3, 3, 1
    with pytest.raises(ConsistencyError):
        write_linelist(io.BytesIO(), iter(rows), columns, 8)


def test_line_list_writes_dates_as_dates_and_texts_as_texts(tmp_path):
    import datetime as dt
    import io

    from app.reports.linelist import linelist_columns, write_linelist

    columns = linelist_columns(False)
    rows = [{"accident_id": "a1", "n": 1, "name": "=1+1", "village": "#N/A", "work": "=", "occurred_on": "2026-03-14",
             "declared_on": "2026-03-15", "died_on": None, "birth_year": 1984},
            {"accident_id": "a2", "n": 1, "name": "Lò Văn Pín", "occurred_on": "2026-03-16",
             "died_on": "2026-03-17"}]
    buffer = io.BytesIO()
    write_linelist(buffer, iter(rows), columns, 2)
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["Danh sách"]
    header = [cell.value for cell in sheet[1]]

    def cell(row: int, key: str):
        return sheet.cell(row=row, column=[k for k, _ in columns].index(key) + 1)

    assert header == [label for _, label in columns]
    assert [(cell(2, key).value, cell(2, key).data_type) for key in ("name", "village", "work")] == [
        ("=1+1", "s"), ("#N/A", "s"), ("=", "s")]
    assert cell(2, "birth_year").value == 1984
    for row, key, day in ((2, "occurred_on", 14), (2, "declared_on", 15), (3, "occurred_on", 16), (3, "died_on", 17)):
        assert cell(row, key).value == dt.datetime(2026, 3, day)
        assert cell(row, key).number_format == "dd/mm/yyyy"
    assert cell(2, "died_on").value is None and cell(3, "name").value == "Lò Văn Pín"


def test_indicators_same_numbers_in_json_excel_and_pdf(filled, tmp_path):
    from app.services.records import add_records
    from app.services.reports import write_report

    # The same half-year of 2025: two fatal accidents, so 2026 (one) meets the −4 % target.
    earlier = [make_accident(occurred_on=f"2025-0{m}-10", declared_on=f"2025-0{m}-12", victims=[
        make_victim(severity="fatal", outcome="died", died_on=f"2025-0{m}-10")]) for m in (2, 3)]
    add_records(filled, lambda: enumerate(earlier, start=1))
    for fmt in ("json", "xlsx", "pdf"):
        write_report(filled, Period.parse("2026-H1"), "indicators", fmt, tmp_path / f"i.{fmt}")
    data = json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))
    assert data["previous_period"] == "2025-H1"
    assert (data["fatal_accidents"]["current"], data["fatal_accidents"]["previous"]) == (1, 2)
    assert data["fatal_accidents"]["change"] == -0.5 and data["fatal_accidents"]["met"] is True
    assert data["deaths"]["current"] == 1
    assert data["by_month"]["2026-02"] == {"accidents": 1, "deaths": 1}
    sheet = load_workbook(tmp_path / "i.xlsx")["Chỉ tiêu"]
    row = next(r for r in range(7, 15) if sheet.cell(row=r, column=1).value == "Số vụ tai nạn lao động chết người")
    assert [sheet.cell(row=row, column=c).value for c in range(2, 6)] == ["1", "2", "-50,0\u00a0%", "Đạt"]
    book = load_workbook(tmp_path / "i.xlsx")
    assert book["Chỉ tiêu"]._charts and book["Theo tháng"]["A2"].value == "2026-02"
    text = _pdf_text(tmp_path / "i.pdf")
    assert "CÁC CHỈ TIÊU VỀ TAI NẠN LAO ĐỘNG THEO CHỈ THỊ SỐ 31-CT/TW" in text and "Theo tháng" in text
    line = next(line for line in text.splitlines() if "Số vụ tai nạn lao động chết người" in line)
    assert line.split()[-5:] == ["1", "2", "-50,0", "%", "Đạt"]


def test_indicators_of_an_empty_period(session, tmp_path):
    from app.services.reports import write_report

    write_report(session, Period.parse("2024"), "indicators", "pdf", tmp_path / "i.pdf")
    assert "không xảy ra tai nạn lao động nào" in _pdf_text(tmp_path / "i.pdf")
    write_report(session, Period.parse("2024"), "indicators", "json", tmp_path / "i.json")
    assert json.loads((tmp_path / "i.json").read_text())["fatal_accidents"]["change"] is None


def test_quick_report_for_a_death_and_refused_otherwise(filled, tmp_path):
    from app.core.errors import UserError
    from app.reports.signing import check_pdf
    from app.services.reports import quick_report

    fatal = next(r for r in filled.store.records() if any(v["severity"] == "fatal" for v in r["victims"]))
    path = quick_report(filled, fatal["id"], tmp_path / "quick.pdf")
    text = _pdf_text(path)
    for expected in ("BÁO CÁO NHANH TAI NẠN LAO ĐỘNG", "Mẫu số 06", "Nông Văn Sơn", "Công an xã Thất Khê",
                     "Sở Nội vụ tỉnh Lạng Sơn", "số người chết: 1", "Điện giật"):
        assert expected in text, expected
    assert check_pdf(path).intact
    minor = next(r for r in filled.store.records() if all(v["severity"] != "fatal" for v in r["victims"])
                 and sum(v["severity"] == "serious" for v in r["victims"]) < 2)
    with pytest.raises(UserError) as caught:
        quick_report(filled, minor["id"], tmp_path / "no.pdf")
    assert caught.value.code == "report.quick_not_needed" and not (tmp_path / "no.pdf").exists()


def test_accident_register_one_row_per_victim(filled, tmp_path):
    from app.services.reports import write_report

    write_report(filled, Period.parse("2026-H1"), "register", "xlsx", tmp_path / "reg.xlsx")
    write_report(filled, Period.parse("2026-H1"), "register", "pdf", tmp_path / "reg.pdf")
    sheet = load_workbook(tmp_path / "reg.xlsx")["Sổ theo dõi"]
    top = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "STT") + 1
    names = [sheet.cell(row=r, column=4).value for r in range(top, sheet.max_row + 1)]
    assert names == ["Nông Văn Sơn", "Lý Thị Mai", "Lý Văn Tài", "Hoàng Văn Đức"]  # in date order, not the void
    assert sheet.cell(row=top, column=10).value == "Chết"
    assert sheet.cell(row=top + 3, column=14).value == "Trên đường đi và về"
    text = _pdf_text(tmp_path / "reg.pdf")
    assert "SỔ THEO DÕI TAI NẠN LAO ĐỘNG" in text and "Thông tư số 13/2020/TT-BLĐTBXH" in text and "Lý Văn Tài" in text
    write_report(filled, Period.parse("2024"), "register", "pdf", tmp_path / "empty.pdf")
    assert "Không có tai nạn lao động nào trong kỳ." in _pdf_text(tmp_path / "empty.pdf")
