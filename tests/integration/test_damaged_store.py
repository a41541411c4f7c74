"""A data folder whose database was deleted, emptied, cut short or damaged: the login says so in the user's
language and changes nothing (found by the attack session: a deleted tnld.db came back empty and the login said
"wrong password"; a damaged page crashed the desktop's login; a cut-short file blamed an old keys.json)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.core.errors import UserError
from app.services.workspace import login
from tests.conftest import PASSWORD


def files(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith("-shm")
            and not p.name.startswith("login-delays")}  # the wrong-password bookkeeping, not data


def refused(folder) -> UserError:
    with pytest.raises(UserError) as caught:
        login(folder, "admin", PASSWORD)
    return caught.value


def test_a_deleted_or_emptied_database_is_said_missing_and_never_made_again(commune_dir):
    for name in ("tnld.db", "tnld.db-wal", "tnld.db-shm"):
        (commune_dir / name).unlink(missing_ok=True)
    before = files(commune_dir)
    assert refused(commune_dir).code == "db.missing"
    assert not (commune_dir / "tnld.db").exists() and files(commune_dir) == before
    (commune_dir / "tnld.db").write_bytes(b"")
    assert refused(commune_dir).code == "db.missing"
    assert (commune_dir / "tnld.db").stat().st_size == 0


def test_a_database_cut_short_is_damaged_not_an_old_key_file(commune_dir):
    with login(commune_dir, "admin", PASSWORD):
        pass  # the WAL folded into the file at close
    path = commune_dir / "tnld.db"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    error = refused(commune_dir)
    assert error.code == "db.damaged" and error.params["reason"] == "reason.db_cut_short"


def test_a_damaged_page_is_the_damaged_database_message_in_the_command_line(commune_dir):
    with login(commune_dir, "admin", PASSWORD):
        pass
    path = commune_dir / "tnld.db"
    data = bytearray(path.read_bytes())
    data[8192] ^= 0x01  # one byte of the third page (its checksum fails when it is read)
    path.write_bytes(bytes(data))
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD)
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(commune_dir), "list"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "cơ sở dữ liệu bị hỏng" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_database_cut_at_a_page_boundary_is_damaged_not_an_old_key_file(commune_dir):
    """Found by the third attack session: a cut at a whole page passed the size check and was blamed on keys.json.
    The key opens the first page: the file is damaged further on."""
    with login(commune_dir, "admin", PASSWORD):
        pass
    path = commune_dir / "tnld.db"
    data = path.read_bytes()
    path.write_bytes(data[: (len(data) // 4096 // 2) * 4096])
    error = refused(commune_dir)
    assert error.code == "db.damaged", error.code


def test_an_emptied_database_beside_a_leftover_wal_is_missing_and_the_wal_kept(commune_dir):
    """Found by the third attack session: SQLite rebuilt a partial database from the WAL, deleted the WAL, and
    every later login said "wrong password"."""
    wal = commune_dir / "tnld.db-wal"
    wal.write_bytes(b"\x00" * 8192)
    (commune_dir / "tnld.db").write_bytes(b"")
    assert refused(commune_dir).code == "db.missing"
    assert (commune_dir / "tnld.db").stat().st_size == 0 and wal.stat().st_size == 8192
