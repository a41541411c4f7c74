"""Every rule of SPEC § 3: errors block, warnings do not; each names its field."""

import datetime as dt

import pytest

from app.core.codelists import CodeLists
from app.core.model import parse_accident
from app.core.validation import Context, validate_accident
from tests.conftest import COMMUNE, OTHER_COMMUNE, make_accident, make_victim

TODAY = dt.date(2026, 11, 22)
LISTS = CodeLists()


def check(raw, own_unit=COMMUNE, province=None):
    accident, issues = parse_accident(raw)
    issues = issues + validate_accident(accident, Context(LISTS, TODAY, own_unit=own_unit, province=province))
    return issues


def errors(raw, **kw):
    return {(i.field, i.code) for i in check(raw, **kw) if i.level == "error"}


def warnings(raw, **kw):
    return {(i.field, i.code) for i in check(raw, **kw) if i.level == "warning"}


def test_a_complete_valid_record_has_no_issue():
    assert check(make_accident()) == []


def test_a_minimal_first_declaration_is_valid():
    raw = {"id": make_accident()["id"], "unit": COMMUNE, "occurred_on": "2026-05-01", "factor": "01", "cause": "9",
           "status": "draft", "victims": [{"name": "Vi Thị Mai", "sex": "F", "birth_year": 1990, "severity": "minor"}]}
    assert errors(raw) == set()


@pytest.mark.parametrize("field", ["id", "unit", "occurred_on", "factor", "cause", "status"])
def test_required_accident_fields(field):
    raw = make_accident()
    del raw[field]
    assert (field, "field.required") in errors(raw)


@pytest.mark.parametrize("field", ["name", "sex", "severity"])
def test_required_victim_fields(field):
    victim = make_victim()
    del victim[field]
    assert (f"victims[1].{field}", "field.required") in errors(make_accident(victims=[victim]))


def test_a_birth_date_or_year_is_required():
    victim = make_victim()
    del victim["birth_year"]
    assert ("victims[1].birth_year", "field.required") in errors(make_accident(victims=[victim]))
    assert errors(make_accident(victims=[make_victim(birth_year=None, birth_date="1984-02-03")])) == set()


def test_birth_date_and_year_must_agree():
    raw = make_accident(victims=[make_victim(birth_year=1985, birth_date="1984-02-03")])
    assert ("victims[1].birth_year", "birth.conflict") in errors(raw)


def test_at_least_one_victim():
    assert ("victims", "victims.none") in errors(make_accident(victims=[]))
    raw = make_accident()
    del raw["victims"]
    assert ("victims", "victims.none") in errors(raw)


@pytest.mark.parametrize(("field", "value"), [("occurred_on", "2026-11-23"), ("declared_on", "2027-01-01")])
def test_dates_not_in_the_future(field, value):
    raw = make_accident(**{field: value})
    assert (field, "date.future") in errors(raw)


def test_today_is_not_the_future():
    assert errors(make_accident(occurred_on=TODAY.isoformat(), declared_on=TODAY.isoformat())) == set()


def test_died_on_and_birth_date_not_in_the_future():
    raw = make_accident(victims=[make_victim(severity="fatal", died_on="2026-12-01", outcome="died")])
    assert ("victims[1].died_on", "date.future") in errors(raw)


def test_declaration_not_before_the_accident():
    assert ("declared_on", "date.before_accident") in errors(make_accident(declared_on="2026-03-13"))
    assert errors(make_accident(declared_on="2026-03-14")) == set()


def test_death_not_before_the_accident():
    raw = make_accident(victims=[make_victim(severity="fatal", died_on="2026-03-13", outcome="died")])
    assert ("victims[1].died_on", "date.before_accident") in errors(raw)


def test_fatal_needs_a_death_date_or_outcome_died():
    assert ("victims[1].severity", "fatal.no_death") in errors(make_accident(victims=[make_victim(severity="fatal")]))
    assert errors(make_accident(victims=[make_victim(severity="fatal", outcome="died")])) == set()
    assert errors(make_accident(victims=[make_victim(severity="fatal", died_on="2026-03-16", outcome=None)])) == set()


def test_a_death_means_fatal():
    assert ("victims[1].severity", "fatal.not_fatal") in errors(
        make_accident(victims=[make_victim(severity="serious", outcome="died")]))
    assert ("victims[1].severity", "fatal.not_fatal") in errors(
        make_accident(victims=[make_victim(severity="minor", died_on="2026-03-20", outcome=None)]))


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("factor", "77", "factor"),
        ("cause", "Z", "cause"),
        ("place", "7.9", "place"),
        ("activity", "5", "activity"),
        ("source", "radio", "source"),
        ("external_cause", "V00", "external_cause"),
    ],
)
def test_unknown_codes_are_refused(field, value, path):
    found = check(make_accident(**{field: value}))
    issue = next(i for i in found if i.field == path)
    assert issue.code == "code.unknown" and issue.level == "error"
    assert value in str(issue)


