"""Users of a workstation and their roles (SPEC § 2): admin (users, keys, settings), clerk (enters, edits,
exports), viewer (reads, prints). Every workstation keeps at least one active admin.

Only an admin changes the users table, and each change is signed with the admin key (`app.db.adminkey`), which
login checks. Taking someone's access away (disabling them, making an admin a clerk or viewer, a password that
leaked) gives the database a new key (`app.services.key_change`): their password and an old copy of `keys.json`
no longer open it. A disabled user comes back only with a new password that an admin sets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
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
    # Rows of another SQLite type (written by hand since the admin's login put the table back) are no users.
    return [User(r["name"], r["role"], bool(r["active"]), str(r["created_at"]))
            for r in session.db.query("SELECT name, role, active, created_at FROM users WHERE typeof(name) = 'text'"
                                      " AND typeof(role) = 'text' ORDER BY name")]


def _keys_first(session: Session, name: str, seal: Callable[[KeyFile, int], None]):
    """Seal keys for *name* in `keys.json` first (*seal(keyfile, group index)*), then run the block (the
    database's transaction); when the block fails (a full disk, a refusal), `keys.json` is put back as it was.
    All or nothing: never a user in the table without keys, or keys that the table does not know."""
    def change(keyfile: KeyFile) -> None:
        seal(keyfile, keyfile.group_of(session.key))

    return KeyFile.changed_before(session.datadir.keyfile_path, change)


def _new_keys(session: Session, name: str, role: str, password: str) -> Callable[[KeyFile, int], None]:
    """A new key pair for *name* under *password*, and the database key (and the admin key, for an admin)
    sealed to it."""
    def seal(keyfile: KeyFile, index: int) -> None:
        keyfile.set_user_keys(name, password)
        keyfile.wrap_for(index, name, session.key)
        if role == "admin" and session.admin_key is not None:
            keyfile.wrap_admin(index, name, session.admin_key)
    return seal


def _notice_put_back(session: Session, check: adminkey.UsersCheck) -> None:
    if check.changed:
        session.notices.append(("users.put_back", {"users": ", ".join(check.changed)}))


def _signed(session: Session) -> dict[str, tuple[str, bool]]:
    """The users as an admin last signed them (a row changed by hand does not count): what a service checks its
    request against, before its transaction puts the table back to it."""
    return adminkey.check_users(session.db).signed


def add_user(session: Session, name: str, role: str, password: str) -> User:
    require_admin_key(session)
    check_user_name(name)
    if role not in USER_ROLES:
        raise UserError("user.role", value=role)
    check_password(password, name, session.unit_name)
    if name in _signed(session):
        raise UserError("user.exists", user=name)
    now = utc_now()
    with _keys_first(session, name, _new_keys(session, name, role, password)), session.transaction():
        check = adminkey.verified(session.db, session.user)
        if name in check.signed:
            raise UserError("user.exists", user=name)
        session.db["users"].insert({"name": name, "role": role, "full_name": None, "active": 1, "created_at": now})
        session.audit.append(session.user, "user_add", "user", name, {"role": role})
        adminkey.sign_users(session.db, session.admin_key)
    _notice_put_back(session, check)
    return User(name, role, True, now)


def _plan(signed: dict[str, tuple[str, bool]], session: Session, name: str, role: str | None,
          active: bool | None) -> tuple[str, int, str, int]:
    """The user's role and active flag before and after the change; refuses what may not be done."""
    if name not in signed:
        raise UserError("user.unknown", user=name)
    if role is not None and role not in USER_ROLES:
        raise UserError("user.role", value=role)
    old_role, old_active = signed[name][0], int(signed[name][1])
    new_role = role or old_role
    new_active = old_active if active is None else int(active)
    if new_active and not old_active:
        raise UserError("user.enable_needs_password", user=name)
    if old_role == "admin" and (new_role != "admin" or not new_active):
        admins = sum(1 for user_role, user_active in signed.values() if user_role == "admin" and user_active)
        if admins <= 1:
            raise UserError("user.last_admin", user=name)
    if name == session.user and (new_role, new_active) != (old_role, old_active):
        raise UserError("user.self", user=name)
    return old_role, old_active, new_role, new_active


def set_role(session: Session, name: str, role: str | None = None, active: bool | None = None,
             progress=None) -> KeyChange | None:
    """Change *name*'s role or disable them (admin). Disabling someone, or making an admin a clerk or viewer,
    gives the database a new key (returned: its recovery code must be shown); otherwise None."""
    require_admin_key(session)
    old_role, old_active, new_role, new_active = _plan(_signed(session), session, name, role, active)

    def apply(db: Database) -> None:
        db.execute("UPDATE users SET role = ?, active = ? WHERE name = ?", (new_role, new_active, name))
        AuditLog(db).append(session.user, "user_change", "user", name, {"role": new_role, "active": bool(new_active)})

    if (old_active and not new_active) or (old_role == "admin" and new_role != "admin"):
        return change_key(session, "user_disabled" if not new_active else "admin_demoted", apply, progress)

    def seal_admin_key(keyfile: KeyFile, index: int) -> None:
        if keyfile.public_key(name) is not None:  # else at an admin's login after theirs
            keyfile.wrap_admin(index, name, session.admin_key)

    promoted = new_role == "admin" and old_role != "admin"
    keys = _keys_first(session, name, seal_admin_key) if promoted else contextlib.nullcontext()
    with keys, session.transaction():
        check = adminkey.verified(session.db, session.user)
        apply(session.db)
        adminkey.sign_users(session.db, session.admin_key)
    _notice_put_back(session, check)
    return None


def disable_user(session: Session, name: str, progress=None) -> KeyChange:
    """Take *name*'s access away: disabled in the users table, and a new database key that is not sealed to them."""
    require_admin_key(session)
    entry = _signed(session).get(name)
    if entry is not None and not entry[1]:
        raise UserError("user.already_disabled", user=name)
    result = set_role(session, name, active=False, progress=progress)
    assert result is not None
    return result


def enable_user(session: Session, name: str, password: str) -> None:
    """Let a disabled user in again (admin), with a new password the admin sets: their old wraps are gone."""
    require_admin_key(session)
    entry = _signed(session).get(name)
    if entry is None:
        raise UserError("user.unknown", user=name)
    if entry[1]:
        raise UserError("user.already_active", user=name)
    role = entry[0]
    check_password(password, name, session.unit_name)
    with _keys_first(session, name, _new_keys(session, name, role, password)), session.transaction():
        check = adminkey.verified(session.db, session.user)
        if check.signed.get(name) != (role, False):
            raise UserError("user.already_active", user=name)  # another admin enabled them meanwhile
        session.db.execute("UPDATE users SET active = 1 WHERE name = ?", (name,))
        session.audit.append(session.user, "user_change", "user", name, {"role": role, "active": True})
        adminkey.sign_users(session.db, session.admin_key)
    _notice_put_back(session, check)


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password (their key pair stays; it is sealed again)."""
    check_password(new_password, session.user, session.unit_name)
    keyfile = session.datadir.keyfile()
    try:
        opened = keyfile.open_user(session.user, old_password)
    except WrongSecret:
        raise UserError("login.failed") from None
    if opened.private is None:  # still on a version 1 wrap (login gives a key pair; this is the fallback)
        seal = _new_keys(session, session.user, session.user_role, new_password)
    else:
        def seal(keyfile: KeyFile, _index: int) -> None:
            keyfile.reseal_private(session.user, opened.private, new_password)
    with _keys_first(session, session.user, seal), session.transaction():
        session.audit.append(session.user, "password_change", "user", session.user)


def reset_password(session: Session, name: str, new_password: str, leaked: bool = False,
                   progress=None) -> KeyChange | None:
    """An admin sets a new password for another user. When the old one may be known to someone else (*leaked*),
    the database also gets a new key (returned), so that the old password and a copy of `keys.json` open
    nothing new: the new password and the new key come in one step, which needs the data folder alone (refused
    while another window or command has it open, and then nothing changed)."""
    require_admin_key(session)
    check_password(new_password, name, session.unit_name)
    entry = _signed(session).get(name)
    if entry is None or not entry[1]:
        raise UserError("user.unknown", user=name)

    def audit(db: Database) -> None:
        if adminkey.check_users(db).signed.get(name, ("", False))[1] is not True:
            raise UserError("user.unknown", user=name)
        AuditLog(db).append(session.user, "password_reset", "user", name, {"leaked": leaked})

    if leaked:
        return change_key(session, "password_leaked", audit, progress, new_password=(name, new_password))
    with _keys_first(session, name, _new_keys(session, name, entry[0], new_password)), session.transaction():
        adminkey.verified(session.db, session.user)
        audit(session.db)
    return None


def new_key(session: Session, progress=None) -> KeyChange:
    """Give the database a new key and print a new recovery code, on an admin's request (a recovery code sheet
    lost, a password that leaked, or a folder set up before the admin key existed)."""
    return change_key(session, "requested", None, progress)
