"""Schema migrations, named steps in sqlite-utils' `Migrations` (STYLE § 7).

Before pending steps run on a database that already has data, the file is copied into `backups/`. A database
that records a step this program does not know was written by a newer version: it is refused, not touched.
A new step is a new function at the end; an applied step is never edited.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app.core.errors import UserError
from app.db.connection import copy_database

log = logging.getLogger(__name__)

migrations = Migrations("tnld")


@migrations()
def m0001_initial(db: Database) -> None:
    statements = [
        # Facts about this workstation (role, unit, names); authoritative over keys.json.
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Settings as JSON values (signer's name, due dates…).
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'viewer')),
            full_name TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        )""",
        # Every version of every record, as saved: the history. Never updated, never deleted.
        # A rowid table: its rows (about 1 KB of JSON) are too large for WITHOUT ROWID, which would spill each
        # one into an overflow page of its own (4.6 KB a record instead of 1.1 KB, measured).
        """CREATE TABLE accident_versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            unit TEXT NOT NULL,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            author TEXT,
            origin TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (id, version)
        )""",
        # The newest version of each record, with the columns lists, filters and reports need.
        """CREATE TABLE accidents (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            unit TEXT NOT NULL,
            occurred_on TEXT NOT NULL,
            status TEXT NOT NULL,
            village TEXT,
            factor TEXT,
            cause TEXT,
            commuting INTEGER NOT NULL DEFAULT 0,
            victims INTEGER NOT NULL,
            deaths INTEGER NOT NULL,
            serious INTEGER NOT NULL,
            women INTEGER NOT NULL,
            minors INTEGER NOT NULL,
            elderly INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            declared_on TEXT,
            record_ref TEXT,
            first_victim TEXT,
            search TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            FOREIGN KEY (id, version) REFERENCES accident_versions (id, version)
        )""",
        "CREATE INDEX accidents_occurred ON accidents (occurred_on)",
        "CREATE INDEX accidents_unit_occurred ON accidents (unit, occurred_on)",
        # Victims of the newest versions: for duplicates and reports.
        """CREATE TABLE victims (
            accident_id TEXT NOT NULL REFERENCES accidents (id),
            n INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_folded TEXT NOT NULL,
            sex TEXT,
            birth_year INTEGER,
            id_number TEXT,
            severity TEXT NOT NULL,
            occupation TEXT,
            PRIMARY KEY (accident_id, n)
        ) WITHOUT ROWID""",
        "CREATE INDEX victims_id_number ON victims (id_number) WHERE id_number IS NOT NULL",
        "CREATE INDEX victims_name ON victims (name_folded)",
        # Search over the folded text (trigram: any part of a word matches).
        "CREATE VIRTUAL TABLE accident_fts USING fts5(search, content='', contentless_delete=1, tokenize='trigram')",
        # The audit log: hash-chained, append-only.
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT,
            action TEXT NOT NULL,
            entity TEXT,
            entity_id TEXT,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
    ]
    for statement in statements:
        db.execute(statement)


@migrations()
def m0002_list_index_and_word_search(db: Database) -> None:
    """Measured on 100,000 records: listing in date order went through the date index with a table lookup per
    row (1.4 s); a covering index answers order, status filter and ids alone. Search terms of one or two letters
    ("Vi", "Ma", "Hà" are surnames) scanned every row; a word index with prefix indexes answers them."""
    db.execute("DROP INDEX IF EXISTS accidents_occurred")
    db.execute("CREATE INDEX accidents_list ON accidents (occurred_on, rid, status, id)")
    db.execute(
        "CREATE VIRTUAL TABLE accident_words USING fts5(search, content='', contentless_delete=1,"
        " tokenize='unicode61', prefix='1 2')"
    )
    db.execute("INSERT INTO accident_words (rowid, search) SELECT rid, search FROM accidents")


