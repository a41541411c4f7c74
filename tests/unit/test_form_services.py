"""Services behind the desktop entry form: the duplicate hint follows the office's pairing rule exactly, and a
save despite warnings keeps the reason given in its audit row."""

from __future__ import annotations

import json

import pytest

from app.services import records
from app.services.duplicates import candidates, possible_duplicates
from tests.conftest import make_accident, make_victim


def hint_ids(session, accident) -> set[str]:
    victim = accident["victims"][0]
    return {m.accident_id for m in possible_duplicates(session, victim, accident["occurred_on"],
                                                       exclude_id=accident["id"])}


@pytest.mark.parametrize(("changes", "paired"), [
    ({}, True),  # same ID number
    ({"occurred_on": "2026-03-16", "declared_on": "2026-03-20", "victims": [make_victim(id_number=None, birth_year=1985)]}, True),  # name, near
    ({"occurred_on": "2026-03-17", "declared_on": "2026-03-20", "victims": [make_victim(id_number=None)]}, False),  # three days apart
    ({"occurred_on": "2026-03-15", "victims": [make_victim(id_number=None, birth_year=1982)]}, False),  # born apart
    ({"victims": [make_victim(id_number=None, name="Hoang Van Duc")]}, True),  # the folded name
])
def test_the_hint_finds_exactly_what_the_office_would_pair(office_session, changes, paired):
    first = make_accident()
    second = make_accident(**changes)
    records.save_accident(office_session, first)
    records.save_accident(office_session, second)
    pairs = {(c.a, c.b) for c in candidates(office_session)}
    assert bool(pairs) is paired
    assert hint_ids(office_session, second) == ({first["id"]} if paired else set())
    assert hint_ids(office_session, first) == ({second["id"]} if paired else set())


def test_the_hint_leaves_out_the_accident_edited_and_void_ones(session):
    first = make_accident()
    records.save_accident(session, first)
    assert hint_ids(session, first) == set()
    other = make_accident()
    assert hint_ids(session, other) == {first["id"]}
    records.void_accident(session, first["id"], "Nhập trùng")
    assert hint_ids(session, other) == set()


def test_a_save_despite_warnings_keeps_the_reason_in_the_audit_row(session):
    accident = make_accident(victims=[make_victim(birth_year=1985)])  # the ID number says 1984
    _accident, issues = records.check(session, accident)
    assert [i.level for i in issues] == ["warning"]
    records.save_accident(session, accident, warning_reason="  Căn cước ghi sai năm sinh ")
    row = session.db.execute("SELECT detail FROM audit WHERE action = 'add' ORDER BY seq DESC").fetchone()
    detail = json.loads(row[0])
    assert detail["reason"] == "Căn cước ghi sai năm sinh"
    assert detail["warnings"] == [f"{issues[0].field}: {issues[0].code}"]
    plain = make_accident()
    records.save_accident(session, plain, warning_reason="không cần")  # no warning: nothing to answer
    row = session.db.execute("SELECT detail FROM audit WHERE action = 'add' ORDER BY seq DESC").fetchone()
    assert "reason" not in json.loads(row[0])
