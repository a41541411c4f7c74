"""A full disk while a bundle or a backup replaces an earlier one (issue 13, item 8): `tnld export --force` and
`tnld backup --force` over a previous file, and the automatic backup beside earlier ones (`backups/auto/`), on a
small tmpfs too full for the new file. Each ends with exit 2 (the automatic backup: the change is kept, exit 0,
with a warning), a message saying the disk is full (in English with `--lang en`, in Vietnamese by default), no
traceback, the previous file byte for byte as it was and no partial or temporary file left beside it.

Found here: an export whose bundle fitted on the disk but whose record did not (the data folder on the same disk)
deleted the new bundle, and with it the earlier bundle it had just replaced, while saying "nothing was saved".
`exchange._keep_previous` now keeps the earlier bundle until the new one is recorded.

The disks are small tmpfs mounts (`tests.integration.test_faults.Disk`): root on Linux, skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import PASSWORD, make_accident, make_victim
from tests.integration.test_cli import jsonl, tnld
from tests.integration.test_faults import Disk, clean_exit

PERIOD = "2026-H1"


@pytest.fixture
def small_disk(tmp_path):
    """Mount a tmpfs of the size asked (`small_disk("16m")`), unmounted at the end."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root on Linux")
    mounted: list[Disk] = []

    def mount(size: str) -> Disk:
        made = Disk(tmp_path / f"disk{len(mounted)}", size=size)
        mounted.append(made)
        return made

    yield mount
    for made in mounted:
        made.unmount()


def _records(count: int, label: str = "") -> list[dict]:
    return [make_accident(work=f"Hái hồi {label}{i}",
                          victims=[make_victim(), make_victim(name="Vi Thị Mai", sex="F", id_number=None)][: 1 + i % 2])
            for i in range(count)]


def _sent(data_dir) -> list[tuple]:
    from app.services.workspace import login

    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        return session.db.execute("SELECT sequence, bundle_id FROM bundles_sent ORDER BY sequence").fetchall()


def _chain_ok(data_dir) -> bool:
    from app.db.audit import verify_chain
    from app.db.connection import integrity_errors
    from app.services.workspace import login

    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        return integrity_errors(session.db) == [] and verify_chain(session.db).ok


