"""Users of a workstation and their roles (SPEC § 2): admin (users, keys, settings), clerk (enters, edits,
exports), viewer (reads, prints). Every workstation keeps at least one active admin.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.errors import UserError
from app.db.accident_store import utc_now
from app.db.keyfile import WrongSecret
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


def add_user(session: Session, name: str, role: str, password: str) -> User:
    session.require("action.manage_users", "admin")
    check_user_name(name)
    if role not in USER_ROLES:
        raise UserError("user.role", value=role)
    check_password(password)
    if session.db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise UserError("user.exists", user=name)
    now = utc_now()
    with session.transaction():
        session.db["users"].insert({"name": name, "role": role, "full_name": None, "active": 1, "created_at": now})
        session.audit.append(session.user, "user_add", "user", name, {"role": role})
    session.datadir.keyfile().set_password(name, session.key, password)
    return User(name, role, True, now)


def set_role(session: Session, name: str, role: str | None = None, active: bool | None = None) -> None:
    session.require("action.manage_users", "admin")
    row = session.db.execute("SELECT role, active FROM users WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise UserError("user.unknown", user=name)
    if role is not None and role not in USER_ROLES:
        raise UserError("user.role", value=role)
    new_role = role or row[0]
    new_active = row[1] if active is None else int(active)
    if row[0] == "admin" and (new_role != "admin" or not new_active):
        admins = session.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]
        if admins <= 1:
            raise UserError("user.last_admin", user=name)
    with session.transaction():
        session.db.execute("UPDATE users SET role = ?, active = ? WHERE name = ?", (new_role, new_active, name))
        session.audit.append(session.user, "user_change", "user", name, {"role": new_role, "active": bool(new_active)})
    if not new_active:
        session.datadir.keyfile().remove_user(name)


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password."""
    check_password(new_password)
    keyfile = session.datadir.keyfile()
    try:
        keyfile.unlock(session.user, old_password)
    except WrongSecret:
        raise UserError("login.failed") from None
    with session.transaction():
        session.audit.append(session.user, "password_change", "user", session.user)
    keyfile.set_password(session.user, session.key, new_password)


def reset_password(session: Session, name: str, new_password: str) -> None:
    """An admin sets a new password for another user."""
    session.require("action.manage_users", "admin")
    check_password(new_password)
    if session.db.execute("SELECT 1 FROM users WHERE name = ? AND active = 1", (name,)).fetchone() is None:
        raise UserError("user.unknown", user=name)
    with session.transaction():
        session.audit.append(session.user, "password_reset", "user", name)
    session.datadir.keyfile().set_password(name, session.key, new_password)
