"""The accident entry form (issue 12 item 5): keyboard entry, validation beside fields, save, Esc, viewer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import records
from tests.conftest import make_accident, make_victim
from tests.gui.conftest import press, type_text

# The offscreen platform cannot raise a window (a picker's list window): nothing a test could act on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def closed(form) -> bool:
    """The form closed (it deletes itself when closed)."""
    from shiboken6 import isValid

    return not isValid(form) or not form.isVisible()


def test_two_victims_by_keyboard_only_then_found_without_diacritics(qtbot, ctx, messages, open_form):
    from bench.gui_form import enter_two_victims

    saved: list[str] = []
    ctx.events.accident_saved.connect(saved.append)
    form = open_form(ctx)
    assert QApplication.focusWidget() is form.ui.occurred_on
    keys = enter_two_victims(form, ctx.session.today())
    print(f"\nkeystrokes beyond the typed text: {keys}")
    assert keys <= 45
    assert messages.shown == []
    found = records.list_accidents(ctx.session, search="dinh thi")
    assert [row["id"] for row in found] == saved
    stored = records.get_accident(ctx.session, saved[0])
    assert [v["name"] for v in stored["victims"]] == ["Đinh Thị Hoa", "Đinh Văn Nam"]
    first, second = stored["victims"]
    assert (first["sex"], first["birth_year"], first["severity"]) == ("F", 1990, "serious")
    assert (second["sex"], second["birth_year"], second["severity"]) == ("M", 1988, "minor")
    assert (second["occupation"], second["residence"], second["residence_detail"]) == ("62", "06040", "Thôn Nà Pàn")
    assert (stored["place"], stored["activity"], stored["factor"], stored["cause"]) == ("7.4", "2", "03", "7")
    assert stored["description"] == "Trèo cây hồi, cành gãy, bị ngã xuống đất."
    assert not form.is_dirty()


def test_a_bad_id_number_is_shown_beside_its_field_and_nothing_is_saved(qtbot, ctx, open_form):
    form = open_form(ctx, search_text="Đinh Thị Hoa")
    form.focus_field("victims[1].id_number")
    type_text(form, "12345")
    press(form, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: form.error_for("victim_id_number") != "")
    assert "12345" in form.error_for("victim_id_number")
    assert form.ui.victim_id_number.property("invalid") == "error"
    assert form.error_for("victim_phone") == ""  # not left yet: no noise
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert records.count_accidents(ctx.session, include_void=True) == 0
    listed = [form.ui.issues_list.item(row).data(Qt.ItemDataRole.UserRole)
              for row in range(form.ui.issues_list.count())]
    assert "victims[1].id_number" in listed and "occurred_on" in listed
    assert QApplication.focusWidget() is form.ui.occurred_on  # the first error has the focus


def test_a_date_that_cannot_be_read_is_explained_the_way_the_field_is_typed(qtbot, ctx, open_form):
    """Found by the attack session: the form takes dd/mm/yyyy but its error said "write it as YYYY-MM-DD"."""
    form = open_form(ctx)
    form.focus_field("occurred_on")
    type_text(form, "31/02/2026")
    press(form, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: form.error_for("occurred_on") != "")
    text = form.error_for("occurred_on")
    assert "31/02/2026" in text and "15/03/2026" in text and "YYYY" not in text, text


def test_the_error_list_jumps_to_the_field_of_another_victim(qtbot, ctx, open_form):
    accident = make_accident(victims=[make_victim(), make_victim(name="Lý Thị Mai", sex="F", id_number=None)])
    records.save_accident(ctx.session, accident)
    form = open_form(ctx, accident_id=accident["id"])
    form.focus_field("victims[2].phone")
    form.ui.victim_phone.selectAll()
    type_text(form, "12\t")
    form.focus_field("victims[1].name")
    assert form.ui.victim_name.text() == "Hoàng Văn Đức"
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    items = [form.ui.issues_list.item(row) for row in range(form.ui.issues_list.count())]
    phone = next(item for item in items if item.data(Qt.ItemDataRole.UserRole) == "victims[2].phone")
    form.ui.issues_list.itemActivated.emit(phone)
    assert form.ui.victim_name.text() == "Lý Thị Mai"
    assert QApplication.focusWidget() is form.ui.victim_phone
    assert form.ui.victim_phone.property("invalid") == "error"
    assert records.get_accident(ctx.session, accident["id"])["version"] == 1


def test_esc_with_changes_asks_and_never_drops_them_by_itself(qtbot, ctx, messages, open_form):
    form = open_form(ctx)
    type_text(form, "0")
    messages.answers.append("cancel")
    press(form, Qt.Key.Key_Escape)
    assert [kind for kind, _ in messages.shown] == ["ask_save"]
    assert not closed(form)
    messages.answers.append("discard")
    press(form, Qt.Key.Key_Escape)
    assert closed(form)


def test_esc_without_changes_closes_at_once(qtbot, ctx, messages, open_form):
    form = open_form(ctx, search_text="Đinh")
    press(form, Qt.Key.Key_Escape)
    assert closed(form)
    assert messages.shown == []


def test_an_edit_is_saved_as_version_2(qtbot, ctx, open_form):
    accident = make_accident()
    records.save_accident(ctx.session, accident)
    form = open_form(ctx, accident_id=accident["id"])
    assert not form.is_dirty()
    form.focus_field("village")
    form.ui.village.selectAll()
    type_text(form, "Thôn Bản Cưởm")
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = records.get_accident(ctx.session, accident["id"])
    assert (stored["version"], stored["village"]) == (2, "Thôn Bản Cưởm")
    assert stored["victims"] == records.history(ctx.session, accident["id"])[0]["victims"]


def test_a_warning_asks_for_a_reason_and_keeps_it(qtbot, ctx, open_form):
    from app.ui.accident_form import ReasonDialog

    accident = make_accident(victims=[make_victim(birth_year=1985)])  # the ID number says 1984
    records.check(ctx.session, accident)
    form = open_form(ctx)
    form._show(accident, snapshot=False)
    answers = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReasonDialog)
        answers.append(dialog.ok.isEnabled())
        dialog.reason.insert("Căn cước ghi sai năm sinh")
        answers.append(dialog.ok.isEnabled())
        dialog.ok.click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, answer)
    saved = form.save()
    assert [i for i in form._issues if i.level == "error"] == []
    assert saved
    assert answers == [False, True]
    assert records.get_accident(ctx.session, accident["id"])["victims"][0]["birth_year"] == 1985
    row = ctx.session.db.execute("SELECT detail FROM audit WHERE action = 'add' ORDER BY seq DESC").fetchone()
    assert "Căn cước ghi sai năm sinh" in row[0] and "id_number.year" in row[0]


def test_a_viewer_sees_the_form_read_only(qtbot, ctx, commune_dir, open_form):
    from app.services.users import add_user
    from tests.conftest import PASSWORD
    from tests.gui.conftest import logged_in

    accident = make_accident()
    records.save_accident(ctx.session, accident)
    add_user(ctx.session, "xem", "viewer", PASSWORD)
    with logged_in(commune_dir, "xem", PASSWORD) as viewer:
        form = open_form(viewer, accident_id=accident["id"])
        assert form.ui.save_button.isHidden() and form.ui.void_button.isHidden()
        assert form.ui.village.isReadOnly() and form.ui.victim_name.isReadOnly()
        assert not form.ui.commuting.isEnabled()
        assert not form.save()
        press(form, Qt.Key.Key_Escape)
        assert closed(form)
    assert records.get_accident(ctx.session, accident["id"])["version"] == 1


def test_duplicate_hint_for_a_victim_reported_before(qtbot, ctx, open_form):
    records.save_accident(ctx.session, make_accident())
    form = open_form(ctx)
    form.focus_field("victims[1].id_number")
    type_text(form, "020084001234")
    qtbot.waitUntil(lambda: form.duplicate_hints() != [], timeout=300)
    assert form.ui.duplicates_box.isVisible()


def test_ctrl_n_starts_a_new_accident_after_the_save_question(qtbot, ctx, messages, open_form):
    form = open_form(ctx)
    type_text(form, "0")
    messages.answers.append("discard")
    press(form, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [kind for kind, _ in messages.shown] == ["ask_save"]
    assert form.ui.occurred_on.text() == "" and not form.is_dirty()


def test_telex_into_every_text_field_and_picker_of_the_form(qtbot, ctx, open_form):
    """Unikey's "backspace and retype" Telex garbles no word in any field that takes words (tones typed after
    their vowel, so that they move as the syllable grows)."""
    import unicodedata

    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    telex = pytest.importorskip("tests.gui.telex", reason="tests/gui/telex.py comes with the widgets branch")
    words = ["Nguyễn Thị Hường", "Điện giật", "Đoàn Kết", "Ngã từ trên cao", "khuỷu tay", "Giẻ-Triêng"]
    form = open_form(ctx)
    tried, wrong = [], []
    for name, (kind, widget) in form.editors().items():
        if kind not in ("text", "longtext", "code", "codes", "enum") or not widget.isEnabled():
            continue
        tried.append(name)
        for word in words:
            form.focus_field(f"victims[1].{name[7:]}" if name.startswith("victim_") else name)
            assert QApplication.focusWidget() is widget, name
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText("")
            else:
                widget.setText("")
            telex.replay(widget, word, tone_at_end=False)
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            if text != word or not unicodedata.is_normalized("NFC", text):
                wrong.append(f"{name}: {word!r} → {text!r}")
    assert wrong == []
    assert {"village", "description", "place", "factor", "victim_name", "victim_occupation", "victim_residence",
            "victim_residence_detail", "victim_severity"} <= set(tried)
    assert all(isinstance(form.editors()[name][1], QLineEdit | QPlainTextEdit) for name in tried)
