"""The same victim reported twice (SPEC § 5 "Duplicates"): candidates, decisions, and counting once.

A candidate pair is two victims of two different accidents (of one commune or of two) that are not void, with the
same personal ID number, or with the same name without diacritics, birth years at most one apart (or one of them
unknown) and accident dates at most two days apart. Victims are named `ACCIDENT_ID/N`, N counting from 1.
The office decides `same` or `different`; decisions are kept by those names, so they survive re-imports of the
records. Counting: the victims confirmed to be one person form a group; the group counts once, by its earliest
report; an accident all of whose victims are counted elsewhere is not counted either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.errors import UserError
from app.core.periods import Period
from app.core.progress import Cancel, Progress, Steps
from app.db.accident_store import utc_now
from app.db.connection import interruptible
from app.services.workspace import Session

DECISIONS = ("same", "different")


@dataclass(frozen=True)
class Candidate:
    a: str
    b: str
    reason: str  # 'id_number' or 'name'
    decision: str | None
    a_unit: str
    b_unit: str
    a_date: str
    b_date: str
    name: str

    def as_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "reason": self.reason, "decision": self.decision,
                "units": [self.a_unit, self.b_unit], "dates": [self.a_date, self.b_date]}


# The matching rule, written once for the office's pairs (`candidates`) and the form's hint
# (`possible_duplicates`): v1/a1 and v2/a2 are the two victims and their accidents.
SAME_ID_NUMBER = "v2.id_number = v1.id_number"
SAME_NAME = "v2.name_folded = v1.name_folded"
NAME_NEAR = ("abs(julianday(a1.occurred_on) - julianday(a2.occurred_on)) <= 2"
             " AND (v1.birth_year IS NULL OR v2.birth_year IS NULL OR abs(v1.birth_year - v2.birth_year) <= 1)")


def victim_key(accident_id: str, n: int) -> str:
    return f"{accident_id}/{n}"


def _period_clause(period: Period | None, alias: str) -> tuple[str, list[str]]:
    if period is None:
        return "", []
    return f" AND {alias}.occurred_on BETWEEN ? AND ?", [period.start.isoformat(), period.end.isoformat()]


def _require_office(session: Session) -> None:
    """Duplicates are an office's work: it holds the communes' records (a commune sees only its own)."""
    if session.role != "office":
        raise UserError("role.office_only")


def candidates(session: Session, period: Period | None = None, progress: Progress | None = None,
               cancel: Cancel | None = None) -> list[Candidate]:
    """Candidate pairs where at least one of the two accidents lies in *period*, with any decision taken (at an
    office). *progress* counts the two searches (same ID number, same name); a cancel stops them (`Cancelled`)."""
    _require_office(session)
    clause_1, params_1 = _period_clause(period, "a1")
    clause_2, params_2 = _period_clause(period, "a2")
    columns = ("v1.accident_id, v1.n, v2.accident_id, v2.n, a1.unit, a2.unit, a1.occurred_on, a2.occurred_on,"
               " v1.name")
    joins = ("FROM victims v1 JOIN accidents a1 ON a1.id = v1.accident_id AND a1.status != 'void'"
             " JOIN victims v2 ON {on} JOIN accidents a2 ON a2.id = v2.accident_id AND a2.status != 'void'"
             " WHERE v1.accident_id < v2.accident_id")
    by_id = joins.format(on=SAME_ID_NUMBER)
    by_name = joins.format(on=SAME_NAME) + " AND " + NAME_NEAR
    period_filter = ""
    params: list[str] = []
    if period is not None:
        period_filter = f" AND ((1{clause_1}) OR (1{clause_2}))"
        params = params_1 + params_2
    searches = (f"SELECT {columns}, 'id_number' {by_id} AND v1.id_number IS NOT NULL{period_filter}",
                f"SELECT {columns}, 'name' {by_name}{period_filter}")
    steps = Steps(progress, cancel, len(searches))
    decisions = {(row[0], row[1]): row[2] for row in session.db.execute("SELECT a, b, decision FROM duplicate_decisions")}
    pairs: dict[tuple[str, str], Candidate] = {}
    with interruptible(session.db, cancel):  # a province's self-join can take a while: a cancel stops it
        for sql in searches:
            for row in session.db.execute(sql, params):
                a, b = victim_key(row[0], row[1]), victim_key(row[2], row[3])
                key = (a, b)
                if key in pairs and pairs[key].reason == "id_number":
                    continue  # the same ID number says more than the same name
                pairs[key] = Candidate(a, b, row[9], decisions.get(key), row[4], row[5], row[6], row[7], row[8])
            steps.step()
    return sorted(pairs.values(), key=lambda c: (c.decision is not None, c.a_date, c.a, c.b))


@dataclass(frozen=True)
class PossibleDuplicate:
    """An earlier report of (perhaps) the same person as a victim being typed: by the rule of `candidates`."""

    accident_id: str
    n: int
    name: str
    birth_year: int | None
    occurred_on: str
    unit: str
    reason: str  # 'id_number' or 'name'


def possible_duplicates(session: Session, victim: Mapping[str, Any], occurred_on: str | None,
                        exclude_id: str | None = None, limit: int = 5) -> list[PossibleDuplicate]:
    """Stored victims (of live accidents other than *exclude_id*) that the duplicates' rule would pair with
    *victim* of an accident on *occurred_on*: the desktop form shows them while the victim is typed. Two indexed
    look-ups (ID number, folded name), fast enough on the GUI thread."""
    from app.core.derived import birth_year_of
    from app.core.text import fold

    id_number = re.sub(r"[\s.\-]", "", victim.get("id_number") or "") or None
    name = victim.get("name") or ""
    folded = fold(name) if isinstance(name, str) and name.strip() else None
    try:
        birth_year = birth_year_of(victim)
    except (TypeError, ValueError):
        birth_year = None
    if not isinstance(birth_year, int):
        birth_year = None
    # The form's victim as a one-row v1 and its accident as a one-row a1, so the rule's SQL reads as in candidates.
    given = ("WITH v1(name_folded, id_number, birth_year) AS (SELECT :folded, :id_number, :birth_year),"
             " a1(occurred_on) AS (SELECT :occurred_on)"
             " SELECT v2.accident_id, v2.n, v2.name, v2.birth_year, a2.occurred_on, a2.unit, '{reason}'"
             " FROM v1, a1 JOIN victims v2 ON {on}"
             " JOIN accidents a2 ON a2.id = v2.accident_id AND a2.status != 'void'"
             " WHERE v2.accident_id != coalesce(:exclude, '') {more} ORDER BY a2.occurred_on DESC LIMIT :limit")
    params = {"folded": folded, "id_number": id_number, "birth_year": birth_year, "occurred_on": occurred_on,
              "exclude": exclude_id, "limit": limit}
    found: dict[tuple[str, int], PossibleDuplicate] = {}
    searches = []
    if id_number:
        searches.append(given.format(reason="id_number", on=SAME_ID_NUMBER, more=""))
    if folded and occurred_on:
        searches.append(given.format(reason="name", on=SAME_NAME, more="AND " + NAME_NEAR))
    for sql in searches:
        for row in session.db.execute(sql, params):
            found.setdefault((row[0], row[1]), PossibleDuplicate(*row))
    return list(found.values())[:limit]


def _parse_key(session: Session, key: str) -> tuple[str, int]:
    accident_id, _, n = key.partition("/")
    row = session.db.execute("SELECT 1 FROM victims WHERE accident_id = ? AND n = ?",
                             (accident_id, int(n) if n.isdigit() else -1)).fetchone()
    if row is None:
        raise UserError("duplicates.unknown_victim", value=key)
    return accident_id, int(n)


def resolve(session: Session, a: str, b: str, decision: str) -> str:
    """Record the office's decision on a pair (audited); returns 'recorded' or 'unchanged'."""
    session.require("action.resolve_duplicates", "admin", "clerk")
    _require_office(session)
    if decision not in DECISIONS:
        raise UserError("duplicates.decision", value=decision)
    first, second = _parse_key(session, a), _parse_key(session, b)
    if first[0] == second[0]:
        raise UserError("duplicates.same_accident", a=a, b=b)
    a, b = sorted((victim_key(*first), victim_key(*second)))
    row = session.db.execute("SELECT decision FROM duplicate_decisions WHERE a = ? AND b = ?", (a, b)).fetchone()
    if row is not None and row[0] == decision:
        return "unchanged"
    with session.transaction():
        session.db["duplicate_decisions"].upsert({"a": a, "b": b, "decision": decision, "decided_at": utc_now(),
                                                 "decided_by": session.user}, pk=("a", "b"))
        session.audit.append(session.user, "duplicate_resolve", "victims", f"{a} {b}", {"decision": decision})
    return "recorded"


