"""Bundles end to end (SPEC § 5): an office and three communes exchange cards, export, import in any order."""

from __future__ import annotations

import itertools
import json
import zipfile

import pytest

from app.core.errors import UserError
from tests.conftest import make_accident, make_victim

C1, C2, C3 = "06040", "06112", "06001"


@pytest.fixture
def network(station, tmp_path):
    office = station("office", "20", "Sở Nội vụ tỉnh Lạng Sơn", name="office")
    communes = {unit: station("commune", unit, name=f"c{unit}") for unit in (C1, C2, C3)}
    for commune in communes.values():
        office.trust(commune)
        commune.trust(office)
    stick = tmp_path / "usb"
    stick.mkdir()
    return office, communes, stick


def victim(name: str, id_number: str | None, birth_year: int, unit: str, **changes):
    return make_victim(name=name, id_number=id_number, birth_year=birth_year, residence=unit, **changes)


def test_office_and_three_communes(network, tmp_path):
    office, communes, stick = network
    c1, c2, c3 = communes[C1], communes[C2], communes[C3]
    # Commune 1: three accidents; the first is later corrected (version 2).
    a1 = make_accident(unit=C1, occurred_on="2026-03-14", victims=[victim("Hoàng Văn Đức", "020084001234", 1984, C1)])
    a2 = make_accident(unit=C1, occurred_on="2026-04-02", declared_on="2026-04-03", victims=[
        victim("Lý Thị Mai", None, 1990, C1, sex="F"), victim("Lý Văn Tài", None, 1988, C1)])
    a3 = make_accident(unit=C1, occurred_on="2026-05-20", declared_on="2026-05-21", victims=[
        victim("Nông Văn Sơn", "020060000111", 1960, C1, severity="fatal", outcome="died", died_on="2026-05-20")])
    c1.add(a1, a2, a3)
    first = c1.export("2026", stick / "c1-first.tnld")
    assert (first.sequence, first.accidents, first.nil) == (1, 3, False)
    assert first.recipient is not None and first.recipient.unit == "20"
    c1.add({**a1, "village": "Thôn Nà Pàn mới"})
    second = c1.export("2026", stick / "c1-second.tnld")
    assert second.sequence == 2
    # Commune 2: the same victim as a1 (same ID number, treated there too), and a name-only look-alike of a2's.
    b1 = make_accident(unit=C2, occurred_on="2026-03-15", declared_on="2026-03-16", victims=[victim("Hoàng Văn Đức", "020084001234", 1984, C1)])
    b2 = make_accident(unit=C2, occurred_on="2026-04-03", declared_on="2026-04-04", victims=[victim("Ly Thi Mai", None, 1991, C2, sex="F")])
    c2.add(b1, b2)
    c2.export("2026", stick / "c2.tnld")
    # Commune 3: nothing happened: a nil report.
    nil = c3.export("2026", stick / "c3.tnld")
    assert nil.nil and nil.accidents == 0

    # No name or ID number in clear on the stick: the bundles are encrypted to the office.
    for path in stick.glob("*.tnld"):
        data = path.read_bytes()
        # Whole names: a 3-byte string like "Mai" turns up by chance in 400 KB of ciphertext (1 run in 40).
        for secret in ("Hoàng Văn Đức", "020084001234", "Ly Thi Mai", "Nông Văn Sơn"):
            assert secret.encode() not in data, (path.name, secret)

    # The office imports in an awkward order: the newer commune-1 bundle first, then the older one.
    outcomes = office.import_files(stick / "c1-second.tnld", stick / "c3.tnld", stick / "c2.tnld",
                                   stick / "c1-first.tnld", receipts=tmp_path / "receipts")
    states = [(o.path.name, o.state) for o in outcomes]
    assert states == [("c1-second.tnld", "imported"), ("c3.tnld", "imported"), ("c2.tnld", "imported"),
                      ("c1-first.tnld", "imported")]
    assert (outcomes[0].plan.added, outcomes[0].plan.updated) == (3, 0)
    older = outcomes[3].plan
    assert (older.added, older.updated, older.unchanged, older.older, len(older.conflicts)) == (0, 0, 2, 1, 0)
    assert outcomes[1].nil

    with office.session() as session:
        held = dict(session.db.execute("SELECT id, version FROM accidents").fetchall())
        units = dict(session.db.execute("SELECT id, unit FROM accidents").fetchall())
        assert held == {a1["id"]: 2, a2["id"]: 1, a3["id"]: 1, b1["id"]: 1, b2["id"]: 1}
        assert units[a1["id"]] == C1 and units[b1["id"]] == C2  # a record keeps its commune
        assert session.store.current(a1["id"])["village"] == "Thôn Nà Pàn mới"
        assert len(session.store.history(a1["id"])) == 1  # version 1 arrived after version 2: ignored
        # The list columns, search text and victims' rows made by the checking processes are what a save makes.
        from app.db.accident_store import Filters, index_rows

        for accident_id in held:
            row = session.db.execute("SELECT version, unit, occurred_on, status, village, factor, cause, commuting,"
                                     " at_employer_premises, victims, deaths, serious, women, minors, elderly, complete, declared_on,"
                                     " record_ref, first_victim, search, updated_at FROM accidents WHERE id = ?",
                                     (accident_id,)).fetchone()
            values, _, victims = index_rows(session.store.current(accident_id), session.rules)
            assert tuple(row) == values
            assert len(victims) == session.db.execute("SELECT count(*) FROM victims WHERE accident_id = ?",
                                                      (accident_id,)).fetchone()[0]
        assert session.store.ids(Filters(search="thon na pan moi")) == [a1["id"]]

        from app.core.periods import Period
        from app.services import completeness, duplicates

        states, due = completeness.completeness(session, Period.parse("2026"))
        by_unit = {state.unit: state for state in states}
        assert str(due) == "2027-01-05"
        # Received on 2 January 2027 (the stations' clock): 2026 had ended, and the report was due on 5 January.
        assert (by_unit[C1].state, by_unit[C1].nil, by_unit[C1].sequence, by_unit[C1].gaps) == ("on_time", False, [1, 2], [])
        assert (by_unit[C3].state, by_unit[C3].nil) == ("on_time", True)
        assert by_unit[C2].state == "on_time"
        assert by_unit["05977"].state == "missing"  # a commune of the province that sent nothing
        assert sum(1 for s in states if s.state == "missing") == len(states) - 3

        pairs = duplicates.candidates(session, Period.parse("2026"))
        found = {(p.a.split("/")[0], p.b.split("/")[0], p.reason) for p in pairs}
        key = tuple(sorted((a1["id"], b1["id"])))
        mai = tuple(sorted((a2["id"], b2["id"])))
        assert found == {(*key, "id_number"), (*mai, "name")}
        before = duplicates.counted_totals(session, Period.parse("2026"))
        assert before["victims"] == 6 and before["accidents"] == 5
        pair = next(p for p in pairs if p.reason == "id_number")
        assert duplicates.resolve(session, pair.a, pair.b, "same") == "recorded"
        after = duplicates.counted_totals(session, Period.parse("2026"))
        # The victim counts once, and b1 (all of whose victims are counted in a1) is not counted as an accident.
        assert (after["victims"], after["accidents"]) == (5, 4)
        assert after["deaths"] == 1 and after["fatal_accidents"] == 1

    # The same files again change nothing.
    before = office.snapshot()
    again = office.import_files(*sorted(stick.glob("*.tnld")))
    assert {o.state for o in again} == {"already"}
    assert office.snapshot() == before

    # The decision survives a re-import of a newer version of the record.
    c2.add({**b1, "village": "Bản Slam Quang"})
    c2.export("2026", stick / "c2-again.tnld")
    [outcome] = office.import_files(stick / "c2-again.tnld", receipts=tmp_path / "receipts")
    assert (outcome.state, outcome.plan.updated, outcome.plan.unchanged) == ("imported", 1, 1)
    with office.session() as session:
        from app.core.periods import Period
        from app.services import duplicates

        assert duplicates.counted_totals(session, Period.parse("2026"))["victims"] == 5
        assert {p.decision for p in duplicates.candidates(session) if p.reason == "id_number"} == {"same"}

    # Receipts: the commune marks what the office acknowledged as delivered.
    receipts = sorted((tmp_path / "receipts").glob("bien-nhan-06040-*"))
    assert len(receipts) == 2
    with c1.session() as session:
        from app.services.records import delivery_states

        assert set(delivery_states(session, [a1["id"], a2["id"], a3["id"]]).values()) == {"sent"}
    [receipt_outcome] = c1.import_files(receipts[1])  # for the second bundle (a1 version 2, a2, a3)
    assert receipt_outcome.state == "receipt" and receipt_outcome.delivered == 3
    with c1.session() as session:
        from app.services.records import delivery_states

        assert delivery_states(session, [a1["id"], a2["id"], a3["id"]]) == dict.fromkeys(
            [a1["id"], a2["id"], a3["id"]], "delivered")
    assert c1.import_files(receipts[1])[0].state == "already"
    # A receipt meant for commune 1, imported at commune 2, changes nothing there.
    refused = c2.import_files(receipts[0])[0]
    assert refused.state == "refused" and refused.error.code == "receipt.not_ours"


