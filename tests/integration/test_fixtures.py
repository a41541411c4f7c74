"""Data folders written by earlier versions open, migrate and keep every record (STYLE § 9)."""

import shutil
from pathlib import Path

from app.db.audit import verify_chain
from app.services import records
from app.services.workspace import login

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_v0_1_0_data_folder_opens_with_all_its_records(tmp_path):
    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    with login(folder, "admin", "fixture-password") as session:
        listed = {r["id"][:8]: r for r in records.list_accidents(session, include_void=True)}
        assert set(listed) == {"11111111", "22222222", "33333333"}
        assert (listed["11111111"]["version"], listed["11111111"]["record_ref"]) == (2, "01/BB-UBND")
        assert listed["33333333"]["status"] == "void"
        assert (listed["22222222"]["deaths"], listed["22222222"]["women"]) == (1, 1)
        assert [r["first_victim"] for r in records.list_accidents(session, search="trieu phin")] == ["Triệu Văn Phin"]
        assert len(records.history(session, "11111111-1111-4111-8111-111111111111")) == 2
        assert verify_chain(session.db).ok


def test_the_v0_1_0_recovery_code_still_works(tmp_path):
    from app.services.workspace import recover

    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    code = (FIXTURES / "recovery-code.txt").read_text().strip()
    recover(folder, code, "admin", "new-password-1")
    with login(folder, "admin", "new-password-1") as session:
        assert session.unit == "06040"


def test_a_v0_1_0_data_folder_gets_keys_and_exports_a_bundle(tmp_path):
    """Set up before bundles existed: its keys are made the first time they are needed, audited."""
    from app.core.periods import Period
    from app.exchange.bundle import open_bundle
    from app.services.exchange import export_bundle
    from app.services.keys import own_identity, trust_card, write_card
    from app.services.workspace import initialise

    office = tmp_path / "office"
    initialise(office, role="office", unit="20", admin="admin", password="mat-khau-123",
               office_name="Sở Nội vụ tỉnh Lạng Sơn")
    with login(office, "admin", "mat-khau-123") as session:
        write_card(session, tmp_path / "office.card")
    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    with login(folder, "admin", "fixture-password") as session:
        applied = [row[0] for row in session.db.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
        assert "m0003_bundles" in applied
        assert list(session.db.execute("SELECT * FROM own_keys")) == []
        trust_card(session, tmp_path / "office.card")
        fingerprint = own_identity(session).public.fingerprint
        result = export_bundle(session, Period.parse("2026"), tmp_path / "old.tnld")
        assert verify_chain(session.db).ok
        actions = [row[0] for row in session.db.execute("SELECT action FROM audit")]
        assert "keys_create" in actions and actions[-1] == "export"
    with login(folder, "admin", "fixture-password") as session:
        assert own_identity(session).public.fingerprint == fingerprint  # made once, kept
    opened = open_bundle(result.path)
    with login(office, "admin", "mat-khau-123") as session:
        counts = opened.facts(own_identity(session))["counts"]
    assert opened.signer.unit == "06040" and counts["accidents"] == result.accidents
