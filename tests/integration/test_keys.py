"""Keys that follow people: a hand-edited users table, a disabled user's old key file, a leaked password, the
recovery code of a disabled user, enabling again, the delay after wrong passwords, a power cut in a change of key.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.db.audit import verify_chain
from app.db.connection import WrongKey, connect, integrity_errors
from app.db.keyfile import KeyFile
from app.services import records, users
from app.services.login_delays import LoginDelays
from app.services.workspace import login, recover
from tests.conftest import PASSWORD, make_accident

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CLERK, CLERK_PASSWORD = "thu", "hoa-ban-trang-1"
VIEWER, VIEWER_PASSWORD = "xem", "nui-cao-suoi-xa-2"


@pytest.fixture
def folder(commune_dir):
    """The commune folder with a clerk and a viewer."""
    with login(commune_dir, "admin", PASSWORD) as session:
        users.add_user(session, CLERK, "clerk", CLERK_PASSWORD)
        users.add_user(session, VIEWER, "viewer", VIEWER_PASSWORD)
    return commune_dir


def key_of(path: Path, user: str, password: str) -> bytes:
    return KeyFile.load(path / "keys.json").unlock(user, password)


def refused(code: str, call, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, str(caught.value)
    return caught.value


# Roles: the users table is signed by the admin key.
def test_a_clerks_hand_edited_role_is_refused_at_login(folder):
    raw = connect(folder / "tnld.db", key_of(folder, CLERK, CLERK_PASSWORD))  # the clerk, with Python
    raw.execute("UPDATE users SET role = 'admin' WHERE name = ?", (CLERK,))
    assert verify_chain(raw).ok  # the audit chain alone does not see it
    raw.close()
    error = refused("users.changed_outside", login, folder, CLERK, CLERK_PASSWORD)
    assert CLERK in str(error) and "ask an admin" in str(error).lower()
    refused("users.changed_outside", login, folder, VIEWER, VIEWER_PASSWORD)  # nobody but an admin goes on
    with login(folder, "admin", PASSWORD) as admin:  # an admin's login puts the signed rows back, audited
        assert admin.notices == [("users.put_back", {"users": CLERK})]
        assert admin.db.execute("SELECT role FROM users WHERE name = ?", (CLERK,)).fetchone()[0] == "clerk"
        assert admin.db.execute("SELECT action FROM audit WHERE action = 'users_put_back'").fetchone()
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.user_role == "clerk" and clerk.admin_key is None
        refused("role.forbidden", users.add_user, clerk, "khac", "viewer", "mot-mat-khau-dai")


def test_a_hand_edited_active_flag_and_a_forged_signature_are_refused(folder):
    with login(folder, "admin", PASSWORD) as session:
        users.disable_user(session, VIEWER)
    raw = connect(folder / "tnld.db", key_of(folder, CLERK, CLERK_PASSWORD))
    raw.execute("UPDATE users SET active = 1 WHERE name = ?", (VIEWER,))
    raw.close()
    refused("users.changed_outside", login, folder, CLERK, CLERK_PASSWORD)
    raw = connect(folder / "tnld.db", key_of(folder, CLERK, CLERK_PASSWORD))
    signed = json.loads(raw.execute("SELECT value FROM meta WHERE key = 'users_signed'").fetchone()[0])
    signed["users"] = [[name, "admin" if name == CLERK else role, active] for name, role, active in signed["users"]]
    raw.execute("UPDATE meta SET value = ? WHERE key = 'users_signed'", (json.dumps(signed),))
    raw.close()
    refused("users.signature_broken", login, folder, CLERK, CLERK_PASSWORD)
    refused("users.signature_broken", login, folder, "admin", PASSWORD)


def test_an_admin_key_added_by_hand_to_the_audit_chain_is_refused(folder):
    """A clerk who appends their own `admin_key` row (a well-formed chain) and signs the table with it."""
    from app.db import adminkey
    from app.db.audit import AuditLog
    from app.db.connection import write_transaction

    raw = connect(folder / "tnld.db", key_of(folder, CLERK, CLERK_PASSWORD))
    forged = adminkey.new_seed()
    with write_transaction(raw):
        raw.execute("UPDATE users SET role = 'admin' WHERE name = ?", (CLERK,))
        adminkey.add_key(raw, CLERK, forged)
        adminkey.sign_users(raw, forged)
        AuditLog(raw)  # the chain stays intact: verify passes
    assert verify_chain(raw).ok
    raw.close()
    refused("users.signature_broken", login, folder, CLERK, CLERK_PASSWORD)


# A new key when access ends.
def test_a_disabled_users_password_with_an_old_key_file_does_not_open_the_database(folder, tmp_path):
    from app.services.backup import auto_backup

    old_keys = tmp_path / "old-keys.json"
    shutil.copy(folder / "keys.json", old_keys)
    with login(folder, "admin", PASSWORD) as session:
        records.save_accident(session, make_accident())
        backup = auto_backup(session)
        result = users.disable_user(session, VIEWER)
        assert result.recovery_code and result.not_sealed == ()
        assert records.list_accidents(session)  # the session goes on with the new key
        assert verify_chain(session.db).ok
    old_key = KeyFile.load(old_keys).unlock(VIEWER, VIEWER_PASSWORD)
    with pytest.raises(WrongKey):
        connect(folder / "tnld.db", old_key)
    refused("login.failed", login, folder, VIEWER, VIEWER_PASSWORD)
    import zipfile

    with zipfile.ZipFile(backup) as archive:  # the backup of that time still opens with the key of its time
        archive.extractall(tmp_path / "backup")
    old_backup_db = connect(tmp_path / "backup" / "tnld.db", KeyFile.load(tmp_path / "backup" / "keys.json").unlock(
        VIEWER, VIEWER_PASSWORD))
    assert old_backup_db.execute("SELECT count(*) FROM accidents").fetchone()[0] == 1
    old_backup_db.close()
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:  # the others go on with their own passwords
        assert clerk.user_role == "clerk"
        from app.services.keys import own_identity

        assert own_identity(clerk).public.fingerprint  # the bundle keys were sealed again under the new key
    keys = json.loads((folder / "keys.json").read_text())
    assert len(keys["keys"]) == 1 and VIEWER not in keys["users"]
    assert not [name for name in keys["keys"][0]["wraps"] if VIEWER in name]


def test_after_a_leaked_password_reset_only_the_new_recovery_code_works(folder, recovery_code, tmp_path):
    old_keys = tmp_path / "old-keys.json"
    shutil.copy(folder / "keys.json", old_keys)
    with login(folder, "admin", PASSWORD) as session:
        assert users.reset_password(session, CLERK, "mat-khau-moi-so-1", leaked=False) is None  # only forgotten
        result = users.reset_password(session, CLERK, "mat-khau-moi-so-2", leaked=True)
    assert result.recovery_code != recovery_code
    refused("recovery.failed", recover, folder, recovery_code, "admin", "mat-khau-phuc-hoi")
    with pytest.raises(WrongKey):
        connect(folder / "tnld.db", KeyFile.load(old_keys).unlock(CLERK, CLERK_PASSWORD))
    recover(folder, result.recovery_code, "admin", "mat-khau-phuc-hoi")
    with login(folder, "admin", "mat-khau-phuc-hoi") as session:
        assert session.admin_key is not None  # the new recovery code brings the admin key back too
        users.add_user(session, "moi", "viewer", "mot-mat-khau-dai")
    with login(folder, CLERK, "mat-khau-moi-so-2") as clerk:
        assert clerk.user_role == "clerk"


def test_demoting_an_admin_takes_the_admin_key_away(folder):
    with login(folder, "admin", PASSWORD) as session:
        users.add_user(session, "pho", "admin", "mat-khau-cap-hai-1")
    with login(folder, "pho", "mat-khau-cap-hai-1") as deputy:
        assert deputy.admin_key is not None
        users.set_role(deputy, CLERK, role="viewer")  # no key change: the clerk keeps access
        refused("user.self", users.set_role, deputy, "pho", role="clerk")
    with login(folder, "admin", PASSWORD) as session:
        assert users.set_role(session, "pho", role="clerk") is not None
    with login(folder, "pho", "mat-khau-cap-hai-1") as deputy:
        assert deputy.user_role == "clerk" and deputy.admin_key is None
    assert "admin:pho" not in json.loads((folder / "keys.json").read_text())["keys"][0]["wraps"]


def test_recover_never_lets_a_disabled_user_in_and_enable_needs_a_new_password(folder, recovery_code):
    with login(folder, "admin", PASSWORD) as session:
        code = users.disable_user(session, VIEWER).recovery_code
        refused("user.already_disabled", users.disable_user, session, VIEWER)
        refused("user.enable_needs_password", users.set_role, session, VIEWER, active=True)
    refused("recover.disabled", recover, folder, code, VIEWER, "mat-khau-phuc-hoi")
    assert VIEWER not in json.loads((folder / "keys.json").read_text())["users"]
    with login(folder, "admin", PASSWORD) as session:
        refused("password.has_user", users.enable_user, session, VIEWER, "xem-lai-2026-abc")
        users.enable_user(session, VIEWER, "mat-khau-tro-lai")
        refused("user.already_active", users.enable_user, session, VIEWER, "mat-khau-tro-lai")
    refused("login.failed", login, folder, VIEWER, VIEWER_PASSWORD)
    with login(folder, VIEWER, "mat-khau-tro-lai") as viewer:
        assert viewer.user_role == "viewer"


def test_a_change_of_key_waits_for_no_one_and_refuses_while_the_folder_is_open(folder, monkeypatch):
    from app.services import workspace

    monkeypatch.setattr(workspace, "EXCLUSIVE_WAIT", 0.3)
    with login(folder, "admin", PASSWORD) as session, login(folder, CLERK, CLERK_PASSWORD, audit=False):
        refused("datadir.in_use", users.disable_user, session, VIEWER)
    with login(folder, VIEWER, VIEWER_PASSWORD) as viewer:  # nothing changed
        assert viewer.user_role == "viewer"
    assert not list(folder.glob(".rekey-*"))


def test_weak_passwords_are_refused_when_adding_a_user(session):
    refused("password.short", users.add_user, session, "moi", "clerk", "12345678")
    refused("password.repeated", users.add_user, session, "moi", "clerk", " " * 10)
    refused("password.common", users.add_user, session, "moi", "clerk", "anhyeuem2026")
    refused("password.has_user", users.add_user, session, "nguyenvan", "clerk", "Nguyenvan@2026")
    assert session.db.execute("SELECT count(*) FROM users").fetchone()[0] == 1


# Wrong passwords.
class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_wait_after_wrong_passwords_grows_and_a_success_resets_it(commune_dir):
    clock = FakeClock()
    delays = LoginDelays(commune_dir, clock=clock, sleep=clock.sleep)
    for _ in range(6):
        refused("login.failed", login, commune_dir, "admin", "sai-mat-khau-1", delays=delays)
        clock.now += 0.4  # the derivation's time
    # the 4th, 5th and 6th tries waited 1, 2 and 4 s after the wrong try before (less the 0.4 s already gone)
    assert clock.slept == pytest.approx([0.6, 1.6, 3.6])
    told = []
    with login(commune_dir, "admin", PASSWORD, delays=delays, on_wait=told.append):
        pass
    assert told == ["login.delayed"] and clock.slept[-1] == pytest.approx(8.0 - 0.4)
    clock.slept.clear()
    for _ in range(3):
        refused("login.failed", login, commune_dir, "admin", "sai-mat-khau-1", delays=delays)
    assert clock.slept == []  # reset by the success
    for _ in range(4):  # an unknown name is treated the same way, with the same message
        refused("login.failed", login, commune_dir, "khong-co", PASSWORD, delays=delays)
    assert clock.slept == [1.0]
    saved = json.loads((commune_dir / "login-delays.json").read_text())
    assert "khong-co" not in json.dumps(saved) and "admin" not in json.dumps(saved)  # names are hashed
    LoginDelays(commune_dir, clock=clock, sleep=clock.sleep).wait("khong-co")  # it survives a restart
    assert clock.slept == [1.0, 2.0]


def test_the_delay_is_capped():
    from app.services.login_delays import delay_after

    assert [delay_after(n) for n in range(0, 10)] == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30]


# The key file of version 0.1.0.
def test_a_v0_1_0_key_file_is_upgraded_at_login_and_its_recovery_code_still_works(tmp_path):
    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    assert json.loads((folder / "keys.json").read_text())["version"] == 1
    with login(folder, "admin", "fixture-password") as session:
        assert session.admin_key is not None  # made at the first admin login, bound in the audit chain
        assert session.notices == [("keys.recovery_outdated", {})]
        assert session.db.execute("SELECT count(*) FROM audit WHERE action = 'admin_key'").fetchone()[0] == 1
        assert verify_chain(session.db).ok
        users.add_user(session, CLERK, "clerk", CLERK_PASSWORD)
    keys = json.loads((folder / "keys.json").read_text())
    assert keys["version"] == 2 and set(keys["users"]) == {"admin", CLERK}
    from app.db import keyfile

    assert keys["users"]["admin"]["private"]["n"] == keyfile.SCRYPT_N  # 2^17 outside the tests (test_kdf_cost)
    assert keys["keys"][0]["wraps"]["user:admin"]["alg"].startswith("x25519")
    with login(folder, "admin", "fixture-password") as session:
        assert len(records.list_accidents(session, include_void=True)) == 3
    code = (FIXTURES / "recovery-code.txt").read_text().strip()
    recover(folder, code, "admin", "new-password-1")
    with login(folder, "admin", "new-password-1") as session:
        assert session.admin_key is None  # a 0.1.0 recovery code holds the database key only (see design notes)
        refused("users.no_admin_key", users.add_user, session, "moi", "viewer", "mot-mat-khau-dai")


def test_a_user_not_upgraded_before_a_change_of_key_is_named(tmp_path):
    """A 0.1.0 folder with a second user who has not logged in since: a change of key cannot seal to them."""
    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    keys = json.loads((folder / "keys.json").read_text())
    from app.db.keyfile import wrap_key

    key = KeyFile.from_data(folder / "keys.json", dict(keys)).unlock("admin", "fixture-password")
    keys["wraps"]["user:cu"] = wrap_key(key, "mat-khau-cu-1", "user:cu")  # as 0.1.0 wrote it
    (folder / "keys.json").write_text(json.dumps(keys))
    raw = connect(folder / "tnld.db", key)
    raw.execute("INSERT INTO users (name, role, active, created_at) VALUES ('cu', 'clerk', 1, '2026-01-01')")
    raw.close()
    with login(folder, "admin", "fixture-password") as session:
        result = users.new_key(session)
        assert result.not_sealed == ("cu",)
        assert session.notices == [("keys.recovery_outdated", {})]
    refused("login.failed", login, folder, "cu", "mat-khau-cu-1")
    with login(folder, "admin", "fixture-password") as session:
        assert session.notices == []  # the new recovery code holds the admin key
        users.reset_password(session, "cu", "mat-khau-cu-moi")
    with login(folder, "cu", "mat-khau-cu-moi") as clerk:
        assert clerk.user_role == "clerk"


# A power cut in the middle of a change of key.
CUT = """
import os, sys
from app.services import key_change, users
from app.services.workspace import login
key_change.on_step = lambda step: os._exit(9) if step == sys.argv[2] else None
with login(sys.argv[1], "admin", sys.argv[3]) as session:
    users.disable_user(session, sys.argv[4])
