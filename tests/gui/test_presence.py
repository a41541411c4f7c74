"""A second copy of the desktop program on the same data folder is told that the folder is in use (issue 13,
item 8): with real processes, and the hold gone when the first is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys, time; from app.services.presence import hold_desktop; "
    "hold = hold_desktop(sys.argv[1]); print('held' if hold is not None and hold.held else 'not held', flush=True); "
    "time.sleep(60)"
)


@pytest.fixture
def other_program(commune_dir):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(commune_dir)], cwd=ROOT, stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def test_a_second_copy_is_told_the_folder_is_in_use_and_closes_by_default(commune_dir, other_program, messages, qapp):
    from app.services.presence import hold_desktop
    from app.ui.application import hold_folder

    assert hold_desktop(commune_dir) is None
    messages.answers.append(False)  # "Close", the default button
    assert hold_folder(qapp, commune_dir) is False
    assert "already open" in messages.texts("ask")[0] or "đang mở" in messages.texts("ask")[0]
    messages.answers.append(True)  # "Open a second window": both are safe, the user insisted
    assert hold_folder(qapp, commune_dir) is True


def test_the_hold_goes_with_a_killed_program(commune_dir, other_program, messages, qapp):
    from app.services.presence import hold_desktop
    from app.ui.application import hold_folder

    other_program.send_signal(signal.SIGKILL)
    other_program.wait()
    deadline = time.monotonic() + 5
    while hold_desktop(commune_dir) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hold_folder(qapp, commune_dir) is True
    assert messages.texts("ask") == []  # nobody else: no question
    second = subprocess.run([sys.executable, "-c", HOLDER.replace("time.sleep(60)", "pass"), str(commune_dir)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert second.stdout.strip() == "not held"  # this program holds it now
    qapp._tnld_presence.release()
