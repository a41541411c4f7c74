"""The data folder's lock: many sessions share a folder, and an operation that replaces the database waits for
them to leave (SPEC § 8: the store has many hands).

Every session (a `tnld` command, the desktop window, each worker thread's session) holds `tnld.lock` *shared*
for as long as it is open. An operation that replaces or rewrites the database file under everyone else's feet
(restore, a migration, a change of the database key) holds it *exclusive*: it waits a little for the others to
finish and otherwise refuses with a message that says who is in the way. So a restore can never run while an
`add` is saving, and never loses its work. SQLite's own locking still orders ordinary writes between sessions.

POSIX: `flock` on the data folder itself (locks belong to the open file, so two sessions in one process are two
holders, as they must be). Not on a file in it: a lock file can be deleted while held, and the next holder would
lock a new file (a tester deleted `tnld.lock` during an `add`, and a restore ran under it); a folder that holds a
database cannot be removed. Windows: `LockFileEx` on the first byte of `tnld.lock`, which Windows does not let
anyone delete while it is open. Other named locks (`keys.lock`) are files, checked after locking to be the file
that is still at their path.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from app.core.errors import UserError
from app.core.fsutil import os_reason

log = logging.getLogger(__name__)

LOCK_NAME = "tnld.lock"
POLL = 0.05

Waiting = Callable[[str], None]  # told once, with a message code, when a wait begins


if os.name == "nt":  # pragma: no cover - exercised on the Windows runner
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p), ("Offset", wintypes.DWORD),
                    ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.DWORD, ctypes.POINTER(_Overlapped)]
    _kernel32.UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                       ctypes.POINTER(_Overlapped)]

    def _try_lock(fd: int, exclusive: bool) -> bool:
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        handle = msvcrt.get_osfhandle(fd)
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_Overlapped())))

    def _unlock(fd: int) -> None:
        _kernel32.UnlockFileEx(msvcrt.get_osfhandle(fd), 0, 1, 0, ctypes.byref(_Overlapped()))

    def _convert(fd: int, exclusive: bool) -> bool:
        # Windows cannot convert a lock in place: let go, then take the other kind (the caller retries).
        _unlock(fd)
        if _try_lock(fd, exclusive):
            return True
        if not _try_lock(fd, not exclusive):
            raise OSError("could not take the data folder's lock back")
        return False
else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _convert(fd: int, exclusive: bool) -> bool:
        # flock converts by letting go first (flock(2)): a refused conversion leaves nothing held, and a session
        # refused a restore would go on without its share. Take the old kind back (waiting, if a restore got in).
        if _try_lock(fd, exclusive):
            return True
        fcntl.flock(fd, fcntl.LOCK_EX if not exclusive else fcntl.LOCK_SH)
        return False


class FolderLock:
    """One holder of a data folder's lock: shared while a session is open, exclusive while the database is
    replaced. Not thread-safe: one per session, as a connection is."""

    def __init__(self, folder: Path, name: str = LOCK_NAME) -> None:
        self.folder = Path(folder)
        self.path = self.folder / name
        self.on_folder = name == LOCK_NAME and os.name != "nt"
        self._fd: int | None = None
        self.exclusive = False

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        if self.on_folder:
            try:
                return os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except NotADirectoryError:
                raise UserError("datadir.not_folder", path=str(self.folder)) from None
            except OSError as exc:
                raise UserError("datadir.unwritable", path=str(self.folder), reason=os_reason(exc)) from None
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as first:
            if not isinstance(first, PermissionError) and first.errno != errno.EROFS:
                raise UserError("datadir.unwritable", path=str(self.path.parent),
                                reason=os_reason(first)) from None
            try:  # a read-only folder or disk: reading needs the lock as much
                return os.open(self.path, os.O_RDONLY)
            except OSError as exc:
                raise UserError("datadir.unwritable", path=str(self.path.parent),
                                reason=os_reason(exc)) from None

    def acquire(self, exclusive: bool = False, timeout: float = 0.0, on_wait: Waiting | None = None) -> FolderLock:
        """Take the lock, waiting up to *timeout* seconds; refuse with a message after that."""
        if self._fd is not None:
            raise RuntimeError("lock already held")
        while True:
            fd = self._open()
            try:
                self._wait(lambda fd=fd: _try_lock(fd, exclusive), exclusive, timeout, on_wait)
            except BaseException:
                os.close(fd)
                raise
            if self.on_folder or self._still_at_path(fd):
                break
            os.close(fd)  # the lock file was deleted or replaced while we waited: lock the one there now
        self._fd, self.exclusive = fd, exclusive
        return self

    def _still_at_path(self, fd: int) -> bool:
        try:
            here, there = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def convert(self, exclusive: bool, timeout: float = 0.0, on_wait: Waiting | None = None) -> None:
        """Change a held lock to exclusive (waiting for the others to leave) or back to shared."""
        if self._fd is None:
            raise RuntimeError("lock not held")
        if exclusive == self.exclusive:
            return
        fd = self._fd
        self._wait(lambda: _convert(fd, exclusive), exclusive, timeout, on_wait)
        self.exclusive = exclusive

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        self.exclusive = False

    @staticmethod
    def _wait(attempt: Callable[[], bool], exclusive: bool, timeout: float, on_wait: Waiting | None) -> None:
        deadline = time.monotonic() + timeout
        told = False
        while not attempt():
            if time.monotonic() >= deadline:
                raise UserError("datadir.in_use" if exclusive else "datadir.being_replaced")
            if not told and on_wait is not None:
                on_wait("datadir.waiting_for_others" if exclusive else "datadir.waiting_for_replace")
                told = True
            time.sleep(POLL)

    def __del__(self) -> None:  # a session dropped without close() must not keep others out
        with contextlib.suppress(Exception):
            self.release()


@contextlib.contextmanager
def exclusive_access(folder: Path, timeout: float = 10.0, on_wait: Waiting | None = None) -> Iterator[FolderLock]:
    """Hold the folder exclusively (no session open anywhere) for the duration of the block."""
    lock = FolderLock(folder).acquire(exclusive=True, timeout=timeout, on_wait=on_wait)
    try:
        yield lock
    finally:
        lock.release()
