"""Vietnamese typed through Unikey (Telex and VNI, "backspace and retype") never garbles a word in our input
widgets: the final text equals the word, NFC, for 200+ real words and names."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from app.ui.widgets.code_picker import CodePicker, codelist_entries, commune_entries
from app.ui.widgets.date_edit import DateEdit, TimeEdit
from tests.gui.telex import VIETNAMESE_WORDS, compose, replay, telex_keys, typed_keys, vni_keys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def shown_by(stream: list[str]) -> str:
    text = ""
    for key in stream:
        text = text[:-1] if key == "\b" else text + key
    return text


# The helper itself ---------------------------------------------------------------------------------------------
def test_the_word_list_is_long_and_real():
    assert len(VIETNAMESE_WORDS) >= 200
    assert {"Nguyễn", "Đoàn Kết", "Điện giật", "Gãy xương", "Thạch", "Hoàng", "ngã", "xưởng"} <= set(VIETNAMESE_WORDS)
    assert all(unicodedata.is_normalized("NFC", word) for word in VIETNAMESE_WORDS)
    assert sum(not word.isascii() for word in VIETNAMESE_WORDS) >= 200


def test_unikey_deletes_and_retypes_as_marks_and_tones_are_typed():
    assert typed_keys("việt") == "vieetj"
    assert telex_keys("việt") == ["v", "i", "e", "\b", "ê", "t", "\b", "\b", "ệ", "t"]
    assert compose("Ddieenj") == "Điện" and compose("DDIEENJ") == "ĐIỆN"
    # the tone moves when the syllable grows: h o (f: ⌫ ò) a (n: ⌫⌫ oàn)
    assert telex_keys("hoàn", tone_at_end=False) == ["h", "o", "a", "\b", "\b", "ò", "a", "\b", "\b", "o", "à", "n"]
    assert compose("nguwowif") == "người" and compose("nguoiwf") == "người"
    assert compose("hoaf") == "hòa" and compose("thuyr") == "thủy" and compose("quys") == "quý"
    assert compose("gif") == "gì" and compose("giuwx") == "giữ" and compose("vieetjj") == "viêtj"  # jj: the tone undone, j typed
    assert compose("Nguye6n4", "vni") == "Nguyễn" and compose("d9u7o7ng2", "vni") == "đường"


@pytest.mark.parametrize("scheme", ["telex", "vni"])
@pytest.mark.parametrize("tone_at_end", [True, False])
def test_every_word_composes_back_to_itself(scheme, tone_at_end):
    keys = telex_keys if scheme == "telex" else vni_keys
    wrong = [word for word in VIETNAMESE_WORDS if shown_by(keys(word, tone_at_end)) != word]
    assert wrong == []
    assert sum(key == "\b" for word in VIETNAMESE_WORDS for key in keys(word, tone_at_end)) > 300


# Into the widgets ----------------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, ctx):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    communes = CodePicker(dialog)
    communes.set_entries(commune_entries(ctx.session.codelists, home=ctx.session.unit))
    factors = CodePicker(dialog)
    factors.set_entries(codelist_entries(ctx.session.codelists, "factors"))
    fields = {"line": QLineEdit(dialog), "date": DateEdit(dialog), "time": TimeEdit(dialog),
              "communes": communes, "factors": factors}
    for widget in fields.values():
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    yield fields
    dialog.close()


def garbled(widget: QLineEdit, words: list[str], scheme: str = "telex", tone_at_end: bool = True) -> list[str]:
    widget.setFocus()
    QApplication.processEvents()
    wrong = []
    for word in words:
        if isinstance(widget, CodePicker):
            widget.set_code(None)
        else:
            widget.setText("")
        replay(widget, word, scheme, tone_at_end)
        text = widget.text()
        if text != word or not unicodedata.is_normalized("NFC", text) or QApplication.focusWidget() is not widget:
            wrong.append(f"{word!r} → {text!r}")
    return wrong


@pytest.mark.parametrize("name", ["line", "date", "time", "factors"])
def test_telex_into_a_field_garbles_no_word(window, name):
    assert garbled(window[name], VIETNAMESE_WORDS) == []


def test_telex_into_the_commune_picker_garbles_no_word_while_its_list_comes_and_goes(window):
    picker = window["communes"]
    shown = []
    picker.picker_model().modelReset.connect(lambda: shown.append(picker.popup().isVisible()))
    assert garbled(picker, VIETNAMESE_WORDS, tone_at_end=False) == []
    assert any(shown)  # the list was open during some of the typing
    assert picker.code() is None or picker.text().startswith(picker.code())


def test_telex_with_the_tone_typed_at_the_end_into_the_picker(window):
    assert garbled(window["communes"], VIETNAMESE_WORDS[::4]) == []


def test_vni_into_a_line_edit_and_a_picker(window):
    assert garbled(window["line"], VIETNAMESE_WORDS, "vni", tone_at_end=False) == []
    assert garbled(window["factors"], VIETNAMESE_WORDS[:100], "vni") == []


def test_a_telex_word_typed_into_the_picker_then_tab_chooses_its_match(window):
    picker = window["communes"]
    picker.set_code(None)
    picker.setFocus()
    replay(picker, "Đoàn Kết", tone_at_end=False)
    assert picker.text() == "Đoàn Kết" and picker.popup().isVisible()
    replay(picker, "\t")
    assert picker.code() == "06001"
