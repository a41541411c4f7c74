"""A workstation's data folder, its set-up, and logging in: the one start-up path of the CLI and the GUI.

A data folder holds `keys.json` (the wrapped database key), `tnld.db` (the SQLCipher database and its WAL),
`backups/`, `logs/` and optionally `codelists/` (newer code lists that replace the bundled ones).
`login` unwraps the key, opens and migrates the database, checks the users table against the admin key's
signature, records the login in the audit log and returns a `Session`: the context object every service
function takes (STYLE § 3). Keys and passwords: docs/design.md, `app.db.keyfile`, `app.db.adminkey`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from app import __version__
from app.core.codelists import CodeLists
from app.core.errors import UserError
from app.core.fsutil import is_disk_full, make_private, private_folder, storage_error, unwritable_folder
from app.core.messages import Ref, role_names
from app.core.passwords import MIN_LENGTH
from app.core.passwords import check_password as _check_password
from app.core.periods import vietnam_now
from app.core.rules import Rules, default_rules
from app.db import adminkey
from app.db.accident_store import AccidentStore, utc_now
from app.db.audit import AuditLog
from app.db.connection import (
    DatabaseError,
    WrongKey,
    begin_immediate,
    connect,
    integrity_errors,
    interruptible,
    opens_first_page,
    write_transaction,
)
from app.db.folderlock import FolderLock
from app.db.incident_store import IncidentStore
from app.db.keyfile import SCRYPT_N, KeyFile, Opened, WrongSecret, new_recovery_code
from app.db.migrations import migrate, needs_migration
from app.services.login_delays import LoginDelays

log = logging.getLogger(__name__)

ROLES = ("commune", "office")
USER_ROLES = ("admin", "clerk", "viewer")
MIN_PASSWORD = MIN_LENGTH
_USER_NAME = re.compile(r"^[\w.\-]{1,40}$")
OPEN_WAIT = 120.0  # seconds a new session waits while a restore or re-key replaces the database
EXCLUSIVE_WAIT = 10.0  # seconds a restore, migration or re-key waits for the other sessions to close

Waiting = Callable[[str], None]  # told once, with a message code, when a session starts waiting for another


@dataclass(frozen=True)
class DataDir:
    path: Path

    @property
    def db_path(self) -> Path:
        return self.path / "tnld.db"

    @property
    def keyfile_path(self) -> Path:
        return self.path / "keys.json"

    @property
    def backups(self) -> Path:
        return self.path / "backups"

    @property
    def logs(self) -> Path:
        return self.path / "logs"

    @property
    def codelists(self) -> Path:
        return self.path / "codelists"

    def is_initialised(self) -> bool:
        return self.keyfile_path.is_file()

    def keyfile(self) -> KeyFile:
        if not self.is_initialised():
            raise UserError("datadir.not_initialised", path=str(self.path))
        return KeyFile.load(self.keyfile_path)


@dataclass
class Session:
    """A logged-in user at a workstation: what every service function works with."""

    datadir: DataDir
    db: Database
    key: bytes
    user: str
    user_role: str
    role: str  # 'commune' or 'office'
    unit: str  # commune code, or province code for an office
    unit_name: str
    codelists: CodeLists
    rules: Rules = field(default_factory=default_rules)
    clock: Callable[[], dt.datetime] = field(default=vietnam_now)  # Vietnam's day, not the PC's zone
    lock: FolderLock | None = None  # the folder's lock, held shared while the session is open
    on_wait: Waiting | None = None  # the command line prints, the desktop shows it in the status bar
    admin_key: bytes | None = None  # the admin key's private half (admins only): signs the users table
    notices: list[tuple[str, dict]] = field(default_factory=list)  # messages (code, parameters) to show after login

    def __post_init__(self) -> None:
        self.closed = False  # close() was called: a timer of the desktop asks no more of it
        self._bind(self.db)

    def _bind(self, db: Database) -> None:
        self.db = db
        self.audit = AuditLog(db)
        self.store = AccidentStore(db, self.rules)
        self.incidents = IncidentStore(db)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """The one way to change data: an immediate write transaction (a savepoint when nested) that waits its
        turn behind another session's, telling `on_wait`; a change and its audit row go in the same one."""
        with write_transaction(self.db, self.on_wait):
            yield self.db

    def begin(self) -> None:
        """Open a write transaction by hand (imports commit in groups); `transaction()` everywhere else."""
        begin_immediate(self.db, self.on_wait)

    def for_worker(self) -> Session:
        """A session of the same user on the same folder, for a worker thread: its own connection and its own
        hold on the folder's lock. Call it on the worker thread and close it there (SQLite connections belong to
        the thread that made them); it writes no login row."""
        lock = FolderLock(self.datadir.path).acquire(timeout=OPEN_WAIT, on_wait=self.on_wait)
        try:
            db = open_database(self.datadir, self.key, lock, self.on_wait)
        except BaseException:
            lock.release()
            raise
        worker = Session(datadir=self.datadir, db=db, key=self.key, user=self.user, user_role=self.user_role,
                         role=self.role, unit=self.unit, unit_name=self.unit_name, codelists=self.codelists,
                         rules=self.rules, clock=self.clock, lock=lock, on_wait=self.on_wait,
                         admin_key=self.admin_key)
        return worker

    @contextlib.contextmanager
    def exclusive(self, timeout: float = EXCLUSIVE_WAIT) -> Iterator[None]:
        """Hold the data folder alone (no other session, here or in another process) for a block that replaces
        or rewrites the database file; refuse with a message if the others do not close within *timeout*."""
        if self.lock is None:
            raise RuntimeError("a session without the folder's lock")
        self.lock.convert(True, timeout=timeout, on_wait=self.on_wait)
        try:
            yield
        finally:
            self.lock.convert(False, timeout=OPEN_WAIT)

    def reopen(self, key: bytes | None = None) -> None:
        """Open the database file again (after it was replaced, or with its new key)."""
        if key is not None:
            self.key = key
        with contextlib.suppress(Exception):
            self.db.close()
        self._bind(open_database(self.datadir, self.key, self.lock, self.on_wait))

    def today(self) -> dt.date:
        return self.clock().date()

    def own_units(self) -> tuple[str, ...]:
        """The units whose records lists and reports take: a commune's own, or (empty: no filter) every unit an
        office holds."""
        return (self.unit,) if self.role == "commune" else ()

    def require(self, action: str, *roles: str) -> None:
        """Refuse *action* (a message code `action.…`) unless the user has one of *roles*. The role is read again
        from the users table, so that a user the admin demoted or disabled a minute ago, in another window or
        process, cannot go on writing in a session opened before: the table can only lower the role the login
        checked against the signed key file, never raise it."""
        role = self.user_role
        row = self.db.execute("SELECT role, active FROM users WHERE name = ?", (self.user,)).fetchone()
        if row is None or not row[1]:
            role = "none"
        elif _RANK.get(row[0], -1) < _RANK.get(role, -1):
            role = row[0]
        if role not in roles:
            raise UserError("role.forbidden", user=self.user, role=role_names(role), action=Ref(action),
                            needed=role_names(*roles))

    def close(self) -> None:
        self.closed = True
        try:
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_RANK = {"viewer": 0, "clerk": 1, "admin": 2}


