"""The rules of SPEC § 3 on a canonical record: errors block saving, warnings are shown and saved.

`validate_accident` takes a record from `app.core.model.parse_accident` and a `Context` (code lists, today's
date, the workstation's unit and role) and returns every issue found, so the user sees them all at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.codelists import CodeLists
from app.core.derived import age_at
from app.core.errors import Issue
from app.core.model import ACCIDENT_FIELDS, INCIDENT_FIELDS, VICTIM_FIELDS, FieldSpec, is_incident
from app.core.rules import Rules, default_rules

_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")


@dataclass(frozen=True)
class Context:
    """What validation needs to know about where and when it runs.

    `own_unit` is the commune of a commune workstation (records must be its own); an office has
    `province` instead and accepts records of the communes of that province.
    """

    codelists: CodeLists
    today: dt.date
    own_unit: str | None = None
    province: str | None = None
    rules: Rules | None = None


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", phone)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _check_code(spec: FieldSpec, value: str, path: str, ctx: Context, on: dt.date | None, issues: list[Issue]) -> None:
    codes = ctx.codelists[spec.codelist]
    entry = codes.get(value)
    if entry is None:
        issues.append(Issue(path, "code.unknown", {"value": value, "list": spec.codelist}))
    elif on is not None and spec.codelist != "admin_units" and not entry.valid_on(on):
        # Administrative units are judged today (the commune that records, where the victim lives now);
        # every other code must have been valid on the accident date.
        issues.append(
            Issue(path, "code.not_valid_on", {"value": value, "list": spec.codelist, "date": on.isoformat(),
                                             "valid": entry.validity()})
        )


def _check_required_and_codes(record: Mapping[str, Any], specs: tuple[FieldSpec, ...], prefix: str, ctx: Context,
                              on: dt.date | None, issues: list[Issue]) -> None:
    for spec in specs:
        path = f"{prefix}{spec.name}"
        value = record.get(spec.name)
        if spec.required and value in (None, "", []):
            if not any(issue.field == path for issue in issues):
                issues.append(Issue(path, "field.required"))
            continue
        if spec.kind == "code" and value is not None and spec.name != "unit":
            _check_code(spec, value, path, ctx, on, issues)
        elif spec.kind == "codes":
            for code in value or []:
                _check_code(spec, code, path, ctx, on, issues)


def _check_unit(unit: str | None, ctx: Context, issues: list[Issue]) -> None:
    if unit is None:
        return
    if ctx.codelists.is_province(unit) or (unit.isdigit() and len(unit) != 5):
        issues.append(Issue("unit", "unit.not_commune", {"value": unit}))
    elif not ctx.codelists.is_commune(unit):
        issues.append(Issue("unit", "unit.unknown", {"value": unit}))
    elif ctx.own_unit is not None and unit != ctx.own_unit:
        issues.append(Issue("unit", "unit.not_ours", {"value": unit, "own": ctx.own_unit}))
    elif ctx.province is not None and ctx.codelists.province_of(unit) != ctx.province:
        issues.append(Issue("unit", "unit.not_in_province", {"value": unit, "province": ctx.province}))


def _check_not_future(value: str | None, path: str, ctx: Context, issues: list[Issue]) -> None:
    day = _date(value)
    if day is not None and day > ctx.today:
        issues.append(Issue(path, "date.future", {"value": value}))


def _check_id_number(victim: Mapping[str, Any], path: str, issues: list[Issue]) -> None:
    raw = victim.get("id_number")
    if raw is None:
        return
    digits = re.sub(r"[\s.\-]", "", raw)
    if not (digits.isdigit() and len(digits) == 12):
        issues.append(Issue(path, "id_number.format", {"value": raw, "digits": sum(c.isdigit() for c in digits)}))
        return
    year = int(victim["birth_date"][:4]) if victim.get("birth_date") else victim.get("birth_year")
    sex = victim.get("sex")
    if year is None:
        return
    # Digit 4 encodes sex and century: 0/1 for 1900–1999, 2/3 for 2000–2099, … (even = male, odd = female).
    century_index = (year // 100) - 19
    if sex in ("M", "F") and 0 <= century_index <= 4:
        expected = century_index * 2 + (1 if sex == "F" else 0)
        if int(digits[3]) != expected:
            issues.append(Issue(path, "id_number.sex_century", {"digit": digits[3], "sex": sex, "year": year},
                                level="warning"))
    if digits[4:6] != f"{year % 100:02d}":
        issues.append(Issue(path, "id_number.year", {"digits": digits[4:6], "year": year}, level="warning"))


def _check_victim(victim: Mapping[str, Any], index: int, occurred: dt.date | None, ctx: Context,
                  rules: Rules, issues: list[Issue]) -> None:
    prefix = f"victims[{index}]."
    _check_required_and_codes(victim, VICTIM_FIELDS, prefix, ctx, occurred, issues)
    birth_date = _date(victim.get("birth_date"))
    birth_year = victim.get("birth_year")
    if birth_date is None and birth_year is None:
        issues.append(Issue(prefix + "birth_year", "field.required"))
    if birth_date is not None and birth_year is not None and birth_date.year != birth_year:
        issues.append(Issue(prefix + "birth_year", "birth.conflict", {"year": birth_year, "date": birth_date.isoformat()}))
    if birth_year is not None and not 1880 <= birth_year <= ctx.today.year:
        issues.append(Issue(prefix + "birth_year", "birth.year_range", {"value": birth_year}))
    _check_not_future(victim.get("birth_date"), prefix + "birth_date", ctx, issues)
    _check_not_future(victim.get("died_on"), prefix + "died_on", ctx, issues)
    died_on = _date(victim.get("died_on"))
    if occurred is not None:
        if died_on is not None and died_on < occurred:
            issues.append(Issue(prefix + "died_on", "date.before_accident",
                                {"value": died_on.isoformat(), "occurred_on": occurred.isoformat()}))
        born_year = birth_date.year if birth_date else birth_year
        if birth_date is not None and birth_date > occurred or (born_year is not None and born_year > occurred.year):
            issues.append(Issue(prefix + "birth_year", "birth.after_accident"))
        else:
            age = age_at(victim, occurred)
            if age is not None and (age < rules.warn_age_below or age > rules.warn_age_above):
                issues.append(Issue(prefix + "birth_year", "age.unusual", {"age": age}, level="warning"))
    severity = victim.get("severity")
    died = died_on is not None or victim.get("outcome") == "died"
    if severity == "fatal" and not died:
        issues.append(Issue(prefix + "severity", "fatal.no_death"))
    elif died and severity in ("serious", "minor"):
        issues.append(Issue(prefix + "severity", "fatal.not_fatal"))
    if severity == "minor" and victim.get("serious_injuries"):
        issues.append(Issue(prefix + "severity", "serious_injuries.minor", level="warning"))
    _check_id_number(victim, prefix + "id_number", issues)
    phone = victim.get("phone")
    if phone is not None:
        digits = normalise_phone(phone)
        if not (_MOBILE.match(digits) or _LANDLINE.match(digits)):
            issues.append(Issue(prefix + "phone", "phone.format", {"value": phone}))


def _check_record(record: Mapping[str, Any], specs: tuple[FieldSpec, ...], ctx: Context, issues: list[Issue]
                  ) -> dt.date | None:
    """What an accident and an incident share: required fields and codes, the commune, dates not in the future,
    the declaration not before the event. Returns the date of the event."""
    occurred = _date(record.get("occurred_on"))
    _check_required_and_codes(record, specs, "", ctx, occurred, issues)
    _check_unit(record.get("unit"), ctx, issues)
    _check_not_future(record.get("occurred_on"), "occurred_on", ctx, issues)
    _check_not_future(record.get("declared_on"), "declared_on", ctx, issues)
    declared = _date(record.get("declared_on"))
    if occurred is not None and declared is not None and declared < occurred:
        issues.append(Issue("declared_on", "date.before_accident",
                            {"value": declared.isoformat(), "occurred_on": occurred.isoformat()}))
    return occurred


def validate_accident(accident: Mapping[str, Any], ctx: Context) -> list[Issue]:
    """Every rule of SPEC § 3 on a canonical record; errors first in field order, warnings after them."""
    rules = ctx.rules or default_rules()
    issues: list[Issue] = []
    occurred = _check_record(accident, ACCIDENT_FIELDS, ctx, issues)
    _check_not_future(accident.get("posted_on"), "posted_on", ctx, issues)
    posted = _date(accident.get("posted_on"))
    if occurred is not None and posted is not None and posted < occurred:
        issues.append(Issue("posted_on", "date.before_accident",
                            {"value": posted.isoformat(), "occurred_on": occurred.isoformat()}))
    victims = accident.get("victims") or []
    if not victims:
        issues.append(Issue("victims", "victims.none"))
    for index, victim in enumerate(victims, start=1):
        _check_victim(victim, index, occurred, ctx, rules, issues)
    return [issue for issue in issues if issue.level == "error"] + [
        issue for issue in issues if issue.level == "warning"
    ]


def validate_incident(incident: Mapping[str, Any], ctx: Context) -> list[Issue]:
    """The rules of a serious technical incident: required fields, codes, its commune, dates not in the future
    and the declaration not before the incident. Linked accidents are checked against the store by the service."""
    issues: list[Issue] = []
    _check_record(incident, INCIDENT_FIELDS, ctx, issues)
    return issues


def validate_record(record: Mapping[str, Any], ctx: Context) -> list[Issue]:
    """An accident's or an incident's rules, whichever *record* is."""
    return (validate_incident if is_incident(record) else validate_accident)(record, ctx)


def merge_issues(parsed: list[Issue], checked: list[Issue]) -> list[Issue]:
    """The problems of a record, one message per problem: *parsed* (from reading the values) then *checked* (the
    rules), without the rule messages that only repeat a value that could not be read ("is required" after "is not
    a date", the birth year after an unreadable birth date, the fields of a victim that is not an object), and
    without repeats. Errors first, warnings after them."""
    broken = {issue.field for issue in parsed if issue.level == "error"}

    def repeats(issue: Issue) -> bool:
        field = issue.field
        if field in broken or any(field.startswith((b + ".", b + "[")) for b in broken if b):
            return True
        return issue.code == "field.required" and field.endswith("birth_year") and \
            field.removesuffix("birth_year") + "birth_date" in broken

    seen: set[tuple[str, str]] = set()
    merged: list[Issue] = []
    for issue in [*parsed, *(issue for issue in checked if not repeats(issue))]:
        if (issue.field, issue.code) not in seen:
            seen.add((issue.field, issue.code))
            merged.append(issue)
    return [issue for issue in merged if issue.level == "error"] + [issue for issue in merged if issue.level != "error"]


def normalise_for_storage(accident: dict[str, Any]) -> dict[str, Any]:
    """Canonical spellings that validation accepts loosely: ID numbers as 12 digits, phones as 0xxxxxxxxx."""
    for victim in accident.get("victims") or []:
        if victim.get("id_number"):
            victim["id_number"] = re.sub(r"[\s.\-]", "", victim["id_number"])
        if victim.get("phone"):
            victim["phone"] = normalise_phone(victim["phone"])
    return accident
