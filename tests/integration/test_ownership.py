"""A record belongs to the unit that created it (SPEC § 5, issue 10 finding 8).

A tester made a bundle signed by a trusted commune hold a record with another commune's id, its own unit and a
higher version: the office imported it as "1 updated", the record moved from one commune to the other, and
another commune's record became void. Two communes whose PCs were set up by copying one data folder would collide
the same way, without malice. The import now never changes a stored record's unit: such a record is kept aside as
a conflict, and the rest of the bundle imports.
"""

from __future__ import annotations

import pytest

from tests.conftest import make_accident


@pytest.fixture
def two_communes(station, office, commune):
    other = station("commune", "06112", name="other")
    office.trust(other)
    other.trust(office)
    return commune, other


def _held(office, accident_id):
    with office.session() as session:
        return session.db.execute("SELECT unit, version, status FROM accidents WHERE id = ?",
                                  (accident_id,)).fetchone()


@pytest.mark.parametrize("change", ["update", "void"])
def test_a_commune_cannot_take_over_or_void_another_communes_record(office, two_communes, tmp_path, change):
    commune, other = two_communes
    owned = make_accident(unit=other.unit, village="Thôn Khuổi Phầy")
    other.add(owned)
    office.import_files(other.export("2026", tmp_path / "other.tnld").path)
    assert tuple(_held(office, owned["id"])) == (other.unit, 1, "confirmed")

    # The other commune's id, with this commune's unit, at a higher version (a copied folder, or a forgery).
    taken = make_accident(id=owned["id"], unit=commune.unit, village="Thôn Nà Pàn")
    commune.add(taken)
    if change == "void":
        commune.add(dict(taken, status="void", void_reason="nhập nhầm"))
    else:
        commune.add(dict(taken, village="Thôn Bản Chắt"))
    commune.add(make_accident(unit=commune.unit, village="Thôn Pác Cáp"))  # the rest of the bundle
    [outcome] = office.import_files(commune.export("2026", tmp_path / "commune.tnld").path)

    assert outcome.state == "imported", outcome.error
    assert tuple(_held(office, owned["id"])) == (other.unit, 1, "confirmed"), "the record changed hands"
    assert outcome.plan.added == 1 and outcome.plan.updated == 0
    assert [record["id"] for record in outcome.plan.conflicts] == [owned["id"]]
    with office.session() as session:
        from app.services.exchange import conflicts

        assert any(row["accident_id"] == owned["id"] and row["unit"] == commune.unit for row in conflicts(session))
