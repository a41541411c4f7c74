"""The domain core must work without a display: importing it must not load PySide6 (STYLE § 1)."""

import subprocess
import sys

CORE_MODULES = [
    "app.core.codelists", "app.core.derived", "app.core.errors", "app.core.interchange", "app.core.messages",
    "app.core.model", "app.core.periods", "app.core.rules", "app.core.text", "app.core.validation",
    "app.db.accident_store", "app.db.audit", "app.db.connection", "app.db.keyfile", "app.db.migrations",
    "app.services.backup", "app.services.demo", "app.services.records", "app.services.search", "app.services.users",
    "app.services.workspace",
]


def test_core_imports_without_pyside6():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_command_line_does_not_load_qt(tmp_path):
    """Importing PySide6 costs 100–150 ms of start-up; the CLI translates from the .ts file instead."""
    code = (
        "import sys, io, contextlib\n"
        "from app.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--lang', 'vi', 'list', '--help'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr
