"""Atomic file writes: a temp file in the same folder, fsync, `os.replace`, then fsync of the folder, so a power
cut leaves either the old file or the new one, never half of one (STYLE § 18).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def input_file(path: Path) -> Path:
    """*path* as a file the user named for reading: a clear message if it is missing or a folder."""
    from app.core.errors import UserError

    path = Path(path)
    if not path.exists():
        raise UserError("file.missing", path=str(path))
    if path.is_dir():
        raise UserError("file.not_file", path=str(path))
    return path


def unreadable(path: Path, exc: OSError):
    """The message for a file that exists but cannot be read (locked, no permission, a failing stick)."""
    from app.core.errors import UserError

    return UserError("file.unreadable", path=str(path), reason=exc.strerror or str(exc))


def read_input(path: Path) -> tuple[Path, bytes]:
    """The bytes of a file the user named (a key card, a PDF), with the same clear messages as `input_file`."""
    path = input_file(path)
    try:
        return path, path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None


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
