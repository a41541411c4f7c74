"""What the desktop program's accident list asks: ids for filters in a chosen order, the rows of one page, the
legal obligations due, the villages and years to filter by (SPEC § 7, § 10).

The list view holds only ids (Anki's browser): it asks `ListIndex.find` for the ids that pass the filters, in
the order of the clicked column, and `page(session, ids)` for the rows it is about to draw (~200 at a time).

`ListIndex` is `app.services.search.SearchIndex` (the in-memory search) plus what sorting on every column,
the status and "sent" filters, the counts of the status bar and the obligations panel need: per accident its
status, first victim (with a Vietnamese sort key, `app.core.collation`), toll, dates and delivery state. It is
loaded once on a worker (its own session); until then the list shows `ids(session, filters)` from the database,
which knows search, period, severity, village and void but not the other sorts.

Sorting: the whole store's order by a column is computed once (on first use) and a result keeps the ids of
that order that it holds: one pass over a list and a set, ~10 ms on 100,000, instead of a sort per keystroke.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import heapq
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.collation import sort_key
from app.core.derived import Obligation, obligations_for
from app.core.periods import Period
from app.core.progress import Cancel, Progress
from app.db.accident_store import SUMMARY_COLUMNS, Filters
from app.db.connection import scan_cache
from app.services.search import SearchIndex
from app.services.workspace import Session

STATUSES = ("confirmed", "draft", "void")
SORTS = ("date", "place", "victim", "victims", "deaths", "serious", "severity", "status", "delivery",
         "obligations")
_FACTS = ("id, status, unit, village, first_victim, victims, deaths, serious, occurred_on, declared_on,"
          " record_ref, rid")


@dataclass(frozen=True)
class ListFilters:
    """What the user chose above the list. `statuses` are the ones shown; `sent` is 'sent' (sent or delivered),
    'unsent' or None; `units` narrows an office's list to some communes."""

    period: Period | None = None
    search: str = ""
    severity: str | None = None  # 'fatal', 'serious' or None
    statuses: frozenset[str] = frozenset({"confirmed", "draft"})
    village: str | None = None
    sent: str | None = None
    units: tuple[str, ...] = ()

    def for_store(self) -> Filters:
        return Filters(period=self.period, search=self.search, include_void="void" in self.statuses,
                       units=self.units, severity=self.severity, village=self.village)


@dataclass(frozen=True)
class Due:
    """A legal obligation not done yet, for the obligations panel."""

    kind: str  # quick_report, record_of_event, investigation
    accident_id: str
    occurred_on: str
    first_victim: str | None
    due: dt.date
    overdue: bool


def _delivery(session: Session, ids: Sequence[str] | None = None) -> dict[str, str]:
    """'delivered' or 'sent' per accident whose current version went in a bundle (all accidents, or *ids*)."""
    if session.role != "commune":
        return {}
    if ids is not None:
        from app.services.records import delivery_states

        return delivery_states(session, ids)
    rows = session.db.execute(
        "SELECT a.id, max(s.delivered_at IS NOT NULL) FROM accidents a"
        " JOIN sent_records s ON s.accident_id = a.id AND s.version = a.version GROUP BY a.id").fetchall()
    return {row[0]: "delivered" if row[1] else "sent" for row in rows}