@migrations()
def m0003_bundles(db: Database) -> None:
    """Keys, the registry of trusted cards, bundles sent and received, receipts, conflicts, duplicate decisions
    (SPEC § 5). See docs/bundle-format.md."""
    statements = [
        # This workstation's own keys: one row. The private keys are sealed with a key derived from the database
        # key (ChaCha20-Poly1305), inside the encrypted database.
        """CREATE TABLE own_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            created_at TEXT NOT NULL,
            certificate TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            sealed_signing_key TEXT NOT NULL,
            sealed_encryption_key TEXT NOT NULL
        )""",
        # Key cards this workstation trusts. One active card per identity (a commune code, or an office's
        # province code and folded name); a replaced card stays, with replaced_at set, so old bundles still verify
        # as "signed by a replaced key".
        """CREATE TABLE trusted_keys (
            fingerprint TEXT PRIMARY KEY,
            identity TEXT NOT NULL,
            role TEXT NOT NULL,
            unit TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            certificate TEXT NOT NULL,
            trusted_at TEXT NOT NULL,
            trusted_by TEXT NOT NULL,
            replaced_at TEXT
        )""",
        "CREATE UNIQUE INDEX trusted_keys_active ON trusted_keys (identity) WHERE replaced_at IS NULL",
        # Bundles this workstation made: the sequence and the hash chain.
        """CREATE TABLE bundles_sent (
            sequence INTEGER PRIMARY KEY,
            bundle_id TEXT NOT NULL UNIQUE,
            bundle_hash TEXT NOT NULL,
            period TEXT NOT NULL,
            created_at TEXT NOT NULL,
            records INTEGER NOT NULL,
            recipient TEXT,
            file_name TEXT NOT NULL,
            made_by TEXT NOT NULL
        )""",
        # Which version of which record went in which bundle, and whether a receipt acknowledged it.
        """CREATE TABLE sent_records (
            accident_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            bundle_id TEXT NOT NULL REFERENCES bundles_sent (bundle_id),
            delivered_at TEXT,
            PRIMARY KEY (accident_id, version, bundle_id)
        ) WITHOUT ROWID""",
        # Bundles imported here (office) and receipts imported here.
        """CREATE TABLE bundles_received (
            bundle_id TEXT PRIMARY KEY,
            bundle_hash TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            unit TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            signer TEXT NOT NULL,
            period TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            previous_hash TEXT,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            nil INTEGER NOT NULL,
            records INTEGER NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            older INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            contains TEXT,
            file_name TEXT NOT NULL
        )""",
        "CREATE INDEX bundles_received_unit ON bundles_received (unit, period)",
        # A record that arrived with the version the office already holds but other content: shown, never
        # resolved silently. The newest stored version stays in force until the commune sends a newer one.
        """CREATE TABLE conflicts (
            accident_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            bundle_id TEXT NOT NULL,
            unit TEXT NOT NULL,
            data TEXT NOT NULL,
            found_at TEXT NOT NULL,
            PRIMARY KEY (accident_id, version, bundle_id)
        )""",
        # The office's decisions on candidate duplicate victims ('ACCIDENT_ID/N', a < b).
        """CREATE TABLE duplicate_decisions (
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('same', 'different')),
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            PRIMARY KEY (a, b),
            CHECK (a < b)
        ) WITHOUT ROWID""",
    ]
    for statement in statements:
        db.execute(statement)


@migrations()
def m0004_victim_damage(db: Database) -> None:
    """Days off and costs per victim beside the counts, so the periodic report aggregates from columns alone."""
    db.execute("ALTER TABLE victims ADD COLUMN days_off INTEGER")
    db.execute("ALTER TABLE victims ADD COLUMN cost_kvnd REAL")
    db.execute(
        "UPDATE victims SET"
        " days_off = (SELECT json_extract(v.data, '$.victims[' || (victims.n - 1) || '].days_off')"
        "   FROM accidents a JOIN accident_versions v ON v.id = a.id AND v.version = a.version"
        "   WHERE a.id = victims.accident_id),"
        " cost_kvnd = (SELECT json_extract(v.data, '$.victims[' || (victims.n - 1) || '].cost_kvnd')"
        "   FROM accidents a JOIN accident_versions v ON v.id = a.id AND v.version = a.version"
        "   WHERE a.id = victims.accident_id)"
    )


@migrations()
def m0005_incidents(db: Database) -> None:
    """Serious technical incidents (SPEC § 3, the second record type): every version, and the newest with the
    columns the list and the periodic report's Part III need. Their victims are accidents, linked by id."""
    statements = [
        """CREATE TABLE incident_versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            unit TEXT NOT NULL,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            author TEXT,
            origin TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (id, version)
        )""",
        """CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            unit TEXT NOT NULL,
            occurred_on TEXT NOT NULL,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            FOREIGN KEY (id, version) REFERENCES incident_versions (id, version)
        )""",
        "CREATE INDEX incidents_unit_occurred ON incidents (unit, occurred_on)",
    ]
    for statement in statements:
        db.execute(statement)



@migrations()
def m0006_admin_key_rows(db: Database) -> None:
    """The admin key's audit rows, found at every login without reading the whole log (`app.db.adminkey`)."""
    db.execute("CREATE INDEX audit_admin_key ON audit (seq) WHERE action = 'admin_key'")


