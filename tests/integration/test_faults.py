"""Faults as messages (issue 9, finding 9): a full or read-only disk, absurd input, hostile files, outputs that are
not ordinary files, a killed import, invisible characters, file permissions. Each case runs the real `tnld` command
in a subprocess on real encrypted data folders: a clear message, exit code 2, nothing changed, never a traceback.

The disk tests mount a small tmpfs (root on Linux); elsewhere they are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, make_accident, make_victim
from tests.integration.test_cli import db_state, jsonl, tnld


def clean_exit(result, code: int = 2) -> None:
    """The command ended with *code*, and nothing a person would read as a crash."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert "Unexpected error" not in result.stderr


def run_tnld(*args, data_dir=None, password=PASSWORD, lang="en", timeout=120, umask=None, memory=None):
    """`tnld` in a subprocess, like `tnld()`, with a umask and a memory ceiling when asked."""
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("TNLD_PASSWORD", None)
    if password is not None:
        env["TNLD_PASSWORD"] = password
    command = [sys.executable, "-m", "app"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    if lang:
        command += ["--lang", lang]

    def limits():
        if umask is not None:
            os.umask(umask)
        if memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=timeout, preexec_fn=limits)


def on_terminal(*args, data_dir, typed: list[bytes], password=PASSWORD, lang="en", timeout=60):
    """Run `tnld` on a pseudo-terminal, typing each of *typed* after the next prompt (a line ending in ': ').
    Returns (exit code, everything shown on the terminal)."""
    import pty

    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("TNLD_PASSWORD", None)
    if password is not None:
        env["TNLD_PASSWORD"] = password
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", lang, *args],
                               stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + timeout
    pending = list(typed)
    try:
        while time.monotonic() < deadline:
            import select

            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                shown += chunk
                if pending and shown.rstrip().endswith(b":"):
                    os.write(master, pending.pop(0))
            elif process.poll() is not None:
                break
        code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return code, shown.decode("utf-8", "replace")


# A small disk of its own: a tmpfs that the tests fill up or make read-only.
class Disk:
    def __init__(self, path: Path, size: str = "4m") -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
        self.filler = path / "filler.bin"

    def available(self) -> int:
        return shutil.disk_usage(self.path).free

    def fill(self, leave_kib: int = 0) -> None:
        """Leave only *leave_kib* KiB free."""
        self.free()
        with self.filler.open("wb") as handle:
            size = max(0, self.available() - leave_kib * 1024)
            with contextlib.suppress(OSError):
                handle.write(b"\0" * size)
                handle.flush()

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        subprocess.run(["mount", "-o", "remount," + ("ro" if on else "rw"), str(self.path)], check=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)


@pytest.fixture
def disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root on Linux")
    made = Disk(tmp_path / "disk")
    yield made
    made.unmount()


@pytest.fixture
def data_on_disk(disk, template_dirs):
    """A commune's data folder with three accidents on the small disk; returns (folder, the accidents)."""
    data = disk.path / "data"
    shutil.copytree(template_dirs["commune"], data)
    accidents = [make_accident(), make_accident(occurred_on="2026-04-01", declared_on="2026-04-02"),
                 make_accident(occurred_on="2026-05-01", declared_on="2026-05-02")]
    result = tnld("add", jsonl(disk.path.parent / "three.jsonl", accidents), data_dir=data)
    assert result.returncode == 0, result.stderr
    return data, accidents


# Finding 1: a full disk.
@pytest.mark.parametrize("leave", [0, 32], ids=["full", "nearly full"])
def test_reading_commands_and_a_backup_elsewhere_work_on_a_full_data_disk(disk, data_on_disk, tmp_path, leave):
    data, accidents = data_on_disk
    disk.fill(leave)
    for args in (["list"], ["list", "--json"], ["show", accidents[0]["id"][:8]], ["audit", "verify"],
                 ["incidents"], ["backup", "--out", tmp_path / "elsewhere.tnldbak"]):
        result = tnld(*args, data_dir=data)
        clean_exit(result, 0)
    assert "3 of 3" in tnld("list", data_dir=data).stdout
    disk.free()
    restored = tnld("restore", tmp_path / "elsewhere.tnldbak", data_dir=tmp_path / "restored")
    clean_exit(restored, 0)
    assert len(json.loads(tnld("list", "--json", data_dir=tmp_path / "restored").stdout)) == 3


