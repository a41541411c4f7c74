import datetime as dt
import shutil

import pytest

from app.core.codelists import CodeListError, CodeLists, parse_codelist
from app.core.resources import resources_dir
from app.core.text import fold

EXPECTED = {"activity", "admin_units", "body_part", "causes", "ethnicities", "external_cause", "factors",
            "injury_nature", "injury_type", "occupations", "place", "sectors", "sectors_vsic2025",
            "serious_injuries", "severity", "source"}


def test_every_reference_list_is_bundled_with_its_provenance_notes():
    lists = CodeLists()
    assert set(lists.names()) == EXPECTED
    assert (resources_dir() / "codelists" / "README.md").is_file()
    for name in EXPECTED:
        assert len(lists[name]) > 0
        assert len(lists[name].version) == 12


def test_admin_units_keep_the_province_commune_hierarchy():
    lists = CodeLists()
    assert lists.unit_name("20") == "Tỉnh Lạng Sơn"
    communes = lists.communes_of("20")
    assert len(communes) == 65
    assert lists.is_commune("06040") and lists.province_of("06040") == "20"
    assert lists.is_province("20") and not lists.is_commune("20")
    provinces = [code for code in lists["admin_units"] if code.parent is None]
    assert len(provinces) == 34
    assert len(lists["admin_units"]) - len(provinces) == 3321


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        ("factors", "nga cao", "03"),
        ("factors", "dien", "01"),
        ("factors", "ĐIỆN GIẬT", "01"),
        ("admin_units", "that khe", "06040"),
        ("admin_units", "dak lak", None),
        ("causes", "bao ve ca nhan", "2"),
    ],
)
def test_search_by_any_part_of_the_name_without_diacritics(name, query, expected):
    found = CodeLists()[name].search(query)
    assert found
    if expected:
        assert expected in [code.code for code in found]
    else:
        assert all("dak lak" in fold(f"{code.name_vi} {code.name_en}") for code in found)


def test_search_by_code_puts_the_exact_code_first():
    assert CodeLists()["factors"].search("03")[0].code == "03"


def test_validity_dates():
    lists = CodeLists()
    sector = lists["sectors"].get("A")
    assert sector.valid_on(dt.date(2020, 1, 1))
    assert not sector.valid_on(dt.date(2025, 11, 15))
    assert lists["sectors_vsic2025"].get("A").valid_on(dt.date(2025, 11, 15))
    assert lists["causes"].root_of("7").code == "B"


def test_a_newer_file_in_the_data_folder_replaces_the_bundled_list(tmp_path):
    override = tmp_path / "codelists"
    override.mkdir()
    original = (resources_dir() / "codelists" / "factors.csv").read_text(encoding="utf-8")
    (override / "factors.csv").write_text(original + '20,"Ong đốt",Bee sting,,2026-01-01,,new code,\r\n',
                                          encoding="utf-8")
    lists = CodeLists(override)
    assert lists["factors"].get("20").name_vi == "Ong đốt"
    assert lists["factors"].version != CodeLists()["factors"].version
    assert "20" not in CodeLists()["factors"]


def test_official_code_is_an_optional_last_column():
    header = "code,name_vi,name_en,parent,valid_from,valid_to,note"
    plain = parse_codelist("x", f"{header}\n1,Điện giật,Electric shock,,,,\n".encode())
    assert plain.get("1").official_code == ""
    coded = parse_codelist("x", f"{header},official_code\n1,Điện giật,Electric shock,,,,,4.1\n".encode())
    assert coded.get("1").official_code == "4.1"
    assert CodeLists()["factors"].get("03").official_code == ""  # the column is there, empty until Phụ lục IV
    with pytest.raises(CodeListError):
        parse_codelist("x", f"{header},other\n1,a,b,,,,,c\n".encode())


def test_malformed_lists_are_refused(tmp_path):
    header = "code,name_vi,name_en,parent,valid_from,valid_to,note\n"
    with pytest.raises(CodeListError):
        parse_codelist("x", b"code,name\n1,a\n")
    with pytest.raises(CodeListError):
        parse_codelist("x", (header + "1,a,a,,,,\n1,b,b,,,,\n").encode())
    with pytest.raises(CodeListError):
        parse_codelist("x", (header + "1,a,a,9,,,\n").encode())
    with pytest.raises(CodeListError):
        parse_codelist("x", (header + "1,a,a,,2020-13-01,,\n").encode())
    shutil.rmtree(tmp_path)
