"""Bundles and receipts: building, opening and checking `.tnld` files (SPEC § 5, docs/bundle-format.md).

Pure: bytes and files in, checked objects out; no database. The services decide trust (the registry), plan and
apply the import. A bundle is a zip of `manifest.json` (signed), `manifest.sig` (ECDSA P-256 / SHA-256 over the
manifest's exact bytes, low s), `signer.pem` (the signer's certificate) and the parts the manifest lists, in its
order, with their size and SHA-256 (of the bytes as stored, so anyone can check them without the office's key).
A bundle's **hash** is the SHA-256 of its manifest bytes: it names the bundle in receipts, chains and provenance.

Format 3 (written since issue 10) keeps only routing facts in clear: who sent it to whom, the period, the
sequence and its chain, the time. Everything else, counts and nil included, is in the encrypted part
`summary.json`, and every encrypted part is padded to whole 4 KiB blocks. Every field of the manifest and the
summary is checked for type, range and meaning before anything in it is used (`check_manifest`,
`check_summary`); each refusal names the field. Formats 1 and 2 are still read (their counts are in clear).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app import __version__
from app.core.errors import UserError
from app.core.interchange import DuplicateKey, loads_strict, read_lines
from app.core.messages import Ref
from app.core.periods import Period
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
    pad,
    read_file,
    read_members,
    unpad,
    write_members,
)
from app.exchange.identity import BadCertificate, Identity, PublicIdentity, load_certificate

FORMAT = "tnld-bundle"
FORMAT_VERSION = 3  # 3: metadata encrypted, parts padded, every field checked; 2: incidents; 1: the first
KINDS = ("report", "receipt")
FIXED = ("manifest.json", "manifest.sig", "signer.pem")
SUMMARY = "summary.json"
RECORDS = "records.jsonl"
INCIDENTS = "incidents.jsonl"
RECEIPT = "receipt.json"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {SUMMARY: "application/json", RECORDS: "application/x-ndjson", INCIDENTS: "application/x-ndjson",
               "report.xlsx": XLSX_TYPE, "report.pdf": "application/pdf", RECEIPT: "application/json"}
OPTIONAL = ("report.xlsx", "report.pdf")  # a report's printed forms: written by TNLĐ, not required of a writer
MAX_SEQUENCE = 100_000  # bundles of one workstation: one a day for 270 years
MAX_COUNT = 10_000_000  # records, victims… of one bundle (a province's year is about 100,000)
MAX_AUDIT = 10**12  # rows of an audit log
MAX_SUMMARY = 16 * 1024**2  # an office's summary lists every commune bundle it includes
MAX_CONTAINS = 50_000  # fits the 16 MiB summary (about 200 bytes each); a province has about 1,000 communes
MAX_PLAIN_PART = 256 * 1024**2  # a part in clear: a province's year of records is about 100 MB
MAX_PLAIN_RATIO = 200  # a part in clear against its stored size (records compress about 8:1), as for the zip
MAX_RECEIPT = 64 * 1024**2  # a receipt lists every record version of a bundle: about 60 bytes each
MAX_CHECKPOINTS = 64
NO_AUDIT = {"length": 0, "head": "0" * 64, "checkpoints": []}  # a sender without a log (tests, the demo)

# Patterns are matched whole (`fullmatch`) and with ASCII digits only: `\d` and `$` would let a full-width
# digit or a final newline through.
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")
_UNIT = {"commune": re.compile(r"[0-9]{5}"), "office": re.compile(r"[0-9]{2}")}
_ANY_UNIT = re.compile(r"[0-9]{2}|[0-9]{5}")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Part:
    """A part in clear, by its plain name; stored compressed (zlib), padded and encrypted to the recipient."""

    name: str
    data: bytes
    media_type: str


# What a format-3 manifest keeps in clear: routing facts only. The rest of what a caller gives `build` goes into
# the encrypted summary.
ROUTING = ("kind", "bundle_id", "period", "created_at", "sequence", "previous_hash", "receipt_for")


def build(path: Path, identity: Identity, manifest: dict[str, Any], parts: list[Part],
          recipient: PublicIdentity) -> tuple[dict[str, Any], str]:
    """Encrypt to *recipient*, hash, sign and write a format-3 bundle or receipt atomically; return (manifest,
    hash). *manifest* holds the routing facts (`ROUTING`) and, for a report, the facts of the summary (`nil`,
    `interim`, `counts`, `contains`, `codelists_version`, `audit`), which go into the encrypted `summary.json`."""
    if recipient is None:
        raise ValueError("format 3 is always encrypted: a recipient is required")
    given = dict(manifest)
    bundle_id = given.get("bundle_id") or str(uuid.uuid4())
    clear = {key: given[key] for key in ROUTING if key in given}
    clear.update(format=FORMAT, format_version=FORMAT_VERSION, bundle_id=bundle_id, app_version=__version__,
                 signer_fingerprint=identity.public.fingerprint, unit=identity.public.unit,
                 unit_name=identity.public.unit_name, role=identity.public.role)
    if clear["kind"] == "report":
        summary = {key: value for key, value in given.items() if key not in ROUTING}
        summary.setdefault("interim", False)
        summary.setdefault("audit", NO_AUDIT)
        summary.update(bundle_id=bundle_id, parts={part.name: len(part.data) for part in parts})
        summary_bytes = json.dumps(summary, ensure_ascii=False, sort_keys=True).encode("utf-8")
        parts = [Part(SUMMARY, summary_bytes, MEDIA_TYPES[SUMMARY]), *parts]
    encryptor = Encryptor(recipient.encryption_key, bundle_id)
    stored: list[tuple[str, bytes]] = []
    listed = []
    for part in parts:
        name = part.name + ".z.enc"
        data = encryptor.encrypt(part.name + ".z", pad(deflate(part.data)))
        stored.append((name, data))
        listed.append({"name": name, "media_type": part.media_type, "encoding": "zlib", "size": len(data),
                       "sha256": sha256(data), "encrypted": True})
    clear["parts"] = listed
    clear["encryption"] = {
        "scheme": ENCRYPTION_SCHEME,
        "recipient_unit": recipient.unit,
        "recipient_name": recipient.unit_name,
        "recipient_fingerprint": recipient.fingerprint,
        "ephemeral_key": base64.b64encode(encryptor.ephemeral).decode("ascii"),
    }
    manifest_bytes = json.dumps(clear, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    members = [("manifest.json", manifest_bytes), ("manifest.sig", identity.sign(manifest_bytes)),
               ("signer.pem", identity.public.pem().encode("ascii")), *stored]
    write_members(path, members)
    return clear, sha256(manifest_bytes)


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

    @property
    def version(self) -> int:
        return self.manifest["format_version"]

    @property
    def encrypted(self) -> bool:
        return self.manifest.get("encryption") is not None


# Refusals that name a field.
def bad_field(path: Path | str, name: str, why: str) -> BundleDamaged:
    """`{path}: the field {name} is not valid: {reason}` (exit 3); *why* is a `bundle.why.…` code."""
    return damaged(path, "bundle.reason.field", field=name, reason=Ref(f"bundle.why.{why}"))


class _Fields:
    """Checks the fields of one JSON object from a bundle, naming each by its path (`encryption.scheme`)."""

    def __init__(self, path: Path, data: dict[str, Any], prefix: str = "") -> None:
        self.path, self.data, self.prefix = path, data, prefix

    def fail(self, key: str, why: str) -> BundleDamaged:
        return bad_field(self.path, self.prefix + key, why)

    def get(self, key: str, types: type | tuple[type, ...], optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise self.fail(key, "missing")
        value = self.data[key]
        types = types if isinstance(types, tuple) else (types,)
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise self.fail(key, "type")
        return value

    def number(self, key: str, low: int, high: int, optional: bool = False) -> int | None:
        value = self.get(key, int, optional)
        if value is not None and not low <= value <= high:
            raise self.fail(key, "range")
        return value

    def text(self, key: str, pattern: re.Pattern[str] | None = None, longest: int = 200,
             optional: bool = False) -> str | None:
        value = self.get(key, str, optional)
        if value is None:
            return None
        if not value or len(value) > longest or (pattern is not None and not pattern.fullmatch(value)):
            raise self.fail(key, "form")
        return value

    def one_of(self, key: str, allowed: tuple[Any, ...]) -> Any:
        value = self.get(key, (str, int))
        if value not in allowed:
            raise self.fail(key, "unknown")
        return value

    def inner(self, key: str, optional: bool = False) -> _Fields | None:
        value = self.get(key, dict, optional)
        return None if value is None else _Fields(self.path, value, f"{self.prefix}{key}.")


def parse_json(path: Path, data: bytes, name: str) -> Any:
    """A JSON document from a bundle: UTF-8, no key twice (Python would keep the last, another reader the first)."""
    try:
        return loads_strict(data.decode("utf-8"))
    except DuplicateKey:
        raise bad_field(path, name, "duplicate_key") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad_field(path, name, "not_json") from None


def check_timestamp(fields: _Fields, key: str) -> str:
    """One format for every time: UTC, milliseconds, `Z` (`2026-07-03T02:11:00.123Z`), a real moment."""
    value = fields.text(key, _TIMESTAMP, 24)
    try:
        moment = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        raise fields.fail(key, "form") from None
    if not 2020 <= moment.year <= 2200:
        raise fields.fail(key, "range")
    return value


def _part_names(version: int, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parts a bundle of *version* and *kind* must hold, in order, and those it may hold after them."""
    if kind == "receipt":
        return (RECEIPT,), ()
    if version >= 3:
        return (SUMMARY, RECORDS, INCIDENTS), OPTIONAL
    if version == 2:
        return (RECORDS, INCIDENTS), OPTIONAL
    return (RECORDS,), OPTIONAL


