"""Chain flags (issue 10): something wrong with a sender's chain of bundles, for a person at the office to look
into and settle. The import writes them into `bundle_flags`; they are never resolved by the program:

- `sequence_reused`: a bundle carries a number the same key already used for another bundle (the commune may
  have restored a backup or copied its data folder to another PC);
- `chain_broken`: a bundle's `previous_hash` is not the hash of the bundle held before it from that key;
- `history_rewritten`: the audit history a bundle carries does not extend the one the commune sent before
  (records may have been deleted, or the log rewritten).

An admin settles a flag with a note saying what was found (audited); settled flags stay, shown with `--all`.
Completeness shows, per commune, how many are still open.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.errors import UserError
from app.db.accident_store import utc_now
from app.services.workspace import Session

KINDS = ("sequence_reused", "chain_broken", "history_rewritten")
NOTE_LIMIT = 500
_COLUMNS = ("id", "kind", "bundle_id", "other_bundle_id", "unit", "signer", "detail", "found_at", "settled_at",
            "settled_by", "settled_note")


def _require_office(session: Session) -> None:
    if session.role != "office":
        raise UserError("role.office_only")


def _detail(value: object) -> dict[str, Any] | None:
    """The stored JSON detail as a dict, or None when it is missing or cannot be read."""
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError):
        return None
    return parsed if isinstance(parsed, dict) else None


def _as_dict(row) -> dict[str, Any]:
    flag = dict(zip(_COLUMNS, row, strict=True))
    flag["detail"] = _detail(flag["detail"])
    return flag


def list_flags(session: Session, unit: str | None = None, include_settled: bool = False) -> list[dict[str, Any]]:
    """The flags still to be settled (or all of them), oldest first; of one unit if *unit* is given."""
    _require_office(session)
    where, params = [], []
    if unit is not None:
        where.append("unit = ?")
        params.append(unit)
    if not include_settled:
        where.append("settled_at IS NULL")
    sql = f"SELECT {', '.join(_COLUMNS)} FROM bundle_flags"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_as_dict(row) for row in session.db.execute(sql + " ORDER BY id", params)]


def open_counts(session: Session) -> dict[str, int]:
    """The number of flags still to be settled, by unit."""
    return {str(unit): count for unit, count in session.db.execute(
        "SELECT unit, count(*) FROM bundle_flags WHERE settled_at IS NULL GROUP BY unit")}


def _flag_id(value: object) -> int:
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) < 2**63:
        raise UserError("flag.unknown", value=str(value))
    return int(text)


def settle_flag(session: Session, flag_id: int | str, note: str | None) -> dict[str, Any]:
    """Settle flag *flag_id* with *note* (what was found and done; 1 to 500 characters): admins at an office only.
    Audited; returns the settled flag."""
    _require_office(session)
    session.require("action.settle", "admin")
    number = _flag_id(flag_id)
    text = note.strip() if isinstance(note, str) else ""
    if not text:
        raise UserError("flag.note_missing")
    if len(text) > NOTE_LIMIT:
        raise UserError("flag.note_invalid", limit=NOTE_LIMIT)
    select = f"SELECT {', '.join(_COLUMNS)} FROM bundle_flags WHERE id = ?"
    with session.transaction():
        row = session.db.execute(select, (number,)).fetchone()
        if row is None:
            raise UserError("flag.unknown", value=str(flag_id))
        flag = _as_dict(row)
        if flag["settled_at"] is not None:
            raise UserError("flag.already_settled", id=number, user=flag["settled_by"] or "?",
                            time=flag["settled_at"])
        session.db.execute("UPDATE bundle_flags SET settled_at = ?, settled_by = ?, settled_note = ? WHERE id = ?",
                           (utc_now(), session.user, text, number))
        session.audit.append(session.user, "settle_flag", "bundle_flag", str(number), {"kind": flag["kind"]})
        return _as_dict(session.db.execute(select, (number,)).fetchone())