class ListIndex:
    """The accident list in memory: search (`SearchIndex`), sorts on every column, status and sent filters.

    Each accident has a slot (`_slot`: id → number) in columns of shared strings and arrays of numbers rather
    than an object of its own: with 100,000 accidents, objects and their sort keys cost ~40 MB more (SPEC § 10:
    300 MB with the list open)."""

    def __init__(self, search: SearchIndex, rows: Iterable[tuple], delivery: dict[str, str], rules: Any,
                 today: dt.date) -> None:
        """*rows* as `_FACTS` gives them (id first)."""
        self.search = search
        self.delivery = delivery
        self.rules = rules
        self.today = today
        self._slot: dict[str, int] = {}
        self._status: list[str] = []
        self._unit: list[str] = []
        self._village: list[str | None] = []
        self._first_victim: list[str | None] = []
        self._victims = array("l")
        self._deaths = array("l")
        self._serious = array("l")
        self._occurred_on: list[str] = []
        self._declared_on: list[str | None] = []
        self._has_record = bytearray()  # a record reference marks the obligations done: only whether there is one
        self._rid = array("q")
        self._day = array("l")  # the accident's day as the number YYYYMMDD: ties in a sort, newest first
        self._free: list[int] = []  # slots of accidents gone from the store
        self._orders: dict[str, list[str]] = {}
        self._due: dict[str, tuple[Obligation, ...]] = {}
        self._pending_of: dict[tuple, tuple[Obligation, ...]] = {}
        self._fatal: set[str] = set()
        self._overdue: set[str] = set()
        # The obligations panel's last answer (its entries, how many it was asked for, how many there are): a
        # change to one accident updates it in place, unless the change reaches into the part not kept.
        self._panel: list[tuple] | None = None
        self._panel_limit = 0
        self._panel_total = 0
        for row in rows:
            self._put(row)

    @classmethod
    def load(cls, session: Session, progress: Progress | None = None, cancel: Cancel | None = None) -> ListIndex:
        """Read every accident once (on a worker: ~1 s on 100,000). A cancel raises `Cancelled`."""
        from app.core.progress import check
        search = SearchIndex.load(session.store, progress, cancel)
        index = cls(search, (), _delivery(session), session.rules, session.today())
        shared: dict[Any, Any] = {}  # one copy of each status, unit, village and date (100,000 rows, few values)
        ids = search.id_strings()  # the search index's copy of each id: one string per accident, not two
        with scan_cache(session.db):
            cursor = session.db.execute(f"SELECT {_FACTS} FROM accidents")
            try:
                while batch := cursor.fetchmany(20_000):
                    for row in batch:
                        index._put((ids.get(row[0], row[0]),
                                    *(shared.setdefault(v, v) if isinstance(v, str) else v for v in row[1:4]),
                                    *row[4:8], *(shared.setdefault(v, v) for v in row[8:10]), *row[10:]))
                    check(cancel)
            finally:
                cursor.close()
        index.prepare_sorts()
        return index

    def __len__(self) -> int:
        return len(self._slot)

    def live_count(self) -> int:
        """Accidents that are not void (the status bar's "of N"), as `total` counts them in the database."""
        return self.search.live_count()

    def _put(self, row: tuple) -> None:
        """Store or replace one accident's columns (*row* as `_FACTS` gives it) and what follows from them."""
        accident_id, status, unit, village, first, victims, deaths, serious, occurred, declared, ref, rid = row
        i = self._slot.get(accident_id)
        day = int(occurred.replace("-", "")) if len(occurred) == 10 and occurred.replace("-", "").isdigit() else 0
        values = (status, unit, village, first, victims, deaths, serious, occurred, declared, 1 if ref else 0, rid,
                  day)
        columns = (self._status, self._unit, self._village, self._first_victim, self._victims, self._deaths,
                   self._serious, self._occurred_on, self._declared_on, self._has_record, self._rid, self._day)
        if i is None:
            i = self._slot[accident_id] = self._free.pop() if self._free else len(self._status)
        if i == len(self._status):
            for column, value in zip(columns, values, strict=True):
                column.append(value)
        else:
            for column, value in zip(columns, values, strict=True):
                column[i] = value
        self._note(accident_id, i)

    def _note(self, accident_id: str, i: int) -> None:
        pending = self._pending(i)
        if pending:
            self._due[accident_id] = pending
        else:
            self._due.pop(accident_id, None)
        if self._deaths[i] and self._status[i] != "void":
            self._fatal.add(accident_id)
        else:
            self._fatal.discard(accident_id)
        if any(o.overdue(self.today) for o in pending):
            self._overdue.add(accident_id)
        else:
            self._overdue.discard(accident_id)

    def _pending(self, i: int) -> tuple[Obligation, ...]:
        """The obligations not done of an accident, shared by every accident with the same inputs to the core's
        rule (`obligations_for`: status, dates, whether a record reference marks them done, toll): ~20 times
        fewer calls and objects on a big store."""
        key = (self._status[i] == "void", self._occurred_on[i], self._declared_on[i], self._has_record[i],
               self._deaths[i], self._serious[i])
        found = self._pending_of.get(key)
        if found is None:
            found = self._pending_of[key] = tuple(
                o for o in obligations_for(self._status[i], self._occurred_on[i], self._declared_on[i],
                                           "1" if self._has_record[i] else None, self._deaths[i], self._serious[i],
                                           self.rules)
                if not o.done)
        return found

    def _drop(self, accident_id: str) -> None:
        i = self._slot.pop(accident_id, None)
        if i is not None:
            self._free.append(i)
            self._first_victim[i] = None
        self._due.pop(accident_id, None)
        self._fatal.discard(accident_id)
        self._overdue.discard(accident_id)

    def refresh(self, session: Session, accident_id: str) -> None:
        """Take an accident's newest state from the GUI thread's *session* (after a save, a void)."""
        self.search.store = session.store  # the index was loaded by a worker whose session is closed
        self.search.refresh(accident_id)
        row = session.db.execute(f"SELECT {_FACTS} FROM accidents WHERE id = ?", (accident_id,)).fetchone()
        before = self._due.get(accident_id, ())
        if row is None:
            self._drop(accident_id)
        else:
            self._put(tuple(row))
            self.delivery.pop(accident_id, None)
            self.delivery.update(_delivery(session, [accident_id]))
        self._reorder(accident_id)
        self._panel_follow(accident_id, before)

    def set_today(self, today: dt.date) -> None:
        """A new day (the program left open overnight): obligations may have become overdue."""
        if today != self.today:
            self.today = today
            self._overdue = {i for i, pending in self._due.items() if any(o.overdue(today) for o in pending)}
            self._orders.pop("obligations", None)
            self._panel = None

    # Finding and sorting.
    def find(self, filters: ListFilters, sort: str = "date", descending: bool = True) -> list[str]:
        """The ids that pass *filters*, ordered by the column *sort* (ties: newest accident first)."""
        ids = self.search.find(filters.for_store())
        hidden = {"confirmed", "draft"} - set(filters.statuses)
        if hidden:
            slot, status = self._slot, self._status
            ids = [i for i in ids if status[slot[i]] not in hidden]
        if filters.sent is not None:
            delivery = self.delivery
            ids = [i for i in ids if (i in delivery) == (filters.sent == "sent")]
        if sort == "date" or sort not in SORTS:
            return ids if descending else ids[::-1]
        order = self._order(sort)
        order = order[::-1] if descending else list(order)  # a copy: the kept order changes under later saves
        if len(ids) == len(order):
            return order
        return list(filter(set(ids).__contains__, order))  # no Python bytecode per id: ~2x a comprehension

    def _order(self, sort: str) -> list[str]:
        """Every id ascending by *sort*, ties newest first (then `find` keeps the ones of a result)."""
        if sort not in self._orders:
            self._orders[sort] = sorted(self._slot, key=self._full_key(sort))
        return self._orders[sort]

    def prepare_sorts(self) -> None:
        """Compute the order by victim name on the loading worker: its Vietnamese keys take ~0.3 s on 100,000
        names, a stall the first click on that column would otherwise make in the window."""
        self._order("victim")

    def _full_key(self, sort: str):
        """*sort*'s key, then newest accident first: the day (as YYYYMMDD) and the storage order, negated (ascending on this key is the list's order, so one changed accident is put back in place with
        a bisection rather than a new sort)."""
        key, slot, day, rid = self._key(sort), self._slot, self._day, self._rid

        def full(i: str) -> tuple:
            at = slot[i]
            return key(i), -day[at], -rid[at]
        return full

    def _reorder(self, accident_id: str) -> None:
        """Put one changed (or new, or gone) accident back in place in every order computed so far."""
        for sort, order in list(self._orders.items()):
            if sort == "obligations":
                del self._orders[sort]  # follows today and the obligations: made again when asked
                continue
            with contextlib.suppress(ValueError):
                order.remove(accident_id)
            if accident_id in self._slot:
                bisect.insort(order, accident_id, key=self._full_key(sort))

    def _key(self, sort: str):
        slot, delivery = self._slot, self.delivery
        if sort == "victim":  # the Vietnamese keys live only while sorting (12 MB on 100,000)
            first = self._first_victim
            return lambda i: sort_key(first[slot[i]])
        if sort == "place":
            unit, village = self._unit, self._village
            keys: dict[str | None, str] = {}  # few villages: each key made once

            def place(i: str) -> tuple[str, str]:
                name = village[slot[i]]
                found = keys.get(name)
                if found is None:
                    found = keys[name] = sort_key(name)
                return unit[slot[i]], found
            return place
        if sort in ("victims", "deaths", "serious"):
            column = {"victims": self._victims, "deaths": self._deaths, "serious": self._serious}[sort]
            return lambda i: column[slot[i]]
        if sort == "severity":
            deaths, serious = self._deaths, self._serious
            return lambda i: 2 if deaths[slot[i]] else 1 if serious[slot[i]] else 0
        if sort == "status":
            status = self._status
            return lambda i: STATUSES.index(status[slot[i]]) if status[slot[i]] in STATUSES else 9
        if sort == "delivery":
            return lambda i: {"delivered": 2, "sent": 1}.get(delivery.get(i, ""), 0)
        due = self._due
        today = self.today
        far = dt.date.max

        def obligation_key(i: str) -> tuple[int, dt.date]:
            pending = due.get(i)
            if not pending:
                return (2, far)
            first = min(o.due for o in pending)
            return (0 if first < today else 1, first)
        return obligation_key

    # Counts and obligations.
    def counts(self, ids: Iterable[str]) -> dict[str, int]:
        """Fatal and overdue (not void) among *ids* (the status bar): two set intersections, ~5 ms on 100,000."""
        return {"fatal": len(self._fatal.intersection(ids)), "overdue": len(self._overdue.intersection(ids))}

    def obligations_due(self, limit: int = 500) -> tuple[list[Due], int]:
        """The obligations not done yet, overdue first, then by due date; at most *limit*, and how many there
        are in all. The panel is refreshed after every change, a colleague's saves included (found by the attack
        session: 20,000 objects built and sorted each time stalled the window): the answer is kept and a change
        to one accident updates it (`_panel_follow`); a full pass picks the *limit* first without sorting all."""
        if self._panel is None or self._panel_limit != limit:
            slot, occurred = self._slot, self._occurred_on
            shared: dict[int, list[tuple]] = {}  # per shared tuple of pending obligations

            def entries():
                for accident_id, pending in self._due.items():
                    keyed = shared.get(id(pending))
                    if keyed is None:
                        keyed = shared[id(pending)] = self._keyed(pending)
                    day = occurred[slot[accident_id]]
                    for not_overdue, due, kind, obligation in keyed:
                        yield not_overdue, due, day, accident_id, kind, obligation

            self._panel = heapq.nsmallest(2 * limit, entries(), key=_panel_key)  # twice: room to follow changes
            self._panel_limit = limit
            self._panel_total = sum(map(len, self._due.values()))
        first, slot = self._first_victim, self._slot
        return [Due(kind, accident_id, day, first[slot[accident_id]], due, not not_overdue)
                for not_overdue, due, day, accident_id, kind, _obligation in self._panel[:limit]], self._panel_total

    def _keyed(self, pending: tuple[Obligation, ...]) -> list[tuple]:
        today = self.today
        return [(not o.overdue(today), o.due, o.kind, o) for o in pending]

    def _panel_follow(self, accident_id: str, before: tuple[Obligation, ...]) -> None:
        """Update the kept panel after *accident_id* changed (its pending obligations were *before*). The kept
        entries are the first of all in order; those not kept are unknown but come after every kept one."""
        kept = self._panel
        if kept is None:
            return
        after = self._due.get(accident_id, ())
        self._panel_total += len(after) - len(before)
        kept = [entry for entry in kept if entry[3] != accident_id]
        unknown = self._panel_total - len(after) - len(kept)  # entries of other accidents not kept
        if after:
            day = self._occurred_on[self._slot[accident_id]]
            for not_overdue, due, kind, obligation in self._keyed(after):
                entry = (not_overdue, due, day, accident_id, kind, obligation)
                if unknown == 0 or (kept and _panel_key(entry) < _panel_key(kept[-1])):
                    bisect.insort(kept, entry, key=_panel_key)
        del kept[2 * self._panel_limit:]
        # Fewer kept than shown while others exist: a full pass (once per ~limit changes at the top).
        self._panel = None if len(kept) < min(self._panel_limit, self._panel_total) else kept


