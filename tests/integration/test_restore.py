"""Restore trusts the person, not the backup: only the data folder's own admin replaces it, only with a backup of
its unit and workstation (read inside the encrypted database, not from the label), after seeing what is replaced,
and never under another open session."""

import hashlib
import json
import os
import subprocess
import sys
import zipfile

import pytest

from app.core.errors import UserError
from app.db.folderlock import FolderLock
from app.services import records
from app.services.backup import inspect_backup, restore, sign_manifest, write_backup
from app.services.keys import own_identity
from app.services.workspace import initialise, login
from tests.conftest import COMMUNE, OTHER_COMMUNE, PASSWORD, make_accident
from tests.integration.test_cli import tnld

ATTACKER_PASSWORD = "ke-gian-456"


def _rezip(source, target, change_manifest=None, change_keys=None):
    """Rewrite a backup as someone would who edits its label: members changed, checksums made to fit again."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        keys = archive.read("keys.json")
        database = archive.read("tnld.db")
    if change_keys is not None:
        keys = json.dumps(change_keys(json.loads(keys))).encode()
        manifest["files"]["keys.json"] = hashlib.sha256(keys).hexdigest()
    if change_manifest is not None:
        manifest = change_manifest(manifest)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("keys.json", keys)
        archive.writestr("tnld.db", database)
    return target


def _state(data_dir):
    """What a refused restore must leave as it was: the key file, the records, no copy set aside."""
    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        ids = sorted(row[0] for row in session.db.execute("SELECT id FROM accidents"))
    return {"keys": (data_dir / "keys.json").read_bytes(), "ids": ids,
            "aside": sorted(p.name for p in (data_dir / "backups").glob("before-restore-*"))}


def _add(session, count, **changes):
    for _ in range(count):
        records.save_accident(session, make_accident(**changes))


def test_a_backup_and_its_own_admin_password_no_longer_replace_a_folder(commune_dir, tmp_path):
    # Someone sets up a folder of the same commune on another computer, with a password of their own.
    initialise(tmp_path / "theirs", role="commune", unit=COMMUNE, admin="admin", password=ATTACKER_PASSWORD)
    with login(tmp_path / "theirs", "admin", ATTACKER_PASSWORD) as theirs:
        write_backup(theirs, tmp_path / "theirs.tnldbak")
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 2)
    before = _state(commune_dir)

    for attempt in (inspect_backup, restore):
        with pytest.raises(UserError) as caught:
            attempt(commune_dir, tmp_path / "theirs.tnldbak", "admin", ATTACKER_PASSWORD)
        assert caught.value.code == "restore.login_needed"
    result = tnld("restore", str(tmp_path / "theirs.tnldbak"), "--yes", data_dir=commune_dir, password=ATTACKER_PASSWORD)
    assert result.returncode == 2 and "wrong user name or password" in result.stderr

    # The folder's own admin cannot be talked into it either: the backup is another workstation's.
    (tmp_path / "theirs.txt").write_text(ATTACKER_PASSWORD + "\n")
    result = tnld("restore", str(tmp_path / "theirs.tnldbak"), "--yes", "--backup-password-file",
                  str(tmp_path / "theirs.txt"), data_dir=commune_dir)
    assert result.returncode == 2 and "another workstation" in result.stderr, result.stderr
    assert _state(commune_dir) == before
    with login(commune_dir, "admin", PASSWORD) as session:  # the owner is not locked out
        assert session.user_role == "admin"


def test_a_relabelled_backup_of_another_commune_is_refused(commune_dir, tmp_path):
    other = tmp_path / "other"
    initialise(other, role="commune", unit=OTHER_COMMUNE, admin="admin", password=PASSWORD)
    with login(other, "admin", PASSWORD) as theirs:
        write_backup(theirs, tmp_path / "other.tnldbak")
        their_identity = own_identity(theirs)

    def relabel(manifest):
        manifest = dict(manifest, unit=COMMUNE, unit_name="Xã Thất Khê")
        return sign_manifest(manifest, their_identity)  # signed again, with the key its maker holds

    def unsigned(manifest):
        manifest = dict(manifest, unit=COMMUNE, unit_name="Xã Thất Khê")
        manifest.pop("signature"), manifest.pop("signer")
        return manifest

    def keys_too(keys):
        return dict(keys, unit=COMMUNE, unit_name="Xã Thất Khê")

    relabelled = _rezip(tmp_path / "other.tnldbak", tmp_path / "relabelled.tnldbak", relabel)
    stripped = _rezip(tmp_path / "other.tnldbak", tmp_path / "stripped.tnldbak", unsigned, keys_too)
    before = _state(commune_dir)
    with login(commune_dir, "admin", PASSWORD) as session:
        for forged in (relabelled, stripped):
            with pytest.raises(UserError) as caught:
                inspect_backup(session, forged, None, PASSWORD)
            assert caught.value.code == "backup.relabelled"
            text = caught.value.message()
            assert "06112 Xã Bình Gia" in text and "06040" in text
            with pytest.raises(UserError):
                restore(session, forged, None, PASSWORD, confirmed=True)
        # Not relabelled, the other commune's backup is refused naming both units.
        with pytest.raises(UserError) as caught:
            inspect_backup(session, tmp_path / "other.tnldbak", None, PASSWORD)
        assert caught.value.code == "backup.other_unit"
        assert "06112 Xã Bình Gia" in caught.value.message() and "06040 Xã Thất Khê" in caught.value.message()
    result = tnld("restore", str(relabelled), "--yes", data_dir=commune_dir)
    assert result.returncode == 2 and "06112" in result.stderr and "06040" in result.stderr
    assert _state(commune_dir) == before


def test_a_label_signed_by_another_key_or_with_other_counts_is_refused(commune_dir, tmp_path):
    from app.exchange.identity import new_identity

    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 2)
        write_backup(session, tmp_path / "a.tnldbak")
        stranger = new_identity("commune", COMMUNE, "Xã Thất Khê")
        resigned = _rezip(tmp_path / "a.tnldbak", tmp_path / "b.tnldbak", lambda m: sign_manifest(m, stranger))
        recounted = _rezip(tmp_path / "a.tnldbak", tmp_path / "c.tnldbak",
                           lambda m: {**m, "counts": {**m["counts"], "accidents": 3120}})
        edited = _rezip(tmp_path / "a.tnldbak", tmp_path / "d.tnldbak",
                        lambda m: {k: v for k, v in {**m, "counts": {**m["counts"], "accidents": 3120}}.items()
                                   if k not in ("signature", "signer")})
        for forged in (resigned, recounted, edited):
            with pytest.raises(UserError) as caught:
                inspect_backup(session, forged, None, PASSWORD)
            assert caught.value.code == "backup.forged", forged


def test_a_signed_backup_and_an_old_unsigned_one(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 2)
        write_backup(session, tmp_path / "a.tnldbak")
        info = inspect_backup(session, tmp_path / "a.tnldbak", None, PASSWORD)
        assert info.signed and info.warnings == ()
        assert info.fingerprint == own_identity(session).public.fingerprint
        assert (info.unit, info.unit_name, info.counts.accidents, info.current.accidents) == (
            COMMUNE, "Xã Thất Khê", 2, 2)
        # A backup made before backups were signed: no signature, no counts or unit name on the label.
        old_label = {"signature", "signer", "counts", "unit_name"}
        old = _rezip(tmp_path / "a.tnldbak", tmp_path / "old.tnldbak",
                     lambda m: {k: v for k, v in m.items() if k not in old_label})
        _add(session, 1)
        info = inspect_backup(session, old, None, PASSWORD)
        assert not info.signed and info.warnings == ("backup.unsigned",)
        result = restore(session, old, None, PASSWORD, confirmed=info)
        assert result.accidents == 2 and len(records.list_accidents(session)) == 2


def test_a_restore_of_fewer_records_shows_both_counts_and_asks(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 3)
        write_backup(session, tmp_path / "a.tnldbak")
        _add(session, 5)
        with pytest.raises(UserError) as caught:  # the service too: never without a confirmation
            restore(session, tmp_path / "a.tnldbak", None, PASSWORD)
        assert caught.value.code == "restore.confirm"
    before = _state(commune_dir)
    result = tnld("restore", str(tmp_path / "a.tnldbak"), data_dir=commune_dir)  # no terminal, no --yes
    assert result.returncode == 2
    assert "In the backup: 3 accident(s)" in result.stdout
    assert "Today, in 06040 Xã Thất Khê: 8 accident(s)" in result.stdout
    assert "5 accident(s) fewer" in result.stdout
    assert "--yes" in result.stderr and "nothing was changed" in result.stderr
    assert _state(commune_dir) == before
    result = tnld("restore", str(tmp_path / "a.tnldbak"), "--yes", data_dir=commune_dir)
    assert result.returncode == 0, result.stderr
    assert "Restored the backup" in result.stdout and "before-restore-" in result.stdout
    assert len(json.loads(tnld("list", "--json", data_dir=commune_dir).stdout)) == 3


def test_a_restore_confirmed_for_one_backup_does_not_restore_another(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        write_backup(session, tmp_path / "a.tnldbak")
        _add(session, 1)
        write_backup(session, tmp_path / "b.tnldbak")
        shown = inspect_backup(session, tmp_path / "a.tnldbak", None, PASSWORD)
        (tmp_path / "b.tnldbak").replace(tmp_path / "a.tnldbak")  # the file changed after it was shown
        with pytest.raises(UserError) as caught:
            restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=shown)
        assert caught.value.code == "restore.changed"


def test_a_restore_while_another_process_has_a_session_open_is_refused(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 2)
        write_backup(session, tmp_path / "a.tnldbak")
        _add(session, 1)
    code = ("import sys, time\nfrom app.services.workspace import login\n"
            f"session = login({str(commune_dir)!r}, 'admin', {PASSWORD!r})\nprint('ready', flush=True)\ntime.sleep(120)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=os.getcwd()))
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = _state(commune_dir)
        with login(commune_dir, "admin", PASSWORD) as session:
            with pytest.raises(UserError) as caught:
                restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=True, wait=0.5)
            assert caught.value.code == "datadir.in_use"
            assert "open in another TNLĐ window or command" in caught.value.message()
            assert len(records.list_accidents(session)) == 3  # the session goes on, on the same database
            holder.kill()
            holder.wait(timeout=30)
            # ...still holding its share of the folder: nothing else can take it alone now.
            with pytest.raises(UserError):
                FolderLock(commune_dir).acquire(exclusive=True, timeout=0.1)
        assert _state(commune_dir) == before
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        holder.stdout.close()
    with login(commune_dir, "admin", PASSWORD) as session:  # once the other has gone, it goes through
        restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=True, wait=0.5)
        assert len(records.list_accidents(session)) == 2


def test_a_restore_reports_progress_and_can_be_cancelled(commune_dir, tmp_path):
    from app.services import demo

    with login(commune_dir, "admin", PASSWORD) as session:
        demo.fill(session, count=300, seed=5)
        write_backup(session, tmp_path / "a.tnldbak")
        _add(session, 1)
    with zipfile.ZipFile(tmp_path / "a.tnldbak") as archive:
        extracted = archive.getinfo("tnld.db").file_size
    before = _state(commune_dir)
    with login(commune_dir, "admin", PASSWORD) as session:
        # Cancelled while extracting the backup, then while copying today's database aside.
        for stop_at in (1, extracted + 1):
            seen = []
            with pytest.raises(UserError) as caught:
                restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=True,
                        progress=lambda done, total, seen=seen: seen.append((done, total)),
                        cancel=lambda seen=seen, stop_at=stop_at: bool(seen) and seen[-1][0] >= stop_at)
            assert caught.value.code == "operation.cancelled"
            assert seen[-1][0] >= stop_at
        assert len(records.list_accidents(session)) == 301
    assert _state(commune_dir) == before
    assert not list(commune_dir.glob(".restore-*"))
    with login(commune_dir, "admin", PASSWORD) as session:
        seen = []
        restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=True,
                progress=lambda done, total: seen.append((done, total)))
        assert seen[-1][0] == seen[-1][1] > extracted
        assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
        assert len(records.list_accidents(session)) == 300


def test_a_backup_made_before_a_password_change_opens_with_the_password_of_then(commune_dir, tmp_path):
    from app.services.users import change_password

    with login(commune_dir, "admin", PASSWORD) as session:
        write_backup(session, tmp_path / "a.tnldbak")
        change_password(session, PASSWORD, "mat-khau-moi-789")
    result = tnld("restore", str(tmp_path / "a.tnldbak"), "--yes", data_dir=commune_dir, password="mat-khau-moi-789")
    assert result.returncode == 2 and "--backup-password-file" in result.stderr
    (tmp_path / "then.txt").write_text(PASSWORD + "\n")
    result = tnld("restore", str(tmp_path / "a.tnldbak"), "--yes", "--backup-password-file", str(tmp_path / "then.txt"),
                  data_dir=commune_dir, password="mat-khau-moi-789")
    assert result.returncode == 0, result.stderr
    with login(commune_dir, "admin", PASSWORD, audit=False) as session:  # the passwords valid when it was made
        assert session.db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == "restore"


# A power cut in the middle of a restore (defect 3 of the attack on "the store under many hands").
CUT_RESTORE = """
import os, sys
from pathlib import Path
from app.services.backup import restore
from app.services.workspace import login
where, name = sys.argv[2].split(":")
real_replace = os.replace
def replace(source, target, *args, **kwargs):
    if where == "before" and Path(target).name == name:
        os._exit(9)
    real_replace(source, target, *args, **kwargs)
    if where == "after" and Path(target).name == name:
        os._exit(9)
