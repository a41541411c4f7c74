"""Issue 11, forms: every document's page furniture (Decree 30/2020), who speaks on it (a commune's form printed at
an office stays the commune's; an office's own documents are the office's, never a mix), the signer, the register
of Circular 13/2020 Phụ lục II, the insured worker's declaration and the format taken from the file name. PDFs are
read back with pdftotext, workbooks with openpyxl."""

from __future__ import annotations

import re
import subprocess

import pytest
from openpyxl import load_workbook

from app.core.periods import Period
from tests.conftest import make_accident, make_victim

H1 = Period.parse("2026-H1")
# Wording only a commune's People's Committee prints about itself, and only an office prints about itself.
COMMUNE_WORDS = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "/BC-UBND", "/TB-UBND", "/BB-UBND", "Ủy ban nhân dân sở",
                 "ỦY BAN NHÂN DÂN SỞ")
OFFICE_WORDS = ("SỞ NỘI VỤ", "GIÁM ĐỐC", "-SNV", "UBND TỈNH LẠNG SƠN")


def text_of(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", out)


def lines_of(path) -> list[str]:
    return [line.strip() for line in text_of(path).splitlines() if line.strip()]


def absent(text: str, words) -> list[str]:
    return [word for word in words if word in text]


def fatal_accident(**changes):
    changes.setdefault("victims", [make_victim(severity="fatal", outcome="died", died_on="2026-03-14")])
    return make_accident(**changes)


@pytest.fixture
def office_with(office_session):
    from app.services.records import save_accident

    fatal = fatal_accident()
    serious = make_accident(occurred_on="2026-03-20", declared_on="2026-03-20", victims=[make_victim(name="Lý Văn Tài", id_number="020088000003",
                                                                           serious_injuries=["024"])])
    for accident in (fatal, serious):
        save_accident(office_session, accident)
    office_session.ids = {"fatal": fatal["id"], "serious": serious["id"]}
    return office_session


def write(session, tmp_path, kind, fmt, period=H1):
    from app.services.reports import write_report

    path = tmp_path / f"{kind}.{fmt}"
    write_report(session, period, kind, fmt, path)
    return path


def test_the_office_periodic_report_is_the_office_s_document(office_with, tmp_path):
    pdf = write(office_with, tmp_path, "periodic", "pdf")
    lines = lines_of(pdf)
    text = "\n".join(lines)
    # the parent body on the first line, the issuing body in bold under it, the number with its abbreviation
    assert lines[0].startswith("UBND TỈNH LẠNG SƠN") and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]
    assert lines[1].startswith("SỞ NỘI VỤ") and "Độc lập - Tự do - Hạnh phúc" in lines[1]
    assert "Số: …/BC-SNV" in text and "BC-……" not in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text
    assert absent(text, COMMUNE_WORDS) == []
    sheet = load_workbook(write(office_with, tmp_path, "periodic", "xlsx"))["Báo cáo"]
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3)] == ["UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ",
                                                                      "Số: …/BC-SNV"]


def test_the_commune_periodic_report_is_the_commune_s_document(session, tmp_path):
    from app.services.records import save_accident

    save_accident(session, fatal_accident())
    lines = lines_of(write(session, tmp_path, "periodic", "pdf"))
    text = "\n".join(lines)
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[1].startswith("XÃ THẤT KHÊ")
    assert "Số: …/BC-UBND" in text and "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text
    assert absent(text, ("GIÁM ĐỐC", "-SNV", "UBND TỈNH")) == []
    sheet = load_workbook(write(session, tmp_path, "periodic", "xlsx"))["Báo cáo"]
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3)] == ["ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ",
                                                                      "Số: …/BC-UBND"]


@pytest.mark.parametrize("kind", ["quick", "record", "notice"])
def test_a_form_of_one_accident_printed_at_an_office_is_the_commune_s(office_with, tmp_path, kind):
    from app.services.reports import accident_form

    path = accident_form(office_with, kind, tmp_path / f"{kind}.pdf", office_with.ids["fatal"])
    lines = lines_of(path)
    text = "\n".join(lines)
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[1].startswith("XÃ THẤT KHÊ"), lines[:3]
    assert "Bản in tại Sở Nội vụ tỉnh Lạng Sơn ngày 02/01/2027" in text or "Bản in tại Sở Nội vụ tỉnh Lạng Sơn" in text
    assert absent(text, OFFICE_WORDS + ("Ủy ban nhân dân sở", "ỦY BAN NHÂN DÂN SỞ")) == []
    assert {"quick": "Số: …/BC-UBND", "record": "Số: …/BB-UBND", "notice": "Số: …/TB-UBND"}[kind] in text
    if kind == "notice":
        assert "Ủy ban nhân dân xã Thất Khê niêm yết" in " ".join(text.split())


