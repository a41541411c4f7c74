"""The data folder at rest: encryption, passwords, the recovery code, the audit chain, migrations."""

import os

import pytest

from app.core.errors import UserError
from app.db.audit import verify_chain
from app.db.connection import WrongKey, connect
from app.services import records, users
from app.services.backup import write_backup
from app.services.workspace import initialise, login, recover
from tests.conftest import PASSWORD, make_accident, make_victim

SECRET_NAME = "Lành Thị Phượng"
SECRET_ID = "020191004321"


def all_bytes(folder):
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                yield os.path.join(root, name), handle.read()


def _assert_no_clear_text(folder):
    needles = [SECRET_NAME.encode("utf-8"), SECRET_ID.encode(), "Phượng".encode("utf-16-le")]
    names = []
    for path, data in all_bytes(folder):
        names.append(os.path.basename(path))
        for needle in needles:
            assert needle not in data, f"{needle!r} in clear in {path}"
    return names


def test_no_file_in_the_data_folder_holds_a_name_or_id_number_in_clear(commune_dir):
    from app.services.backup import auto_backup

    with login(commune_dir, "admin", PASSWORD) as session:
        records.save_accident(session, make_accident(victims=[make_victim(name=SECRET_NAME, sex="F", birth_year=1991,
                                                                          id_number=SECRET_ID)]))
        write_backup(session, commune_dir / "backups" / "manual.tnldbak")
        assert auto_backup(session) is not None
        assert records.list_accidents(session, search="phuong")[0]["first_victim"] == SECRET_NAME
        open_names = _assert_no_clear_text(commune_dir)  # with the WAL still there
        assert {"tnld.db", "tnld.db-wal", "keys.json", "manual.tnldbak"} <= set(open_names)
    closed_names = _assert_no_clear_text(commune_dir)
    assert any(name.endswith(".tnldbak") and name.startswith("tnld-") for name in closed_names)


def test_a_wrong_password_opens_nothing(commune_dir):
    with pytest.raises(UserError) as caught:
        login(commune_dir, "admin", "wrong-password")
    assert caught.value.code == "login.failed"
    with pytest.raises(UserError) as caught:
        login(commune_dir, "nobody", PASSWORD)
    assert caught.value.code == "login.failed"


def test_the_database_needs_its_key(commune_dir):
    with pytest.raises(WrongKey):
        connect(commune_dir / "tnld.db", b"\x01" * 32)


def test_the_recovery_code_sets_a_new_password(commune_dir, recovery_code):
    with pytest.raises(UserError) as caught:
        recover(commune_dir, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "admin", "mat-khau-moi-1")
    assert caught.value.code == "recovery.failed"
    typed_back = recovery_code.lower().replace("-", " ")
    recover(commune_dir, typed_back, "admin", "mat-khau-moi-1")
    with pytest.raises(UserError):
        login(commune_dir, "admin", PASSWORD)
    with login(commune_dir, "admin", "mat-khau-moi-1") as session:
        assert verify_chain(session.db).ok