"""


@pytest.mark.parametrize("step", ["copied", "keys_written", "replaced"])
def test_a_change_of_key_cut_at_any_step_leaves_a_database_a_key_opens(folder, tmp_path, step):
    old_keys = tmp_path / "old-keys.json"
    shutil.copy(folder / "keys.json", old_keys)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cut = subprocess.run([sys.executable, "-c", CUT, str(folder), step, PASSWORD, VIEWER], env=env, timeout=120,
                         capture_output=True, text=True)
    assert cut.returncode == 9, cut.stderr
    groups = len(json.loads((folder / "keys.json").read_text())["keys"])
    assert groups == (1 if step == "copied" else 2)
    with login(folder, "admin", PASSWORD) as session:
        assert integrity_errors(session.db) == [] and verify_chain(session.db).ok
        active = session.db.execute("SELECT active FROM users WHERE name = ?", (VIEWER,)).fetchone()[0]
        assert session.notices == ([("keys.change_finished", {})] if step == "replaced" else [])
    assert len(json.loads((folder / "keys.json").read_text())["keys"]) == 1
    if step == "replaced":  # done: the viewer is out, with their password and the old key file alike
        assert not active
        refused("login.failed", login, folder, VIEWER, VIEWER_PASSWORD)
        with pytest.raises(WrongKey):
            connect(folder / "tnld.db", KeyFile.load(old_keys).unlock(VIEWER, VIEWER_PASSWORD))
    else:  # not done: nothing changed, the admin does it again
        assert active
        with login(folder, VIEWER, VIEWER_PASSWORD) as viewer:
            assert viewer.user_role == "viewer"
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.user_role == "clerk"


# The command line.
def tnld(folder, *args, password=PASSWORD, new_password=None, user=None, env_extra=None):
    env = dict(os.environ, LANG="C.UTF-8", PYTHONPATH=str(ROOT), TNLD_PASSWORD=password, **(env_extra or {}))
    env.pop("TNLD_NEW_PASSWORD", None)
    if new_password:
        env["TNLD_NEW_PASSWORD"] = new_password
    command = [sys.executable, "-m", "app", "--data-dir", str(folder), "--lang", "en"]
    if user:
        command += ["--user", user]
    return subprocess.run(command + list(args), capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


def _code(output: str) -> str:
    line = next(line for line in output.splitlines() if "RECOVERY CODE" in line)
    return line.rsplit(" ", 1)[1]


def test_cli_disable_passwd_enable_and_recover(folder):
    result = tnld(folder, "users", "disable", VIEWER)
    assert result.returncode == 0, result.stderr
    assert "NEW RECOVERY CODE (shown only now)" in result.stdout
    code = _code(result.stdout)
    result = tnld(folder, "recover", user=VIEWER, new_password="mat-khau-phuc-hoi",
                  env_extra={"TNLD_RECOVERY_CODE": code})
    assert result.returncode == 2 and "is disabled" in result.stderr
    result = tnld(folder, "users", "passwd", CLERK, "--not-leaked", new_password="mat-khau-moi-so-1")
    assert result.returncode == 0 and "RECOVERY CODE" not in result.stdout
    result = tnld(folder, "users", "passwd", CLERK, new_password="mat-khau-moi-so-2")  # no terminal: a new key
    assert result.returncode == 0 and "NEW RECOVERY CODE" in result.stdout
    assert _code(result.stdout) != code
    result = tnld(folder, "users", "passwd", CLERK, new_password="12345678")
    assert result.returncode == 2 and "at least 10 characters" in result.stderr
    result = tnld(folder, "users", "enable", VIEWER, new_password="mat-khau-tro-lai")
    assert result.returncode == 0, result.stderr
    result = tnld(folder, "list", user=VIEWER, password="mat-khau-tro-lai")
    assert result.returncode == 0, result.stderr
    result = tnld(folder, "users", "disable", VIEWER, user=CLERK, password="mat-khau-moi-so-2")
    assert result.returncode == 2 and "may not manage users" in result.stderr


# A damaged or hostile key file (the tester's fuzz cases): a message, never a crash.
def _set(path, value):
    def change(data):
        holder = data
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = value
    return change


def _delete(path):
    def change(data):
        holder = data
        for step in path[:-1]:
            holder = holder[step]
        del holder[path[-1]]
    return change


_ADMIN, _PRIVATE, _WRAP = ["users", "admin"], ["users", "admin", "private"], ["keys", 0, "wraps", "user:admin"]
HOSTILE_KEY_FILES = {
    "user entry null": _set(_ADMIN, None), "user entry a list": _set(_ADMIN, []),
    "private missing": _delete(_PRIVATE), "private a string": _set(_PRIVATE, "x"),
    "n 2**62 (a Rust panic)": _set(_PRIVATE + ["n"], 2**62), "n 10**400": _set(_PRIVATE + ["n"], 10**400),
    "n 1.5": _set(_PRIVATE + ["n"], 1.5), "n a string": _set(_PRIVATE + ["n"], "abc"), "n 0": _set(_PRIVATE + ["n"], 0),
    "n -2": _set(_PRIVATE + ["n"], -2), "n 2**30": _set(_PRIVATE + ["n"], 2**30), "n 3": _set(_PRIVATE + ["n"], 3),
    "r 2**40 (a Rust panic)": _set(_PRIVATE + ["r"], 2**40), "p 2**40": _set(_PRIVATE + ["p"], 2**40),
    "salt a number": _set(_PRIVATE + ["salt"], 5), "salt not base64": _set(_PRIVATE + ["salt"], "!!!"),
    "salt not ASCII": _set(_PRIVATE + ["salt"], "đđđ"), "nonce short": _set(_PRIVATE + ["nonce"], "AAAA"),
    "public short": _set(_ADMIN + ["public"], "AAAA"), "public missing": _delete(_ADMIN + ["public"]),
    "wrap a list": _set(_WRAP, []), "ephemeral a number": _set(_WRAP + ["ephemeral"], 7),
    "ephemeral short": _set(_WRAP + ["ephemeral"], "AAAA"), "sealed missing": _delete(_WRAP + ["sealed"]),
    "wraps a list": _set(["keys", 0, "wraps"], []), "group a string": _set(["keys", 0], "x"),
    "keys an object": _set(["keys"], {"a": 1}), "keys empty": _set(["keys"], []), "users a list": _set(["users"], []),
    "role missing": _delete(["role"]), "role a number": _set(["role"], 5), "default user a list": _set(
        ["default_user"], [1]), "version a string": _set(["version"], "2"), "version 1 without wraps": _set(
        ["version"], 1), "admin_public not hex": _set(["keys", 0, "admin_public"], "zz"),
    "admin wrap short": _set(["keys", 0, "wraps", "admin:admin", "sealed"], "AAAA"),
    "group id a number": _set(["keys", 0, "id"], 5), "group id of another key": _set(["keys", 0, "id"], "0" * 16),
    "the whole file a list": lambda data: [data],
}


def test_a_damaged_or_hostile_key_file_is_a_message_never_a_crash(commune_dir):
    original = (commune_dir / "keys.json").read_text()
    wrong = {}
    for name, change in HOSTILE_KEY_FILES.items():
        data = json.loads(original)
        data = change(data) or data
        (commune_dir / "keys.json").write_text(json.dumps(data))
        try:
            login(commune_dir, "admin", PASSWORD, audit=False).close()
            wrong[name] = "opened"
        except UserError as error:
            if error.code != "datadir.keyfile_damaged":
                wrong[name] = str(error)
        except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException
            wrong[name] = repr(exc)
    (commune_dir / "keys.json").write_text('{"format": "tnld-keys", "version": 2, "users": ' + "[" * 100_000
                                           + "]" * 100_000 + "}")
    refused("datadir.keyfile_damaged", login, commune_dir, "admin", PASSWORD)
    (commune_dir / "keys.json").write_text(json.dumps(json.loads(original) | {"version": 3}))
    refused("db.newer", login, commune_dir, "admin", PASSWORD)
    assert wrong == {}


def test_a_backup_whose_key_file_is_hostile_is_damaged(session, tmp_path):
    import hashlib
    import zipfile

    from app.services.backup import restore, write_backup

    good = write_backup(session, tmp_path / "good.tnldbak")
    with zipfile.ZipFile(good) as archive:
        manifest, keys = json.loads(archive.read("manifest.json")), json.loads(archive.read("keys.json"))
        database = archive.read("tnld.db")
    keys["users"]["admin"]["private"]["n"] = 2**62  # a Rust panic in scrypt, before
    raw = json.dumps(keys).encode()
    manifest.pop("signature")
    manifest.pop("signer")
    manifest["files"]["keys.json"] = hashlib.sha256(raw).hexdigest()
    with zipfile.ZipFile(tmp_path / "hostile.tnldbak", "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("keys.json", raw)
        archive.writestr("tnld.db", database)
    error = refused("backup.damaged", restore, tmp_path / "new", tmp_path / "hostile.tnldbak", None, PASSWORD)
    assert "scrypt" in str(error)


CRASH = """
import sys
from app.cli import main as m
class Panic(BaseException):  # as pyo3_runtime.PanicException
    pass