def check_password(password: str | None, user: str = "", unit_name: str = "") -> str:
    """The password rule (`app.core.passwords`): a `UserError` that says what is wrong, or the password."""
    return _check_password(password, user, unit_name)


def check_user_name(name: str) -> str:
    if not _USER_NAME.match(name or ""):
        raise UserError("user.name", value=name)
    return name


@dataclass(frozen=True)
class InitResult:
    recovery_code: str
    unit: str
    unit_name: str
    role: str


def initialise(path: Path, *, role: str, unit: str, admin: str, password: str, office_name: str | None = None,
               codelists: CodeLists | None = None) -> InitResult:
    """Set up a new data folder: the database key, the key file with the admin's and the recovery wrap,
    the schema, the first admin. Returns the recovery code, shown once."""
    datadir = DataDir(Path(path))
    if role not in ROLES:
        raise UserError("init.role", value=role)
    check_user_name(admin)
    if not password:
        raise UserError("password.missing")
    codelists = codelists or CodeLists(datadir.codelists)
    if datadir.is_initialised():
        raise UserError("datadir.exists", path=str(datadir.path))
    if role == "commune":
        if not codelists.is_commune(unit):
            raise UserError("unit.not_commune" if codelists.is_province(unit) else "unit.unknown", value=unit)
        unit_name = codelists.unit_name(unit)
    else:
        if not codelists.is_province(unit):
            raise UserError("init.office_unit", value=unit)
        if not office_name or not office_name.strip():
            raise UserError("init.office_name")
        from app.core.text import clean

        unit_name = clean(office_name)
    check_password(password, admin, unit_name)
    for folder in (datadir.path, datadir.backups, datadir.logs):
        private_folder(folder)  # the data folder and what is in it: its user's only (SPEC § 8)
    lock = FolderLock(datadir.path).acquire(exclusive=True, timeout=EXCLUSIVE_WAIT)
    try:
        return _initialise(datadir, role, unit, unit_name, admin, password, codelists)
    finally:
        lock.release()


