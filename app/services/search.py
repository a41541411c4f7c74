"""Search as you type over the accident list, in memory (SPEC § 10: ≤ 50 ms a keystroke on 100,000 records).

The database answers searches too (FTS5 trigram and word indexes), but a query of one to three letters matches
half the records, and handing 50,000 ids out of SQLite took 70–160 ms here, more on an old PC. So the desktop
list loads each record's list columns and folded words once (in a background thread: the list shows the
database's order meanwhile) and filters them in memory:

- columns, not objects: loading is one `zip`, filtering is list comprehensions over plain lists;
- void records apart, so the usual view (voids hidden) needs no status pass;
- typing on narrows the previous keystroke's result instead of scanning everything again.

Matching follows the same rule as the database (`app.core.text.matches`): a test checks that both agree.
No Qt here: the desktop list model holds one of these.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from itertools import compress

from app.core.progress import Cancel, Progress
from app.core.progress import check as check_cancel
from app.core.text import SHORT_TERM, search_terms, search_words
from app.db.accident_store import AccidentStore, Filters
from app.db.connection import scan_cache

_COLUMNS = "occurred_on, rid, id, status, unit, village, deaths, serious, search"


class _Part:
    """Parallel columns of one group of records (live or void), oldest first."""

    __slots__ = ("keys", "ids", "units", "villages", "deaths", "serious", "words", "key_of")

    def __init__(self, rows: list[tuple]) -> None:
        """*rows* as `_COLUMNS` gives them, with the search text already turned into `search_words`."""
        rows.sort()
        self.keys: list[tuple[str, int]] = [(row[0], row[1]) for row in rows]
        self.ids: list[str] = [row[2] for row in rows]
        self.units: list[str] = [row[4] for row in rows]
        self.villages: list[str | None] = [row[5] for row in rows]
        self.deaths: list[int] = [row[6] for row in rows]
        self.serious: list[int] = [row[7] for row in rows]
        self.words: list[str] = [row[8] for row in rows]
        self.key_of: dict[str, tuple[str, int]] = dict(zip(self.ids, self.keys, strict=True))

    def __len__(self) -> int:
        return len(self.ids)

    def insert(self, row: tuple) -> None:
        key = (row[0], row[1])
        at = bisect.bisect(self.keys, key)
        self.key_of[row[2]] = key
        self.keys.insert(at, key)
        self.ids.insert(at, row[2])
        self.units.insert(at, row[4])
        self.villages.insert(at, row[5])
        self.deaths.insert(at, row[6])
        self.serious.insert(at, row[7])
        self.words.insert(at, search_words(row[8]))

    def remove(self, accident_id: str) -> bool:
        key = self.key_of.pop(accident_id, None)
        if key is None:
            return False
        at = bisect.bisect_left(self.keys, key)
        for column in (self.keys, self.ids, self.units, self.villages, self.deaths, self.serious, self.words):
            del column[at]
        return True

    def select(self, filters: Filters, terms: list[str], within: list[int] | None) -> list[int]:
        """Positions that pass the filters, in ascending order; *within* narrows a previous result."""
        positions = within
        for term in terms:
            needle = " " + term if len(term) < SHORT_TERM else term
            words = self.words
            if positions is None:
                positions = list(compress(range(len(words)), [needle in w for w in words]))
            else:
                positions = [i for i in positions if needle in words[i]]
        if positions is None:
            positions = list(range(len(self.ids)))
        if filters.period is not None:
            start, end = (filters.period.start.isoformat(), -1), (filters.period.end.isoformat(), 1 << 62)
            low, high = bisect.bisect_left(self.keys, start), bisect.bisect_right(self.keys, end)
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

    def __init__(self, store: AccidentStore, rows: list[tuple]) -> None:
        self.store = store
        self._live = _Part([row for row in rows if row[3] != "void"])
        self._void = _Part([row for row in rows if row[3] == "void"])
        self._last: _Last | None = None

    @classmethod
    def load(cls, store: AccidentStore, progress: Progress | None = None, cancel: Cancel | None = None
             ) -> SearchIndex:
        """Read every record's list columns once: a sequential scan, sorted here (no lookup per row). A cancel
        raises `Cancelled` (never a partial index, which would hide records from the list)."""
        total = store.db.execute("SELECT count(*) FROM accidents").fetchone()[0]
        rows: list[tuple] = []
        shared = {}.setdefault
        with scan_cache(store.db):
            cursor = store.db.execute(f"SELECT {_COLUMNS} FROM accidents")
            try:
                while batch := cursor.fetchmany(20_000):
                    # The words replace the stored text at once: one copy of each record's text in memory; one
                    # copy of each date, status, unit and village (100,000 rows, few distinct values).
                    rows.extend((shared(row[0], row[0]), row[1], row[2], shared(row[3], row[3]),
                                 shared(row[4], row[4]), shared(row[5], row[5]), row[6], row[7],
                                 search_words(row[8])) for row in batch)
                    if progress is not None:
                        progress(len(rows), total)
                    check_cancel(cancel)
            finally:
                cursor.close()
        return cls(store, rows)

    def __len__(self) -> int:
        return len(self._live) + len(self._void)

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
            return [self._live.ids[i] for i in reversed(live)]
        merged = sorted([(self._live.keys[i], self._live.ids[i]) for i in live]
                        + [(self._void.keys[i], self._void.ids[i]) for i in void], reverse=True)
        return [accident_id for _key, accident_id in merged]
