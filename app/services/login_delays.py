"""A growing wait after wrong passwords, so that a colleague cannot try a list of passwords at the login window.

After `FREE_TRIES` wrong passwords in a row for a user name, the next try waits 1 s, then 2, 4, … at most
`LONGEST` seconds, counted from the last wrong try (someone who comes back later does not wait). A success
resets it. An unknown user name counts like a known one, so the wait tells nothing about which names exist.
The counts live in `login-delays.json` in the data folder, so quitting the program does not reset them; they
are keyed by a hash of the name typed (people type their password into the name field by mistake).

This only slows guessing *through TNLĐ*: someone who copies `keys.json` guesses offline, where only the cost
of scrypt (and the password rule) stands in the way; and someone who may write to the data folder can delete
this file. The wait runs inside the login service; the desktop calls it off the UI thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from app.core.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

FILE_NAME = "login-delays.json"
FREE_TRIES = 3
LONGEST = 30.0
KEPT = 200  # names remembered at most (someone typing random names must not grow the file without end)


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try after *failures* wrong tries in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST, 2.0 ** (failures - FREE_TRIES))


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
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {k: v for k, v in data.get("users", {}).items() if isinstance(v, dict)}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, AttributeError):
            log.warning("the login delays file is unreadable; starting it again")
            return {}

    def _write(self, entries: dict[str, dict]) -> None:
        kept = dict(sorted(entries.items(), key=lambda item: item[1].get("last", 0))[-KEPT:])
        try:
            atomic_write_bytes(self.path, json.dumps({"version": 1, "users": kept}).encode("utf-8"))
        except OSError as exc:  # a read-only folder must not stop a login
            log.warning("cannot write the login delays file: %s", exc)

    def remaining(self, user: str) -> float:
        """Seconds still to wait before *user* may try again."""
        entry = self._read().get(self._name_key(user))
        if not entry:
            return 0.0
        wait = delay_after(int(entry.get("failures", 0)))
        elapsed = self.clock() - float(entry.get("last", 0))
        if elapsed < 0:  # the clock went back (a PC whose CMOS battery died): wait the whole delay
            elapsed = 0.0
        return max(0.0, wait - elapsed)

    def wait(self, user: str, on_wait: Callable[[str], None] | None = None) -> float:
        """Wait as long as *user*'s wrong tries ask for; returns the seconds waited."""
        seconds = self.remaining(user)
        if seconds > 0:
            if on_wait is not None:
                on_wait("login.delayed")
            self.sleep(seconds)
        return seconds

    def failed(self, user: str) -> None:
        entries = self._read()
        key = self._name_key(user)
        entry = entries.get(key, {})
        entries[key] = {"failures": int(entry.get("failures", 0)) + 1, "last": self.clock()}
        self._write(entries)

    def succeeded(self, user: str) -> None:
        entries = self._read()
        if entries.pop(self._name_key(user), None) is not None:
            with contextlib.suppress(OSError):
                self._write(entries)
