"""A workstation's keys and its key card (SPEC § 5, reference scheme).

Each workstation has an ECDSA P-256 signing key with a self-signed X.509 certificate that names its unit and role,
and an X25519 key to which bundles are encrypted. The X25519 public key travels *inside* the certificate, in an
extension of our own, so the certificate's self-signature binds both keys and one fingerprint covers both.
The same certificate can sign PDFs (key usage: digital signature, non-repudiation).

The **fingerprint** is SHA-256 over the certificate's DER bytes. People read it over the phone as six groups of five
digits (`phone_groups`): 99 bits of the hash, digits being the easiest thing to say and hear in Vietnamese.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import NameOID

from app.core.errors import UserError
from app.core.interchange import loads_strict
from app.core.messages import Ref
from app.core.text import clean, fold

# An OID made from a UUID under the 2.25 arc (ITU-T X.667), so nobody else's extension can clash with it.
X25519_EXTENSION = x509.ObjectIdentifier("2.25.262035114389862404566298011838447427923")
CERT_YEARS = 20
CARD_FORMAT = "tnld-keycard"
CARD_VERSION = 1
MAX_CARD_BYTES = 64 * 1024


def fingerprint_of(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER bytes, in hex."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def phone_groups(fingerprint: str) -> str:
    """The fingerprint as six groups of five digits, to read out over the phone: `04417 93120 …`."""
    number = int(fingerprint[:26], 16)  # 104 bits, of which the groups keep 99
    groups = []
    for _ in range(6):
        number, group = divmod(number, 100_000)
        groups.append(f"{group:05d}")
    return " ".join(groups)


def identity_key(role: str, unit: str, unit_name: str) -> str:
    """What 'the same unit' means in the registry: a commune's code; an office's province code and folded name
    (several offices of one province share its code)."""
    return unit if role == "commune" else f"{unit}:{fold(unit_name)}"


@dataclass(frozen=True)
class PublicIdentity:
    """What a key card carries: a certificate naming the unit, with both public keys."""

    certificate: x509.Certificate
    role: str
    unit: str
    unit_name: str

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.certificate)

    @property
    def identity(self) -> str:
        return identity_key(self.role, self.unit, self.unit_name)

    @property
    def signing_key(self) -> ec.EllipticCurvePublicKey:
        key = self.certificate.public_key()
        assert isinstance(key, ec.EllipticCurvePublicKey)
        return key

    @property
    def encryption_key(self) -> X25519PublicKey:
        extension = self.certificate.extensions.get_extension_for_oid(X25519_EXTENSION)
        return X25519PublicKey.from_public_bytes(extension.value.value)

    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def verify(self, signature: bytes, data: bytes, strict: bool = False) -> bool:
        """True when *signature* is this key's over *data*. *strict* (bundle format 3) also requires the one
        encoding TNLĐ writes: strict DER with the low s (s ≤ n/2), so that nobody can turn a valid signature
        into a second valid one (s → n − s) and make two different files of one bundle."""
        if strict and not is_canonical_signature(signature):
            return False
        try:
            self.signing_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return False
        return True


class BadCertificate(ValueError):
    """Not a certificate of a TNLĐ workstation (or a damaged one)."""


def load_certificate(data: bytes) -> PublicIdentity:
    """Parse and check a workstation certificate: P-256, self-signed, with our X25519 extension and unit names."""
    try:
        certificate = x509.load_pem_x509_certificate(data)
    except ValueError as exc:
        raise BadCertificate(f"not a certificate: {exc}") from None
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise BadCertificate("the key is not ECDSA P-256")
    try:
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, InvalidSignature):
        raise BadCertificate("the certificate's self-signature does not verify") from None
    try:
        raw = certificate.extensions.get_extension_for_oid(X25519_EXTENSION).value.value
        X25519PublicKey.from_public_bytes(raw)
    except (x509.ExtensionNotFound, ValueError):
        raise BadCertificate("the certificate has no encryption key") from None
    serial = _attribute(certificate, NameOID.SERIAL_NUMBER)
    parts = serial.split(":") if serial else []
    if len(parts) != 3 or parts[0] != "TNLD" or parts[1] not in ("commune", "office"):
        raise BadCertificate("the certificate does not name a TNLĐ unit")
    name = _attribute(certificate, NameOID.ORGANIZATION_NAME) or ""
    return PublicIdentity(certificate, role=parts[1], unit=parts[2], unit_name=name)


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


@dataclass(frozen=True)
class Identity:
    """This workstation's keys: the private halves, and the public identity they belong to."""

    public: PublicIdentity
    signing_key: ec.EllipticCurvePrivateKey
    encryption_key: X25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        """ECDSA P-256 / SHA-256, DER-encoded, always with the low s (see `is_canonical_signature`)."""
        r, s = decode_dss_signature(self.signing_key.sign(data, ec.ECDSA(hashes.SHA256())))
        return encode_dss_signature(r, min(s, P256_ORDER - s))