def _panel_key(entry: tuple) -> tuple:
    """Overdue first, then by due date, the accident's day, its id, the kind (a total order: no tie left)."""
    return entry[:5]


# Without the index (the database's order, while the index loads).
def ids(session: Session, filters: ListFilters) -> list[str]:
    """The ids that pass *filters* in the database's list order (newest accident first). The 'sent' filter
    and the draft/confirmed choice are applied here too."""
    found = session.store.ids(filters.for_store())
    hidden = {"confirmed", "draft"} - set(filters.statuses)
    if hidden and found:
        drop = {row[0] for row in session.db.execute(
            f"SELECT id FROM accidents WHERE status IN ({','.join('?' * len(hidden))})", sorted(hidden))}
        found = [i for i in found if i not in drop]
    if filters.sent is not None:
        delivery = _delivery(session)
        found = [i for i in found if (i in delivery) == (filters.sent == "sent")]
    return found


def total(session: Session) -> int:
    """Accidents in the store that are not void (the status bar's "of N")."""
    return session.store.count(Filters())


@dataclass
class Row:
    """One line of the accident list: the stored summary, its delivery state and pending obligations."""

    id: str
    unit: str
    unit_name: str
    occurred_on: str
    status: str
    village: str | None
    first_victim: str | None
    victims: int
    deaths: int
    serious: int
    complete: bool
    delivery: str | None
    pending: list[Obligation] = field(default_factory=list)
    overdue: list[Obligation] = field(default_factory=list)


