"""Vietnamese text rules, in one place (STYLE § 10).

Every text that enters the program is normalised to NFC: decomposed Vietnamese renders wrongly in reportlab
and breaks search. Search works on a *folded* key: diacritics removed, đ/Đ turned into d, case folded,
white space collapsed, so that "nga cao" finds "Ngã từ trên cao" and "dak" finds "Đắk".
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"\s+")
# Control characters other than tab and newline have no place in a record.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# đ is a letter of its own, not d with a mark, so NFD does not decompose it; ð is its common look-alike.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, control characters removed, ends stripped: the form in which a text is stored."""
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text.strip()  # the common case, three times faster
    return _CONTROL.sub("", nfc(text)).strip()


def fold(text: str) -> str:
    """The search key of *text*: no diacritics, đ→d, case folded, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = _COMBINING.sub("", decomposed).casefold().translate(_D_TABLE)
    return _SPACES.sub(" ", stripped).strip()


def search_terms(query: str) -> list[str]:
    """The folded words of a search query, each of which must occur somewhere in the text searched."""
    return [word for word in fold(query).split(" ") if word]


def matches(folded_text: str, terms: list[str]) -> bool:
    """True when every term occurs in *folded_text*, in any order."""
    return all(term in folded_text for term in terms)