def boom(args, out):
    raise Panic("attempt to multiply with overflow")
m.COMMANDS["list"] = boom
sys.exit(m.main(["--data-dir", sys.argv[1], "--lang", "en", "list"]))
"""


def test_an_error_that_is_no_exception_is_reported_as_a_crash_without_a_traceback(commune_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT), TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8")
    result = subprocess.run([sys.executable, "-c", CRASH, str(commune_dir)], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Unexpected error: Panic" in result.stderr
    assert "multiply with overflow" in next((commune_dir / "logs").glob("crash-*.txt")).read_text()


# The login delays file: damaged, hostile, or written by several tries at once.
@pytest.mark.parametrize("entry", ['{"failures": "x", "last": 0}', '{"failures": 5000, "last": 0}',
                                   '{"failures": 1e400, "last": 0}', '{"failures": NaN, "last": 0}',
                                   '{"failures": 5, "last": "x"}', '{"failures": 5, "last": []}',
                                   '{"failures": 5, "last": Infinity}', '{"failures": true, "last": 0}', '[1, 2]'])
def test_a_damaged_login_delays_file_never_stops_a_login(commune_dir, entry):
    key = LoginDelays._name_key("admin")
    (commune_dir / "login-delays.json").write_text(f'{{"version": 1, "users": {{"{key}": {entry}}}}}')
    clock = FakeClock()
    delays = LoginDelays(commune_dir, clock=clock, sleep=clock.sleep)
    with login(commune_dir, "admin", PASSWORD, delays=delays):
        pass
    assert sum(clock.slept) <= 30.0


@pytest.mark.parametrize("content", ['{"version": 1, "users": [1, 2]}', "[1]", '"x"', "[" * 200_000 + "]" * 200_000,
                                     b"\xff\xfe\x00", "folder"])
def test_a_login_delays_file_that_is_no_such_file_never_stops_a_login(commune_dir, content):
    path = commune_dir / "login-delays.json"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    refused("login.failed", login, commune_dir, "admin", "sai-mat-khau-1")
    with login(commune_dir, "admin", PASSWORD):
        pass


def test_a_thousand_wrong_tries_do_not_lock_the_admin_out_for_good(commune_dir):
    from app.services.login_delays import delay_after

    assert delay_after(1027) == delay_after(10**9) == 30.0  # 2.0 ** 1024 overflowed
    clock = FakeClock()
    delays = LoginDelays(commune_dir, clock=clock, sleep=clock.sleep)
    key = LoginDelays._name_key("admin")
    (commune_dir / "login-delays.json").write_text(json.dumps({"version": 1, "users": {
        key: {"failures": 1030, "last": clock.now}}}))
    refused("login.failed", login, commune_dir, "admin", "sai-mat-khau-1", delays=delays)
    with login(commune_dir, "admin", PASSWORD, delays=delays):
        pass
    assert clock.slept == [30.0, 30.0]


PARALLEL_TRY = """
import json, sys, time
from app.core.errors import UserError
from app.services import login_delays
from app.services.workspace import login
login_delays.delay_after = lambda failures: 0.0 if failures < 2 else 0.6  # the delays, shortened
start = time.time()
try:
    login(sys.argv[1], "admin", "sai-mat-khau-1")