@migrations()
def m0007_bundle_format_3(db: Database) -> None:
    """Bundle format 3 (docs/bundle-format.md): the office's own receipt date, the sender's audit anchor, the
    office a bundle was encrypted to, and the flags an office settles (a reused sequence number, a broken
    `previous_hash` chain, a rewritten audit history)."""
    statements = [
        # The calendar day (Vietnam) the office received the bundle: the import's day, or the day a person gives
        # for a stick delivered earlier. "On time" is judged by it, never by the sender's clock.
        "ALTER TABLE bundles_received ADD COLUMN received_on TEXT",
        "UPDATE bundles_received SET received_on = date(imported_at, '+7 hours')",
        "ALTER TABLE bundles_received ADD COLUMN format_version INTEGER",
        "ALTER TABLE bundles_received ADD COLUMN encrypted INTEGER",
        "ALTER TABLE bundles_received ADD COLUMN audit_length INTEGER",
        "ALTER TABLE bundles_received ADD COLUMN audit_head TEXT",
        "ALTER TABLE bundles_received ADD COLUMN audit_checkpoints TEXT",
        "CREATE INDEX bundles_received_signer ON bundles_received (signer, sequence)",
        "ALTER TABLE bundles_sent ADD COLUMN recipient_fingerprint TEXT",
        "ALTER TABLE bundles_sent ADD COLUMN audit_length INTEGER",
        "ALTER TABLE bundles_sent ADD COLUMN audit_head TEXT",
        # Something wrong with a sender's chain of bundles, for a person at the office to look into and settle.
        """CREATE TABLE bundle_flags (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('sequence_reused', 'chain_broken', 'history_rewritten')),
            bundle_id TEXT NOT NULL,
            other_bundle_id TEXT,
            unit TEXT NOT NULL,
            signer TEXT NOT NULL,
            detail TEXT,
            found_at TEXT NOT NULL,
            settled_at TEXT,
            settled_by TEXT,
            settled_note TEXT,
            UNIQUE (kind, bundle_id, other_bundle_id)
        )""",
    ]
    for statement in statements:
        db.execute(statement)


@migrations()
def m0008_at_employer_premises(db: Database) -> None:
    """The accident happened at a place under an employer's management (1), not (0), or not known (NULL): the
    sub-columns of the periodic report (Phụ lục XVI) count from this column. Back-filled from the newest
    version's JSON (a record saved before the field existed has none: unknown)."""
    db.execute("ALTER TABLE accidents ADD COLUMN at_employer_premises INTEGER")
    db.execute(
        "UPDATE accidents SET at_employer_premises = (SELECT CASE json_type(v.data, '$.at_employer_premises')"
        "   WHEN 'true' THEN 1 WHEN 'false' THEN 0 END"
        "   FROM accident_versions v WHERE v.id = accidents.id AND v.version = accidents.version)"
    )


@migrations()
def m0009_drafts(db: Database) -> None:
    """Drafts of the desktop form (`app.services.drafts`): what an open form holds, written as the user types so a
    power cut loses at most the field being typed. One row per open form, per user; not a record (never sent,
    never audited); deleted when the form is saved or its changes dropped. Encrypted at rest as the whole file."""
    db.execute(
        """CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            user TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            accident_id TEXT,
            editing INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX drafts_user ON drafts (user, saved_at)")


@migrations()
def m0010_village_index(db: Database) -> None:
    """The main window's village filter lists the distinct villages when it opens: without an index that read
    every page of a 100,000-accident table (0.2 s, and 40 MB of page cache that stayed for the session)."""
    db.execute("CREATE INDEX accidents_village ON accidents (village)")


def known_names() -> list[str]:
    return [migration.name for migration in migrations._migrations]


def needs_migration(db: Database) -> bool:
    """True when a step is pending (the caller then takes the folder's exclusive lock before migrating), or when
    the database names a step this program does not know (`migrate` then refuses it)."""
    applied = {migration.name for migration in migrations.applied(db)}
    return bool(migrations.pending(db)) or not applied <= set(known_names())


def migrate(db: Database, db_path: Path, backup_dir: Path, key: bytes) -> list[str]:
    """Apply pending steps; return their names. Refuses a database written by a newer version."""
    applied = [migration.name for migration in migrations.applied(db)]
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise UserError("db.newer", names=", ".join(unknown))
    pending = [migration.name for migration in migrations.pending(db)]
    if not pending:
        return []
    if applied:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_dir.mkdir(parents=True, exist_ok=True)
        copy = backup_dir / f"before-{pending[0]}-{stamp}.db"
        copy_database(db, copy, key)
        log.info("copied the database to %s before migrating", copy.name)
    migrations.apply(db)
    return pending