def page(session: Session, wanted: Sequence[str]) -> dict[str, Row]:
    """The rows of *wanted* ids (a page the view is about to draw), by id; an id no longer stored is left out."""
    if not wanted:
        return {}
    found: dict[str, Row] = {}
    today = session.today()
    names: dict[str, str] = {}
    delivery = _delivery(session, wanted)
    for start in range(0, len(wanted), 500):
        chunk = list(wanted[start:start + 500])
        rows = session.db.query(
            f"SELECT {SUMMARY_COLUMNS} FROM accidents a WHERE a.id IN ({','.join('?' * len(chunk))})", chunk)
        for row in rows:
            unit = row["unit"]
            if unit not in names:  # a commune's own name is known: no parse of the 3,321 units (~0.1 s)
                names[unit] = session.unit_name if unit == session.unit else session.codelists.unit_name(unit)
            pending = [o for o in obligations_for(row["status"], row["occurred_on"], row["declared_on"],
                                                  row["record_ref"], row["deaths"], row["serious"], session.rules)
                       if not o.done]
            found[row["id"]] = Row(row["id"], unit, names[unit], row["occurred_on"], row["status"], row["village"],
                                   row["first_victim"], row["victims"], row["deaths"], row["serious"],
                                   bool(row["complete"]), delivery.get(row["id"]), pending,
                                   [o for o in pending if o.overdue(today)])
    return found