except UserError as error:
    assert error.code == "login.failed", error.code
print(json.dumps([start, time.time()]))
"""


def test_wrong_tries_at_the_same_moment_all_count_and_each_waits_its_turn(commune_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    tries = [subprocess.Popen([sys.executable, "-c", PARALLEL_TRY, str(commune_dir)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    times = []
    for process in tries:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        times.append(json.loads(out))
    saved = json.loads((commune_dir / "login-delays.json").read_text())["users"][LoginDelays._name_key("admin")]
    assert saved["failures"] == 6  # before, tries that read the file at once counted as one
    # 2 free tries, then 4 that wait 0.6 s each after the one before: at least 2.4 s from the first start
    assert max(end for _start, end in times) - min(start for start, _end in times) >= 2.4


def test_a_user_is_not_kept_waiting_behind_another_names_delay(folder):
    import threading
    import time

    release = threading.Event()
    clock = FakeClock()
    held = LoginDelays(folder, clock=clock, sleep=lambda seconds: release.wait(20))
    key = LoginDelays._name_key("admin")
    (folder / "login-delays.json").write_text(json.dumps({"version": 1, "users": {
        key: {"failures": 20, "last": clock.now}}}))
    guess = threading.Thread(target=lambda: pytest.raises(UserError, login, folder, "admin", "sai-mat-khau-1",
                                                          delays=held))
    guess.start()
    try:
        time.sleep(0.3)  # the guess waits its 30 s
        started = time.monotonic()
        with login(folder, CLERK, CLERK_PASSWORD) as clerk:
            assert clerk.user_role == "clerk"
        assert time.monotonic() - started < 5 and guess.is_alive()
    finally:
        release.set()
        guess.join(30)


# A row kept in the users table by hand is never signed, and keys are sealed only to the signed users.
def _plant_ghost(folder: Path) -> None:
    """What a clerk about to be disabled does, with the database key every user has: a key pair of their own for
    `ghost` in keys.json, and a row ('ghost', 'admin', active) that a loop puts back into the table the moment
    an admin's login has removed it (here: after the login)."""
    with KeyFile.updating(folder / "keys.json") as keyfile:
        keyfile.set_user_keys("ghost", "hoa-dao-tet-2026")
    raw = connect(folder / "tnld.db", key_of(folder, CLERK, CLERK_PASSWORD))
    raw.execute("INSERT OR IGNORE INTO users (name, role, full_name, active, created_at)"
                " VALUES ('ghost', 'admin', NULL, 1, '2026-01-01T00:00:00+00:00')")
    raw.close()


