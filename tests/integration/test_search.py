"""The two searches agree: the database's (FTS5, for the command line) and the in-memory one (the desktop list)."""

import pytest

from app.core.periods import Period
from app.db.accident_store import Filters
from app.services import demo, records
from app.services.search import SearchIndex
from tests.conftest import make_accident, make_victim

QUERIES = ["", "h", "ho", "hoa", "hoang", "hoang van", "van hoang", "nga cao", "NGÃ CAO", "dien", "Điện giật",
           "vi", "ma", "na pan", "khuoi ken", "hai hoi", "trieu", "đ", "thị", "cay keo", "xyz", "may tuot lua",
           "a", "cao, nga", "ban thi"]


@pytest.fixture
def filled(session):
    demo.fill(session, count=300, seed=11)
    return session


@pytest.mark.parametrize("query", QUERIES)
def test_memory_and_database_search_agree(filled, query):
    index = SearchIndex.load(filled.store)
    assert len(index) == 300
    for filters in (Filters(search=query), Filters(search=query, include_void=True),
                    Filters(search=query, period=Period.parse("2026-H1")), Filters(search=query, severity="fatal"),
                    Filters(search=query, severity="serious", village="Thôn Nà Pàn")):
        assert index.find(filters) == filled.store.ids(filters), filters


def test_some_queries_really_find_and_filter(filled):
    index = SearchIndex.load(filled.store)
    assert 0 < len(index.find(Filters(search="hoang"))) < 300
    assert index.find(Filters(search="xyz")) == []
    assert len(index.find(Filters())) == 300


def test_the_index_follows_saves_and_voids(session):
    index = SearchIndex.load(session.store)
    first = make_accident(occurred_on="2026-02-01", declared_on="2026-02-01")
    second = make_accident(occurred_on="2026-05-01", declared_on="2026-05-01",
                           victims=[make_victim(name="Nông Thị Lan", sex="F", id_number=None)])
    for accident in (first, second):
        records.save_accident(session, accident)
        index.refresh(accident["id"])
    assert index.find() == [second["id"], first["id"]]
    assert index.find(Filters(search="lan nong")) == [second["id"]]
    records.save_accident(session, dict(first, occurred_on="2026-06-01", declared_on="2026-06-01"))
    index.refresh(first["id"])
    assert index.find() == [first["id"], second["id"]]
    records.void_accident(session, second["id"], "nhập trùng")
    index.refresh(second["id"])
    assert index.find() == [first["id"]]
    assert index.find(Filters(include_void=True)) == session.store.ids(Filters(include_void=True))


def test_typing_on_narrows_and_stays_equal_to_the_database(filled):
    index = SearchIndex.load(filled.store)
    # Typing, crossing the two-to-three letter boundary, backspacing, then a new word.
    typed = ["h", "ho", "hoa", "hoan", "hoang", "hoang ", "hoang v", "hoang va", "hoang van", "hoang va", "hoang",
             "hoan", "t", "th", "thi", "thi m", "thi mu", "thi mui", "n", "ng", "nga", "nga c", "nga ca", "nga cao"]
    for query in typed:
        for filters in (Filters(search=query), Filters(search=query, period=Period.parse("2026"))):
            assert index.find(filters) == filled.store.ids(filters), query
    assert index.find(Filters(search="thi mui"))


def test_an_index_kept_up_to_date_equals_one_loaded_afresh(filled):
    """Saves that move accidents between dates, voids and un-voids, refreshed one by one, leave the list index
    (columns, slots, sorts, counts and obligations) as a fresh load of the store would make it."""
    import datetime as dt
    import random

    from app.services.listing import SORTS, ListFilters, ListIndex

    index = ListIndex.load(filled)
    for sort in SORTS:  # orders computed before the changes are patched, one accident at a time
        index.find(ListFilters(), sort)
    index.obligations_due(5)  # the panel's answer too (a small panel: its full passes are exercised)
    rng = random.Random(5)
    accidents = records.list_accidents(filled, include_void=False)
    changed = [a["id"] for a in rng.sample(accidents, 40)]
    for accident_id in changed + changed[:8]:  # the first eight twice: a voided one saved again comes back
        current = records.get_accident(filled, accident_id)
        day = (dt.date.fromisoformat(current["occurred_on"]) - dt.timedelta(days=rng.randint(1, 60))).isoformat()
        if rng.random() < 0.3 and current["status"] != "void":
            records.void_accident(filled, accident_id, "nhập nhầm")
        else:
            records.save_accident(filled, dict(current, occurred_on=day, status="confirmed"))
        index.refresh(filled, accident_id)
        # The obligations panel, followed change by change, equals a full pass over the index.
        followed = index.obligations_due(5)
        kept = index._panel, index._panel_total
        index._panel = None
        assert followed == index.obligations_due(5)
        index._panel, index._panel_total = kept
    added = records.save_accident(filled, make_accident(occurred_on="2026-02-02", declared_on="2026-02-02")).id
    index.refresh(filled, added)
    fresh = ListIndex.load(filled)
    assert len(index) == len(fresh) == 301
    statuses = (frozenset({"confirmed", "draft"}), frozenset({"confirmed", "draft", "void"}))
    for sort in SORTS:
        for shown in statuses:
            for search in ("", "thi", "h"):
                filters = ListFilters(statuses=shown, search=search)
                for descending in (True, False):
                    assert index.find(filters, sort, descending) == fresh.find(filters, sort, descending), sort
    assert index.counts(index.find(ListFilters())) == fresh.counts(fresh.find(ListFilters()))
    assert index.obligations_due() == fresh.obligations_due()
    assert index.obligations_due(5) == fresh.obligations_due(5)
