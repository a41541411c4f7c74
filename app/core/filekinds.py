"""What kind of file the user gave, when it is not what the command expects: a key card given to `import`, a bundle
given to `add`, a backup given to `keys trust`. The message then names the file's kind and the command that takes it,
instead of calling it damaged or truncated.

Only looked at when a file has already been refused, so the common path pays nothing. Reads at most the first
64 KiB, the zip directory and a manifest of at most 1 MiB.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

HEAD_BYTES = 64 * 1024
MAX_MANIFEST = 1024**2

# kind → the message that says what the file is and what to do with it
MESSAGES = {
    "bundle": "file.is_bundle", "receipt": "file.is_receipt", "card": "file.is_card", "backup": "file.is_backup",
    "keyfile": "file.is_keyfile", "jsonl": "file.is_jsonl", "json": "file.is_json", "pdf": "file.is_pdf",
    "spreadsheet": "file.is_spreadsheet", "other": "file.is_other",
}
# kind → its name in a sentence, for a file given where another kind is wanted (not a bundle: a card, a backup…)
NAMES = {kind: f"kind.{kind}" for kind in ("bundle", "receipt", "card", "backup", "keyfile", "jsonl", "json", "pdf",
                                          "spreadsheet")}
_FORMATS = {"tnld-keycard": "card", "tnld-keys": "keyfile", "tnld-backup": "backup"}
_RECORD_KEYS = {"victims", "occurred_on", "what_failed", "unit"}


def kind_of(path: Path) -> str:
    """One of `MESSAGES`' kinds, or 'empty', 'zip' (some other or a damaged zip), 'unreadable'."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return "unreadable"
    if not head:
        return "empty"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(Path(path))
    if b"%PDF-" in head[:1024]:
        return "pdf"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"{", b"[")):
        return _json_kind(head.removeprefix(b"\xef\xbb\xbf"))
    return "other"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "spreadsheet" if any(name.startswith("xl/") for name in names) else "zip"
            if "manifest.json" not in names or archive.getinfo("manifest.json").file_size > MAX_MANIFEST:
                return "zip"
            manifest = json.loads(archive.read("manifest.json"))
    except Exception:  # noqa: BLE001 - a zip that does not open is damaged, whatever it was meant to be
        return "zip"
    if not isinstance(manifest, dict):
        return "zip"
    if manifest.get("format") == "tnld-bundle":
        return "receipt" if manifest.get("kind") == "receipt" else "bundle"
    return _FORMATS.get(manifest.get("format"), "zip")


def _json_kind(head: bytes) -> str:
    try:
        value = json.loads(head.decode("utf-8"))
    except (ValueError, RecursionError):
        try:  # JSON Lines: the first line is a record of its own
            value = json.loads(head.split(b"\n", 1)[0].decode("utf-8"))
        except (ValueError, RecursionError):
            return "json"
    if isinstance(value, dict):
        if value.get("format") in _FORMATS:
            return _FORMATS[value["format"]]
        if _RECORD_KEYS & set(value):
            return "jsonl"
    return "json"


def wrong_kind(path: Path, expected: tuple[str, ...], quiet: tuple[str, ...] = ()):
    """The `UserError` saying what *path* is, when it is not one of the *expected* kinds; None when it is, or when it is
    one of the *quiet* kinds (the caller's own message says more: a damaged zip, an empty file)."""
    from app.core.errors import UserError
    from app.core.messages import Ref

    kind = kind_of(path)
    if kind in expected or kind in quiet or kind not in MESSAGES:
        return None
    if "bundle" in expected or kind in ("keyfile", "other") or expected[0] not in NAMES:
        return UserError(MESSAGES[kind], path=str(path))  # these say what to do with it instead
    # Not a bundle that was wanted: the bundle messages' advice ("give the .tnld file the sender made") is wrong.
    return UserError("file.wrong_kind", path=str(path), kind=Ref(NAMES[kind]), wanted=Ref(NAMES[expected[0]]))
