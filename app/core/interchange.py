"""The interchange format: JSON Lines, one record per line (an accident, or a serious technical incident marked
`"kind": "incident"`), with the field names of SPEC § 3.

The reader refuses a file it cannot trust as a whole (missing, empty, not UTF-8, a line that is not JSON or
absurdly long) with a message that names the line; field problems are left to `parse_accident` and
validation, which name line and field. The writer emits every field in SPEC order, so reading what it wrote
gives the same records back. See docs/interchange.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from app.core.errors import UserError
from app.core.fsutil import atomic_writer, input_file, unreadable
from app.core.messages import Ref
from app.core.model import ACCIDENT_FIELDS, INCIDENT_FIELDS, INCIDENT_KIND, VICTIM_FIELDS, is_incident

MAX_LINE_BYTES = 1024 * 1024  # one accident is a few kilobytes; a megabyte-long line is the wrong file
MAX_DEPTH = 16  # lists and objects inside each other: a record has 4 levels (record, victims, victim, codes)
_BRACKETS_WORTH_COUNTING = MAX_DEPTH + 1  # fewer opening brackets than this cannot nest too deep
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(rb"[\[\]{}]")


def nesting(raw: bytes) -> int:
    """How deep the lists and objects of a JSON text go (brackets inside strings do not count)."""
    if raw.count(b"[") + raw.count(b"{") < _BRACKETS_WORTH_COUNTING:
        return 0
    depth = deepest = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub(b"", raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class DuplicateKey(ValueError):
    """A JSON object names one key twice: Python keeps the last, another reader may keep the first, so the two
    would not read the same record. Refused everywhere TNLĐ reads JSON from outside."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice in one object")
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return out


def _no_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def loads_strict(text: str | bytes) -> Any:
    """`json.loads` as the JSON standard has it: refusing an object with a key twice (`DuplicateKey`, a
    ValueError) and the NaN and Infinity that Python alone accepts (`json.JSONDecodeError`)."""
    return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)


def read_jsonl(path: Path, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of *path*; raise `UserError` at the first bad line."""
    path = input_file(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise unreadable(path, exc) from exc
    with handle:
        try:
            yield from read_lines(handle, str(path), max_line_bytes)
        except OSError as exc:  # a failing stick, or a file of the system that cannot be read (/proc/self/mem)
            raise unreadable(path, exc) from exc
        except UserError as error:
            if error.params.get("line") != 1:
                raise
            # The first line already fails: a bundle, a key card or a PDF given instead? Say what it is.
            from app.core.filekinds import wrong_kind

            raise wrong_kind(path, expected=("jsonl",), quiet=("json", "other", "zip", "empty")) or error from None


def read_lines(handle: BinaryIO, name: str, max_line_bytes: int = MAX_LINE_BYTES,
               allow_empty: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """The same reader over an open binary stream (a bundle's records part, held in memory)."""
    seen_any = False
    number = 0
    while True:
        raw = handle.readline(max_line_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_line_bytes:
            raise UserError("jsonl.too_long", line=number, limit=max_line_bytes)
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a byte-order mark, as Notepad writes
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UserError("jsonl.not_utf8", line=number, byte=f"0x{raw[exc.start]:02x}",
                            position=exc.start + 1) from exc
        if not text.strip():
            continue
        depth = nesting(raw)
        if depth > MAX_DEPTH:
            raise UserError("jsonl.too_deep", line=number, depth=depth)
        try:
            value = loads_strict(text)
        except DuplicateKey as exc:
            raise UserError("jsonl.duplicate_key", line=number, key=exc.key) from None
        except json.JSONDecodeError as exc:
            # A line cut short fails after its newline ("line 2, column 1" of the text): its own end, then.
            column = exc.colno if exc.lineno == 1 else len(text.rstrip("\r\n")) + 1
            raise UserError("jsonl.bad_json", line=number, reason=Ref("reason.json_syntax"), column=column) from exc
        except ValueError:  # an integer of more than 4,300 digits (Python's limit on converting them)
            raise UserError("jsonl.number_too_long", line=number) from None
        except RecursionError:  # cannot happen below MAX_DEPTH; kept so that no input crashes the reader
            raise UserError("jsonl.too_deep", line=number, depth=depth) from None
        if not isinstance(value, dict):
            raise UserError("jsonl.not_object", line=number)
        seen_any = True
        yield number, value
    if not seen_any and not allow_empty:
        raise UserError("file.empty", path=name)


def to_interchange(accident: Mapping[str, Any]) -> dict[str, Any]:
    """The record with every field of SPEC § 3 in order (victims last), as written to files; an incident starts
    with `"kind": "incident"`."""
    if is_incident(accident):
        return {"kind": INCIDENT_KIND, **{spec.name: accident.get(spec.name) for spec in INCIDENT_FIELDS}}
    out: dict[str, Any] = {spec.name: accident.get(spec.name) for spec in ACCIDENT_FIELDS}
    out["victims"] = [{spec.name: victim.get(spec.name) for spec in VICTIM_FIELDS}
                      for victim in accident.get("victims") or []]
    return out


def dumps(accident: Mapping[str, Any]) -> str:
    """One line of the interchange format (UTF-8 text, no newline)."""
    return json.dumps(to_interchange(accident), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path: Path, accidents: Iterable[Mapping[str, Any]]) -> int:
    """Write the records to *path* atomically; returns how many were written."""
    count = 0
    with atomic_writer(Path(path)) as handle:
        for accident in accidents:
            handle.write(dumps(accident).encode("utf-8"))
            handle.write(b"\n")
            count += 1
    return count
