"""An export cut by a power failure leaves the bundle file whole or not there, and the numbering intact (SPEC § 5,
§ 8; issue 13, item 8).

`tnld export --period P --out FILE` of a commune with 400 accidents is killed with SIGKILL 30 times, at moments
drawn uniformly over the time a whole export takes here (measured first, on three exports run to the end), half
of the time with `--force` over the bundle an earlier export left in that file, the other times into a new file.
With the 50 kills of `tnld add` (test_kill.py) and the 30 of `tnld import` (test_kill_import.py), 110 processes
are killed in all.

After every kill:
- the commune's database passes `PRAGMA integrity_check` and its audit chain verifies;
- the file holds nothing new (no file, or the earlier bundle byte for byte), or a complete bundle that the office
  (which trusts the commune) verifies, record by record, as `tnld verify` does; never a part of one;
- the bundles the commune has recorded as sent are numbered 1, 2, 3… without a gap, and a recorded bundle is the
  one in the file; a run that ended by itself recorded its bundle;
- beside the file there is nothing but temp files of the program's own naming, `.NAME.tnld.XXXXXXXX.tmp`: the new
  bundle being written, or the earlier one kept until the new one is recorded (`exchange._keep_previous`). Hidden,
  not `.tnld` (an import of the folder does not take them), they are removed by the next export into the folder
  once an hour old (an export still running may own a younger one).

The commune sends each bundle the program said it wrote (it is recorded); the office imports them all at the end,
with one more export made after the kills: every one is imported, the office reports no gap and no chain flag.

A kill after the bundle is in place but before it is recorded (a few milliseconds) leaves a complete bundle whose
number the next export uses again: sending both makes the office flag a number used twice (see
`test_a_bundle_left_by_an_export_cut_before_it_was_recorded`).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db.audit import verify_chain
from app.db.connection import integrity_errors
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident, make_victim

KILLS = 30
RECORDS = 400
PERIOD = "2026-H1"
SEED = 20261307
TEMP_NAME = r"\..+\.tnld\.[a-z0-9_]{8}\.tmp"  # `.NAME.tnld.XXXXXXXX.tmp`


def _env() -> dict[str, str]:
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8")
    env.pop("TNLD_DATA_DIR", None)
    return env


def _export(data_dir: Path, target: Path, force: bool, *, prelude: str | None = None) -> subprocess.Popen:
    arguments = ["--data-dir", str(data_dir), "--lang", "en", "export", "--period", PERIOD, "--out", str(target),
                 *(["--force"] if force else [])]
    if prelude is None:
        command = [sys.executable, "-m", "app", *arguments]
    else:  # the same command, with *prelude* run first in the process (to kill it at one chosen moment)
        command = [sys.executable, "-c", prelude + "\nimport sys\nfrom app.cli.main import main\n"
                   "sys.exit(main(sys.argv[1:]))\n", *arguments]
    return subprocess.Popen(command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _commune_state(data_dir: Path) -> dict[str, tuple[int, str]]:
    """bundle_id → (sequence, file name) of every bundle the commune recorded as sent; the database checked."""
    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        db = session.db
        assert integrity_errors(db) == []
        assert verify_chain(db).ok
        rows = db.execute("SELECT bundle_id, sequence, file_name FROM bundles_sent ORDER BY sequence").fetchall()
    assert [sequence for _id, sequence, _name in rows] == list(range(1, len(rows) + 1)), rows
    return {bundle_id: (sequence, name) for bundle_id, sequence, name in rows}


def _verified(office, path: Path, records: int = RECORDS) -> dict:
    """The manifest of the bundle in *path*, checked as the office's `tnld verify` checks it: intact, signed by a
    trusted commune, every record readable and counted. Fails the test for a partial or damaged file."""
    from app.services.exchange import verify_bundle

    with office.session() as session:
        result = verify_bundle(session, path)
    assert result.trusted and result.content_checked, path
    assert result.facts["counts"]["accidents"] == records
    return result.bundle.manifest


def _leftovers(folder: Path, expected: set[str]) -> list[str]:
    """Names in *folder* other than *expected*; each must be a temp file of the program's naming."""
    import re

    others = sorted(p.name for p in folder.iterdir() if p.name not in expected)
    for name in others:
        assert re.fullmatch(TEMP_NAME, name), f"{name} left beside the bundles"
    return others


def _run(process: subprocess.Popen) -> int:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode in (0, -signal.SIGKILL), stderr.decode()
    return process.returncode


