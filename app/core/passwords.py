"""The password rule (SPEC § 8): what a password must be before it wraps the database key.

Shared PCs keep copies of `keys.json` in every automatic backup, readable by any Windows account on the PC, so a
password must hold out against guessing offline, where only the key derivation's cost (scrypt, about 0.4 s a
guess) slows the guesser. The rule, after NIST SP 800-63B: at least 10 characters; not one character repeated
or only a few different ones (eight spaces, `1212121212`); not a run of the alphabet, the digits or a keyboard
row (`1234567890`, `qwertyuiop`); not a common password (`resources/common-passwords.txt`, compared folded:
case and diacritics do not matter, spaces are ignored, and so are digits and signs around a common word, so
`Matkhau@2026` is as common as `matkhau`); not containing the user's name or the unit's name. No rule about
capitals or signs: a phrase of a few words is long and easy to type, and that is what the messages suggest.
"""

from __future__ import annotations

import functools
import re

from app.core.errors import UserError
from app.core.text import fold

MIN_LENGTH = 10
MIN_DISTINCT = 4
# Rows of the keyboards used here (Vietnamese is typed with Telex/VNI on a US layout), and the alphabet.
_RUNS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz", "1qaz2wsx3edc4rfv5tgb",
         "qazwsxedcrfvtgbyhnujm", "1q2w3e4r5t6y7u8i9o0p")
_SPACES = re.compile(r"\s+")
_AROUND = re.compile(r"^[\d\W_]+|[\d\W_]+$")
# Words of a unit's name that say what kind of unit it is, not which one.
_UNIT_WORDS = {"xa", "phuong", "thi", "tran", "dac", "khu", "so", "noi", "vu", "tinh", "thanh", "pho", "uy", "ban",
               "nhan", "dan", "ubnd", "huyen", "quan"}


@functools.cache
def common_passwords() -> frozenset[str]:
    from app.core.resources import resources_dir

    text = (resources_dir() / "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("# "))


def _compact(text: str) -> str:
    return _SPACES.sub("", fold(text))


def _is_run(text: str) -> bool:
    """A run of the digits, the alphabet or a keyboard row, forwards or backwards (`0987654321`, `qwertyuiop`)."""
    for row in _RUNS:
        for line in (row, row[::-1]):
            if text in line or text in line * 2:
                return True
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {-1, 1}


def _unit_core(unit_name: str) -> str:
    words = [word for word in re.split(r"[^\w]+", fold(unit_name)) if word and word not in _UNIT_WORDS]
    return "".join(words)


def password_problem(password: str, user: str = "", unit_name: str = "") -> tuple[str, dict] | None:
    """The first reason *password* is refused, as a message code and its parameters, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return "password.short", {"minimum": MIN_LENGTH}
    compact = _compact(password)
    if len(set(compact)) < MIN_DISTINCT:
        return "password.repeated", {"minimum": MIN_DISTINCT}
    if _is_run(compact):
        return "password.sequence", {}
    common = common_passwords()
    if compact in common or _AROUND.sub("", compact) in common:
        return "password.common", {}
    name = _compact(user)
    if len(name) >= 3 and name in compact:
        return "password.has_user", {"user": user}
    core = _unit_core(unit_name)
    if len(core) >= 4 and core in re.sub(r"[\W_]+", "", compact):
        return "password.has_unit", {"unit": unit_name}
    return None


def check_password(password: str | None, user: str = "", unit_name: str = "") -> str:
    """*password* if the rule accepts it; otherwise a `UserError` saying what is wrong and what to do."""
    if not password:
        raise UserError("password.missing")
    problem = password_problem(password, user, unit_name)
    if problem is not None:
        raise UserError(problem[0], **problem[1])
    return password