# The order n of the P-256 group (SEC 2, secp256r1).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def is_canonical_signature(signature: bytes) -> bool:
    """True for an ECDSA signature in strict DER whose s is at most n/2: of the two valid values s and n − s, only
    the low one is accepted, and no other encoding of the same (r, s)."""
    try:
        r, s = decode_dss_signature(signature)
    except ValueError:
        return False
    return 0 < r < P256_ORDER and 0 < s <= P256_ORDER // 2 and encode_dss_signature(r, s) == signature


def new_identity(role: str, unit: str, unit_name: str, now: dt.datetime | None = None) -> Identity:
    """Fresh keys and a self-signed certificate for a workstation of *unit*."""
    now = now or dt.datetime.now(dt.UTC)
    signing_key = ec.generate_private_key(ec.SECP256R1())
    encryption_key = X25519PrivateKey.generate()
    enc_public = encryption_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, clean(unit_name)),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "TNLĐ"),
        x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(f"TNLĐ {unit} {clean(unit_name)}", 64)),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"TNLD:{role}:{unit}"),
    ])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(signing_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CERT_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(signing_key.public_key()), critical=False)
        .add_extension(x509.UnrecognizedExtension(X25519_EXTENSION, enc_public), critical=False)
        .sign(signing_key, hashes.SHA256())
    )
    public = PublicIdentity(certificate, role=role, unit=unit, unit_name=clean(unit_name))
    return Identity(public, signing_key, encryption_key)


def _within_bytes(text: str, limit: int) -> str:
    """*text* cut to at most *limit* UTF-8 bytes (X.509 limits a common name to 64), never inside a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


# Sealing the private keys for storage in the (already encrypted) database: a second lock, so that a copy of a
# database page alone never holds a usable private key.
def _sealing_key(db_key: bytes) -> ChaCha20Poly1305:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tnld-own-keys/1").derive(db_key)
    return ChaCha20Poly1305(derived)


def _seal(db_key: bytes, data: bytes, label: str) -> str:
    nonce = os.urandom(12)
    return base64.b64encode(nonce + _sealing_key(db_key).encrypt(nonce, data, label.encode())).decode("ascii")


def _unseal(db_key: bytes, text: str, label: str) -> bytes:
    raw = base64.b64decode(text)
    try:
        return _sealing_key(db_key).decrypt(raw[:12], raw[12:], label.encode())
    except InvalidTag:
        raise UserError("keys.damaged") from None


def seal_identity(identity: Identity, db_key: bytes) -> dict[str, str]:
    signing = identity.signing_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
    encryption = identity.encryption_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                                       serialization.NoEncryption())
    return {
        "certificate": identity.public.pem(),
        "fingerprint": identity.public.fingerprint,
        "sealed_signing_key": _seal(db_key, signing, "signing"),
        "sealed_encryption_key": _seal(db_key, encryption, "encryption"),
    }


def unseal_identity(row: dict[str, Any], db_key: bytes) -> Identity:
    public = load_certificate(row["certificate"].encode("ascii"))
    signing = serialization.load_der_private_key(_unseal(db_key, row["sealed_signing_key"], "signing"), None)
    assert isinstance(signing, ec.EllipticCurvePrivateKey)
    encryption = X25519PrivateKey.from_private_bytes(_unseal(db_key, row["sealed_encryption_key"], "encryption"))
    return Identity(public, signing, encryption)


# Key cards: a small JSON file with the certificate and, for people, the unit and the fingerprint.
def card_bytes(public: PublicIdentity) -> bytes:
    card = {
        "format": CARD_FORMAT,
        "version": CARD_VERSION,
        "role": public.role,
        "unit": public.unit,
        "unit_name": public.unit_name,
        "fingerprint": phone_groups(public.fingerprint),
        "certificate": public.pem(),
    }
    return (json.dumps(card, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def parse_card(data: bytes, path: str) -> PublicIdentity:
    """Read a key card; the certificate is what counts, the other fields must agree with it."""
    if not data:
        raise UserError("card.invalid", path=path, reason=Ref("reason.empty"))
    if len(data) > MAX_CARD_BYTES:
        raise UserError("card.invalid", path=path, reason=Ref("reason.too_large"))
    try:
        card = loads_strict(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise UserError("card.invalid", path=path, reason=Ref("reason.not_json")) from None
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
        raise UserError("card.invalid", path=path, reason=Ref("reason.not_card"))
    if not isinstance(card.get("version"), int) or card["version"] > CARD_VERSION:
        raise UserError("card.newer", path=path)
    try:
        public = load_certificate(str(card.get("certificate", "")).encode("ascii"))
    except (BadCertificate, UnicodeEncodeError):
        raise UserError("card.invalid", path=path, reason=Ref("reason.bad_certificate")) from None
    if (card.get("role"), card.get("unit"), card.get("unit_name")) != (public.role, public.unit, public.unit_name):
        raise UserError("card.invalid", path=path, reason=Ref("reason.card_unit_mismatch"))
    return public
