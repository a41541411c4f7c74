"""The one connection factory (STYLE § 6): nothing else opens the database.

The database is an SQLCipher file keyed with a random 256-bit key (never a password: the key file wraps it,
see `app.db.keyfile`). Every connection gets WAL, `synchronous=FULL`, foreign keys and a busy timeout, so a
power cut or a killed process never leaves a half-saved record. One connection per thread.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from app.core.errors import UserError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
WRITE_WAIT_S = 600.0  # how long a change waits for another session's (a 100,000-record add takes a minute)
WRITE_POLL_MS = 200
CACHE_KIB = 32 * 1024
DatabaseError = sqlcipher3.DatabaseError
SQLITE_IOERR, SQLITE_FULL = 10, 13


class WrongKey(Exception):
    """The key does not open the database (or the file is not a database)."""


def _raw_connect(path: Path, key: bytes, exclusive: bool = False) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    # Without this, a wrong key makes SQLCipher print its internal errors on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if exclusive:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if not exclusive and getattr(exc, "sqlite_errorcode", None) in (SQLITE_IOERR, SQLITE_FULL):
            # A full disk has no room for the WAL's shared-memory file (-shm): in exclusive locking mode SQLite keeps
            # that index in memory, so the database can still be read (and backed up to another disk).
            log.warning("opening the database in exclusive mode (%s)", exc)
            return _raw_connect(path, key, exclusive=True)
        raise WrongKey(str(exc)) from exc
    return conn


SQLITE_CORRUPT = 11


def opens_first_page(path: Path, key: bytes) -> bool:
    """Whether *key* opens the database's first page (its header): True for a file damaged further on, False for
    another key or a file damaged at its start. Opened read-only: nothing is written, no WAL replayed."""
    try:
        conn = sqlcipher3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, isolation_level=None)
    except DatabaseError:
        return False
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA user_version").fetchone()
        return True
    except DatabaseError as exc:  # another key: "file is not a database"; damaged further on: "malformed"
        return getattr(exc, "sqlite_errorcode", None) == SQLITE_CORRUPT or "malformed" in str(exc)
    finally:
        conn.close()


def connect(path: Path, key: bytes) -> Database:
    """Open (or create) the encrypted database at *path* with the raw 32-byte *key*."""
    if len(key) != 32:
        raise ValueError("the database key has 32 bytes")
    conn = _raw_connect(Path(path), key)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Every page read is decrypted: a 32 MiB cache keeps the pages of the lists and forms in use (the desktop
        # list of 100,000 accidents is searched and sorted in memory, not through this cache; 64 MiB pushed the
        # program past 300 MB while scrolling it).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlcipher3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise UserError("db.busy") from exc
        raise
    return Database(conn, execute_plugins=False)


@contextlib.contextmanager
def scan_cache(db: Database, kib: int = 2048) -> Iterator[None]:
    """A small page cache while one pass reads a whole table: each page is read once, so the usual 64 MiB would
    only hold pages never read again (a worker loading the list index of 100,000 accidents kept 64 MiB for
    nothing, on top of the GUI thread's own cache)."""
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _locked(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def write_transaction(db: Database, on_wait: Callable[[str], None] | None = None,
                      wait: float = WRITE_WAIT_S) -> Iterator[Database]:
    """One write transaction: `BEGIN IMMEDIATE`, so the write lock is taken before anything is read.

    A deferred transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT, no busy handler)
    when another session committed in between; an immediate one waits its turn instead. While another session
    writes, *on_wait* is told once ("db.waiting") and the wait goes on for up to *wait* seconds; then the change
    is refused with a message, and nothing was written. Nested calls are savepoints of the outer transaction.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_immediate(db, on_wait, wait)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def begin_immediate(db: Database, on_wait: Callable[[str], None] | None = None, wait: float = WRITE_WAIT_S) -> None:
    """Start a write transaction, waiting for another session's to end (see `write_transaction`)."""
    deadline = time.monotonic() + wait
    told = False
    db.conn.execute(f"PRAGMA busy_timeout = {WRITE_POLL_MS}")
    try:
        while True:
            try:
                db.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlcipher3.OperationalError as exc:
                if not _locked(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise UserError("db.busy") from None
                if not told and on_wait is not None:
                    on_wait("db.waiting")
                    told = True
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class CopyCancelled(Exception):
    """The user cancelled a database copy."""


def copy_database(db: Database, target: Path, key: bytes, progress=None, cancel=None) -> None:
    """Copy the open database page by page into *target*, encrypted with *key* (SQLite's backup API).

    *progress(done, total)* is told the pages copied; *cancel()* returning true stops the copy."""

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)
        if cancel is not None and cancel():
            raise CopyCancelled

    target_conn = _raw_connect(Path(target), key)
    try:
        if progress is None and cancel is None:
            db.conn.backup(target_conn)
        else:
            db.conn.backup(target_conn, pages=1024, progress=step)
    finally:
        target_conn.close()


def integrity_errors(db: Database) -> list[str]:
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


@contextlib.contextmanager
def interruptible(db: Database, cancel: Callable[[], bool] | None, every: int = 20_000) -> Iterator[None]:
    """Let *cancel* stop a long SQL statement run inside the block (a report's query, the duplicates' self-join):
    SQLite asks it every *every* virtual-machine steps, and a true answer interrupts the statement, which is raised
    as `Cancelled`. Meant for reading; blocks may nest (the outer handler comes back)."""
    if cancel is None:
        yield
        return
    from app.core.progress import Cancelled

    stopped = False

    def handler() -> int:
        nonlocal stopped
        try:
            stopped = stopped or bool(cancel())
        except Exception:  # noqa: BLE001 - a raising callback must not leave SQLite in a strange state
            return 0
        return int(stopped)

    outer = getattr(db, "_tnld_interrupt", None)
    db.conn.set_progress_handler(handler, every)
    db._tnld_interrupt = (handler, every)  # type: ignore[attr-defined]
    try:
        yield
    except sqlcipher3.OperationalError as exc:
        if stopped and "interrupt" in str(exc).lower():
            raise Cancelled() from None
        raise
    finally:
        db._tnld_interrupt = outer  # type: ignore[attr-defined]
        db.conn.set_progress_handler(*(outer or (None, every)))
