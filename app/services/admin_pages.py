"""What the desktop program's admin pages read, and how its own session lets a worker hold the folder alone.

The pages (users, settings, audit log) are for admins: each reading here checks the role first, so that a clerk
who opens one is refused with the same message as the command line's. The services that change things
(`users`, `settings`, `backup`, `audit`) check again on their own.

A restore and a change of key replace the database file and need the data folder alone (`Session.exclusive`).
The desktop program runs them on a worker thread with the worker's own session, while the window's session
would still hold the folder: `step_aside` closes the window's connection and lets go of its hold for that
time, and `come_back` opens it again on the database that is then in place, with the key (and admin key, and
role) the worker's session ended with (`handover`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.errors import UserError
from app.db import adminkey
from app.db.audit import ChainCheck
from app.db.keyfile import WrongSecret
from app.services import audit
from app.services.backup import AutoBackup
from app.services.backup import automatic_backups as backups_in
from app.services.settings import Setting, current_settings
from app.services.users import User, list_users
from app.services.workspace import OPEN_WAIT, Session, open_database


def users_page(session: Session) -> list[User]:
    """The users and their roles, for an admin (a clerk or viewer has no users page)."""
    session.require("action.manage_users", "admin")
    return list_users(session)


def settings_page(session: Session) -> list[tuple[Setting, Any]]:
    """Every known setting with its value, for an admin (the one who may change them)."""
    session.require("action.settings", "admin")
    return current_settings(session)


def audit_page(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """The latest entries of the audit log, newest first (admins only)."""
    return audit.recent(session, limit)


def check_chain(session: Session) -> ChainCheck:
    """The audit log's hash chain recomputed (admins only: the page that shows it is theirs)."""
    session.require("action.read_audit", "admin")
    return audit.verify(session)


def automatic_backups(session: Session) -> list[AutoBackup]:
    """The automatic backups kept in the data folder (`backups/auto/`), newest first."""
    return backups_in(session.datadir.path)


@dataclass(frozen=True)
class Handover:
    """What a worker's session ended with, for the window's session to go on with."""

    key: bytes
    admin_key: bytes | None
    user_role: str


def handover(session: Session) -> Handover:
    return Handover(session.key, session.admin_key, session.user_role)


def step_aside(session: Session) -> None:
    """Close the session's connection and let go of its hold on the folder, so that work on another thread may
    hold the folder alone. Nothing may use the session until `come_back`."""
    try:
        session.db.close()
    finally:
        if session.lock is not None:
            session.lock.release()


def come_back(session: Session, state: Handover | None = None) -> None:
    """Hold the folder again and open the database that is there now, with the key *state* says (after a
    change of key or a restore) or the session's own."""
    if state is not None:
        session.key, session.admin_key, session.user_role = state.key, state.admin_key, state.user_role
    if session.lock is not None and not session.lock.held:
        session.lock.acquire(timeout=OPEN_WAIT, on_wait=session.on_wait)
    session._bind(open_database(session.datadir, session.key, session.lock, session.on_wait))


def after_restore(session: Session, password: str) -> Handover:
    """The session's role and admin key as the restored database and key file say (the admin key may be an
    older one than today's): read with the password that opened the backup, as a login would."""
    keyfile = session.datadir.keyfile()
    try:
        opened = keyfile.open_user(session.user, password)
    except WrongSecret:
        raise UserError("login.failed") from None
    check = adminkey.check_users(session.db)
    entry = check.role_of(session.user)
    role = entry[0] if entry is not None else session.user_role
    seed = None
    if role == "admin":
        index = keyfile.group_of(session.key)
        seed = keyfile.admin_seed(opened, index)
        if seed is not None and adminkey.public_of(seed) != check.public:
            seed = None
    session.user_role, session.admin_key = role, seed
    return handover(session)