@pytest.mark.parametrize("kind", ["quick", "record", "notice"])
def test_a_form_printed_at_the_commune_has_no_office_wording(session, tmp_path, kind):
    from app.services.records import save_accident
    from app.services.reports import accident_form

    accident = fatal_accident()
    save_accident(session, accident)
    text = text_of(accident_form(session, kind, tmp_path / f"{kind}.pdf", accident["id"]))
    assert absent(text, OFFICE_WORDS + ("Bản in tại",)) == [] and "TM. ỦY BAN NHÂN DÂN" in text


def test_a_period_notice_is_the_communes_printed_at_an_office_for_one_commune(office_with, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import accident_form

    with pytest.raises(UserError) as caught:
        accident_form(office_with, "notice", tmp_path / "tb.pdf", period=H1)
    assert caught.value.code == "report.notice_at_office" and not (tmp_path / "tb.pdf").exists()
    for unit in ("99999", "00004", "20"):  # unknown, a commune of another province, the province itself
        with pytest.raises(UserError) as caught:
            accident_form(office_with, "notice", tmp_path / "tb.pdf", period=H1, unit=unit)
        assert caught.value.code == "report.notice_unit" and not (tmp_path / "tb.pdf").exists()
    with pytest.raises(UserError) as caught:
        accident_form(office_with, "quick", tmp_path / "tb.pdf", office_with.ids["fatal"], unit="06040")
    assert caught.value.code == "report.unit_only_notice"

    # For one of its communes, the office prints that commune's notice, marked as printed at the office.
    unit = office_with.store.current(office_with.ids["fatal"])["unit"]
    lines = lines_of(accident_form(office_with, "notice", tmp_path / "tb.pdf", period=H1, unit=unit))
    text = "\n".join(lines)
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and "Số: …/TB-UBND" in text and "Bản in tại Sở Nội vụ" in text
    assert absent(text, OFFICE_WORDS + ("Ủy ban nhân dân sở",)) == []


def test_the_office_abbreviation_is_derived_or_set(station, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import write_report
    from app.services.settings import change_setting

    office = station("office", "20", "Ban 389 tỉnh Lạng Sơn")
    with office.session() as session:
        with pytest.raises(UserError) as caught:
            write_report(session, H1, "periodic", "pdf", tmp_path / "p.pdf")
        assert caught.value.code == "report.office_abbreviation" and not (tmp_path / "p.pdf").exists()
        change_setting(session, "office_abbreviation", "BCĐ389")
        change_setting(session, "signer_on_behalf", "KT. TRƯỞNG PHÒNG")
        change_setting(session, "signer_title", "PHÓ TRƯỞNG PHÒNG")
        text = text_of(write(session, tmp_path, "periodic", "pdf"))
    assert "Số: …/BC-BCĐ389" in text and "BAN 389" in text and "KT. TRƯỞNG PHÒNG" in text
    assert "PHÓ TRƯỞNG PHÒNG" in text and "GIÁM ĐỐC" not in text


def test_derived_abbreviations():
    from app.services.reports import body_abbreviation

    assert body_abbreviation("Sở Nội vụ tỉnh Lạng Sơn") == "SNV"
    assert body_abbreviation("Sở Nội vụ thành phố Hà Nội") == "SNV"
    assert body_abbreviation("Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng") == "SLĐTBXH"
    assert body_abbreviation("Văn phòng UBND tỉnh Lạng Sơn") == "VPUBND"
    assert body_abbreviation("Phòng Kinh tế") == "PKT"
    assert body_abbreviation("Ban 389 tỉnh Lạng Sơn") is None and body_abbreviation("Thanh-tra") is None


def test_an_unset_signer_leaves_a_line_to_sign_and_says_which_setting(session, tmp_path):
    from app.services.records import save_accident
    from app.services.reports import accident_form, unset_signer_settings
    from app.services.settings import change_setting

    accident = fatal_accident()
    save_accident(session, accident)
    assert unset_signer_settings(session) == ["signer_name"]
    text = text_of(accident_form(session, "quick", tmp_path / "q.pdf", accident["id"]))
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Hoàng Văn Minh" not in text
    change_setting(session, "signer_name", "Hoàng Văn Minh")
    assert unset_signer_settings(session) == []
    assert "Hoàng Văn Minh" in text_of(accident_form(session, "quick", tmp_path / "q2.pdf", accident["id"]))


def test_the_report_command_takes_the_format_from_the_file_and_tells_about_the_signer(tmp_path):
    from tests.integration.test_cli import jsonl, tnld

    data = tmp_path / "xa"
    assert tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data).returncode == 0
    accident = fatal_accident()
    assert tnld("add", str(jsonl(tmp_path / "a.jsonl", [accident])), data_dir=data).returncode == 0
    pdf = tmp_path / "p.pdf"
    result = tnld("report", "--period", "2026-H1", "--out", str(pdf), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert 'tnld settings set signer_name' in result.stdout + result.stderr
    xlsx = tmp_path / "p.xlsx"
    assert tnld("report", "--period", "2026-H1", "--out", str(xlsx), data_dir=data).returncode == 0
    assert xlsx.read_bytes().startswith(b"PK")
    for args in (("--period", "2026-H1", "--format", "xlsx", "--out", str(tmp_path / "m.pdf")),
                 ("--kind", "quick", "--id", accident["id"][:8], "--format", "xlsx", "--out", str(tmp_path / "q.xlsx")),
                 ("--kind", "linelist", "--period", "2026-H1", "--out", str(tmp_path / "l.pdf"))):
        refused = tnld("report", *args, data_dir=data)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr, refused.stderr
        assert not any(tmp_path.glob(args[-1].rsplit("/", 1)[-1]))
    mismatch = tnld("report", "--period", "2026-H1", "--format", "xlsx", "--out", str(tmp_path / "m.pdf"), data_dir=data)
    assert "xlsx" in mismatch.stderr and ".pdf" in mismatch.stderr
    assert tnld("settings", "set", "signer_name", "Hoàng Văn Minh", data_dir=data).returncode == 0
    again = tnld("report", "--period", "2026-H1", "--out", str(tmp_path / "p2.pdf"), data_dir=data)
    assert again.returncode == 0 and "signer_name" not in again.stdout + again.stderr


def test_the_register_is_circular_13_annex_ii(session, tmp_path):
    from app.services.records import save_accident

    with_record = make_accident(record_ref="07/BB-UBND", victims=[make_victim(serious_injuries=["024", "029"])])
    without = make_accident(occurred_on="2026-04-01", declared_on="2026-04-02", record_ref=None,
                            victims=[make_victim(name="Lý Thị Mai", sex="F", severity="minor", outcome="recovered")])
    save_accident(session, with_record)
    save_accident(session, without)
    text = " ".join(text_of(write(session, tmp_path, "register", "pdf")).split())
    assert "Phụ lục II ban hành kèm theo Thông tư số 13/2020/TT-BLĐTBXH" in text and "Phụ lục I " not in text
    assert "ỦY BAN NHÂN DÂN" in text and "XÃ THẤT KHÊ" in text
    sheet = load_workbook(write(session, tmp_path, "register", "xlsx"))["Sổ theo dõi"]
    header_row = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "STT")
    header = [c.value for c in sheet[header_row]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=header_row + 1)]
    by_name = {row["Họ và tên người bị nạn"]: row for row in rows}
    assert by_name["Hoàng Văn Đức"]["Số, ngày biên bản"] == "07/BB-UBND"
    assert not by_name["Lý Thị Mai"]["Số, ngày biên bản"]  # no biên bản: empty, not the declaration date
    assert by_name["Hoàng Văn Đức"]["Mức độ thương tích"] == "Nặng (024, 029)"
    assert by_name["Lý Thị Mai"]["Mức độ thương tích"] == "Nhẹ"
    assert "(03)" in by_name["Hoàng Văn Đức"]["Yếu tố gây chấn thương (tên, mã)"]
    assert any("Phụ lục II" in str(sheet.cell(row=r, column=1).value) for r in range(1, header_row))


