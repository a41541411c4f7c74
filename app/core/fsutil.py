"""Files the user names, and files the program writes.

Reading: a file the user names must be an ordinary file (not a folder, a device such as `/dev/zero`, or a pipe)
of a plausible size, checked before anything is read (`input_file`, `read_input`).
Writing: an output file must not exist, or be an ordinary file the user agreed to replace (`output_file`); it is
written to a temp file in the same folder, fsynced, renamed with `os.replace`, then the folder is fsynced, so a power
cut leaves either the old file or the new one, never half of one (STYLE § 18).
A full disk, a read-only disk and a missing permission are problems the user can act on: `storage_error` turns
them (from the operating system or from SQLite) into messages that say so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MAX_INPUT_BYTES = 200 * 1024**2  # a file read whole into memory (a report PDF): larger is not a TNLĐ file
PRIVATE_FILE = 0o600  # every file the program writes in the data folder: its user only
PRIVATE_FOLDER = 0o700


def input_file(path: Path, limit: int | None = None) -> Path:
    """*path* as a file the user named for reading: a clear message if it is missing, a folder, not an ordinary
    file (a device, a pipe) or larger than *limit* bytes."""
    from app.core.errors import UserError

    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError("file.missing", path=str(path)) from None
    except OSError as exc:
        raise unreadable(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError("file.not_file", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise UserError("file.not_regular", path=str(path))
    if limit is not None and info.st_size > limit:
        raise UserError("file.too_large", path=str(path), size=_megabytes(info.st_size), limit=_megabytes(limit))
    return path


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB" if size >= 1024**2 else f"{size / 1024:,.0f} KB"


def unreadable(path: Path, exc: OSError):
    """The message for a file that exists but cannot be read (locked, no permission, a failing stick)."""
    from app.core.errors import UserError

    return UserError("file.unreadable", path=str(path), reason=os_reason(exc))


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> tuple[Path, bytes]:
    """The bytes of a file the user named (a key card, a PDF), with the same clear messages as `input_file`; never
    more than *limit* bytes, even if the file grows while it is read."""
    from app.core.errors import UserError

    path = input_file(path, limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if len(data) > limit:
        raise UserError("file.too_large", path=str(path), size=_megabytes(len(data)), limit=_megabytes(limit))
    return path, data


def output_file(path: Path, force: bool = False) -> Path:
    """*path* as a file the user named for writing (a backup, a key card, a bundle, a report, a receipt), checked
    before any work is done: it must not exist, or be an ordinary file and *force* given; never a folder, a device
    (such as `/dev/full`) or a link to one; its folder must exist and be writable. Returns the path to write: a link
    to an ordinary file is followed, so the file it points to is replaced, not the link."""
    from app.core.errors import UserError

    path = Path(path)
    try:
        info = path.stat()  # follows links
    except FileNotFoundError:
        info = None
        if path.is_symlink():  # a link to nothing: where would the file go?
            raise UserError("file.not_regular", path=str(path)) from None
    except OSError as exc:
        raise storage_error(exc, path) or UserError("file.unwritable", path=str(path), reason=os_reason(exc)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UserError("file.not_file", path=str(path))
        if not stat.S_ISREG(info.st_mode):
            raise UserError("file.not_regular", path=str(path))
        if not force:
            raise UserError("file.exists_force", path=str(path))
        if path.is_symlink():
            path = Path(os.path.realpath(path))
    folder = path.parent
    if not folder.is_dir():
        raise UserError("file.no_folder", path=str(path), folder=str(folder))
    problem = unwritable_folder(folder)
    if problem is not None:
        raise problem
    return path


def unwritable_folder(folder: Path):
    """The `UserError` for a folder this user cannot write to (a read-only disk, no permission), or None."""
    if os.access(folder, os.W_OK):
        return None
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs
        read_only = False
    code = errno.EROFS if read_only else errno.EACCES
    return storage_error(OSError(code, os.strerror(code), str(folder)), folder)


# errno (and Windows' own error numbers) → why, in the user's words (`app.core.messages.REASONS`).
_OS_REASONS = {errno.ENOENT: "os.not_found", errno.EACCES: "os.no_permission", errno.EPERM: "os.no_permission",
               errno.EBUSY: "os.in_use", errno.ETXTBSY: "os.in_use", errno.ENOSPC: "os.disk_full",
               errno.EROFS: "os.read_only", errno.EISDIR: "os.is_folder", errno.ENOTDIR: "os.not_folder",
               errno.EEXIST: "os.exists", errno.EIO: "os.io", errno.ENAMETOOLONG: "os.name_too_long",
               errno.EINVAL: "os.bad_name", errno.ENXIO: "os.device_gone", errno.ENODEV: "os.device_gone",
               errno.EMFILE: "os.too_many_files", errno.ENFILE: "os.too_many_files"}
_OS_REASONS[errno.ELOOP] = "os.link_loop"
_WINDOWS_REASONS = {2: "os.not_found", 3: "os.not_found", 5: "os.no_permission", 19: "os.read_only",
                    21: "os.device_gone", 23: "os.io", 32: "os.in_use", 33: "os.in_use", 112: "os.disk_full",
                    123: "os.bad_name", 206: "os.name_too_long", 1117: "os.io"}


def os_reason(exc: OSError):
    """Why the system refused, as a message reference in the user's language (never the English `strerror`)."""
    from app.core.messages import Ref

    winerror = getattr(exc, "winerror", None)
    code = _WINDOWS_REASONS.get(winerror) if winerror else None
    code = code or _OS_REASONS.get(exc.errno)
    return Ref(code) if code else Ref("os.other", number=winerror or exc.errno or 0)