def test_every_import_order_gives_the_same_records(network, tmp_path):
    office, communes, stick = network
    c1 = communes[C1]
    accident = make_accident(unit=C1)
    c1.add(accident)
    paths = [c1.export("2026-Q1", stick / "v1.tnld").path]
    c1.add({**accident, "work": "Chặt cây keo"})
    paths.append(c1.export("2026-Q1", stick / "v2.tnld").path)
    c1.add({**accident, "status": "void"})
    paths.append(c1.export("2026-Q1", stick / "v3.tnld").path)
    results = set()
    for order in itertools.permutations(paths):
        target = office.path.parent / f"office-{len(results)}-{order[0].stem}{order[1].stem}"
        import shutil

        shutil.copytree(office.path, target)
        from tests.integration.conftest import Station

        copy = Station(target, "office", "20")
        assert {o.state for o in copy.import_files(*order)} == {"imported"}
        with copy.session() as session:
            results.add(tuple(session.db.execute("SELECT id, version, status FROM accidents").fetchall()))
    assert results == {((accident["id"], 3, "void"),)}


def test_conflict_same_version_other_content_is_shown_not_resolved(network, tmp_path):
    office, communes, stick = network
    c1 = communes[C1]
    accident = make_accident(unit=C1)
    c1.add(accident)
    c1.export("2026", stick / "one.tnld")
    office.import_files(stick / "one.tnld")
    # The commune restores an old backup and edits the record again: a different version 2 exists twice.
    c1.add({**accident, "work": "Phát nương"})
    c1.export("2026", stick / "two.tnld")
    office.import_files(stick / "two.tnld")
    forged = _rebuild_with(c1, stick / "two.tnld", stick / "two-b.tnld",
                           lambda r: {**r, "work": "Làm ruộng"})
    [outcome] = office.import_files(forged)
    assert outcome.state == "imported" and len(outcome.plan.conflicts) == 1
    with office.session() as session:
        assert session.store.current(accident["id"])["work"] == "Phát nương"
        from app.services.exchange import conflicts

        assert [(c["accident_id"], c["version"]) for c in conflicts(session)] == [(accident["id"], 2)]


