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
# Characters that show nothing but change what a text says or how it sorts and matches: the bidirectional controls
# (U+202E makes "Văn" read backwards), zero-width spaces and joiners, the word joiner, the byte-order mark.
INVISIBLE = "\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069"
# They, and the control characters (C0 and C1) other than tab and newline, have no place in a record.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + INVISIBLE + "]")
# A one-line text (a name, a village) keeps no line break or tab: they become one space.
_BREAKS = re.compile(r"[ ]*[\t\n\r\x0b\x0c\x85\u2028\u2029]+[ ]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
# đ is a letter of its own, not d with a mark, so NFD does not decompose it; ð is its common look-alike.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def clean(text: str, multiline: bool = False) -> str:
    """NFC, invisible and control characters removed, ends stripped: the form in which a text is stored. Only a
    *multiline* text (a description) keeps its line breaks and tabs."""
    return cleaned(text, multiline)[0]


def cleaned(text: str, multiline: bool = False) -> tuple[str, bool]:
    """`clean(text)`, and whether invisible or control characters were removed (the user is told: they may hide
    what a text really says). Line breaks made into spaces in a one-line text do not count."""
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text.strip(), False  # the common case, three times faster
    text = nfc(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n") if multiline else _BREAKS.sub(" ", text)
    kept = _CONTROL.sub("", text)
    return kept.strip(), len(kept) != len(text)


def has_surrogates(text: str) -> bool:
    """True when *text* holds half of a UTF-16 pair (from a JSON escape such as \\ud800): not a character, and not
    storable as UTF-8."""
    return not text.isprintable() and _SURROGATE.search(text) is not None


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
