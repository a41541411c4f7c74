"""Reporting periods: a year, a half-year, a quarter or a month, inclusive at both ends.

`2026`, `2026-H1`, `2026-H2`, `2026-Q1`…`2026-Q4`, `2026-03` (SPEC § 9). A period is judged by the accident date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.core.errors import UserError

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # Vietnam has one time zone and no summer time


def vietnam_now() -> dt.datetime:
    """Now, as a clock in Vietnam shows it (without a time zone): what "today" means for a report's period, a
    date in the future, a due date and the day an office received a bundle, whatever zone the PC is set to."""
    return dt.datetime.now(dt.UTC).astimezone(VIETNAM).replace(tzinfo=None)


_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<month>\d{2})))?$")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; `kind` is 'year', 'half', 'quarter' or 'month', `number` its index in the year."""

    year: int
    kind: str
    number: int = 0

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PATTERN.match(text.strip().upper())
        if not match:
            raise UserError("period.invalid", value=text)
        year = int(match["year"])
        if not 2000 <= year <= 2100:
            raise UserError("period.invalid", value=text)
        if match["half"]:
            return cls(year, "half", int(match["half"][1]))
        if match["quarter"]:
            return cls(year, "quarter", int(match["quarter"][1]))
        if match["month"]:
            month = int(match["month"])
            if not 1 <= month <= 12:
                raise UserError("period.invalid", value=text)
            return cls(year, "month", month)
        return cls(year, "year")

    @property
    def first_month(self) -> int:
        return {"year": 1, "half": 6 * (self.number - 1) + 1, "quarter": 3 * (self.number - 1) + 1}.get(
            self.kind, self.number
        )

    @property
    def last_month(self) -> int:
        return {"year": 12, "half": 6 * self.number, "quarter": 3 * self.number}.get(self.kind, self.number)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        last = self.last_month
        return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous_year(self) -> Period:
        """The same period of the year before (Directive 31 indicators compare against it)."""
        return Period(self.year - 1, self.kind, self.number)

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "half":
            return f"{self.year}-H{self.number}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"
