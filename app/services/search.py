"""Search as you type over the accident list, in memory (SPEC § 10: ≤ 50 ms a keystroke on 100,000 records).

The database answers searches too (FTS5 trigram and word indexes), but a query of one to three letters matches
half the records, and handing 50,000 ids out of SQLite took 70–160 ms here, more on an old PC. So the desktop
list loads each record's list columns and folded words once (in a background thread: the list shows the
database's order meanwhile) and filters them in memory:

- columns, not objects: filtering is list comprehensions over plain lists and arrays;
- void records apart, so the usual view (voids hidden) needs no status pass;
- typing on narrows the previous keystroke's result instead of scanning everything again.

Matching follows the same rule as the database (`app.core.text.matches`): a test checks that both agree.
No Qt here: the desktop list model holds one of these.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, replace
from itertools import compress, repeat
from operator import and_, contains

from app.core.progress import Cancel, Progress
from app.core.progress import check as check_cancel
from app.core.text import SHORT_TERM, search_terms, search_words
from app.db.accident_store import AccidentStore, Filters
from app.db.connection import scan_cache

_COLUMNS = "occurred_on, rid, id, status, unit, village, deaths, serious, search"


class _Part:
    """Parallel columns of one group of records (live or void), oldest first (by date, then storage order).

    Plain lists of shared strings and arrays of numbers: ~100 bytes a record besides its id and words, where a
    tuple and a dict entry per record cost as much again (SPEC § 10: 300 MB with 100,000 accidents open)."""

    __slots__ = ("dates", "rids", "ids", "units", "villages", "deaths", "serious", "words", "initials")

    def __init__(self) -> None:
        self.dates: list[str] = []
        self.rids = array("q")
        self.ids: list[str] = []
        self.units: list[str] = []
        self.villages: list[str | None] = []
        self.deaths = array("l")
        self.serious = array("l")
        self.words: list[str] = []
        self.initials = array("Q")  # per record a bit for each letter or digit a word begins with

    def __len__(self) -> int:
        return len(self.ids)

    def append(self, row: tuple) -> None:
        """*row* as `_COLUMNS` gives it, with the search text already turned into `search_words`."""
        self.dates.append(row[0])
        self.rids.append(row[1])
        self.ids.append(row[2])
        self.units.append(row[4])
        self.villages.append(row[5])
        self.deaths.append(row[6])
        self.serious.append(row[7])
        self.words.append(row[8])
        self.initials.append(_initials(row[8]))

    def sort(self) -> None:
        """Put the appended records in order: by date, then storage order (two stable passes, no key tuples)."""
        order = sorted(range(len(self.ids)), key=self.rids.__getitem__)
        order.sort(key=self.dates.__getitem__)
        for name in self.__slots__:
            column = getattr(self, name)
            taken = [column[i] for i in order]
            setattr(self, name, array(column.typecode, taken) if isinstance(column, array) else taken)

    def insert(self, row: tuple) -> None:
        date, rid = row[0], row[1]
        low = bisect.bisect_left(self.dates, date)
        high = bisect.bisect_right(self.dates, date, low)
        at = bisect.bisect(self.rids, rid, low, high)
        self.dates.insert(at, date)
        self.rids.insert(at, rid)
        self.ids.insert(at, row[2])
        self.units.insert(at, row[4])
        self.villages.insert(at, row[5])
        self.deaths.insert(at, row[6])
        self.serious.insert(at, row[7])
        words = search_words(row[8])
        self.words.insert(at, words)
        self.initials.insert(at, _initials(words))

    def remove(self, accident_id: str) -> bool:
        try:
            at = self.ids.index(accident_id)  # ~1 ms on 100,000: once a save, not worth a dict of positions
        except ValueError:
            return False
        for name in self.__slots__:
            del getattr(self, name)[at]
        return True

    def select(self, filters: Filters, terms: list[str], within: list[int] | None) -> list[int]:
        """Positions that pass the filters, in ascending order; *within* narrows a previous result."""
        positions = within
        for term in terms:
            needle = " " + term if len(term) < SHORT_TERM else term
            words = self.words
            bit = _BITS.get(term) if len(term) == 1 else None
            if positions is None and bit is not None:  # the first letter typed: the records' initials, not text
                positions = list(compress(range(len(words)), map(and_, self.initials, repeat(bit))))
            elif positions is None:  # the first term scans every record: a C loop (map), not a comprehension
                positions = list(compress(range(len(words)), map(contains, words, repeat(needle))))
            else:
                positions = list(compress(positions, map(contains, map(words.__getitem__, positions),
                                                           repeat(needle))))
        if positions is None:
            positions = list(range(len(self.ids)))
        if filters.period is not None:
            low = bisect.bisect_left(self.dates, filters.period.start.isoformat())
            high = bisect.bisect_right(self.dates, filters.period.end.isoformat())
            positions = [i for i in positions if low <= i < high]
        if filters.units:
            units = set(filters.units)
            positions = [i for i in positions if self.units[i] in units]
        if filters.severity == "fatal":
            positions = [i for i in positions if self.deaths[i]]
        elif filters.severity == "serious":
            positions = [i for i in positions if self.serious[i]]
        if filters.village:
            positions = [i for i in positions if self.villages[i] == filters.village]
        return positions


_BITS = {c: 1 << n for n, c in enumerate("abcdefghijklmnopqrstuvwxyz0123456789")}
_INITIAL = re.compile(r" (\w)")


def _initials(words: str) -> int:
    """The bits of the letters and digits the words of *words* (from `search_words`) begin with."""
    bits = 0
    for initial in set(_INITIAL.findall(words)):
        bits |= _BITS.get(initial, 0)
    return bits


@dataclass
class _Last:
    filters: Filters
    terms: list[str]
    live: list[int]
    void: list[int]


def _narrows(old: list[str], new: list[str]) -> bool:
    """Whether every record matching *new* matches *old* too (the user typed on)."""
    if len(new) < len(old):
        return False
    for before, after in zip(old, new, strict=False):
        if not after.startswith(before):
            return False
        if len(before) < SHORT_TERM <= len(after):
            return False  # a word beginning became a part of a word: not a narrowing
    return True


class SearchIndex:
    """The list's records in memory; `find` gives their ids newest first, as the database's list order."""

    def __init__(self, store: AccidentStore, live: _Part, void: _Part) -> None:
        self.store = store
        self._live = live
        self._void = void
        self._last: _Last | None = None

    @classmethod
    def load(cls, store: AccidentStore, progress: Progress | None = None, cancel: Cancel | None = None
             ) -> SearchIndex:
        """Read every record's list columns once: a sequential scan, sorted here (no lookup per row). A cancel
        raises `Cancelled` (never a partial index, which would hide records from the list)."""
        total = store.db.execute("SELECT count(*) FROM accidents").fetchone()[0]
        live, void = _Part(), _Part()
        done = 0
        shared = {}.setdefault
        with scan_cache(store.db):
            cursor = store.db.execute(f"SELECT {_COLUMNS} FROM accidents")
            try:
                while batch := cursor.fetchmany(20_000):
                    # Straight into the columns: the words replace the stored text at once (one copy of each
                    # record's text in memory); one copy of each date, unit and village (few distinct values).
                    for row in batch:
                        (void if row[3] == "void" else live).append(
                            (shared(row[0], row[0]), row[1], row[2], None, shared(row[4], row[4]),
                             shared(row[5], row[5]), row[6], row[7], search_words(row[8])))
                    done += len(batch)
                    if progress is not None:
                        progress(done, total)
                    check_cancel(cancel)
            finally:
                cursor.close()
        live.sort()
        void.sort()
        return cls(store, live, void)

    def __len__(self) -> int:
        return len(self._live) + len(self._void)

    def live_count(self) -> int:
        """Records that are not void."""
        return len(self._live)

    def id_strings(self) -> dict[str, str]:
        """Each record's id string as this index holds it (for another index to share it rather than copy it)."""
        return {i: i for part in (self._live, self._void) for i in part.ids}

    def refresh(self, accident_id: str) -> None:
        """Take a record's newest state from the database (after a save, a void, an import)."""
        self._last = None
        if not self._live.remove(accident_id):
            self._void.remove(accident_id)
        row = self.store.db.execute(f"SELECT {_COLUMNS} FROM accidents WHERE id = ?", (accident_id,)).fetchone()
        if row is not None:
            (self._void if row[3] == "void" else self._live).insert(row)

    def find(self, filters: Filters | None = None) -> list[str]:
        """Ids of the records that pass *filters*, newest accident first."""
        filters = filters or Filters()
        terms = search_terms(filters.search)
        last = self._last
        within_live = within_void = None
        if last is not None and replace(last.filters, search="") == replace(filters, search="") and last.terms \
                and _narrows(last.terms, terms):
            within_live, within_void = last.live, last.void
        live = self._live.select(filters, terms, within_live)
        void = self._void.select(filters, terms, within_void) if filters.include_void else []
        self._last = _Last(filters, terms, live, void)
        if not void:
            return list(map(self._live.ids.__getitem__, reversed(live)))
        merged = sorted([(p.dates[i], p.rids[i], p.ids[i]) for p, found in ((self._live, live), (self._void, void))
                         for i in found], reverse=True)
        return [accident_id for _date, _rid, accident_id in merged]