class Commune:
    """The commune's side of the test: its data folder, the folder it exports into (its USB stick) and the bundles
    it took to the office (each one the program said it wrote, that is recorded, numbered by its sequence)."""

    def __init__(self, station, office, tmp_path: Path) -> None:
        self.station, self.office = station, office
        self.outbox = tmp_path / "outbox"
        self.sent = tmp_path / "sent"
        self.outbox.mkdir()
        self.sent.mkdir()
        self.names = set()

    def export(self, target: Path, force: bool) -> subprocess.Popen:
        self.names.add(target.name)
        return _export(self.station.path, target, force)

    def after(self, target: Path, previous: bytes | None, before: dict, returncode: int) -> str:
        """Check the commune and the file after an export ended or was killed; send a recorded bundle; say what
        the file holds."""
        recorded = _commune_state(self.station.path)
        new = {bundle_id: entry for bundle_id, entry in recorded.items() if bundle_id not in before}
        assert len(new) <= 1 and set(before) <= set(recorded)
        if not target.exists():
            assert previous is None and not new
            outcome = "no file"
        elif previous is not None and target.read_bytes() == previous:
            assert not new
            outcome = "previous file"
        else:
            manifest = _verified(self.office, target)
            if manifest["bundle_id"] in new:
                sequence, name = new[manifest["bundle_id"]]
                assert name == target.name and sequence == len(before) + 1
                shutil.copyfile(target, self.sent / f"{sequence:03d}.tnld")
                outcome = "new bundle, recorded"
            else:  # in place, not recorded yet: the next export uses its number again
                assert not new and manifest["sequence"] == len(before) + 1
                outcome = "new bundle, not recorded"
        if returncode == 0:
            assert outcome == "new bundle, recorded"
        _leftovers(self.outbox, self.names)
        return outcome

    def export_whole(self, target: Path) -> float:
        before = _commune_state(self.station.path)
        previous = target.read_bytes() if target.exists() else None
        started = time.monotonic()
        assert _run(self.export(target, force=previous is not None)) == 0
        took = time.monotonic() - started
        assert self.after(target, previous, before, 0) == "new bundle, recorded"
        return took


@pytest.mark.slow
def test_killing_export_never_leaves_part_of_a_bundle_or_a_false_gap(office, commune, tmp_path):
    commune.add(*[make_accident(work=f"Hái hồi {i}",
                                victims=[make_victim(), make_victim(name="Vi Thị Mai", sex="F", id_number=None)][: 1 + i % 2])
                  for i in range(RECORDS)])
    side = Commune(commune, office, tmp_path)
    report = side.outbox / "bao-cao.tnld"  # the file an export with --force writes again and again
    typical = sorted(side.export_whole(report) for _ in range(3))[1]

    rng = random.Random(SEED)
    outcomes: dict[str, int] = {}
    for round_number in range(KILLS):
        force = round_number % 2 == 0
        target = report if force else side.outbox / f"xa-{round_number:02d}.tnld"
        previous = report.read_bytes() if force else None
        before = _commune_state(commune.path)
        at = rng.uniform(0, typical)
        process = side.export(target, force)
        time.sleep(at)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        try:
            outcome = side.after(target, previous, before, _run(process))
        except AssertionError as failure:
            raise AssertionError(f"seed {SEED}, round {round_number}, {target.name}, killed at {at:.3f} s of "
                                 f"{typical:.3f} s: {failure}") from failure
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    summary = f"seed {SEED}, {typical:.2f} s an export, {KILLS} kills: {outcomes}"
    # The random moments must really have hit both sides: some exports finished, some were cut.
    assert outcomes.get("new bundle, recorded", 0) >= 1 and len(outcomes) >= 2, summary

    # Temp files of killed exports: hidden, not bundles, and removed by the next export once an hour old.
    from app.services.exchange import bundle_files

    left = _leftovers(side.outbox, side.names)
    assert bundle_files([side.outbox]) == sorted(p for p in side.outbox.iterdir() if p.name in side.names), summary
    hour_ago = time.time() - 3700
    for name in left:
        os.utime(side.outbox / name, (hour_ago, hour_ago))
    fresh = side.outbox / ".xa-99.tnld.abcdefgh.tmp"  # as if another export were writing it now: kept
    fresh.write_bytes(b"PK")
    side.export_whole(report)
    assert _leftovers(side.outbox, side.names) == [fresh.name], (summary, left)

    # The office takes every bundle sent, in any order: no gap, no flag.
    files = sorted(side.sent.iterdir())
    assert [int(p.stem) for p in files] == list(range(1, len(_commune_state(commune.path)) + 1)), summary
    rng.shuffle(files)
    at_office = office.import_files(*files, receipts=tmp_path / "receipts")
    assert [o.state for o in at_office] == ["imported"] * len(files), summary
    assert not any(o.flags for o in at_office), summary
    from app.core.periods import Period
    from app.services.completeness import completeness

    with office.session() as session:
        units, _due = completeness(session, Period.parse(PERIOD))
    [state] = [s for s in units if s.unit == commune.unit]
    assert state.gaps == [] and state.flags == 0, (summary, state)
    assert state.sequence == list(range(1, len(files) + 1)), summary


