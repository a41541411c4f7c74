"""The domain core must work without a display: importing it must not load PySide6 (STYLE § 1)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_PACKAGES = ("core", "db", "exchange", "reports", "services")
# Every module of the domain core, found on disk, so that a new one is covered without editing this list.
CORE_MODULES = sorted(
    f"app.{package}.{module.name}"
    for package in CORE_PACKAGES
    for module in pkgutil.iter_modules([str(ROOT / "app" / package)])
)


def test_the_core_modules_are_found():
    assert {"app.exchange.bundle", "app.services.exchange", "app.core.validation", "app.reports.pdf",
            "app.reports.linelist", "app.core.progress"} <= set(CORE_MODULES)


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
