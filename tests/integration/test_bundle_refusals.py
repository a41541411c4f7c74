"""Every bad bundle of the bundles issue is refused with a message and the right exit code; nothing changes."""

from __future__ import annotations

import io
import json
import random
import warnings
import zipfile

import pytest

from app.exchange.bundle import open_bundle
from app.exchange.container import BundleDamaged, canonical_zip, inflate
from tests.conftest import make_accident


@pytest.fixture
def good(commune, tmp_path):
    commune.add(make_accident(), make_accident(occurred_on="2026-02-01", declared_on="2026-02-02"))
    return commune.export("2026", tmp_path / "good.tnld").path


def members_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def refused(office, path, code: str, exit_code: int):
    """Import *path* at the office: refused with *code* and *exit_code*, and the database unchanged."""
    before = office.snapshot()
    [outcome] = office.import_files(path)
    assert outcome.state == "refused", outcome
    assert (outcome.error.code, outcome.exit_code) == (code, exit_code), outcome.error.message()
    if code.startswith("bundle."):
        assert path.name in outcome.error.message()  # the message names the file
    assert office.snapshot() == before
    return outcome.error


def resign(station, members: dict[str, bytes], **manifest_changes) -> bytes:
    """The members with the manifest changed and signed again by *station* (so only the change is wrong)."""
    from app.services.keys import own_identity

    manifest = json.loads(members["manifest.json"])
    manifest.update(manifest_changes)
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    with station.session() as session:
        signature = own_identity(session).sign(data)
    return canonical_zip({**members, "manifest.json": data, "manifest.sig": signature}.items())


def test_the_good_bundle_imports(office, commune, good):
    assert [o.state for o in office.import_files(good)] == ["imported"]


