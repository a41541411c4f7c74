"""A growing wait after wrong passwords, so that a colleague cannot try a list of passwords at the login window.

After `FREE_TRIES` wrong passwords in a row for a user name, the next try waits 1 s, then 2, 4, … at most
`LONGEST` seconds, counted from the try before (someone who comes back later does not wait). A success resets
it. An unknown user name counts like a known one, so the wait tells nothing about which names exist. The counts
live in `login-delays.json` in the data folder, so quitting the program does not reset them; they are keyed by a
hash of the name typed (people type their password into the name field by mistake).

Tries made at the same moment (several windows or commands started at once) pay their waits in turn: each try
is counted *when it starts*, as wrong until it succeeds, and gets the next free moment of its name. The file's
read-modify-write is done under a small lock (`login-delays.lock`), held for milliseconds, never during a wait,
so a user who types their own name and password is not kept waiting behind someone else's 30 seconds.

The file is read defensively: it is not trusted (anyone who may write to the data folder can change it), and a
damaged entry is dropped rather than stop every login.

This only slows guessing *through TNLĐ*: someone who copies `keys.json` guesses offline, where only the cost
of scrypt (and the password rule) stands in the way; and someone who may write to the data folder can delete
this file. The wait runs inside the login service; the desktop calls it off the UI thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

FILE_NAME = "login-delays.json"
LOCK_NAME = "login-delays.lock"
LOCK_WAIT = 10.0  # the lock is held for milliseconds: a longer wait means a stuck process, go on without it
FREE_TRIES = 3
LONGEST = 30.0
MAX_FAILURES = 1_000_000  # counted at most (a damaged or hostile count must not overflow anything)
MAX_SIZE = 1024 * 1024  # the file of 200 names is about 15 KB
QUEUE_LIMIT = 20 * LONGEST  # a try queued further ahead than this is a clock that went back (20 tries at once)
KEPT = 200  # names remembered at most (someone typing random names must not grow the file without end)


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try after *failures* wrong tries in a row."""
    if failures < FREE_TRIES:
        return 0.0
    exponent = min(failures - FREE_TRIES, math.ceil(math.log2(LONGEST)))  # capped before the power: no overflow
    return min(LONGEST, 2.0 ** exponent)


def _entry(value: object) -> dict[str, float] | None:
    """An entry of the file as this program writes it, repaired where it can be; None when it cannot."""
    if not isinstance(value, dict):
        return None
    failures, last = value.get("failures", 0), value.get("last", 0)
    if isinstance(failures, bool) or not isinstance(failures, (int, float)):
        return None
    if isinstance(failures, float) and not math.isfinite(failures):
        return None
    if isinstance(last, bool) or not isinstance(last, (int, float)) or not math.isfinite(last):
        last = 0.0
    return {"failures": int(max(0, min(failures, MAX_FAILURES))), "last": float(last)}


class LoginDelays:
    """The wrong tries of a data folder. *clock* and *sleep* are replaceable for tests."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.path = Path(folder) / FILE_NAME
        self.clock = clock
        self.sleep = sleep

    @staticmethod
    def _name_key(user: str) -> str:
        return hashlib.sha256(("tnld-login/1:" + user.casefold()).encode("utf-8")).hexdigest()[:16]

    def _read(self) -> dict[str, dict]:
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_SIZE + 1)
            if len(raw) > MAX_SIZE:
                raise ValueError("too large")
            data = json.loads(raw.decode("utf-8"))
            users = data.get("users", {}) if isinstance(data, dict) else None
            if not isinstance(users, dict):
                raise ValueError("no users")
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError, MemoryError):  # UnicodeDecodeError is a ValueError
            log.warning("the login delays file is unreadable; starting it again")
            return {}
        entries = {}
        for key, value in users.items():
            entry = _entry(value)
            if entry is None:
                log.warning("dropped a damaged entry of the login delays file")
            else:
                entries[key] = entry
        return entries

    def _write(self, entries: dict[str, dict]) -> None:
        kept = dict(sorted(entries.items(), key=lambda item: item[1]["last"])[-KEPT:])
        try:
            atomic_write_bytes(self.path, json.dumps({"version": 1, "users": kept}).encode("utf-8"))
        except (OSError, UserError) as exc:  # a read-only folder, or a folder in its place, must not stop a login
            log.warning("cannot write the login delays file: %s", exc)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The file's read-modify-write, alone among TNLĐ processes (two wrong tries at once both count)."""
        from app.db.folderlock import FolderLock

        lock = FolderLock(self.path.parent, LOCK_NAME)
        try:
            lock.acquire(exclusive=True, timeout=LOCK_WAIT)
        except UserError as error:  # a stuck process, or a folder without room for the lock file
            log.warning("going on without the login delays lock: %s", error.code)
        try:
            yield
        finally:
            lock.release()

    def remaining(self, user: str) -> float:
        """Seconds still to wait before *user* may try again (for the window to show; a try itself calls
        `wait`)."""
        entry = self._read().get(self._name_key(user))
        return self._due(entry) if entry else 0.0

    def _due(self, entry: dict[str, float]) -> float:
        """Seconds from now until the next try of *entry*'s name: its delay after the try before (whose moment,
        `last`, may still lie ahead when tries are queued)."""
        ahead = entry["last"] - self.clock()
        if ahead > QUEUE_LIMIT:  # the clock went back (a PC whose CMOS battery died): wait the delay only
            ahead = 0.0
        return max(0.0, delay_after(int(entry["failures"])) + ahead)

    def wait(self, user: str, on_wait: Callable[[str], None] | None = None) -> float:
        """Count a try of *user* (as wrong until `succeeded`) and wait as long as the tries before it ask for;
        returns the seconds waited. Tries at the same moment each get their turn, one delay after the other."""
        key = self._name_key(user)
        with self._locked():
            entries = self._read()
            entry = entries.get(key) or {"failures": 0, "last": 0.0}
            now = self.clock()
            seconds = self._due(entry)
            entries[key] = {"failures": min(entry["failures"] + 1, MAX_FAILURES), "last": max(entry["last"],
                                                                                             now + seconds)}
            self._write(entries)
        if seconds > 0:
            if on_wait is not None:
                on_wait("login.delayed")
            self.sleep(seconds)
        return seconds

    def failed(self, user: str) -> None:
        """The try counted by `wait` was wrong: the next one's delay runs from now."""
        key = self._name_key(user)
        with self._locked():
            entries = self._read()
            entry = entries.get(key) or {"failures": 1, "last": 0.0}
            entries[key] = {"failures": entry["failures"], "last": max(entry["last"], self.clock())}
            self._write(entries)

    def succeeded(self, user: str) -> None:
        with self._locked():
            entries = self._read()
            if entries.pop(self._name_key(user), None) is not None:
                self._write(entries)