@pytest.mark.parametrize(("field", "value"), [("ethnicity", "99"), ("occupation", "999"), ("injury_type", "55"),
                                               ("body_part", "11"), ("injury_nature", "S99"), ("residence", "99999")])
def test_unknown_victim_codes_are_refused(field, value):
    assert (f"victims[1].{field}", "code.unknown") in errors(make_accident(victims=[make_victim(**{field: value})]))


def test_unknown_serious_injury_codes_are_refused():
    raw = make_accident(victims=[make_victim(serious_injuries=["011", "0999"])])
    assert ("victims[1].serious_injuries", "code.unknown") in errors(raw)


def test_a_code_not_valid_on_the_accident_date_is_refused():
    # The causes of Decree 39/2016 apply from 2016-07-01.
    raw = make_accident(occurred_on="2015-05-01", declared_on="2015-05-02",
                        victims=[make_victim(birth_year=1970, id_number=None)])
    found = [i for i in check(raw) if i.field == "cause"]
    assert found and found[0].code == "code.not_valid_on"
    assert "2016-07-01" in str(found[0])


def test_a_code_valid_on_the_accident_date_stays_valid(tmp_path):
    # A list replaced later, where code 7 ended on 2026-06-30, still accepts it for an accident before that.
    override = tmp_path / "codelists"
    override.mkdir()
    source = (LISTS.path_of("causes")).read_text(encoding="utf-8")
    lines = source.splitlines()
    lines = [line.replace("7,", "7,", 1) if not line.startswith("7,") else line.replace(",2016-07-01,,", ",2016-07-01,2026-06-30,", 1)
             for line in lines]
    (override / "causes.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    lists = CodeLists(override)
    accident, _ = parse_accident(make_accident())
    assert validate_accident(accident, Context(lists, TODAY, own_unit=COMMUNE)) == []
    later, _ = parse_accident(make_accident(occurred_on="2026-08-01", declared_on="2026-08-01"))
    assert [i.code for i in validate_accident(later, Context(lists, TODAY, own_unit=COMMUNE))] == ["code.not_valid_on"]


def test_unknown_commune_and_province_codes():
    assert ("unit", "unit.unknown") in errors(make_accident(unit="99999"), own_unit=None)
    assert ("unit", "unit.not_commune") in errors(make_accident(unit="20"), own_unit=None)
    assert ("unit", "unit.not_commune") in errors(make_accident(unit="0604"), own_unit=None)


def test_a_commune_records_only_its_own_accidents():
    assert ("unit", "unit.not_ours") in errors(make_accident(unit=OTHER_COMMUNE))


def test_an_office_accepts_the_communes_of_its_province_only():
    assert errors(make_accident(unit=OTHER_COMMUNE), own_unit=None, province="20") == set()
    assert ("unit", "unit.not_in_province") in errors(make_accident(unit="00004"), own_unit=None, province="20")


@pytest.mark.parametrize("value", ["12345", "0200840012345", "02008400123A", "abc"])
def test_personal_id_must_have_12_digits(value):
    assert ("victims[1].id_number", "id_number.format") in errors(make_accident(victims=[make_victim(id_number=value)]))


def test_personal_id_spaces_are_accepted():
    assert errors(make_accident(victims=[make_victim(id_number="020 084 001 234")])) == set()


def test_personal_id_sex_and_century_mismatch_is_a_warning():
    raw = make_accident(victims=[make_victim(sex="F", id_number="020084001234")])
    assert ("victims[1].id_number", "id_number.sex_century") in warnings(raw)
    assert errors(raw) == set()
    # Born in 2005, male: digit 4 is 2.
    young = make_accident(victims=[make_victim(birth_year=2005, id_number="020205001234")])
    assert warnings(young) == set()
    female_2005 = make_accident(victims=[make_victim(birth_year=2005, sex="F", id_number="020305001234")])
    assert warnings(female_2005) == set()


def test_personal_id_birth_year_mismatch_is_a_warning():
    raw = make_accident(victims=[make_victim(birth_year=1985)])
    assert ("victims[1].id_number", "id_number.year") in warnings(raw)
    assert errors(raw) == set()


@pytest.mark.parametrize("phone", ["0912345678", "091 234 5678", "+84912345678", "0345678901", "02053123456"])
def test_valid_phones(phone):
    assert errors(make_accident(victims=[make_victim(phone=phone)])) == set()


@pytest.mark.parametrize("phone", ["0123456789", "091234567", "09123456789", "hello", "0412345678"])
def test_invalid_phones(phone):
    assert ("victims[1].phone", "phone.format") in errors(make_accident(victims=[make_victim(phone=phone)]))


@pytest.mark.parametrize(("birth_year", "warned"), [(2012, True), (2011, False), (1926, False), (1925, True)])
def test_age_under_15_or_over_100_is_a_warning(birth_year, warned):
    raw = make_accident(victims=[make_victim(birth_year=birth_year, id_number=None)])
    assert (("victims[1].birth_year", "age.unusual") in warnings(raw)) is warned
    assert errors(raw) == set()


def test_a_victim_born_after_the_accident_is_an_error():
    raw = make_accident(victims=[make_victim(birth_year=2027, id_number=None)])
    assert any(field == "victims[1].birth_year" for field, _ in errors(raw))


def test_serious_injury_with_minor_severity_suggests_serious():
    raw = make_accident(victims=[make_victim(severity="minor", serious_injuries=["011"])])
    assert ("victims[1].severity", "serious_injuries.minor") in warnings(raw)


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        ({"occurred_on": "14/03/2026"}, "occurred_on", "field.not_date"),
        ({"occurred_on": "2026-02-30"}, "occurred_on", "field.not_date"),
        ({"occurred_time": "25:00"}, "occurred_time", "field.not_time"),
        ({"status": "deleted"}, "status", "field.bad_choice"),
        ({"commuting": "yes"}, "commuting", "field.not_bool"),
        ({"id": "not-a-uuid"}, "id", "field.not_uuid"),
        ({"ocurred_on": "2026-01-01"}, "ocurred_on", "field.unknown"),
        ({"victims": "Hoàng Văn Đức"}, "victims", "field.not_list"),
        ({"village": "x" * 600}, "village", "field.too_long"),
    ],
)
def test_type_problems_name_the_field(changes, path, code):
    assert (path, code) in errors(make_accident(**changes))


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"sex": "X"}, "field.bad_choice"), ({"birth_year": "nineteen"}, "field.not_integer"),
     ({"days_off": -3}, "field.negative"), ({"cost_kvnd": -1}, "field.negative"),
     ({"cost_kvnd": "many"}, "field.not_number"), ({"insured": 1}, "field.not_bool"), ({"age": 40}, "field.unknown")],
)
def test_victim_type_problems_name_the_field(changes, code):
    found = errors(make_accident(victims=[make_victim(**changes)]))
    assert any(c == code and f.startswith("victims[1].") for f, c in found), found


