"""The audit log (SPEC § 8): who did what and when, hash-chained so that an edit of the log is detectable.

Each row's hash is SHA-256 over the previous row's hash and the row's own fields in canonical JSON. Rows
are written by the service function that makes the change, inside its transaction (STYLE § 8). Details hold
ids and counts, never names or ID numbers. Logging (`logging`) is a different thing (STYLE § 15).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

GENESIS = "0" * 64


def _digest(prev_hash: str, seq: int, at: str, user: str | None, action: str, entity: str | None,
            entity_id: str | None, detail: str | None) -> str:
    payload = json.dumps([prev_hash, seq, at, user, action, entity, entity_id, detail], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class AuditLog:
    """Appends to the chain. The head is read inside the writer's transaction every time: another session (a
    second window, a command, a worker thread) may have appended since, and a cached head would fork the chain."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def append(self, user: str | None, action: str, entity: str | None = None, entity_id: str | None = None,
               detail: dict[str, Any] | None = None, at: str | None = None) -> str:
        """Write one row; the caller holds the (immediate) write transaction. Returns the row's hash."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("audit rows are written inside the transaction of the change")
        seq, prev_hash = head(self.db)
        seq += 1
        at = at or dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if detail else None
        digest = _digest(prev_hash, seq, at, user, action, entity, entity_id, detail_text)
        self.db.execute(
            "INSERT INTO audit (seq, at, user, action, entity, entity_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, user, action, entity, entity_id, detail_text, prev_hash, digest),
        )
        return digest


def head(db: Database) -> tuple[int, str]:
    """The chain's length and the hash of its last row (the anchor a bundle carries to the office)."""
    row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def hash_at(db: Database, length: int) -> str | None:
    """The hash of row *length* as the chain holds it now (GENESIS for 0), or None when there is no such row."""
    if length == 0:
        return GENESIS
    row = db.execute("SELECT hash FROM audit WHERE seq = ?", (length,)).fetchone()
    return row[0] if row else None


def extends(db: Database, length: int, head_hash: str) -> bool:
    """True when the chain still holds, at row *length*, the hash an earlier head gave: nothing up to that row
    was deleted, edited or recomputed since. (An intact `verify_chain` alone cannot tell a chain whose tail was
    cut off, or rewritten and hashed again, from an honest one: this anchor can.)"""
    if not isinstance(length, int) or isinstance(length, bool) or length < 0:
        return False
    if length == 0:
        return head_hash == GENESIS
    row = db.execute("SELECT hash FROM audit WHERE seq = ?", (length,)).fetchone()
    return row is not None and row[0] == head_hash


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken_at: int | None  # the first row whose hash or link does not match, or None
    head: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _as_written(seq: object, at: object, user: object, action: object, entity: object, entity_id: object,
                detail: object) -> bool:
    """True when a row's fields have the SQLite types `append` writes (a BLOB or a number put in by hand has not,
    and no hash of such a row can match)."""
    return (type(seq) is int and isinstance(at, str) and isinstance(action, str)
            and all(value is None or isinstance(value, str) for value in (user, entity, entity_id, detail)))


def verify_chain(db: Database) -> ChainCheck:
    prev_hash, expected_seq, rows = GENESIS, 1, 0
    cursor = db.execute("SELECT seq, at, user, action, entity, entity_id, detail, prev_hash, hash FROM audit ORDER BY seq")
    for seq, at, user, action, entity, entity_id, detail, stored_prev, stored_hash in cursor:
        rows += 1
        if seq != expected_seq or stored_prev != prev_hash or not _as_written(
            seq, at, user, action, entity, entity_id, detail
        ) or _digest(prev_hash, seq, at, user, action, entity, entity_id, detail) != stored_hash:
            return ChainCheck(rows, seq if type(seq) is int else expected_seq, prev_hash)
        prev_hash, expected_seq = stored_hash, seq + 1
    return ChainCheck(rows, None, prev_hash)


def _text(value: Any) -> Any:
    """A field as `append` writes it (text or NULL); a value of another type put in by hand, shown as text (a
    BLOB as SQLite writes it, x'…'), so that listing the log never fails on it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return f"x'{value.hex()}'"
    return str(value)


def recent(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    rows = db.query("SELECT seq, at, user, action, entity, entity_id, detail FROM audit ORDER BY seq DESC LIMIT ?",
                    [limit])
    return [{name: value if name == "seq" and type(value) is int else _text(value) for name, value in row.items()}
            for row in rows]
