"""The store under many hands (issue 9): several processes and threads on one data folder at the same time.

Real `tnld` processes on a real encrypted folder: two adds and a list at once, a restore started during an add,
a session used from a worker thread, a writer that waits for another's transaction and says so. The stress test
(slow) runs four processes adding, listing, backing up and exporting for a minute, then checks that every success
a process reported is in the store and that the audit chain holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.db.audit import verify_chain
from app.db.connection import connect, integrity_errors, write_transaction
from app.db.keyfile import KeyFile
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident, make_victim


def _popen(data_dir: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, LANG="C.UTF-8", TNLD_PASSWORD=PASSWORD)
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "en", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                            env=env)


def _run(data_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    process = _popen(data_dir, *args)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _jsonl(path: Path, count: int, tag: str) -> tuple[Path, list[str]]:
    accidents = [make_accident(village=f"Thôn {tag} {i}", victims=[make_victim(name=f"Nông Văn {tag}{i}",
                                                                                id_number=None)])
                 for i in range(count)]
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in accidents), encoding="utf-8")
    return path, [a["id"] for a in accidents]


def _ids_in(data_dir: Path) -> set[str]:
    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        return {row[0] for row in session.db.execute("SELECT id FROM accidents")}


def _ids_in_copy(folder: Path, key: bytes) -> set[str]:
    db = connect(folder / "tnld.db", key)
    try:
        return {row[0] for row in db.execute("SELECT id FROM accidents")}
    finally:
        db.close()


def _check_store(data_dir: Path) -> None:
    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        assert integrity_errors(session.db) == []
        chain = verify_chain(session.db)
        assert chain.ok, f"audit chain broken at {chain.broken_at}"


def test_two_adds_and_a_list_at_once_all_succeed(commune_dir, tmp_path):
    first, first_ids = _jsonl(tmp_path / "a.jsonl", 1500, "A")
    second, second_ids = _jsonl(tmp_path / "b.jsonl", 1500, "B")
    processes = [_popen(commune_dir, "add", str(first)), _popen(commune_dir, "add", str(second))]
    time.sleep(0.3)
    processes.append(_popen(commune_dir, "list", "--limit", "5"))
    results = [(p.args[-1] if p.args[-2] != "--limit" else "list", *p.communicate(timeout=300), p.returncode)
               for p in processes]
    for what, out, err, code in results:
        assert code == 0, f"{what}: exit {code}\n{out}\n{err}"
        assert "Traceback" not in err and "locked" not in err
    assert _ids_in(commune_dir) >= set(first_ids) | set(second_ids)
    _check_store(commune_dir)


def test_restore_during_an_add_never_loses_the_add(commune_dir, tmp_path):
    backup = tmp_path / "before.tnldbak"
    assert _run(commune_dir, "backup", "--out", str(backup)).returncode == 0
    big, ids = _jsonl(tmp_path / "big.jsonl", 4000, "R")
    adding = _popen(commune_dir, "add", str(big))
    time.sleep(1.5)  # past the login: the add is checking or saving
    restored = _run(commune_dir, "restore", str(backup), "--yes")
    add_out, add_err = adding.communicate(timeout=300)
    assert "Traceback" not in add_err + restored.stderr
    live = _ids_in(commune_dir)
    if adding.returncode == 0:
        key = KeyFile.load(commune_dir / "keys.json").unlock("admin", PASSWORD)
        copies = sorted((commune_dir / "backups").glob("before-restore-*"))
        kept = set().union(*(_ids_in_copy(copy, key) for copy in copies)) if copies else set()
        # Reported done: the records are in the live database, or (when the restore came after the add) in the
        # copy the restore set aside. Never in neither.
        assert set(ids) <= live or set(ids) <= kept, "an add reported done was lost"
    else:
        assert not set(ids) & live
    if restored.returncode != 0:
        assert restored.returncode == 2
        assert "open in another" in restored.stderr, restored.stderr
        assert adding.returncode == 0 and set(ids) <= live
    _check_store(commune_dir)


def test_restore_is_refused_while_another_session_is_open(commune_dir, tmp_path):
    backup = tmp_path / "before.tnldbak"
    assert _run(commune_dir, "backup", "--out", str(backup)).returncode == 0
    with login(commune_dir, "admin", PASSWORD, audit=False):
        started = time.monotonic()
        refused = _run(commune_dir, "restore", str(backup), "--yes")
        waited = time.monotonic() - started
    assert refused.returncode == 2, refused.stderr
    assert "open in another" in refused.stderr and "Traceback" not in refused.stderr
    assert waited < 60
    assert not list((commune_dir / "backups").glob("before-restore-*"))


def test_a_worker_thread_gets_its_own_session(session):
    from app.services.records import get_accident, save_accident

    failures: list[BaseException] = []
    saved: list[str] = []

    def on_main_connection() -> None:
        try:
            session.db.execute("SELECT count(*) FROM accidents").fetchone()
        except BaseException as exc:  # noqa: BLE001 - what happens is the point
            failures.append(exc)

    def worker() -> None:
        with session.for_worker() as mine:
            saved.append(save_accident(mine, make_accident()).id)
            mine.db.execute("SELECT count(*) FROM accidents").fetchone()

    thread = threading.Thread(target=on_main_connection)
    thread.start()
    thread.join()
    assert failures, "a connection must not be used from another thread"
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert saved and get_accident(session, saved[0])["id"] == saved[0]
    assert verify_chain(session.db).ok


def test_a_writer_waits_for_another_and_says_so(commune_dir, tmp_path):
    path, ids = _jsonl(tmp_path / "w.jsonl", 3, "W")
    with login(commune_dir, "admin", PASSWORD, audit=False) as holder:
        holder.begin()  # another window in the middle of a save
        process = _popen(commune_dir, "add", str(path))
        time.sleep(3.0)
        assert process.poll() is None, "the add must wait, not fail"
        holder.db.conn.execute("COMMIT")
        out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "waiting for it to finish" in err
    assert set(ids) <= _ids_in(commune_dir)
    _check_store(commune_dir)


def test_a_wait_that_does_not_end_is_a_message_and_changes_nothing(session):
    from app.services.workspace import login as open_again

    with open_again(session.datadir.path, "admin", PASSWORD, audit=False) as other:
        other.begin()
        told: list[str] = []
        before = session.db.execute("SELECT count(*) FROM audit").fetchone()[0]
        with pytest.raises(UserError) as refused, write_transaction(session.db, told.append, wait=0.6):
            session.audit.append("admin", "never")
        other.db.conn.execute("ROLLBACK")
    assert refused.value.code == "db.busy" and told == ["db.waiting"]
    assert session.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


@pytest.mark.slow
def test_four_processes_for_a_minute(station, tmp_path):
    """Adding, listing, backing up and exporting on one folder at once; every reported success is stored."""
    office = station("office", "20", "Sở Nội vụ tỉnh Lạng Sơn", name="office")
    commune = station("commune", "06040", name="commune")
    commune.trust(office)
    folder = commune.path
    deadline = time.monotonic() + 60
    added: list[str] = []
    failures: list[str] = []
    counts = {"add": 0, "list": 0, "backup": 0, "export": 0}
    exported: list[Path] = []
    # One record before the race: an export of the running year with no record yet is a 'nil' report, refused
    # until the year has ended (issue 10); the export thread could otherwise start before the first add lands.
    seed, seeded = _jsonl(tmp_path / "seed.jsonl", 1, "S0")
    assert _run(folder, "add", str(seed)).returncode == 0
    added.extend(seeded)

    def loop(kind: str) -> None:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            if kind == "add":
                path, ids = _jsonl(tmp_path / f"add-{n}.jsonl", 25, f"S{n}")
                result = _run(folder, "add", str(path))
                if result.returncode == 0:
                    added.extend(ids)
            elif kind == "list":
                result = _run(folder, "list", "--search", "nong van", "--limit", "10")
            elif kind == "backup":
                result = _run(folder, "backup", "--out", str(tmp_path / "b.tnldbak"), "--force")
            else:
                out = tmp_path / f"e-{n}.tnld"
                result = _run(folder, "export", "--period", "2026", "--out", str(out))
                if result.returncode == 0:
                    exported.append(out)
            counts[kind] += 1
            if result.returncode != 0 or "Traceback" in result.stderr:
                failures.append(f"{kind} #{n}: exit {result.returncode}: {result.stderr[-500:]}")

    threads = [threading.Thread(target=loop, args=(kind,)) for kind in counts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert all(counts.values()), counts
    assert set(added) <= _ids_in(folder)
    _check_store(folder)
    verdict = _run(folder, "audit", "verify")
    assert verdict.returncode == 0, verdict.stderr
    for bundle in exported:
        assert _run(office.path, "verify", str(bundle)).returncode in (0, 4)


def test_a_set_up_cut_short_can_be_done_again(tmp_path):
    """`init` killed before its key file was written left a database nobody can open, and `init` then refused."""
    folder = tmp_path / "xa"
    env = dict(os.environ, LANG="C.UTF-8", TNLD_PASSWORD=PASSWORD)
    killed = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(folder), "--lang", "en", "init",
                               "--role", "commune", "--unit", "06040", "--admin", "admin"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not (folder / "tnld.db").exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    killed.kill()
    killed.wait()
    if (folder / "keys.json").exists():
        pytest.skip("the set-up finished before it could be killed")
    again = _run(folder, "init", "--role", "commune", "--unit", "06040", "--admin", "admin")
    assert again.returncode == 0, again.stderr
    assert list((folder / "backups").glob("unfinished-setup-*/tnld.db"))
    assert _run(folder, "list").returncode == 0


def test_a_database_that_is_a_folder_is_named_so(commune_dir):
    (commune_dir / "tnld.db").unlink()
    for suffix in ("-wal", "-shm"):
        (commune_dir / f"tnld.db{suffix}").unlink(missing_ok=True)
    (commune_dir / "tnld.db").mkdir()
    result = _run(commune_dir, "list")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "not a file" in result.stderr