def _no_ghost(folder: Path) -> None:
    from app.db import adminkey

    with login(folder, "admin", PASSWORD, audit=False) as admin:
        assert "ghost" not in adminkey.check_users(admin.db).signed
        assert admin.db.execute("SELECT count(*) FROM users WHERE name = 'ghost'").fetchone()[0] == 0
        assert admin.db.execute("SELECT count(*) FROM audit WHERE action = 'users_put_back'").fetchone()[0] == 1
        assert verify_chain(admin.db).ok
    keys = json.loads((folder / "keys.json").read_text())
    assert not [name for group in keys["keys"] for name in group["wraps"] if "ghost" in name]
    refused("login.failed", login, folder, "ghost", "hoa-dao-tet-2026")


def test_a_disabled_clerk_keeps_no_access_through_a_ghost_admin_kept_in_the_table(folder):
    with login(folder, "admin", PASSWORD) as admin:
        _plant_ghost(folder)
        result = users.disable_user(admin, CLERK)
        assert ("users.put_back", {"users": "ghost"}) in admin.notices
    assert result.not_sealed == ()
    _no_ghost(folder)
    assert "ghost" not in json.loads((folder / "keys.json").read_text())["users"]  # forgotten with the change
    refused("login.failed", login, folder, CLERK, CLERK_PASSWORD)


