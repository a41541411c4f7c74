"""Users of a workstation and their roles (SPEC § 2): admin (users, keys, settings), clerk (enters, edits,
exports), viewer (reads, prints). Every workstation keeps at least one active admin.

Only an admin changes the users table, and each change is signed with the admin key (`app.db.adminkey`), which
login checks. Taking someone's access away (disabling them, making an admin a clerk or viewer, a password that
leaked) gives the database a new key (`app.services.key_change`): their password and an old copy of `keys.json`
no longer open it. A disabled user comes back only with a new password that an admin sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.core.errors import UserError
from app.db import adminkey
from app.db.accident_store import utc_now
from app.db.audit import AuditLog
from app.db.keyfile import KeyFile, WrongSecret
from app.services.key_change import KeyChange, change_key, require_admin_key
from app.services.workspace import USER_ROLES, Session, check_password, check_user_name


@dataclass(frozen=True)
class User:
    name: str
    role: str
    active: bool
    created_at: str


def list_users(session: Session) -> list[User]:
    return [User(r["name"], r["role"], bool(r["active"]), r["created_at"])
            for r in session.db.query("SELECT name, role, active, created_at FROM users ORDER BY name")]


def _give_keys(session: Session, name: str, role: str, password: str) -> None:
    """A new key pair for *name* under *password*, and the database key (and the admin key, for an admin)
    sealed to it."""
    with KeyFile.updating(session.datadir.keyfile_path) as keyfile:
        index = keyfile.group_of(session.key)
        keyfile.set_user_keys(name, password)
        keyfile.wrap_for(index, name, session.key)
        if role == "admin" and session.admin_key is not None:
            keyfile.wrap_admin(index, name, session.admin_key)


def add_user(session: Session, name: str, role: str, password: str) -> User:
    require_admin_key(session)
    check_user_name(name)
    if role not in USER_ROLES:
        raise UserError("user.role", value=role)
    check_password(password, name, session.unit_name)
    if session.db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise UserError("user.exists", user=name)
    now = utc_now()
    with session.transaction():
        session.db["users"].insert({"name": name, "role": role, "full_name": None, "active": 1, "created_at": now})
        session.audit.append(session.user, "user_add", "user", name, {"role": role})
        adminkey.sign_users(session.db, session.admin_key)
    _give_keys(session, name, role, password)
    return User(name, role, True, now)


def set_role(session: Session, name: str, role: str | None = None, active: bool | None = None,
             progress=None) -> KeyChange | None:
    """Change *name*'s role or disable them (admin). Disabling someone, or making an admin a clerk or viewer,
    gives the database a new key (returned: its recovery code must be shown); otherwise None."""
    require_admin_key(session)
    row = session.db.execute("SELECT role, active FROM users WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError("user.unknown", user=name)
    if role is not None and role not in USER_ROLES:
        raise UserError("user.role", value=role)
    new_role = role or row[0]
    new_active = row[1] if active is None else int(active)
    if new_active and not row[1]:
        raise UserError("user.enable_needs_password", user=name)
    if row[0] == "admin" and (new_role != "admin" or not new_active):
        admins = session.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]
        if admins <= 1:
            raise UserError("user.last_admin", user=name)
    if name == session.user and (new_role, new_active) != (row[0], row[1]):
        raise UserError("user.self", user=name)

    def apply(db: Database) -> None:
        db.execute("UPDATE users SET role = ?, active = ? WHERE name = ?", (new_role, new_active, name))
        AuditLog(db).append(session.user, "user_change", "user", name, {"role": new_role, "active": bool(new_active)})

    if (row[1] and not new_active) or (row[0] == "admin" and new_role != "admin"):
        return change_key(session, "user_disabled" if not new_active else "admin_demoted", apply, progress)
    with session.transaction():
        apply(session.db)
        adminkey.sign_users(session.db, session.admin_key)
    if new_role == "admin" and row[0] != "admin" and session.admin_key is not None:
        with KeyFile.updating(session.datadir.keyfile_path) as keyfile:
            if keyfile.public_key(name) is not None:  # else at an admin's login after theirs
                keyfile.wrap_admin(keyfile.group_of(session.key), name, session.admin_key)
    return None


def disable_user(session: Session, name: str, progress=None) -> KeyChange:
    """Take *name*'s access away: disabled in the users table, and a new database key that is not sealed to them."""
    row = session.db.execute("SELECT active FROM users WHERE name = ?", (name,)).fetchone()
    if row is not None and not row[0]:
        require_admin_key(session)
        raise UserError("user.already_disabled", user=name)
    result = set_role(session, name, active=False, progress=progress)
    assert result is not None
    return result


def enable_user(session: Session, name: str, password: str) -> None:
    """Let a disabled user in again (admin), with a new password the admin sets: their old wraps are gone."""
    require_admin_key(session)
    row = session.db.execute("SELECT role, active FROM users WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError("user.unknown", user=name)
    if row[1]:
        raise UserError("user.already_active", user=name)
    check_password(password, name, session.unit_name)
    with session.transaction():
        session.db.execute("UPDATE users SET active = 1 WHERE name = ?", (name,))
        session.audit.append(session.user, "user_change", "user", name, {"role": row[0], "active": True})
        adminkey.sign_users(session.db, session.admin_key)
    _give_keys(session, name, row[0], password)


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password (their key pair stays; it is sealed again)."""
    check_password(new_password, session.user, session.unit_name)
    keyfile = session.datadir.keyfile()
    try:
        opened = keyfile.open_user(session.user, old_password)
    except WrongSecret:
        raise UserError("login.failed") from None
    with session.transaction():
        session.audit.append(session.user, "password_change", "user", session.user)
    if opened.private is None:  # still on a version 1 wrap (login gives a key pair; this is the fallback)
        _give_keys(session, session.user, session.user_role, new_password)
        return
    with KeyFile.updating(session.datadir.keyfile_path) as keyfile:
        keyfile.reseal_private(session.user, opened.private, new_password)


def reset_password(session: Session, name: str, new_password: str, leaked: bool = False,
                   progress=None) -> KeyChange | None:
    """An admin sets a new password for another user. When the old one may be known to someone else (*leaked*),
    the database also gets a new key (returned), so that the old password and a copy of `keys.json` open
    nothing new."""
    require_admin_key(session)
    check_password(new_password, name, session.unit_name)
    row = session.db.execute("SELECT role FROM users WHERE name = ? AND active = 1", (name,)).fetchone()
    if row is None:
        raise UserError("user.unknown", user=name)
    with session.transaction():
        session.audit.append(session.user, "password_reset", "user", name, {"leaked": leaked})
    _give_keys(session, name, row[0], new_password)
    if leaked:
        return change_key(session, "password_leaked", None, progress)
    return None


def new_key(session: Session, progress=None) -> KeyChange:
    """Give the database a new key and print a new recovery code, on an admin's request (a recovery code sheet
    lost, a password that leaked, or a folder set up before the admin key existed)."""
    return change_key(session, "requested", None, progress)