def _initialise(datadir: DataDir, role: str, unit: str, unit_name: str, admin: str, password: str,
                codelists: CodeLists) -> InitResult:
    if datadir.is_initialised():  # another set-up got there first
        raise UserError("datadir.exists", path=str(datadir.path))
    _set_aside_unfinished_setup(datadir)
    db_key = secrets.token_bytes(32)
    admin_seed = adminkey.new_seed()
    recovery_code = new_recovery_code()
    db = connect(datadir.db_path, db_key)
    for name in ("", "-wal", "-shm"):  # SQLite gives the -wal and -shm files the database file's permissions
        make_private(Path(str(datadir.db_path) + name))
    try:
        migrate(db, datadir.db_path, datadir.backups, db_key)
        now = utc_now()
        with write_transaction(db):
            db["meta"].insert_all(
                [{"key": k, "value": v} for k, v in {
                    "role": role, "unit": unit, "unit_name": unit_name, "created_at": now,
                    "created_by_version": __version__,
                    "province": unit if role == "office" else (codelists.province_of(unit) or ""),
                }.items()]
            )
            db["users"].insert({"name": admin, "role": "admin", "full_name": None, "active": 1, "created_at": now})
            AuditLog(db).append(admin, "init", "workstation", unit, {"role": role})
            adminkey.add_key(db, admin, admin_seed)
            adminkey.sign_users(db, admin_seed)
        from app.services.keys import create_identity

        create_identity(db, db_key, admin, role, unit, unit_name)
    finally:
        db.close()
    # The key file is written last: a folder without it is not initialised, and can be set up again.
    KeyFile.create(datadir.keyfile_path, role=role, unit=unit, unit_name=unit_name, db_key=db_key, admin=admin,
                   password=password, recovery_code=recovery_code, admin_seed=admin_seed,
                   admin_public=adminkey.public_of(admin_seed))
    log.info("initialised a %s workstation for unit %s", role, unit)
    return InitResult(recovery_code, unit, unit_name, role)


def open_database(datadir: DataDir, key: bytes, lock: FolderLock | None = None,
                  on_wait: Waiting | None = None) -> Database:
    """Open the database with an unwrapped key, migrating it first when a step is pending. A migration rewrites
    the schema under every session's feet: it runs only with the folder held alone (*lock* made exclusive)."""
    db = _connect(datadir, key)
    try:
        if not needs_migration(db):
            return db
        if lock is not None:
            db.close()
            lock.convert(True, timeout=EXCLUSIVE_WAIT, on_wait=on_wait)
            try:
                db = _connect(datadir, key)
                migrate(db, datadir.db_path, datadir.backups, key)
            finally:
                lock.convert(False, timeout=OPEN_WAIT)
        else:
            migrate(db, datadir.db_path, datadir.backups, key)
    except BaseException:
        db.close()
        raise
    return db


def _set_aside_unfinished_setup(datadir: DataDir) -> None:
    """A database without its key file is a set-up cut short (the key file is written last): nothing can open it
    again, so it is moved to `backups/unfinished-setup-…` (never deleted) and the folder can be set up anew."""
    leftovers = [p for p in (datadir.db_path, Path(f"{datadir.db_path}-wal"), Path(f"{datadir.db_path}-shm"))
                 if p.exists() or p.is_symlink()]
    if not leftovers:
        return
    target = datadir.backups / f"unfinished-setup-{dt.datetime.now():%Y%m%d-%H%M%S}"
    private_folder(target)
    for leftover in leftovers:
        os.replace(leftover, target / leftover.name)
    log.warning("a set-up cut short left a database without its key file; moved to %s", target.name)