# errno → message code: what the user can do about it.
_STORAGE_CODES = {errno.ENOSPC: "disk.full", errno.EROFS: "disk.read_only", errno.EACCES: "disk.no_permission",
                  errno.EPERM: "disk.no_permission"}
if hasattr(errno, "EDQUOT"):
    _STORAGE_CODES[errno.EDQUOT] = "disk.full"
_SQLITE_FULL, _SQLITE_READONLY = 13, 8


def is_disk_full(exc: BaseException) -> bool:
    """True for a full disk, whether the operating system (ENOSPC, EDQUOT) or SQLite (SQLITE_FULL) says so."""
    if isinstance(exc, OSError):
        return _STORAGE_CODES.get(exc.errno) == "disk.full"
    return getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "database or disk is full" in str(exc)


def storage_error(exc: BaseException, path: Path | str | None = None):
    """The `UserError` for a write that failed because the disk is full or read-only or the user may not write
    there; None for any other failure (a bug, or a damaged file: not for this function to hide)."""
    from app.core.errors import UserError

    where = str(path) if path is not None else None
    if isinstance(exc, OSError):
        code = _STORAGE_CODES.get(exc.errno)
        where = where or exc.filename
    elif is_disk_full(exc):
        code = "disk.full"
    elif getattr(exc, "sqlite_errorcode", None) == _SQLITE_READONLY or "readonly database" in str(exc):
        code = "disk.read_only"
    else:
        code = None
    if code is None:
        return None
    return UserError(code, path=str(where) if where is not None else "")


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def known_problem(exc: BaseException, path: Path | str | None = None):
    """The `UserError` for a failure the user can act on although no code foresaw it at that place: a full or
    read-only disk, no permission (`storage_error`), or a database file damaged since it was opened ("database
    disk image is malformed": restore a backup). None for anything else: a bug, for the crash report."""
    from app.core.errors import UserError
    from app.core.messages import Ref

    problem = storage_error(exc, path)
    if problem is not None:
        return problem
    code = getattr(exc, "sqlite_errorcode", None)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "database disk image is malformed" in str(exc):
        return UserError("db.damaged", reason=Ref("reason.malformed"))
    return None


def data_folder_problem(folder: Path | str):
    """The `UserError` when the data folder cannot even be looked into (another Windows account's folder, a stick's
    folder made by another user, a name too long); None when it can, whether set up or not. Asked first, before
    logging or the language setting read anything in it."""
    from app.core.errors import UserError

    try:
        os.stat(Path(folder) / "keys.json")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return UserError("datadir.unwritable", path=str(folder), reason=os_reason(exc))
    return None


def write_failed(path: Path, exc: OSError):
    """Why the file *path* could not be written: a full or read-only disk, no permission, or what the system said."""
    from app.core.errors import UserError

    return storage_error(exc, path) or UserError("file.unwritable", path=str(path), reason=os_reason(exc))


def make_private(path: Path) -> None:
    """Only this user may read *path* (a folder, or a file of the data folder). A no-op where chmod is (Windows)."""
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        wanted = PRIVATE_FOLDER if stat.S_ISDIR(mode) else PRIVATE_FILE
        if stat.S_IMODE(mode) & 0o077:
            os.chmod(path, wanted)


def private_folder(path: Path) -> Path:
    """Make the folder *path* (and its missing parents) readable by this user only."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(path)
    return path


def fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write *path* through a binary file object; the file appears complete or not at all."""
    path = Path(path)
    with contextlib.suppress(OSError):  # never replace a device (/dev/full), a folder or a pipe by a file
        if not stat.S_ISREG(path.stat().st_mode):
            from app.core.errors import UserError

            raise UserError("file.not_file" if path.is_dir() else "file.not_regular", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)
