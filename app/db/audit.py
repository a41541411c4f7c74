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
    """Appends to the chain; keeps the head in memory while a batch is written in one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._head: tuple[int, str] | None = None

    def _load_head(self) -> tuple[int, str]:
        row = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def append(self, user: str | None, action: str, entity: str | None = None, entity_id: str | None = None,
               detail: dict[str, Any] | None = None, at: str | None = None) -> str:
        """Write one row; the caller holds the transaction. Returns the row's hash."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("audit rows are written inside the transaction of the change")
        seq, prev_hash = self._load_head() if self._head is None else self._head
        seq += 1
        at = at or dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if detail else None
        digest = _digest(prev_hash, seq, at, user, action, entity, entity_id, detail_text)
        self.db.execute(
            "INSERT INTO audit (seq, at, user, action, entity, entity_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, user, action, entity, entity_id, detail_text, prev_hash, digest),
        )
        self._head = (seq, digest)
        return digest

    def forget_head(self) -> None:
        """After a rollback the cached head is stale."""
        self._head = None


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken_at: int | None  # the first row whose hash or link does not match, or None
    head: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(db: Database) -> ChainCheck:
    prev_hash, expected_seq, rows = GENESIS, 1, 0
    cursor = db.execute("SELECT seq, at, user, action, entity, entity_id, detail, prev_hash, hash FROM audit ORDER BY seq")
    for seq, at, user, action, entity, entity_id, detail, stored_prev, stored_hash in cursor:
        rows += 1
        if seq != expected_seq or stored_prev != prev_hash or _digest(
            prev_hash, seq, at, user, action, entity, entity_id, detail
        ) != stored_hash:
            return ChainCheck(rows, seq, prev_hash)
        prev_hash, expected_seq = stored_hash, seq + 1
    return ChainCheck(rows, None, prev_hash)


def recent(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    return list(db.query("SELECT seq, at, user, action, entity, entity_id, detail FROM audit ORDER BY seq DESC LIMIT ?",
                         [limit]))
