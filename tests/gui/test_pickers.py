"""Code pickers: ranking over folded text (any part of a label, without diacritics), the list model, and the
`CodePicker` driven by the keyboard over the real code lists of a logged-in commune workstation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from app.core.codelists import CodeLists
from app.ui.widgets.code_picker import CodePicker, codelist_entries, commune_entries
from app.ui.widgets.picker_model import PickerEntry, PickerModel, rank, vi_sort_key
from tests.gui.conftest import press, type_text

# The offscreen platform cannot raise a window or pass size hints on; it says so at every top-level show.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(scope="module")
def communes() -> list[PickerEntry]:
    return commune_entries(CodeLists(), home="06040")  # a Lạng Sơn commune's view


def codes(entries: list[PickerEntry]) -> list[str]:
    return [entry.code for entry in entries]


# Ranking --------------------------------------------------------------------------------------------------------
def test_doan_ket_without_diacritics_finds_the_communes_own_province_first(ctx):
    entries = commune_entries(ctx.session.codelists, home=ctx.session.unit)
    found = rank(entries, "doan ket")
    assert found[0].code == "06001" and found[0].label == "Xã Đoàn Kết"
    assert set(codes(found)) == {"06001", "03388", "04000"}  # every Đoàn Kết, each with its province
    assert found[0].detail == "Tỉnh Lạng Sơn" and found[0].display() == "06001 — Xã Đoàn Kết (Tỉnh Lạng Sơn)"


def test_any_part_of_a_label_matches_dien_finds_dien_giat_among_the_factors(ctx):
    factors = codelist_entries(ctx.session.codelists, "factors")
    assert [entry.label for entry in rank(factors, "dien")][:1] == ["Điện giật"]
    assert "Điện giật" in [entry.label for entry in rank(factors, "giat")]  # the middle of a label too
    assert rank(factors, "dien giat zzz") == []


def test_thanh_tri_shows_both_communes_with_their_province_and_accents_decide_the_order(communes):
    plain = rank(communes, "thanh tri")
    assert codes(plain)[:2] == ["00640", "29089"]  # Thanh Trì before Thạnh Trị in Vietnamese order
    assert [entry.detail for entry in plain[:2]] == ["Thành phố Hà Nội", "Tỉnh Vĩnh Long"]
    assert codes(rank(communes, "Thạnh Trị"))[:2] == ["29089", "00640"]  # the same accents first
    assert codes(rank(communes, "Thanh Trì"))[:2] == ["00640", "29089"]
    assert codes(rank(communes, "Thạnh"))[0] == "29089" or rank(communes, "Thạnh")[0].label.startswith("Xã Thạnh")


def test_at_most_fifty_rows_and_the_rank_is_a_prefix_of_the_full_ranking(communes):
    assert len(rank(communes, "a")) == 50
    assert len(rank(communes, "a", limit=500)) == 500
    assert rank(communes, "a", limit=500)[:50] == rank(communes, "a")
    assert len(rank(communes, "")) == 50 and codes(rank(communes, "", limit=3)) == codes(communes[:3])


def test_the_exact_code_comes_first_then_codes_that_begin_with_it(ctx):
    causes = codelist_entries(ctx.session.codelists, "causes")
    assert codes(rank(causes, "1"))[0] == "1"
    places = codelist_entries(ctx.session.codelists, "place")
    found = codes(rank(places, "6"))
    assert found[0] == "6" and len(found) > 2 and all(code.startswith("6.") for code in found[1:])
    communes = commune_entries(ctx.session.codelists)
    assert codes(rank(communes, "06001")) == ["06001"]
    assert "06001" in codes(rank(communes, "0600")) and all(code.startswith("0600") for code in codes(rank(communes, "0600")))


def test_a_label_that_begins_with_the_query_ranks_above_one_that_holds_it(ctx):
    entries = [PickerEntry("1", "Ngã từ trên cao"), PickerEntry("2", "Bị ngã"), PickerEntry("3", "Cao ngã")]
    assert codes(rank(entries, "nga")) == ["1", "2", "3"]  # prefix, then word start (tie: Vietnamese order)
    assert codes(rank(entries, "ngã")) == ["1", "2", "3"]
    assert codes(rank(entries, "cao nga")) == ["3", "1"]


def test_retired_codes_are_not_offered(ctx):
    lists = ctx.session.codelists
    assert codelist_entries(lists, "sectors", on=dt.date(2026, 12, 7)) == []  # VSIC 2018 ended 2025-11-14
    assert len(codelist_entries(lists, "sectors", on=dt.date(2025, 1, 1))) == len(lists["sectors"])
    assert len(codelist_entries(lists, "sectors_vsic2025", on=dt.date(2026, 12, 7))) == 22
    assert len(commune_entries(lists)) == 3321


def test_leaves_only_drops_group_headings(ctx):
    causes = ctx.session.codelists["causes"]
    leaves = codelist_entries(ctx.session.codelists, "causes", leaves_only=True)
    assert all(not causes.children(entry.code) for entry in leaves) and len(leaves) < len(causes)


def test_vietnamese_alphabetical_order():
    words = ["Đà", "Thạnh Trị", "Ăn", "Thanh Trì", "Bắc", "Thành", "An", "Âu", "Dương", "Thanh Hà", "Ư", "U", "Ơn",
             "Ông", "Ong", "Ả", "Á", "À", "Ã", "Ạ", "A"]
    ordered = sorted(words, key=vi_sort_key)
    assert ordered == ["A", "À", "Ả", "Ã", "Á", "Ạ", "An", "Ăn", "Âu", "Bắc", "Dương", "Đà", "Ong", "Ông", "Ơn",
                       "Thành", "Thanh Hà", "Thanh Trì", "Thạnh Trị", "U", "Ư"]  # letters first, then tones


# The list model ----------------------------------------------------------------------------------------------
def test_the_picker_model_passes_the_model_tester(qtmodeltester, communes):
    model = PickerModel(communes)
    model.set_query("thanh tri")
    assert model.rowCount() >= 2
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert model.data(index) == "00640 — Xã Thanh Trì (Thành phố Hà Nội)"
    assert model.data(index, Qt.ItemDataRole.UserRole) == "00640"
    model.set_query("")
    qtmodeltester.check(model)
    model.set_query("no such commune at all")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_narrowing_the_previous_matches_gives_the_same_rows_as_a_full_ranking(communes):
    model = PickerModel(communes)
    for text in ("d", "do", "doa", "doan", "doan ", "doan k", "doan ke", "doan ket", "doan", "0", "06", "060",
                 "0600", "06001", "th", "tha", "thanh", "thanh t", "thanh tri", "Th", "Thạ", "Thạnh"):
        model.set_query(text)
        assert model.rows() == rank(communes, text), text


# The widget --------------------------------------------------------------------------------------------------
@pytest.fixture
def form(qtbot, ctx):
    """A dialog with a line edit, a commune picker and another line edit (the commune's view)."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    before, picker, after = QLineEdit(dialog), CodePicker(dialog), QLineEdit(dialog)
    picker.setObjectName("commune")
    picker.set_entries(commune_entries(ctx.session.codelists, home=ctx.session.unit))
    for widget in (before, picker, after):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.setFocus()
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog, picker, after


def test_typing_filters_a_list_that_never_takes_the_focus(form):
    dialog, picker, _after = form
    type_text(picker, "thanh tri")
    assert picker.text() == "thanh tri" and picker.hasFocus()
    assert QApplication.focusWidget() is picker
    assert picker.popup().isVisible()
    assert picker.popup().focusPolicy() == Qt.FocusPolicy.NoFocus
    rows = picker.picker_model().rows()
    assert codes(rows)[:2] == ["00640", "29089"] and len(rows) <= 50
    assert picker.code() is None


def test_down_and_enter_choose_the_second_row(form, qtbot):
    dialog, picker, _after = form
    chosen = []
    picker.code_chosen.connect(chosen.append)
    type_text(picker, "thanh tri")
    press(picker, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.returnPressed, timeout=1000):
        press(picker, Qt.Key.Key_Return)
    assert picker.code() == "29089" and chosen == ["29089"]
    assert picker.text() == "29089 — Xã Thạnh Trị"
    assert not picker.popup().isVisible() and not picker.property("invalid")


def test_tab_chooses_the_best_match_and_leaves_the_field(form):
    dialog, picker, after = form
    type_text(picker, "doan ket\t")
    assert picker.code() == "06001" and picker.text() == "06001 — Xã Đoàn Kết"
    assert QApplication.focusWidget() is after


def test_an_exact_code_and_tab_chooses_it(form):
    dialog, picker, after = form
    changed = []
    picker.code_changed.connect(changed.append)
    type_text(picker, "29089")
    press(picker, Qt.Key.Key_Escape)  # the list closed: the typed code alone decides
    assert dialog.isVisible() and not picker.popup().isVisible()
    type_text(picker, "\t")
    assert picker.code() == "29089" and picker.text() == "29089 — Xã Thạnh Trị"
    assert QApplication.focusWidget() is after and changed == ["29089"]


def test_text_that_names_nothing_is_invalid_and_has_no_code(form):
    dialog, picker, after = form
    type_text(picker, "khong co xa nay\t")
    assert picker.code() is None and picker.property("invalid") is True and not picker.is_valid()
    assert picker.text() == "khong co xa nay" and QApplication.focusWidget() is after
    picker.setFocus()
    picker.selectAll()
    type_text(picker, "\b")
    assert picker.property("invalid") is False and picker.is_valid()


def test_the_first_esc_closes_the_list_and_the_second_reaches_the_dialog(form):
    dialog, picker, _after = form
    type_text(picker, "doan")
    assert picker.popup().isVisible()
    press(picker, Qt.Key.Key_Escape)
    assert not picker.popup().isVisible() and dialog.isVisible()
    press(picker, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_set_code_shows_code_and_label_and_down_opens_the_list_on_it(form):
    dialog, picker, _after = form
    picker.set_code("06001")
    assert picker.text() == "06001 — Xã Đoàn Kết" and picker.code() == "06001"
    press(picker, Qt.Key.Key_Down)
    assert picker.popup().isVisible()
    assert picker.picker_model().entry(picker.popup().currentIndex().row()).code == "06001"
    press(picker, Qt.Key.Key_Escape)
    picker.set_code("99999")  # a code no longer offered is kept as it is
    assert picker.code() == "99999" and picker.text() == "99999"
    picker.set_code(None)
    assert picker.code() is None and picker.text() == ""


def test_a_click_on_a_row_chooses_it(form, qtbot):
    dialog, picker, _after = form
    type_text(picker, "thanh tri")
    view = picker.popup()
    rect = view.visualRect(picker.picker_model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.code() == "29089" and not view.isVisible()


def test_moving_the_window_closes_the_list(form):
    dialog, picker, _after = form
    type_text(picker, "doan")
    assert picker.popup().isVisible()
    dialog.move(dialog.pos().x() + 30, dialog.pos().y() + 30)
    QApplication.processEvents()
    assert not picker.popup().isVisible()
    assert picker.text() == "doan"


def test_a_stray_key_matches_nothing():
    """Found by the attack session: "(" folded to no word, matched every commune, and Tab chose the first."""
    from app.ui.widgets.picker_model import PickerEntry, rank

    entries = [PickerEntry("00004", "Phường Ba Đình", "Thành phố Hà Nội"), PickerEntry("06001", "Xã Đoàn Kết")]
    for stray in ("(", "%", "*+?", "["):
        assert rank(entries, stray) == []
    assert [e.code for e in rank(entries, "")] == ["00004", "06001"]


def test_a_runaway_paste_is_cut_where_nothing_could_match_any_more(form):
    """Found by the attack session: 9,000 pasted characters made every later keystroke in the commune picker
    take 1.7 s. The field takes a little more than its longest entry (code, name and province), no more."""
    from PySide6.QtGui import QGuiApplication

    _dialog, picker, _after = form
    longest = max(len(e.chosen_text()) + len(e.detail) for e in picker.entries())
    assert longest < picker.maxLength() <= max(longest + 40, 100)
    QGuiApplication.clipboard().setText(("Thạnh Trị, ghi chú " + "x" * 20 + " ") * 300)
    picker.paste()
    assert len(picker.text()) == picker.maxLength()
    assert picker.picker_model().rowCount() == 0 and picker.property("invalid")
    picker.setText("")
    type_text(picker, "thanh tri")  # the field still takes an honest query
    assert codes(picker.picker_model().rows())[:2] == ["00640", "29089"]
