"""Records in a real encrypted database: versions, voids, search, periods, history, all-or-nothing files."""

import json

import pytest

from app.core.errors import UserError, ValidationFailed
from app.core.periods import Period
from app.db.audit import verify_chain
from app.services import records
from tests.conftest import make_accident, make_victim


def write_jsonl(path, accidents):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in accidents), encoding="utf-8")
    return path


def counts(session):
    return {table: session.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("accidents", "accident_versions", "victims", "audit")}


def test_save_sets_version_author_and_times(session):
    raw = make_accident()
    result = records.save_accident(session, raw)
    assert (result.action, result.version) == ("added", 1)
    stored = records.get_accident(session, raw["id"])
    assert stored["version"] == 1 and stored["author"] == "admin"
    assert stored["created_at"] == stored["updated_at"] and stored["created_at"].endswith("Z")


def test_saving_again_stores_the_next_version_and_keeps_history(session):
    raw = make_accident()
    records.save_accident(session, raw)
    assert records.save_accident(session, raw).action == "unchanged"
    changed = dict(raw, description="Ngã từ cây hồi cao 8 m.", version=99, author="ignored")
    result = records.save_accident(session, changed)
    assert (result.action, result.version) == ("updated", 2)
    history = records.history(session, raw["id"])
    assert [v["version"] for v in history] == [1, 2]
    assert history[0]["description"] == raw["description"]
    assert history[1]["created_at"] == history[0]["created_at"]
    assert history[1]["author"] == "admin"


def test_void_hides_the_record_but_keeps_it(session):
    raw = make_accident()
    records.save_accident(session, raw)
    result = records.void_accident(session, raw["id"], "nhập trùng")
    assert (result.action, result.version) == ("voided", 2)
    assert records.list_accidents(session) == []
    listed = records.list_accidents(session, include_void=True)
    assert [(r["id"], r["status"]) for r in listed] == [(raw["id"], "void")]
    assert len(records.history(session, raw["id"])) == 2


def test_a_new_record_cannot_start_void(session):
    with pytest.raises(ValidationFailed):
        records.save_accident(session, make_accident(status="void"))


def test_invalid_record_saves_nothing(session):
    before = counts(session)
    with pytest.raises(ValidationFailed) as caught:
        records.save_accident(session, make_accident(occurred_on="2099-01-01"))
    assert caught.value.errors[0].field == "occurred_on"
    assert counts(session) == before


def test_warnings_do_not_block(session):
    result = records.save_accident(session, make_accident(victims=[make_victim(sex="F")]))
    assert result.action == "added"
    assert [w.code for w in result.warnings] == ["id_number.sex_century"]


@pytest.mark.parametrize("query", ["duc", "ĐỨC", "hoang duc", "duc hoang", "na pan", "hai hoi", "cành gãy", "oan"])
def test_search_without_diacritics_in_any_order(session, query):
    records.save_accident(session, make_accident())
    records.save_accident(session, make_accident(village="Bản Khuổi Kẹn", work="Xây nhà", description=None,
                                                 victims=[make_victim(name="Triệu Thị Mùi", sex="F", id_number=None)]))
    found = records.list_accidents(session, search=query)
    assert [r["first_victim"] for r in found] == ["Hoàng Văn Đức"]


def test_search_finds_short_words_and_all_victims(session):
    records.save_accident(session, make_accident(victims=[make_victim(), make_victim(name="Ma Thị Hà", sex="F",
                                                                                     id_number=None)]))
    records.save_accident(session, make_accident(village="Thôn Pác Cáp", victims=[make_victim(name="Vi Văn Tuấn")]))
    assert len(records.list_accidents(session, search="ma ha")) == 1
    assert len(records.list_accidents(session, search="ma xyz")) == 0
    # One or two letters match the beginning of a word, three or more anywhere in a word.
    assert [r["first_victim"] for r in records.list_accidents(session, search="vi")] == ["Vi Văn Tuấn"]
    assert [r["first_victim"] for r in records.list_accidents(session, search="Đứ")] == ["Hoàng Văn Đức"]
    assert len(records.list_accidents(session, search="uan")) == 1
    assert len(records.list_accidents(session, search="ua")) == 0


