"""Unikey-style Vietnamese typing for tests: what reaches a widget when a health worker types a word in Telex
(or VNI) through Unikey or EVKey in their usual "backspace and retype" mode.

The user types ASCII keys. After each key the input method computes the text the word should now read (the
Telex composition of the keys typed so far) and makes the editor hold it: it sends as many Backspaces as there
are characters that differ at the end, then the new characters, composed (NFC). "vieetj" arrives as
v, i, e, (e: ⌫ "ê"), t, (j: ⌫⌫ "ệt"); "hoafn" as h, o, (f: ⌫ "ò"), a, (n: ⌫⌫ "oàn") — the tone moves when a
letter is added, exactly where a widget that edits or completes its text under the user garbles the word.

`telex_keys(word)` gives that stream (characters and "\\b"), `vni_keys(word)` the VNI one, `replay(widget, word)`
sends it with the key helpers of `tests/gui/conftest.py`. The composition follows Unikey's rules: marks by
doubling (aa, ee, oo, dd) or w (aw, ow, uw, uow → ươ), tones s f r x j (z removes), the tone on the marked vowel,
else on the last vowel before a final consonant, else the middle of three vowels or the first of two ("old
style": hòa, thủy — Unikey's default); "qu" and "gi" are consonants.
"""

from __future__ import annotations

import unicodedata

