"""The `.tnld` container: a zip file read defensively, and the encryption of its parts (docs/bundle-format.md).

The container is canonical: every member stored (parts are compressed by us, with zlib, before any encryption),
fixed dates and attributes, so verification can rebuild the exact bytes and refuse any change anywhere.
Reading refuses, before inflating anything: a file that is not a zip, member names with folders, `..` or a drive,
duplicate names, more members than a bundle has, members whose declared size passes a limit or whose
compression ratio only a zip bomb reaches, and zip-level encryption. Every refusal is a `BundleDamaged`
(exit code 3) with a reason a person can act on.

Encryption of a part: X25519 with an ephemeral key → HKDF-SHA256 → one key per bundle, one subkey per part
(HKDF with the part's name), then ChaCha20-Poly1305 over 64 KiB chunks with the STREAM construction (nonce =
11-byte big-endian chunk counter + 1 byte, 1 on the last chunk), so a truncated, reordered or spliced part fails.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.errors import EXIT_DAMAGED, EXIT_UNTRUSTED, UserError
from app.core.fsutil import atomic_writer, input_file, unreadable

MAX_FILE_BYTES = 1024**3  # a province's year is about 100 MB of records
MAX_MEMBERS = 16
MAX_RATIO = 200  # records compress about 8:1; deflate's ceiling is about 1032:1
LIMITS = {"manifest.json": 1024**2, "manifest.sig": 256, "signer.pem": 16 * 1024}
MAX_PART_BYTES = 768 * 1024**2
CHUNK = 64 * 1024
TAG = 16
ENCRYPTION_SCHEME = "x25519-hkdf-sha256-chacha20poly1305-stream64k"
_PART_NAME = re.compile(r"^[a-z0-9_\-]+(\.[a-z0-9]+){1,3}$")


class BundleDamaged(UserError):
    """The file is not an intact bundle: damaged, truncated, tampered with, or not a bundle at all."""

    exit_code = EXIT_DAMAGED


class BundleUntrusted(UserError):
    """Intact, but signed by a key this workstation does not trust."""

    exit_code = EXIT_UNTRUSTED


def damaged(path: Path | str, code: str, **params) -> BundleDamaged:
    """A refusal whose message (`bundle.reason.…`) names the file and what is wrong with it."""
    return BundleDamaged(code, path=str(path), **params)


def read_file(path: Path) -> bytes:
    """The bytes of a bundle file, after the checks a path allows (exists, a file, not empty, not huge)."""
    path = input_file(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise damaged(path, "bundle.reason.empty")
        if size > MAX_FILE_BYTES:
            raise damaged(path, "bundle.reason.too_large")
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None


def read_members(path: Path, data: bytes) -> dict[str, bytes]:
    """The members of a bundle file, checked for every trick a hostile zip can play, in the order found."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on hostile input; all mean "not a sound zip"
        raise damaged(path, "bundle.reason.not_zip") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise damaged(path, "bundle.reason.members")
        names: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in name or "\\" in name or ":" in name or "/" in name:
                raise damaged(path, "bundle.reason.unsafe_name", name=name)
            if name in names:
                raise damaged(path, "bundle.reason.duplicate_name", name=name)
            names.add(name)
            if name not in LIMITS and not _PART_NAME.match(name):
                raise damaged(path, "bundle.reason.unsafe_name", name=name)
            if info.flag_bits & 0x1:
                raise damaged(path, "bundle.reason.zip_encrypted", name=name)
            limit = LIMITS.get(name, MAX_PART_BYTES)
            if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
                raise damaged(path, "bundle.reason.oversized", name=name)
            total += info.file_size
            if total > MAX_FILE_BYTES:
                raise damaged(path, "bundle.reason.oversized", name=name)
        members: dict[str, bytes] = {}
        for info in infos:
            try:
                with archive.open(info) as handle:
                    # ZipExtFile never yields more than the declared size, and checks the CRC at the end.
                    content = handle.read(info.file_size + 1)
            except Exception:  # noqa: BLE001 - bad CRC, bad header, bad compression: all mean "damaged"
                raise damaged(path, "bundle.reason.corrupt", name=info.filename) from None
            if len(content) != info.file_size:
                raise damaged(path, "bundle.reason.corrupt", name=info.filename)
            members[info.filename] = content
    return members


