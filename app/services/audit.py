"""The audit log as a use case (SPEC § 8): check the chain, read it (admins), and take or check an anchor.

An intact chain alone proves little: whoever can write the database can delete the last rows, or edit a row and
hash every row after it again, and the chain still verifies. An *anchor* is the chain's length and head hash
written down (on paper, in a bundle sent to the office) at some moment: later, the chain must still hold that
hash at that row. `verify` and `check_anchor` together say that nothing up to the anchor was deleted, edited
or recomputed since.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.errors import UserError
from app.db import audit as audit_db
from app.db.audit import ChainCheck
from app.services.workspace import Session

_ANCHOR = re.compile(r"^\s*(\d{1,12})\s*:\s*([0-9a-fA-F]{64})\s*$")


def verify(session: Session) -> ChainCheck:
    """Recompute the whole chain; `broken_at` names the first row whose hash or link does not match."""
    return audit_db.verify_chain(session.db)


def recent(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """The latest *limit* rows, newest first (admins only: the log says who did what)."""
    session.require("action.read_audit", "admin")
    return audit_db.recent(session.db, max(0, int(limit)))


def anchor(session: Session) -> tuple[int, str]:
    """The chain's length and the hash of its last row, to write down now and check later."""
    return audit_db.head(session.db)


def check_anchor(session: Session, length: int, head_hash: str) -> bool:
    """True when row *length* still carries *head_hash*. With an intact chain (`verify`), nothing up to that row
    was deleted, edited or hashed again since the anchor was taken."""
    return audit_db.extends(session.db, length, head_hash.lower())


def format_anchor(length: int, head_hash: str) -> str:
    return f"{length}:{head_hash}"


def parse_anchor(text: str) -> tuple[int, str]:
    """`LENGTH:HASH` as `audit head` prints it (64 hex digits)."""
    match = _ANCHOR.match(text or "")
    if match is None:
        raise UserError("audit.anchor_invalid", value=text)
    return int(match.group(1)), match.group(2).lower()


CHECKPOINTS = 16  # earlier anchors re-stated in each bundle


def bundle_anchor(session: Session) -> dict[str, Any]:
    """What a bundle carries of this workstation's audit chain (docs/bundle-format.md, "audit"): its length and
    head now, and, for each of the last 16 bundles sent, the hash the chain holds *now* at the length that bundle
    announced. The office compares them with what those bundles said: a chain cut back, edited and hashed again,
    or replaced by a restored backup no longer holds those hashes, and the office flags a rewritten history."""
    length, head_hash = audit_db.head(session.db)
    checkpoints = []
    rows = session.db.execute(
        "SELECT DISTINCT audit_length FROM bundles_sent WHERE audit_length IS NOT NULL"
        " ORDER BY audit_length DESC LIMIT ?", (CHECKPOINTS,)).fetchall()
    for (at,) in reversed(rows):
        if type(at) is int and 0 <= at <= length:
            found = audit_db.hash_at(session.db, at)
            if found is not None:
                checkpoints.append([at, found])
    return {"length": length, "head": head_hash, "checkpoints": checkpoints}
