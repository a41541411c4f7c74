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


_NOT_WORD = re.compile(r"[^\w]+|_+")
SHORT_TERM = 3  # terms shorter than this match the beginning of a word; longer ones anywhere in a word


def search_terms(query: str) -> list[str]:
    """The folded words of a search query (punctuation is a separator), each of which must match."""
    return [word for word in _NOT_WORD.split(fold(query)) if word]


# Folded texts are nearly all ASCII: mapping its punctuation to spaces is ten times faster than a regex split.
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r…–—“”‘’«»·"})


def search_words(folded_text: str) -> str:
    """A folded text with punctuation turned into spaces and padded with a space: what `matches` reads."""
    return " " + folded_text.translate(_PUNCTUATION) + " "


def matches(words: str, terms: list[str]) -> bool:
    """True when every term matches *words* (from `search_words`), in any order: a term of one or two
    letters at the beginning of a word, a longer term anywhere in a word. The database search (FTS5 word and
    trigram indexes) applies the same rule."""
    return all((" " + term) in words if len(term) < SHORT_TERM else term in words for term in terms)