os.replace = replace
with login(sys.argv[1], "admin", sys.argv[3]) as session:
    restore(session, sys.argv[4], None, sys.argv[3], confirmed=True)
"""


def _cut_restore(data_dir, backup, cut):
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    done = subprocess.run([sys.executable, "-c", CUT_RESTORE, str(data_dir), cut, PASSWORD, str(backup)], env=env,
                          timeout=120, capture_output=True, text=True)
    assert done.returncode == 9, done.stderr


def _backup_then_more(data_dir, backup, new_key, clerk=None):
    """2 records in *backup*, 5 today; with *new_key*, a change of key since the backup; *clerk* added since."""
    from app.services import users

    with login(data_dir, "admin", PASSWORD) as session:
        _add(session, 2)
        write_backup(session, backup)
        _add(session, 3)
        if clerk:
            users.add_user(session, clerk[0], "clerk", clerk[1])
        if new_key:
            users.new_key(session)


def _audit_actions(session):
    return [row[0] for row in session.db.execute("SELECT action FROM audit ORDER BY seq")]


@pytest.mark.parametrize("new_key", [False, True], ids=["same_key", "new_key"])
@pytest.mark.parametrize("cut", ["before:tnld.db", "after:tnld.db", "before:keys.json"])
def test_a_restore_cut_at_any_step_is_completed_or_undone_at_the_next_login(commune_dir, tmp_path, cut, new_key):
    from app.db.audit import verify_chain
    from app.db.connection import integrity_errors

    _backup_then_more(commune_dir, tmp_path / "a.tnldbak", new_key)
    today_keys = json.loads((commune_dir / "keys.json").read_text())
    with zipfile.ZipFile(tmp_path / "a.tnldbak") as archive:
        backup_keys = json.loads(archive.read("keys.json"))
    _cut_restore(commune_dir, tmp_path / "a.tnldbak", cut)
    replaced = cut != "before:tnld.db"
    with login(commune_dir, "admin", PASSWORD) as session:
        assert session.notices == ([("restore.finished", {})] if replaced else [])
        assert len(records.list_accidents(session)) == (2 if replaced else 5)
        assert integrity_errors(session.db) == [] and verify_chain(session.db).ok
        actions = _audit_actions(session)
        if replaced:
            assert actions[-3:] == ["restore", "restore_finished", "login"]
        else:
            assert "restore" not in actions
    assert not list(commune_dir.glob("keys.restore-*"))
    assert json.loads((commune_dir / "keys.json").read_text()) == (backup_keys if replaced else today_keys)
    with login(commune_dir, "admin", PASSWORD) as session:  # nothing more to do
        assert session.notices == []


@pytest.mark.parametrize("new_key", [False, True], ids=["same_key", "new_key"])
def test_a_restore_cut_short_is_completed_by_a_user_the_backup_does_not_know(commune_dir, tmp_path, new_key):
    clerk = ("thu", "hoa-ban-trang-1")
    _backup_then_more(commune_dir, tmp_path / "a.tnldbak", new_key, clerk)
    _cut_restore(commune_dir, tmp_path / "a.tnldbak", "after:tnld.db")
    # The clerk's password is today's only: it completes the restore, and the clerk is told what opens it now.
    with pytest.raises(UserError) as caught:
        login(commune_dir, *clerk)
    assert caught.value.code == "restore.finished_login"
    assert "valid when the backup was made" in caught.value.message()
    assert not list(commune_dir.glob("keys.restore-*"))
    with pytest.raises(UserError) as caught:
        login(commune_dir, *clerk)
    assert caught.value.code == "login.failed"
    with login(commune_dir, "admin", PASSWORD) as session:
        assert session.notices == []
        assert len(records.list_accidents(session)) == 2


def test_a_restore_cut_short_is_completed_by_the_recovery_code_of_the_backup(commune_dir, tmp_path, recovery_code):
    from app.services.workspace import recover

    _backup_then_more(commune_dir, tmp_path / "a.tnldbak", new_key=True)
    _cut_restore(commune_dir, tmp_path / "a.tnldbak", "after:tnld.db")
    recover(commune_dir, recovery_code, "admin", "mat-khau-moi-789")  # the code printed when the backup was made
    with login(commune_dir, "admin", "mat-khau-moi-789") as session:
        assert len(records.list_accidents(session)) == 2
        assert _audit_actions(session)[-4:] == ["restore", "restore_finished", "recover", "login"]


def test_the_command_line_completes_a_restore_cut_short_and_says_so(commune_dir, tmp_path):
    _backup_then_more(commune_dir, tmp_path / "a.tnldbak", new_key=True)
    _cut_restore(commune_dir, tmp_path / "a.tnldbak", "after:tnld.db")
    result = tnld("list", "--json", data_dir=commune_dir)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2
    assert "restore" in result.stderr and "completed" in result.stderr

# What the user confirmed is what is replaced (defect 7).
def test_a_restore_refuses_when_todays_data_changed_while_it_waited(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 2)
        write_backup(session, tmp_path / "a.tnldbak")
        _add(session, 1)
    other = login(commune_dir, "admin", PASSWORD)  # an `add` in another window, still saving
    try:
        with login(commune_dir, "admin", PASSWORD) as session:
            shown = inspect_backup(session, tmp_path / "a.tnldbak", None, PASSWORD)
            assert shown.current.accidents == 3

            def meanwhile(code):  # the restore waits for the other window: it saves two more, then closes
                _add(other, 2)
                other.close()

            session.on_wait = meanwhile
            with pytest.raises(UserError) as caught:
                restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=shown, wait=30)
            assert caught.value.code == "restore.today_changed"
            assert "3 → 5" in caught.value.message() and "nothing was changed" in caught.value.message()
            assert len(records.list_accidents(session)) == 5  # the session goes on, on today's database
    finally:
        other.close()
    assert not list((commune_dir / "backups").glob("before-restore-*"))
    with login(commune_dir, "admin", PASSWORD) as session:  # shown again, it goes through
        shown = inspect_backup(session, tmp_path / "a.tnldbak", None, PASSWORD)
        restore(session, tmp_path / "a.tnldbak", None, PASSWORD, confirmed=shown)
        assert len(records.list_accidents(session)) == 2
        detail = json.loads(session.db.execute("SELECT detail FROM audit WHERE action = 'restore'").fetchone()[0])
        assert detail["replaced_accidents"] == 5


def test_the_restore_command_says_when_it_waits_for_another_window(commune_dir, tmp_path):
    with login(commune_dir, "admin", PASSWORD) as session:
        write_backup(session, tmp_path / "a.tnldbak")
    code = ("import sys, time\nfrom app.services.workspace import login\n"
            f"session = login({str(commune_dir)!r}, 'admin', {PASSWORD!r})\nprint('ready', flush=True)\n"
            "time.sleep(3)\nsession.close()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=os.getcwd()))
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = tnld("restore", str(tmp_path / "a.tnldbak"), "--yes", data_dir=commune_dir)
    finally:
        holder.wait(timeout=60)
        holder.stdout.close()
    assert result.returncode == 0, result.stderr
    assert "waiting for the other TNLĐ windows and commands" in result.stderr



# Another workstation's backup stripped of its workstation key (defect 13).
def _strip_workstation_key(source, target, password):
    """What someone does to a backup to get past the workstation check: delete the key inside, drop the
    signature, make the checksums fit again."""
    from app.db.connection import connect
    from app.db.keyfile import KeyFile

    work = target.parent / (target.name + ".d")
    with zipfile.ZipFile(source) as archive:
        archive.extractall(work)
    manifest = json.loads((work / "manifest.json").read_text())
    keys = (work / "keys.json").read_bytes()
    db = connect(work / "tnld.db", KeyFile.from_data(work / "keys.json", json.loads(keys)).unlock("admin", password))
    db.execute("DELETE FROM own_keys")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    database = (work / "tnld.db").read_bytes()
    manifest.pop("signature"), manifest.pop("signer")
    manifest["files"] = {"keys.json": hashlib.sha256(keys).hexdigest(), "tnld.db": hashlib.sha256(database).hexdigest()}
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("keys.json", keys)
        archive.writestr("tnld.db", database)
    return target


def test_another_workstations_backup_without_its_key_is_refused(commune_dir, tmp_path):
    initialise(tmp_path / "theirs", role="commune", unit=COMMUNE, admin="admin", password=ATTACKER_PASSWORD)
    with login(tmp_path / "theirs", "admin", ATTACKER_PASSWORD) as theirs:
        _add(theirs, 4)
        write_backup(theirs, tmp_path / "theirs.tnldbak")
    forged = _strip_workstation_key(tmp_path / "theirs.tnldbak", tmp_path / "forged.tnldbak", ATTACKER_PASSWORD)
    with login(commune_dir, "admin", PASSWORD) as session:
        _add(session, 1)
        own_identity(session)  # this folder has its workstation key
    before = _state(commune_dir)
    with login(commune_dir, "admin", PASSWORD) as session:
        for attempt in (inspect_backup, restore):
            with pytest.raises(UserError) as caught:
                attempt(session, forged, None, ATTACKER_PASSWORD, **({"confirmed": True} if attempt is restore else {}))
            assert caught.value.code == "backup.unknown_workstation", caught.value
            assert "empty data folder" in caught.value.message()
    (tmp_path / "theirs.txt").write_text(ATTACKER_PASSWORD + "\n")
    result = tnld("restore", str(forged), "--yes", "--backup-password-file", str(tmp_path / "theirs.txt"),
                  data_dir=commune_dir)
    assert result.returncode == 2 and "another workstation" in result.stderr, result.stderr
    assert _state(commune_dir) == before
    # This folder's own backup without the key (as a backup made before workstation keys) is still its own.
    with login(commune_dir, "admin", PASSWORD) as session:
        write_backup(session, tmp_path / "ours.tnldbak")
        _add(session, 1)
        old = _strip_workstation_key(tmp_path / "ours.tnldbak", tmp_path / "old.tnldbak", PASSWORD)
        info = inspect_backup(session, old, None, PASSWORD)
        assert info.warnings == ("backup.unsigned",) and info.fingerprint is None
        restore(session, old, None, PASSWORD, confirmed=info)
        assert len(records.list_accidents(session)) == 1