def test_the_register_prints_the_official_factor_code_when_the_list_has_one(session, tmp_path):
    from app.services.records import save_accident

    assert session.codelists["factors"].get("03").official_code == ""
    session.codelists["factors"].get("03").official_code = "4.1"  # as a replaced list in the data folder would say
    try:
        save_accident(session, make_accident())
        sheet = load_workbook(write(session, tmp_path, "register", "xlsx"))["Sổ theo dõi"]
        values = {c.value for row in sheet.iter_rows() for c in row}
        assert any(isinstance(v, str) and "(4.1)" in v for v in values)
    finally:
        session.codelists["factors"].get("03").official_code = ""


def test_the_insured_worker_s_declaration_and_the_quick_report_names_the_insurance(session, tmp_path):
    from app.core.errors import UserError
    from app.services.records import save_accident
    from app.services.reports import accident_form

    insured = fatal_accident(victims=[make_victim(severity="fatal", outcome="died", died_on="2026-03-14",
                                                  insured=True)])
    plain = make_accident(occurred_on="2026-04-01", declared_on="2026-04-01")
    save_accident(session, insured)
    save_accident(session, plain)
    text = " ".join(text_of(accident_form(session, "declaration", tmp_path / "tk.pdf", insured["id"])).split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI",
                     "Kính gửi: Ủy ban nhân dân xã Thất Khê", "Hoàng Văn Đức", "143/2024/NĐ-CP", "Quan hệ với người bị nạn",
                     "NGƯỜI KHAI", "Doanh nghiệp bảo hiểm"):
        assert expected in text, expected
    with pytest.raises(UserError) as caught:
        accident_form(session, "declaration", tmp_path / "no.pdf", plain["id"])
    assert caught.value.code == "report.not_insured" and not (tmp_path / "no.pdf").exists()
    quick = " ".join(text_of(accident_form(session, "quick", tmp_path / "q.pdf", insured["id"])).split())
    assert ("Người bị nạn có tham gia bảo hiểm tai nạn lao động tự nguyện (Nghị định số 143/2024/NĐ-CP)"
            in quick)


