"""Logging (not the audit log, STYLE § 15): a rotating file in the data folder's `logs/`, and crash reports.

Log lines say what the program did, never whose record it was: no names, ID numbers or phone numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from app import __version__

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None, level: int = logging.INFO) -> None:
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
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / "tnld.log", maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
    except OSError:
        return
    handler._tnld = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)


def write_crash_report(exc: BaseException, folder: Path | None) -> Path:
    """Write the traceback of an unexpected error to a file; returns its path."""
    folder = folder if folder is not None else Path(tempfile.gettempdir())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.txt"
    text = "".join([
        f"TNLĐ {__version__}, Python {sys.version.split()[0]}, {platform.platform()}\n\n",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ])
    path.write_text(text, encoding="utf-8")
    logging.getLogger(__name__).error("unexpected error, report in %s", path.name)
    return path
