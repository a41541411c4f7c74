"""Use cases on accident records: check, save, add from a file, void, list, search (SPEC § 3, § 9).

Each function that changes data owns its transaction and writes the audit row in it (STYLE § 8). Long work
takes `progress(done, total)` and `cancel()` and finishes or raises `Cancelled` (`app.core.progress`); nothing
prints. Results name the ids they changed (`Changed`), so a window refreshes exactly those rows.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import Issue, UserError, ValidationFailed
from app.core.interchange import read_jsonl
from app.core.model import (
    ACCIDENT_FIELDS,
    INCIDENT_FIELDS,
    VICTIM_FIELDS,
    content_of,
    is_incident,
    parse_record,
)
from app.core.periods import Period
from app.core.progress import Cancel, Progress
from app.core.progress import check as check_cancel
from app.core.validation import Context, merge_issues, normalise_for_storage, validate_record
from app.core.vnformat import short_date
from app.db.accident_store import Filters, utc_now
from app.services.workspace import Session

WRITERS = ("admin", "clerk")
SETTLE_AFTER = 1000  # records written by one command, after which the search indexes are merged


def validation_context(session: Session) -> Context:
    if session.role == "commune":
        return Context(session.codelists, session.today(), own_unit=session.unit, rules=session.rules)
    return Context(session.codelists, session.today(), province=session.unit, rules=session.rules)


def check(session: Session, raw: Mapping[str, Any], also_known: Container[str] = ()) -> tuple[dict[str, Any], list[Issue]]:
    """Parse and validate a record (an accident, or an incident) without saving it: what the desktop form shows
    as the user types. An incident's linked accidents must be recorded here (or be in *also_known*: the same file)."""
    accident, parsed = parse_record(raw)
    checked = validate_record(accident, validation_context(session))
    if is_incident(accident):
        checked += _check_links(session, accident, also_known)
    # A value that could not be read gets one message, not a second one from the rules about the same field.
    return normalise_for_storage(accident), merge_issues(parsed, checked)