def canonical_zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    """The one byte sequence a bundle with these members has: stored (not deflated), fixed dates, attributes and
    versions. Verification rebuilds it and compares, so one changed byte anywhere in the file is caught, even in
    the zip's own headers that no signature covers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.create_version = 20
            info.extract_version = 20
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def write_members(path: Path, members: Iterable[tuple[str, bytes]]) -> None:
    """Write the canonical container to *path* atomically (temp file, fsync, rename)."""
    data = canonical_zip(members)
    with atomic_writer(Path(path)) as handle:
        handle.write(data)


def deflate(data: bytes) -> bytes:
    return zlib.compress(data, 6)


BLOCK = 4096  # format 3 pads every encrypted part to whole blocks, so its size tells little about its content


def pad(data: bytes) -> bytes:
    """Format 3's frame of a part before encryption: its length (8 bytes, big-endian), the bytes, then zeros up to a
    whole number of 4 KiB blocks."""
    framed = len(data).to_bytes(8, "big") + data
    return framed + bytes(-len(framed) % BLOCK)


def unpad(framed: bytes) -> bytes:
    """Undo `pad`, refusing (ValueError) a frame that is not whole blocks, a length past the end, or padding that is
    not all zeros (the frame is inside the authenticated encryption, so this only catches a faulty writer)."""
    if len(framed) < 8 or len(framed) % BLOCK:
        raise ValueError("the part is not padded to whole blocks")
    length = int.from_bytes(framed[:8], "big")
    if length > len(framed) - 8 or any(framed[8 + length:]):
        raise ValueError("bad padding")
    return framed[8:8 + length]


def inflate(data: bytes, limit: int = MAX_PART_BYTES) -> bytes:
    """Undo `deflate`, refusing (ValueError) to produce more than *limit* bytes: no zip bomb through the back door."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"not a zlib stream: {exc}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise ValueError("inflates past the limit")
    if not inflater.eof or inflater.unused_data:
        raise ValueError("truncated or trailing data")
    return out


# Encryption to a recipient.
def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _bundle_key(shared: bytes, bundle_id: str, ephemeral: bytes, recipient: bytes) -> bytes:
    info = b"tnld-bundle/1|" + bundle_id.encode("ascii") + b"|" + ephemeral + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _part_key(bundle_key: bytes, name: str) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tnld-part/1|" + name.encode("ascii"))
    return ChaCha20Poly1305(key.derive(bundle_key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class Encryptor:
    """Encrypts the parts of one bundle to one recipient; `ephemeral` goes into the manifest."""

    def __init__(self, recipient: X25519PublicKey, bundle_id: str) -> None:
        ephemeral_key = X25519PrivateKey.generate()
        self.ephemeral = raw_public(ephemeral_key.public_key())
        self._key = _bundle_key(ephemeral_key.exchange(recipient), bundle_id, self.ephemeral, raw_public(recipient))

    def encrypt(self, name: str, data: bytes) -> bytes:
        aead = _part_key(self._key, name)
        count = max(1, -(-len(data) // CHUNK))
        out = bytearray()
        for index in range(count):
            chunk = data[index * CHUNK:(index + 1) * CHUNK]
            out += aead.encrypt(_nonce(index, index == count - 1), chunk, None)
        return bytes(out)


class Decryptor:
    def __init__(self, own_key: X25519PrivateKey, ephemeral: bytes, bundle_id: str) -> None:
        recipient = raw_public(own_key.public_key())
        try:
            shared = own_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        except ValueError:
            raise ValueError("bad ephemeral key") from None
        self._key = _bundle_key(shared, bundle_id, ephemeral, recipient)

    def decrypt(self, name: str, data: bytes) -> bytes:
        """The plaintext, or ValueError if any chunk was changed, dropped, reordered or the end cut off."""
        aead = _part_key(self._key, name)
        step = CHUNK + TAG
        count = max(1, -(-len(data) // step))
        out = bytearray()
        for index in range(count):
            chunk = data[index * step:(index + 1) * step]
            try:
                out += aead.decrypt(_nonce(index, index == count - 1), chunk, None)
            except InvalidTag:
                raise ValueError(f"chunk {index} of {name} does not decrypt") from None
        return bytes(out)