def _connect(datadir: DataDir, key: bytes) -> Database:
    """Open the folder's database, which must exist: the key file is there, so SQLite must never make a new, empty
    one in its place (found by the attack session: a deleted tnld.db came back empty and the login said "wrong
    password")."""
    path = datadir.db_path
    if path.exists() and not path.is_file():
        raise UserError("db.damaged", reason=Ref("reason.db_not_file", name=path.name))
    if not path.exists() or path.stat().st_size == 0:  # never opened: SQLite would rebuild a part from the WAL
        raise UserError("db.missing", path=str(path))
    if not os.access(path, os.R_OK | os.W_OK):
        raise unwritable_folder(datadir.path) or storage_error(PermissionError(errno.EACCES, "", str(path)), path)
    try:
        return connect(path, key)
    except (DatabaseError, WrongKey) as exc:  # not a database at all, or not under this key
        # A folder the program may not write to (a read-only disk) stops SQLite too: say that, not "damaged".
        log.warning("the database cannot be opened: %s", exc)
        size = path.stat().st_size
        if size % 1024 or size < 4096:
            reason = "reason.db_cut_short"
        elif isinstance(exc, WrongKey) and opens_first_page(path, key):
            reason = "reason.malformed"  # the key opens it: the file is damaged further on, not an old key file
        else:
            reason = "reason.not_database"
        raise unwritable_folder(datadir.path) or UserError("db.damaged", reason=Ref(reason)) from exc


def database_problem(datadir: DataDir, keys: Sequence[bytes], cancel: Callable[[], bool] | None = None
                     ) -> UserError | None:
    """Why the folder's database cannot be used, as a login finds it and more thoroughly: `db.missing`, or
    `db.damaged` (cut short, not a file, a damaged page anywhere: `integrity_check` reads every page, seconds on a
    large store), or None when one of *keys* opens a whole database. A database that none of *keys* opens, not
    even its first page, cannot be judged (`keys.not_this_database`, as the login says). The folder should be
    held alone. *cancel()* stops the check (`Cancelled`)."""
    for key in keys:
        try:
            db = _connect(datadir, key)
        except UserError as error:
            if error.code == "db.damaged" and error.params.get("reason") == "reason.not_database" \
                    and isinstance(error.__cause__, WrongKey):
                continue  # not under this key: another may open it
            if error.code in ("db.missing", "db.damaged"):
                return error
            raise
        try:
            with interruptible(db, cancel):
                problems = integrity_errors(db)
            if problems:
                log.warning("the database is not consistent: %s", "; ".join(problems[:3]))
                return UserError("db.damaged", reason=Ref("reason.malformed"))
            _workstation(db)
        except UserError as error:
            if error.code == "db.damaged":
                return error
            raise
        except DatabaseError as exc:
            problem = storage_error(exc, datadir.path)
            if problem is not None:
                raise problem from exc
            log.warning("the database cannot be read through: %s", exc)
            return UserError("db.damaged", reason=Ref("reason.malformed"))
        finally:
            db.close()
        return None
    raise UserError("keys.not_this_database", path=str(datadir.keyfile_path))


def _workstation(db: Database) -> dict[str, str]:
    """The workstation's role, unit and unit name from the database; a value missing or of another type (changed
    by hand) is a damaged database, not a crash."""
    values = {}
    for name in ("role", "unit", "unit_name"):
        row = db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
        if row is None or not isinstance(row[0], str) or (name == "role" and row[0] not in ROLES):
            raise UserError("db.damaged", reason=Ref("reason.changed_outside"))
        values[name] = row[0]
    return values


def _open_first(datadir: DataDir, keys: list[bytes], lock: FolderLock | None,
                on_wait: Waiting | None = None) -> tuple[Database, int]:
    """Open the database with the first of *keys* that opens it (two only while a change of key was cut short);
    returns the database and the position of the key. When none opens it, the key file is most likely not this
    database's (an old copy of keys.json, or the database was given a new key since: a user disabled) rather
    than the database damaged: say so, and do not send the user to restore a backup."""
    for position, key in enumerate(keys):
        try:
            return open_database(datadir, key, lock, on_wait), position
        except UserError as error:
            if error.code != "db.damaged":
                raise
            if position == len(keys) - 1:
                if isinstance(error.__cause__, WrongKey) and error.params.get("reason") == "reason.not_database":
                    raise UserError("keys.not_this_database", path=str(datadir.keyfile_path)) from error
                raise
    raise UserError("login.failed")


