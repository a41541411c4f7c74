"""Who has reported (SPEC § 5 "Completeness"): every commune the office expects, for a period.

Timeliness is judged by the office's clock, never the sender's. A bundle counts as *received* on `received_on`,
the calendar day in Vietnam the office received it (the import's day, or the day a person gave for a stick
delivered earlier); a row without a readable one counts on the Vietnam day of `imported_at`. For a period P:
- `interim`: every bundle received for P was received on or before P's last day: a report made while the period
  was still running cannot be complete, whatever it says;
- `on_time`: the first *final* bundle (received after P's last day) was received by the due date;
- `late`: it was received after the due date;
- `missing`: no bundle for P arrived;
- `unknown`: bundles arrived, but none has a readable day (a hand-edited or damaged row); they are still listed.
The sender's `created_at` is shown beside it ("made"), never used to judge. `nil` says the newest bundle reported
no accident.

Gaps are sequence numbers below the highest received *from the same signing key* that never arrived, whatever
their period: a bundle lost on the way (a commune that replaced its PC has a new key and starts again at 1). They
are ranges `[first, last]` worked out from the sorted numbers received, so a stored number of 10**12 costs nothing;
numbers that are not whole numbers from 1 to 100,000 are ignored (the import refuses them; older rows may hold
them), and at most 50 ranges are given, with the count of the rest.

Nothing stored can make this fail: an unreadable date, sequence number or flag is shown as unknown.
`flags` counts the chain flags of the commune still to be settled (`app.services.flags`, `tnld conflicts`).

Settings (table `settings`, JSON values):
- `expected_units`: the list of commune codes; by default every commune of the province valid today.
- `due_days_after_end`: days after the end of the period, per kind of period; by default 5 for each, which gives
  5 July for H1 and 5 January for the year (SPEC § 6: *unconfirmed*).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import UserError
from app.core.periods import VIETNAM, Period
from app.services.flags import open_counts
from app.services.settings import due_days, get_setting, set_setting
from app.services.workspace import Session


def _require_office(session: Session) -> None:
    if session.role != "office":
        raise UserError("role.office_only")


def expected_units(session: Session) -> list[str]:
    _require_office(session)
    stored = get_setting(session, "expected_units", None)
    if stored is not None:
        return list(stored)
    today = session.today()
    return [code.code for code in session.codelists.communes_of(session.unit) if code.valid_on(today)]


def set_expected_units(session: Session, add: list[str] = (), remove: list[str] = (), reset: bool = False) -> list[str]:
    """Change the list of expected communes; unknown codes and communes of another province are refused."""
    _require_office(session)
    for code in add:
        if not session.codelists.is_commune(code):
            raise UserError("unit.unknown", value=code)
        if session.codelists.province_of(code) != session.unit:
            raise UserError("unit.not_in_province", value=code, province=session.unit)
    if reset:
        session.require("action.settings", "admin")
        with session.transaction():
            session.db.execute("DELETE FROM settings WHERE key = 'expected_units'")
            session.audit.append(session.user, "settings", "setting", "expected_units", {"reset": True})
        return expected_units(session)
    units = expected_units(session)
    units = [code for code in units if code not in set(remove)] + [code for code in add if code not in units]
    set_setting(session, "expected_units", units, {"added": len(add), "removed": len(remove)})
    return units


def due_date(session: Session, period: Period) -> dt.date:
    days = due_days(session)
    return period.end + dt.timedelta(days=int(days[period.kind]))


MAX_SEQUENCE = 100_000  # the highest bundle number taken as real; the import refuses higher ones
MAX_GAP_RANGES = 50
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def calendar_day(value: object) -> dt.date | None:
    """A stored calendar day `YYYY-MM-DD`, or None for anything else (NULL, a number, "yesterday", 2026-02-30)."""
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def vietnam_day(value: object) -> dt.date | None:
    """The calendar day in Vietnam (UTC+7) of a stored UTC timestamp, or None when it cannot be read.

    Never raises: what a row holds is not trusted here."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(VIETNAM).date()
    except (ValueError, OverflowError):
        return None


def received_day(received_on: object, imported_at: object) -> dt.date | None:
    """The day the office received a bundle: `received_on`, else the Vietnam day of `imported_at`, else None."""
    return calendar_day(received_on) or vietnam_day(imported_at)


def valid_sequence(value: object) -> int | None:
    return value if type(value) is int and 1 <= value <= MAX_SEQUENCE else None


def gap_ranges(sequences: Iterable[object]) -> list[list[int]]:
    """The numbers below the highest that are not in *sequences*, as `[first, last]` ranges; invalid numbers ignored.

    Linear in the number of bundles, whatever the numbers are."""
    gaps: list[list[int]] = []
    expected = 1
    for number in sorted({n for n in sequences if valid_sequence(n) is not None}):
        if number > expected:
            gaps.append([expected, number - 1])
        expected = number + 1
    return gaps


