import json

import pytest

from app.core.errors import UserError
from app.core.interchange import dumps, read_jsonl, to_interchange, write_jsonl
from app.core.model import ACCIDENT_FIELD_NAMES, VICTIM_FIELD_NAMES, parse_accident
from tests.conftest import make_accident, make_victim


def full_record():
    raw = make_accident(
        place_detail="Đồi keo sau nhà", external_cause="W00-W19", commuting=True, record_ref="03/BB-UBND",
        victims=[
            make_victim(birth_date="1984-05-06", birth_year=None, residence_detail="Thôn Nà Pàn",
                        injury_nature="S70-S79", serious_injuries=["011", "024"], severity="fatal",
                        died_on="2026-03-15", outcome="died", insured=True, disability=False, cost_kvnd=12.5),
            make_victim(name="Lương Thị Hoa", sex="F", birth_year=1990, id_number=None, phone=None),
        ],
    )
    accident, issues = parse_accident(raw)
    assert issues == []
    return accident


def test_the_writer_emits_every_field_in_spec_order():
    out = to_interchange(full_record())
    assert tuple(out) == ACCIDENT_FIELD_NAMES
    assert all(tuple(victim) == VICTIM_FIELD_NAMES for victim in out["victims"])


def test_round_trip_keeps_every_field(tmp_path):
    accident = full_record()
    path = tmp_path / "one.jsonl"
    write_jsonl(path, [accident, accident | {"id": "8d0f1c2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f"}])
    lines = list(read_jsonl(path))
    assert [number for number, _ in lines] == [1, 2]
    again, issues = parse_accident(lines[0][1], keep_managed=True)
    assert issues == []
    assert again == accident
    assert dumps(again) == dumps(accident)
    assert "Lương Thị Hoa" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def write(tmp_path, data: bytes):
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    return path


def code_of(path, **kw):
    with pytest.raises(UserError) as caught:
        list(read_jsonl(path, **kw))
    return caught.value


def test_missing_file_and_folder(tmp_path):
    assert code_of(tmp_path / "nope.jsonl").code == "file.missing"
    assert code_of(tmp_path).code == "file.not_file"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file(tmp_path, content):
    assert code_of(write(tmp_path, content)).code == "file.empty"


def test_non_utf8_file_names_the_line(tmp_path):
    good = json.dumps(make_accident()).encode()
    error = code_of(write(tmp_path, good + b"\n" + "Hoàng".encode("cp1258") + b"\n"))
    assert error.code == "jsonl.not_utf8" and error.params["line"] == 2


def test_malformed_json_names_line_and_column(tmp_path):
    error = code_of(write(tmp_path, b'{"id": 1}\n{"id": }\n'))
    assert error.code == "jsonl.bad_json" and error.params["line"] == 2
    assert "line 2" in str(error)


def test_a_line_that_is_not_an_object(tmp_path):
    assert code_of(write(tmp_path, b"[1, 2]\n")).code == "jsonl.not_object"


def test_a_10_megabyte_line_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"description": "' + b"x" * (10 * 1024 * 1024) + b'"}\n')
    error = code_of(path)
    assert error.code == "jsonl.too_long" and error.params["line"] == 1


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(make_accident()).encode() + b"\r\n")
    assert len(list(read_jsonl(path))) == 1


def test_a_line_cut_short_is_placed_at_its_own_end_in_the_users_words():
    """Found by the attack sessions: Python's English "Expecting ',' delimiter" and "column 1" for a line cut
    at its end."""
    import io

    import pytest

    from app.core.errors import UserError
    from app.core.interchange import read_lines

    with pytest.raises(UserError) as caught:
        list(read_lines(io.BytesIO(b'{"occurred_on": "2026-01-01",\n'), "x.jsonl"))
    assert caught.value.code == "jsonl.bad_json"
    assert caught.value.params["column"] == 30 and caught.value.params["reason"] == "reason.json_syntax"