def _rebuild_with(station, source, target, change, **facts):
    """A new bundle, properly signed by *station*, of its records changed by *change* (as a faulty program or a
    restored old database would send); *facts* override what the summary says (counts, nil…)."""
    from app.core.interchange import dumps
    from app.exchange.bundle import INCIDENTS, RECORDS, Part, build, open_bundle
    from app.services.audit import bundle_anchor
    from app.services.keys import office_recipients, own_identity

    keep = ("kind", "period", "created_at", "sequence", "previous_hash")
    with station.session() as session:
        manifest = {k: v for k, v in open_bundle(source).manifest.items() if k in keep}
        manifest["sequence"] += 100
        manifest["previous_hash"] = manifest["previous_hash"] or "0" * 64
        records = [change(accident) for accident in session.store.records()]
        manifest.update(nil=not records, contains=[], codelists_version=session.codelists.versions(),
                        audit=bundle_anchor(session),
                        counts={"accidents": len(records), "victims": sum(len(r["victims"]) for r in records),
                                "void": sum(r["status"] == "void" for r in records), "incidents": 0})
        manifest.update(facts)
        lines = "".join(dumps(record) + "\n" for record in records)
        build(target, own_identity(session), manifest, [Part(RECORDS, lines.encode(), "application/x-ndjson"),
                                                        Part(INCIDENTS, b"", "application/x-ndjson")],
              office_recipients(session)[0])
    return target


