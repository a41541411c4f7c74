"""PySide6 6.12 on Python 3.11 takes a reference from None at every void call; without `pyside_guard` the
process aborts after a few thousand calls ("deallocating None"). Run in a child process: an abort here would
otherwise end the whole test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
import app.ui  # the guard runs on import
from PySide6.QtWidgets import QApplication, QLineEdit
application = QApplication([])
field = QLineEdit()
for _ in range(100_000):
    field.update()
    field.setText("Nguyễn")
print("alive", sys.getrefcount(None) > 1000)
"""


def test_a_hundred_thousand_void_calls_do_not_abort_the_program():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive True" in result.stdout
