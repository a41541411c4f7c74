"""A damaged or missing database found at login: the newest automatic backup (or another backup file) is restored
without a session (nobody can log in), but only when the database really is damaged or missing, only a backup of
this folder's unit and role, and only by an admin of the backup. The damaged files are kept aside, never deleted."""

import datetime as dt
import os

import pytest

from app.core.errors import UserError
from app.db.audit import verify_chain
from app.services import records, users
from app.services.backup import auto_backup, restore_damaged, write_backup
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident

CLERK_PASSWORD = "hoa mai vang ben song"


def _folder_with_backup(folder, count=3):
    """*count* accidents, an automatic backup of them, then one accident more (lost with the damage)."""
    with login(folder, "admin", PASSWORD) as session:
        kept = [records.save_accident(session, make_accident()).id for _ in range(count)]
        backup = auto_backup(session, now=dt.datetime.now() - dt.timedelta(hours=1))
        records.save_accident(session, make_accident(work="Sửa mái nhà"))
    assert backup is not None
    return kept, backup


def _overwrite_middle(db):
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4000] = os.urandom(4000)
    db.write_bytes(bytes(data))


def _truncate(db):
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])


def _files(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith("-shm")}


@pytest.mark.parametrize("damage", [_overwrite_middle, _truncate, lambda db: db.unlink()],
                         ids=["overwritten", "truncated", "deleted"])
def test_a_damaged_database_is_replaced_by_the_backup_and_kept_aside(commune_dir, damage):
    kept, backup = _folder_with_backup(commune_dir)
    db = commune_dir / "tnld.db"
    damage(db)
    damaged = db.read_bytes() if db.exists() else None
    seen = []

    result = restore_damaged(commune_dir, backup, "admin", PASSWORD, progress=lambda done, total: seen.append(total))

    assert result.accidents == 3 and seen
    # The damaged files are kept as they were, with the key file that opens them.
    aside = result.saved_copy
    assert aside is not None and aside.parent == commune_dir / "backups" and aside.name.startswith("damaged-")
    if damaged is not None:
        assert (aside / "tnld.db").read_bytes() == damaged
    assert (aside / "keys.json").is_file()
    with login(commune_dir, "admin", PASSWORD) as session:
        assert sorted(r["id"] for r in records.list_accidents(session)) == sorted(kept)
        assert verify_chain(session.db).ok
        row = session.db.execute("SELECT action, detail FROM audit WHERE action = 'restore_damaged'").fetchone()
        assert row is not None and aside.name in row[1]
    assert not list(commune_dir.glob(".restore-*")) and not list(commune_dir.glob("keys.restore-*"))


def test_a_healthy_database_is_never_replaced_without_a_login(commune_dir):
    _kept, backup = _folder_with_backup(commune_dir)
    before = _files(commune_dir)
    with pytest.raises(UserError) as caught:
        restore_damaged(commune_dir, backup, "admin", PASSWORD)
    assert caught.value.code == "restore.not_damaged"
    assert str(commune_dir) in caught.value.message()
    assert _files(commune_dir) == before
    assert not list((commune_dir / "backups").glob("damaged-*"))


def test_a_backup_of_another_unit_is_refused(commune_dir, office_dir, tmp_path):
    _folder_with_backup(commune_dir)
    with login(office_dir, "admin", PASSWORD) as session:
        other = write_backup(session, tmp_path / "office.tnldbak")
    _truncate(commune_dir / "tnld.db")
    before = _files(commune_dir)
    with pytest.raises(UserError) as caught:
        restore_damaged(commune_dir, other, "admin", PASSWORD)
    assert caught.value.code == "backup.other_unit"
    assert _files(commune_dir) == before


def test_only_an_admin_of_the_backup_restores_it(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        users.add_user(session, "lan", "clerk", CLERK_PASSWORD)
    _kept, backup = _folder_with_backup(commune_dir)
    _truncate(commune_dir / "tnld.db")
    before = _files(commune_dir)
    with pytest.raises(UserError) as caught:
        restore_damaged(commune_dir, backup, "lan", CLERK_PASSWORD)
    assert caught.value.code == "role.forbidden"
    with pytest.raises(UserError) as caught:
        restore_damaged(commune_dir, backup, "admin", "not the password")
    assert caught.value.code == "login.failed"
    assert _files(commune_dir) == before


def test_a_damaged_backup_is_refused_naming_it_and_nothing_changes(commune_dir, tmp_path):
    _kept, backup = _folder_with_backup(commune_dir)
    _truncate(commune_dir / "tnld.db")
    cut = tmp_path / "cut.tnldbak"
    cut.write_bytes(backup.read_bytes()[:5000])
    before = _files(commune_dir)
    for bad in (cut, tmp_path / "none.tnldbak", tmp_path):
        with pytest.raises(UserError) as caught:
            restore_damaged(commune_dir, bad, "admin", PASSWORD)
        assert str(bad) in caught.value.message()
    assert _files(commune_dir) == before


def test_a_folder_that_is_not_set_up_is_for_the_wizard(tmp_path, commune_dir):
    _kept, backup = _folder_with_backup(commune_dir)
    with pytest.raises(UserError) as caught:
        restore_damaged(tmp_path / "empty", backup, "admin", PASSWORD)
    assert caught.value.code == "datadir.not_initialised"
    assert not (tmp_path / "empty").exists()


def test_inspecting_for_a_damaged_folder_shows_the_backup_without_changing_anything(commune_dir):
    from app.services.backup import inspect_damaged

    _kept, backup = _folder_with_backup(commune_dir)
    _truncate(commune_dir / "tnld.db")
    before = _files(commune_dir)
    info = inspect_damaged(commune_dir, backup, "admin", PASSWORD)
    assert info.counts.accidents == 3 and info.unit == "06040" and info.user == "admin"
    assert _files(commune_dir) == before
    # What was shown is what is restored: a backup file changed since is refused.
    result = restore_damaged(commune_dir, backup, "admin", PASSWORD, confirmed=info)
    assert result.accidents == 3


def test_a_power_cut_before_the_key_file_was_moved_is_completed_at_the_next_login(commune_dir):
    import json

    _kept, backup = _folder_with_backup(commune_dir)
    _truncate(commune_dir / "tnld.db")
    result = restore_damaged(commune_dir, backup, "admin", PASSWORD)
    with login(commune_dir, "admin", PASSWORD, audit=False) as session:
        detail = json.loads(session.db.execute(
            "SELECT detail FROM audit WHERE action = 'restore_damaged'").fetchone()[0])
    # As a cut leaves it: the restored database in place, the backup's key file still beside today's.
    keys = (commune_dir / "keys.json").read_bytes()
    (commune_dir / f"keys.restore-{detail['restore_id']}.json").write_bytes(keys)
    (commune_dir / "keys.json").write_bytes((result.saved_copy / "keys.json").read_bytes())
    with login(commune_dir, "admin", PASSWORD) as session:
        assert ("restore.finished", {}) in session.notices
        assert records.count_accidents(session) == 3
    assert not list(commune_dir.glob("keys.restore-*"))
