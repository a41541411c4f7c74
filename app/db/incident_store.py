"""Reading and writing serious technical incidents (SPEC § 3, the second record type) in the encrypted database.

Like accidents: every save adds a row to `incident_versions` (the history, never changed) and makes the newest
version the row of `incidents`. Incidents are few (a commune sees one every few years), so there is no search
index. Callers hold the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlite_utils import Database

from app.core.periods import Period
from app.db.accident_store import stored_json


class IncidentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self, incident_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT v.data FROM incidents i JOIN incident_versions v ON v.id = i.id AND v.version = i.version"
            " WHERE i.id = ?", (incident_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def history(self, incident_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT data FROM incident_versions WHERE id = ? ORDER BY version", (incident_id,))
        return [json.loads(row[0]) for row in rows]

    def records(self, period: Period | None = None, units: tuple[str, ...] = (), include_void: bool = False
                ) -> Iterator[dict[str, Any]]:
        """The newest versions, oldest incident first."""
        clauses, params = ["1"], []
        if not include_void:
            clauses.append("i.status != 'void'")
        if period is not None:
            clauses.append("i.occurred_on BETWEEN ? AND ?")
            params += [period.start.isoformat(), period.end.isoformat()]
        if units:
            clauses.append(f"i.unit IN ({','.join('?' * len(units))})")
            params += list(units)
        cursor = self.db.execute(
            "SELECT v.data FROM incidents i JOIN incident_versions v ON v.id = i.id AND v.version = i.version"
            f" WHERE {' AND '.join(clauses)} ORDER BY i.occurred_on, i.id", params)
        for (data,) in cursor:
            yield json.loads(data)

    def versions(self, ids: list[str]) -> dict[str, int]:
        """The newest version held of each of *ids* that is known here."""
        held: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            held.update(self.db.execute(
                f"SELECT id, version FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return held

    def stored_version(self, incident_id: str, version: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM incident_versions WHERE id = ? AND version = ?",
                              (incident_id, version)).fetchone()
        return json.loads(row[0]) if row else None

    def write_many(self, incidents: list[Mapping[str, Any]], origin: str) -> None:
        """Store each incident (managed fields set) as its version; the newest becomes the current row."""
        if not incidents:
            return
        held = self.versions([incident["id"] for incident in incidents])
        conn = self.db.conn
        conn.executemany(
            "INSERT INTO incident_versions (id, version, unit, status, updated_at, author, origin, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(i["id"], i["version"], i["unit"], i["status"], i["updated_at"], i.get("author"), origin, stored_json(i))
             for i in incidents])
        for incident in incidents:
            if held.get(incident["id"], 0) >= incident["version"]:
                continue  # an older version arriving late: history only
            conn.execute(
                "INSERT INTO incidents (id, version, unit, occurred_on, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET version = excluded.version, unit = excluded.unit,"
                " occurred_on = excluded.occurred_on, status = excluded.status, updated_at = excluded.updated_at",
                (incident["id"], incident["version"], incident["unit"], incident["occurred_on"], incident["status"],
                 incident["updated_at"]))
            held[incident["id"]] = incident["version"]
