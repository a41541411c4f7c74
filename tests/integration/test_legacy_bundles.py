"""Bundles of formats 1 and 2, frozen when they were current, still import at an office (docs/bundle-format.md,
appendix): a stick with last year's files must not become useless after an upgrade."""

import json
import shutil
from pathlib import Path

import pytest

from app.services.exchange import import_files
from app.services.workspace import login

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy-bundles"
EXPECTED = json.loads((LEGACY / "legacy-bundles.json").read_text())


@pytest.fixture
def old_office(tmp_path):
    folder = shutil.copytree(LEGACY / "office-v0.1.0", tmp_path / "office")
    files = [shutil.copy(LEGACY / name, tmp_path / name) for name in sorted(p.name for p in LEGACY.glob("*.tnld"))]
    return folder, [Path(f) for f in files]


def test_format_1_and_2_bundles_still_import(old_office, tmp_path):
    folder, files = old_office
    with login(folder, "admin", "fixture-password") as session:
        outcomes = import_files(session, files, receipts_dir=tmp_path / "receipts")
        assert [(o.path.name, o.state) for o in outcomes] == [
            ("bundle-v1-06040-2025.tnld", "imported"),
            ("bundle-v2-06040-2026-Q1.tnld", "imported"),
            ("bundle-v2-clear-06112-2026-Q2.tnld", "imported")]
        held = dict(session.db.execute("SELECT id, status FROM accidents").fetchall())
        assert held == {EXPECTED["v1"]["id"]: "confirmed", EXPECTED["v2"]["ids"][0]: "confirmed",
                        EXPECTED["v2"]["void"]: "void", EXPECTED["v2clear"]["id"]: "confirmed"}
        assert session.db.execute("SELECT id FROM incidents").fetchall() == [(EXPECTED["v2"]["incident"],)]
        hashes = dict(session.db.execute("SELECT file_name, bundle_hash FROM bundles_received").fetchall())
        assert hashes["bundle-v2-06040-2026-Q1.tnld"] == EXPECTED["hashes"]["v2"]
        # a second time: already imported, nothing changes
        again = import_files(session, files, receipts_dir=tmp_path / "receipts")
        assert {o.state for o in again} == {"already"}
