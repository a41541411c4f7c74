"""A hook for the start-up test and the bench: with `TNLD_STARTUP_PROBE=1` in the environment, the first window
of the program (the login dialog, or the set-up wizard on an empty folder) prints one line as soon as it is shown,
`TNLD_STARTUP_PROBE {"window": ..., "heavy": [...]}` (the heavy libraries imported so far, which must be none
before the login window: SPEC § 10), and closes itself, so the program ends as if the user had closed it.
With `TNLD_STARTUP_PROBE=collation` it then prints `TNLD_COLLATION [...]`: a sample of Vietnamese names sorted
by Qt's collator (the built program's test checks its reduced ICU data with it). Without the variable it does nothing.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

ENV = "TNLD_STARTUP_PROBE"
PREFIX = "TNLD_STARTUP_PROBE "
HEAVY = ("reportlab", "openpyxl", "pyhanko", "cryptography")
COLLATION_PREFIX = "TNLD_COLLATION "
SAMPLE = ("Đỗ Văn An", "Dương Thị Bé", "Ánh", "Anh", "Ă", "Â", "Bình", "Ốc", "Ô", "Ơn", "O", "Ưu", "U", "đa", "da")


def vietnamese_order() -> list[str]:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    return sorted(SAMPLE, key=collator.sortKey)


def heavy_modules() -> list[str]:
    return sorted(name for name in sys.modules if name.split(".")[0] in HEAVY)


def _shown(window: QDialog, kind: str) -> None:
    if window.property("tnld_probed"):  # the first show only
        return
    window.setProperty("tnld_probed", True)
    if not os.environ.get(ENV):
        return
    heavy = heavy_modules()  # now, before any event runs: what the window's showing needed

    def report() -> None:
        print(PREFIX + json.dumps({"window": kind, "heavy": heavy}), flush=True)
        if os.environ.get(ENV) == "collation":  # the built program's ICU data (packaging/icu_data.py) sorts Vietnamese
            print(COLLATION_PREFIX + json.dumps(vietnamese_order(), ensure_ascii=False), flush=True)
        window.reject()

    QTimer.singleShot(0, report)


def question_instead(kind: str) -> bool:
    """Under the probe, a question that would block the start (another copy holds the folder) is reported as the
    window shown, and answered with its default (close): True when the probe answered it."""
    if not os.environ.get(ENV):
        return False
    print(PREFIX + json.dumps({"window": kind, "heavy": heavy_modules()}), flush=True)
    return True


def login_shown(dialog: QDialog) -> None:
    _shown(dialog, "login")


def wizard_shown(wizard: QDialog) -> None:
    _shown(wizard, "wizard")