@pytest.mark.parametrize("leave", [0, 32], ids=["full", "nearly full"])
def test_writing_on_a_full_data_disk_says_the_disk_is_full_and_saves_nothing(disk, data_on_disk, tmp_path, leave):
    data, accidents = data_on_disk
    before = db_state(data)
    new = jsonl(tmp_path / "new.jsonl", [make_accident(occurred_on="2026-06-01", declared_on="2026-06-01")
                                         for _ in range(20)])
    disk.fill(leave)
    result = tnld("add", new, data_dir=data)
    clean_exit(result)
    assert "is full; nothing was saved" in result.stderr
    clean_exit(tnld("add", new, data_dir=data, lang=None))  # in Vietnamese, once the message is translated
    clean_exit(tnld("void", accidents[0]["id"][:8], "--reason", "nhập trùng", data_dir=data))
    clean_exit(tnld("settings", "set", "signer_name", "Hoàng Văn Minh", data_dir=data))
    card = tnld("keys", "card", "--out", disk.path / "xa.card", data_dir=data)
    clean_exit(card)
    assert "is full" in card.stderr and not (disk.path / "xa.card").exists()
    disk.free()
    after = db_state(data)
    assert (after["accidents"], after["accident_versions"]) == (before["accidents"], before["accident_versions"])
    check = tnld("audit", "verify", data_dir=data)
    clean_exit(check, 0)


def test_a_backup_to_a_full_disk_says_so_and_leaves_nothing_there(disk, commune_dir):
    disk.fill(64)
    target = disk.path / "b.tnldbak"
    result = tnld("backup", "--out", target, data_dir=commune_dir)
    clean_exit(result)
    assert "is full" in result.stderr
    assert sorted(p.name for p in disk.path.iterdir()) == ["filler.bin"]