def _others(folder, *kept) -> list[str]:
    """Files and folders in *folder* other than *kept* and the disk's filler: what a failed write left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("filler.bin", *kept))


def _says_full(result, lang: str = "en") -> None:
    clean_exit(result)
    expected = "is full; nothing was saved" if lang == "en" else "đã đầy; chưa lưu gì"
    assert expected in result.stderr, result.stderr


def _vietnamese(*args, data_dir):
    """The same command in the default language (Vietnamese)."""
    return tnld(*args, data_dir=data_dir, lang=None)


# Export.
@pytest.mark.parametrize("room", ["none", "under the new bundle"])
def test_an_export_over_a_bundle_on_a_full_disk_keeps_the_previous_bundle(office, commune, small_disk, tmp_path,
                                                                           room):
    commune.add(*_records(300))
    disk = small_disk("4m")
    target = disk.path / "bao-cao.tnld"
    clean_exit(tnld("export", "--period", PERIOD, "--out", target, data_dir=commune.path), 0)
    previous = target.read_bytes()
    sent = _sent(commune.path)
    disk.fill(0 if room == "none" else len(previous) // 1024 - 16)
    for lang in ("en", None):
        result = tnld("export", "--period", PERIOD, "--out", target, "--force", data_dir=commune.path, lang=lang)
        _says_full(result, lang or "vi")
        assert target.read_bytes() == previous
        assert _others(disk.path, target.name) == []
    assert _sent(commune.path) == sent  # no sequence number used
    assert _chain_ok(commune.path)


NO_HARD_LINKS = """
import errno, os, sys
def link(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted")  # as on a FAT or exFAT USB stick
os.link = link
from app.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _tnld_without_hard_links(*args, data_dir):
    env = dict(os.environ, LANG="C.UTF-8", TNLD_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-c", NO_HARD_LINKS, "--data-dir", str(data_dir), "--lang", "en",
                           *map(str, args)], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          timeout=120)


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_an_export_that_fits_but_cannot_be_recorded_keeps_the_previous_bundle(office, commune, small_disk, tmp_path,
                                                                              links):
    """The data folder and the bundle on one disk (a commune PC with one drive, or the portable program on a USB
    stick): the new bundle fits, but the disk is then too full to record it in the database. The export must fail
    as a whole: the bundle it was replacing is still there, whole, and no sequence number is used. (It was deleted
    with the new one before: "nothing was saved", and the earlier bundle gone.) Where the disk has no hard links the
    earlier bundle is kept in memory and written back."""
    disk = small_disk("48m")
    data = disk.path / "data"
    commune.add(*_records(5, "cũ "))
    shutil.copytree(commune.path, data)
    target = disk.path / "bao-cao.tnld"
    clean_exit(tnld("export", "--period", PERIOD, "--out", target, data_dir=data), 0)  # a small earlier bundle
    previous = target.read_bytes()
    clean_exit(tnld("add", jsonl(tmp_path / "more.jsonl", _records(2000, "mới ")), data_dir=data), 0)
    # How large the new bundle will be (its parts are padded to whole blocks: the same size every time).
    probe = tmp_path / "probe" / "data"
    shutil.copytree(data, probe)
    clean_exit(tnld("export", "--period", PERIOD, "--out", tmp_path / "probe.tnld", data_dir=probe), 0)
    size = (tmp_path / "probe.tnld").stat().st_size
    sent = _sent(data)
    # Room for the new bundle and a little more: not for the rows that record it (2,000 records sent).
    disk.fill(size // 1024 + 96)
    export = tnld if links else _tnld_without_hard_links
    result = export("export", "--period", PERIOD, "--out", target, "--force", data_dir=data)
    _says_full(result)
    assert f"the disk holding {data} is full" in result.stderr  # the bundle was written; its record failed
    assert target.read_bytes() == previous
    assert _others(disk.path, target.name, "data") == []
    assert not list(disk.path.rglob("*.tmp"))
    disk.free()
    assert _sent(data) == sent
    assert _chain_ok(data)
    # With room again, the export goes through and the office takes it.
    clean_exit(tnld("export", "--period", PERIOD, "--out", target, "--force", data_dir=data), 0)
    [outcome] = office.import_files(target, receipts=tmp_path / "receipts")
    assert outcome.state == "imported" and outcome.sequence == len(sent) + 1


# Manual backup.
@pytest.mark.parametrize("room", ["none", "for the copy, not the file"])
def test_a_backup_over_a_backup_on_a_full_disk_keeps_the_previous_backup(commune_dir, small_disk, tmp_path, room):
    data = commune_dir  # with a few hundred records: a database of about 2 MB
    clean_exit(tnld("add", jsonl(tmp_path / "many.jsonl", _records(400)), data_dir=data), 0)
    disk = small_disk("8m")
    target = disk.path / "sao-luu.tnldbak"
    clean_exit(tnld("backup", "--out", target, data_dir=data), 0)
    previous = target.read_bytes()
    # A backup is made as a copy of the database beside the file (on its disk), then the file: about twice its size.
    disk.fill(0 if room == "none" else len(previous) * 3 // 2 // 1024)
    if room != "none":
        assert len(previous) < disk.available() < 2 * len(previous)
    result = tnld("backup", "--out", target, "--force", data_dir=data)
    _says_full(result)
    assert target.read_bytes() == previous
    assert _others(disk.path, target.name) == []
    _says_full(_vietnamese("backup", "--out", target, "--force", data_dir=data), "vi")
    assert target.read_bytes() == previous
    assert _others(disk.path, target.name) == []
    disk.free()
    clean_exit(tnld("backup", "--out", target, "--force", data_dir=data), 0)
    assert target.read_bytes() != previous


# Automatic backup.
@pytest.mark.parametrize("room", ["for the change only", "for the copy, not the file"])
def test_an_automatic_backup_on_a_full_disk_keeps_the_earlier_ones(template_dirs, small_disk, tmp_path, room):
    disk = small_disk("16m")
    data = disk.path / "data"
    shutil.copytree(template_dirs["commune"], data)
    clean_exit(tnld("add", jsonl(tmp_path / "many.jsonl", _records(400)), data_dir=data), 0)
    auto = data / "backups" / "auto"
    [earlier] = list(auto.glob("*.tnldbak"))  # the day's automatic backup, made after the change
    day_before = time.time() - 2 * 86400
    os.utime(earlier, (day_before, day_before))  # a day later: the next change makes the next one
    kept = earlier.read_bytes()
    size = (data / "tnld.db").stat().st_size
    disk.fill(size // 1024 // 2 if room == "for the change only" else size * 3 // 2 // 1024)
    assert (disk.available() < size) == (room == "for the change only") and disk.available() < 2 * size
    accident = make_accident(occurred_on="2026-06-01", declared_on="2026-06-02")
    result = tnld("add", jsonl(tmp_path / "one.jsonl", [accident]), data_dir=data)
    clean_exit(result, 0)
    assert "automatic backup could not be made: the disk" in result.stderr and "is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in auto.iterdir()) == [earlier.name]
    assert earlier.read_bytes() == kept
    assert not [p for p in data.rglob("*") if p.name.startswith((".backup-", ".tnld")) or p.suffix == ".tmp"]
    disk.free()
    assert accident["id"] in {a["id"] for a in json.loads(tnld("list", "--json", data_dir=data).stdout)}
