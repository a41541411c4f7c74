import datetime as dt

import pytest

from app.core.errors import UserError
from app.core.periods import Period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", "2026-01-01", "2026-12-31"),
        ("2026-H1", "2026-01-01", "2026-06-30"),
        ("2026-h2", "2026-07-01", "2026-12-31"),
        ("2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026-Q3", "2026-07-01", "2026-09-30"),
        ("2026-Q4", "2026-10-01", "2026-12-31"),
        ("2026-03", "2026-03-01", "2026-03-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2026-02", "2026-02-01", "2026-02-28"),
    ],
)
def test_period_bounds(text, start, end):
    period = Period.parse(text)
    assert period.start.isoformat() == start
    assert period.end.isoformat() == end
    assert Period.parse(str(period)) == period


def test_period_is_inclusive_at_both_ends():
    half = Period.parse("2026-H1")
    assert half.contains(dt.date(2026, 1, 1))
    assert half.contains(dt.date(2026, 6, 30))
    assert not half.contains(dt.date(2025, 12, 31))
    assert not half.contains(dt.date(2026, 7, 1))


@pytest.mark.parametrize("text", ["", "26", "2026-H3", "2026-Q5", "2026-13", "2026-00", "2026/03", "abc", "1999"])
def test_bad_periods_are_refused_with_the_accepted_forms(text):
    with pytest.raises(UserError) as caught:
        Period.parse(text)
    assert caught.value.code == "period.invalid"
    assert "2026-H1" in str(caught.value)


def test_previous_year():
    assert str(Period.parse("2026-H1").previous_year()) == "2025-H1"


@pytest.mark.parametrize("zone", ["Pacific/Honolulu", "Pacific/Kiritimati", "UTC"])
def test_today_is_vietnams_whatever_zone_the_pc_is_set_to(monkeypatch, zone):
    """A commune PC set to the wrong zone must not move a report's day (found: received "yesterday" in Honolulu)."""
    import datetime as dt
    import time

    from app.core.periods import vietnam_now
    from app.services.workspace import Session

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        expected = dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)
        assert abs(vietnam_now() - expected.replace(tzinfo=None)) < dt.timedelta(minutes=1)
        assert Session.__dataclass_fields__["clock"].default is vietnam_now
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