def test_nil_and_empty_are_not_the_same(network, tmp_path):
    office, communes, stick = network
    communes[C3].export("2026-H1", stick / "nil.tnld")
    office.import_files(stick / "nil.tnld")
    with office.session() as session:
        from app.core.periods import Period
        from app.services.completeness import completeness

        states = {s.unit: s for s in completeness(session, Period.parse("2026-H1"))[0]}
    assert (states[C3].state, states[C3].nil) != (states[C2].state, states[C2].nil)
    assert states[C2].state == "missing" and states[C3].nil


def test_late_bundle_and_sequence_gap(network, tmp_path):
    office, communes, stick = network
    c1 = communes[C1]
    c1.add(make_accident(unit=C1))
    c1.export("2026-Q1", stick / "one.tnld")
    c1.export("2026-Q1", stick / "two.tnld")  # lost on the way
    c1.export("2026-Q1", stick / "three.tnld")
    office.import_files(stick / "one.tnld", stick / "three.tnld")
    with office.session() as session:
        from app.core.periods import Period
        from app.services.completeness import completeness
        from app.services.settings import set_setting

        states = {s.unit: s for s in completeness(session, Period.parse("2026-Q1"))[0]}
        assert states[C1].gaps == [[2, 2]] and states[C1].sequence == [1, 3]
        # Q1 was due on 5 April 2026; the office received the bundles today, after it: late.
        assert states[C1].state == "late"
        set_setting(session, "due_days_after_end", {"quarter": 3650})
        states = {s.unit: s for s in completeness(session, Period.parse("2026-Q1"))[0]}
        assert states[C1].state == "on_time"


def test_expected_communes_are_editable(office):
    with office.session() as session:
        from app.services.completeness import expected_units, set_expected_units

        default = expected_units(session)
        assert len(default) > 50 and C1 in default
        units = set_expected_units(session, remove=[C1])
        assert C1 not in units
        with pytest.raises(UserError) as caught:
            set_expected_units(session, add=["00004"])  # a Hà Nội ward
        assert caught.value.code == "unit.not_in_province"
        assert set_expected_units(session, reset=True) == default


