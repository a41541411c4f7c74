"""Bundles and receipts: building, opening and checking `.tnld` files (SPEC § 5, docs/bundle-format.md).

Pure: bytes and files in, checked objects out; no database. The services decide trust (the registry), plan and
apply the import. A bundle is a zip of `manifest.json` (clear, signed), `manifest.sig` (ECDSA P-256 / SHA-256 over
the manifest's exact bytes), `signer.pem` (the signer's certificate) and the parts the manifest lists with their
size and SHA-256 (of the bytes as stored, so anyone can check them without the office's key).
A bundle's **hash** is the SHA-256 of its manifest bytes: it names the bundle in receipts, chains and provenance.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app import __version__
from app.core.errors import UserError
from app.core.interchange import read_lines
from app.exchange.container import (
    ENCRYPTION_SCHEME,
    MAX_PART_BYTES,
    BundleDamaged,
    Decryptor,
    Encryptor,
    canonical_zip,
    damaged,
    deflate,
    inflate,
    read_file,
    read_members,
    write_members,
)
from app.exchange.identity import BadCertificate, Identity, PublicIdentity, load_certificate

FORMAT = "tnld-bundle"
FORMAT_VERSION = 2  # 2: serious technical incidents (`incidents.jsonl`, `counts.incidents`); 1 is still read
KINDS = ("report", "receipt")
FIXED = ("manifest.json", "manifest.sig", "signer.pem")
RECORDS = "records.jsonl"
INCIDENTS = "incidents.jsonl"
RECEIPT = "receipt.json"
MAX_NUMBER = 1_000_000_000  # sequence numbers and counts of a bundle


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Part:
    """A part in clear, by its plain name; stored compressed (zlib), and encrypted when there is a recipient."""

    name: str
    data: bytes
    media_type: str


def build(path: Path, identity: Identity, manifest: dict[str, Any], parts: list[Part],
          recipient: PublicIdentity | None = None) -> tuple[dict[str, Any], str]:
    """Encrypt (to *recipient*, if any), hash, sign and write a bundle atomically; return (manifest, hash)."""
    manifest = dict(manifest)
    manifest.setdefault("bundle_id", str(uuid.uuid4()))
    manifest.update(format=FORMAT, format_version=FORMAT_VERSION, app_version=__version__,
                    signer_fingerprint=identity.public.fingerprint, unit=identity.public.unit,
                    unit_name=identity.public.unit_name, role=identity.public.role)
    stored: list[tuple[str, bytes]] = []
    listed = []
    encryptor = Encryptor(recipient.encryption_key, manifest["bundle_id"]) if recipient is not None else None
    for part in parts:
        name, data = part.name + ".z", deflate(part.data)
        if encryptor is not None:
            name, data = name + ".enc", encryptor.encrypt(name, data)
        stored.append((name, data))
        listed.append({"name": name, "media_type": part.media_type, "encoding": "zlib", "size": len(data),
                       "sha256": sha256(data), "plain_size": len(part.data), "encrypted": encryptor is not None})
    manifest["parts"] = listed
    manifest["encryption"] = None if encryptor is None else {
        "scheme": ENCRYPTION_SCHEME,
        "recipient_unit": recipient.unit,
        "recipient_name": recipient.unit_name,
        "recipient_fingerprint": recipient.fingerprint,
        "ephemeral_key": base64.b64encode(encryptor.ephemeral).decode("ascii"),
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    members = [("manifest.json", manifest_bytes), ("manifest.sig", identity.sign(manifest_bytes)),
               ("signer.pem", identity.public.pem().encode("ascii")), *stored]
    write_members(path, members)
    return manifest, sha256(manifest_bytes)


@dataclass(frozen=True)
class Recipient:
    """What decrypting needs: this workstation's fingerprint and X25519 private key."""

    fingerprint: str
    encryption_key: X25519PrivateKey


