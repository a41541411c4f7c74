"""Where the program's files are: its read-only data (next to the package from source, inside the build when
frozen) and the user's data folder.

The data folder: `--data-dir`, else `TNLD_DATA_DIR`, else — in a built program with a file `portable.txt` beside
its executable (a program carried on a USB stick) — the folder `data` beside the executable, else the user's
application-data folder (`%LOCALAPPDATA%\\TNLD` on Windows, `~/.local/share/TNLD` on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_MARK = "portable.txt"
PORTABLE_DATA = "data"


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return _root() / "resources"


def i18n_dir() -> Path:
    return _root() / "i18n"


def docs_dir() -> Path:
    """The user guide and the licences: `docs/` of the checkout, or the build's `docs/`."""
    return _root() / "docs"


def program_folder() -> Path | None:
    """The folder of the built program's executables; None when running from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_folder() -> Path | None:
    """The data folder beside a built program marked portable (`portable.txt` beside the executable)."""
    folder = program_folder()
    if folder is not None and (folder / PORTABLE_MARK).is_file():
        return folder / PORTABLE_DATA
    return None


def default_data_dir() -> Path:
    """The data folder when none is named on the command line (see the module's text)."""
    env = os.environ.get("TNLD_DATA_DIR")
    if env:
        return Path(env)
    portable = portable_folder()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir("TNLD", appauthor=False, roaming=False))