@pytest.mark.parametrize("change", ["add", "role", "promote", "enable", "reset", "new-key"])
def test_no_change_of_users_signs_a_row_kept_in_the_table_by_hand(folder, change):
    with login(folder, "admin", PASSWORD) as admin:
        if change == "enable":
            users.disable_user(admin, VIEWER)
        _plant_ghost(folder)
        if change == "add":
            users.add_user(admin, "moi", "viewer", "mot-mat-khau-dai")
        elif change == "role":
            users.set_role(admin, VIEWER, role="clerk")
        elif change == "promote":
            users.set_role(admin, VIEWER, role="admin")
        elif change == "enable":
            users.enable_user(admin, VIEWER, "mat-khau-tro-lai")
        elif change == "reset":
            users.reset_password(admin, VIEWER, "mat-khau-moi-so-1", leaked=False)
        else:
            users.new_key(admin)
    _no_ghost(folder)
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:  # the table matches its signature: nobody is refused
        assert clerk.user_role == "clerk"


# A leaked password's reset needs the folder alone: refused, nothing changed; failed half-way, nothing changed.
def test_a_leaked_password_reset_refused_while_the_folder_is_open_changes_nothing(folder, monkeypatch):
    from app.services import workspace

    monkeypatch.setattr(workspace, "EXCLUSIVE_WAIT", 0.3)
    before = (folder / "keys.json").read_bytes()
    with login(folder, "admin", PASSWORD) as admin, login(folder, VIEWER, VIEWER_PASSWORD, audit=False):
        refused("datadir.in_use", users.reset_password, admin, CLERK, "mat-khau-moi-so-1", leaked=True)
        assert admin.db.execute("SELECT count(*) FROM audit WHERE action = 'password_reset'").fetchone()[0] == 0
    assert (folder / "keys.json").read_bytes() == before
    refused("login.failed", login, folder, CLERK, "mat-khau-moi-so-1")
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.user_role == "clerk"


