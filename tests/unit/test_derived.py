import datetime as dt

from app.core.derived import flags_of, missing_fields, obligations_of
from app.core.model import parse_accident
from tests.conftest import make_accident, make_victim


def parsed(**changes):
    accident, issues = parse_accident(make_accident(**changes))
    assert issues == []
    return accident


def test_flags_count_victims_by_kind():
    accident = parsed(occurred_on="2026-03-14", victims=[
        make_victim(severity="fatal", outcome="died", birth_year=1950),
        make_victim(severity="serious", sex="F", birth_year=2010),
        make_victim(severity="minor", birth_date="2008-03-15", birth_year=None),
    ])
    flags = flags_of(accident)
    assert (flags.victims, flags.deaths, flags.serious, flags.minor_injuries, flags.women) == (3, 1, 1, 1, 1)
    assert flags.fatal and flags.multi_victim
    # 2008-03-15 is one day short of 18 on 2026-03-14: a minor; 1950 is elderly.
    assert flags.minors == 2 and flags.elderly == 1


def test_single_minor_victim_flags():
    flags = flags_of(parsed())
    assert not flags.fatal and not flags.multi_victim and flags.minors == 0 and flags.elderly == 0


def test_fatal_accident_needs_a_quick_report_and_a_30_day_investigation():
    accident = parsed(declared_on="2026-03-15", victims=[make_victim(severity="fatal", outcome="died")])
    found = {o.kind: o for o in obligations_of(accident)}
    assert found["quick_report"].due == dt.date(2026, 3, 15)
    assert found["investigation"].due == dt.date(2026, 4, 14)
    assert found["investigation"].note["days_forensic"] == 60
    assert found["quick_report"].overdue(dt.date(2026, 3, 16))
    assert "record_of_event" not in found


def test_two_seriously_injured_need_a_quick_report_and_20_days():
    accident = parsed(declared_on="2026-03-15", victims=[make_victim(), make_victim(name="Vi Văn Lâm")])
    found = {o.kind: o for o in obligations_of(accident)}
    assert set(found) == {"quick_report", "investigation"}
    assert found["investigation"].due == dt.date(2026, 4, 4)


def test_one_seriously_injured_needs_a_record_of_the_event_and_7_days():
    found = {o.kind: o for o in obligations_of(parsed(declared_on="2026-03-15"))}
    assert set(found) == {"record_of_event", "investigation"}
    assert found["investigation"].due == dt.date(2026, 3, 22)


def test_minor_accident_has_4_days_from_the_accident_when_not_declared():
    accident = parsed(declared_on=None, victims=[make_victim(severity="minor")])
    (only,) = obligations_of(accident)
    assert only.kind == "investigation" and only.due == dt.date(2026, 3, 18)


def test_a_record_reference_marks_obligations_done_and_void_has_none():
    accident = parsed(record_ref="05/BB-UBND", victims=[make_victim(severity="fatal", outcome="died")])
    assert all(o.done and not o.overdue(dt.date(2030, 1, 1)) for o in obligations_of(accident))
    assert obligations_of(parsed(status="void")) == []


def test_missing_fields_make_a_record_incomplete():
    assert missing_fields(parsed(victims=[make_victim(ethnicity="07", residence="06040")])) == []
    accident = parsed(village=None, victims=[make_victim(occupation=None)])
    assert missing_fields(accident) == ["village", "victims[1].occupation"]