def test_managed_fields_given_to_add_are_ignored():
    accident, issues = parse_accident(make_accident(version=7, author="someone", created_at="junk"))
    assert issues == []
    assert accident["version"] is None and accident["author"] is None and accident["created_at"] is None


def test_messages_name_the_field_and_say_what_to_do():
    issue = next(i for i in check(make_accident(occurred_on="2030-01-01")) if i.field == "occurred_on")
    text = str(issue.at_line(7))
    assert text.startswith("line 7: occurred_on:")
    assert "future" in text


# Serious technical incidents (the second record type).
def incident_errors(raw, **kw):
    from app.core.model import parse_incident
    from app.core.validation import validate_record

    incident, issues = parse_incident(raw)
    ctx = Context(LISTS, TODAY, own_unit=kw.get("own_unit", COMMUNE), province=kw.get("province"))
    return {(i.field, i.code) for i in issues + validate_record(incident, ctx) if i.level == "error"}


def an_incident(**changes):
    raw = {"kind": "incident", "id": make_accident()["id"], "unit": COMMUNE, "occurred_on": "2026-04-02",
           "what_failed": "Giàn giáo tre bị sập", "damage_kvnd": 35000, "status": "confirmed"}
    raw.update(changes)
    return raw


def test_a_valid_incident_and_its_canonical_form():
    from app.core.interchange import to_interchange
    from app.core.model import parse_record

    assert incident_errors(an_incident()) == set()
    incident, _ = parse_record(an_incident(what_failed="  Sập\u0300 giàn giáo "))
    assert incident["kind"] == "incident" and incident["accident_ids"] == [] and incident["village"] is None
    assert list(to_interchange(incident))[:2] == ["kind", "id"] and "victims" not in to_interchange(incident)


@pytest.mark.parametrize("field", ["id", "unit", "occurred_on", "what_failed", "status"])
def test_an_incident_requires(field):
    assert (field, "field.required") in incident_errors(an_incident(**{field: None}))


@pytest.mark.parametrize(("changes", "expected"), [
    ({"occurred_on": "2026-12-01"}, ("occurred_on", "date.future")),
    ({"declared_on": "2026-04-01"}, ("declared_on", "date.before_accident")),
    ({"damage_kvnd": -5}, ("damage_kvnd", "field.negative")),
    ({"place": "99.9"}, ("place", "code.unknown")),
    ({"unit": OTHER_COMMUNE}, ("unit", "unit.not_ours")),
    ({"accident_ids": ["not-an-id"]}, ("accident_ids", "field.not_uuid")),
    ({"accident_ids": "3f2b9c1e"}, ("accident_ids", "field.not_list")),
    ({"victims": []}, ("victims", "field.unknown_incident")),
])
def test_incident_rules_name_their_field(changes, expected):
    assert expected in incident_errors(an_incident(**changes))


@pytest.mark.parametrize(("posted_on", "expected"), [
    ("2026-03-20", set()),
    ("2026-03-01", {("posted_on", "date.before_accident")}),
    ("2026-12-01", {("posted_on", "date.future")}),
])
def test_the_public_notice_is_posted_after_the_accident_and_not_in_the_future(posted_on, expected):
    assert errors(make_accident(occurred_on="2026-03-14", posted_on=posted_on)) == expected
