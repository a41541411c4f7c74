"""The accident record of SPEC § 3: its fields, their kinds, and parsing from the interchange form.

A record is a plain `dict` in the interchange form (field names of SPEC § 3, victims under `victims`), so the
JSON Lines reader, the database, bundles and the desktop form share one shape. `parse_accident` turns any
incoming mapping into that canonical dict (every field present, texts in NFC, empty strings as null,
booleans false when absent, tri-state fields null = unknown when absent) and reports type problems; `app.core.validation` then checks the rules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.errors import Issue
from app.core.text import cleaned, has_surrogates

STATUSES = ("draft", "confirmed", "void")
SEXES = ("M", "F")
SEVERITIES = ("fatal", "serious", "minor")
OUTCOMES = ("first_aid", "recovered", "sequelae", "died", "unknown")

TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000
# Ceilings far above any true value, so that an absurd number (1e23 days off) is refused with a message naming the
# field instead of overflowing SQLite's 64-bit integers or a report's sums.
MAX_VERSION = 1_000_000_000
MAX_YEAR = 9999
MAX_DAYS = 36_500  # a hundred years
MAX_COST_KVND = 10**9  # a million million đồng
MAX_DAMAGE_KVND = 10**10


@dataclass(frozen=True)
class FieldSpec:
    """One field: its interchange name, kind, code list (for codes), choices (for enums), and whether required.

    `managed` fields are set by the program when a workstation saves (values given to `add` are ignored).
    `maximum` is the largest value a number may take.
    """

    name: str
    kind: str  # uuid, int, number, text, longtext, date, time, timestamp, bool, tribool, code, codes, ids, enum
    # (tribool: true, false or null = unknown; bool: absent or null is false)
    codelist: str | None = None
    choices: tuple[str, ...] = ()
    required: bool = False
    managed: bool = False
    maximum: int | None = None


# The fields both record types begin and end with (managed: set by the program when a workstation saves).
_WHAT_AND_WHERE: tuple[FieldSpec, ...] = (
    FieldSpec("id", "uuid", required=True),
    FieldSpec("version", "int", managed=True, maximum=MAX_VERSION),
    FieldSpec("unit", "code", "admin_units", required=True),
    FieldSpec("occurred_on", "date", required=True),
    FieldSpec("occurred_time", "time"),
    FieldSpec("village", "text"),
    FieldSpec("place", "code", "place"),
    FieldSpec("place_detail", "text"),
)
_STATUS_AND_HISTORY: tuple[FieldSpec, ...] = (
    FieldSpec("status", "enum", choices=STATUSES, required=True),
    FieldSpec("void_reason", "text"),  # why the record was voided (`tnld void ID --reason TEXT`)
    FieldSpec("created_at", "timestamp", managed=True),
    FieldSpec("updated_at", "timestamp", managed=True),
    FieldSpec("author", "text", managed=True),
)

ACCIDENT_FIELDS: tuple[FieldSpec, ...] = (
    *_WHAT_AND_WHERE,
    FieldSpec("activity", "code", "activity"),
    FieldSpec("work", "text"),
    FieldSpec("factor", "code", "factors", required=True),
    FieldSpec("cause", "code", "causes", required=True),
    FieldSpec("external_cause", "code", "external_cause"),
    FieldSpec("commuting", "bool"),
    # It happened at a place under an employer's management (Phụ lục XVI's sub-columns); null: not known.
    FieldSpec("at_employer_premises", "tribool"),
    FieldSpec("description", "longtext"),
    FieldSpec("source", "code", "source"),
    FieldSpec("declared_on", "date"),
    FieldSpec("declared_by", "text"),
    FieldSpec("record_ref", "text"),
    FieldSpec("posted_on", "date"),  # the day the commune posted the public notice (Law 84/2015 Art. 35)
    *_STATUS_AND_HISTORY,
)

VICTIM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "text", required=True),
    FieldSpec("sex", "enum", choices=SEXES, required=True),
    FieldSpec("birth_date", "date"),
    FieldSpec("birth_year", "int", maximum=MAX_YEAR),
    FieldSpec("id_number", "text"),
    FieldSpec("phone", "text"),
    FieldSpec("ethnicity", "code", "ethnicities"),
    FieldSpec("occupation", "code", "occupations"),
    FieldSpec("residence", "code", "admin_units"),
    FieldSpec("residence_detail", "text"),
    FieldSpec("injury_type", "code", "injury_type"),
    FieldSpec("body_part", "code", "body_part"),
    FieldSpec("injury_nature", "code", "injury_nature"),
    FieldSpec("serious_injuries", "codes", "serious_injuries"),
    FieldSpec("severity", "enum", choices=SEVERITIES, required=True),
    FieldSpec("died_on", "date"),
    FieldSpec("outcome", "enum", choices=OUTCOMES),
    FieldSpec("days_off", "int", maximum=MAX_DAYS),
    FieldSpec("cost_kvnd", "number", maximum=MAX_COST_KVND),
    FieldSpec("insured", "bool"),
    FieldSpec("disability", "bool"),
)

# The second record type of SPEC § 3: a serious technical incident (sự cố kỹ thuật gây mất an toàn, vệ sinh lao
# động nghiêm trọng), with or without victims; its victims are recorded as accidents and linked by id.
INCIDENT_KIND = "incident"
INCIDENT_FIELDS: tuple[FieldSpec, ...] = (
    *_WHAT_AND_WHERE,
    FieldSpec("what_failed", "text", required=True),
    FieldSpec("damage_kvnd", "number", maximum=MAX_DAMAGE_KVND),
    FieldSpec("accident_ids", "ids"),
    FieldSpec("source", "code", "source"),
    FieldSpec("description", "longtext"),
    FieldSpec("declared_on", "date"),
    *_STATUS_AND_HISTORY,
)
INCIDENT_FIELD_NAMES = ("kind",) + tuple(spec.name for spec in INCIDENT_FIELDS)

MAX_VICTIMS = 300  # one accident: the worst on record in Vietnam had far fewer; more is a damaged file or an attack
ACCIDENT_FIELD_NAMES = tuple(spec.name for spec in ACCIDENT_FIELDS) + ("victims",)
# Written by `show` and `list --json` for people, ignored when read back: not part of the record.
OUTPUT_ONLY_FIELDS = ("missing",)
VICTIM_FIELD_NAMES = tuple(spec.name for spec in VICTIM_FIELDS)
MANAGED_FIELDS = tuple(spec.name for spec in ACCIDENT_FIELDS if spec.managed)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def new_id() -> str:
    """A fresh accident id: made once, never reused."""
    return str(uuid.uuid4())


def empty_value(spec: FieldSpec) -> Any:
    if spec.kind == "bool":
        return False
    if spec.kind in ("codes", "ids"):
        return []
    return None


def _text(value: str, path: str, issues: list[Issue], multiline: bool = False) -> str | None:
    """The stored form of a text; None (with an error) for one holding half a UTF-16 pair, which no file can store;
    a warning when invisible characters were removed."""
    if has_surrogates(value):
        issues.append(Issue(path, "field.bad_characters"))
        return None
    text, removed = cleaned(value, multiline)
    if removed:
        issues.append(Issue(path, "field.invisible_removed", level="warning"))
    return text


def _shown(value: Any) -> str:
    """A value as a message quotes it: short, whatever it is."""
    text = str(value) if isinstance(value, (int, float, str)) else type(value).__name__
    return text if len(text) <= 40 else f"{text[:16]}… ({len(text)} characters)"


def coerce(spec: FieldSpec, value: Any, prefix: str, issues: list[Issue]) -> Any:
    """The canonical value of one field, or the empty value with an issue added (at `prefix + name`)."""
    if value is None:
        return empty_value(spec)
    kind = spec.kind
    if (kind == "text" or kind == "code") and type(value) is str and len(value) <= TEXT_LIMIT:
        # The common case first: a short text (names, villages, codes written as text).
        if value.isprintable() and unicodedata.is_normalized("NFC", value):
            value = value.strip()
        else:
            value = _text(value, prefix + spec.name, issues)
        return value if value else None
    path = prefix + spec.name
    if kind in ("text", "longtext", "code", "enum", "uuid", "date", "time", "timestamp"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and kind in ("code", "text"):
            value = str(value)  # a code written as a number ("01" loses its zero; "2" stays "2")
        if not isinstance(value, str):
            issues.append(Issue(path, "field.not_text"))
            return empty_value(spec)
        value = _text(value, path, issues, multiline=kind == "longtext")
        if value is None:
            return empty_value(spec)
        if value == "":
            return empty_value(spec)
        limit = LONG_TEXT_LIMIT if kind == "longtext" else TEXT_LIMIT
        if len(value) > limit:
            issues.append(Issue(path, "field.too_long", {"limit": limit}))
            return empty_value(spec)
        if kind == "enum" and value not in spec.choices:
            issues.append(Issue(path, "field.bad_choice", {"value": value, "choices": ", ".join(spec.choices)}))
            return empty_value(spec)
        if kind == "uuid":
            try:
                return str(uuid.UUID(value))
            except ValueError:
                issues.append(Issue(path, "field.not_uuid", {"value": value}))
                return None
        if kind == "date":
            try:
                if not _DATE.match(value):
                    raise ValueError
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                issues.append(Issue(path, "field.not_date", {"value": value}))
                return None
        if kind == "time" and not _TIME.match(value):
            issues.append(Issue(path, "field.not_time", {"value": value}))
            return None
        if kind == "timestamp":
            try:
                dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                issues.append(Issue(path, "field.not_date", {"value": value}))
                return None
        return value
    if kind == "int":
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None:
            issues.append(Issue(path, "field.not_integer", {"value": _shown(value)}))
            return None
        if number < 0:
            issues.append(Issue(path, "field.negative", {"value": _shown(number)}))
            return None
        if spec.maximum is not None and number > spec.maximum:
            issues.append(Issue(path, "field.too_large", {"value": _shown(value), "maximum": spec.maximum}))
            return None
        return number
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            issues.append(Issue(path, "field.not_number", {"value": _shown(value)}))
            return None
        if value != value or value in (float("inf"), float("-inf")):
            issues.append(Issue(path, "field.not_number", {"value": _shown(value)}))
            return None
        if value < 0:
            issues.append(Issue(path, "field.negative", {"value": _shown(value)}))
            return None
        if spec.maximum is not None and value > spec.maximum:
            issues.append(Issue(path, "field.too_large", {"value": _shown(value), "maximum": spec.maximum}))
            return None
        return int(value) if float(value).is_integer() else float(value)
    if kind == "bool" or kind == "tribool":
        if not isinstance(value, bool):
            code = "field.not_tribool" if kind == "tribool" else "field.not_bool"
            issues.append(Issue(path, code, {"value": _shown(value)}))
            return empty_value(spec)
        return value
    if kind == "ids":
        if not isinstance(value, list):
            issues.append(Issue(path, "field.not_list"))
            return []
        ids: list[str] = []
        for item in value:
            try:
                text = str(uuid.UUID(item)) if isinstance(item, str) else None
            except ValueError:
                text = None
            if text is None:
                issues.append(Issue(path, "field.not_uuid", {"value": _shown(item)}))
            elif text not in ids:
                ids.append(text)
        return ids
    if kind == "codes":
        if isinstance(value, str):
            value = [part for part in re.split(r"[,;\s]+", value) if part]
        if not isinstance(value, list):
            issues.append(Issue(path, "field.not_list"))
            return []
        codes: list[str] = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (int, str)):
                issues.append(Issue(path, "field.not_text"))
                continue
            code = _text(str(item), path, issues)
            if code == "":
                issues.append(Issue(path, "field.not_text"))
            elif code is not None and code not in codes:
                codes.append(code)
        return codes
    raise AssertionError(f"unknown field kind {kind}")


def _key(key: Any) -> str:
    """An unknown field's name as a message shows it (escaped if it holds what is not text)."""
    return _shown(str(key).encode("utf-8", "backslashreplace").decode("utf-8"))