def test_one_flipped_bit_anywhere_is_refused(office, commune, good, tmp_path):
    data = good.read_bytes()
    rng = random.Random(7)
    positions = sorted({*range(0, len(data), max(1, len(data) // 60)), *rng.sample(range(len(data)), 40),
                        len(data) - 1})
    for position in positions:
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        path = write(tmp_path / "flipped.tnld", bytes(flipped))
        with pytest.raises(BundleDamaged):
            open_bundle(path)
    refused(office, path, refused_code(path), 3)


def refused_code(path) -> str:
    try:
        open_bundle(path)
    except BundleDamaged as error:
        return error.code
    raise AssertionError("not refused")


def test_truncated_empty_and_not_a_zip(office, commune, good, tmp_path):
    data = good.read_bytes()
    refused(office, write(tmp_path / "half.tnld", data[: len(data) // 2]), "bundle.reason.not_zip", 3)
    refused(office, write(tmp_path / "short.tnld", data[:-1]), "bundle.reason.not_zip", 3)
    refused(office, write(tmp_path / "empty.tnld", b""), "bundle.reason.empty", 3)
    refused(office, write(tmp_path / "text.tnld", "Báo cáo tai nạn\n".encode()), "file.is_other", 3)
    refused(office, write(tmp_path / "junk.tnld", data + b"extra"), "bundle.reason.container", 3)


@pytest.mark.parametrize("evil", ["../evil.jsonl", "/etc/passwd", "sub/records.jsonl", "C:records.jsonl",
                                  "..\\evil.jsonl"])
def test_member_paths_with_folders_are_refused(office, commune, good, tmp_path, evil):
    placeholder = "Q" * len(evil)
    members = {**members_of(good), placeholder: b"{}"}
    data = canonical_zip(members.items()).replace(placeholder.encode(), evil.encode())
    error = refused(office, write(tmp_path / "evil.tnld", data), "bundle.reason.unsafe_name", 3)
    assert error.params["name"] == evil


def test_zip_bomb_is_refused_before_inflating(office, commune, good, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members_of(good).items():
            archive.writestr(name, content)
        archive.writestr("records.jsonl.z", b"\0" * (64 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    error = refused(office, write(tmp_path / "bomb.tnld", buffer.getvalue()), "bundle.reason.oversized", 3)
    assert error.params["name"] == "records.jsonl.z"


def test_declared_size_that_lies_is_refused(office, commune, good, tmp_path):
    members = members_of(good)
    data = bytearray(canonical_zip(members.items()))
    # Make the central directory claim that the encrypted part is one byte shorter than it is.
    name = b"records.jsonl.z.enc"
    entry = data.index(name, data.index(b"PK\x01\x02")) - 46
    size = int.from_bytes(data[entry + 24:entry + 28], "little")
    data[entry + 24:entry + 28] = (size - 1).to_bytes(4, "little")
    data[entry + 20:entry + 24] = (size - 1).to_bytes(4, "little")
    refused(office, write(tmp_path / "lie.tnld", bytes(data)), "bundle.reason.corrupt", 3)


def test_inflating_a_part_stops_at_its_limit():
    import zlib

    with pytest.raises(ValueError):
        inflate(zlib.compress(b"\0" * 10_000_000), limit=1000)
    assert inflate(zlib.compress(b"abc"), limit=3) == b"abc"


def test_duplicate_member_names(office, commune, good, tmp_path):
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in members_of(good).items():
                archive.writestr(name, content)
            archive.writestr("manifest.json", b"{}")
    refused(office, write(tmp_path / "dup.tnld", buffer.getvalue()), "bundle.reason.duplicate_name", 3)


def test_missing_or_extra_part(office, commune, good, tmp_path):
    members = members_of(good)
    without = {k: v for k, v in members.items() if k != "records.jsonl.z.enc"}
    refused(office, write(tmp_path / "missing.tnld", canonical_zip(without.items())), "bundle.reason.missing_part", 3)
    no_sig = {k: v for k, v in members.items() if k != "manifest.sig"}
    refused(office, write(tmp_path / "nosig.tnld", canonical_zip(no_sig.items())), "bundle.reason.missing_part", 3)
    extra = {**members, "notes.txt": b"hello"}
    refused(office, write(tmp_path / "extra.tnld", canonical_zip(extra.items())), "bundle.reason.extra_part", 3)


def test_part_that_does_not_match_the_manifest_hash(office, commune, good, tmp_path):
    members = members_of(good)
    part = bytearray(members["records.jsonl.z.enc"])
    part[10] ^= 0xFF
    changed = {**members, "records.jsonl.z.enc": bytes(part)}
    refused(office, write(tmp_path / "hash.tnld", canonical_zip(changed.items())), "bundle.reason.hash", 3)
    # A manifest changed after signing: the signature catches it.
    manifest = json.loads(members["manifest.json"])
    manifest["period"] = "2025"
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    unsigned = {**members, "manifest.json": data}
    refused(office, write(tmp_path / "sig.tnld", canonical_zip(unsigned.items())), "bundle.reason.signature", 3)


def test_newer_format_asks_to_update(office, commune, good, tmp_path):
    from app.exchange.bundle import FORMAT_VERSION

    data = resign(commune, members_of(good), format_version=FORMAT_VERSION + 1)
    error = refused(office, write(tmp_path / "newer.tnld", data), "bundle.newer", 3)
    assert "update" in error.message()


@pytest.mark.parametrize("name, value", [("accidents", 5), ("victims", 3), ("void", 1), ("incidents", 1)])
def test_counts_that_disagree_with_the_records(office, commune, good, tmp_path, name, value):
    """Every count of the (encrypted) summary is compared with what the parts hold: 2 accidents, 2 victims."""
    from tests.integration.test_bundles import _rebuild_with

    counts = {"accidents": 2, "victims": 2, "void": 0, "incidents": 0, name: value}
    path = _rebuild_with(commune, good, tmp_path / "counts.tnld", lambda r: r, counts=counts)
    error = refused(office, path, "bundle.reason.field", 3)
    assert error.params["field"] == f"summary.counts.{name}"


def test_bundle_for_another_office(office, commune, station, tmp_path):
    other = station("office", "20", "Ban Quản lý các khu công nghiệp tỉnh Lạng Sơn", name="other-office")
    commune.trust(other)
    commune.add(make_accident())
    path = commune.export("2026", tmp_path / "other.tnld", to="Ban Quản lý các khu công nghiệp tỉnh Lạng Sơn").path
    error = refused(office, path, "bundle.other_office", 2)
    assert error.params["office"] == "Ban Quản lý các khu công nghiệp tỉnh Lạng Sơn"
    assert [o.state for o in other.import_files(path)] == ["refused"]  # the other office never trusted the commune
    other.trust(commune)
    assert [o.state for o in other.import_files(path)] == ["imported"]


def test_signer_not_in_the_registry(office, station, tmp_path):
    stranger = station("commune", "06112", name="stranger")
    stranger.trust(office)
    stranger.add(make_accident(unit="06112"))
    path = stranger.export("2026", tmp_path / "stranger.tnld").path
    error = refused(office, path, "bundle.unknown_signer", 4)
    assert error.params["unit"] == "06112"


def test_known_unit_signing_with_a_new_key(office, commune, station, tmp_path):
    impostor = station("commune", "06040", name="impostor")  # same commune code, new keys
    impostor.trust(office)
    impostor.add(make_accident())
    path = impostor.export("2026", tmp_path / "impostor.tnld").path
    error = refused(office, path, "bundle.changed_key", 4)
    assert "NEW key" in error.message()
    # A second card for the same unit is refused unless the admin replaces the old one, which is audited.
    from app.core.errors import UserError

    with pytest.raises(UserError) as caught:
        office.trust(impostor)
    assert caught.value.code == "card.changed"
    assert office.trust(impostor, replace=True).action == "replaced"
    assert [o.state for o in office.import_files(path)] == ["imported"]
    with office.session() as session:
        actions = [row[0] for row in session.db.execute("SELECT action FROM audit")]
        assert "key_replace" in actions
    # Bundles signed with the replaced key are now refused.
    commune.add(make_accident())
    old = commune.export("2026", tmp_path / "old-key.tnld").path
    refused(office, old, "bundle.replaced_key", 4)


def test_records_of_another_commune_than_the_signer(office, commune, good, tmp_path):
    from tests.integration.test_bundles import _rebuild_with

    path = _rebuild_with(commune, good, tmp_path / "other-unit.tnld",
                         lambda r: {**r, "unit": "06112", "victims": [{**v, "residence": "06112"} for v in r["victims"]]})
    error = refused(office, path, "validation.failed", 2)
    assert {issue.code for issue in error.issues} >= {"bundle.invalid_records", "bundle.record_other_unit"}


def test_records_that_fail_validation(office, commune, good, tmp_path):
    from tests.integration.test_bundles import _rebuild_with

    path = _rebuild_with(commune, good, tmp_path / "invalid.tnld", lambda r: {**r, "occurred_on": "2099-01-01"})
    error = refused(office, path, "validation.failed", 2)
    assert "date.future" in {issue.code for issue in error.issues}
    assert all(issue.line for issue in error.issues[1:])  # each problem names its line


def test_replayed_bundle_changes_nothing(office, commune, good):
    office.import_files(good)
    before = office.snapshot()
    assert [o.state for o in office.import_files(good)] == ["already"]
    assert office.snapshot() == before


def test_bundle_id_reused_with_other_content(office, commune, good, tmp_path):
    office.import_files(good)
    members = members_of(good)
    manifest = json.loads(members["manifest.json"])
    data = resign(commune, members, app_version=manifest["app_version"] + "-b")
    refused(office, write(tmp_path / "reused.tnld", data), "bundle.reason.reused_id", 3)


def test_a_commune_does_not_import_bundles(commune, station, tmp_path):
    other = station("commune", "06040", name="twin")
    other.trust(station("office", "20", "Sở Nội vụ tỉnh Lạng Sơn", name="twin-office"))
    path = other.export("2026", tmp_path / "twin.tnld").path
    [outcome] = commune.import_files(path)
    assert outcome.error.code == "bundle.changed_key" or outcome.error.code == "bundle.unknown_signer"


def test_receipt_from_an_unknown_office_is_refused(office, commune, good, station, tmp_path):
    office.import_files(good, receipts=tmp_path / "receipts")
    other = station("commune", "06001", name="c3")
    [receipt] = (tmp_path / "receipts").glob("*.tnld")
    [outcome] = other.import_files(receipt)
    assert (outcome.error.code, outcome.exit_code) == ("bundle.unknown_signer", 4)


def test_card_refusals(office, commune, station, tmp_path):
    from app.core.errors import UserError
    from app.services.keys import trust_card

    bad = tmp_path / "bad.card"
    cases = {
        b"": "card.invalid",
        b"not json": "card.invalid",
        json.dumps({"format": "tnld-keycard", "version": 9}).encode(): "card.newer",
    }
    card = json.loads(commune.write_card().read_text())
    cases[json.dumps({**card, "unit": "06112"}).encode()] = "card.invalid"
    cases[json.dumps({**card, "certificate": card["certificate"].replace("M", "N", 5)}).encode()] = "card.invalid"
    with office.session() as session:
        for data, code in cases.items():
            bad.write_bytes(data)
            with pytest.raises(UserError) as caught:
                trust_card(session, bad)
            assert caught.value.code == code, data[:40]
        with pytest.raises(UserError) as caught:
            trust_card(session, office.write_card())
        assert caught.value.code == "card.own"
    hanoi = station("commune", "00004", name="hanoi")
    with pytest.raises(UserError) as caught:
        office.trust(hanoi)
    assert caught.value.code == "card.not_in_area"
    with pytest.raises(UserError) as caught:
        commune.trust(hanoi)
    assert caught.value.code == "card.commune_at_commune"
