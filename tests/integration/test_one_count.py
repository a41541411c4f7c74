"""One count everywhere (issue 11): after the office decides that two reports are one person, every figure of every
report kind is the aggregation's, and every list of victims shows that person once with a note naming both
reports. The office of `office_filled`: Hoàng Văn Đức reported by Xã Bình Gia on 5 April (commuting) and again on
6 April; the second report holds only him, so that accident is not counted."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from app.core.periods import Period
from tests.integration.test_report_kinds import H1, office_filled, pdf_text, write  # noqa: F401

ALL_KEYS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "women", "deaths", "serious",
            "victims_at_employer", "women_at_employer", "deaths_at_employer", "serious_at_employer")


def _reports(session) -> tuple[str, str]:
    """The ids of the counted report of Hoàng Văn Đức and of the one counted elsewhere."""
    rows = dict(session.db.execute("SELECT village, id FROM accidents WHERE unit = '06112'"))
    return rows["Thôn Bình Gia"], rows["Thôn Pác Khuông"]


def test_every_breakdown_of_the_indicators_equals_the_periodic_totals(office_filled, tmp_path):  # noqa: F811
    periodic = json.loads(write(office_filled, tmp_path, "periodic", "json")[0].read_text())
    total = periodic["total"]
    assert total["accidents"] == 3 and total["deaths"] == 1
    for name in ("by_unit", "by_cause", "by_cause_group", "by_factor", "by_occupation", "by_month"):
        assert {key: sum(group[key] for group in periodic[name].values()) for key in ALL_KEYS} == total, name
    values = json.loads(write(office_filled, tmp_path, "indicators", "json")[0].read_text())
    assert sum(month["accidents"] for month in values["by_month"].values()) == total["accidents"]
    assert sum(month["deaths"] for month in values["by_month"].values()) == total["deaths"]
    assert values["by_month"] == {month: {"accidents": counts["accidents"], "deaths": counts["deaths"]}
                                  for month, counts in periodic["by_month"].items()}
    assert sum(values["by_factor"].values()) == total["accidents"]
    assert values["declaration_days"]["records"] == total["accidents"]  # the report counted elsewhere left out
    book = load_workbook(write(office_filled, tmp_path, "indicators", "xlsx")[0])
    sheets = {name.lower(): book[name] for name in book.sheetnames}
    months = next(sheet for name, sheet in sheets.items() if "tháng" in name)
    rows = [row for row in months.iter_rows(min_row=2, values_only=True) if row and row[0]]
    assert sum(row[1] for row in rows) == total["accidents"] and sum(row[2] for row in rows) == total["deaths"]


def test_the_indicators_pdf_month_chart_is_drawn_from_the_aggregation(office_filled):  # noqa: F811
    from app.services.reports import indicators, periodic

    current = periodic(office_filled, H1)
    values = indicators(office_filled, H1, current)
    assert values.by_month == {"2026-02": (1, 1), "2026-03": (1, 0), "2026-04": (1, 0)}
    assert values.records == current.total.accidents == 3


def test_the_register_lists_a_confirmed_duplicate_once_with_a_note_naming_both(office_filled, tmp_path):  # noqa: F811
    counted, other = _reports(office_filled)
    register = load_workbook(write(office_filled, tmp_path, "register", "xlsx")[0]).worksheets[0]
    rows = [[cell.value for cell in row] for row in register.iter_rows()]
    mine = [row for row in rows if "Hoàng Văn Đức" in row]
    assert len(mine) == 1
    remarks = mine[0][-1]
    assert f"Cũng được báo cáo tại Xã Bình Gia (hồ sơ {other[:8]})" in remarks
    assert "Trên đường đi và về" in remarks  # the counted report is the commuting one: its remark is kept
    text = pdf_text(write(office_filled, tmp_path, "register", "pdf")[0])
    assert text.count("Hoàng Văn") == 1 and "một lần" in text  # the name and note may wrap in their cells


def test_the_period_notice_lists_a_confirmed_duplicate_once(office_filled, tmp_path):  # noqa: F811
    from app.services.reports import accident_form

    counted, other = _reports(office_filled)
    # An office prints a commune's notice (a notice is the commune's document), with its duplicate decisions.
    text = pdf_text(accident_form(office_filled, "notice", tmp_path / "a.pdf", period=H1, unit="06112"))
    assert "Thôn Pác Khuông" not in text  # the second report of the same person is not posted again
    assert "Thôn Bình Gia" in text and "Cũng được báo cáo tại" in text and other[:8] in text


def test_the_line_list_keeps_both_reports_each_naming_the_other(office_filled, tmp_path):  # noqa: F811
    counted, other = _reports(office_filled)
    sheet = load_workbook(write(office_filled, tmp_path, "linelist", "xlsx")[0])["Danh sách"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    column = next(name for name in header if name.startswith("Trùng"))
    notes = {row["Mã vụ"]: row[column] for row in rows if row["Họ và tên"] == "Hoàng Văn Đức"}
    assert notes == {counted: f"Cũng được báo cáo tại Xã Bình Gia (hồ sơ {other[:8]}); chỉ tính một lần",
                     other: f"Trùng với báo cáo tại Xã Bình Gia (hồ sơ {counted[:8]}); đã tính ở báo cáo đó"}
    assert all(not row[column] for row in rows if row["Họ và tên"] != "Hoàng Văn Đức")


def test_part_two_of_the_office_lists_a_death_reported_twice_once_with_the_note(office_filled, tmp_path):  # noqa: F811
    """An office's Part II lists each counted death once; a death reported by two communes carries the note."""
    from app.services import duplicates
    from app.services.records import add_records
    from app.services.reports import cases, periodic
    from tests.conftest import OTHER_COMMUNE, make_accident, make_victim

    def died(day: str, **changes):
        return make_accident(occurred_on=day, declared_on="2026-05-11", **changes, victims=[make_victim(
            name="Vi Văn Thắng", id_number="020080000077", severity="fatal", outcome="died", died_on=day)])

    first, second = died("2026-05-09"), died("2026-05-10", unit=OTHER_COMMUNE, village="Thôn Bình Gia")
    add_records(office_filled, lambda: enumerate([first, second], start=1))
    assert [case["name"] for case in cases(office_filled, H1, periodic(office_filled, H1))] == \
        ["Nông Văn Sơn", "Vi Văn Thắng", "Vi Văn Thắng"]
    duplicates.resolve(office_filled, f"{first['id']}/1", f"{second['id']}/1", "same")
    listed = cases(office_filled, H1, periodic(office_filled, H1))
    assert [case["name"] for case in listed] == ["Nông Văn Sơn", "Vi Văn Thắng"]
    assert listed[1]["note"] == f"Cũng được báo cáo tại Xã Bình Gia (hồ sơ {second['id'][:8]}); chỉ tính một lần"
    assert listed[1]["note"] in listed[1]["account"] and listed[0]["note"] == ""