@dataclass(frozen=True)
class Exclusions:
    """What de-duplication removes from counts: victims counted elsewhere, and accidents wholly counted elsewhere."""

    victims: frozenset[str]
    accidents: frozenset[str]


def _groups(session: Session) -> list[list[tuple[str, str, str]]]:
    """The groups of one person from the 'same' decisions: their live reports (victim key, accident date, unit),
    the counted one (the earliest, then the smallest key) first. Void reports are left out."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in session.db.execute("SELECT a, b FROM duplicate_decisions WHERE decision = 'same'"):
        parent[find(a)] = find(b)
    if not parent:
        return []
    keys = list(parent)
    ids = sorted({key.split("/")[0] for key in keys})
    facts: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in session.db.execute(
                f"SELECT id, occurred_on, status, unit FROM accidents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            facts[row[0]] = (row[1], row[2], row[3])
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for key in keys:
        accident_id = key.split("/")[0]
        if accident_id not in facts or facts[accident_id][1] == "void":
            continue
        groups.setdefault(find(key), []).append((key, facts[accident_id][0], facts[accident_id][2]))
    found = []
    for members in groups.values():
        members.sort(key=lambda member: (member[1], member[0]))
        found.append(members)
    return found


def exclusions(session: Session, groups: list[list[tuple[str, str, str]]] | None = None) -> Exclusions:
    """From the 'same' decisions: in each group of one person, every report but the earliest is excluded."""
    excluded: set[str] = set()
    for members in _groups(session) if groups is None else groups:
        excluded.update(key for key, _, _ in members[1:])
    if not excluded:
        return Exclusions(frozenset(), frozenset())
    touched = {key.split("/")[0] for key in excluded}
    whole: set[str] = set()
    for accident_id in touched:
        count = session.db.execute("SELECT count(*) FROM victims WHERE accident_id = ?", (accident_id,)).fetchone()[0]
        if all(victim_key(accident_id, n) in excluded for n in range(1, count + 1)):
            whole.add(accident_id)
    return Exclusions(frozenset(excluded), frozenset(whole))


@dataclass(frozen=True)
class Listing:
    """How the lists of victims show a person reported twice (`listing`): once, the counted report, with a note
    naming the other reports (`notes`); the working line list shows every report, each noting the others."""

    skip: Exclusions
    notes: dict[str, str]  # victim key -> the note of that report (counted or not)

    def listed(self, accident_id: str, n: int) -> bool:
        """Whether a list that shows each person once shows this victim."""
        return victim_key(accident_id, n) not in self.skip.victims

    def note(self, accident_id: str, n: int) -> str:
        return self.notes.get(victim_key(accident_id, n), "")


def listing(session: Session) -> Listing:
    """The one rule every list of victims follows for confirmed duplicates (the register, the notice, Part II of
    the periodic report, the line list): which report is shown (the counted one, as `exclusions` decides) and the
    note, in the words of `resources/templates/duplicates.json`, that names the other reports."""
    from app.reports.tables import template

    groups = _groups(session)
    skip = exclusions(session, groups)
    if not groups:
        return Listing(skip, {})
    words = template("duplicates")
    names: dict[str, str] = {}

    def report(key: str, unit: str) -> str:
        if unit not in names:
            names[unit] = session.codelists.unit_name(unit) or unit
        return words["report"].format(unit=names[unit], id=key.split("/")[0][:8])

    notes: dict[str, str] = {}
    for members in groups:
        if len(members) < 2:
            continue
        counted = members[0]
        notes[counted[0]] = words["counted"].format(
            reports="; ".join(report(key, unit) for key, _, unit in members[1:]))
        for key, _, _ in members[1:]:
            notes[key] = words["not_counted"].format(report=report(counted[0], counted[2]))
    return Listing(skip, notes)


def counted_totals(session: Session, period: Period, units: tuple[str, ...] = ()) -> dict[str, int]:
    """The period's totals with confirmed duplicates counted once, from the reports' one aggregation."""
    from app.reports.aggregate import Counts
    from app.services.reports import periodic

    result = periodic(session, period)
    if not units:
        return result.total.as_dict()
    return sum((result.by_unit.get(unit, Counts()) for unit in units), Counts()).as_dict()
