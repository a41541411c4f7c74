"""Bundle format 3 (issue 10): what the signature covers is checked, personal data never leaves in clear, the
office's clock judges timeliness, receipts come from the right office, the file has one form only, and the
office sees a broken chain. Each test here failed on the format-2 code."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile

import pytest

from app.core.errors import UserError
from app.exchange.bundle import INCIDENTS, RECORDS, Part, build, open_bundle
from app.exchange.container import BundleDamaged, canonical_zip
from app.exchange.identity import P256_ORDER, new_identity
from tests.conftest import make_accident
from tests.integration.conftest import TODAY
from tests.integration.test_bundle_refusals import members_of, refused, resign, write
from tests.integration.test_bundles import _rebuild_with


@pytest.fixture
def good(commune, tmp_path):
    commune.add(make_accident(), make_accident(occurred_on="2026-02-01", declared_on="2026-02-02"))
    return commune.export("2026", tmp_path / "good.tnld").path


def field_refused(office, path, field: str):
    error = refused(office, path, "bundle.reason.field", 3)
    assert error.params["field"] == field, error.message()
    assert field in error.message()
    return error


# Finding 1: personal data never leaves unencrypted.
def test_export_without_an_office_card_is_refused_and_uses_no_sequence_number(station, office, tmp_path):
    commune = station("commune", "06040", name="new-commune")
    commune.add(make_accident())
    with pytest.raises(UserError) as caught:
        commune.export("2026", tmp_path / "clear.tnld")
    assert (caught.value.code, caught.value.exit_code) == ("export.no_office_card", 2)
    assert not (tmp_path / "clear.tnld").exists()
    commune.trust(office)
    assert commune.export("2026", tmp_path / "first.tnld").sequence == 1  # number 1 was not used up


def test_a_format_3_bundle_in_clear_is_refused(office, commune, good, tmp_path):
    members = members_of(good)
    manifest = json.loads(members["manifest.json"])
    clear_parts = [{**part, "encrypted": False, "name": part["name"].removesuffix(".enc")}
                   for part in manifest["parts"]]
    renamed = {name.removesuffix(".enc"): data for name, data in members.items()}
    data = resign(commune, renamed, encryption=None, parts=clear_parts)
    field_refused(office, write(tmp_path / "clear.tnld", data), "encryption")


def test_the_file_holds_no_count_name_or_size_in_clear(office, commune, tmp_path):
    commune.add(make_accident(victims=[make_accident()["victims"][0]] * 3))
    path = commune.export("2026", tmp_path / "b.tnld").path
    data = path.read_bytes()
    for secret in (b'"counts"', b'"nil"', b'"contains"', b'"victims"', b'plain_size', b"Ho\xc3\xa0ng",
                   b"020084001234", b'"audit"'):
        assert secret not in data, secret
    for part in json.loads(members_of(path)["manifest.json"])["parts"]:
        chunks = -(-part["size"] // (64 * 1024 + 16))
        assert (part["size"] - 16 * chunks) % 4096 == 0, part  # padded to whole 4 KiB blocks
    with office.session() as session:
        from app.services.keys import own_identity

        facts = open_bundle(path).facts(own_identity(session))
    assert facts["counts"] == {"accidents": 1, "victims": 3, "void": 0, "incidents": 0} and not facts["nil"]


# Finding 2: every signed field is checked.
@pytest.mark.parametrize("field, value", [
    ("unit_name", "Xã Giả Mạo"), ("format_version", 0), ("format_version", -3), ("sequence", 0),
    ("sequence", 10**12), ("created_at", "yesterday"), ("created_at", "2026-07-03T02:11:00Z"),
    ("bundle_id", "not-a-uuid"), ("period", "2026-Q5"), ("previous_hash", "abc"), ("period", "2026-q1"),
    ("period", " 2026"), ("created_at", "２０２６-07-03T02:11:00.123Z"), ("unit", "０６０４０"),
])
def test_a_bad_manifest_field_is_refused_by_name(office, commune, good, tmp_path, field, value):
    data = resign(commune, members_of(good), **{field: value})
    field_refused(office, write(tmp_path / "bad.tnld", data), field)


def test_a_hash_with_a_final_newline_is_refused(office, commune, good, tmp_path):
    data = resign(commune, members_of(good), sequence=2, previous_hash="a" * 64 + "\n")
    field_refused(office, write(tmp_path / "newline.tnld", data), "previous_hash")


@pytest.mark.parametrize("key, value", [("scheme", "rot13"), ("recipient_unit", "01"),
                                        ("recipient_name", "Sở Nội vụ tỉnh Cao Bằng"), ("ephemeral_key", "AAAA")])
def test_a_bad_encryption_field_is_refused_by_name(office, commune, good, tmp_path, key, value):
    members = members_of(good)
    encryption = {**json.loads(members["manifest.json"])["encryption"], key: value}
    data = resign(commune, members, encryption=encryption)
    field_refused(office, write(tmp_path / "bad.tnld", data), f"encryption.{key}")


def test_part_flags_are_honoured_not_the_name(office, commune, good, tmp_path):
    members = members_of(good)
    parts = json.loads(members["manifest.json"])["parts"]
    for index, change in ((1, {"encrypted": False}), (2, {"encoding": "gzip"}), (3, {"media_type": "text/plain"})):
        changed = [dict(part, **change) if number == index else part for number, part in enumerate(parts)]
        data = resign(commune, members, parts=changed)
        error = refused(office, write(tmp_path / "flags.tnld", data), "bundle.reason.field", 3)
        assert error.params["field"].startswith(f"parts[{index}].")


def test_duplicate_keys_in_the_manifest_are_refused(office, commune, good, tmp_path):
    from app.services.keys import own_identity

    members = members_of(good)
    text = members["manifest.json"].decode()
    doubled = text.replace('\n "kind": "report",', '\n "kind": "receipt",\n "kind": "report",').encode()
    assert doubled != members["manifest.json"]
    with commune.session() as session:
        signature = own_identity(session).sign(doubled)
    data = canonical_zip({**members, "manifest.json": doubled, "manifest.sig": signature}.items())
    field_refused(office, write(tmp_path / "dup.tnld", data), "manifest.json")


def test_a_record_outside_the_period_is_refused(office, commune, good, tmp_path):
    path = _rebuild_with(commune, good, tmp_path / "outside.tnld",
                         lambda r: {**r, "occurred_on": "2025-12-30", "declared_on": "2025-12-31"})
    error = refused(office, path, "validation.failed", 2)
    assert "bundle.record_outside_period" in {issue.code for issue in error.issues}


def test_a_commune_bundle_that_contains_other_bundles_is_refused(office, commune, good, tmp_path):
    item = {"bundle_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12, "bundle_hash": "a" * 64, "unit": "06112",
            "sequence": 1, "nil": True, "records": 0}
    path = _rebuild_with(commune, good, tmp_path / "contains.tnld", lambda r: r, contains=[item])
    field_refused(office, path, "summary.contains")


def test_a_summary_with_a_duplicate_key_or_another_bundle_id_is_refused(office, commune, good, tmp_path):
    path = _rebuild_with(commune, good, tmp_path / "bound.tnld", lambda r: r,
                         bundle_id="11111111-1111-4111-8111-111111111111")
    opened = open_bundle(path)
    assert opened.manifest["bundle_id"] == "11111111-1111-4111-8111-111111111111"
    # The summary's bundle_id is set by `build` to the manifest's: change it by hand and the summary no longer binds.
    from app.exchange.bundle import check_summary

    summary = json.dumps({"bundle_id": "22222222-2222-4222-8222-222222222222"}).encode()
    with pytest.raises(BundleDamaged) as caught:
        check_summary(path, opened.manifest, summary)
    assert caught.value.params["field"] == "summary.bundle_id"
    with pytest.raises(BundleDamaged) as caught:
        check_summary(path, opened.manifest, b'{"bundle_id": "a", "bundle_id": "b"}')
    assert caught.value.params["field"] == "summary.json"


# Finding 3: a bad created_at never reaches the office's database.
def test_created_at_yesterday_is_refused_and_completeness_still_works(office, commune, good, tmp_path):
    data = resign(commune, members_of(good), created_at="yesterday")
    field_refused(office, write(tmp_path / "yesterday.tnld", data), "created_at")
    office.import_files(good)
    with office.session() as session:
        from app.core.periods import Period
        from app.services.completeness import completeness

        states = {state.unit: state for state in completeness(session, Period.parse("2026"))[0]}
    assert states["06040"].state == "on_time"


# Finding 4: timeliness is the office's, and "nothing to report" needs a period that has ended.
def test_a_nil_report_of_a_running_period_is_refused(commune, tmp_path):
    with pytest.raises(UserError) as caught:
        commune.export("2027-Q1", tmp_path / "future.tnld")  # the stations' day is 2 January 2027
    assert caught.value.code == "export.nil_running" and not (tmp_path / "future.tnld").exists()
    assert commune.export("2026-Q4", tmp_path / "ended.tnld").nil  # an ended period may be nil


def test_records_of_a_running_period_make_an_interim_report(office, commune, station, tmp_path):
    commune.add(make_accident(occurred_on="2027-01-01", declared_on="2027-01-02"))
    result = commune.export("2027-01", tmp_path / "interim.tnld")
    assert result.interim and not result.nil
    [outcome] = office.import_files(result.path)
    assert outcome.interim and outcome.received_on == "2027-01-02"
    with office.session() as session:
        from app.core.periods import Period
        from app.services.completeness import completeness

        states = {state.unit: state for state in completeness(session, Period.parse("2027-01"))[0]}
    assert states["06040"].state == "interim"


def test_received_on_is_the_offices_day_or_the_day_given(office, commune, good, tmp_path):
    with pytest.raises(UserError) as caught:
        office.import_files(good, received_on=TODAY.date() + dt.timedelta(days=1))
    assert caught.value.code == "import.received_future"
    [early] = office.import_files(good, received_on=dt.date(2025, 12, 31))  # before 2026 began
    assert early.state == "refused" and early.error.code == "import.received_before_period"
    [outcome] = office.import_files(good, received_on=dt.date(2027, 1, 1))
    assert outcome.received_on == "2027-01-01"
    with office.session() as session:
        row = session.db.execute("SELECT received_on, created_at FROM bundles_received").fetchone()
    assert row[0] == "2027-01-01" and row[1] == open_bundle(good).manifest["created_at"]


# Finding 5: a receipt counts only from the office the bundle was encrypted to.
def test_a_receipt_from_another_trusted_office_is_refused(office, commune, station, good, tmp_path):
    other = station("office", "20", "Ban Quản lý các khu công nghiệp tỉnh Lạng Sơn", name="other")
    commune.trust(other)
    opened = open_bundle(good)
    receipt = {"kind": "receipt", "period": "2026", "created_at": "2027-01-02T03:00:00.000Z",
               "receipt_for": {"bundle_id": opened.manifest["bundle_id"], "bundle_hash": opened.hash,
                               "unit": "06040", "sequence": 1}}
    body = {"bundle_id": opened.manifest["bundle_id"], "bundle_hash": opened.hash, "unit": "06040",
            "period": "2026", "sequence": 1, "imported_at": "2027-01-02T03:00:00.000Z", "records": []}
    from app.services.keys import own_identity

    with other.session() as session:
        build(tmp_path / "forged-receipt.tnld", own_identity(session), receipt,
              [Part("receipt.json", json.dumps(body).encode(), "application/json")], opened.signer)
    [outcome] = commune.import_files(tmp_path / "forged-receipt.tnld")
    assert (outcome.state, outcome.error.code) == ("refused", "receipt.wrong_office")
    # The right office's receipt is taken.
    office.import_files(good, receipts=tmp_path / "receipts")
    [real] = commune.import_files(*(tmp_path / "receipts").glob("*.tnld"))
    assert real.state == "receipt" and real.delivered == 2


def test_a_receipt_signed_by_a_commune_is_refused(office, commune, station, good, tmp_path):
    twin = station("commune", "06112", name="c2")
    opened = open_bundle(good)
    receipt = {"kind": "receipt", "period": "2026", "created_at": "2027-01-02T03:00:00.000Z",
               "receipt_for": {"bundle_id": opened.manifest["bundle_id"], "bundle_hash": opened.hash,
                               "unit": "06040", "sequence": 1}}
    from app.services.keys import own_identity

    with twin.session() as session:
        build(tmp_path / "commune-receipt.tnld", own_identity(session), receipt,
              [Part("receipt.json", b"{}", "application/json")], opened.signer)
    with pytest.raises(BundleDamaged) as caught:
        open_bundle(tmp_path / "commune-receipt.tnld")
    assert caught.value.params["field"] == "role"


# Finding 6: one file for one bundle.
def _small_bundle(tmp_path):
    sender = new_identity("commune", "06040", "Xã Thất Khê")
    office = new_identity("office", "20", "Sở Nội vụ tỉnh Lạng Sơn")
    manifest = {"kind": "report", "period": "2026", "created_at": "2027-01-02T03:00:00.000Z", "sequence": 1,
                "previous_hash": None, "nil": True, "counts": {"accidents": 0, "victims": 0, "void": 0,
                                                               "incidents": 0},
                "contains": [], "codelists_version": {}}
    path = tmp_path / "small.tnld"
    build(path, sender, manifest, [Part(RECORDS, b"", "application/x-ndjson"),
                                   Part(INCIDENTS, b"", "application/x-ndjson")], office.public)
    return path, sender


def test_one_byte_changed_anywhere_is_refused(tmp_path):
    path, _ = _small_bundle(tmp_path)
    data = path.read_bytes()
    open_bundle(path)
    target = tmp_path / "changed.tnld"
    for position in range(len(data)):
        changed = bytearray(data)
        changed[position] ^= 0x01
        target.write_bytes(bytes(changed))
        with pytest.raises(UserError):  # BundleDamaged, or "not a bundle" when the zip no longer opens
            open_bundle(target)


def test_reordered_members_are_refused(office, commune, good, tmp_path):
    members = members_of(good)
    names = list(members)
    for order in (names[:3] + names[3:][::-1], [names[1], names[0], *names[2:]], names[3:] + names[:3]):
        data = canonical_zip((name, members[name]) for name in order)
        refused(office, write(tmp_path / "reordered.tnld", data), "bundle.reason.container", 3)


def test_a_high_s_signature_is_refused(office, commune, good, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

    members = members_of(good)
    r, s = decode_dss_signature(members["manifest.sig"])
    assert s <= P256_ORDER // 2  # TNLĐ writes the low s
    high = encode_dss_signature(r, P256_ORDER - s)
    data = canonical_zip({**members, "manifest.sig": high}.items())
    refused(office, write(tmp_path / "high-s.tnld", data), "bundle.reason.signature", 3)


# Finding 9: a hostile number is refused before it is stored.
def test_sequence_of_10_to_the_12_is_refused(office, commune, good, tmp_path):
    path = _rebuild_with(commune, good, tmp_path / "huge.tnld", lambda r: r, sequence=10**12)
    field_refused(office, path, "sequence")
    with office.session() as session:
        assert session.db.execute("SELECT count(*) FROM bundles_received").fetchone()[0] == 0


# The audit anchor and the sequence chain.
def test_a_rewritten_audit_history_is_flagged(office, commune, tmp_path):
    twin_office = type(office)(shutil.copytree(office.path, tmp_path / "same-office"), "office", "20")
    commune.add(make_accident())
    first = commune.export("2026", tmp_path / "one.tnld")
    with commune.session() as session:
        from app.db.audit import verify_chain

        length = session.db.execute("SELECT max(seq) FROM audit").fetchone()[0]
        with session.transaction():  # cut the log back and write it again, hashes and all: the chain verifies
            session.db.execute("DELETE FROM audit WHERE seq >= ?", (length - 2,))
            for number in range(5):
                session.audit.append("admin", "login", "user", "admin", {"n": number})
        assert verify_chain(session.db).ok
    commune.add(make_accident(occurred_on="2026-05-01", declared_on="2026-05-02"))
    second = commune.export("2026", tmp_path / "two.tnld")
    outcomes = office.import_files(first.path, second.path)
    assert [o.flags for o in outcomes] == [[], ["history_rewritten"]]
    with office.session() as session:
        from app.services.flags import list_flags

        flags = list_flags(session)
    assert [(f["kind"], f["unit"]) for f in flags] == [("history_rewritten", "06040")]
    # In the other order too (the same office's folder, copied before the imports): the later bundle first.
    assert [o.flags for o in twin_office.import_files(second.path, first.path)] == [[], ["history_rewritten"]]


def test_an_honest_commune_raises_no_flag(office, commune, tmp_path):
    files = []
    for number in range(3):
        commune.add(make_accident(occurred_on=f"2026-0{number + 1}-10", declared_on=f"2026-0{number + 1}-11"))
        files.append(commune.export("2026", tmp_path / f"{number}.tnld").path)
    outcomes = office.import_files(*reversed(files))  # in any order
    assert [o.flags for o in outcomes] == [[], [], []]


def test_a_reused_sequence_number_is_flagged(office, commune, tmp_path):
    copy = shutil.copytree(commune.path, tmp_path / "copied-folder")  # two PCs set up from one folder
    twin = type(commune)(copy, "commune", "06040")
    commune.add(make_accident())
    twin.add(make_accident(occurred_on="2026-04-01", declared_on="2026-04-02"))
    one = commune.export("2026", tmp_path / "one.tnld")
    two = twin.export("2026", tmp_path / "two.tnld")
    assert one.sequence == two.sequence == 1
    outcomes = office.import_files(one.path, two.path)
    assert outcomes[1].flags == ["sequence_reused"] and outcomes[1].state == "imported"


def test_a_previous_hash_that_does_not_match_is_flagged(office, commune, good, tmp_path):
    office.import_files(good)
    path = _rebuild_with(commune, good, tmp_path / "fork.tnld", lambda r: r, sequence=2,
                         previous_hash="ab" * 32)
    [outcome] = office.import_files(path)
    assert outcome.flags == ["chain_broken"]


def test_an_office_bundle_holds_only_records_of_the_communes_it_lists(office, commune, station, good, tmp_path):
    office.import_files(good)
    upper = station("office", "20", "Văn phòng UBND tỉnh Lạng Sơn", name="upper")
    upper.trust(office)
    office.trust(upper)
    upward = office.export("2026", tmp_path / "up.tnld", to="Văn phòng UBND tỉnh Lạng Sơn").path
    forged = _rebuild_with(office, upward, tmp_path / "up-forged.tnld", lambda r: r, contains=[])
    # _rebuild_with encrypts to the office's first registered office card: the upper office
    error = refused(upper, forged, "validation.failed", 2)
    assert "bundle.record_not_contained" in {issue.code for issue in error.issues}
    assert [o.state for o in upper.import_files(upward)] == ["imported"]


def test_verify_at_the_office_checks_the_content(office, commune, good, tmp_path):
    from app.services.exchange import verify_bundle

    with office.session() as session:
        verified = verify_bundle(session, good)
    assert verified.content_checked and verified.facts["counts"]["accidents"] == 2
    path = _rebuild_with(commune, good, tmp_path / "counts.tnld", lambda r: r,
                         counts={"accidents": 2, "victims": 9, "void": 0, "incidents": 0})
    with office.session() as session, pytest.raises(BundleDamaged) as caught:
        verify_bundle(session, path)
    assert caught.value.params["field"] == "summary.counts.victims"
    with commune.session() as session:  # the sender cannot read it back
        mine = verify_bundle(session, good)
    assert mine.facts is None and not mine.content_checked


def test_zip_member_order_is_the_documented_one(commune, tmp_path):
    commune.add(make_accident())
    path = commune.export("2026", tmp_path / "b.tnld").path
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[:4] == ["manifest.json", "manifest.sig", "signer.pem", "summary.json.z.enc"]


# Found by the attack on format 3.
def _forge(station, office, period, records, incidents=(), version_2=False, **facts):
    """A bundle signed by *station* with exactly *records* and *incidents* (format 3, encrypted to *office*; or
    a format-2 bundle in clear, as TNLĐ 0.1.0 wrote when no office card was registered)."""
    import hashlib
    import zlib

    from app.core.interchange import dumps
    from app.exchange.bundle import FORMAT
    from app.services.audit import bundle_anchor
    from app.services.keys import own_identity

    accidents = "".join(dumps(r) + "\n" for r in records).encode()
    events = "".join(dumps(i) + "\n" for i in incidents).encode()
    counts = {"accidents": len(records), "victims": sum(len(r["victims"]) for r in records),
              "void": sum(r.get("status") == "void" for r in records), "incidents": len(incidents)}
    with office.session() as session:
        recipient = own_identity(session).public
    path = office.path.parent / f"forged-{station.path.name}-{period}-{len(records)}-{version_2}.tnld"
    with station.session() as session:
        identity = own_identity(session)
        sequence = 1 + session.db.execute("SELECT count(*) FROM bundles_sent").fetchone()[0]
        manifest = {"kind": "report", "period": period, "created_at": "2027-01-02T03:00:00.000Z",
                    "sequence": sequence, "previous_hash": None if sequence == 1 else "c" * 64,
                    "nil": not (records or incidents), "counts": counts, "contains": [],
                    "codelists_version": session.codelists.versions(), "audit": bundle_anchor(session), **facts}
        if not version_2:
            build(path, identity, manifest, [Part(RECORDS, accidents, "application/x-ndjson"),
                                             Part(INCIDENTS, events, "application/x-ndjson")], recipient)
            return path
        parts, stored = [], []
        for name, data in ((RECORDS, accidents), (INCIDENTS, events)):
            packed = zlib.compress(data)
            stored.append((name + ".z", packed))
            parts.append({"name": name + ".z", "media_type": "application/x-ndjson", "encoding": "zlib",
                          "size": len(packed), "sha256": hashlib.sha256(packed).hexdigest(),
                          "plain_size": len(data), "encrypted": False})
        clear = {key: value for key, value in manifest.items() if key != "audit"}
        clear.update(format=FORMAT, format_version=2, bundle_id="33333333-3333-4333-8333-333333333333",
                     app_version="0.1.0", signer_fingerprint=identity.public.fingerprint, unit=identity.public.unit,
                     unit_name=identity.public.unit_name, role="commune", parts=parts, encryption=None)
        data = json.dumps(clear, ensure_ascii=False, indent=1, sort_keys=True).encode()
        path.write_bytes(canonical_zip([("manifest.json", data), ("manifest.sig", identity.sign(data)),
                                        ("signer.pem", identity.public.pem().encode()), *stored]))
    return path


def test_a_file_name_that_is_not_utf8_imports(office, commune, good, tmp_path):
    import os

    odd = tmp_path / os.fsdecode(b"b\xe1o-c\xe1o.tnld")  # copied from a stick written by another system
    shutil.copy(good, odd)
    [outcome] = office.import_files(odd)
    assert outcome.state == "imported"
    with office.session() as session:
        assert session.db.execute("SELECT file_name FROM bundles_received").fetchone()[0] == "b\ufffdo-c\ufffdo.tnld"


def test_a_zlib_bomb_inside_the_encryption_is_refused_before_inflating(office, commune):
    path = _forge(commune, office, "2026", [])
    bundle = open_bundle(path)
    assert bundle.manifest["parts"][1]["size"] < 10_000
    bomb = Part(RECORDS, b"\n" * 20_000_000, "application/x-ndjson")  # 20 MB of nothing, 20 KB compressed
    from app.services.keys import own_identity

    with commune.session() as session, office.session() as office_session:
        build(path, own_identity(session), {**{k: bundle.manifest[k] for k in ("kind", "period", "created_at")},
                                            "sequence": 1, "previous_hash": None, "nil": True, "contains": [],
                                            "codelists_version": {},
                                            "counts": {"accidents": 0, "victims": 0, "void": 0, "incidents": 0}},
              [bomb, Part(INCIDENTS, b"", "application/x-ndjson")], own_identity(office_session).public)
    field_refused(office, path, "summary.parts.records.jsonl")


def test_more_than_300_victims_in_one_accident_is_refused():
    from app.core.model import parse_accident

    accident = make_accident()
    accident["victims"] = accident["victims"] * 301
    _, issues = parse_accident(accident)
    assert "victims.too_many" in {issue.code for issue in issues}


def test_one_id_as_both_an_accident_and_an_incident_is_refused(office, commune):
    accident = {**make_accident(), "version": 1, "created_at": "2026-03-15T01:00:00.000Z",
                "updated_at": "2026-03-15T01:00:00.000Z", "author": "admin"}
    incident = {"id": accident["id"], "unit": "06040", "occurred_on": "2026-03-01", "village": "Thôn Nà Pàn",
                "place": "6.1", "what_failed": "Giàn giáo sập", "damage_kvnd": 1000, "description": "Giàn giáo gãy.",
                "status": "confirmed", "version": 1, "created_at": "2026-03-15T01:00:00.000Z",
                "updated_at": "2026-03-15T01:00:00.000Z", "author": "admin"}
    error = refused(office, _forge(commune, office, "2026", [accident], [incident]), "validation.failed", 2)
    assert "bundle.id_both_kinds" in {issue.code for issue in error.issues}


def test_a_format_2_bundle_after_format_3_from_the_same_key_is_refused(office, commune, good):
    office.import_files(good)
    accident = {**make_accident(occurred_on="2026-06-01", declared_on="2026-06-02"), "version": 1,
                "created_at": "2026-06-02T01:00:00.000Z", "updated_at": "2026-06-02T01:00:00.000Z", "author": "a"}
    old_style = _forge(commune, office, "2026", [accident], version_2=True)
    refused(office, old_style, "bundle.downgrade", 3)


def test_a_dropped_checkpoint_is_flagged(office, commune, tmp_path):
    commune.add(make_accident())
    first = commune.export("2026", tmp_path / "one.tnld")
    with commune.session() as session, session.transaction():  # the list of sent bundles edited by hand
        session.db.execute("UPDATE bundles_sent SET audit_length = NULL")
    second = commune.export("2026", tmp_path / "two.tnld")
    assert [o.flags for o in office.import_files(first.path, second.path)] == [[], ["history_rewritten"]]


def test_a_viewer_cannot_import_a_receipt(office, commune, good, tmp_path):
    from app.services.exchange import import_files
    from app.services.users import add_user
    from app.services.workspace import login
    from tests.conftest import PASSWORD

    office.import_files(good, receipts=tmp_path / "receipts")
    with commune.session() as session:
        add_user(session, "xem", "viewer", PASSWORD)
    with login(commune.path, "xem", PASSWORD, clock=lambda: TODAY) as session:
        [outcome] = import_files(session, list((tmp_path / "receipts").glob("*.tnld")))
    assert outcome.state == "refused" and outcome.error.code == "role.forbidden"


def test_an_office_forwards_upward_what_it_received_from_another_office(office, commune, station, good, tmp_path):
    office.import_files(good)
    upper = station("office", "20", "Văn phòng UBND tỉnh Lạng Sơn", name="upper")
    top = station("office", "20", "Ủy ban nhân dân tỉnh Lạng Sơn", name="top")
    for lower, higher in ((office, upper), (upper, top)):
        lower.trust(higher)
        higher.trust(lower)
    [first] = upper.import_files(office.export("2026", tmp_path / "up.tnld", to="Văn phòng UBND tỉnh Lạng Sơn").path)
    assert first.state == "imported"
    [second] = top.import_files(upper.export("2026", tmp_path / "top.tnld", to="Ủy ban nhân dân tỉnh Lạng Sơn").path)
    assert second.state == "imported", second.error and second.error.message()
    with top.session() as session:
        assert session.db.execute("SELECT count(*) FROM accidents").fetchone()[0] == 2