TONE_MARKS = {1: "\u0300", 2: "\u0309", 3: "\u0303", 4: "\u0301", 5: "\u0323"}  # huyền hỏi ngã sắc nặng
TONE_OF_MARK = {mark: tone for tone, mark in TONE_MARKS.items()}
TELEX_TONES = {"f": 1, "r": 2, "x": 3, "s": 4, "j": 5}
VNI_TONES = {"2": 1, "3": 2, "4": 3, "1": 4, "5": 5}
VOWELS = set("aeiouy")
SHAPES = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}  # circumflex, breve, horn
MARKED = {("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("a", "("): "ă", ("o", "+"): "ơ", ("u", "+"): "ư",
          ("d", "-"): "đ"}

# 200+ real words and names a commune health worker types: family and given names, places, injuries, work.
# Tones in Unikey's default ("old") style: hòa, thủy, khỏe.
WORDS = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Lương Trương Thạch Triệu
Lò Hà Mai Tạ Quách Lục Nông Vi Hứa Kiều Thị Văn Hữu Đức Minh Hùng Dũng Cường Tuấn Quốc Thắng Thành Hiếu
Nghĩa Phúc Quý Quỳnh Thủy Hòa Hạnh Hằng Hương Hường Nhung Ngọc Yến Xuân Thu Đông Loan Liên Thảo Trang
Phượng Tuyết Ánh Dung Giang Khánh Khoa Luận Huyền Nguyệt Oanh Thúy Điệp Chiến Thương Nguyên Khuê Toàn
Đoàn Kết|Thất Khê|Lạng Sơn|Cao Lộc|Bắc Sơn|Tràng Định|Văn Quan|Hữu Lũng|Đồng Đăng|Lộc Bình|Bình Gia
Đình Lập|Chi Lăng|Điện Biên|Hà Giang|Tuyên Quang|Thái Nguyên|Bắc Ninh|Quảng Ninh|Thanh Hóa|Nghệ An
Đắk Lắk|Gia Lai|Kon Tum|Cần Thơ|Hải Phòng|Đà Nẵng|Huế|Vĩnh Long|Sóc Trăng|Thanh Trì|Thạnh Trị
Điện giật|Gãy xương|Ngã từ trên cao|Vật rơi|Cây đổ|Sét đánh|Đuối nước|Bỏng|Ngộ độc|Rắn cắn|Ong đốt
Chó cắn|Trâu húc|Máy cày|Máy tuốt lúa|Cưa máy|Dao rựa|Cuốc|Liềm|Thuốc trừ sâu|Sập lò|Sập đất đá
Tai nạn giao thông|Bị thương nặng|Tử vong|Chấn thương sọ não|Vết thương|Cắt cụt|Dập nát|Trật khớp
Bong gân|Chảy máu|Gãy tay|Gãy chân|Cột sống|Đầu|Mặt|Cổ|Ngực|Bụng|Lưng|Vai|Khuỷu tay|Cổ tay|Ngón tay
Đầu gối|Mắt cá chân|Bàn chân|Xương đùi|Xương sườn|xưởng|ruộng|nương|rẫy|rừng|suối|ao|sông|đồi|núi
nhà|sân|vườn|chuồng|bếp|giếng|mái nhà|công trường|giàn giáo|thang|hầm|mỏ|lò gạch|xưởng gỗ|nhà máy
nông dân|thợ xây|thợ mộc|thợ hàn|lái xe|công nhân|học sinh|người già|trẻ em|phụ nữ|chồng|vợ|con
ngã|trượt|vấp|đứt|kẹp|cuốn|đè|rơi|cháy|nổ|điện|khí|bụi|hóa chất|phân bón|cỏ dại|trâu|bò|lợn|gà
thôn|bản|xóm|ấp|tổ dân phố|trạm y tế|bệnh viện|cấp cứu|chuyển viện|khám|điều trị|băng bó|khâu
khai báo|biên bản|thông báo|báo cáo|nạn nhân|người làm chứng|trưởng thôn|gia đình|năm sinh|giới tính
nghề nghiệp|dân tộc|Kinh|Tày|Nùng|Thái|Mường|Mông|Dao|Khơ-me|Ê-đê|Giẻ-Triêng
người|tiếng|khuya|quyển|huyện|chuyện|nguyện|giữ|giường|khỏe|của|mía|mùa|tuổi|rượu|hươu|cứu|ngoài
xoáy|quảy|khuỷu|hoặc|tuần|thuận|khoảng|loạn|ngoằn ngoèo|quần|quyết|tuyệt|việc|nước|được|đường
"""


def _words() -> list[str]:
    """A line with "|" holds phrases; a line without holds single words."""
    items: list[str] = []
    for line in WORDS.strip().splitlines():
        items += [item.strip() for item in line.split("|")] if "|" in line else line.split()
    return [unicodedata.normalize("NFC", item) for item in dict.fromkeys(items) if item]


# --- composition -------------------------------------------------------------------------------------------------
class _Letter:
    __slots__ = ("base", "shape", "upper")

    def __init__(self, base: str, upper: bool, shape: str = "") -> None:
        self.base, self.upper, self.shape = base, upper, shape

    def render(self, tone: int = 0) -> str:
        char = MARKED.get((self.base, self.shape), self.base)
        if tone:
            char = unicodedata.normalize("NFC", char + TONE_MARKS[tone])
        return char.upper() if self.upper else char


class _Syllable:
    """One syllable being typed: its letters (with their shape marks) and its tone."""

    def __init__(self) -> None:
        self.letters: list[_Letter] = []
        self.tone = 0

    def vowels(self) -> list[int]:
        return [i for i, letter in enumerate(self.letters) if letter.base in VOWELS]

    def literal(self, key: str) -> None:
        self.letters.append(_Letter(key.lower(), key.isupper()))

    def set_tone(self, tone: int, key: str) -> None:
        if not self.vowels():
            self.literal(key)
        elif self.tone == tone:  # the same tone key again: Unikey undoes it and types the letter
            self.tone = 0
            self.literal(key)
        else:
            self.tone = tone

    def circumflex(self, key: str, bases: str) -> None:
        """aa/ee/oo (Telex) or 6 (VNI): the last vowel of *bases* gets a circumflex."""
        for index in reversed(self.vowels()):
            letter = self.letters[index]
            if letter.base in bases and letter.base in "aeo":
                if letter.shape == "^":  # doubled again: undone
                    letter.shape = ""
                    self.literal(key)
                elif letter.shape == "":
                    letter.shape = "^"
                else:
                    self.literal(key)
                return
        self.literal(key)

    def horn(self, key: str, breve: bool = True, horn: bool = True, fallback_u: bool = False) -> None:
        """w (Telex) or 7/8 (VNI): uo → ươ, else the last a (breve), o or u (horn) without a shape."""
        vowels = self.vowels()
        for first, second in zip(vowels, vowels[1:], strict=False):
            u, o = self.letters[first], self.letters[second]
            if horn and u.base == "u" and o.base == "o" and o.shape == "" and u.shape in ("", "+") \
                    and not self._is_qu(first):
                u.shape = o.shape = "+"
                return
        for index in reversed(vowels):
            letter = self.letters[index]
            if letter.shape == "" and ((breve and letter.base == "a") or (horn and letter.base in "ou")):
                letter.shape = "(" if letter.base == "a" else "+"
                return
        if fallback_u and not vowels:
            self.letters.append(_Letter("u", key.isupper(), "+"))  # a lone w is ư
            return
        self.literal(key)

    def stroke(self, key: str, telex: bool) -> None:
        """dd (Telex, right after the d) or 9 (VNI): đ."""
        first = self.letters[0] if self.letters else None
        if first is not None and first.base == "d" and first.shape == "" and (not telex or len(self.letters) == 1):
            first.shape = "-"
        else:
            self.literal(key)

    def _is_qu(self, index: int) -> bool:
        return index == 1 and self.letters[0].base == "q"

    def tone_position(self) -> int | None:
        vowels = self.vowels()
        if not vowels:
            return None
        letters = self.letters
        if len(vowels) > 1 and vowels[0] == 1 and letters[0].base == "q" and letters[1].base == "u":
            vowels = vowels[1:]  # qu: the u belongs to the consonant
        if len(vowels) > 1 and vowels[0] == 1 and letters[0].base == "g" and letters[1].base == "i":
            vowels = vowels[1:]  # gi: the i too (but "gì" keeps it)
        shaped = [index for index in vowels if letters[index].shape in ("^", "(", "+")]
        if shaped:
            return shaped[-1]
        if vowels[-1] < len(letters) - 1:  # a final consonant
            return vowels[-1]
        if len(vowels) >= 3:
            return vowels[1]
        return vowels[0]

    def render(self) -> str:
        position = self.tone_position() if self.tone else None
        return "".join(letter.render(self.tone if index == position else 0)
                       for index, letter in enumerate(self.letters))


def compose(keys: str, scheme: str = "telex") -> str:
    """The text Unikey makes of the ASCII *keys* typed in *scheme* ('telex' or 'vni')."""
    out: list[str] = []
    syllable = _Syllable()
    telex = scheme == "telex"
    for key in keys:
        lower = key.lower()
        in_word = bool(syllable.letters)
        if key.isascii() and key.isalpha() or (not telex and key.isdigit() and in_word):
            if telex and lower in TELEX_TONES and in_word:
                syllable.set_tone(TELEX_TONES[lower], key)
            elif telex and lower == "z" and in_word and syllable.tone:
                syllable.tone = 0
            elif telex and lower in "aeo" and in_word and syllable.vowels() \
                    and syllable.letters[syllable.vowels()[-1]].base == lower:  # aa, ee, oo: the last vowel
                syllable.circumflex(key, lower)
            elif telex and lower == "w":
                syllable.horn(key, fallback_u=True)
            elif telex and lower == "d" and in_word:
                syllable.stroke(key, telex=True)
            elif not telex and key in VNI_TONES:
                syllable.set_tone(VNI_TONES[key], key)
            elif not telex and key == "0":
                syllable.tone = 0
            elif not telex and key == "6":
                syllable.circumflex(key, "aeo")
            elif not telex and key == "7":
                syllable.horn(key, breve=False)
            elif not telex and key == "8":
                syllable.horn(key, horn=False)
            elif not telex and key == "9":
                syllable.stroke(key, telex=False)
            else:
                syllable.literal(key)
        else:
            out.append(syllable.render() + key)
            syllable = _Syllable()
    return "".join(out) + syllable.render()


# --- what the user types -----------------------------------------------------------------------------------------
def _split(char: str) -> tuple[str, str, int]:
    """A Vietnamese letter as (base letter in its case, shape '^' '(' '+' '-' or '', tone 0–5)."""
    if char in "đĐ":
        return ("d" if char == "đ" else "D"), "-", 0
    shape, tone, base = "", 0, ""
    for part in unicodedata.normalize("NFD", char):
        if part in SHAPES:
            shape = SHAPES[part]
        elif part in TONE_OF_MARK:
            tone = TONE_OF_MARK[part]
        else:
            base += part
    return base, shape, tone


def typed_keys(word: str, scheme: str = "telex", tone_at_end: bool = True) -> str:
    """The ASCII keys a user types for *word*: shapes right after their letter, the tone at the end of each
    syllable (the common habit) or right after its vowel (*tone_at_end* False: the tone then moves as the
    syllable grows, "hoafn")."""
    telex = scheme == "telex"
    keys: list[str] = []
    syllable_tone = 0

    def end_syllable() -> None:
        nonlocal syllable_tone
        if syllable_tone and tone_at_end:
            keys.append(_tone_key(syllable_tone, telex))
        syllable_tone = 0

    for char in word:
        base, shape, tone = _split(char)
        if not (base.isascii() and base.isalpha()):
            end_syllable()
            keys.append(char)
            continue
        keys.append(base)
        if shape:
            if telex:
                keys.append({"^": base.lower(), "(": "w", "+": "w", "-": "d"}[shape])
            else:
                keys.append({"^": "6", "(": "8", "+": "7", "-": "9"}[shape])
        if tone:
            syllable_tone = tone
            if not tone_at_end:
                keys.append(_tone_key(tone, telex))
    end_syllable()
    return "".join(keys)


def _tone_key(tone: int, telex: bool) -> str:
    table = TELEX_TONES if telex else VNI_TONES
    return next(key for key, value in table.items() if value == tone)


def input_method_stream(keys: str, scheme: str = "telex") -> list[str]:
    """What the editor receives while *keys* are typed: for each key, Backspaces ("\\b") for the end of the text
    that changed and the new characters (Unikey's "backspace and retype")."""
    stream: list[str] = []
    shown = ""
    for count in range(1, len(keys) + 1):
        wanted = compose(keys[:count], scheme)
        same = 0
        while same < min(len(shown), len(wanted)) and shown[same] == wanted[same]:
            same += 1
        stream += ["\b"] * (len(shown) - same) + list(wanted[same:])
        shown = wanted
    return stream


def telex_keys(word: str, tone_at_end: bool = True) -> list[str]:
    """The keystrokes (characters and "\\b") Unikey's Telex sends for *word* typed in Telex."""
    return input_method_stream(typed_keys(word, "telex", tone_at_end), "telex")


def vni_keys(word: str, tone_at_end: bool = True) -> list[str]:
    """The same for VNI (tones 1–5, 6 ^, 7 horn, 8 breve, 9 đ)."""
    return input_method_stream(typed_keys(word, "vni", tone_at_end), "vni")


def replay(widget, word: str, scheme: str = "telex", tone_at_end: bool = True) -> None:
    """Type *word* into the focused widget of *widget*'s window as Unikey would deliver it: ASCII keys as key
    events with their key code, composed characters as committed text, Backspace as the key."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import send_key, type_text

    stream = telex_keys(word, tone_at_end) if scheme == "telex" else vni_keys(word, tone_at_end)
    for key in stream:
        if key == "\b":
            send_key(QApplication.focusWidget() or widget, Qt.Key.Key_Backspace)
        else:
            type_text(widget, key)


VIETNAMESE_WORDS: list[str] = _words()
