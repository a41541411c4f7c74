"""The accident's `at_employer_premises` (true / false / null = unknown): it happened at a place under an employer's
management, the sub-columns of Phụ lục XVI. Read, stored, migrated, exchanged and counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.core.model import content_of, parse_accident
from tests.conftest import PASSWORD, make_accident, make_victim

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(("given", "stored"), [(True, True), (False, False), (None, None), ("absent", None)])
def test_the_field_is_true_false_or_unknown(given, stored):
    raw = make_accident()
    if given != "absent":
        raw["at_employer_premises"] = given
    accident, issues = parse_accident(raw)
    assert issues == [] and accident["at_employer_premises"] is stored


@pytest.mark.parametrize("given", ["yes", 1, 0, "true", [True]])
def test_anything_else_is_refused_naming_the_field(given):
    accident, issues = parse_accident(make_accident(at_employer_premises=given))
    assert [(issue.field, issue.code) for issue in issues] == [("at_employer_premises", "field.not_tribool")]
    assert accident["at_employer_premises"] is None


def test_a_version_without_the_field_is_the_same_as_one_that_says_unknown():
    """A version stored or sent before the field existed is not 'changed' (nor a conflict) when read again."""
    new, _ = parse_accident(make_accident())
    old = {key: value for key, value in new.items() if key != "at_employer_premises"}
    assert content_of(old) == content_of(new) and content_of(old)["at_employer_premises"] is None
    assert content_of(old) != content_of({**new, "at_employer_premises": False})


def _column(session) -> dict[str, int | None]:
    return {row[0][:8]: row[1] for row in session.db.execute("SELECT id, at_employer_premises FROM accidents")}


def test_the_store_keeps_the_three_states_and_the_migration_back_fills_them(commune_dir):
    """A store at the schema before m0008 (the column dropped, the step unrecorded) gets the column back, filled
    from each newest version's JSON."""
    from app.services.records import add_records
    from app.services.workspace import login

    records = [make_accident(id=f"{digit * 8}-1111-4111-8111-111111111111", at_employer_premises=value)
               for digit, value in (("1", True), ("2", False), ("3", None))]
    with login(commune_dir, "admin", PASSWORD) as session:
        add_records(session, lambda: enumerate(records, start=1))
        assert _column(session) == {"11111111": 1, "22222222": 0, "33333333": None}
        session.db.execute("ALTER TABLE accidents DROP COLUMN at_employer_premises")
        session.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0008_at_employer_premises'")
        session.db.conn.commit()
    with login(commune_dir, "admin", PASSWORD) as session:
        assert _column(session) == {"11111111": 1, "22222222": 0, "33333333": None}
        assert session.store.current(records[0]["id"])["at_employer_premises"] is True
    assert list((commune_dir / "backups").glob("before-m0008_at_employer_premises-*.db"))


def test_a_store_of_v0_1_0_opens_with_the_field_unknown(tmp_path):
    from app.services import records
    from app.services.workspace import login

    folder = shutil.copytree(FIXTURES / "datadir-v0.1.0", tmp_path / "old")
    with login(folder, "admin", "fixture-password") as session:
        assert set(_column(session).values()) == {None}
        assert {r["id"][:8] for r in records.list_accidents(session, include_void=True)} == \
            {"11111111", "22222222", "33333333"}


def test_a_bundle_carries_the_field_and_an_older_record_without_it_arrives_unknown(commune, office, tmp_path):
    """Records travel as interchange JSON: true and false arrive as sent; a record written before the field
    existed (no key in its JSON) arrives as unknown."""
    from app.core.periods import Period
    from app.services.reports import periodic

    with_field = make_accident(occurred_on="2026-03-01", at_employer_premises=True,
                               victims=[make_victim(sex="F", severity="fatal", outcome="died", died_on="2026-03-01")])
    without = make_accident(occurred_on="2026-03-02", at_employer_premises=False)
    older = make_accident(occurred_on="2026-03-03")
    commune.add(with_field, without, older)
    with commune.session() as session:  # as an older program stored it: no key at all
        data = json.loads(session.db.execute("SELECT data FROM accident_versions WHERE id = ?",
                                             (older["id"],)).fetchone()[0])
        del data["at_employer_premises"]
        session.db.execute("UPDATE accident_versions SET data = ? WHERE id = ?", (json.dumps(data), older["id"]))
        session.db.conn.commit()
    commune.export("2026", tmp_path / "b.tnld")
    office.import_files(tmp_path / "b.tnld")
    with office.session() as session:
        assert _column(session) == {with_field["id"][:8]: 1, without["id"][:8]: 0, older["id"][:8]: None}
        total = periodic(session, Period.parse("2026")).total
        assert (total.victims, total.victims_at_employer, total.deaths_at_employer, total.women_at_employer) == \
            (3, 1, 1, 1)