# Kill the export just after the bundle is in place, before it is recorded.
KILL_AFTER_WRITE = """
import os, signal
import app.services.exchange as exchange
real = exchange.build
def build(*args, **kwargs):
    real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
exchange.build = build
"""


def test_a_bundle_left_by_an_export_cut_before_it_was_recorded(office, commune, tmp_path):
    """The few milliseconds between the bundle put in place and its row committed. The file is a complete bundle
    carrying the next number, which no register holds: the next export uses that number again. Sent alone, the new
    bundle leaves no gap; sent with the cut one, the office flags the number used twice (the flag's text says the
    commune may have restored a backup or copied its data folder; an export cut short is the other cause)."""
    commune.add(*[make_accident(work=f"Hái hồi {i}") for i in range(20)])
    first = tmp_path / "1.tnld"
    assert _run(_export(commune.path, first, force=False)) == 0
    cut = tmp_path / "cut.tnld"
    process = _export(commune.path, cut, force=False, prelude=KILL_AFTER_WRITE)
    assert _run(process) == -signal.SIGKILL
    assert [entry[0] for entry in _commune_state(commune.path).values()] == [1]
    assert cut.exists() and _verified(office, cut, 20)["sequence"] == 2
    again = tmp_path / "2.tnld"
    assert _run(_export(commune.path, again, force=False)) == 0
    assert [entry[0] for entry in _commune_state(commune.path).values()] == [1, 2]

    # The office given what the program said it wrote: no gap, no flag.
    outcomes = office.import_files(first, again, receipts=tmp_path / "receipts")
    assert [(o.state, o.sequence, o.flags) for o in outcomes] == [("imported", 1, []), ("imported", 2, [])]
    # Given the cut one too: a number used twice, to settle.
    [late] = office.import_files(cut, receipts=tmp_path / "receipts")
    assert late.state == "imported" and late.flags == ["sequence_reused"]


# Kill the export when its bundle is written whole, just before it is renamed into place.
KILL_BEFORE_RENAME = """
import os, signal
real = os.replace
def replace(source, target, *args, **kwargs):
    if str(source).endswith(".tmp") and str(target).endswith(".tnld"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(source, target, *args, **kwargs)
os.replace = replace
"""


def test_temp_files_of_a_cut_export_are_hidden_and_removed_by_a_later_export(office, commune, tmp_path):
    """Killed with the new bundle whole in its temp file and the earlier one kept for the case where it cannot be
    recorded: both hidden `.tmp` files beside the bundle, which is the earlier one, byte for byte; nothing is
    recorded. A folder import does not take them; the next export into the folder removes them once an hour old
    (before, nothing ever removed the temp file: a bundle's size left on the stick at each cut)."""
    from app.services.exchange import bundle_files

    commune.add(*[make_accident(work=f"Hái hồi {i}") for i in range(20)])
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    target = outbox / "bao-cao.tnld"
    assert _run(_export(commune.path, target, force=False)) == 0
    previous = target.read_bytes()
    process = _export(commune.path, target, force=True, prelude=KILL_BEFORE_RENAME)
    assert _run(process) == -signal.SIGKILL
    assert target.read_bytes() == previous
    assert [entry[0] for entry in _commune_state(commune.path).values()] == [1]
    left = _leftovers(outbox, {target.name})
    assert left and all(name.startswith(".bao-cao.tnld.") for name in left), left
    assert bundle_files([outbox]) == [target]
    # An export at once keeps them (they might be another export's, running now); an hour later they go.
    assert _run(_export(commune.path, outbox / "other.tnld", force=False)) == 0
    assert _leftovers(outbox, {target.name, "other.tnld"}) == left
    hour_ago = time.time() - 3700
    for name in left:
        os.utime(outbox / name, (hour_ago, hour_ago))
    assert _run(_export(commune.path, target, force=True)) == 0
    assert _leftovers(outbox, {target.name, "other.tnld"}) == []
    assert [entry[0] for entry in _commune_state(commune.path).values()] == [1, 2, 3]
