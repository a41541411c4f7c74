"""An import cut by a power failure leaves the office without the bundle or with all of it (SPEC § 5, § 8).

`tnld import` of one bundle of 1,200 accidents is killed with SIGKILL at random moments, 30 times, each time on a
fresh copy of the office's data folder. After every kill the database must pass `PRAGMA integrity_check`, the
audit chain must be valid, and either the bundle is recorded with every one of its records (versions, victims,
search entries) or neither the bundle nor any of its records is there.

With the 50 kills of `tnld add` (test_kill.py) and the 30 of `tnld export` (test_kill_export.py), 110 processes are
killed in all: issue 13, item 8 asks for at least 100 over save, export and import. Do not lower `KILLS` here
without raising it there.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from app.db.audit import verify_chain
from app.db.connection import integrity_errors
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident, make_victim

KILLS = 30
RECORDS = 1200


def _check(office_dir) -> bool:
    with login(office_dir, "admin", PASSWORD, audit=False) as session:
        db = session.db
        assert integrity_errors(db) == []
        assert verify_chain(db).ok
        bundles = db.execute("SELECT count(*) FROM bundles_received").fetchone()[0]
        accidents = db.execute("SELECT count(*) FROM accidents").fetchone()[0]
        versions = db.execute("SELECT count(*) FROM accident_versions").fetchone()[0]
        victims = db.execute("SELECT count(*) FROM victims").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM accident_fts WHERE accident_fts MATCH 'hoi'").fetchone()[0]
        imports = db.execute("SELECT count(*) FROM audit WHERE action = 'import'").fetchone()[0]
        if bundles == 0:
            assert (accidents, versions, victims, indexed, imports) == (0, 0, 0, 0, 0)
            return False
        assert (bundles, accidents, versions, indexed, imports) == (1, RECORDS, RECORDS, RECORDS, 1)
        assert victims == RECORDS + RECORDS // 2
        return True


@pytest.mark.slow
def test_killing_import_never_leaves_part_of_a_bundle(office, commune, tmp_path):
    commune.add(*[make_accident(work=f"Hái hồi {i}",
                                victims=[make_victim(), make_victim(name="Vi Thị Mai", sex="F", id_number=None)][: 1 + i % 2])
                  for i in range(RECORDS)])
    bundle = commune.export("2026", tmp_path / "big.tnld").path
    template = tmp_path / "office-template"
    shutil.copytree(office.path, template)
    rng = random.Random(2026)
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8")
    durations: list[float] = []
    outcomes = []
    for round_number in range(KILLS):
        target = tmp_path / f"office-{round_number}"
        shutil.copytree(template, target)
        receipts = tmp_path / f"receipts-{round_number}"
        process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(target), "import", str(bundle),
                                    "--receipts", str(receipts)],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started = time.monotonic()
        typical = sorted(durations)[len(durations) // 2] if durations else 2.0
        time.sleep(rng.uniform(0.3, typical * 1.05))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 0:
            durations.append(time.monotonic() - started)
        else:
            assert process.returncode == -signal.SIGKILL, stderr.decode()
        outcomes.append(_check(target))
        # Importing again after the cut finishes the job, once.
        if round_number % 10 == 0:
            with login(target, "admin", PASSWORD, audit=False) as session:
                from app.services.exchange import import_files

                [outcome] = import_files(session, [bundle], receipts)
                assert outcome.state == ("already" if outcomes[-1] else "imported")
            assert _check(target)
        shutil.rmtree(target)
    # The random moments must really have hit both sides: some imports finished, some were cut.
    assert any(outcomes) and not all(outcomes)
