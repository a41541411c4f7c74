"""Logging (not the audit log, STYLE § 15): a rotating file in the data folder's `logs/`, and crash reports.

Log lines say what the program did, never whose record it was: no names, ID numbers or phone numbers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import logging.handlers
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from app import __version__
from app.core.fsutil import PRIVATE_FILE, make_private, private_folder

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None, level: int = logging.INFO) -> None:
    # A log line that cannot be written (a full disk) is dropped: it must never print a traceback or stop a command.
    logging.raiseExceptions = False
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tnld", False):
            root.removeHandler(handler)
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(logging.NullHandler())  # nothing on the terminal: the CLI prints what people need
    if folder is None:
        return
    try:
        private_folder(folder)
        handler = logging.handlers.RotatingFileHandler(folder / "tnld.log", maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
        make_private(folder / "tnld.log")
    except OSError:
        return
    handler._tnld = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)


def write_crash_report(exc: BaseException, folder: Path | None) -> Path | None:
    """Write the traceback of an unexpected error to a file in *folder* (the data folder's `logs/`), or in the temp
    folder when that cannot be written; returns its path, or None when no file could be written (a full disk).
    Never raises: it runs while an error is being reported."""
    text = "".join([
        f"TNLĐ {__version__}, Python {sys.version.split()[0]}, {platform.platform()}\n\n",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ])
    name = f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    for place in ([folder] if folder is not None else []) + [Path(tempfile.gettempdir())]:
        path = place / name
        try:
            if place == folder:
                private_folder(place)  # never the system's temp folder itself
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        logging.getLogger(__name__).error("unexpected error, report in %s", path.name)
        return path
    return None
