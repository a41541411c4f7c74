"""Vietnamese formats for printed forms and sheets (SPEC § 6, Decree 30/2020).

Dates as the place-date line writes them ("ngày 05 tháng 01 năm 2026"), numbers with a dot between thousands and
a comma before decimals ("1.234", "12,5 %"). Small enough not to need a locale library: these are the only forms
the program prints, and they must not change with the machine's locale.
"""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """`ngày 05 tháng 01 năm 2026`: day and month on two digits, as administrative documents write them."""
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def place_date(place: str, day: dt.date) -> str:
    """The italic line under the national motto: `Lạng Sơn, ngày 05 tháng 01 năm 2026`."""
    return f"{place}, {long_date(day)}"


def short_date(value: dt.date | str | None) -> str:
    """`05/01/2026`, or empty."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def number(value: float | int | None, decimals: int = 0) -> str:
    """`1.234`, `1.234.567`, `12,5` (with *decimals*); empty for None."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: float | None, decimals: int = 1) -> str:
    """`12,5 %` for 0.125 (a no-break space before the sign, which must not end a line alone)."""
    if value is None:
        return ""
    return f"{number(value * 100, decimals)}\u00a0%"


# Excel number formats with the same look whatever the reader's locale: a literal dot as thousands separator is
# not possible in a number format, so these use Excel's own separators; the workbook is marked Vietnamese and
# Vietnamese Excel shows "1.234" and "12,5%".
EXCEL_INTEGER = "#,##0"
EXCEL_DECIMAL = "#,##0.0"
EXCEL_PERCENT = "0.0%"
EXCEL_DATE = "dd/mm/yyyy"
