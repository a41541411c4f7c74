"""Completeness judged by the office's clock, on any stored value, and the chain flags an office settles (issue 10,
parts 4 and 9). Real stores in temp folders; hostile or legacy rows are written into `bundles_received` by hand."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
import uuid

import pytest

from app.core.errors import UserError
from app.core.periods import Period
from tests.conftest import PASSWORD, make_accident
from tests.integration.conftest import TODAY
from tests.integration.test_cli import tnld

C1 = "06040"
Q1 = Period.parse("2026-Q1")  # ends 31 March 2026, due 5 April 2026 (5 days, the default)


def vietnam_today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=7))).date()


def judged_today(period: Period, due: dt.date, today: dt.date | None = None) -> str:
    """The state of a commune whose only bundles for *period* the office received *today* (by default the real
    day, as a `tnld` subprocess sees it)."""
    today = today or vietnam_today()
    return "interim" if today <= period.end else "on_time" if today <= due else "late"


@pytest.fixture
def received(office, commune, tmp_path):
    """The office, holding one real bundle (number 1) of commune 06040 for 2026-Q1."""
    commune.add(make_accident(unit=C1))
    commune.export("2026-Q1", tmp_path / "q1.tnld")
    [outcome] = office.import_files(tmp_path / "q1.tnld", receipts=tmp_path / "receipts")
    assert outcome.state == "imported"
    return office


def change(session, **values) -> None:
    """Set columns of every report row held (one real bundle unless more were added)."""
    with session.transaction():
        for column, value in values.items():
            session.db.execute(f"UPDATE bundles_received SET {column} = ? WHERE kind = 'report'", (value,))


def add_row(session, **values) -> str:
    """Another row for the commune, copied from the real one with *values* changed; returns its bundle id."""
    row = next(iter(session.db.query("SELECT * FROM bundles_received WHERE kind = 'report' ORDER BY rowid LIMIT 1")))
    bundle_id = str(uuid.uuid4())
    row.update(bundle_id=bundle_id, bundle_hash=uuid.uuid4().hex, **values)
    with session.transaction():
        session.db["bundles_received"].insert(row)
    return bundle_id


def state_of(session, period: Period = Q1):
    from app.services.completeness import completeness

    states, due = completeness(session, period)
    return next(state for state in states if state.unit == C1), due


# Timeliness is the office's.
def test_received_after_the_due_date_is_late_whatever_the_senders_clock_says(received):
    with received.session() as session:
        change(session, created_at="2026-04-02T03:00:00.000Z", received_on="2026-04-20")
        state, due = state_of(session)
    assert str(due) == "2026-04-05"
    assert (state.state, state.received_on, state.created_at) == ("late", "2026-04-20", "2026-04-02T03:00:00.000Z")


def test_received_by_the_due_date_is_on_time_though_made_after_it(received):
    with received.session() as session:
        change(session, created_at="2026-05-01T03:00:00.000Z", received_on="2026-04-05")
        assert state_of(session)[0].state == "on_time"
        change(session, received_on="2026-04-01")  # the day after the period's end
        assert state_of(session)[0].state == "on_time"


def test_received_while_the_period_ran_is_interim_not_on_time(received):
    with received.session() as session:
        change(session, created_at="2026-03-20T03:00:00.000Z", received_on="2026-03-31")
        state, _ = state_of(session)
        assert (state.state, state.received_on) == ("interim", "2026-03-31")
        # A final bundle later: the first one received after the end decides.
        add_row(session, sequence=2, received_on="2026-04-09", created_at="2026-04-01T01:00:00.000Z")
        add_row(session, sequence=3, received_on="2026-04-30", created_at="2026-04-01T02:00:00.000Z")
        state, _ = state_of(session)
        assert (state.state, state.received_on, state.sequence) == ("late", "2026-04-09", [1, 2, 3])


def test_the_import_day_counts_when_received_on_is_missing_or_unreadable(received):
    with received.session() as session:
        change(session, received_on=None, imported_at="2026-04-04T18:30:00.000Z")  # 5 April in Vietnam
        assert state_of(session)[0].state == "on_time"
        assert state_of(session)[0].received_on == "2026-04-05"
        change(session, imported_at="2026-04-05T17:30:00.000Z")  # 6 April in Vietnam: late
        assert state_of(session)[0].state == "late"
        change(session, received_on="someday", imported_at="2026-04-02T00:00:00.000Z")
        assert (state_of(session)[0].state, state_of(session)[0].received_on) == ("on_time", "2026-04-02")
        change(session, received_on="2026-02-30")
        assert state_of(session)[0].state == "on_time"


def test_a_fresh_import_is_judged_by_today(received):
    with received.session() as session:
        state, due = state_of(session)
    assert state.state == judged_today(Q1, due, TODAY.date()) == "late"
    assert state.received_on == TODAY.date().isoformat()  # the office's clock, not the sender's


# Never crash on a stored value.
def test_created_at_yesterday_and_other_garbage_do_not_crash(received):
    with received.session() as session:
        change(session, created_at="yesterday", received_on="2026-04-03")
        add_row(session, sequence=2, created_at=20260403, received_on=7, imported_at="2026-04-03T01:00:00Z", nil=2)
        add_row(session, sequence="two", created_at="2026-13-45T00:00:00Z", received_on="x", imported_at="soon")
        add_row(session, sequence=-4, created_at="9999-12-31T23:59:59+00:00", received_on=None,
                imported_at="0001-01-01T00:00:00-01:00")
        add_row(session, sequence=2.5, records="many", nil="yes", created_at="")
        state, _ = state_of(session)
    assert (state.state, state.received_on, state.created_at) == ("on_time", "2026-04-03", "yesterday")
    assert state.sequence.count(None) == 3 and 1 in state.sequence and 2 in state.sequence
    assert state.gaps == []
    json.dumps(state.as_json())


def test_only_unreadable_days_is_unknown_but_listed(received):
    with received.session() as session:
        change(session, received_on="?", imported_at="never", created_at="yesterday")
        state, _ = state_of(session)
    assert (state.state, state.sequence, state.received_on, state.created_at) == ("unknown", [1], None, "yesterday")


def test_safe_day_helpers():
    from app.services.completeness import calendar_day, vietnam_day

    assert vietnam_day("2026-06-30T17:00:00.000Z") == dt.date(2026, 7, 1)
    assert vietnam_day("2026-06-30T16:59:59Z") == dt.date(2026, 6, 30)
    for value in ("yesterday", None, 20260630, 1.5, b"2026-06-30", "", "9999-12-31T23:00:00Z", "2026-06-30\x00",
                  "x" * 10_000):
        assert vietnam_day(value) is None, value
    assert calendar_day("2026-06-30") == dt.date(2026, 6, 30)
    for value in ("2026-6-30", "20260630", "2026-02-30", None, 5, "2026-06-30T00:00"):
        assert calendar_day(value) is None, value


# Gaps.
def test_gaps_are_ranges_per_signing_key(received):
    with received.session() as session:
        for sequence in (3, 5, 9, 10):
            add_row(session, sequence=sequence, period="2025")  # gaps count whatever the period
        state, _ = state_of(session)
        assert (state.gaps, state.gaps_more) == ([[2, 2], [4, 4], [6, 8]], 0)
        # A new PC (another key) starts again at 1: its numbers do not fill the old key's gaps.
        add_row(session, signer="f" * 64, sequence=2, period="2025")
        add_row(session, signer="f" * 64, sequence=4, period="2025")
        state, _ = state_of(session)
    assert state.gaps == [[2, 2], [4, 4], [6, 8], [1, 1], [3, 3]]


def test_gap_ranges_are_bounded():
    from app.services.completeness import gap_ranges

    assert gap_ranges([1, 2, 3]) == []
    assert gap_ranges([4, 2, 2, 7]) == [[1, 1], [3, 3], [5, 6]]
    assert gap_ranges([10**12, -1, 0, "5", 2.0, None, 100_001, 100_000]) == [[1, 99_999]]
    started = time.perf_counter()
    assert gap_ranges(list(range(2, 200_000, 2))) [:2] == [[1, 1], [3, 3]]
    assert time.perf_counter() - started < 2


def test_many_gaps_are_capped(received):
    with received.session() as session:
        for sequence in range(3, 3 + 2 * 60, 2):  # 3, 5, …, 121: a gap before each
            add_row(session, sequence=sequence, period="2025")
        state, _ = state_of(session)
    assert len(state.gaps) == 50 and state.gaps_more == 10 and state.gaps[0] == [2, 2]
    assert state.as_json()["gaps"][:2] == [[2, 2], [4, 4]]


def limited_tnld(*args, data_dir, limit=1536 * 2**20, timeout=60):
    """`tnld` in a subprocess that may use at most *limit* bytes of memory (the old gaps wanted 24 GB)."""
    env = dict(os.environ, LANG="C.UTF-8", TNLD_PASSWORD=PASSWORD)

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "en", *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=timeout,
                          preexec_fn=cap)


def test_a_sequence_of_10_to_the_12_costs_nothing(received):
    with received.session() as session:
        add_row(session, sequence=10**12)
        add_row(session, sequence=7)
    started = time.perf_counter()
    result = limited_tnld("completeness", "--period", "2026-Q1", "--json", data_dir=received.path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert time.perf_counter() - started < 30
    row = next(r for r in json.loads(result.stdout) if r["unit"] == C1)
    assert row["gaps"] == [[2, 6]] and row["sequence"] == [1, 7, None]


# Flags.
def add_flag(session, kind="sequence_reused", unit=C1, detail='{"sequence": 1}', **values) -> int:
    with session.transaction():
        session.db["bundle_flags"].insert({
            "kind": kind, "bundle_id": str(uuid.uuid4()), "other_bundle_id": str(uuid.uuid4()), "unit": unit,
            "signer": "a" * 64, "detail": detail, "found_at": "2026-04-06T02:00:00.000Z", **values})
        return session.db.execute("SELECT max(id) FROM bundle_flags").fetchone()[0]


def test_flags_are_listed_counted_and_settled_by_an_admin(received):
    from app.services.flags import list_flags, settle_flag

    with received.session() as session:
        first = add_flag(session)
        second = add_flag(session, "chain_broken", detail="{not json")
        add_flag(session, "history_rewritten", unit="06112", detail='[1, 2]')
        add_flag(session, "chain_broken", settled_at="2026-04-07T00:00:00Z", settled_by="admin", settled_note="ok")
        flags = list_flags(session, unit=C1)
        assert [(f["id"], f["kind"]) for f in flags] == [(first, "sequence_reused"), (second, "chain_broken")]
        assert flags[0]["detail"] == {"sequence": 1} and flags[1]["detail"] is None
        assert len(list_flags(session)) == 3 and len(list_flags(session, include_settled=True)) == 4
        assert list_flags(session, unit="06112")[0]["detail"] is None
        assert state_of(session)[0].flags == 2

        settled = settle_flag(session, str(first), "  called the commune: they restored a backup  ")
        assert (settled["settled_by"], settled["settled_note"]) == ("admin", "called the commune: they restored a backup")
        assert settled["settled_at"] is not None
        assert state_of(session)[0].flags == 1
        audit = session.db.execute("SELECT action, entity, entity_id, detail FROM audit ORDER BY seq DESC LIMIT 1"
                                   ).fetchone()
        assert tuple(audit[:3]) == ("settle_flag", "bundle_flag", str(first))
        assert json.loads(audit[3]) == {"kind": "sequence_reused"}

        for flag_id, note, code in ((first, "again", "flag.already_settled"), (999, "x", "flag.unknown"),
                                    ("abc", "x", "flag.unknown"), ("-1", "x", "flag.unknown"),
                                    (str(10**30), "x", "flag.unknown"), (second, None, "flag.note_missing"),
                                    (second, "   ", "flag.note_missing"), (second, "x" * 501, "flag.note_invalid")):
            with pytest.raises(UserError) as raised:
                settle_flag(session, flag_id, note)
            assert raised.value.code == code, (flag_id, note)
            assert raised.value.exit_code == 2
        assert list_flags(session, unit=C1)[0]["id"] == second  # nothing changed by the refusals
        assert settle_flag(session, second, "x" * 500)["settled_note"] == "x" * 500


def test_a_clerk_may_not_settle_and_a_commune_has_no_flags(received, commune):
    from app.services.flags import list_flags, settle_flag
    from app.services.users import add_user
    from app.services.workspace import login

    with received.session() as session:
        flag = add_flag(session)
        add_user(session, "clerk", "clerk", PASSWORD)
    with login(received.path, "clerk", PASSWORD) as session:
        assert len(list_flags(session)) == 1  # a clerk sees them
        with pytest.raises(UserError) as raised:
            settle_flag(session, flag, "looked into it")
        assert raised.value.code == "role.forbidden"
    with received.session() as session:
        assert list_flags(session)[0]["settled_at"] is None
    with commune.session() as session, pytest.raises(UserError) as raised:
        list_flags(session)
    assert raised.value.code == "role.office_only"


# The command line.
def test_completeness_on_the_command_line(received):
    with received.session() as session:
        change(session, created_at="yesterday", received_on="2026-04-03")
        add_row(session, sequence=4)
        add_row(session, sequence=9, period="2025", received_on="2025-12-02")
        add_flag(session)
        add_flag(session, "history_rewritten")
    result = tnld("completeness", "--period", "2026-Q1", data_dir=received.path)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith(C1))
    assert "on time" in line and "1, 4" in line and "2–3, 5–8" in line and "03/04/2026" in line
    assert "?" in line and "⚠ 2" in line
    assert "1 on time, 0 late, 0 interim" in result.stdout
    assert "tnld conflicts" in result.stdout
    rows = json.loads(tnld("completeness", "--period", "2026-Q1", "--json", data_dir=received.path).stdout)
    row = next(r for r in rows if r["unit"] == C1)
    assert (row["state"], row["received_on"], row["created_at"], row["flags"]) == ("on_time", "2026-04-03", "yesterday", 2)
    assert row["gaps"] == [[2, 3], [5, 8]] and "imported_at" in row


def test_conflicts_and_settling_on_the_command_line(received):
    from app.services.users import add_user

    with received.session() as session:
        first = add_flag(session)
        add_flag(session, "chain_broken", detail="garbage")
        add_user(session, "clerk", "clerk", PASSWORD)
    listed = tnld("conflicts", data_dir=received.path)
    assert listed.returncode == 0, listed.stderr
    assert "restored a backup" in listed.stdout and "previous_hash" in listed.stdout
    assert f"#{first}" in listed.stdout and "2 chain flag(s) to settle" in listed.stdout
    as_json = json.loads(tnld("conflicts", "--json", data_dir=received.path).stdout)
    assert as_json["conflicts"] == [] and [f["id"] for f in as_json["flags"]] == [first, first + 1]

    for args, words in ((["999", "--note", "x"], "no flag 999"), ([str(first)], "--note"),
                        ([str(first), "--note", ""], "--note"), (["abc", "--note", "x"], "no flag abc")):
        refused = tnld("conflicts", "settle", *args, data_dir=received.path)
        assert refused.returncode == 2 and words in refused.stderr, (args, refused.stderr)
        assert "Traceback" not in refused.stderr
    clerk = tnld("--user", "clerk", "conflicts", "settle", str(first), "--note", "x", data_dir=received.path)
    assert clerk.returncode == 2 and "may not" in clerk.stderr and "Traceback" not in clerk.stderr

    settled = tnld("conflicts", "settle", str(first), "--note", "the commune restored a backup", data_dir=received.path)
    assert settled.returncode == 0, settled.stderr
    again = tnld("conflicts", "settle", str(first), "--note", "again", data_dir=received.path)
    assert again.returncode == 2 and "already settled" in again.stderr
    assert f"#{first}" not in tnld("conflicts", data_dir=received.path).stdout
    every = tnld("conflicts", "--all", data_dir=received.path).stdout
    assert f"#{first}" in every and "the commune restored a backup" in every
