"""Reports of a period (SPEC § 6): the aggregation from the store, and the files drawn from it.

The numbers come from `app.reports.aggregate` only; each format (JSON here, Excel and PDF in `app.reports`) renders
the same `Aggregate`, so they cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes
from app.core.periods import Period
from app.reports.aggregate import Aggregate, VictimRow, aggregate
from app.services.workspace import Session

KINDS = ("periodic",)
FORMATS = ("json",)


def report_units(session: Session) -> list[str]:
    """The columns of the report: the commune itself, or every commune an office expects."""
    if session.role == "commune":
        return [session.unit]
    from app.services.completeness import expected_units

    return expected_units(session)


def periodic(session: Session, period: Period, units: list[str] | None = None) -> Aggregate:
    """The periodic aggregates of *period* for *units* (default: the report's units), after de-duplication."""
    from app.services.duplicates import exclusions

    units = list(units) if units is not None else report_units(session)
    params: list[Any] = [period.start.isoformat(), period.end.isoformat()]
    unit_clause = ""
    if session.role == "commune":
        unit_clause = " AND a.unit = ?"
        params.append(session.unit)
    rows = session.db.execute(
        "SELECT a.id, a.unit, a.occurred_on, a.status, a.cause, a.factor, a.commuting, v.n, v.sex, v.severity,"
        " v.occupation, v.days_off, v.cost_kvnd FROM accidents a JOIN victims v ON v.accident_id = a.id"
        f" WHERE a.status != 'void' AND a.occurred_on BETWEEN ? AND ?{unit_clause} ORDER BY a.id, v.n", params)
    skip = exclusions(session)
    groups = {code.code: code.parent or "" for code in session.codelists["causes"] if code.parent}
    return aggregate((VictimRow(*row[:6], bool(row[6]), *row[7:]) for row in rows), str(period), units, groups,
                     skip.victims, skip.accidents)


@dataclass(frozen=True)
class Written:
    path: Path
    aggregate: Aggregate


def write_report(session: Session, period: Period, kind: str, fmt: str, out: Path, overwrite: bool = False) -> Written:
    """Write the report *kind* of *period* as *fmt* to *out* (atomically)."""
    if kind not in KINDS:
        raise UserError("report.kind", value=kind, kinds=", ".join(KINDS))
    if fmt not in FORMATS:
        raise UserError("report.format", value=fmt, formats=", ".join(FORMATS))
    out = Path(out)
    if out.exists() and not overwrite:
        raise UserError("file.exists", path=str(out))
    result = periodic(session, period)
    data = (json.dumps(result.as_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise UserError("file.unwritable", path=str(out), reason=exc.strerror or str(exc)) from None
    return Written(out, result)