def test_period_filter_is_inclusive(session):
    for day in ("2025-12-31", "2026-01-01", "2026-06-30", "2026-07-01"):
        records.save_accident(session, make_accident(occurred_on=day, declared_on=day))
    dates = lambda p: sorted(r["occurred_on"] for r in records.list_accidents(session, period=Period.parse(p)))  # noqa: E731
    assert dates("2026-H1") == ["2026-01-01", "2026-06-30"]
    assert dates("2026") == ["2026-01-01", "2026-06-30", "2026-07-01"]
    assert dates("2025-12") == ["2025-12-31"]
    assert dates("2026-Q3") == ["2026-07-01"]


def test_add_file_adds_updates_and_reports(session, tmp_path):
    first, second = make_accident(), make_accident(victims=[make_victim(name="Nông Văn Lâm", id_number=None)])
    report = records.add_file(session, write_jsonl(tmp_path / "a.jsonl", [first, second]))
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    report = records.add_file(session, write_jsonl(tmp_path / "b.jsonl", [first, dict(second, status="void")]))
    assert (report.added, report.unchanged, report.voided) == (0, 1, 1)
    assert verify_chain(session.db).ok


def test_one_bad_line_rejects_the_whole_file(session, tmp_path):
    before = counts(session)
    lines = [make_accident(), make_accident(), make_accident(factor="42"), make_accident(victims=[])]
    with pytest.raises(ValidationFailed) as caught:
        records.add_file(session, write_jsonl(tmp_path / "bad.jsonl", lines))
    found = [(i.line, i.field, i.code) for i in caught.value.errors]
    assert found == [(3, "factor", "code.unknown"), (4, "victims", "victims.none")]
    assert str(caught.value.errors[0]).startswith("line 3: factor:")
    assert counts(session) == before


def test_an_id_twice_in_one_file_is_refused(session, tmp_path):
    accident = make_accident()
    with pytest.raises(ValidationFailed) as caught:
        records.add_file(session, write_jsonl(tmp_path / "dup.jsonl", [accident, accident]))
    assert [(i.line, i.code) for i in caught.value.errors] == [(2, "jsonl.duplicate_id")]


def test_progress_and_cancel(session, tmp_path):
    path = write_jsonl(tmp_path / "many.jsonl", [make_accident() for _ in range(600)])
    seen = []
    records.add_file(session, path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(500, 600), (600, 600)]
    before = counts(session)
    path = write_jsonl(tmp_path / "more.jsonl", [make_accident() for _ in range(600)])
    calls = iter(range(10_000))
    with pytest.raises(UserError) as caught:
        records.add_file(session, path, cancel=lambda: next(calls) > 700)
    assert caught.value.code == "operation.cancelled"
    assert counts(session) == before


def test_a_viewer_cannot_save(session):
    from app.services import users
    from app.services.workspace import login
    from tests.conftest import PASSWORD

    users.add_user(session, "xem", "viewer", "mat-khau-doc-1")
    with login(session.datadir.path, "xem", "mat-khau-doc-1") as viewer:
        with pytest.raises(UserError) as caught:
            records.save_accident(viewer, make_accident())
        assert caught.value.code == "role.forbidden"
        assert records.list_accidents(viewer) == []
    assert PASSWORD


def test_an_office_keeps_each_record_with_its_commune(office_session):
    result = records.save_accident(office_session, make_accident(unit="06112", victims=[make_victim(residence="06112")]))
    assert result.action == "added"
    assert records.list_accidents(office_session)[0]["unit"] == "06112"


def test_a_source_that_changes_between_the_two_passes_saves_nothing(session):
    first_pass = [make_accident(), make_accident()]
    second_pass = [first_pass[0], dict(first_pass[1], work="Đổi nội dung")]
    calls = iter([first_pass, second_pass])
    before = counts(session)

    def source():
        return enumerate(next(calls), start=1)

    with pytest.raises(UserError) as caught:
        records.add_records(session, source)
    assert caught.value.code == "file.changed"
    assert counts(session) == before
    assert verify_chain(session.db).ok