class ManifestView:
    """What a checked bundle says of itself (shared by the opened bundle and its checked form)."""

    manifest: dict[str, Any]
    manifest_bytes: bytes

    @property
    def hash(self) -> str:
        return sha256(self.manifest_bytes)

    @property
    def kind(self) -> str:
        return self.manifest["kind"]


@dataclass
class OpenedBundle(ManifestView):
    """A bundle whose signature and part hashes have been checked; trust is the caller's business."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signer: PublicIdentity
    parts: dict[str, bytes] = field(repr=False)

    @property
    def encrypted(self) -> bool:
        return self.manifest.get("encryption") is not None

    def clear_parts(self, identity: Identity | Recipient | None, only: str | None = None) -> dict[str, bytes]:
        """The parts in clear (decrypted with *identity* when the bundle is encrypted to it), by their plain names;
        with *only*, just that part (an import reads the records, not the report's PDF and workbook)."""
        encryption = self.manifest.get("encryption")
        decryptor = None
        if isinstance(identity, Identity):
            identity = Recipient(identity.public.fingerprint, identity.encryption_key)
        if encryption is not None:
            if identity is None or encryption.get("recipient_fingerprint") != identity.fingerprint:
                raise UserError("bundle.other_office", path=str(self.path), office=encryption.get("recipient_name", ""),
                                unit=encryption.get("recipient_unit", ""))
            try:
                decryptor = Decryptor(identity.encryption_key, base64.b64decode(encryption["ephemeral_key"]),
                                      self.manifest["bundle_id"])
            except (ValueError, KeyError, TypeError):
                raise damaged(self.path, "bundle.reason.decrypt") from None
        clear = {}
        limits = {part["name"]: part.get("plain_size") for part in self.manifest["parts"]}
        for name, data in self.parts.items():
            if only is not None and name.removesuffix(".enc").removesuffix(".z") != only:
                continue
            try:
                if name.endswith(".enc"):
                    if decryptor is None:
                        raise ValueError("an encrypted part in a bundle without encryption")
                    name = name.removesuffix(".enc")
                    data = decryptor.decrypt(name, data)
                if name.endswith(".z"):
                    limit = limits.get(name) or limits.get(name + ".enc")
                    data = inflate(data, limit if isinstance(limit, int) and limit >= 0 else MAX_PART_BYTES)
                    name = name.removesuffix(".z")
            except ValueError:
                raise damaged(self.path, "bundle.reason.decrypt") from None
            clear[name] = data
        return clear

    def records(self, identity: Identity | Recipient | None, part: str = RECORDS
                ) -> Iterator[tuple[int, dict[str, Any]]]:
        """The lines of the accidents part (or of *part*). A report of format 2 or later must have an incidents
        part too; one of format 1 has none, which reads as no incident."""
        data = self.clear_parts(identity, only=part).get(part)
        if data is None:
            if part == INCIDENTS and self.manifest["format_version"] < 2:
                return iter(())
            raise damaged(self.path, "bundle.reason.missing_part", name=part)
        return read_lines(io.BytesIO(data), part, allow_empty=True)


# What a manifest must hold: key → accepted types. Checked before anything in it is used.
_REQUIRED: dict[str, tuple[type, ...]] = {
    "format": (str,), "format_version": (int,), "kind": (str,), "bundle_id": (str,), "unit": (str,),
    "unit_name": (str,), "role": (str,), "period": (str,), "created_at": (str,), "app_version": (str,),
    "signer_fingerprint": (str,), "parts": (list,), "encryption": (dict, type(None)),
}
_REPORT: dict[str, tuple[type, ...]] = {
    "sequence": (int,), "previous_hash": (str, type(None)), "nil": (bool,), "counts": (dict,), "contains": (list,),
    "codelists_version": (dict,),
}


def _check_manifest(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise damaged(path, "bundle.reason.manifest", detail="not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged(path, "bundle.reason.not_bundle")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise damaged(path, "bundle.reason.manifest", detail="format_version")
    if version > FORMAT_VERSION:
        raise BundleDamaged("bundle.newer", path=str(path), version=version, supported=FORMAT_VERSION)
    required = dict(_REQUIRED)
    if manifest.get("kind") == "report":
        required.update(_REPORT)
    elif manifest.get("kind") == "receipt":
        required["receipt_for"] = (dict,)
    else:
        raise damaged(path, "bundle.reason.manifest", detail="kind")
    for key, types in required.items():
        value = manifest.get(key, ...)
        if value is ... or not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise damaged(path, "bundle.reason.manifest", detail=key)
    for part in manifest["parts"]:
        if not (isinstance(part, dict) and isinstance(part.get("name"), str) and isinstance(part.get("size"), int)
                and isinstance(part.get("sha256"), str)):
            raise damaged(path, "bundle.reason.manifest", detail="parts")
    # Numbers that are stored (SQLite's integers have 64 bits) or counted must be plausible.
    numbers = {"format_version": manifest["format_version"], "sequence": manifest.get("sequence", 1)}
    numbers.update({f"counts.{key}": value for key, value in (manifest.get("counts") or {}).items()})
    if "sequence" in manifest.get("receipt_for", {}):
        numbers["receipt_for.sequence"] = manifest["receipt_for"]["sequence"]
    for key, value in numbers.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_NUMBER:
            raise damaged(path, "bundle.reason.manifest", detail=key)
    return manifest


def _other_kind(path: Path) -> UserError | None:
    """What a file that is not a bundle is (a key card, a backup, records, a PDF…), as the message to give; None for
    what may be a damaged bundle (a zip that does not open), whose own message says to copy it again."""
    from app.core.filekinds import wrong_kind

    error = wrong_kind(path, expected=("bundle", "receipt"), quiet=("zip", "empty"))
    if error is not None and error.code == "file.is_other":  # not even a zip: it may still be a bundle gone bad
        return BundleDamaged(error.code, **error.params)
    return error


def open_bundle(path: Path) -> OpenedBundle:
    """Read a bundle or receipt and check it completely: container, manifest, signature, every part's hash.

    Raises `BundleDamaged` (exit 3) for anything not intact. Does not judge whether the signer is trusted.
    """
    path = Path(path)
    raw = read_file(path)
    try:
        members = read_members(path, raw)
        for name in FIXED:
            if name not in members:
                raise damaged(path, "bundle.reason.missing_part", name=name)
        manifest_bytes = members["manifest.json"]
        manifest = _check_manifest(path, manifest_bytes)
    except BundleDamaged as error:  # a key card, a backup, a PDF… given instead: say what it is
        raise _other_kind(path) or error from None
    try:
        signer = load_certificate(members["signer.pem"])
    except BadCertificate as exc:
        raise damaged(path, "bundle.reason.certificate", detail=str(exc)) from None
    if not signer.verify(members["manifest.sig"], manifest_bytes):
        raise damaged(path, "bundle.reason.signature")
    if (manifest["signer_fingerprint"] != signer.fingerprint or manifest["unit"] != signer.unit
            or manifest["role"] != signer.role):
        raise damaged(path, "bundle.reason.signer_mismatch")
    listed = {part["name"]: part for part in manifest["parts"]}
    present = {name for name in members if name not in FIXED}
    missing, extra = sorted(set(listed) - present), sorted(present - set(listed))
    if missing:
        raise damaged(path, "bundle.reason.missing_part", name=missing[0])
    if extra:
        raise damaged(path, "bundle.reason.extra_part", name=extra[0])
    for name, part in listed.items():
        data = members[name]
        if len(data) != part["size"] or sha256(data) != part["sha256"]:
            raise damaged(path, "bundle.reason.hash", name=name)
    if canonical_zip(members.items()) != raw:
        raise damaged(path, "bundle.reason.container")
    return OpenedBundle(path, manifest, manifest_bytes, signer, {name: members[name] for name in listed})