def check_manifest(path: Path, data: bytes) -> dict[str, Any]:
    """Every field of the manifest, for type, range and meaning, in the order of docs/bundle-format.md § 6."""
    manifest = parse_json(path, data, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged(path, "bundle.reason.not_bundle")
    fields = _Fields(path, manifest)
    version = fields.get("format_version", int)
    if version > FORMAT_VERSION:
        raise BundleDamaged("bundle.newer", path=str(path), version=version, supported=FORMAT_VERSION)
    if version < 1:
        raise fields.fail("format_version", "range")
    kind = fields.one_of("kind", KINDS)
    fields.text("bundle_id", _UUID, 36)
    role = fields.one_of("role", ("commune", "office"))
    fields.text("unit", _UNIT[role], 5)
    fields.text("unit_name")
    fields.text("signer_fingerprint", _HEX64, 64)
    period = fields.text("period", longest=7)
    try:
        canonical = str(Period.parse(period))
    except UserError:
        raise fields.fail("period", "form") from None
    if canonical != period:  # `2026-q1` or ` 2026` would be stored as written and never match the period
        raise fields.fail("period", "form")
    check_timestamp(fields, "created_at")
    fields.text("app_version", longest=40)
    encryption = fields.inner("encryption") if fields.get("encryption", (dict, type(None))) is not None else None
    if encryption is None and version >= 3:
        raise fields.fail("encryption", "not_encrypted")
    if encryption is not None:
        if encryption.text("scheme", longest=100) != ENCRYPTION_SCHEME:
            raise encryption.fail("scheme", "unknown")
        encryption.text("recipient_unit", _ANY_UNIT, 5)
        encryption.text("recipient_name")
        encryption.text("recipient_fingerprint", _HEX64, 64)
        try:
            ephemeral = base64.b64decode(encryption.text("ephemeral_key", longest=64), validate=True)
        except (binascii.Error, ValueError):
            raise encryption.fail("ephemeral_key", "form") from None
        if len(ephemeral) != 32:
            raise encryption.fail("ephemeral_key", "form")
    if kind == "report":
        sequence = fields.number("sequence", 1, MAX_SEQUENCE)
        previous = fields.get("previous_hash", (str, type(None)))
        if previous is not None and not _HEX64.fullmatch(previous):
            raise fields.fail("previous_hash", "form")
        if (previous is None) != (sequence == 1):
            raise fields.fail("previous_hash", "first")
        if version < 3:  # formats 1 and 2 carried these in clear
            _check_facts(path, manifest, role, version, "")
    else:
        if role != "office":
            raise fields.fail("role", "receipt_role")
        target = fields.inner("receipt_for")
        target.text("bundle_id", _UUID, 36)
        target.text("bundle_hash", _HEX64, 64)
        target.text("unit", _ANY_UNIT, 5)
        target.number("sequence", 1, MAX_SEQUENCE)
    _check_parts(fields, version, kind, encryption is not None)
    return manifest


def _check_parts(fields: _Fields, version: int, kind: str, encrypted: bool) -> None:
    parts = fields.get("parts", list)
    required, optional = _part_names(version, kind)
    plain_names = []
    for index, raw in enumerate(parts):
        if not isinstance(raw, dict):
            raise fields.fail(f"parts[{index}]", "type")
        part = _Fields(fields.path, raw, f"parts[{index}].")
        name = part.text("name", longest=64)
        if part.get("encrypted", bool) != encrypted:
            raise part.fail("encrypted", "flags")
        if part.text("encoding", longest=16) != "zlib":
            raise part.fail("encoding", "unknown")
        plain = name.removesuffix(".enc") if encrypted else name
        if (encrypted and not name.endswith(".enc")) or not plain.endswith(".z"):
            raise part.fail("name", "flags")
        plain = plain.removesuffix(".z")
        if part.text("media_type", longest=100) != MEDIA_TYPES.get(plain, ...):
            raise part.fail("media_type" if plain in MEDIA_TYPES else "name", "unknown")
        part.number("size", 0, MAX_PART_BYTES)
        part.text("sha256", _HEX64, 64)
        if version < 3:
            part.number("plain_size", 0, MAX_PART_BYTES)
        plain_names.append(plain)
    expected = list(required) + [name for name in optional if name in plain_names]
    if plain_names != expected:
        raise fields.fail("parts", "parts")


def _check_facts(path: Path, facts: dict[str, Any], role: str, version: int, prefix: str) -> None:
    """`nil`, `counts`, `contains`, `codelists_version` (and in format 3 `interim`, `audit`), wherever they are:
    the clear manifest of formats 1 and 2, the encrypted summary of format 3."""
    fields = _Fields(path, facts, prefix)
    fields.get("nil", bool)
    counts = fields.inner("counts")
    names = ("accidents", "victims", "void") + (("incidents",) if version >= 2 else ())
    for name in names:
        counts.number(name, 0, MAX_COUNT)
    contains = fields.get("contains", list)
    if role == "commune" and contains:
        raise fields.fail("contains", "commune_contains")
    if len(contains) > MAX_CONTAINS:
        raise fields.fail("contains", "range")
    for index, raw in enumerate(contains):
        if not isinstance(raw, dict):
            raise fields.fail(f"contains[{index}]", "type")
        _check_contained(_Fields(path, raw, f"{prefix}contains[{index}]."), version)
    versions = fields.get("codelists_version", dict)
    if len(versions) > 64 or not all(isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= 64
                                      for k, v in versions.items()):
        raise fields.fail("codelists_version", "form")
    if version >= 3:
        fields.get("interim", bool)
        audit = fields.inner("audit")
        length = audit.number("length", 0, MAX_AUDIT)
        audit.text("head", _HEX64, 64)
        checkpoints = audit.get("checkpoints", list)
        if len(checkpoints) > MAX_CHECKPOINTS:
            raise audit.fail("checkpoints", "range")
        for point in checkpoints:
            if not (isinstance(point, list) and len(point) == 2 and type(point[0]) is int
                    and 0 <= point[0] <= length and isinstance(point[1], str) and _HEX64.fullmatch(point[1])):
                raise audit.fail("checkpoints", "form")


def _check_contained(item: _Fields, version: int) -> None:
    """One commune bundle an office's bundle lists."""
    item.text("bundle_id", _UUID, 36)
    item.text("bundle_hash", _HEX64, 64)
    item.text("unit", _UNIT["commune"], 5)
    item.number("sequence", 1, MAX_SEQUENCE)
    nil = item.data.get("nil", ...)
    if not (isinstance(nil, bool) or version < 3 and type(nil) is int and nil in (0, 1)):  # 1, 2 wrote 0/1
        raise item.fail("nil", "type")
    item.number("records", 0, MAX_COUNT)


def is_contained_item(item: Any) -> bool:
    """Whether *item* may be listed in an office's `contains` (format 3): what an export keeps of its rows."""
    try:
        _check_contained(_Fields(Path(), {**item, "nil": bool(item.get("nil"))}, ""), FORMAT_VERSION)
    except (BundleDamaged, AttributeError, TypeError):
        return False
    return True


RECEIPT_OUTCOMES = ("accepted", "older", "conflict")


def check_receipt_body(path: Path, manifest: dict[str, Any], data: bytes) -> list[tuple[str, int]]:
    """The record versions a receipt says the office holds (outcome `accepted` or `older`), after checking every
    field of its body against the signed `receipt_for` and period (a refusal names the field, exit 3)."""
    body = parse_json(path, data, RECEIPT)
    if not isinstance(body, dict):
        raise bad_field(path, RECEIPT, "type")
    fields = _Fields(path, body, f"{RECEIPT}.")
    for key in ("bundle_id", "bundle_hash", "unit", "sequence"):
        if body.get(key, ...) != manifest["receipt_for"][key]:
            raise fields.fail(key, "binding")
    if body.get("period", ...) != manifest["period"]:
        raise fields.fail("period", "binding")
    check_timestamp(fields, "imported_at")
    records = body.get("records")
    if not isinstance(records, list) or len(records) > MAX_COUNT:
        raise fields.fail("records", "type")
    accepted = []
    for row in records:
        if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and len(row[0]) <= 64
                and type(row[1]) is int and 1 <= row[1] <= 10**9 and row[2] in RECEIPT_OUTCOMES):
            raise fields.fail("records", "form")
        if row[2] in ("accepted", "older"):
            accepted.append((row[0], row[1]))
    return accepted


