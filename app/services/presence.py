"""One desktop window per data folder, unless the user insists (issue 13, item 8).

Two windows on one folder are safe — every write is a transaction, the window follows what others change, and a
form refuses to overwrite a newer version — but on a slow commune PC a second copy is almost always a double click
that took long to show: the user then types into one window while the other sits hidden behind it. So the
desktop program holds `desktop.lock` in the data folder while it runs (an OS lock: released when the process ends,
even killed), and a second copy is told the folder is in use and offered to close (the default) or open anyway.
The `tnld` command line never asks: it works beside an open window as it always did.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.core.errors import UserError
from app.db.folderlock import FolderLock

log = logging.getLogger(__name__)

LOCK_NAME = "desktop.lock"


def hold_desktop(folder: Path) -> FolderLock | None:
    """The desktop program's hold on *folder* (keep it while the program runs); None when another desktop program
    holds it. A folder that takes no lock file (read-only) gives an unprotected start: a hold of nothing."""
    lock = FolderLock(Path(folder), LOCK_NAME)
    try:
        return lock.acquire(exclusive=True)
    except UserError as problem:
        if problem.code == "datadir.in_use":
            log.info("another desktop program holds %s", folder)
            return None
        log.warning("the desktop lock of %s was not taken: %s", folder, problem.code)  # a read-only folder
        return lock
    except OSError as problem:
        log.warning("the desktop lock of %s was not taken: %s", folder, problem)
        return lock