def _check_links(session: Session, incident: Mapping[str, Any], also_known: Container[str]) -> list[Issue]:
    ids = [i for i in incident.get("accident_ids") or [] if i not in also_known]
    held = {row[0] for row in session.db.execute(
        f"SELECT id FROM accidents WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
    return [Issue("accident_ids", "incident.unknown_accident", {"value": i}) for i in ids if i not in held]


@dataclass(frozen=True)
class SaveResult:
    id: str
    version: int
    action: str  # 'added', 'updated', 'voided', 'unchanged'
    warnings: tuple[Issue, ...] = ()


def _store(session: Session, accident: dict[str, Any], warnings: list[Issue], now: str,
           warning_reason: str | None = None) -> SaveResult:
    """Write one valid record (accident or incident) as its next version, inside the caller's transaction, with
    its audit row (which keeps the warnings the user confirmed, and the reason given, when there is one)."""
    incident = is_incident(accident)
    current = (session.incidents if incident else session.store).current(accident["id"])
    if current is not None and content_of(current) == content_of(accident):
        return SaveResult(accident["id"], current["version"], "unchanged", tuple(warnings))
    if current is None:
        if accident["status"] == "void":
            raise ValidationFailed([Issue("status", "status.void_new")])
        accident.update(version=1, created_at=now, updated_at=now, author=session.user)
        action = "added"
    else:
        accident.update(version=current["version"] + 1, created_at=current["created_at"], updated_at=now,
                        author=session.user)
        action = "voided" if accident["status"] == "void" and current["status"] != "void" else "updated"
    if incident:
        session.incidents.write_many([accident], origin="entry")
        detail = {"version": accident["version"], "accidents": len(accident["accident_ids"])}
    else:
        session.store.write(accident, origin="entry")
        detail = {"version": accident["version"], "victims": len(accident["victims"])}
    if action == "voided" and accident.get("void_reason"):
        detail["reason"] = accident["void_reason"]
    elif warning_reason and warnings:
        detail["warnings"] = [f"{issue.field}: {issue.code}" for issue in warnings]
        detail["reason"] = warning_reason
    session.audit.append(session.user, {"added": "add", "updated": "update", "voided": "void"}[action],
                         "incident" if incident else "accident", accident["id"], detail)
    return SaveResult(accident["id"], accident["version"], action, tuple(warnings))


def save_accident(session: Session, raw: Mapping[str, Any], warning_reason: str | None = None,
                  based_on: int | None = None) -> SaveResult:
    """Validate and save one record (a new one, or the next version of an existing one); an accident, or an
    incident when *raw* says `"kind": "incident"`. *warning_reason*: why the user saved it despite its warnings
    (the desktop form asks), kept in the audit row with the warnings it answers. *based_on*: the version the
    user's edit started from (0: a new record); when another window or process saved or voided the record since,
    the save is refused and nothing changes, rather than silently undoing their change (a form open for an
    hour must never un-void an accident)."""
    session.require("action.save_records", *WRITERS)
    accident, issues = check(session, raw)
    if any(issue.level == "error" for issue in issues):
        raise ValidationFailed(issues)
    reason = _confirmation(warning_reason)
    with session.transaction():
        if based_on is not None:
            store = session.incidents if is_incident(accident) else session.store
            current = store.current(accident["id"])
            now_at = current["version"] if current is not None else 0
            if now_at != based_on:
                raise UserError("record.changed_elsewhere", version=now_at, by=(current or {}).get("author") or "")
        return _store(session, accident, [i for i in issues if i.level == "warning"], utc_now(), reason)


def _confirmation(reason: str | None) -> str | None:
    """The reason given for saving despite warnings, cleaned and cut to the void reason's length (it is a note,
    never a reason to refuse the save)."""
    from app.core.text import cleaned, has_surrogates

    if not isinstance(reason, str) or has_surrogates(reason):
        return None
    return cleaned(reason)[0][:VOID_REASON_LIMIT] or None


VOID_REASON_LIMIT = 500


def void_accident(session: Session, accident_id: str, reason: str) -> SaveResult:
    """Set a record (accident or incident) to void, saying why: nothing is ever deleted, the reason is kept in the
    new version (`void_reason`) and in the audit log, and the void travels upward."""
    from app.core.text import cleaned, has_surrogates

    text = "" if not isinstance(reason, str) or has_surrogates(reason) else cleaned(reason)[0]
    if not text or len(text) > VOID_REASON_LIMIT:
        raise UserError("void.reason_missing" if not text and not (reason or "").strip() else "void.reason_invalid",
                        limit=VOID_REASON_LIMIT)
    current = session.store.current(accident_id) or session.incidents.current(accident_id)
    if current is None:
        raise UserError("record.unknown", value=accident_id)
    return save_accident(session, {**current, "status": "void", "void_reason": text})


ACTIONS = ("added", "updated", "voided", "unchanged")


@dataclass
class Changed:
    """The records a call added, updated or voided, by kind: id → 'added', 'updated' or 'voided'. A window
    refreshes exactly these rows (`SearchIndex.refresh(id)` for accidents)."""

    accidents: dict[str, str] = field(default_factory=dict)
    incidents: dict[str, str] = field(default_factory=dict)

    def note(self, record_id: str, action: str, incident: bool = False) -> None:
        if action in ("added", "updated", "voided"):
            (self.incidents if incident else self.accidents)[record_id] = action

    def update(self, other: Changed) -> None:
        self.accidents.update(other.accidents)
        self.incidents.update(other.incidents)

    def __bool__(self) -> bool:
        return bool(self.accidents or self.incidents)

    def __len__(self) -> int:
        return len(self.accidents) + len(self.incidents)


@dataclass
class AddReport:
    """What a file (or the demo) did: totals over all records, and `incidents` for the incidents among them."""

    added: int = 0
    updated: int = 0
    voided: int = 0
    unchanged: int = 0
    warnings: list[Issue] = field(default_factory=list)
    results: list[SaveResult] = field(default_factory=list)
    changed: Changed = field(default_factory=Changed)  # the ids added, updated or voided
    incidents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACTIONS, 0))

    @property
    def total(self) -> int:
        return self.added + self.updated + self.voided + self.unchanged

    @property
    def incident_counts(self) -> dict[str, int]:
        return dict(self.incidents)

    @property
    def accident_counts(self) -> dict[str, int]:
        return {action: getattr(self, action) - self.incidents[action] for action in ACTIONS}

    def count(self, action: str, incident: bool) -> None:
        setattr(self, action, getattr(self, action) + 1)
        if incident:
            self.incidents[action] += 1