def test_password_change_and_user_roles(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        users.add_user(session, "nhap", "clerk", "mat-khau-so-2")
        with pytest.raises(UserError):
            users.add_user(session, "nhap", "clerk", "mat-khau-so-2")
        with pytest.raises(UserError) as caught:
            users.set_role(session, "admin", role="clerk")
        assert caught.value.code == "user.last_admin"
    with login(commune_dir, "nhap", "mat-khau-so-2") as clerk:
        assert clerk.user_role == "clerk"
        users.change_password(clerk, "mat-khau-so-2", "mat-khau-so-3")
        with pytest.raises(UserError):
            users.add_user(clerk, "khac", "viewer", "mat-khau-khac")
    with login(commune_dir, "nhap", "mat-khau-so-3") as clerk:
        assert records.save_accident(clerk, make_accident()).action == "added"
    with login(commune_dir, "admin", PASSWORD) as session:
        users.set_role(session, "nhap", active=False)
    with pytest.raises(UserError):
        login(commune_dir, "nhap", "mat-khau-so-3")


def test_a_user_demoted_while_logged_in_can_no_longer_write(commune_dir):
    """Found by the attack session: a clerk demoted to viewer went on saving and voiding in the session opened
    before; the role is now read again at each check (and can only be lowered by the users table)."""
    with login(commune_dir, "admin", PASSWORD) as session:
        users.add_user(session, "thuky", "clerk", "mat-khau-so-2")
    with login(commune_dir, "thuky", "mat-khau-so-2") as clerk:
        saved = records.save_accident(clerk, make_accident())
        with login(commune_dir, "admin", PASSWORD) as session:
            users.set_role(session, "thuky", role="viewer")
        with pytest.raises(UserError) as caught:
            records.void_accident(clerk, saved.id, "nhập trùng")
        assert caught.value.code == "role.forbidden"
        with pytest.raises(UserError):
            records.save_accident(clerk, make_accident())
        # Nor a backup, nor a draft (found by the second attack session); nothing written.
        from app.services import drafts
        from app.services.backup import write_backup

        with pytest.raises(UserError) as caught:
            write_backup(clerk, commune_dir.parent / "thuky.tnldbak")
        assert caught.value.code == "role.forbidden" and not (commune_dir.parent / "thuky.tnldbak").exists()
        with pytest.raises(UserError):
            drafts.save_draft(clerk, "d-1", {"village": "Thôn A"})
        assert drafts.drafts_of(clerk, left_over=False) == []


@pytest.mark.parametrize(("password", "code"), [
    ("", "password.missing"), ("short", "password.short"), ("12345678", "password.short"),
    (" " * 12, "password.repeated"), ("1212121212", "password.repeated"), ("1234567890", "password.sequence"),
    ("qwertyuiop", "password.sequence"), ("123456789a", "password.common"), ("Mật khẩu 2026", "password.common"),
    ("Matkhau@123456", "password.common"), ("PASSWORD1234", "password.common"), ("admin-2026-xyz", "password.has_user"),
    ("That Khe 2026!", "password.has_unit"),
])
def test_weak_passwords_are_refused_at_init_with_the_reason(tmp_path, password, code):
    with pytest.raises(UserError) as caught:
        initialise(tmp_path / "x", role="commune", unit="06040", admin="admin", password=password)
    assert caught.value.code == code
    assert not (tmp_path / "x" / "keys.json").exists()


@pytest.mark.parametrize(("role", "unit", "code"), [("commune", "20", "unit.not_commune"),
                                                    ("commune", "99999", "unit.unknown"),
                                                    ("office", "06040", "init.office_unit"),
                                                    ("district", "20", "init.role")])
def test_init_refuses_bad_units(tmp_path, role, unit, code):
    with pytest.raises(UserError) as caught:
        initialise(tmp_path / "x", role=role, unit=unit, admin="admin", password=PASSWORD, office_name="Sở")
    assert caught.value.code == code


def test_init_refuses_a_folder_in_use(commune_dir):
    with pytest.raises(UserError) as caught:
        initialise(commune_dir, role="commune", unit="06040", admin="admin", password=PASSWORD)
    assert caught.value.code == "datadir.exists"


def test_every_change_is_audited_and_an_edit_of_the_log_is_detected(session):
    raw = make_accident()
    records.save_accident(session, raw)
    records.save_accident(session, dict(raw, work="Hái hồi"))
    records.void_accident(session, raw["id"], "nhập trùng")
    actions = [row[0] for row in session.db.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[0] == "init" and actions[-3:] == ["add", "update", "void"]
    assert "login" in actions
    assert verify_chain(session.db).ok
    session.db.execute("UPDATE audit SET user = 'someone' WHERE action = 'update'")
    check = verify_chain(session.db)
    assert not check.ok and check.broken_at == actions.index("update") + 1


def test_deleting_an_audit_row_is_detected(session):
    records.save_accident(session, make_accident())
    session.db.execute("DELETE FROM audit WHERE seq = 2")
    assert verify_chain(session.db).broken_at == 3


def test_a_database_from_a_newer_version_is_refused(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        session.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tnld', 'm9999_future', '')")
    with pytest.raises(UserError) as caught:
        login(commune_dir, "admin", PASSWORD)
    assert caught.value.code == "db.newer" and "m9999_future" in str(caught.value)


def test_a_pending_migration_runs_after_a_copy_of_the_file(commune_dir):
    from app.db import migrations as module

    def m0002_test_step(db):
        db.execute("CREATE TABLE test_step (x)")

    module.migrations._migrations.append(module.migrations._Migration("m0002_test_step", m0002_test_step))
    try:
        with login(commune_dir, "admin", PASSWORD) as session:
            assert session.db["test_step"].exists()
        copies = list((commune_dir / "backups").glob("before-m0002_test_step-*.db"))
        assert len(copies) == 1
        from app.db.keyfile import KeyFile

        key = KeyFile.load(commune_dir / "keys.json").unlock("admin", PASSWORD)
        old = connect(copies[0], key)
        assert not old["test_step"].exists() and old["users"].count == 1
        old.close()
    finally:
        module.migrations._migrations.pop()