def test_a_leaked_password_reset_that_fails_half_way_changes_nothing(folder, monkeypatch):
    from app.services import key_change

    def fail(step):
        if step == "keys_written":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(key_change, "on_step", fail)
    with login(folder, "admin", PASSWORD) as admin:
        with pytest.raises(OSError):
            users.reset_password(admin, CLERK, "mat-khau-moi-so-1", leaked=True)
        assert admin.db.execute("SELECT count(*) FROM audit WHERE action = 'password_reset'").fetchone()[0] == 0
    assert len(json.loads((folder / "keys.json").read_text())["keys"]) == 1
    refused("login.failed", login, folder, CLERK, "mat-khau-moi-so-1")
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.user_role == "clerk"


def test_a_leaked_password_reset_cut_by_a_power_cut_lets_the_new_password_in(folder, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = ("import os, sys\nfrom app.services import key_change, users\nfrom app.services.workspace import login\n"
            "key_change.on_step = lambda step: os._exit(9) if step == 'keys_written' else None\n"
            "with login(sys.argv[1], 'admin', sys.argv[2]) as session:\n"
            "    users.reset_password(session, sys.argv[3], 'mat-khau-moi-so-1', leaked=True)\n")
    cut = subprocess.run([sys.executable, "-c", code, str(folder), PASSWORD, CLERK], env=env, timeout=120,
                         capture_output=True, text=True)
    assert cut.returncode == 9, cut.stderr
    with login(folder, CLERK, "mat-khau-moi-so-1") as clerk:  # the key did not change; the password did
        assert clerk.user_role == "clerk"
    refused("login.failed", login, folder, CLERK, CLERK_PASSWORD)


# A nearly full disk: a user is added (enabled, given a password) wholly or not at all.
@pytest.fixture
def small_disk(tmp_path):
    from tests.integration.test_faults import Disk

    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root on Linux")
    made = Disk(tmp_path / "disk", size="3m")
    yield made
    made.unmount()


@pytest.mark.parametrize("change", ["add", "passwd"])
def test_a_user_change_on_a_nearly_full_disk_is_all_or_nothing(small_disk, template_dirs, change, monkeypatch):
    from app.db import keyfile
    from app.db.connection import DatabaseError

    monkeypatch.setattr(keyfile, "SCRYPT_N", 2**12)  # the new passwords' wraps: quicker, the sizes the same
    outcomes = set()
    for leave in (0, 4, 8, 12, *range(14, 34)):  # KiB left free: the edges of the database's and key file's writes
        small_disk.free()
        data = small_disk.path / "data"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(template_dirs["commune"], data, ignore=shutil.ignore_patterns("*.tnldbak"))
        if change == "passwd":
            with login(data, "admin", PASSWORD, audit=False) as admin:
                users.add_user(admin, CLERK, "clerk", CLERK_PASSWORD)
        with login(data, "admin", PASSWORD, audit=False) as admin:
            small_disk.fill(leave)
            try:
                if change == "add":
                    users.add_user(admin, CLERK, "clerk", CLERK_PASSWORD)
                else:
                    users.reset_password(admin, CLERK, "mat-khau-moi-so-1")
                saved = True
            except (OSError, DatabaseError, UserError):
                saved = False
            small_disk.free()
        outcomes.add(saved)
        new_password = CLERK_PASSWORD if change == "add" else "mat-khau-moi-so-1"
        if saved:
            with login(data, CLERK, new_password, audit=False) as clerk:
                assert clerk.user_role == "clerk", leave
            continue
        if change == "add":  # nothing of the user anywhere: they can be added again
            assert CLERK not in json.loads((data / "keys.json").read_text())["users"], leave
            with login(data, "admin", PASSWORD, audit=False) as admin:
                assert admin.db.execute("SELECT count(*) FROM users WHERE name = ?", (CLERK,)).fetchone()[0] == 0
                users.add_user(admin, CLERK, "clerk", CLERK_PASSWORD)
        else:  # the old password still opens, the new one does not, and the audit log says no reset
            refused("login.failed", login, data, CLERK, new_password, audit=False)
            with login(data, "admin", PASSWORD, audit=False) as admin:
                assert admin.db.execute("SELECT count(*) FROM audit WHERE action = 'password_reset'").fetchone()[0] \
                    == 0, leave
        with login(data, CLERK, CLERK_PASSWORD, audit=False) as clerk:
            assert clerk.user_role == "clerk", leave
    assert outcomes == {True, False}  # the sizes tried reach both sides of the edge


# Rows changed by hand into values of another SQLite type: a broken chain or a changed table, never a crash.
def _raw_edit(folder: Path, sql: str) -> None:
    raw = connect(folder / "tnld.db", key_of(folder, "admin", PASSWORD))
    raw.execute(sql)
    raw.close()


@pytest.mark.parametrize("edit", ["detail = x'80ff'", "user = x'61646d696e'", "at = 1.5", "entity_id = 7"])
def test_an_audit_row_of_another_sqlite_type_breaks_the_chain_at_that_row(commune_dir, edit):
    with login(commune_dir, "admin", PASSWORD) as session:
        users.add_user(session, CLERK, "clerk", CLERK_PASSWORD)
    _raw_edit(commune_dir, f"UPDATE audit SET {edit} WHERE seq = 3")
    with login(commune_dir, "admin", PASSWORD, audit=False) as session:
        check = verify_chain(session.db)
        assert (check.ok, check.broken_at) == (False, 3)
    result = tnld(commune_dir, "audit", "verify")
    assert result.returncode == 3 and "breaks at entry 3" in result.stderr, result.stderr
    for args in (["audit", "show"], ["audit", "show", "--json"]):
        result = tnld(commune_dir, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_a_user_name_of_another_sqlite_type_is_a_change_outside_tnld(folder):
    _raw_edit(folder, f"UPDATE users SET name = CAST(name AS BLOB) WHERE name = '{CLERK}'")
    error = refused("users.changed_outside", login, folder, VIEWER, VIEWER_PASSWORD)
    assert CLERK in str(error)
    refused("users.changed_outside", login, folder, CLERK, CLERK_PASSWORD)
    with login(folder, "admin", PASSWORD) as admin:  # puts the signed rows back
        assert admin.notices == [("users.put_back", {"users": CLERK})]
        assert admin.db.execute("SELECT count(*) FROM users WHERE typeof(name) != 'text'").fetchone()[0] == 0
        _raw_edit(folder, "INSERT INTO users (name, role, active, created_at) VALUES (x'67686f7374', 'admin', 1, 'x')")
        assert [user.name for user in users.list_users(admin)] == sorted(["admin", CLERK, VIEWER])  # after the login
        _raw_edit(folder, "DELETE FROM users WHERE typeof(name) = 'blob'")
    with login(folder, CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.user_role == "clerk"
    _raw_edit(folder, "UPDATE users SET name = CAST(name AS BLOB)")  # every row, the admin's too
    with login(folder, "admin", PASSWORD) as admin:
        assert admin.notices == [("users.put_back", {"users": ", ".join(sorted(["admin", CLERK, VIEWER]))})]


@pytest.mark.parametrize("value", ["[" * 100_000, "x'80'", "[1"])
def test_a_users_signature_deeply_nested_or_not_json_is_refused(commune_dir, value):
    literal = value if value.startswith("x'") else f"'{value}'"
    _raw_edit(commune_dir, f"UPDATE meta SET value = {literal} WHERE key = 'users_signed'")
    refused("users.signature_broken", login, commune_dir, "admin", PASSWORD)


@pytest.mark.parametrize("edit", ["DELETE FROM meta WHERE key = 'role'", "UPDATE meta SET value = x'3036303430' WHERE key = 'unit'",
                                  "UPDATE meta SET value = 'tinh' WHERE key = 'role'"])
def test_a_workstation_setting_deleted_or_changed_in_meta_is_a_damaged_database(commune_dir, edit):
    _raw_edit(commune_dir, edit)
    error = refused("db.damaged", login, commune_dir, "admin", PASSWORD)
    assert "outside TNLĐ" in str(error)


def test_an_old_copy_of_the_key_file_is_named_as_such_not_a_damaged_database(folder, tmp_path):
    old_keys = tmp_path / "old-keys.json"
    shutil.copy(folder / "keys.json", old_keys)
    with login(folder, "admin", PASSWORD) as session:
        users.disable_user(session, VIEWER)
    current = (folder / "keys.json").read_bytes()
    shutil.copy(old_keys, folder / "keys.json")
    for user, password in ((VIEWER, VIEWER_PASSWORD), ("admin", PASSWORD)):
        error = refused("keys.not_this_database", login, folder, user, password)
        assert "old copy of keys.json" in str(error) and "Do not restore" in str(error)
        assert "damaged" not in str(error)
    result = tnld(folder, "list", user=VIEWER, password=VIEWER_PASSWORD)
    assert result.returncode == 2 and "old copy of keys.json" in result.stderr, result.stderr
    (folder / "keys.json").write_bytes(current)
    refused("login.failed", login, folder, VIEWER, VIEWER_PASSWORD)
    with login(folder, "admin", PASSWORD) as session:
        assert session.user_role == "admin"
