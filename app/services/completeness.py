"""Who has reported (SPEC § 5 "Completeness"): every commune the office expects, for a period.

A commune is `on_time` when its first bundle for the period was *made* (the bundle's creation time, in Vietnam's
time zone) by the due date, `late` when after, `missing` when no bundle arrived; `nil` says the newest bundle
reported no accident. The import time is shown beside it. Gaps are sequence numbers below the highest one
received from that commune that never arrived, whatever their period: a bundle lost on the way.

Settings (table `settings`, JSON values):
- `expected_units`: the list of commune codes; by default every commune of the office's province valid today.
- `due_days_after_end`: days after the end of the period, per kind of period; by default 5 for each, which gives
  5 July for H1 and 5 January for the year (SPEC § 6: *unconfirmed*).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import UserError
from app.core.periods import Period
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


@dataclass
class UnitState:
    unit: str
    unit_name: str
    state: str  # on_time, late, missing
    nil: bool = False
    sequence: list[int] = field(default_factory=list)
    gaps: list[int] = field(default_factory=list)
    created_at: str | None = None
    imported_at: str | None = None
    records: int = 0
    expected: bool = True

    def as_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "unit_name": self.unit_name, "state": self.state, "nil": self.nil,
                "sequence": self.sequence, "gaps": self.gaps, "created_at": self.created_at,
                "imported_at": self.imported_at, "records": self.records, "expected": self.expected}


def _gaps(sequences: list[int]) -> list[int]:
    if not sequences:
        return []
    have = set(sequences)
    return [n for n in range(1, max(have)) if n not in have]


def completeness(session: Session, period: Period) -> tuple[list[UnitState], dt.date]:
    """Every expected commune (and any other that sent a bundle for the period), with its state; the due date."""
    from app.services.exchange import vietnam_date  # here: reports use this module, and need no bundle code

    _require_office(session)
    due = due_date(session, period)
    rows = session.db.execute(
        "SELECT unit, unit_name, period, sequence, nil, records, created_at, imported_at FROM bundles_received"
        " WHERE kind = 'report' ORDER BY unit, sequence").fetchall()
    all_sequences: dict[str, list[int]] = {}
    for_period: dict[str, list[tuple]] = {}
    for row in rows:
        all_sequences.setdefault(row[0], []).append(row[3])
        if row[2] == str(period):
            for_period.setdefault(row[0], []).append(row)
    expected = expected_units(session)
    units = expected + sorted(unit for unit in for_period if unit not in set(expected))
    states = []
    for unit in units:
        bundles = for_period.get(unit, [])
        name = session.codelists.unit_name(unit) or (bundles[0][1] if bundles else unit)
        state = UnitState(unit, name, "missing", gaps=_gaps(all_sequences.get(unit, [])),
                          expected=unit in set(expected))
        if bundles:
            first = min(bundles, key=lambda row: row[6])
            newest = max(bundles, key=lambda row: row[3])
            state.state = "on_time" if vietnam_date(first[6]) <= due else "late"
            state.nil = bool(newest[4])
            state.sequence = [row[3] for row in bundles]
            state.created_at, state.imported_at = first[6], first[7]
            state.records = newest[5]
        states.append(state)
    return states, due
