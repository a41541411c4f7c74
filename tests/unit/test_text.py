import unicodedata

import pytest

from app.core.text import clean, fold, matches, nfc, search_terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ngã từ trên cao", "nga tu tren cao"),
        ("Điện giật", "dien giat"),
        ("ĐẮK LẮK", "dak lak"),
        ("đường", "duong"),
        ("Nguyễn  Thị\tBình ", "nguyen thi binh"),
        ("Lạng Sơn", "lang son"),
        ("Ơ Đu", "o du"),
        ("ĐĐđđ", "dddd"),
    ],
)
def test_fold_removes_marks_and_folds_d(text, folded):
    assert fold(text) == folded


def test_fold_gives_the_same_key_for_nfc_and_nfd():
    word = "Hoàng Văn Đức"
    assert fold(unicodedata.normalize("NFD", word)) == fold(word) == "hoang van duc"


def test_clean_normalises_to_nfc_and_strips_control_characters():
    decomposed = unicodedata.normalize("NFD", "  Thôn Nà Pàn\x00\x07 ")
    cleaned = clean(decomposed)
    assert cleaned == "Thôn Nà Pàn"
    assert cleaned == nfc(cleaned)


def test_search_terms_match_in_any_order_and_case():
    text = fold("Trèo cây hồi, cành gãy, bị Ngã xuống từ trên cao")
    assert matches(text, search_terms("cao NGA"))
    assert matches(text, search_terms("ngã cao"))
    assert not matches(text, search_terms("nga dien"))
    assert search_terms("  ") == []
