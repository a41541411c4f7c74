"""Every report kind, at an office, on a period with fatal, multi-victim, commuting, void and duplicate cases and
serious technical incidents, and on an empty period (issue 4's acceptance): PDFs read back with pdftotext, Excel
with openpyxl, the same numbers as the JSON."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import uuid

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.periods import Period
from tests.conftest import COMMUNE, OTHER_COMMUNE, make_accident, make_victim

KEYS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "women", "deaths", "serious")
# Phụ lục XVI's columns (3)…(13), as the Excel and PDF official page print them.
COLUMNS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "victims_at_employer", "women",
           "women_at_employer", "deaths", "deaths_at_employer", "serious", "serious_at_employer")
H1 = Period.parse("2026-H1")
EMPTY = Period.parse("2024-H1")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def numbers_at_end(line: str, count: int = 7) -> list[int]:
    return [int(value.replace(".", "")) for value in line.split()[-count:]]


def incident(**changes):
    record = {"kind": "incident", "id": str(uuid.uuid4()), "unit": COMMUNE, "occurred_on": "2026-03-01",
              "village": "Thôn Nà Pàn", "place": "6.1", "what_failed": "Giàn giáo tre của nhà đang xây bị sập",
              "damage_kvnd": 35_000, "description": "Giàn giáo gãy chân khi đổ mái.", "status": "confirmed"}
    record.update(changes)
    return record


@pytest.fixture
def office_filled(office_session):
    """An office that holds two communes' first half of 2026: one victim reported by both (decided 'same')."""
    from app.core.errors import ValidationFailed
    from app.services import duplicates
    from app.services.records import add_records, void_accident
    from app.services.settings import change_setting

    fatal = make_accident(occurred_on="2026-02-10", declared_on="2026-02-10", factor="01", cause="1", victims=[
        make_victim(name="Nông Văn Sơn", id_number="020084000001", severity="fatal", outcome="died",
                    died_on="2026-02-10")])
    multi = make_accident(occurred_on="2026-03-01", declared_on="2026-03-02", victims=[
        make_victim(name="Lý Thị Mai", sex="F", id_number="020190000002", birth_year=1990, severity="serious",
                    serious_injuries=["024"]),
        make_victim(name="Lý Văn Tài", id_number="020088000003", birth_year=1988, severity="minor", days_off=5)])
    commuting = make_accident(unit=OTHER_COMMUNE, occurred_on="2026-04-05", declared_on="2026-04-05", commuting=True,
                              factor="12", cause="9", village="Thôn Bình Gia", victims=[
                                  make_victim(name="Hoàng Văn Đức", id_number="020084001234", residence=OTHER_COMMUNE)])
    twice = make_accident(unit=OTHER_COMMUNE, occurred_on="2026-04-06", declared_on="2026-04-07", village="Thôn Pác Khuông",
                          victims=[make_victim(name="Hoàng Văn Đức", id_number="020084001234",
                                               residence=OTHER_COMMUNE)])
    void = make_accident(occurred_on="2026-05-05", declared_on="2026-05-05", victims=[
        make_victim(name="Ma Văn Huỷ", id_number="020084000009")])
    linked = incident(accident_ids=[multi["id"]])
    alone = incident(unit=OTHER_COMMUNE, occurred_on="2026-05-20", village="Thôn Bình Gia",
                     what_failed="Sạt lở vách đá tại điểm khai thác đá", damage_kvnd=120_000)
    mistaken = incident(occurred_on="2026-06-01", what_failed="Ghi nhầm")
    try:
        add_records(office_session, lambda: enumerate([fatal, multi, commuting, twice, void, linked, alone, mistaken],
                                                      start=1))
    except ValidationFailed as failure:
        raise AssertionError([str(i) for i in failure.errors]) from None
    void_accident(office_session, void["id"], "nhập trùng")
    void_accident(office_session, mistaken["id"], "nhập nhầm")
    pair = next(p for p in duplicates.candidates(office_session, H1) if p.reason == "id_number")
    duplicates.resolve(office_session, pair.a, pair.b, "same")
    change_setting(office_session, "signer_name", "Nguyễn Văn Bình")
    office_session.ids = {"fatal": fatal["id"], "multi": multi["id"], "void": void["id"], "commuting": commuting["id"]}
    return office_session


def write(session, tmp_path, kind, fmt, period=H1, **kwargs):
    from app.services.reports import write_report

    path = tmp_path / f"{kind}-{period}.{fmt}"
    written = write_report(session, period, kind, fmt, path, **kwargs)
    return path, written