def login(path: Path, user: str | None, password: str | None, *, clock=None, audit: bool = True,
          on_wait: Waiting | None = None, delays: LoginDelays | None = None) -> Session:
    """Unlock the data folder as *user* (default: the admin named at set-up). A wrong password opens nothing.

    After three wrong passwords for a name, each further try first waits a growing delay (*delays*, kept in the
    data folder). The session holds the folder's lock shared until it is closed, so a restore or a change of key
    waits for it (or is refused) rather than replace the database under it. *on_wait* is told when it waits."""
    datadir = DataDir(Path(path))
    keyfile = datadir.keyfile()
    user = user or keyfile.default_user
    if not password:
        raise UserError("password.missing")
    delays = delays or LoginDelays(datadir.path)
    delays.wait(user, on_wait)
    lock = FolderLock(datadir.path).acquire(timeout=OPEN_WAIT, on_wait=on_wait)
    try:
        finished = _finish_cut_restore(datadir, user, lambda keyfile: [key for _i, key in
                                                                        keyfile.open_user(user, password).keys])
        session, opened, check = _unlock(datadir, user, password, lock, on_wait, delays)
    except BaseException:
        lock.release()
        raise
    if finished:
        session.notices.append(finished)
    if clock is not None:
        session.clock = clock
    try:
        _remove_stale_temporaries(datadir)
        _bring_keys_up_to_date(session, opened, password, check)
        if audit:
            try:
                with session.transaction():
                    session.audit.append(user, "login")
            except DatabaseError as exc:
                # On a full disk the login cannot be recorded; reading, and a backup to another disk, must still work.
                if not is_disk_full(exc):
                    raise
                log.warning("login of %s not recorded: the disk is full", user)
    except BaseException:
        session.close()
        raise
    return session


def _unlock(datadir: DataDir, user: str, password: str, lock: FolderLock, on_wait: Waiting | None,
            delays: LoginDelays) -> tuple[Session, Opened, adminkey.UsersCheck]:
    keyfile = datadir.keyfile()  # read again under the lock: the key may have changed while this login waited
    try:
        opened = keyfile.open_user(user, password)
    except WrongSecret:
        delays.failed(user)
        log.warning("failed login at %s", datadir.path)
        raise UserError("login.failed") from None
    delays.succeeded(user)
    db, position = _open_first(datadir, [key for _index, key in opened.keys], lock, on_wait)
    index, key = opened.keys[position]
    try:
        check = adminkey.check_users(db)
        entry = check.role_of(user)
        if entry is None:
            raise UserError("login.failed")
        role, active = entry
        if not active:
            raise UserError("login.inactive", user=user)
        admin_seed = keyfile.admin_seed(opened, index) if role == "admin" else None
        if admin_seed is not None and adminkey.public_of(admin_seed) != check.public:
            admin_seed = None  # sealed for an admin key no longer in force
        notices: list[tuple[str, dict]] = []
        if check.changed:
            # Roles or active flags changed by hand, without the admin key: only an admin may go on, and their
            # login puts the signed rows back (audited).
            if admin_seed is None:
                raise UserError("users.changed_outside", users=", ".join(check.changed))
            with write_transaction(db, on_wait):
                check = adminkey.verified(db, user)
            notices.append(("users.put_back", {"users": ", ".join(check.changed)}))
        meta = _workstation(db)
    except BaseException:
        db.close()
        raise
    session = Session(datadir=datadir, db=db, key=key, user=user, user_role=role, role=meta["role"],
                      unit=meta["unit"], unit_name=meta["unit_name"], codelists=CodeLists(datadir.codelists),
                      lock=lock, on_wait=on_wait, admin_key=admin_seed, notices=notices)
    return session, opened, check


