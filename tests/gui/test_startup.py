"""The program's start in a real process: `python -m app` (and `tnld-gui`) with no command opens the login
window on a set-up folder without importing any heavy library first (SPEC § 10: the login window within 0.5 s;
the timing itself is `bench/gui_startup.py`'s), and the set-up wizard on an empty folder, which Cancel leaves
as it was. The windows report themselves through `app.ui.startup_probe` and close."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(args: list[str], *, module: bool = True) -> dict:
    """Run the program with the probe on; the one line the first window prints, as a dict."""
    env = {**os.environ, "TNLD_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT)}
    env.pop("TNLD_DATA_DIR", None)
    command = [sys.executable, "-m", "app", *args] if module else \
        [sys.executable, "-c", "import sys; from app.ui.application import main; sys.exit(main())", *args]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("TNLD_STARTUP_PROBE ")]
    assert len(lines) == 1, (done.stdout, done.stderr)
    return json.loads(lines[0].split(" ", 1)[1])


def test_python_m_app_opens_the_login_window_before_any_heavy_import(commune_dir):
    shown = start(["--data-dir", str(commune_dir)])
    assert shown == {"window": "login", "heavy": []}


def test_the_gui_script_opens_the_login_window_too(commune_dir):
    shown = start(["--data-dir", str(commune_dir)], module=False)
    assert shown == {"window": "login", "heavy": []}


def test_an_empty_folder_opens_the_wizard_and_closing_it_leaves_nothing(tmp_path):
    folder = tmp_path / "not-yet"
    shown = start(["--data-dir", str(folder)])
    assert shown["window"] == "wizard" and shown["heavy"] == []
    assert not folder.exists()


def test_the_probe_is_silent_without_its_variable(qtbot, commune_dir, monkeypatch, capsys):
    from app.ui.login_dialog import LoginDialog

    monkeypatch.delenv("TNLD_STARTUP_PROBE", raising=False)
    dialog = LoginDialog(commune_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    assert dialog.isVisible() and "TNLD_STARTUP_PROBE" not in capsys.readouterr().out
