"""A new database key when someone's access must end: a user disabled, an admin made a clerk, a password that
leaked (docs/design.md, "Keys and passwords").

The database is copied page by page into a new file keyed with a new random key (SQLite's backup API, with
progress), the change that asked for it is made in the copy together with a new admin key (signed by the old
one, in the audit chain) and the users table's new signature, and the copy replaces the database; all while
the data folder is held alone (`Session.exclusive`). The new key and admin key are sealed to every remaining
user's public key, so nobody's password is needed; a new recovery code is made and shown once. The old key,
the old admin key and the old recovery code open only the backups made before.

Power cuts: the key file gets the new key group *beside* the old one before the database is replaced, and loses
the old group only after. Whatever moment the power goes, one group of the key file opens the database that is
there (login keeps it and drops the other): cut before the replace, nothing changed; after it, the change is
done. `PRAGMA rekey` would re-encrypt in place, but through the WAL, with no progress and no way back.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import UserError
from app.core.fsutil import fsync_dir
from app.db import adminkey
from app.db.audit import AuditLog
from app.db.connection import connect, copy_database, write_transaction
from app.db.keyfile import KeyFile, key_id, new_recovery_code
from app.services import workspace
from app.services.workspace import Session

log = logging.getLogger(__name__)

Change = Callable[[Database], None]  # the change that asks for a new key, made in the new database's transaction
# (after the users table was checked against its signature and put back: the change may read it)
on_step: Callable[[str], None] | None = None  # tests: told "copied", "keys_written", "replaced" (to cut there)


@dataclass(frozen=True)
class KeyChange:
    recovery_code: str  # the new recovery code: shown once, to be printed; the old one no longer opens anything new
    key_id: str
    not_sealed: tuple[str, ...]  # active users still on a version 1 wrap: they cannot log in until given a password


def _step(name: str) -> None:
    if on_step is not None:
        on_step(name)


def require_admin_key(session: Session) -> None:
    session.require("action.manage_users", "admin")
    if session.admin_key is None:
        raise UserError("users.no_admin_key")


def change_key(session: Session, reason: str, change: Change | None = None, progress=None,
               new_password: tuple[str, str] | None = None) -> KeyChange:
    """Give the database a new key (admin), making *change* in the same step. *progress(done, total)* follows the
    pages copied. Refused with a message while another window or command has the data folder open: then nothing
    changed. *new_password* (user, password): that user gets a new key pair under the password in the same step
    (a password that leaked), given back if the change does not happen."""
    require_admin_key(session)
    with session.exclusive(workspace.EXCLUSIVE_WAIT):
        return _change_key(session, reason, change, progress, new_password)


def _reseal_own_keys(db: Database, old_key: bytes, new_key: bytes) -> None:
    """The workstation's bundle keys are sealed under a key derived from the database key: seal them again."""
    from app.exchange.identity import seal_identity, unseal_identity

    row = db.execute("SELECT certificate, sealed_signing_key, sealed_encryption_key FROM own_keys WHERE id = 1"
                     ).fetchone()
    if row is None:
        return
    identity = unseal_identity({"certificate": row[0], "sealed_signing_key": row[1], "sealed_encryption_key": row[2]},
                               old_key)
    sealed = seal_identity(identity, new_key)
    db.execute("UPDATE own_keys SET sealed_signing_key = ?, sealed_encryption_key = ? WHERE id = 1",
               (sealed["sealed_signing_key"], sealed["sealed_encryption_key"]))


def _new_pair(keyfile: KeyFile, new_password: tuple[str, str], old_key: bytes, old_admin: bytes) -> dict:
    """A new key pair for the user under the new password, sealed the current key (and admin key) too, so that a
    power cut before the database is replaced leaves a user who logs in with the new password. Returns what the
    user had, to give back if the change does not happen."""
    name, password = new_password
    index = keyfile.group_of(old_key)
    before = keyfile.user_state(name)
    was_admin = keyfile.has_admin_wrap(index, name)
    keyfile.set_user_keys(name, password)
    keyfile.wrap_for(index, name, old_key)
    if was_admin:
        keyfile.wrap_admin(index, name, old_admin)
    return before


def _fsync_file(path: Path) -> None:
    with open(path, "r+b") as handle:
        os.fsync(handle.fileno())


def _change_key(session: Session, reason: str, change: Change | None, progress,
                new_password: tuple[str, str] | None = None) -> KeyChange:
    datadir = session.datadir
    old_key, old_admin = session.key, session.admin_key
    assert old_admin is not None
    new_key, new_admin, code = secrets.token_bytes(32), adminkey.new_seed(), new_recovery_code()
    new_id = key_id(new_key)
    temp = Path(tempfile.mkdtemp(dir=datadir.path, prefix=".rekey-"))
    copy = temp / "tnld.db"
    keys_written = closed = replaced = False
    user_before = None
    try:
        copy_database(session.db, copy, new_key, progress)
        _step("copied")
        db = connect(copy, new_key)
        try:
            with write_transaction(db):
                # The table as an admin signed it (a row kept there by hand is put back first): only its users
                # get the new key, and the signature covers nothing else.
                check = adminkey.verified(db, session.user)
                if change is not None:
                    change(db)
                _reseal_own_keys(db, old_key, new_key)
                adminkey.add_key(db, session.user, new_admin, old_admin)
                adminkey.sign_users(db, new_admin)
                users = db.execute("SELECT name, role FROM users WHERE active = 1 ORDER BY name").fetchall()
                AuditLog(db).append(session.user, "key_change", "key", new_id, {"reason": reason, "users": len(users)})
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        _fsync_file(copy)
        active = [name for name, _role in users]
        with KeyFile.updating(datadir.keyfile_path) as keyfile:
            if new_password is not None:
                user_before = _new_pair(keyfile, new_password, old_key, old_admin)
            not_sealed = keyfile.add_group(new_key, new_admin, adminkey.public_of(new_admin), code, users=active,
                                           admins=[name for name, role in users if role == "admin"])
        keys_written = True
        _step("keys_written")
        session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        session.db.close()
        closed = True
        for suffix in ("-wal", "-shm"):  # the old WAL belongs to the old file (checkpointed: it holds nothing)
            Path(str(datadir.db_path) + suffix).unlink(missing_ok=True)
        os.replace(copy, datadir.db_path)
        replaced = True
        session.admin_key = new_admin
        fsync_dir(datadir.path)
        _step("replaced")
        with KeyFile.updating(datadir.keyfile_path) as keyfile:
            keyfile.keep_only(keyfile.group_of(new_key))
            for name in keyfile.users():
                if name not in active:
                    keyfile.remove_user(name)
    except BaseException:
        if keys_written and not replaced:
            try:
                with KeyFile.updating(datadir.keyfile_path) as keyfile:
                    keyfile.drop_group(new_id)
                    if new_password is not None and user_before is not None:
                        keyfile.restore_user(new_password[0], user_before)  # the old password opens again
            except Exception:  # noqa: BLE001 - the next login drops it
                log.exception("could not drop the unused new key group")
        raise
    finally:
        if closed:
            session.reopen(new_key if replaced else old_key)
        shutil.rmtree(temp, ignore_errors=True)
    if check.changed:
        session.notices.append(("users.put_back", {"users": ", ".join(check.changed)}))
    log.info("gave the database a new key (%s)", reason)
    if not_sealed:
        log.warning("%d user(s) on a version 1 wrap lost access with the change of key", len(not_sealed))
    return KeyChange(code, new_id, tuple(not_sealed))