def test_periodic_report_of_the_office_in_three_formats(office_filled, tmp_path):
    path, _ = write(office_filled, tmp_path, "periodic", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    # The void accident is not counted; the victim reported by two communes is counted once (the second report
    # holds only that victim, so that accident is not counted either).
    assert {key: data["total"][key] for key in KEYS} == {
        "accidents": 3, "fatal_accidents": 1, "multi_victim_accidents": 1, "victims": 4, "women": 1, "deaths": 1,
        "serious": 2}
    assert data["deduplicated"] == {"victims": 1, "accidents": 1}
    assert data["commuting"]["accidents"] == 1
    assert data["by_unit"][COMMUNE]["accidents"] == 2 and data["by_unit"][OTHER_COMMUNE]["accidents"] == 1
    assert data["incidents"] == {"incidents": 2, "with_victims": 1, "damage_kvnd": 155_000}
    assert data["incidents_by_unit"][OTHER_COMMUNE] == {"incidents": 1, "with_victims": 0, "damage_kvnd": 120_000}

    xlsx, _ = write(office_filled, tmp_path, "periodic", "xlsx")
    book = load_workbook(xlsx)
    sheet = book["Báo cáo"]
    total_row = next(r for r in range(9, 20) if sheet.cell(row=r, column=1).value == "Tổng số")
    assert [sheet.cell(row=total_row, column=c).value for c in range(3, 14)] == [data["total"][k] for k in COLUMNS]
    annex = book["Phụ lục"]
    unit_row = next(r for r in range(1, annex.max_row + 1) if annex.cell(row=r, column=2).value == COMMUNE)
    assert [annex.cell(row=unit_row, column=c).value for c in range(3, 14)] == [data["by_unit"][COMMUNE][k]
                                                                                for k in COLUMNS]
    incidents_part = next(r for r in range(1, annex.max_row + 1)
                          if str(annex.cell(row=r, column=1).value).startswith("7. SỰ CỐ"))
    assert [annex.cell(row=incidents_part + i, column=3).value for i in (1, 2, 3)] == [2, 1, 155_000]
    listing = book["Danh sách"]
    cells = [[c.value for c in row] for row in listing.iter_rows()]
    assert [row[3] for row in cells if row[3] in ("Nông Văn Sơn", "Lý Thị Mai", "Ma Văn Huỷ")] == ["Nông Văn Sơn"]
    incidents = [row for row in cells if row[3] in ("Giàn giáo tre của nhà đang xây bị sập",
                                                      "Sạt lở vách đá tại điểm khai thác đá", "Ghi nhầm")]
    assert [(row[3], row[4], row[5], row[6]) for row in incidents] == [
        ("Giàn giáo tre của nhà đang xây bị sập", 35_000, 0, 2), ("Sạt lở vách đá tại điểm khai thác đá", 120_000, 0, 0)]

    pdf, _ = write(office_filled, tmp_path, "periodic", "pdf")
    text = pdf_text(pdf)
    for expected in ("UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "Số: …/BC-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "6 tháng đầu năm 2026",
                     "Kính gửi: Bộ Nội vụ",
                     "Đã loại 1 người bị nạn được báo cáo trùng (1 vụ).", "7. SỰ CỐ KỸ THUẬT",
                     "Tổng số: 2 sự cố, trong đó 1 sự cố có người bị nạn; thiệt hại về tài sản 155.000",
                     "Nguyễn Văn Bình", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nơi nhận:"):
        assert expected in text, expected
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Tổng số")
                      and line.split()[-1].isdigit())
    assert numbers_at_end(total_line, 11) == [data["total"][k] for k in COLUMNS]
    assert "Ghi nhầm" not in text and "Ma Văn Huỷ" not in text
    part2 = text[text.index("6. DANH SÁCH"):text.index("7. SỰ CỐ")]
    assert "Nông Văn Sơn" in part2 and "Lý Thị Mai" not in part2  # an office lists the deaths
    assert len(PdfReader(pdf).pages) >= 2


def test_every_kind_of_an_empty_period_says_so(office_session, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import accident_form

    data = json.loads(write(office_session, tmp_path, "periodic", "json", EMPTY)[0].read_text())
    assert data["total"]["accidents"] == 0 and data["incidents"]["incidents"] == 0
    text = " ".join(pdf_text(write(office_session, tmp_path, "periodic", "pdf", EMPTY)[0]).split())
    assert "Trong kỳ báo cáo không xảy ra tai nạn lao động nào." in text
    assert "Trong kỳ báo cáo không xảy ra sự cố kỹ thuật gây mất an toàn, vệ sinh lao động nghiêm trọng." in text
    listing = load_workbook(write(office_session, tmp_path, "periodic", "xlsx", EMPTY)[0])["Danh sách"]
    assert {c.value for row in listing.iter_rows() for c in row} >= {
        "Không có.", "Trong kỳ báo cáo không xảy ra sự cố kỹ thuật gây mất an toàn, vệ sinh lao động nghiêm trọng."}
    sheet = load_workbook(write(office_session, tmp_path, "linelist", "xlsx", EMPTY)[0])["Danh sách"]
    assert sheet.max_row == 1 and sheet["A1"].value == "Mã vụ"
    assert "Không có tai nạn lao động nào trong kỳ." in pdf_text(write(office_session, tmp_path, "register", "pdf",
                                                                       EMPTY)[0])
    assert "không xảy ra tai nạn lao động nào" in pdf_text(write(office_session, tmp_path, "indicators", "pdf",
                                                                 EMPTY)[0])
    with pytest.raises(UserError) as caught:  # a period's notice is the commune's: refused at an office
        accident_form(office_session, "notice", tmp_path / "notice.pdf", period=EMPTY)
    assert caught.value.code == "report.notice_at_office"


def test_line_list_register_and_indicators_agree_with_the_aggregation(office_filled, tmp_path):
    data = json.loads(write(office_filled, tmp_path, "periodic", "json")[0].read_text())
    sheet = load_workbook(write(office_filled, tmp_path, "linelist", "xlsx")[0])["Danh sách"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    # Every victim of the non-void accidents, the one reported twice marked as such; no ID numbers by default.
    assert len(rows) == data["total"]["victims"] + data["deduplicated"]["victims"] == 5
    assert [row["Họ và tên"] for row in rows if row["Trùng với báo cáo khác"]] == ["Hoàng Văn Đức"] * 2
    assert "Số định danh cá nhân" not in header and "Ma Văn Huỷ" not in {row["Họ và tên"] for row in rows}
    assert {row["Mã xã"] for row in rows} == {COMMUNE, OTHER_COMMUNE}

    register = load_workbook(write(office_filled, tmp_path, "register", "xlsx")[0])["Sổ theo dõi"]
    top = next(r for r in range(1, 15) if register.cell(row=r, column=1).value == "STT") + 1
    names = [register.cell(row=r, column=4).value for r in range(top, register.max_row + 1)]
    assert names == ["Nông Văn Sơn", "Lý Thị Mai", "Lý Văn Tài", "Hoàng Văn Đức"]  # the same person once
    assert "Nặng (024)" in {register.cell(row=r, column=10).value for r in range(top, register.max_row + 1)}

    indicators = json.loads(write(office_filled, tmp_path, "indicators", "json")[0].read_text())
    for key in ("fatal_accidents", "deaths", "accidents", "victims"):
        assert indicators[key]["current"] == data["total"][key], key
    assert sum(month["accidents"] for month in indicators["by_month"].values()) == data["total"]["accidents"]
    text = pdf_text(write(office_filled, tmp_path, "indicators", "pdf")[0])
    line = next(line for line in text.splitlines() if "Tổng số người bị nạn" in line)
    assert line.split("Tổng số người bị nạn")[1].split()[:2] == ["4", "0"]


def test_forms_of_one_accident(office_filled, tmp_path):
    from app.core.errors import UserError
    from app.reports.signing import check_pdf
    from app.services.reports import accident_form

    ids = office_filled.ids
    record = accident_form(office_filled, "record", tmp_path / "bb.pdf", ids["multi"])
    text = pdf_text(record)
    for expected in ("BIÊN BẢN GHI NHẬN SỰ VIỆC", "Lý Thị Mai", "Lý Văn Tài", "Gãy xương sườn", "Thôn Nà Pàn",
                     "TM. ỦY BAN NHÂN DÂN", "Bản in tại Sở Nội vụ tỉnh Lạng Sơn"):
        assert expected in text, expected
    assert "Nguyễn Văn Bình" not in text  # the office's signer does not sign the commune's biên bản
    assert check_pdf(record).intact
    quick = accident_form(office_filled, "quick", tmp_path / "quick.pdf", ids["fatal"])
    assert "Nông Văn Sơn" in pdf_text(quick) and "Nguyễn Văn Bình" not in pdf_text(quick)
    for kind, accident, code in (("record", ids["void"], "report.void_record"),
                                 ("quick", ids["multi"], "report.quick_not_needed"),
                                 ("record", None, "report.needs_id"), ("notice", None, "report.notice_at_office")):
        with pytest.raises(UserError) as caught:
            accident_form(office_filled, kind, tmp_path / f"{kind}-bad.pdf", accident)
        assert caught.value.code == code and not (tmp_path / f"{kind}-bad.pdf").exists()

    notice = accident_form(office_filled, "notice", tmp_path / "notice.pdf", ids["fatal"])  # one accident's
    text = " ".join(pdf_text(notice).split())
    assert "THÔNG BÁO" in text and "1 người chết" in text and "(nam, 42 tuổi)" in text
    for private in ("Nông Văn Sơn", "Lý Thị Mai", "020084000001", "0912345678", "Ma Văn Huỷ"):
        assert private not in text, private


def test_settings_on_the_printed_forms_and_their_refusals(session, tmp_path):
    from app.core.errors import UserError
    from app.services.records import save_accident
    from app.services.reports import accident_form
    from app.services.settings import change_setting, current_settings

    fatal = make_accident(victims=[make_victim(severity="fatal", outcome="died", died_on="2026-03-14")])
    save_accident(session, fatal)
    change_setting(session, "signer_name", "  Hoàng Văn Minh ")
    change_setting(session, "reporter_phone", "0205 3812 345")
    change_setting(session, "due_days_after_end.half", "10")
    before = dict((s.key, v) for s, v in current_settings(session))
    for key, value, code in (("reporter_phone", "12ab", "setting.bad_phone"), ("due_days_after_end.year", "-1",
                             "setting.bad_days"), ("colour", "red", "setting.unknown"), ("signer_name", "  ",
                             "setting.bad_text")):
        with pytest.raises(UserError) as caught:
            change_setting(session, key, value)
        assert caught.value.code == code
    assert dict((s.key, v) for s, v in current_settings(session)) == before
    assert before["signer_name"] == "Hoàng Văn Minh" and before["due_days_after_end.half"] == 10
    text = pdf_text(accident_form(session, "quick", tmp_path / "q.pdf", fatal["id"]))
    assert "Hoàng Văn Minh; điện thoại: 02053812345" in text


def test_incidents_travel_in_bundles_with_their_voids(office, commune, tmp_path):
    """A commune's incidents reach the office, a void follows them, and the office's report shows them."""
    accident = make_accident(occurred_on="2026-03-01", declared_on="2026-03-01")
    first = incident(accident_ids=[accident["id"]])
    commune.add(accident, first)
    commune.export("2026-H1", tmp_path / "one.tnld")
    [outcome] = office.import_files(tmp_path / "one.tnld")
    assert outcome.state == "imported" and outcome.plan.added == 2
    with commune.session() as session:
        from app.services.records import void_accident

        void_accident(session, first["id"], "nhập trùng")
    commune.export("2026-H1", tmp_path / "two.tnld")
    [outcome] = office.import_files(tmp_path / "two.tnld")
    assert (outcome.plan.updated, outcome.plan.unchanged) == (1, 1)
    with office.session() as session:
        from app.services.records import list_incidents
        from app.services.reports import periodic

        assert [i["status"] for i in list_incidents(session, H1, include_void=True)] == ["void"]
        assert periodic(session, H1).incidents.incidents == 0
    with commune.session() as session:  # the receipt covers the incident's version too
        assert session.db.execute("SELECT count(*) FROM sent_records WHERE accident_id = ?",
                                  (first["id"],)).fetchone()[0] == 2


def test_the_day_a_notice_was_posted_is_kept_and_listed(session, tmp_path):
    from app.services.records import get_accident, save_accident

    accident = make_accident(occurred_on="2026-03-14", posted_on="2026-03-20")
    save_accident(session, accident)
    assert get_accident(session, accident["id"])["posted_on"] == "2026-03-20"
    sheet = load_workbook(write(session, tmp_path, "linelist", "xlsx")[0])["Danh sách"]
    header = [c.value for c in sheet[1]]
    posted = sheet.cell(row=2, column=header.index("Ngày niêm yết") + 1)
    assert posted.value == dt.datetime(2026, 3, 20)  # a date (openpyxl reads it back as a datetime), dd/mm/yyyy
    assert posted.number_format == "dd/mm/yyyy"