@dataclass
class UnitState:
    unit: str
    unit_name: str
    state: str  # on_time, late, interim, missing, unknown
    nil: bool = False
    sequence: list[int | None] = field(default_factory=list)  # of the bundles for the period; None: unreadable
    gaps: list[list[int]] = field(default_factory=list)  # [first, last] ranges, at most MAX_GAP_RANGES
    gaps_more: int = 0  # ranges left out
    received_on: str | None = None  # YYYY-MM-DD, the office's day of the bundle that decided the state
    created_at: str | None = None  # the sender's clock, as stored (shown, never judged by)
    imported_at: str | None = None
    records: int = 0
    expected: bool = True
    flags: int = 0  # chain flags of this unit not settled yet

    def as_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "unit_name": self.unit_name, "state": self.state, "nil": self.nil,
                "sequence": self.sequence, "gaps": self.gaps, "gaps_more": self.gaps_more,
                "received_on": self.received_on, "created_at": self.created_at,
                "imported_at": self.imported_at, "records": self.records, "expected": self.expected,
                "flags": self.flags}


@dataclass
class _Bundle:
    order: int  # the order rows were stored in
    unit: str
    unit_name: str
    signer: object
    period: object
    sequence: object
    nil: object
    records: object
    created_at: object
    imported_at: object
    received: dt.date | None


def _text(value: object) -> str | None:
    """A stored value as text, to show as it is (a date that cannot be read is shown as "?")."""
    return value if value is None or isinstance(value, str) else repr(value)


def _unit_gaps(bundles: list[_Bundle]) -> list[list[int]]:
    """Gaps per signing key, the keys in the order they first sent a bundle here."""
    by_signer: dict[object, list[object]] = {}
    for bundle in bundles:
        by_signer.setdefault(bundle.signer, []).append(bundle.sequence)
    return [gap for sequences in by_signer.values() for gap in gap_ranges(sequences)]


def completeness(session: Session, period: Period) -> tuple[list[UnitState], dt.date]:
    """Every expected commune (and any other that sent a bundle for the period), with its state; the due date."""
    _require_office(session)
    due = due_date(session, period)
    by_unit: dict[str, list[_Bundle]] = {}
    cursor = session.db.execute(
        "SELECT unit, unit_name, signer, period, sequence, nil, records, created_at, imported_at, received_on"
        " FROM bundles_received WHERE kind = 'report' ORDER BY rowid")
    for order, row in enumerate(cursor):
        unit = str(row[0])
        by_unit.setdefault(unit, []).append(_Bundle(
            order, unit, row[1] if isinstance(row[1], str) else unit, *row[2:9], received_day(row[9], row[8])))
    wanted = str(period)
    for_period = {unit: [b for b in bundles if b.period == wanted] for unit, bundles in by_unit.items()}
    flags = open_counts(session)
    expected = expected_units(session)
    known = set(expected)
    units = expected + sorted(unit for unit, bundles in for_period.items() if bundles and unit not in known)
    states = []
    for unit in units:
        bundles = for_period.get(unit, [])
        name = session.codelists.unit_name(unit)
        if name == unit and bundles:  # not in the code lists: the name the bundle gave
            name = bundles[0].unit_name
        gaps = _unit_gaps(by_unit.get(unit, []))
        state = UnitState(unit, name, "missing", gaps=gaps[:MAX_GAP_RANGES],
                          gaps_more=max(0, len(gaps) - MAX_GAP_RANGES), expected=unit in known,
                          flags=flags.get(unit, 0))
        if bundles:
            _judge(state, bundles, by_unit[unit], period, due)
        states.append(state)
    return states, due


def _judge(state: UnitState, bundles: list[_Bundle], every: list[_Bundle], period: Period, due: dt.date) -> None:
    """Fill *state* from the unit's *bundles* for the period (*every*: all its bundles, to rank its keys)."""
    signers: dict[object, int] = {}
    for bundle in every:
        signers.setdefault(bundle.signer, len(signers))
    # The newest: from the key that started sending last (a new PC), and its highest number.
    newest = max(bundles, key=lambda b: (signers[b.signer], valid_sequence(b.sequence) or 0, b.order))
    final = [b for b in bundles if b.received is not None and b.received > period.end]
    readable = [b for b in bundles if b.received is not None]
    if final:
        deciding = min(final, key=lambda b: (b.received, b.order))
        state.state = "on_time" if deciding.received <= due else "late"
    elif readable:
        deciding = max(readable, key=lambda b: (b.received, b.order))  # the last interim report received
        state.state = "interim"
    else:
        deciding = newest
        state.state = "unknown"
    state.nil = type(newest.nil) is int and newest.nil != 0
    state.records = newest.records if type(newest.records) is int else 0
    state.sequence = [valid_sequence(b.sequence) for b in sorted(bundles, key=lambda b: (
        signers[b.signer], valid_sequence(b.sequence) or MAX_SEQUENCE + 1, b.order))]  # unreadable ones last
    state.received_on = deciding.received.isoformat() if deciding.received else None
    state.created_at, state.imported_at = _text(deciding.created_at), _text(deciding.imported_at)
