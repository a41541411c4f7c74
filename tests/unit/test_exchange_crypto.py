"""Keys, cards, fingerprints and the part encryption of bundles (no database)."""

from __future__ import annotations

import json
import pickle

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.core.errors import Issue, UserError, ValidationFailed
from app.exchange.container import CHUNK, TAG, Decryptor, Encryptor, canonical_zip, raw_public
from app.exchange.identity import (
    card_bytes,
    identity_key,
    load_certificate,
    new_identity,
    parse_card,
    phone_groups,
    seal_identity,
    unseal_identity,
)


@pytest.fixture(scope="module")
def identity():
    return new_identity("commune", "06040", "Xã Thất Khê")


def test_certificate_names_the_unit_and_carries_both_keys(identity):
    public = load_certificate(identity.public.pem().encode())
    assert (public.role, public.unit, public.unit_name) == ("commune", "06040", "Xã Thất Khê")
    assert raw_public(public.encryption_key) == raw_public(identity.encryption_key.public_key())
    assert public.fingerprint == identity.public.fingerprint
    assert public.verify(identity.sign(b"manifest"), b"manifest")
    assert not public.verify(identity.sign(b"manifest"), b"manifesT")


def test_long_office_name_fits_the_certificate():
    name = "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Lạng Sơn (văn phòng đại diện)"
    office = new_identity("office", "20", name)
    assert load_certificate(office.public.pem().encode()).unit_name == name


def test_fingerprint_reads_as_six_groups_of_five_digits(identity):
    groups = phone_groups(identity.public.fingerprint).split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    other = new_identity("commune", "06040", "Xã Thất Khê")
    assert phone_groups(other.public.fingerprint) != phone_groups(identity.public.fingerprint)


def test_identity_of_offices_includes_their_name():
    assert identity_key("commune", "06040", "Xã Thất Khê") == "06040"
    assert identity_key("office", "20", "Sở Nội vụ tỉnh Lạng Sơn") != identity_key("office", "20", "Ban Quản lý")
    assert identity_key("office", "20", "SỞ NỘI VỤ TỈNH LẠNG SƠN") == identity_key("office", "20", "Sở Nội vụ tỉnh Lạng Sơn")


def test_private_keys_are_sealed_under_the_database_key(identity):
    key = bytes(range(32))
    sealed = seal_identity(identity, key)
    assert "PRIVATE" not in json.dumps(sealed)
    again = unseal_identity(sealed, key)
    assert again.public.fingerprint == identity.public.fingerprint
    assert again.sign(b"x") and again.public.verify(again.sign(b"x"), b"x")
    with pytest.raises(UserError) as caught:
        unseal_identity(sealed, bytes(32))
    assert caught.value.code == "keys.damaged"


def test_card_round_trip_and_tampering(identity):
    card = card_bytes(identity.public)
    assert parse_card(card, "x.card").fingerprint == identity.public.fingerprint
    data = json.loads(card)
    assert data["fingerprint"] == phone_groups(identity.public.fingerprint)
    for changed in ({**data, "unit_name": "Xã Khác"}, {**data, "role": "office"}, {**data, "format": "other"}):
        with pytest.raises(UserError):
            parse_card(json.dumps(changed).encode(), "x.card")


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5])
def test_stream_encryption_round_trips(size):
    office = X25519PrivateKey.generate()
    encryptor = Encryptor(office.public_key(), "bundle-1")
    data = bytes(i % 251 for i in range(size))
    sealed = encryptor.encrypt("records.jsonl.z", data)
    assert Decryptor(office, encryptor.ephemeral, "bundle-1").decrypt("records.jsonl.z", sealed) == data


def test_stream_refuses_truncation_reordering_and_other_keys():
    office = X25519PrivateKey.generate()
    encryptor = Encryptor(office.public_key(), "bundle-1")
    data = b"x" * (3 * CHUNK)
    sealed = encryptor.encrypt("records.jsonl.z", data)
    decryptor = Decryptor(office, encryptor.ephemeral, "bundle-1")
    step = CHUNK + TAG
    chunks = [sealed[i:i + step] for i in range(0, len(sealed), step)]
    for bad in (b"".join(chunks[:2]),  # the last chunk cut off: the new last one is not marked last
                b"".join([chunks[1], chunks[0], chunks[2]]),  # reordered
                sealed[:-1]):  # one byte short
        with pytest.raises(ValueError):
            decryptor.decrypt("records.jsonl.z", bad)
    with pytest.raises(ValueError):
        decryptor.decrypt("receipt.json.z", sealed)  # a part's key is bound to its name
    with pytest.raises(ValueError):
        Decryptor(office, encryptor.ephemeral, "bundle-2").decrypt("records.jsonl.z", sealed)  # and to the bundle
    with pytest.raises(ValueError):
        Decryptor(X25519PrivateKey.generate(), encryptor.ephemeral, "bundle-1").decrypt("records.jsonl.z", sealed)


def test_canonical_zip_is_deterministic():
    members = [("manifest.json", b"{}"), ("records.jsonl.z", b"\x78\x9c")]
    assert canonical_zip(members) == canonical_zip(list(members))
    assert canonical_zip(members) != canonical_zip([*members, ("x.txt", b"")])


def test_user_errors_survive_pickling_across_processes():
    error = UserError("bundle.reason.hash", path="a.tnld", name="records.jsonl.z")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.code, again.params, again.message()) == (UserError, error.code, error.params,
                                                                       error.message())
    failed = ValidationFailed([Issue("", "bundle.invalid_records", {"path": "a.tnld"}),
                               Issue("unit", "field.required", line=3)])
    again = pickle.loads(pickle.dumps(failed))
    assert isinstance(again, ValidationFailed) and again.issues == failed.issues and again.exit_code == 2