def check_summary(path: Path, manifest: dict[str, Any], data: bytes) -> dict[str, Any]:
    """The encrypted summary of a format-3 report: bound to its manifest, every fact checked."""
    summary = parse_json(path, data, SUMMARY)
    if not isinstance(summary, dict):
        raise bad_field(path, SUMMARY, "type")
    fields = _Fields(path, summary, "summary.")
    if fields.get("bundle_id", str) != manifest["bundle_id"]:
        raise fields.fail("bundle_id", "binding")
    _check_facts(path, summary, manifest["role"], manifest["format_version"], "summary.")
    sizes = fields.inner("parts")
    listed = [part["name"].removesuffix(".enc").removesuffix(".z") for part in manifest["parts"]][1:]
    if sorted(sizes.data) != sorted(listed):
        raise fields.fail("parts", "parts")
    stored = {part["name"].removesuffix(".enc").removesuffix(".z"): part["size"] for part in manifest["parts"]}
    for name in listed:
        size = sizes.number(name, 0, MAX_PLAIN_PART)
        if size > MAX_PLAIN_RATIO * max(stored[name], 4096):  # a zlib bomb inside the encryption
            raise sizes.fail(name, "range")
    return summary


@dataclass
class OpenedBundle(ManifestView):
    """A bundle whose manifest, signature, part hashes and layout have been checked; trust is the caller's
    business, and so is the content (`facts`, `clear_parts`, `records`), which needs the recipient's key."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signer: PublicIdentity
    parts: dict[str, bytes] = field(repr=False)
    _facts: dict[str, Any] | None = field(default=None, repr=False)

    def _decryptor(self, identity: Identity | Recipient | None) -> Decryptor | None:
        encryption = self.manifest.get("encryption")
        if isinstance(identity, Identity):
            identity = Recipient(identity.public.fingerprint, identity.encryption_key)
        if encryption is None:
            return None
        if identity is None or encryption["recipient_fingerprint"] != identity.fingerprint:
            raise UserError("bundle.other_office", path=str(self.path), office=encryption["recipient_name"],
                            unit=encryption["recipient_unit"])
        try:
            return Decryptor(identity.encryption_key, base64.b64decode(encryption["ephemeral_key"]),
                             self.manifest["bundle_id"])
        except ValueError:
            raise damaged(self.path, "bundle.reason.decrypt") from None

    def _open_part(self, decryptor: Decryptor | None, stored_name: str, limit: int, exact: bool) -> bytes:
        data = self.parts[stored_name]
        name = stored_name.removesuffix(".enc")
        try:
            if decryptor is not None:
                data = decryptor.decrypt(name, data)
                if self.version >= 3:
                    data = unpad(data)
        except ValueError:
            raise damaged(self.path, "bundle.reason.decrypt") from None
        try:
            data = inflate(data, limit)
        except ValueError:
            if exact:  # more than the summary says
                raise bad_field(self.path, f"summary.parts.{name.removesuffix('.z')}", "counts") from None
            raise damaged(self.path, "bundle.reason.corrupt", name=stored_name) from None
        if exact and len(data) != limit:
            raise bad_field(self.path, f"summary.parts.{name.removesuffix('.z')}", "counts")
        return data

    def facts(self, identity: Identity | Recipient | None) -> dict[str, Any]:
        """`nil`, `counts`, `contains`, `codelists_version` (format 3 also `interim`, `audit`, `parts`): from the
        clear manifest of formats 1–2, from the decrypted and checked summary of format 3."""
        if self._facts is None:
            if self.kind != "report":
                raise ValueError("a receipt has no summary")
            if self.version < 3:
                self._facts = {key: self.manifest[key] for key in ("nil", "counts", "contains", "codelists_version")}
                self._facts.update(interim=False, audit=None)
            else:
                stored = self.manifest["parts"][0]["name"]
                data = self._open_part(self._decryptor(identity), stored, MAX_SUMMARY, exact=False)
                self._facts = check_summary(self.path, self.manifest, data)
        return self._facts

    def clear_parts(self, identity: Identity | Recipient | None, only: str | None = None) -> dict[str, bytes]:
        """The parts in clear (decrypted with *identity* when the bundle is encrypted to it), by their plain names;
        with *only*, just that part (an import reads the records, not the report's PDF and workbook)."""
        decryptor = self._decryptor(identity)
        sizes = self.facts(identity)["parts"] if self.kind == "report" and self.version >= 3 else None
        clear = {}
        for part in self.manifest["parts"]:
            plain = part["name"].removesuffix(".enc").removesuffix(".z")
            if (only is not None and plain != only) or (plain == SUMMARY and only != SUMMARY):
                continue
            if plain == RECEIPT:
                clear[plain] = self._open_part(decryptor, part["name"], MAX_RECEIPT, exact=False)
            elif sizes is not None:
                limit = MAX_SUMMARY if plain == SUMMARY else sizes[plain]
                clear[plain] = self._open_part(decryptor, part["name"], limit, exact=plain != SUMMARY)
            else:
                clear[plain] = self._open_part(decryptor, part["name"], part.get("plain_size", MAX_PART_BYTES),
                                               exact=False)
        return clear

    def records(self, identity: Identity | Recipient | None, part: str = RECORDS
                ) -> Iterator[tuple[int, dict[str, Any]]]:
        """The lines of the accidents part (or of *part*). Format 1 has no incidents part: no incident."""
        data = self.clear_parts(identity, only=part).get(part)
        if data is None:
            if part == INCIDENTS and self.version < 2:
                return iter(())
            raise damaged(self.path, "bundle.reason.missing_part", name=part)
        return read_lines(io.BytesIO(data), part, allow_empty=True)


def _other_kind(path: Path) -> UserError | None:
    """What a file that is not a bundle is (a key card, a backup, records, a PDF…), as the message to give; None for
    what may be a damaged bundle (a zip that does not open), whose own message says to copy it again."""
    from app.core.filekinds import wrong_kind

    error = wrong_kind(path, expected=("bundle", "receipt"), quiet=("zip", "empty"))
    if error is not None and error.code == "file.is_other":  # not even a zip: it may still be a bundle gone bad
        return BundleDamaged(error.code, **error.params)
    return error


def open_bundle(path: Path) -> OpenedBundle:
    """Read a bundle or receipt and check all a reader can check without the recipient's key: container,
    every manifest field, signature (low s from format 3), the signer's certificate against the manifest, every
    part's hash, and the one canonical layout (member order included).

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
        manifest = check_manifest(path, manifest_bytes)
    except BundleDamaged as error:  # a key card, a backup, a PDF… given instead: say what it is
        if error.code in ("bundle.reason.field", "bundle.newer"):
            raise
        raise _other_kind(path) or error from None
    try:
        signer = load_certificate(members["signer.pem"])
    except BadCertificate:
        raise damaged(path, "bundle.reason.certificate") from None
    if not signer.verify(members["manifest.sig"], manifest_bytes, strict=manifest["format_version"] >= 3):
        raise damaged(path, "bundle.reason.signature")
    for key, value in (("signer_fingerprint", signer.fingerprint), ("unit", signer.unit), ("role", signer.role),
                       ("unit_name", signer.unit_name)):
        if manifest[key] != value:
            raise bad_field(path, key, "certificate")
    listed = [part["name"] for part in manifest["parts"]]
    present = [name for name in members if name not in FIXED]
    missing, extra = sorted(set(listed) - set(present)), sorted(set(present) - set(listed))
    if missing:
        raise damaged(path, "bundle.reason.missing_part", name=missing[0])
    if extra:
        raise damaged(path, "bundle.reason.extra_part", name=extra[0])
    for part in manifest["parts"]:
        data = members[part["name"]]
        if len(data) != part["size"] or sha256(data) != part["sha256"]:
            raise damaged(path, "bundle.reason.hash", name=part["name"])
    # One layout only: the fixed members, then the parts in the manifest's order. Rebuilt in that order, so that
    # a reordered archive, or one byte changed even in the zip headers no signature covers, is refused.
    order = [*FIXED, *listed]
    if list(members) != order or canonical_zip((name, members[name]) for name in order) != raw:
        raise damaged(path, "bundle.reason.container")
    return OpenedBundle(path, manifest, manifest_bytes, signer, {name: members[name] for name in listed})
