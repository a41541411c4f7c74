"""Shared fixtures: a template data folder set up once, copied for each test (STYLE § 19)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("LANG", "C.UTF-8")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TNLD_PASSWORD", None)
os.environ.pop("TNLD_DATA_DIR", None)
os.environ.pop("TNLD_USER", None)


def pytest_configure(config) -> None:
    """New key wraps at scrypt 2^12 in the tests and their `tnld` subprocesses (app/db/keyfile.py says why); set
    here, not at import, so that bench/run.py, which imports this module, measures the real cost."""
    os.environ["TNLD_TEST_FAST_KDF"] = "1"

PASSWORD = "mat-khau-123"
COMMUNE = "06040"  # Xã Thất Khê, Lạng Sơn
OTHER_COMMUNE = "06112"  # Xã Bình Gia, Lạng Sơn
PROVINCE = "20"


def make_accident(**changes: Any) -> dict[str, Any]:
    """A valid record of a Lạng Sơn commune, with one victim; *changes* override accident fields."""
    accident: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "unit": COMMUNE,
        "occurred_on": "2026-03-14",
        "occurred_time": "09:30",
        "village": "Thôn Nà Pàn",
        "place": "7.4",
        "activity": "2",
        "work": "Hái hồi trên cây",
        "factor": "03",
        "cause": "7",
        "commuting": False,
        "description": "Trèo cây hồi, cành gãy, bị ngã xuống đất.",
        "source": "family",
        "declared_on": "2026-03-15",
        "declared_by": "Gia đình nạn nhân",
        "status": "confirmed",
        "victims": [make_victim()],
    }
    accident.update(changes)
    return accident


def make_victim(**changes: Any) -> dict[str, Any]:
    victim: dict[str, Any] = {
        "name": "Hoàng Văn Đức",
        "sex": "M",
        "birth_year": 1984,
        "id_number": "020084001234",
        "phone": "0912345678",
        "ethnicity": "07",
        "occupation": "62",
        "residence": COMMUNE,
        "injury_type": "01",
        "body_part": "60",
        "severity": "serious",
        "outcome": "recovered",
        "days_off": 30,
        "cost_kvnd": 4500,
    }
    victim.update(changes)
    return victim


@pytest.fixture(scope="session")
def template_dirs(tmp_path_factory) -> dict[str, Path]:
    """A commune and an office data folder, set up once for the whole run (scrypt is slow on purpose)."""
    from app.services.workspace import initialise

    root = tmp_path_factory.mktemp("templates")
    commune = root / "commune"
    office = root / "office"
    codes = {}
    codes["commune"] = initialise(commune, role="commune", unit=COMMUNE, admin="admin", password=PASSWORD).recovery_code
    codes["office"] = initialise(office, role="office", unit=PROVINCE, admin="admin", password=PASSWORD,
                                 office_name="Sở Nội vụ tỉnh Lạng Sơn").recovery_code
    (root / "codes.txt").write_text(f"{codes['commune']}\n{codes['office']}\n")
    # The commune has registered its office's key card, as its set-up asks: it can export (always encrypted).
    from app.services.keys import trust_card, write_card
    from app.services.workspace import login

    with login(office, "admin", PASSWORD) as opened:
        write_card(opened, root / "office.card")
    with login(commune, "admin", PASSWORD) as opened:
        trust_card(opened, root / "office.card")
    for folder in (commune, office):  # as set-up leaves them: no login has been recorded yet
        for name in ("login-delays.json", "login-delays.lock"):
            (folder / name).unlink(missing_ok=True)
    return {"commune": commune, "office": office, "root": root}


def _copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


@pytest.fixture
def commune_dir(template_dirs, tmp_path) -> Path:
    return _copy(template_dirs["commune"], tmp_path / "commune")


@pytest.fixture
def office_dir(template_dirs, tmp_path) -> Path:
    return _copy(template_dirs["office"], tmp_path / "office")


@pytest.fixture
def recovery_code(template_dirs) -> str:
    return (template_dirs["root"] / "codes.txt").read_text().splitlines()[0]


@pytest.fixture
def session(commune_dir):
    from app.services.workspace import login

    with login(commune_dir, "admin", PASSWORD) as opened:
        yield opened


@pytest.fixture
def office_session(office_dir):
    from app.services.workspace import login

    with login(office_dir, "admin", PASSWORD) as opened:
        yield opened


@pytest.fixture
def today() -> dt.date:
    from app.core.periods import vietnam_now

    return vietnam_now().date()  # the program's today (Vietnam's), whatever zone the test machine is in
