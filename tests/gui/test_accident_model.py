"""The list models over real data: pytest-qt's model tester, the lazy row cache, the marks that are not only
colour, and the list index's Vietnamese sort."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.ui.accident_model import ID_ROLE, SORT_ROLE, AccidentModel, Column
from tests.conftest import COMMUNE, make_accident, make_victim
from tests.gui.test_main_window import NAMES, clock, fill, incident_of


@pytest.fixture
def filled_ctx(commune_dir):
    from tests.gui.conftest import logged_in

    ids = fill(commune_dir)
    with logged_in(commune_dir, clock=clock) as ctx:
        yield ctx, ids


def make_model(ctx, calls=None) -> AccidentModel:
    from app.services import listing

    def fetch(ids):
        if calls is not None:
            calls.append(list(ids))
        return listing.page(ctx.session, ids)

    model = AccidentModel(fetch)
    model.set_ids(listing.ids(ctx.session, listing.ListFilters()))
    return model


def test_the_accident_model_passes_the_model_tester(filled_ctx, qtmodeltester):
    ctx, ids = filled_ctx
    model = make_model(ctx)
    assert model.rowCount() == len(NAMES)
    qtmodeltester.check(model)


def test_the_incident_model_passes_the_model_tester(filled_ctx, qtmodeltester):
    from app.services.records import list_incidents, save_accident
    from app.ui.incident_model import IncidentColumn, IncidentModel

    ctx, ids = filled_ctx
    save_accident(ctx.session, incident_of(ids["Đinh Thị Hoa"]))
    model = IncidentModel()
    model.set_rows(list_incidents(ctx.session, include_void=True))
    assert model.rowCount() == 1
    assert model.data(model.index(0, IncidentColumn.DEATHS)) == "1"
    assert model.data(model.index(0, IncidentColumn.DEATHS), Qt.ItemDataRole.DecorationRole) is not None
    qtmodeltester.check(model)


def test_the_obligations_model_passes_the_model_tester(filled_ctx, qtmodeltester):
    from app.services.listing import ListIndex
    from app.ui.obligations_panel import ObligationsModel

    ctx, ids = filled_ctx
    rows, total = ListIndex.load(ctx.session).obligations_due()
    assert total == len(rows) > len(NAMES)  # every accident's investigation, and the quick report of the death
    model = ObligationsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)


def test_rows_are_fetched_by_page_when_drawn_and_cached(filled_ctx):
    ctx, ids = filled_ctx
    calls: list[list[str]] = []
    model = make_model(ctx, calls)
    assert calls == []  # nothing read until a row is drawn
    model.data(model.index(3, Column.VICTIM))
    assert len(calls) == 1 and len(calls[0]) == len(NAMES)  # the page around it
    for row in range(model.rowCount()):
        model.data(model.index(row, Column.DATE))
    assert len(calls) == 1
    model.forget([ids["An Thị Mai"]])
    model.data(model.index(model.row_of(ids["An Thị Mai"]), Column.VICTIM))
    assert calls[-1] == [ids["An Thị Mai"]]


def test_raw_sort_values_and_ids_in_their_roles(filled_ctx):
    ctx, ids = filled_ctx
    model = make_model(ctx)
    row = model.row_of(ids["Đinh Thị Hoa"])
    assert model.data(model.index(row, Column.DATE), ID_ROLE) == ids["Đinh Thị Hoa"]
    assert model.data(model.index(row, Column.DATE), SORT_ROLE) == "2026-03-01"
    assert model.data(model.index(row, Column.DATE)) == "01/03/2026"
    assert model.data(model.index(row, Column.DEATHS), SORT_ROLE) == 1
    assert model.data(model.index(row, Column.SEVERITY), SORT_ROLE) == 2


def test_a_row_deleted_meanwhile_is_shown_empty_not_a_crash(filled_ctx):
    ctx, ids = filled_ctx
    model = make_model(ctx)
    model.set_ids([*model.ids(), "00000000-0000-4000-8000-000000000000"])
    assert model.data(model.index(len(NAMES), Column.VICTIM)) is None


def test_the_vietnamese_order_of_the_collation_key():
    from app.core.collation import sort_key

    names = ["Zơ Râm", "Đinh Thị Hoa", "Dương Văn An", "Âu Văn Cường", "Ăng Thị Bảy", "An Thị Mai", "anh", "Ánh",
             "ảnh", "Đỗ", "Đô", "Do"]
    assert sorted(names, key=sort_key) == ["An Thị Mai", "anh", "ảnh", "Ánh", "Ăng Thị Bảy", "Âu Văn Cường", "Do",
                                           "Dương Văn An", "Đinh Thị Hoa", "Đô", "Đỗ", "Zơ Râm"]
    assert sort_key("ĐINH") == sort_key("đinh")  # case is ignored
    assert sort_key("Le\u0302 Thi\u0323") == sort_key("Lê Thị")  # NFD input sorts as NFC
    assert sort_key("Lê Thị") != sort_key("Le Thi")
    assert sort_key(None) == sort_key("") == ""


def test_the_list_index_sorts_filters_and_counts(filled_ctx):
    from app.services.listing import ListFilters, ListIndex

    ctx, ids = filled_ctx
    index = ListIndex.load(ctx.session)
    name_of = {i: n for n, i in ids.items()}
    by_name = [name_of[i] for i in index.find(ListFilters(), "victim", descending=False)]
    assert by_name == ["An Thị Mai", "Ăng Thị Bảy", "Âu Văn Cường", "Dương Văn An", "Đinh Thị Hoa", "Đinh Văn Nam",
                       "Hoàng Thị Đình"]
    assert [name_of[i] for i in index.find(ListFilters(statuses=frozenset({"draft"})))] == ["Đinh Văn Nam"]
    assert index.find(ListFilters(sent="sent")) == []
    assert index.counts(index.find(ListFilters())) == {"fatal": 1, "overdue": len(NAMES)}
    by_severity = index.find(ListFilters(), "severity", descending=True)
    assert name_of[by_severity[0]] == "Đinh Thị Hoa"
    # A later day for obligations: nothing is overdue before its due date.
    index.set_today(dt.date(2026, 3, 1))
    assert index.counts(index.find(ListFilters()))["overdue"] == 0


def test_the_list_index_follows_a_save_on_the_gui_session(filled_ctx):
    from app.services.listing import ListFilters, ListIndex
    from app.services.records import save_accident

    ctx, ids = filled_ctx
    session = ctx.session.for_worker()  # loaded by another session, as the worker does, then closed
    index = ListIndex.load(session)
    session.close()
    new = save_accident(ctx.session, make_accident(unit=COMMUNE, occurred_on="2026-03-30", declared_on="2026-03-30",
                                                   victims=[make_victim(name="Bế Văn Ơn", severity="fatal",
                                                                        outcome="died", days_off=None)])).id
    index.refresh(ctx.session, new)
    assert index.find(ListFilters(search="be van on")) == [new]
    assert index.find(ListFilters(severity="fatal"))[0] == new
    assert new in [d.accident_id for d in index.obligations_due()[0] if d.kind == "quick_report"]