# Changes made by another process (the `tnld` command, a colleague's window on the same folder).
@dataclass(frozen=True)
class Changes:
    """What changed since an audit row: the accidents saved or voided one by one, whether incidents changed,
    and whether many records did at once (a file added, a bundle imported, exported or confirmed: everything
    is read again). Every change to the records writes an audit row in its own transaction, so the audit log
    is the list of what changed."""

    seq: int  # the audit row seen last
    accidents: tuple[str, ...] = ()  # every accident saved or voided one by one
    incidents: bool = False
    bulk: bool = False  # a file added, a bundle imported, exported or confirmed, a restore: records not listed

    @property
    def many(self) -> bool:
        """Quicker read again on a worker than taken one by one in the window."""
        return self.bulk or len(self.accidents) > MANY_AT_ONCE


MANY_AT_ONCE = 10  # more single changes than this (~15 ms each on 100,000): reload on a worker instead


def change_mark(session: Session) -> tuple[int, int]:
    """(the connection's `data_version`, the last audit row): `changed_since` compares against it. The data
    version moves only when another connection commits, so asking costs nothing while nobody else writes."""
    from app.db.audit import head

    return session.db.execute("PRAGMA data_version").fetchone()[0], head(session.db)[0]


def changed_since(session: Session, mark: tuple[int, int], own_too: bool = False
                  ) -> tuple[tuple[int, int], Changes | None]:
    """The new mark, and what changed since *mark* (None when nothing did). *own_too*: this session's own
    commits as well (they do not move `data_version`): for an index loaded by a worker meanwhile."""
    version, seq = mark
    now = session.db.execute("PRAGMA data_version").fetchone()[0]
    if now == version and not own_too:
        return mark, None
    rows = session.db.execute("SELECT seq, action, entity, entity_id FROM audit WHERE seq > ? ORDER BY seq",
                              (seq,)).fetchall()
    if not rows:
        return (now, seq), None
    accidents: dict[str, None] = {}
    incidents = bulk = False
    for _seq, action, entity, entity_id in rows:
        if entity == "accident" and entity_id:
            accidents[entity_id] = None
        elif entity == "incident":
            incidents = True
        elif action in ("add_file", "import", "export", "receipt", "restore", "demo"):
            bulk = True
    return (now, rows[-1][0]), Changes(rows[-1][0], tuple(accidents), incidents or bulk, bulk)


def villages(session: Session) -> list[str]:
    """The villages named in the stored accidents, in Vietnamese order (the village filter)."""
    return sorted(session.store.villages(), key=sort_key)


def years_and_villages(session: Session, accident_ids: Sequence[str]) -> list[tuple[int, str | None]]:
    """(year, village) of each of *accident_ids* still stored (the filter choices a change may add)."""
    found = []
    for start in range(0, len(accident_ids), 500):
        chunk = list(accident_ids[start:start + 500])
        for occurred, village in session.db.execute(
                f"SELECT occurred_on, village FROM accidents WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            year = occurred[:4] if isinstance(occurred, str) else ""
            found.append((int(year) if year.isdigit() else 0, village))
    return found


def years(session: Session) -> list[int]:
    """The years that have accidents, newest first, and the current year (the period filter)."""
    found = {int(row[0]) for row in session.db.execute(
        "SELECT DISTINCT substr(occurred_on, 1, 4) FROM accidents WHERE occurred_on IS NOT NULL")}
    found.add(session.today().year)
    return sorted(found, reverse=True)
