"""The password rule: what is refused, why, and what stays allowed."""

import pytest

from app.core.passwords import MIN_LENGTH, common_passwords, password_problem


def test_the_common_password_list_is_shipped_folded():
    common = common_passwords()
    assert len(common) > 5000
    assert {"matkhau", "123456789", "password", "anhyeuem", "matkhau123"} <= common
    assert all(entry == entry.lower() and " " not in entry for entry in common)


@pytest.mark.parametrize(("password", "code"), [
    ("123456789", "password.short"),
    ("          ", "password.repeated"),
    ("aaaaaaaaaaaa", "password.repeated"),
    ("abcabcabcabc", "password.repeated"),
    ("9876543210", "password.sequence"),
    ("asdfghjkl;", "password.common"),
    ("zxcvbnm123", "password.common"),
    ("MATKHAU123456", "password.common"),
    ("Mật Khẩu 2026!", "password.common"),
    ("anh yêu em 123", "password.common"),
    ("iloveyou2026", "password.common"),
])
def test_weak_passwords_are_refused_with_the_reason(password, code):
    assert password_problem(password)[0] == code


def test_names_of_the_user_and_the_unit_are_refused():
    assert password_problem("nguyen-van-an-99", "an") is None  # names shorter than 3 letters are not looked for
    assert password_problem("hoang.thu.2026", "Hoang.Thu") == ("password.has_user", {"user": "Hoang.Thu"})
    assert password_problem("binh-gia-2026!", "a", "Xã Bình Gia")[0] == "password.has_unit"
    assert password_problem("so-noi-vu-2026!", "a", "Sở Nội vụ tỉnh Lạng Sơn") is None  # only the name's own words
    assert password_problem("langson-ban-toi", "a", "Sở Nội vụ tỉnh Lạng Sơn")[0] == "password.has_unit"


@pytest.mark.parametrize("password", ["mat-khau-123", "hoa ban trắng nở", "fixture-password", "Ba con mèo đen"])
def test_ordinary_phrases_are_accepted(password):
    assert len(password) >= MIN_LENGTH and password_problem(password, "admin", "Xã Thất Khê") is None
