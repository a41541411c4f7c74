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
