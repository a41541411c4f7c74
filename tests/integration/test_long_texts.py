"""Every PDF built from what a user typed is written whole for the longest valid record: a village, place, work,
name and description of 500 characters each (TEXT_LIMIT; a description may be longer still) make rows taller than
a page in the narrow columns of the register, the notice, the quick report, Part II and Part III of the periodic
report. Rows go on over the page; no text is cut or lost (every numbered word read back once, in order)."""

from __future__ import annotations

import re
import subprocess
import uuid

import pytest

from app.core.periods import Period
from tests.conftest import COMMUNE, make_accident, make_victim

H1 = Period.parse("2026-H1")


def numbered(prefix: str, tag: str, limit: int = 500) -> str:
    """'Thôn Nà Pàn v1 v2 …' of exactly *limit* characters (the last word whole): every word can be found."""
    text, n = prefix, 0
    while len(f"{text} {tag}{n + 1}") <= limit:
        n += 1
        text = f"{text} {tag}{n}"
    return text


VILLAGE = numbered("Thôn Nà Pàn", "vv")
PLACE = numbered("Bãi", "pp")
WORK = numbered("Làm", "ww")
DESCRIPTION = numbered("Trèo cây hồi", "dd")
NAME = numbered("Hoàng Văn", "Nn")
WHAT_FAILED = numbered("Giàn giáo", "ff")


def words_of(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.findall(r"\b[a-zA-Z]{2}\d+\b", text)


def whole(words: list[str], text: str, times: int = 1) -> bool:
    """Every numbered word of *text* read back *times* times (once per place it is printed): none cut, none lost."""
    wanted = re.findall(r"\b[a-zA-Z]{2}\d+\b", text)
    return all(words.count(word) == times for word in wanted) and len(wanted) > 30


@pytest.fixture
def long_record(session):
    from app.services.records import save_accident

    accident = make_accident(village=VILLAGE, place_detail=PLACE, work=WORK, description=DESCRIPTION,
                             record_ref="07/BB-UBND",
                             victims=[make_victim(name=NAME, severity="fatal", outcome="died", died_on="2026-03-14",
                                                  insured=True)])
    save_accident(session, accident)
    return accident


@pytest.mark.parametrize("kind", ["quick", "record", "declaration", "notice"])
def test_every_form_of_one_accident_with_long_texts_is_written_whole(session, long_record, tmp_path, kind):
    from app.services.reports import accident_form

    words = words_of(accident_form(session, kind, tmp_path / f"{kind}.pdf", long_record["id"]))
    assert whole(words, VILLAGE)
    if kind != "notice":  # the notice names the village and the work, never a person, a place detail or an account
        assert whole(words, NAME) and whole(words, DESCRIPTION) and whole(words, PLACE)
    assert whole(words, WORK)


def test_the_period_notice_and_register_with_long_texts_are_written_whole(session, long_record, tmp_path):
    from app.services.reports import accident_form, write_report

    words = words_of(accident_form(session, "notice", tmp_path / "notice.pdf", period=H1))
    assert whole(words, VILLAGE) and whole(words, WORK)
    write_report(session, H1, "register", "pdf", tmp_path / "register.pdf")
    words = words_of(tmp_path / "register.pdf")
    assert whole(words, VILLAGE) and whole(words, NAME)


def test_the_periodic_report_and_indicators_with_long_texts_are_written_whole(session, long_record, tmp_path):
    from app.services.records import save_accident
    from app.services.reports import write_report

    save_accident(session, {"kind": "incident", "id": str(uuid.uuid4()), "unit": COMMUNE,
                            "occurred_on": "2026-03-01", "village": VILLAGE, "place": "6.1",
                            "what_failed": WHAT_FAILED, "damage_kvnd": 35000, "description": DESCRIPTION,
                            "accident_ids": [long_record["id"]], "status": "confirmed"})
    write_report(session, H1, "periodic", "pdf", tmp_path / "periodic.pdf")
    words = words_of(tmp_path / "periodic.pdf")
    # Part II (the death) and Part III (the incident) both print the village; the name in Part II only
    assert whole(words, VILLAGE, times=2) and whole(words, NAME) and whole(words, WHAT_FAILED)
    write_report(session, H1, "indicators", "pdf", tmp_path / "indicators.pdf")  # figures and code labels only


def test_a_wrapped_row_taller_than_a_page_goes_on_over_the_page_whole(tmp_path):
    """WrappedRows (an office's list of deaths): a row taller than a whole page is split between its lines under
    the header repeated on the next page; the rows around it stay whole and in order."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.reports.flowables import WrappedRows
    from app.reports.pdf import FAMILY, _styles, build_document, register_fonts

    register_fonts()
    st = _styles()
    widths = [30, 60, 60, 200]
    header = Table([[Paragraph(f"<b>{label}</b>", st["list_center"]) for label in ("STT", "Nơi", "Tên", "Mô tả")]],
                   colWidths=widths)
    header.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    tall = numbered("Thôn", "tt", 2000)  # 2,000 characters in 60 points: some 150 lines, three pages
    rows = [(str(n), f"Thôn {n}", f"Nông Thị Huyền aa{n}", "Chết") for n in range(1, 40)]
    rows.insert(20, ("20b", tall, "Hoàng", "Chết"))
    pdf = build_document([Paragraph("Danh sách", st["heading"]), WrappedRows(header, rows, widths, FAMILY, (0,))],
                         "Thử", "UBND")
    path = tmp_path / "list.pdf"
    path.write_bytes(pdf)
    words = words_of(path)
    assert whole(words, tall)
    assert [word for word in words if word.startswith("aa")] == [f"aa{n}" for n in range(1, 40)]
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("Mô tả") == text.count("\f") >= 3  # the header on every page


def test_the_office_part_two_writes_the_place_as_the_commune_does(session, office_session):
    """Part II of a commune and of its office name the place alike: the village, then the commune."""
    from app.services.records import save_accident
    from app.services.reports import cases, periodic

    dead = make_victim(severity="fatal", outcome="died", died_on="2026-03-14")
    for opened in (session, office_session):
        save_accident(opened, make_accident(village="Thôn Nà Pàn", victims=[dead]))
    places = [case["place"] for opened in (session, office_session)
              for case in cases(opened, H1, periodic(opened, H1))]
    assert places == ["Thôn Nà Pàn, Xã Thất Khê"] * 2