def test_an_automatic_backup_that_does_not_fit_warns_but_the_change_is_kept(disk, template_dirs, tmp_path):
    data = disk.path / "data"
    shutil.copytree(template_dirs["commune"], data)
    size = (data / "tnld.db").stat().st_size
    disk.fill(size // 1024 // 2 + 64)  # room for the new record, not for a copy of the database
    accident = make_accident()
    result = tnld("add", jsonl(tmp_path / "one.jsonl", [accident]), data_dir=data)
    clean_exit(result, 0)
    assert "automatic backup" in result.stderr and "full" in result.stderr
    disk.free()
    assert [a["id"] for a in json.loads(tnld("list", "--json", data_dir=data).stdout)] == [accident["id"]]
    assert not list((data / "backups").rglob("*.tnldbak"))
    assert not [p for p in data.rglob("*") if p.name.startswith((".backup-", ".tnld"))]


def test_sqlite_and_system_errors_of_a_full_or_locked_disk_become_messages():
    import errno

    import sqlcipher3

    from app.core.fsutil import storage_error

    full = sqlcipher3.OperationalError("database or disk is full")
    assert storage_error(full, "/data").code == "disk.full"
    assert storage_error(OSError(errno.ENOSPC, "No space left on device", "/usb/b")).params["path"] == "/usb/b"
    assert storage_error(OSError(errno.EDQUOT, "Disk quota exceeded", "x")).code == "disk.full"
    assert storage_error(OSError(errno.EROFS, "Read-only file system", "x")).code == "disk.read_only"
    assert storage_error(OSError(errno.EACCES, "Permission denied", "x")).code == "disk.no_permission"
    assert storage_error(OSError(errno.EIO, "Input/output error", "x")) is None
    assert storage_error(ValueError("no")) is None


# Finding 2: absurd input is refused, exit 2.
def _line(accident: dict) -> str:
    return json.dumps(accident)  # ASCII, so a lone surrogate is written as the escape \ud800


ABSURD_LINES = {
    "5,000-digit integer": (_line(make_accident())[:-1] + ', "days": ' + "9" * 5000 + "}", "digits"),
    "100,000-deep nesting": ('{"id": ' + "[" * 100_000 + "]" * 100_000 + "}", "deep"),
    "40-deep nesting": ('{"village": ' + "[" * 40 + "]" * 40 + "}", "deep"),
    "days_off 1e23": (_line(make_accident(victims=[make_victim(days_off=1e23)])), "victims[1].days_off"),
    "days_off 2^70": (_line(make_accident(victims=[make_victim(days_off=2**70)])), "victims[1].days_off"),
    "cost 1e300": (_line(make_accident(victims=[make_victim(cost_kvnd=1e300)])), "victims[1].cost_kvnd"),
    "birth year 2^70": (_line(make_accident(victims=[make_victim(birth_year=2**70, id_number=None)])),
                        "victims[1].birth_year"),
    "lone surrogate": (_line(make_accident(village="Thôn \ud800 Nà Pàn")), "village"),
    "surrogate in a victim": (_line(make_accident(victims=[make_victim(name="Hoàng \udfff")])), "victims[1].name"),
    "surrogate in a field name": (_line({**make_accident(), "vil\udc00": "x"}), "line 2: vil"),
    "damage 1e23": (_line({"kind": "incident", "id": str(uuid.uuid4()), "unit": "06040", "occurred_on": "2026-03-14",
                           "what_failed": "Giàn giáo", "damage_kvnd": 1e23, "status": "confirmed"}), "damage_kvnd"),
}


@pytest.mark.parametrize("case", sorted(ABSURD_LINES))
def test_absurd_lines_are_refused_naming_line_and_field(commune_dir, tmp_path, case):
    line, expected = ABSURD_LINES[case]
    path = tmp_path / "in.jsonl"
    path.write_text(_line(make_accident()) + "\n" + line + "\n", encoding="ascii")
    before = db_state(commune_dir)
    result = tnld("add", path, data_dir=commune_dir)
    clean_exit(result)
    assert "line 2" in result.stderr and expected in result.stderr
    assert db_state(commune_dir) == dict(before, audit=before["audit"] + 1)  # the login only


def _signed_bundle(commune, office, path, records, **manifest_changes):
    """A bundle the commune really signed, with the records and manifest given (absurd ones included)."""
    from app.exchange.bundle import INCIDENTS, RECORDS, Part, build
    from app.services.keys import own_identity

    with commune.session() as session:
        identity = own_identity(session)
        versions = session.codelists.versions()
    with office.session() as session:
        recipient = own_identity(session).public
    manifest = {"kind": "report", "period": "2026", "created_at": "2026-07-01T00:00:00.000Z", "sequence": 1,
                "previous_hash": None, "nil": not records,
                "counts": {"accidents": len(records), "victims": sum(len(r["victims"]) for r in records), "void": 0,
                           "incidents": 0},
                "contains": [], "codelists_version": versions, **manifest_changes}
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    build(path, identity, manifest, [Part(RECORDS, lines, "application/x-ndjson"),
                                     Part(INCIDENTS, b"", "application/x-ndjson")], recipient)
    return path


def _stamped(accident, version=1):
    return dict(accident, version=version, created_at="2026-03-15T01:00:00.000Z", updated_at="2026-03-15T01:00:00.000Z",
                author="admin")


@pytest.mark.parametrize("case", ["version 2^70", "sequence 2^70", "count 2^70", "days_off 1e23"])
def test_absurd_numbers_in_a_signed_bundle_are_refused(office, commune, tmp_path, case):
    accident = _stamped(make_accident(), version=2**70 if case == "version 2^70" else 1)
    if case == "days_off 1e23":
        accident["victims"][0]["days_off"] = 1e23
    changes = {"sequence": 2**70} if case == "sequence 2^70" else {}
    if case == "count 2^70":
        changes["counts"] = {"accidents": 2**70, "victims": 1, "void": 0, "incidents": 0}
    bundle = _signed_bundle(commune, office, tmp_path / "absurd.tnld", [accident], **changes)
    before = office.snapshot()
    result = tnld("import", bundle, data_dir=office.path)
    assert result.returncode in (2, 3), result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr + result.stdout
    assert "absurd.tnld: refused" in result.stdout
    assert office.snapshot() == before


def _damaged_backups(good: Path, folder: Path) -> dict[str, Path]:
    data = good.read_bytes()
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    made: dict[str, Path] = {}

    def write(name: str, content: bytes) -> None:
        made[name] = folder / f"{name}.tnldbak"
        made[name].write_bytes(content)

    def zipped(name: str, parts: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", method) as archive:
            for member, content in parts.items():
                archive.writestr(member, content)
        write(name, buffer.getvalue())

    def with_manifest(name: str, manifest, keys: bytes | None = None, db: bytes | None = None) -> None:
        keys = members["keys.json"] if keys is None else keys
        db = members["tnld.db"] if db is None else db
        if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict):
            manifest["files"] = {"keys.json": hashlib.sha256(keys).hexdigest(), "tnld.db": hashlib.sha256(db).hexdigest()}
        zipped(name, {"manifest.json": json.dumps(manifest).encode(), "keys.json": keys, "tnld.db": db})

    original = json.loads(members["manifest.json"])
    write("garbage", os.urandom(5000))
    write("zip header then garbage", b"PK\x03\x04" + os.urandom(3000))
    for share in (10, 50, 90, 99):
        write(f"truncated at {share} %", data[: len(data) * share // 100])
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    write("one byte changed", bytes(flipped))
    zipped("wrong members", {"a.txt": b"x"})
    zipped("a member too many", {**members, "extra.txt": b"x"})
    zipped("manifest not JSON", {**members, "manifest.json": b"{not json"})
    with_manifest("manifest a list", [1, 2])
    with_manifest("files not a mapping", dict(original, files=["keys.json"]))
    with_manifest("no creation time", {k: v for k, v in original.items() if k != "created_at"})
    with_manifest("keys not JSON", dict(original, files={}), keys=b"\xff\xfe")
    with_manifest("keys without wraps", dict(original, files={}), keys=json.dumps(
        {"format": "tnld-keys", "version": 1, "default_user": "admin", "wraps": {"user:admin": {"salt": "!!"}}}).encode())
    with_manifest("keys with a wrong wrap", dict(original, files={}), keys=json.dumps(
        {"format": "tnld-keys", "version": 1, "default_user": "admin",
         "wraps": {"user:admin": {"kdf": "scrypt", "n": "x", "r": 8, "p": 1, "salt": "", "nonce": "", "sealed": ""}}}
    ).encode())
    with_manifest("database garbage", dict(original, files={}), db=os.urandom(8192))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    raw = bytearray(buffer.getvalue())
    for offset in range(len(raw) - 4):  # an unknown compression method in every header
        if raw[offset:offset + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            at = offset + (8 if raw[offset + 2] == 3 else 10)
            raw[at:at + 2] = (99).to_bytes(2, "little")
    write("unknown compression", bytes(raw))
    return made


def test_damaged_backups_are_refused_with_a_message(commune_dir, tmp_path):
    from app.services.backup import write_backup
    from app.services.workspace import login

    with login(commune_dir, "admin", PASSWORD) as session:
        good = write_backup(session, tmp_path / "good.tnldbak")
    made = _damaged_backups(good, tmp_path)
    for name, path in made.items():
        target = tmp_path / f"restore-{name.replace(' ', '-').replace('%', 'pc')}"
        result = tnld("restore", path, data_dir=target)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr, name
        assert not (target / "tnld.db").exists(), name
    # A damaged backup into a working folder changes nothing there (but the admin's login, in the audit log).
    before = _records_and_changes(commune_dir)
    result = tnld("restore", made["one byte changed"], data_dir=commune_dir)
    clean_exit(result)
    assert _records_and_changes(commune_dir) == before


def _records_and_changes(data_dir) -> dict:
    from app.services.workspace import login

    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        db = session.db
        return {"accidents": db.execute("SELECT id, version, status FROM accidents ORDER BY id").fetchall(),
                "versions": db.execute("SELECT count(*) FROM accident_versions").fetchone()[0],
                "changes": db.execute("SELECT count(*) FROM audit WHERE action != 'login'").fetchone()[0]}


def test_a_data_folder_that_is_a_file_or_read_only_is_named_so(tmp_path, disk, template_dirs):
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    for args in (["list"], ["init", "--role", "commune", "--unit", "06040", "--admin", "admin"], ["restore", a_file]):
        result = tnld(*args, data_dir=a_file)
        clean_exit(result)
        assert "is a file, not a folder" in result.stderr, args
    shutil.copytree(template_dirs["commune"], disk.path / "data")
    disk.read_only()
    for args in (["list"], ["add", jsonl(tmp_path / "a.jsonl", [make_accident()])]):
        result = tnld(*args, data_dir=disk.path / "data")
        clean_exit(result)
        assert "read-only" in result.stderr and "damaged" not in result.stderr, args
    result = tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=disk.path / "new")
    clean_exit(result)
    assert "read-only" in result.stderr


def _crash(data_dir) -> subprocess.CompletedProcess:
    """`tnld list` with a bug planted in it: the crash report path."""
    code = ("import sys\nfrom app.cli import main as m\n"
            "def boom(args, out):\n    raise ZeroDivisionError('planted')\n"
            "m.COMMANDS['list'] = boom\n"
            f"sys.exit(m.main(['--data-dir', {str(data_dir)!r}, '--lang', 'en', 'list']))\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8"))


def test_a_crash_report_says_where_it_went_when_the_data_folder_cannot_take_it(commune_dir, disk, template_dirs):
    normal = _crash(commune_dir)
    assert normal.returncode == 1 and "Traceback" not in normal.stderr
    assert str(commune_dir / "logs") in normal.stderr and "could not" not in normal.stderr
    shutil.copytree(template_dirs["commune"], disk.path / "data")
    disk.read_only()
    elsewhere = _crash(disk.path / "data")
    assert elsewhere.returncode == 1 and "Traceback" not in elsewhere.stderr
    assert str(disk.path / "data") in elsewhere.stderr and "could not" in elsewhere.stderr
    assert tempfile.gettempdir() in elsewhere.stderr


def test_end_of_input_at_a_password_prompt_cancels(commune_dir):
    code, shown = on_terminal("list", data_dir=commune_dir, typed=[b"\x04"], password=None)
    assert code == 2, shown
    assert "cancelled" in shown and "Traceback" not in shown and "EOFError" not in shown


# Finding 3: file reads have limits and must be ordinary files.
GIB = 1024**3


@pytest.mark.parametrize("args", [
    ["verify-pdf", "/dev/zero"], ["keys", "trust", "/dev/zero"], ["import", "/dev/zero"], ["verify", "/dev/zero"],
    ["add", "/dev/zero"], ["--password-file", "/dev/zero", "list"], ["keys", "trust", "/dev/stdin"],
], ids=lambda args: " ".join(args))
def test_devices_are_refused_without_reading_them(commune_dir, args):
    started = time.monotonic()
    result = run_tnld(*args, data_dir=commune_dir, memory=3 * GIB, timeout=60,
                      password=None if "--password-file" in args else PASSWORD)
    clean_exit(result)
    assert time.monotonic() - started < 20


def test_restore_of_a_device_is_refused(tmp_path):
    result = run_tnld("restore", "/dev/zero", data_dir=tmp_path / "new", memory=3 * GIB, timeout=60)
    clean_exit(result)


@pytest.mark.parametrize("command", [["verify-pdf"], ["keys", "trust"], ["import"], ["verify"]])
def test_a_huge_file_is_refused_before_it_is_read(commune_dir, tmp_path, command):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(2 * GIB)  # sparse: no disk space used
    started = time.monotonic()
    result = run_tnld(*command, huge, data_dir=commune_dir, memory=3 * GIB, timeout=60)
    assert result.returncode in (2, 3), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "too large" in result.stderr + result.stdout or "larger than" in result.stderr + result.stdout
    assert time.monotonic() - started < 10


def test_a_key_card_of_a_megabyte_is_refused(commune_dir, tmp_path):
    big = tmp_path / "big.card"
    big.write_bytes(b"{" + b" " * (1024 * 1024) + b"}")
    result = tnld("keys", "trust", big, data_dir=commune_dir)
    clean_exit(result)
    assert "too large" in result.stderr


# Finding 4: the checking processes of an import die with it.
@pytest.mark.slow
def test_killing_an_import_leaves_no_checking_process_behind(office, commune, tmp_path):
    import psutil

    commune.add(*[make_accident(work=f"Hái hồi {i}") for i in range(400)])
    bundles = [commune.export("2026", tmp_path / f"b{i}.tnld").path for i in range(12)]
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8")
    process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(office.path), "import", *map(str, bundles),
                                "--receipts", str(tmp_path / "receipts")],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 60
    children: list = []
    while time.monotonic() < deadline:
        children = [c for c in parent.children(recursive=True) if "spawn_main" in " ".join(c.cmdline())]
        if len(children) >= 2:
            break
        time.sleep(0.05)
    assert len(children) >= 2, "the import did not start its checking processes"
    everything = parent.children(recursive=True)
    time.sleep(0.5)  # the workers are busy checking
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    gone, alive = psutil.wait_procs(everything, timeout=5)
    assert not alive, [p.cmdline() for p in alive]


# Finding 5: invisible characters.
def test_invisible_characters_are_removed_with_a_warning(commune_dir, tmp_path):
    accident = make_accident(
        village="Thôn\u200b Nà\u2066 Pàn\u2069", work="Hái\u00a0hồi\u202e trên cây\ufeff",
        description="Dòng một\nDòng\thai\u0085\u200d",
        victims=[make_victim(name="Hoàng\u202a Văn\u2060 Đức\u200c\x07")])
    result = tnld("add", jsonl(tmp_path / "in.jsonl", [accident]), data_dir=commune_dir)
    clean_exit(result, 0)
    for field in ("village", "work", "description", "victims[1].name"):
        assert f"line 1: {field}: invisible characters" in result.stderr, field
    [saved] = json.loads(tnld("list", "--json", data_dir=commune_dir).stdout)
    assert saved["village"] == "Thôn Nà Pàn"
    assert saved["work"] == "Hái\u00a0hồi trên cây"
    assert saved["description"] == "Dòng một\nDòng\thai"
    assert saved["victims"][0]["name"] == "Hoàng Văn Đức"
    clean = make_accident(id=accident["id"], village="Thôn Nà Pàn", work="Hái\u00a0hồi trên cây",
                          description="Dòng một\nDòng\thai", victims=[make_victim(name="Hoàng Văn Đức")])
    again = tnld("add", jsonl(tmp_path / "again.jsonl", [clean]), "--json", data_dir=commune_dir)
    clean_exit(again, 0)
    assert json.loads(again.stdout)["unchanged"] == 1 and json.loads(again.stdout)["warnings"] == []


def test_a_one_line_text_keeps_no_line_break(commune_dir, tmp_path):
    accident = make_accident(village="Thôn\nNà Pàn", victims=[make_victim(name="Hoàng\tVăn Đức")])
    assert tnld("add", jsonl(tmp_path / "in.jsonl", [accident]), data_dir=commune_dir).returncode == 0
    [saved] = json.loads(tnld("list", "--json", data_dir=commune_dir).stdout)
    assert (saved["village"], saved["victims"][0]["name"]) == ("Thôn Nà Pàn", "Hoàng Văn Đức")


# Finding 6: every output file follows one rule.
def _writers(tmp_path):
    """Each command that writes a file the user names: the arguments before the file, the option after."""
    return {
        "backup": lambda out: ["backup", "--out", out],
        "keys card": lambda out: ["keys", "card", "--out", out],
        "export": lambda out: ["export", "--period", "2026-H1", "--out", out],
        "report": lambda out: ["report", "--period", "2026", "--format", "json", "--out", out],
        "report pdf form": lambda out: ["report", "--kind", "notice", "--period", "2026", "--out", out],
    }


@pytest.mark.parametrize("writer", ["backup", "keys card", "export", "report", "report pdf form"])
def test_outputs_are_only_new_or_ordinary_files_replaced_with_force(commune_dir, tmp_path, writer):
    command = _writers(tmp_path)[writer]
    # A report's file must end with its format's extension (a device or /proc file has none: refused either way).
    ext = {"report": ".json", "report pdf form": ".pdf"}.get(writer, ".out")
    refused = ("not an ordinary file",) if ext == ".out" else ("not an ordinary file", "does not end with")
    existing = tmp_path / f"existing{ext}"
    existing.write_bytes(b"keep me")
    result = tnld(*command(existing), data_dir=commune_dir)
    clean_exit(result)
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert existing.read_bytes() == b"keep me"
    clean_exit(tnld(*command(existing), "--force", data_dir=commune_dir), 0)
    assert existing.read_bytes() != b"keep me"

    folder = tmp_path / f"a-folder{ext}"
    folder.mkdir()
    result = tnld(*command(folder), "--force", data_dir=commune_dir)
    clean_exit(result)
    assert "is a folder" in result.stderr and folder.is_dir()

    for device in ("/dev/full", "/dev/null"):
        result = tnld(*command(device), "--force", data_dir=commune_dir)
        clean_exit(result)
        assert any(reason in result.stderr for reason in refused)
        assert stat.S_ISCHR(os.stat(device).st_mode)
    link = tmp_path / f"link-to-device{ext}"
    link.symlink_to("/dev/null")
    result = tnld(*command(link), "--force", data_dir=commune_dir)
    clean_exit(result)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"

    target = tmp_path / f"real{ext}"
    target.write_bytes(b"old")
    (tmp_path / f"link-to-file{ext}").symlink_to(target)
    clean_exit(tnld(*command(tmp_path / f"link-to-file{ext}"), "--force", data_dir=commune_dir), 0)
    assert (tmp_path / f"link-to-file{ext}").is_symlink() and target.read_bytes() != b"old"

    result = tnld(*command(tmp_path / "no-such-folder" / f"x{ext}"), data_dir=commune_dir)
    clean_exit(result)
    assert "does not exist" in result.stderr and not (tmp_path / "no-such-folder").exists()

    result = tnld(*command("/proc/version"), "--force", data_dir=commune_dir)
    clean_exit(result)


def test_outputs_on_a_read_only_disk_are_refused(commune_dir, tmp_path, disk):
    disk.read_only()
    for name, command in _writers(tmp_path).items():
        ext = {"report": ".json", "report pdf form": ".pdf"}.get(name, ".file")
        result = tnld(*command(disk.path / f"out{ext}"), data_dir=commune_dir)
        clean_exit(result)
        assert "read-only" in result.stderr, name


# Finding 7: the data folder is private.
def _modes(folder: Path) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def _wide(modes: dict[str, str], folder: Path) -> dict[str, str]:
    return {name: mode for name, mode in modes.items()
            if mode != ("0o700" if (folder / name).is_dir() else "0o600")}


def test_the_data_folder_and_every_file_in_it_are_private(tmp_path):
    data = tmp_path / "data"
    clean_exit(run_tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data,
                        umask=0o022), 0)
    clean_exit(run_tnld("add", jsonl(tmp_path / "a.jsonl", [make_accident()]), data_dir=data, umask=0o022), 0)
    clean_exit(run_tnld("backup", "--out", tmp_path / "b.tnldbak", data_dir=data, umask=0o022), 0)
    modes = _modes(data)
    assert any(name.startswith("backups/auto/") for name in modes) and "logs/tnld.log" in modes
    assert _wide(modes, data) == {}


def test_a_data_folder_made_before_is_made_private_at_the_next_login(commune_dir):
    os.chmod(commune_dir, 0o755)
    os.chmod(commune_dir / "tnld.db", 0o644)
    os.chmod(commune_dir / "keys.json", 0o644)
    clean_exit(run_tnld("list", data_dir=commune_dir, umask=0o022), 0)
    assert _wide(_modes(commune_dir), commune_dir) == {}
