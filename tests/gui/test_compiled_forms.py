"""Every Designer form in `forms/` is compiled, and its committed `app/ui/forms/ui_*.py` is exactly what
`pyside6-uic` makes of it today (STYLE § 5): an edit of a `.ui` without `./dev.sh forms` fails here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    assert found, "pyside6-uic is installed with pyside6-essentials"
    return found


@pytest.mark.parametrize("form", FORMS, ids=[form.stem for form in FORMS])
def test_the_compiled_form_is_up_to_date(form, tmp_path):
    compiled = ROOT / "app" / "ui" / "forms" / f"ui_{form.stem}.py"
    assert compiled.is_file(), f"{form.name} is not compiled: run ./dev.sh forms"
    fresh = tmp_path / compiled.name
    subprocess.run([uic(), str(form), "-o", str(fresh)], check=True)
    assert compiled.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), \
        f"{compiled.name} differs from {form.name}: run ./dev.sh forms"


def test_no_compiled_form_is_left_without_its_ui():
    compiled = {path.stem.removeprefix("ui_") for path in (ROOT / "app" / "ui" / "forms").glob("ui_*.py")}
    assert compiled == {form.stem for form in FORMS}