def _english_words() -> set[str]:
    """Every English name of every code list, and the English values of the record's enums and booleans."""
    import csv

    from app.core.model import OUTCOMES, SEVERITIES, STATUSES
    from app.core.resources import resources_dir

    words = {*STATUSES, *SEVERITIES, *OUTCOMES, "True", "False", "true", "false", "yes", "no", "None", "null",
             "M", "F"}
    for path in (resources_dir() / "codelists").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            words.update(row["name_en"].strip() for row in csv.DictReader(handle)  # not "Dao": the same in both
                         if row.get("name_en") and row["name_en"].strip() != (row.get("name_vi") or "").strip())
    return {word for word in words if word}


def test_the_line_list_speaks_vietnamese(office_session, tmp_path):
    """A demo office's line list, every cell checked: no English word of the code lists or of the statuses."""
    from app.services import demo

    demo.fill(office_session, count=80, seed=5)
    today = office_session.today()
    period = Period.parse(str(today.year))
    sheet = load_workbook(write(office_session, tmp_path, "linelist", "xlsx", period)[0]).worksheets[0]
    english = _english_words()
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) > 50
    found = {(rows[0][index], value) for row in rows[1:] for index, value in enumerate(row)
             if isinstance(value, str) and value in english}
    assert found == set()
    header = rows[0]
    employer = header.index("Xảy ra tại nơi do người sử dụng lao động quản lý")
    status = header.index("Trạng thái")
    assert {row[employer] for row in rows[1:]} == {"Có", "Không", "Chưa rõ"}
    assert {row[status] for row in rows[1:]} <= {"Nháp", "Đã xác nhận"}
    outcomes = {row[header.index("Kết quả điều trị")] for row in rows[1:]}
    assert outcomes and outcomes <= {"Sơ cứu", "Đã hồi phục", "Có di chứng", "Tử vong", "Chưa rõ", None}


def test_check_covers_the_months_and_the_sub_counts():
    import pytest

    from app.reports.aggregate import ConsistencyError, Counts, VictimRow, aggregate

    rows = [VictimRow("a", "06040", "2026-02-10", "confirmed", "1", "01", False, 1, 1, "F", "fatal", "62", 3, None),
            VictimRow("b", "06040", "2026-03-01", "confirmed", "7", "03", False, None, 1, "M", "minor", "71", 1, None)]
    counted = aggregate(rows, "2026-H1", ["06040"], {"1": "A", "7": "B"})
    assert counted.by_month["2026-02"].deaths_at_employer == 1 and counted.by_month["2026-03"].victims_at_employer == 0
    assert counted.by_occupation["62"].women_at_employer == 1
    counted.by_month["2026-03"].accidents += 1
    with pytest.raises(ConsistencyError, match="by_month"):
        counted.check()
    assert Counts(victims=1, deaths=1, deaths_at_employer=2, victims_at_employer=1).impossible() == \
        "deaths_at_employer exceeds deaths"
    assert Counts(victims=1, victims_at_employer=1).impossible() is None