ENGLISH = ("confirmed", "draft", "void", "died", "sequelae", "recovered", "fatal", "serious", "minor", "family",
           "Fall from height", "True", "False", "None")


def test_forms_print_vietnamese_labels_not_codes(session, tmp_path):
    from app.services.records import save_accident
    from app.services.reports import accident_form

    accident = fatal_accident(record_ref="07/BB-UBND")
    accident["victims"].append(make_victim(name="Lý Thị Mai", sex="F", serious_injuries=["024"], insured=True,
                                           outcome="sequelae"))
    save_accident(session, accident)
    for kind in ("quick", "record", "notice", "declaration"):
        text = text_of(accident_form(session, kind, tmp_path / f"{kind}.pdf", accident["id"]))
        words = set(re.findall(r"[A-Za-z]+", text))
        assert [w for w in ENGLISH if w in words or w in text] == [], kind
    text = text_of(write(session, tmp_path, "register", "pdf"))
    assert [w for w in ENGLISH if w in text] == []


def test_the_format_comes_from_the_file_name(session, tmp_path):
    from app.core.errors import UserError
    from app.services.reports import report_format

    assert report_format("periodic", None, tmp_path / "x.pdf") == "pdf"
    assert report_format("periodic", None, tmp_path / "x.XLSX") == "xlsx"
    assert report_format("periodic", None, tmp_path / "x.json") == "json"
    assert report_format("quick", None, tmp_path / "q.pdf") == "pdf"
    assert report_format("linelist", None, tmp_path / "l.xlsx") == "xlsx"
    for kind, fmt, name, code in (("periodic", "xlsx", "p.pdf", "report.format_mismatch"),
                                  ("quick", "xlsx", "q.xlsx", "report.format"),
                                  ("quick", None, "q.json", "report.format"),
                                  ("linelist", None, "l.pdf", "report.format"),
                                  ("register", "json", "r.json", "report.format"),
                                  ("periodic", None, "p.txt", "report.format_unknown"),
                                  ("quick", None, "quick", "report.format_unknown"),
                                  ("linelist", None, "l.csv", "report.format_unknown"),
                                  ("notice", "pdf", "n.out", "report.format_unknown")):
        with pytest.raises(UserError) as caught:
            report_format(kind, fmt, tmp_path / name)
        assert caught.value.code == code, (kind, fmt, name)
