"""Long work and the services as the one way in (app.core.progress): every long service finishes or raises
`Cancelled` with nothing half-done (database, audit log, output files); results name the ids they changed; the
rules a window must not skip (roles, overwriting, ids by prefix) live in the services."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.periods import Period
from app.core.progress import Cancelled
from tests.conftest import COMMUNE, PASSWORD, make_accident, make_victim

TABLES = ("accidents", "accident_versions", "victims", "incidents", "incident_versions", "audit", "bundles_sent",
          "sent_records", "bundles_received", "conflicts", "settings", "trusted_keys", "duplicate_decisions")


def snapshot(session) -> dict:
    """Everything a long service could change: row counts, the records' versions, the audit chain's head."""
    db = session.db
    state: dict = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    state["records"] = db.execute("SELECT id, version, status FROM accidents ORDER BY id").fetchall()
    state["audit_head"] = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return state


class CancelAfter:
    """Progress that records its calls, and a cancel that turns true once it has been told *calls* times."""

    def __init__(self, calls: int) -> None:
        self.calls = calls
        self.seen: list[tuple[int, int]] = []

    def progress(self, done: int, total: int) -> None:
        self.seen.append((done, total))

    def cancel(self) -> bool:
        return len(self.seen) >= self.calls


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in Path(folder).rglob("*") if path.is_file())


def incident(**changes):
    record = {"kind": "incident", "id": str(uuid.uuid4()), "unit": COMMUNE, "occurred_on": "2026-03-01",
              "village": "Thôn Nà Pàn", "place": "6.1", "what_failed": "Giàn giáo tre của nhà đang xây bị sập",
              "damage_kvnd": 35_000, "status": "confirmed"}
    record.update(changes)
    return record


def test_cancelled_is_a_user_error_with_exit_code_2():
    error = Cancelled()
    assert isinstance(error, UserError) and error.code == "operation.cancelled" and error.exit_code == 2
    assert error.partial is None and "cancelled" in str(error)


# Adding records.
def test_add_cancelled_midway_rolls_back_the_whole_file(session, tmp_path):
    from app.services import records

    path = tmp_path / "many.jsonl"
    path.write_text("".join(__import__("json").dumps(make_accident(), ensure_ascii=False) + "\n"
                            for _ in range(1200)), encoding="utf-8")
    before = snapshot(session)
    watch = CancelAfter(2)  # told at 500 and 1000 records: the cancel comes inside the transaction
    with pytest.raises(Cancelled):
        records.add_file(session, path, progress=watch.progress, cancel=watch.cancel)
    assert watch.seen == [(500, 1200), (1000, 1200)]
    assert snapshot(session) == before


def test_add_names_the_ids_it_changed(session):
    from app.services.records import add_records

    first, second = make_accident(), make_accident(occurred_on="2026-03-20", declared_on="2026-03-21")
    linked = incident(accident_ids=[first["id"]])
    report = add_records(session, lambda: enumerate([first, second, linked], start=1))
    assert report.changed.accidents == {first["id"]: "added", second["id"]: "added"}
    assert report.changed.incidents == {linked["id"]: "added"}
    report = add_records(session, lambda: enumerate(
        [dict(first, village="Thôn Nà Lầu"), dict(second, status="void"), linked], start=1))
    assert report.changed.accidents == {first["id"]: "updated", second["id"]: "voided"}
    assert report.changed.incidents == {} and report.unchanged == 1 and len(report.changed) == 2


# Reports.
@pytest.fixture
def demo_commune(session):
    from app.services import demo

    demo.fill(session, count=200, seed=5)
    return session


REPORTS = [("periodic", "json"), ("periodic", "xlsx"), ("periodic", "pdf"), ("linelist", "xlsx"),
           ("indicators", "pdf"), ("indicators", "xlsx"), ("register", "pdf"), ("register", "xlsx")]


def test_every_report_cancelled_at_any_step_leaves_no_file(demo_commune, tmp_path):
    from app.services.reports import write_report

    session = demo_commune
    period = Period(session.today().year, "year", 1)
    before = snapshot(session)
    for kind, fmt in REPORTS:
        done = CancelAfter(10_000)
        folder = tmp_path / f"{kind}-{fmt}"
        folder.mkdir()
        write_report(session, period, kind, fmt, folder / f"whole.{fmt}", progress=done.progress)
        totals = {total for _, total in done.seen}
        assert totals == {100} and done.seen[-1] == (100, 100), (kind, fmt, done.seen)
        assert [d for d, _ in done.seen] == sorted(d for d, _ in done.seen), (kind, fmt, done.seen)
        for calls in sorted({1, len(done.seen) // 2, len(done.seen) - 1}):
            watch = CancelAfter(calls)
            with pytest.raises(Cancelled):
                write_report(session, period, kind, fmt, folder / f"cancelled.{fmt}", progress=watch.progress,
                             cancel=watch.cancel)
            assert len(watch.seen) == calls, (kind, fmt, calls)
        assert files_in(folder) == [f"whole.{fmt}"], (kind, fmt)
    with pytest.raises(Cancelled):  # cancelled before it began: in the first query
        write_report(session, period, "periodic", "xlsx", tmp_path / "never.xlsx", cancel=lambda: True)
    assert not (tmp_path / "never.xlsx").exists()
    assert snapshot(session) == before


def test_a_notice_of_a_period_cancelled_leaves_no_file(demo_commune, tmp_path):
    from app.services.reports import accident_form

    period = Period(demo_commune.today().year, "year", 1)
    out = tmp_path / "out"
    out.mkdir()
    for calls in (1, 2):  # after reading the records; after drawing, before the file is written
        watch = CancelAfter(calls)
        with pytest.raises(Cancelled):
            accident_form(demo_commune, "notice", out / "notice.pdf", period=period, progress=watch.progress,
                          cancel=watch.cancel)
        assert not out.exists() or files_in(out) == []
    seen = CancelAfter(100)
    accident_form(demo_commune, "notice", out / "notice.pdf", period=period, progress=seen.progress)
    assert seen.seen == [(1, 3), (2, 3), (3, 3)] and files_in(out) == ["notice.pdf"]


def test_the_renderers_stop_when_cancelled(demo_commune):
    from app.reports.excel import periodic_workbook
    from app.reports.pdf import periodic_pdf
    from app.reports.tables import periodic_rows
    from app.services.reports import cases, heading, periodic

    period = Period(demo_commune.today().year, "year", 1)
    result = periodic(demo_commune, period)
    rows, facts, listed = periodic_rows(result, demo_commune.codelists), heading(demo_commune), cases(
        demo_commune, period, result)
    for render in (periodic_workbook, periodic_pdf):
        with pytest.raises(Cancelled):
            render(result, rows, facts, listed, [], cancel=lambda: True)


def test_a_long_query_is_interrupted_by_cancel(session):
    from app.db.connection import interruptible

    slow = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000)"
            " SELECT count(*) FROM n")
    asked = []
    with pytest.raises(Cancelled), interruptible(session.db, lambda: asked.append(1) or len(asked) > 3):
        session.db.execute(slow).fetchone()
    with interruptible(session.db, lambda: False), pytest.raises(Cancelled), interruptible(session.db, lambda: True):
        session.db.execute(slow).fetchone()
    assert session.db.execute(slow).fetchone()[0] == 3_000_000  # the handler is gone after the block


# Backups.
def test_a_backup_cancelled_at_any_step_leaves_no_file_and_no_audit_row(demo_commune, tmp_path):
    from app.services.backup import write_backup

    before = snapshot(demo_commune)
    out = tmp_path / "out"
    out.mkdir()
    for calls in (1, 2):  # in the copy of the pages; while the file is written
        watch = CancelAfter(calls)
        with pytest.raises(Cancelled):
            write_backup(demo_commune, out / "b.tnldbak", progress=watch.progress, cancel=watch.cancel)
        assert len(watch.seen) == calls
        assert files_in(out) == [] and not list(demo_commune.datadir.path.glob(".backup-*"))
        assert snapshot(demo_commune) == before


def test_a_backup_holds_its_own_audit_row_the_same_as_the_database(demo_commune, tmp_path):
    from app.db.audit import verify_chain
    from app.db.connection import connect
    from app.services.backup import write_backup

    write_backup(demo_commune, tmp_path / "b.tnldbak")
    with zipfile.ZipFile(tmp_path / "b.tnldbak") as archive:
        archive.extract("tnld.db", tmp_path / "x")
    copy = connect(tmp_path / "x" / "tnld.db", demo_commune.key)
    try:
        query = "SELECT seq, action, entity_id, hash FROM audit ORDER BY seq DESC LIMIT 1"
        assert copy.execute(query).fetchone() == demo_commune.db.execute(query).fetchone()
        assert copy.execute(query).fetchone()[1:3] == ("backup", "b.tnldbak")
        assert verify_chain(copy).ok and verify_chain(demo_commune.db).ok
    finally:
        copy.close()


def test_a_backup_does_not_overwrite_a_file_unless_asked(session, tmp_path):
    from app.services.backup import write_backup

    target = tmp_path / "b.tnldbak"
    target.write_bytes(b"an older backup")
    before = snapshot(session)
    with pytest.raises(UserError) as caught:
        write_backup(session, target)
    assert caught.value.code == "file.exists" and target.read_bytes() == b"an older backup"
    assert snapshot(session) == before
    write_backup(session, target, overwrite=True)
    assert zipfile.is_zipfile(target)


# Duplicates.
def test_duplicates_are_an_offices_work(session):
    from app.services import duplicates

    for call in (lambda: duplicates.candidates(session),
                 lambda: duplicates.resolve(session, "x/1", "y/1", "same")):
        with pytest.raises(UserError) as caught:
            call()
        assert caught.value.code == "role.office_only"


def test_duplicate_candidates_report_progress_and_can_be_cancelled(office_session):
    from app.services import duplicates
    from app.services.records import add_records

    same = make_victim(name="Hoàng Văn Đức", id_number="020084009999")
    both = [make_accident(victims=[same]), make_accident(occurred_on="2026-03-15", victims=[same])]
    add_records(office_session, lambda: enumerate(both, start=1))
    watch = CancelAfter(100)
    pairs = duplicates.candidates(office_session, progress=watch.progress)
    assert len(pairs) == 1 and pairs[0].reason == "id_number" and watch.seen == [(1, 2), (2, 2)]
    for cancel in (CancelAfter(1), CancelAfter(0)):
        with pytest.raises(Cancelled):
            duplicates.candidates(office_session, progress=cancel.progress, cancel=cancel.cancel)


# Demo data and the search index.
def test_demo_cancelled_changes_nothing(session, office_session):
    from app.services import demo

    before = snapshot(session)
    watch = CancelAfter(1)  # told at 500 of 600 and more records: inside the saving transaction
    with pytest.raises(Cancelled):
        demo.fill(session, count=600, progress=watch.progress, cancel=watch.cancel)
    assert snapshot(session) == before  # not even the demo signer's setting

    before = snapshot(office_session)
    asked = []
    with pytest.raises(Cancelled):  # while the communes' keys and bundles are made
        demo.fill(office_session, count=60, cancel=lambda: asked.append(1) or len(asked) > 4)
    assert snapshot(office_session) == before


def test_the_search_index_is_never_partial(demo_commune):
    from app.services.search import SearchIndex

    watch = CancelAfter(1)
    with pytest.raises(Cancelled):
        SearchIndex.load(demo_commune.store, progress=watch.progress, cancel=watch.cancel)
    assert len(SearchIndex.load(demo_commune.store)) > 0


# Bundles: export and import.
def test_an_export_cancelled_leaves_no_bundle_and_no_trace(commune, tmp_path):
    from app.services.exchange import export_bundle

    commune.add(make_accident(), make_accident(occurred_on="2026-04-02", declared_on="2026-04-03"))
    out = tmp_path / "stick" / "b.tnld"
    out.parent.mkdir()
    with commune.session() as session:
        before = snapshot(session)
        for calls in (0, 1, 3):  # before the records; in the report parts; the last moment
            watch = CancelAfter(calls)
            with pytest.raises(Cancelled):
                export_bundle(session, Period.parse("2026"), out, progress=watch.progress, cancel=watch.cancel)
            assert files_in(out.parent) == [] and snapshot(session) == before
        watch = CancelAfter(10_000)
        result = export_bundle(session, Period.parse("2026"), out, progress=watch.progress)
    assert result.sequence == 1 and watch.seen[-1][0] == watch.seen[-1][1]  # no number used by the cancels


@pytest.fixture
def bundles(commune, office, tmp_path):
    """Four bundles of one commune (one accident a month, January to April), on a stick."""
    stick = tmp_path / "stick"
    stick.mkdir()
    paths = []
    for month in (1, 2, 3, 4):
        day = f"2026-{month:02d}-10"
        commune.add(make_accident(occurred_on=day, declared_on=day))
        paths.append(commune.export(f"2026-{month:02d}", stick / f"b{month}.tnld").path)
    return office, stick, paths


def test_an_import_cancelled_before_a_commit_changes_nothing(bundles):
    from app.services.exchange import import_files

    office, stick, paths = bundles
    with office.session() as session:
        before = snapshot(session)
        watch = CancelAfter(1)
        with pytest.raises(Cancelled) as caught:
            import_files(session, paths[:3], progress=watch.progress, cancel=watch.cancel)
        assert caught.value.code == "operation.cancelled" and caught.value.partial == []
        assert snapshot(session) == before
    assert not [name for name in files_in(stick) if name.startswith("bien-nhan")]  # no receipt for nothing


def test_an_import_cancelled_keeps_the_bundles_committed_before_whole(bundles, monkeypatch):
    from app.services import exchange

    office, stick, paths = bundles
    monkeypatch.setattr(exchange, "GROUP_RECORDS", 1)  # a commit after every bundle
    with office.session() as session:
        watch = CancelAfter(2)
        with pytest.raises(Cancelled) as caught:  # four files: checked by worker processes, stopped
            exchange.import_files(session, paths, progress=watch.progress, cancel=watch.cancel)
        error = caught.value
        assert error.code == "import.cancelled" and error.params == {"count": 2}
        assert [outcome.state for outcome in error.partial] == ["imported", "imported"]
        assert all(outcome.receipt is not None and outcome.receipt.exists() for outcome in error.partial)
        assert session.db.execute("SELECT count(*) FROM bundles_received").fetchone()[0] == 2
        assert session.db.execute("SELECT count(*) FROM accidents").fetchone()[0] == 2
        again = exchange.import_files(session, paths)
    assert [outcome.state for outcome in again] == ["already", "already", "imported", "imported"]


def test_the_import_names_the_ids_it_changed(commune, office, tmp_path):
    from app.services.exchange import changed_by

    first, second = make_accident(), make_accident(occurred_on="2026-04-02", declared_on="2026-04-03")
    linked = incident(accident_ids=[first["id"]])
    commune.add(first, second, linked)
    commune.export("2026", tmp_path / "one.tnld")
    [outcome] = office.import_files(tmp_path / "one.tnld")
    assert outcome.changed.accidents == {first["id"]: "added", second["id"]: "added"}
    assert outcome.changed.incidents == {linked["id"]: "added"}
    assert outcome.plan.write == []  # the records themselves are released; the ids stay
    commune.add(dict(first, village="Thôn Nà Lầu"), dict(second, status="void"))
    commune.export("2026", tmp_path / "two.tnld")
    outcomes = office.import_files(tmp_path / "one.tnld", tmp_path / "two.tnld")
    assert [o.state for o in outcomes] == ["already", "imported"] and not outcomes[0].changed
    changed = changed_by(outcomes)
    assert changed.accidents == {first["id"]: "updated", second["id"]: "voided"} and changed.incidents == {}


def test_an_import_of_no_file_says_so(office, tmp_path):
    from app.services.exchange import import_files

    with office.session() as session, pytest.raises(UserError) as caught:
        import_files(session, [tmp_path])
    assert caught.value.code == "import.nothing"


# Records by the first characters of their id.
def test_ids_by_prefix_unknown_short_and_ambiguous(session):
    from app.services.records import add_records, count_accidents, resolve_id

    one = make_accident(id="1234abcd-aaaa-4aaa-8aaa-aaaaaaaaaaaa")
    two = make_accident(id="1234abcd-bbbb-4bbb-8bbb-bbbbbbbbbbbb", occurred_on="2026-04-02", declared_on="2026-04-03")
    other = incident(id="9876fedc-cccc-4ccc-8ccc-cccccccccccc")
    add_records(session, lambda: enumerate([one, two, other], start=1))
    assert resolve_id(session, "1234ABCD-A") == one["id"]
    assert resolve_id(session, two["id"]) == two["id"]
    assert resolve_id(session, "9876fedc") == other["id"]  # incidents too
    with pytest.raises(UserError) as caught:
        resolve_id(session, "1234abcd")
    assert caught.value.code == "record.ambiguous"
    assert str(caught.value) == (
        "more than one record has an id beginning with 1234abcd: 1234abcd-aaaa-4aaa-8aaa-aaaaaaaaaaaa (14/03/2026),"
        " 1234abcd-bbbb-4bbb-8bbb-bbbbbbbbbbbb (02/04/2026); give more characters of the id")
    for prefix in ("1234abc", "00000000", "1234abc_", "1234abcd%", ""):
        with pytest.raises(UserError) as caught:
            resolve_id(session, prefix)
        assert caught.value.code == "record.unknown", prefix
    assert count_accidents(session) == 2 and count_accidents(session, search="Đức") == 2
    assert count_accidents(session, Period.parse("2026-04")) == 1


def test_the_command_line_names_the_ambiguous_records(commune_dir):
    from app.services.records import add_records
    from app.services.workspace import login
    from tests.integration.test_cli import tnld

    both = [make_accident(id="1234abcd-aaaa-4aaa-8aaa-aaaaaaaaaaaa"),
            make_accident(id="1234abcd-bbbb-4bbb-8bbb-bbbbbbbbbbbb")]
    with login(commune_dir, "admin", PASSWORD) as session:
        add_records(session, lambda: enumerate(both, start=1))
    result = tnld("void", "1234abcd", "--reason", "nhập trùng", data_dir=commune_dir)
    assert result.returncode == 2 and "1234abcd-aaaa" in result.stderr and "1234abcd-bbbb" in result.stderr
    assert tnld("void", "1234abcd-b", "--reason", "nhập trùng", data_dir=commune_dir).returncode == 0
