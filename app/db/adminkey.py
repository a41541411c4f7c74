"""The admin key: only admins may change who uses the workstation (names, roles, who is active).

Every user unwraps the one database key, so anyone with a password and tools can write to any table. The users
table (name, role, active) is therefore signed with an Ed25519 key whose private half is sealed, in `keys.json`,
to each admin only. A role or an active flag changed by hand (plain SQL with the database key, without the
admin key) no longer matches the signature, and login refuses it; an admin's login puts the signed rows back.

The public half is bound into the audit chain: the first `admin_key` row (at set-up, or at the first admin login
of a folder older than this) holds it, and each later one (a change of the database key makes a new admin key
too) holds the new public key signed by the previous private key. Replacing the admin key by hand therefore
means rewriting the audit chain from its first `admin_key` row on, which `audit verify` does not see if every
hash is recomputed, but the anchor (the chain's head and length, sent with each bundle to the office) does.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlite_utils import Database

from app.core.errors import UserError
from app.db.audit import AuditLog

log = logging.getLogger(__name__)

ACTION = "admin_key"
META = "users_signed"
PUT_BACK = "users_put_back"


def new_seed() -> bytes:
    return os.urandom(32)


def public_of(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()


def _succession(previous: bytes, new: bytes) -> bytes:
    return b"tnld-admin-key/1\n" + previous + new


def _users_message(public: bytes, rows: list[list]) -> bytes:
    body = json.dumps({"admin_key": public.hex(), "users": rows}, ensure_ascii=False, separators=(",", ":"))
    return b"tnld-users/1\n" + body.encode("utf-8")


def users_rows(db: Database) -> list[list]:
    """The users table as signed: [name, role, active] by name (rows of other SQLite types left out: they then
    differ from the signature, and are put back)."""
    table, _odd = _table(db)
    return [[name, value[0], int(value[1])] for name, value in sorted(table.items()) if value is not None]


def _display(name: object) -> str:
    """A name stored with another SQLite type (a BLOB written by hand), as the message names it."""
    if isinstance(name, bytes):
        return name.decode("utf-8", "replace")
    return str(name)


def _table(db: Database) -> tuple[dict[str, tuple[str, bool] | None], tuple]:
    """The users table as name → (role, active), and the names stored as another SQLite type than text (rows TNLĐ
    cannot have written: they are deleted when the table is put back). A row whose role or active flag is of
    another type maps to None (it differs from any signed row)."""
    table: dict[str, tuple[str, bool] | None] = {}
    odd = []
    for name, role, active in db.execute("SELECT name, role, active FROM users").fetchall():
        if not isinstance(name, str):
            odd.append(name)
        elif isinstance(role, str) and type(active) is int and active in (0, 1):
            table[name] = (role, bool(active))
        else:
            table[name] = None
    return table, tuple(odd)


def current_public(db: Database) -> bytes | None:
    """The admin key's public half now in force, following its chain of `admin_key` audit rows; None for a folder
    that has none yet. A broken link (a row added by hand) refuses."""
    public = None
    for _seq, detail in db.execute(f"SELECT seq, detail FROM audit WHERE action = '{ACTION}' ORDER BY seq"):
        try:
            fields = json.loads(detail)
            new = bytes.fromhex(fields["public"])
            Ed25519PublicKey.from_public_bytes(new)
            if public is not None:
                Ed25519PublicKey.from_public_bytes(public).verify(bytes.fromhex(fields["signature"]),
                                                                  _succession(public, new))
        except (InvalidSignature, KeyError, TypeError, ValueError, RecursionError):
            raise UserError("users.signature_broken") from None
        public = new
    return public


def add_key(db: Database, user: str, seed: bytes, previous_seed: bytes | None = None) -> None:
    """Record *seed*'s public half in the audit chain (signed by the previous admin key, if any). The caller holds
    the write transaction."""
    public = public_of(seed)
    detail = {"public": public.hex()}
    if previous_seed is not None:
        signature = Ed25519PrivateKey.from_private_bytes(previous_seed).sign(_succession(public_of(previous_seed),
                                                                                         public))
        detail["signature"] = signature.hex()
    AuditLog(db).append(user, ACTION, "key", public.hex()[:16], detail)


def sign_users(db: Database, seed: bytes) -> None:
    """Sign the users table as it is now; the caller holds the write transaction of the change."""
    rows = users_rows(db)
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(_users_message(public_of(seed), rows))
    value = json.dumps({"users": rows, "signature": signature.hex()}, ensure_ascii=False)
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               (META, value))


@dataclass(frozen=True)
class UsersCheck:
    public: bytes | None  # the admin key in force; None in a folder older than the admin key (table unsigned)
    signed: dict[str, tuple[str, bool]]  # name → (role, active) as an admin signed it (the table, when unsigned)
    changed: list[str]  # users whose row in the table differs from the signed one (odd names too, as text)
    odd: tuple = field(default=())  # names stored as another SQLite type than text (rows written by hand)

    def role_of(self, user: str) -> tuple[str, bool] | None:
        return self.signed.get(user)


def check_users(db: Database) -> UsersCheck:
    """Compare the users table with its signature. Refuses (`users.signature_broken`) when the signature or the
    admin key's chain does not hold; lists the users whose rows were changed when it does."""
    public = current_public(db)
    table, odd = _table(db)
    if public is None:  # nothing to compare with: the table's well-formed rows
        return UsersCheck(None, {name: value for name, value in table.items() if value is not None}, [])
    row = db.execute("SELECT value FROM meta WHERE key = ?", (META,)).fetchone()
    try:
        stored = json.loads(row[0])
        rows = stored["users"]
        Ed25519PublicKey.from_public_bytes(public).verify(bytes.fromhex(stored["signature"]),
                                                          _users_message(public, rows))
        signed = {str(name): (str(role), bool(active)) for name, role, active in rows}
    except (InvalidSignature, KeyError, TypeError, ValueError, RecursionError):
        raise UserError("users.signature_broken") from None
    changed = {name for name in set(signed) | set(table) if signed.get(name) != table.get(name)}
    return UsersCheck(public, signed, sorted(changed | {_display(name) for name in odd}), odd)


def put_back(db: Database, check: UsersCheck) -> None:
    """Make the users table what the admin signed again (an admin's login after a change by hand). The caller
    holds the write transaction."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for name in check.odd:
        db.execute("DELETE FROM users WHERE name IS ?", (name,))
    for name in check.changed:
        if name not in check.signed:
            db.execute("DELETE FROM users WHERE name = ?", (name,))
            continue
        role, active = check.signed[name]
        db.execute("INSERT INTO users (name, role, full_name, active, created_at) VALUES (?, ?, NULL, ?, ?)"
                   " ON CONFLICT (name) DO UPDATE SET role = excluded.role, active = excluded.active",
                   (name, role, int(active), now))


def verified(db: Database, user: str) -> UsersCheck:
    """The users table as an admin last signed it, put back first (audited) when it was changed by hand: what a
    service that signs the table or seals keys to users must start from. Call it *inside* the write transaction
    of the change (it holds SQLite's write lock: no row can slip in between the check and the signature), as an
    admin; refuses when the signature does not hold."""
    if not db.conn.in_transaction:
        raise RuntimeError("the users table is checked inside the transaction of the change")
    check = check_users(db)
    if check.changed:
        put_back(db, check)
        AuditLog(db).append(user, PUT_BACK, "user", None, {"users": check.changed})
        log.warning("the users table was changed outside TNLĐ; the signed rows were put back")
    return check
