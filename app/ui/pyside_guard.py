"""Keeps PySide6 6.12 from aborting the program on Python 3.11.

PySide6 6.12's wheels (abi3, built for CPython ≥ 3.12, where None, True and False are immortal) return `None`
from every void method (`update()`, `setText()`, `beginResetModel()`, …) without taking a reference, and some
`bool` results alike. On Python 3.11 each such call takes one reference from None; after a few thousand calls
(≈ 5,000 references exist at start-up) None's count reaches zero and CPython aborts the process with "Fatal
Python error: none_dealloc: deallocating None" — typing 200 words into a picker was enough. Measured here:
`sys.getrefcount(None)` falls by exactly one per `QLineEdit.update()`.

Until the program runs on Python ≥ 3.12 (or on a PySide6 that increments), these three objects are given a
reference count no program can exhaust, which is what 3.12's immortal objects are. CPython only: the count is
the first field of every object (`ob_refcnt`, a `Py_ssize_t`).
"""

from __future__ import annotations

import ctypes
import platform
import sys

_ENDLESS = 1 << 40  # a trillion references: centuries of void calls
_done = False


def protect_singletons() -> None:
    """Give None, True and False an endless reference count on CPython < 3.12 (once; harmless elsewhere)."""
    global _done
    if _done or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _ENDLESS
    _done = True