def parse_victim(raw: Any, path: str, issues: list[Issue]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        issues.append(Issue(path, "field.not_object"))
        return {spec.name: empty_value(spec) for spec in VICTIM_FIELDS}
    for key in raw:
        if key not in VICTIM_FIELD_NAMES:
            issues.append(Issue(f"{path}.{_key(key)}", "field.unknown"))
    victim = {}
    for spec in VICTIM_FIELDS:
        victim[spec.name] = coerce(spec, raw.get(spec.name), f"{path}.", issues)
    return victim


def parse_accident(raw: Mapping[str, Any], keep_managed: bool = False) -> tuple[dict[str, Any], list[Issue]]:
    """The canonical record built from *raw*, and the type problems found on the way.

    Unless *keep_managed* (an office importing a bundle), the fields the program manages are cleared:
    the save sets them.
    """
    issues: list[Issue] = []
    for key in raw:
        if key not in ACCIDENT_FIELD_NAMES and key not in OUTPUT_ONLY_FIELDS:
            issues.append(Issue(_key(key), "field.unknown"))
    accident: dict[str, Any] = {}
    for spec in ACCIDENT_FIELDS:
        if spec.managed and not keep_managed:
            accident[spec.name] = None
            continue
        accident[spec.name] = coerce(spec, raw.get(spec.name), "", issues)
    victims_raw = raw.get("victims")
    victims: list[dict[str, Any]] = []
    if victims_raw is None:
        victims_raw = []
    if not isinstance(victims_raw, list):
        issues.append(Issue("victims", "field.not_list"))
        victims_raw = []
    if len(victims_raw) > MAX_VICTIMS:
        issues.append(Issue("victims", "victims.too_many", {"count": len(victims_raw), "limit": MAX_VICTIMS}))
        victims_raw = victims_raw[:MAX_VICTIMS]
    for index, victim_raw in enumerate(victims_raw, start=1):
        victims.append(parse_victim(victim_raw, f"victims[{index}]", issues))
    accident["victims"] = victims
    return accident, issues


def blank_accident(unit: str | None = None) -> dict[str, Any]:
    """An empty record with a new id: what the desktop form starts from."""
    accident, _ = parse_accident({"id": new_id(), "unit": unit, "status": "draft"})
    return accident


def blank_victim() -> dict[str, Any]:
    return {spec.name: empty_value(spec) for spec in VICTIM_FIELDS}


def content_of(accident: Mapping[str, Any]) -> dict[str, Any]:
    """The record without the fields the program manages: two versions are 'the same' when these are equal.
    A field the record lacks (a version stored or sent before the field existed) is its empty value, so that an
    old version and the same version read by a newer program are the same."""
    content = {key: value for key, value in accident.items() if key not in MANAGED_FIELDS}
    if "kind" not in accident:
        for spec in ACCIDENT_FIELDS:
            if not spec.managed and spec.name not in content:
                content[spec.name] = empty_value(spec)
    return content


def is_incident(raw: Mapping[str, Any]) -> bool:
    """A line of the interchange format is an incident when it says `"kind": "incident"`; otherwise an accident."""
    return raw.get("kind") == INCIDENT_KIND


def parse_incident(raw: Mapping[str, Any], keep_managed: bool = False) -> tuple[dict[str, Any], list[Issue]]:
    """The canonical incident built from *raw* (as `parse_accident` does for accidents)."""
    issues: list[Issue] = []
    for key in raw:
        if key not in INCIDENT_FIELD_NAMES and key not in OUTPUT_ONLY_FIELDS:
            issues.append(Issue(_key(key), "field.unknown_incident"))
    incident: dict[str, Any] = {"kind": INCIDENT_KIND}
    for spec in INCIDENT_FIELDS:
        if spec.managed and not keep_managed:
            incident[spec.name] = None
            continue
        incident[spec.name] = coerce(spec, raw.get(spec.name), "", issues)
    return incident, issues


def parse_record(raw: Mapping[str, Any], keep_managed: bool = False) -> tuple[dict[str, Any], list[Issue]]:
    """An accident or an incident, whichever the line is."""
    return (parse_incident if is_incident(raw) else parse_accident)(raw, keep_managed)