def _bring_keys_up_to_date(session: Session, opened: Opened, password: str, check: adminkey.UsersCheck) -> None:
    """What only this login can do, with the user's password at hand: give a user of a version 1 key file a key
    pair, seal their private key with today's scrypt cost, make the admin key of a folder older than it (an
    admin's login), seal the admin key to admins who have none yet, and drop a key group that a change of key cut
    short left behind. Nothing to do, nothing written."""
    keyfile = session.datadir.keyfile()
    new_admin_key = session.user_role == "admin" and check.public is None
    admins = [name for name, (role, active) in check.signed.items() if role == "admin" and active]
    unnamed = any(group.get("id") is None for group in keyfile.groups)
    index = keyfile.group_of(session.key)
    if not (opened.legacy or opened.private_n < SCRYPT_N or new_admin_key or len(keyfile.groups) > 1 or unnamed
            or (session.admin_key is not None and any(
                keyfile.public_key(name) is not None and not keyfile.has_admin_wrap(index, name) for name in admins))):
        _warn_about_recovery(session, keyfile, index)
        return
    if new_admin_key:
        seed = adminkey.new_seed()
        with session.transaction():
            new_admin_key = adminkey.current_public(session.db) is None  # another admin's login may have made it
            if new_admin_key:
                adminkey.add_key(session.db, session.user, seed)
                adminkey.sign_users(session.db, seed)
        if new_admin_key:
            session.admin_key = seed
            log.info("made the admin key of a data folder older than it")
    with KeyFile.updating(session.datadir.keyfile_path) as keyfile:
        index = keyfile.group_of(session.key)
        if opened.legacy:
            keyfile.set_user_keys(session.user, password)
            keyfile.wrap_for(index, session.user, session.key)
        elif opened.private_n < SCRYPT_N and opened.private is not None:
            keyfile.reseal_private(session.user, opened.private, password)
        if session.admin_key is not None:
            if new_admin_key:
                keyfile.groups[index]["admin_public"] = adminkey.public_of(session.admin_key).hex()
            for name in admins:
                if keyfile.public_key(name) is not None and not keyfile.has_admin_wrap(index, name):
                    keyfile.wrap_admin(index, name, session.admin_key)
        if keyfile.keep_only(index):
            if index == 0:  # the database has its new key, the old one had not been dropped yet
                log.warning("finished a change of key that a power cut or a crash interrupted")
                session.notices.append(("keys.change_finished", {}))
            else:
                log.warning("dropped the new key of a change of key that did not finish (the database kept its key)")
                index = 0
    _warn_about_recovery(session, keyfile, index)


def _warn_about_recovery(session: Session, keyfile: KeyFile, index: int) -> None:
    """An admin of a folder set up before the admin key is told, until they make one, that the recovery code
    printed back then does not bring the admin key back."""
    if session.admin_key is not None and not keyfile.recovery_holds_admin_key(index):
        session.notices.append(("keys.recovery_outdated", {}))


def _finish_cut_restore(datadir: DataDir, user: str, opener) -> tuple[str, dict] | None:
    """A restore that a power cut interrupted is completed or undone before anyone opens the folder."""
    from app.services.backup import finish_cut_restore

    return finish_cut_restore(datadir, user, opener)


def _remove_stale_temporaries(datadir: DataDir, older_than: float = 3600) -> None:
    """Temp folders of a backup, restore or change of key cut short by a power cut (only encrypted copies)."""
    import shutil
    import time

    limit = time.time() - older_than
    for pattern in (".backup-*", ".restore-*", ".rekey-*"):
        for leftover in datadir.path.glob(pattern):
            try:
                if leftover.is_dir() and leftover.stat().st_mtime < limit:
                    shutil.rmtree(leftover, ignore_errors=True)
            except OSError:
                continue


def recover(path: Path, recovery_code: str, user: str, new_password: str) -> None:
    """Set a new password for *user* with the printed recovery code (a forgotten password loses nothing). Never
    for a disabled user: their access was taken away on purpose (an admin enables them again)."""
    datadir = DataDir(Path(path))
    check_password(new_password, user, datadir.keyfile().unit_name)
    lock = FolderLock(datadir.path).acquire(timeout=OPEN_WAIT)
    try:
        _finish_cut_restore(datadir, user, lambda keyfile: [item.db_key for item in
                                                            keyfile.open_recovery(recovery_code)])
        keyfile = datadir.keyfile()
        try:
            found = keyfile.open_recovery(recovery_code)
        except WrongSecret:
            raise UserError("recovery.failed") from None
        db, position = _open_first(datadir, [item.db_key for item in found], lock)
        recovered = found[position]
        try:
            check = adminkey.check_users(db)
            entry = check.role_of(user)
            if entry is None:
                raise UserError("user.unknown", user=user)
            role, active = entry
            if not active:
                raise UserError("recover.disabled", user=user)
            admin_seed = recovered.admin_seed if role == "admin" else None
            if admin_seed is not None and adminkey.public_of(admin_seed) != check.public:
                admin_seed = None
            with write_transaction(db):
                AuditLog(db).append(user, "recover", "user", user)
        finally:
            db.close()
        with KeyFile.updating(datadir.keyfile_path) as keyfile:
            index = keyfile.group_of(recovered.db_key)
            keyfile.set_user_keys(user, new_password)
            keyfile.wrap_for(index, user, recovered.db_key)
            if admin_seed is not None:
                keyfile.wrap_admin(index, user, admin_seed)
            keyfile.keep_only(index)
    finally:
        lock.release()


def check_database(session: Session) -> list[str]:
    return integrity_errors(session.db)


