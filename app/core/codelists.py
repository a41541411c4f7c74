"""Reference code lists (SPEC § 4), loaded from CSV data files.

Each list is a file `NAME.csv` with the header `code,name_vi,name_en,parent,valid_from,valid_to,note`, optionally
followed by `official_code`: the code an official list gives the item when ours is a working list (the factors of
Circular 13/2020 Phụ lục IV: empty until that list is in hand), printed beside the name on the register.
The bundled files live in `resources/codelists/`; a file of the same name in a data folder's `codelists/`
replaces the bundled one, so a newer official list needs no code change. A list's *version* is derived from
its content (the first 12 hex digits of its SHA-256), so a replaced file is told apart in bundles and reports.
Lists are read lazily, on first use: start-up pays nothing for the 3,355 administrative units.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.resources import resources_dir
from app.core.text import fold, nfc, search_terms

HEADER = ["code", "name_vi", "name_en", "parent", "valid_from", "valid_to", "note"]
OPTIONAL = ["official_code"]  # columns a list may add after HEADER, in this order


class CodeListError(Exception):
    """A code-list file is malformed: a packaging or data error, not a user's."""


@dataclass(slots=True)
class Code:
    """One code of a list. Not frozen: a frozen dataclass takes twice as long to build, and the 3,355
    administrative units are built at the first look-up."""

    code: str
    name_vi: str
    name_en: str
    parent: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    note: str
    official_code: str = ""  # the item's code in the official list, when ours is a working list and it has one

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def validity(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{start} – {end}"

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


class CodeList:
    """One list: look-up by code, children of a code, search by any part of the name without diacritics."""

    def __init__(self, name: str, codes: Iterable[Code], version: str, source: Path | None = None) -> None:
        self.name = name
        self.version = version
        self.source = source
        self._codes: dict[str, Code] = {}
        self._children: dict[str | None, list[Code]] = {}
        self._folded: dict[str, str] | None = None  # code → fold(name_vi + name_en), built at the first search
        for code in codes:
            if code.code in self._codes:
                raise CodeListError(f"{name}: code {code.code!r} appears twice")
            self._codes[code.code] = code
            self._children.setdefault(code.parent, []).append(code)
        for code in self._codes.values():
            if code.parent is not None and code.parent not in self._codes:
                raise CodeListError(f"{name}: code {code.code!r} has unknown parent {code.parent!r}")

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self):
        return iter(self._codes.values())

    def get(self, code: str | None) -> Code | None:
        return self._codes.get(code) if code is not None else None

    def label(self, code: str | None, lang: str = "vi") -> str:
        entry = self.get(code)
        return entry.name(lang) if entry else (code or "")

    def children(self, code: str | None) -> list[Code]:
        return list(self._children.get(code, []))

    def roots(self) -> list[Code]:
        return self.children(None)

    def root_of(self, code: str) -> Code | None:
        """The top-level ancestor of *code* (for causes: its group A, B or C)."""
        entry = self.get(code)
        while entry is not None and entry.parent is not None:
            entry = self.get(entry.parent)
        return entry

    def search(self, query: str, limit: int | None = None, on: dt.date | None = None) -> list[Code]:
        """Codes whose code starts with, or whose name contains, every word of *query* (diacritics ignored).

        Exact code matches come first, then names that start with the query, then the rest in list order.
        With *on*, only codes valid on that day are returned.
        """
        if self._folded is None:
            self._folded = {entry.code: fold(f"{entry.name_vi} {entry.name_en}") for entry in self._codes.values()}
        folded_names = self._folded
        terms = search_terms(query)
        if not terms:
            found = list(self._codes.values())
        else:
            folded_query = " ".join(terms)
            exact, prefix, rest = [], [], []
            for entry in self._codes.values():
                code_folded = entry.code.casefold()
                if code_folded == folded_query:
                    exact.append(entry)
                elif all(term in folded_names[entry.code] for term in terms):
                    (prefix if folded_names[entry.code].startswith(folded_query) else rest).append(entry)
                elif len(terms) == 1 and code_folded.startswith(folded_query):
                    prefix.append(entry)
            found = exact + prefix + rest
        if on is not None:
            found = [entry for entry in found if entry.valid_on(on)]
        return found[:limit] if limit else found


def _parse_date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CodeListError(f"{where}: bad date {text!r}") from exc


def parse_codelist(name: str, data: bytes, source: Path | None = None) -> CodeList:
    """Parse the bytes of a code-list CSV (UTF-8, optional BOM, RFC 4180)."""
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or header[:len(HEADER)] != HEADER or header[len(HEADER):] != OPTIONAL[:len(header) - len(HEADER)]:
        raise CodeListError(f"{name}: header must be {','.join(HEADER)} (then optionally {','.join(OPTIONAL)}), "
                            f"found {header}")
    codes = []
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise CodeListError(f"{name} line {number}: {len(row)} columns, expected {len(header)}")
        cells = [cell.strip() if unicodedata.is_normalized("NFC", cell) else nfc(cell.strip()) for cell in row]
        code, name_vi, name_en, parent, valid_from, valid_to, note = cells[:len(HEADER)]
        official = cells[len(HEADER)] if len(cells) > len(HEADER) else ""
        if not code:
            raise CodeListError(f"{name} line {number}: empty code")
        where = f"{name} line {number}"
        codes.append(
            Code(
                code=code,
                name_vi=name_vi,
                name_en=name_en,
                parent=parent or None,
                valid_from=_parse_date(valid_from, where),
                valid_to=_parse_date(valid_to, where),
                note=note,
                official_code=official,
            )
        )
    version = hashlib.sha256(data).hexdigest()[:12]
    return CodeList(name, codes, version, source)


class CodeLists:
    """All code lists, read on first use from the override folder or the bundled resources."""

    def __init__(self, override_dir: Path | None = None, bundled_dir: Path | None = None) -> None:
        self._dirs = [d for d in (override_dir, bundled_dir or resources_dir() / "codelists") if d is not None]
        self._lists: dict[str, CodeList] = {}

    def path_of(self, name: str) -> Path:
        for directory in self._dirs:
            candidate = directory / f"{name}.csv"
            if candidate.is_file():
                return candidate
        raise CodeListError(f"code list {name!r} not found in {', '.join(map(str, self._dirs))}")

    def __getitem__(self, name: str) -> CodeList:
        loaded = self._lists.get(name)
        if loaded is None:
            path = self.path_of(name)
            loaded = self._lists[name] = parse_codelist(name, path.read_bytes(), path)
        return loaded

    def names(self) -> list[str]:
        found: set[str] = set()
        for directory in self._dirs:
            found.update(path.stem for path in directory.glob("*.csv"))
        return sorted(found)

    def versions(self) -> dict[str, str]:
        """Name → content version of every list: recorded in bundles and reports."""
        return {name: self[name].version for name in self.names()}

    # Administrative units: provinces have 2-digit codes, communes 5-digit codes with the province as parent.
    def is_province(self, code: str | None) -> bool:
        entry = self["admin_units"].get(code)
        return entry is not None and entry.parent is None

    def is_commune(self, code: str | None) -> bool:
        entry = self["admin_units"].get(code)
        return entry is not None and entry.parent is not None

    def province_of(self, commune: str) -> str | None:
        entry = self["admin_units"].get(commune)
        return entry.parent if entry else None

    def communes_of(self, province: str) -> list[Code]:
        return self["admin_units"].children(province)

    def unit_name(self, code: str | None, lang: str = "vi") -> str:
        return self["admin_units"].label(code, lang)