Source = Callable[[], Iterable[tuple[int, Mapping[str, Any]]]]


def _checked_lines(session: Session, source: Source):
    """Yield (line, record, issues) for every record of the source, flagging an id given twice."""
    first_line: dict[str, int] = {}
    for line, raw in source():
        accident, issues = check(session, raw, also_known=first_line)
        accident_id = accident.get("id")
        if accident_id:
            if accident_id in first_line:
                issues.append(Issue("id", "jsonl.duplicate_id", {"first": first_line[accident_id]}))
            else:
                first_line[accident_id] = line
        yield line, raw, accident, [issue.at_line(line) for issue in issues]


def _digest(digest, raw: Mapping[str, Any]) -> None:
    # surrogatepass: a line may hold half a UTF-16 pair (refused by validation, but digested first)
    digest.update(json.dumps(raw, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def add_file(session: Session, path: Path, progress: Progress | None = None, cancel: Cancel | None = None,
             keep_results: bool = False) -> AddReport:
    """Add or update the accidents of a JSON Lines file, all or nothing."""
    path = Path(path)
    return add_records(session, lambda: read_jsonl(path), progress, cancel, keep_results, origin=path.name)


def add_records(session: Session, source: Source, progress: Progress | None = None, cancel: Cancel | None = None,
                keep_results: bool = False, origin: str = "") -> AddReport:
    """Add or update records, all or nothing; *source()* yields (line, record) and can be called twice.

    A first pass checks every record and collects every problem, so the user can mend the whole file at once.
    Only when there is none does a second pass parse the records again and save them all in one transaction.
    The source is read twice rather than held in memory, so 100,000 records stay within the memory budget of
    an old PC; a digest of what each pass read must match, or nothing is saved (the file changed meanwhile).
    *progress* follows the saving pass; *cancel* is asked at every record of both, and a cancel rolls the whole
    file back (`Cancelled`). The report names the ids changed (`report.changed`).
    """
    session.require("action.add_records", *WRITERS)
    errors: list[Issue] = []
    report = AddReport()
    checked = hashlib.sha256()
    total = 0
    for _line, raw, _accident, issues in _checked_lines(session, source):
        total += 1
        _digest(checked, raw)
        for issue in issues:
            (errors if issue.level == "error" else report.warnings).append(issue)
        check_cancel(cancel)
    if errors:
        raise ValidationFailed(errors)
    now = utc_now()
    saved = hashlib.sha256()
    with session.transaction():
        for done, (_line, raw) in enumerate(source(), start=1):
            _digest(saved, raw)
            accident, _ = parse_record(raw)
            result = _store(session, normalise_for_storage(accident), [], now)
            report.count(result.action, is_incident(accident))
            report.changed.note(result.id, result.action, is_incident(accident))
            if keep_results:
                report.results.append(result)
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
            check_cancel(cancel)  # inside the transaction: a cancel rolls back everything saved so far
        if saved.digest() != checked.digest():
            raise UserError("file.changed")
        session.audit.append(session.user, "add_file", "file", origin or None,
                             {"added": report.added, "updated": report.updated, "voided": report.voided,
                              "unchanged": report.unchanged})
    if report.added + report.updated + report.voided >= SETTLE_AFTER:
        session.store.settle()
    return report


def warm_up(session: Session) -> None:
    """Read the code lists validation uses, so the first save does not pay for them (the desktop program calls
    this after login, while the user looks at the list)."""
    for name in {spec.codelist for spec in (*ACCIDENT_FIELDS, *VICTIM_FIELDS, *INCIDENT_FIELDS) if spec.codelist}:
        session.codelists[name]


def list_accidents(session: Session, period: Period | None = None, search: str = "", include_void: bool = False,
                   limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Summary rows of the newest versions, newest accident first."""
    filters = Filters(period=period, search=search, include_void=include_void)
    return session.store.summaries(filters, limit=limit, offset=offset)


def count_accidents(session: Session, period: Period | None = None, search: str = "", include_void: bool = False
                    ) -> int:
    """How many accidents `list_accidents` would give without a limit."""
    return session.store.count(Filters(period=period, search=search, include_void=include_void))


MIN_ID_PREFIX = 8
_ID_PREFIX = re.compile(r"^[0-9a-f-]+$")
AMBIGUOUS_SHOWN = 5


def resolve_id(session: Session, prefix: str) -> str:
    """The full id of the accident or incident whose id begins with *prefix* (at least 8 characters, as lists show
    them; any case). Unknown: `record.unknown`; two or more: `record.ambiguous`, naming them with their dates."""
    wanted = (prefix or "").strip().lower()
    if len(wanted) < MIN_ID_PREFIX or not _ID_PREFIX.match(wanted):
        raise UserError("record.unknown", value=prefix)
    # A range on the key (not LIKE, which would read '_' as a wildcard and scan): '~' sorts after every id character.
    rows = session.db.execute(
        "SELECT id, occurred_on FROM accidents WHERE id >= :p AND id < :p || '~'"
        " UNION ALL SELECT id, occurred_on FROM incidents WHERE id >= :p AND id < :p || '~'"
        " ORDER BY 2, 1 LIMIT :n", {"p": wanted, "n": AMBIGUOUS_SHOWN + 1}).fetchall()
    if not rows:
        raise UserError("record.unknown", value=prefix)
    if len(rows) > 1:
        shown = ", ".join(f"{row[0]} ({short_date(row[1])})" for row in rows[:AMBIGUOUS_SHOWN])
        if len(rows) > AMBIGUOUS_SHOWN:
            shown += ", …"
        raise UserError("record.ambiguous", value=prefix, records=shown)
    return rows[0][0]


def export_records(session: Session, period: Period | None = None, search: str = "", include_void: bool = False):
    """The full newest versions, streamed, in the interchange form."""
    return session.store.records(Filters(period=period, search=search, include_void=include_void))


def delivery_states(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """For the list: 'delivered' (a receipt acknowledged the current version), 'sent' (in a bundle, no receipt
    yet) or nothing, per accident id."""
    states: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows = session.db.execute(
            "SELECT a.id, max(s.delivered_at IS NOT NULL) FROM accidents a"
            " JOIN sent_records s ON s.accident_id = a.id AND s.version = a.version"
            f" WHERE a.id IN ({','.join('?' * len(chunk))}) GROUP BY a.id", chunk).fetchall()
        states.update({row[0]: "delivered" if row[1] else "sent" for row in rows})
    return states


def missing_of(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    """For the list: the fields each of these accidents lacks to be complete (`app.core.derived.missing_fields`)."""
    from app.core.derived import missing_fields

    found: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows = session.db.execute(
            "SELECT v.data FROM accidents a JOIN accident_versions v ON v.id = a.id AND v.version = a.version"
            f" WHERE a.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        for (data,) in rows:
            record = json.loads(data)
            found[record["id"]] = missing_fields(record, session.rules)
    return found


def get_accident(session: Session, accident_id: str) -> dict[str, Any]:
    """The newest version of an accident or incident."""
    accident = session.store.current(accident_id) or session.incidents.current(accident_id)
    if accident is None:
        raise UserError("record.unknown", value=accident_id)
    return accident


def history(session: Session, accident_id: str) -> list[dict[str, Any]]:
    return session.store.history(accident_id) or session.incidents.history(accident_id)


def list_incidents(session: Session, period: Period | None = None, include_void: bool = False
                   ) -> list[dict[str, Any]]:
    """The serious technical incidents of *period* (newest versions, oldest first), each with the toll of its
    linked accidents: `deaths` and `injured` (non-void accidents only)."""
    found = list(session.incidents.records(period, session.own_units(), include_void))
    return [dict(incident, **incident_toll(session, incident)) for incident in found]


def incident_toll(session: Session, incident: Mapping[str, Any]) -> dict[str, int]:
    """Deaths and injured among the victims of the incident's linked (non-void) accidents."""
    ids = list(incident.get("accident_ids") or [])
    if not ids:
        return {"deaths": 0, "injured": 0}
    deaths, victims = session.db.execute(
        f"SELECT coalesce(sum(deaths), 0), coalesce(sum(victims), 0) FROM accidents WHERE status != 'void'"
        f" AND id IN ({','.join('?' * len(ids))})", ids).fetchone()
    return {"deaths": deaths, "injured": victims - deaths}


def dumps_summary(row: Mapping[str, Any]) -> str:
    return json.dumps(dict(row), ensure_ascii=False)