def test_office_exports_a_consolidated_bundle_upward(network, station, tmp_path):
    office, communes, stick = network
    communes[C1].add(make_accident(unit=C1))
    communes[C1].export("2026", stick / "c1.tnld")
    communes[C3].export("2026", stick / "c3.tnld")
    office.import_files(stick / "c1.tnld", stick / "c3.tnld")
    upper = station("office", "20", "Văn phòng UBND tỉnh Lạng Sơn", name="upper")
    upper.trust(office)
    office.trust(upper)
    result = office.export("2026", stick / "office.tnld", to="Văn phòng UBND tỉnh Lạng Sơn")
    assert result.accidents == 1 and result.recipient.unit_name == "Văn phòng UBND tỉnh Lạng Sơn"
    from app.exchange.bundle import open_bundle
    from app.services.keys import own_identity

    with upper.session() as session:
        contains = open_bundle(stick / "office.tnld").facts(own_identity(session))["contains"]
    assert sorted((c["unit"], c["sequence"]) for c in contains) == sorted([(C1, 1), (C3, 1)])
    [outcome] = upper.import_files(stick / "office.tnld")
    assert outcome.state == "imported" and outcome.plan.added == 1
    with upper.session() as session:
        assert session.db.execute("SELECT unit FROM accidents").fetchall() == [(C1,)]


def test_export_refuses_to_overwrite_and_needs_a_writer(network, tmp_path):
    office, communes, stick = network
    c1 = communes[C1]
    c1.export("2026", stick / "a.tnld")
    with pytest.raises(UserError) as caught:
        c1.export("2026", stick / "a.tnld")
    assert caught.value.code == "file.exists_force"
    with c1.session() as session:
        assert session.db.execute("SELECT count(*) FROM bundles_sent").fetchone()[0] == 1


def test_bundle_is_a_canonical_zip_with_the_documented_members(commune, tmp_path):
    commune.add(make_accident())
    result = commune.export("2026", tmp_path / "b.tnld")
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        assert names == ["manifest.json", "manifest.sig", "signer.pem", "summary.json.z.enc", "records.jsonl.z.enc",
                         "incidents.jsonl.z.enc", "report.xlsx.z.enc", "report.pdf.z.enc"]
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "tnld-bundle" and manifest["format_version"] == 3
    assert manifest["unit"] == "06040"
    # Only routing facts in clear: no counts, no nil, no list of bundles, no plain sizes.
    assert set(manifest) == {"format", "format_version", "kind", "bundle_id", "unit", "unit_name", "role",
                             "signer_fingerprint", "period", "created_at", "app_version", "sequence",
                             "previous_hash", "parts", "encryption"}
    assert all(set(part) == {"name", "media_type", "encoding", "size", "sha256", "encrypted"}
               for part in manifest["parts"])
    assert manifest["encryption"]["recipient_unit"] == "20"


def test_bundle_carries_the_period_report_as_excel_and_signed_pdf(office, commune, tmp_path):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from app.exchange.bundle import open_bundle
    from app.services.keys import own_identity

    commune.add(make_accident())
    path = commune.export("2026", tmp_path / "b.tnld").path
    with office.session() as session:
        parts = open_bundle(path).clear_parts(own_identity(session))
    sheet = load_workbook(io.BytesIO(parts["report.xlsx"]))["Báo cáo"]
    assert (sheet["A1"].value, sheet["A2"].value) == ("ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ")
    reader = PdfReader(io.BytesIO(parts["report.pdf"]))
    assert "/Sig" in str(reader.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()["/FT"])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in reader.pages[0].extract_text()


def test_office_demo_goes_through_the_real_import(office_session):
    from app.core.periods import Period
    from app.services import demo
    from app.services.completeness import completeness
    from app.services.duplicates import candidates

    report = demo.fill(office_session, count=60, seed=3)
    assert report.added > 20
    today = office_session.today()
    period = Period(today.year, "half", 1) if today.month > 6 else Period(today.year - 1, "half", 2)
    states, _ = completeness(office_session, period)
    kinds = {state.state for state in states}
    assert kinds == {"on_time", "late", "missing"} or kinds == {"on_time", "missing"}
    assert sum(1 for state in states if state.nil) == 2
    assert sum(1 for state in states if state.state != "missing") == 12
    assert any(pair.reason == "id_number" for pair in candidates(office_session))
    assert demo.fill(office_session, count=60, seed=3).added == 0  # a second run adds nothing
