"""Workstations for bundle tests: an office and communes in temp folders, with their cards exchanged."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

# The day the bundle tests live on: 2026 has ended and its report is not yet due (5 January 2027), so that a
# test of "2026" means the same whenever the suite runs. A test that needs another day passes its own clock.
TODAY = dt.datetime(2027, 1, 2, 10, 0)


class Station:
    """One workstation's data folder; `session()` logs in (closed at the end of the `with`) on `TODAY`."""

    def __init__(self, path: Path, role: str, unit: str, clock=lambda: TODAY) -> None:
        self.path, self.role, self.unit, self.clock = path, role, unit, clock
        self.card = path.parent / f"{path.name}.card"

    @contextlib.contextmanager
    def session(self, audit: bool = False):
        from app.services.workspace import login

        with login(self.path, "admin", PASSWORD, audit=audit, clock=self.clock) as session:
            yield session

    def write_card(self) -> Path:
        from app.services.keys import write_card

        with self.session() as session:
            write_card(session, self.card)
        return self.card

    def trust(self, other: Station, replace: bool = False):
        from app.services.keys import trust_card

        with self.session() as session:
            return trust_card(session, other.write_card(), replace=replace)

    def add(self, *accidents):
        from app.core.errors import ValidationFailed
        from app.services.records import add_records

        with self.session() as session:
            try:
                return add_records(session, lambda: enumerate(accidents, start=1))
            except ValidationFailed as failure:  # say which rule, not just "2 errors"
                raise AssertionError([str(issue) for issue in failure.errors]) from None

    def export(self, period: str, out: Path, **kwargs):
        from app.core.periods import Period
        from app.services.exchange import export_bundle

        with self.session() as session:
            return export_bundle(session, Period.parse(period), out, **kwargs)

    def import_files(self, *paths: Path, receipts: Path | None = None, **options):
        from app.services.exchange import import_files

        with self.session() as session:
            return import_files(session, list(paths), receipts, **options)

    def snapshot(self) -> dict:
        """Everything an import may change, to show that a refused or repeated import changed nothing."""
        with self.session() as session:
            db = session.db
            return {
                "accidents": db.execute("SELECT id, version, status FROM accidents ORDER BY id").fetchall(),
                "versions": db.execute("SELECT count(*) FROM accident_versions").fetchone()[0],
                "victims": db.execute("SELECT count(*) FROM victims").fetchone()[0],
                "received": db.execute("SELECT bundle_id FROM bundles_received ORDER BY bundle_id").fetchall(),
                "conflicts": db.execute("SELECT count(*) FROM conflicts").fetchone()[0],
                "audit": db.execute("SELECT count(*) FROM audit WHERE action != 'login'").fetchone()[0],
            }


@pytest.fixture
def station(tmp_path):
    """Make a workstation: `station("commune", "06040")`, `station("office", "20", "Sở Nội vụ tỉnh Lạng Sơn")`."""
    from app.services.workspace import initialise

    counter = iter(range(1000))

    def make(role: str, unit: str, office_name: str | None = None, name: str | None = None) -> Station:
        path = tmp_path / (name or f"{role}-{unit}-{next(counter)}")
        initialise(path, role=role, unit=unit, admin="admin", password=PASSWORD, office_name=office_name)
        return Station(path, role, unit)

    return make


@pytest.fixture
def office(station) -> Station:
    return station("office", "20", "Sở Nội vụ tỉnh Lạng Sơn", name="office")


@pytest.fixture
def commune(station, office) -> Station:
    """Commune 06040 whose card the office trusts, and which trusts the office's card."""
    made = station("commune", "06040", name="commune")
    office.trust(made)
    made.trust(office)
    return made
