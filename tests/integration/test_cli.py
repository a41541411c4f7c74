"""The `tnld` command end to end, in subprocesses: exit codes, messages, and nothing changed on bad input."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PASSWORD, make_accident, make_victim


def tnld(*args, data_dir=None, password=PASSWORD, lang="en", env_extra=None, stdin=None):
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("TNLD_PASSWORD", None)
    if password is not None:
        env["TNLD_PASSWORD"] = password
    if env_extra:
        env.update(env_extra)
    command = [sys.executable, "-m", "app"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    if lang:
        command += ["--lang", lang]
    return subprocess.run(command + list(args), capture_output=True, text=True, env=env, stdin=stdin or subprocess.DEVNULL,
                          timeout=120)


def jsonl(path, accidents):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in accidents), encoding="utf-8")
    return path


def db_state(data_dir):
    from app.services.workspace import login

    with login(data_dir, "admin", PASSWORD, audit=False) as session:
        return {t: session.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("accidents", "accident_versions", "victims", "audit")}


def test_version_and_help_in_both_languages():
    result = tnld("--version", lang=None)
    assert result.returncode == 0 and result.stdout.startswith("tnld 0.")
    english = tnld("--help", lang="en")
    assert english.returncode == 0 and "usage:" in english.stdout and "list accidents" in english.stdout
    vietnamese = tnld("--help", lang="vi")
    assert vietnamese.returncode == 0
    assert "cách dùng:" in vietnamese.stdout and "vụ tai nạn" in vietnamese.stdout
    default = tnld("list", "--help", lang=None)
    assert "cách dùng:" in default.stdout


def test_init_add_list_and_json(tmp_path):
    data = tmp_path / "xa"
    result = tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Xã Thất Khê" in result.stdout and "RECOVERY CODE" in result.stdout
    first = make_accident()
    second = make_accident(occurred_on="2026-08-02", declared_on="2026-08-03",
                           victims=[make_victim(name="Triệu Thị Mùi", sex="F", id_number=None)])
    result = tnld("add", str(jsonl(tmp_path / "a.jsonl", [first, second])), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Accidents: 2 added" in result.stdout
    result = tnld("list", data_dir=data)
    assert result.returncode == 0 and "Triệu Thị Mùi" in result.stdout and "2 of 2" in result.stdout
    result = tnld("list", "--period", "2026-H1", "--json", data_dir=data)
    listed = json.loads(result.stdout)
    assert [a["id"] for a in listed] == [first["id"]]
    assert listed[0]["unit"] == "06040" and listed[0]["version"] == 1
    assert listed[0]["victims"][0]["name"] == "Hoàng Văn Đức"
    result = tnld("list", "--search", "TRIEU mui", "--json", data_dir=data)
    assert [a["id"] for a in json.loads(result.stdout)] == [second["id"]]
    result = tnld("add", str(jsonl(tmp_path / "b.jsonl", [dict(second, status="void")])), data_dir=data)
    assert "1 voided" in result.stdout
    assert [a["id"] for a in json.loads(tnld("list", "--json", data_dir=data).stdout)] == [first["id"]]
    assert len(json.loads(tnld("list", "--all", "--json", data_dir=data).stdout)) == 2
    result = tnld("audit", "verify", data_dir=data)
    assert result.returncode == 0 and "intact" in result.stdout


def test_list_on_an_empty_store_and_vietnamese_output(commune_dir):
    result = tnld("list", data_dir=commune_dir, lang="vi")
    assert result.returncode == 0
    assert "0/0" in result.stdout or "0 trên 0" in result.stdout or "0" in result.stdout
    assert json.loads(tnld("list", "--json", data_dir=commune_dir).stdout) == []


BAD_LINES = {
    "future date": (make_accident(occurred_on="2099-01-01"), "occurred_on"),
    "declared before": (make_accident(declared_on="2026-03-01"), "declared_on"),
    "unknown code": (make_accident(factor="42"), "factor"),
    "not valid on date": (make_accident(occurred_on="2015-01-01", declared_on=None,
                                        victims=[make_victim(birth_year=1970, id_number=None)]), "cause"),
    "id not 12 digits": (make_accident(victims=[make_victim(id_number="12345")]), "victims[1].id_number"),
    "no victim": (make_accident(victims=[]), "victims"),
    "fatal without death": (make_accident(victims=[make_victim(severity="fatal")]), "victims[1].severity"),
    "unknown commune": (make_accident(unit="99999"), "unit"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_bad_records_exit_2_naming_line_and_field_and_save_nothing(commune_dir, tmp_path, case):
    bad, field = BAD_LINES[case]
    before = db_state(commune_dir)
    result = tnld("add", str(jsonl(tmp_path / "in.jsonl", [make_accident(), bad])), data_dir=commune_dir)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"line 2: {field}:" in result.stderr
    assert "Traceback" not in result.stderr
    after = db_state(commune_dir)
    assert after["accidents"] == before["accidents"] == 0
    assert after["audit"] == before["audit"] + 1  # the login, nothing else


def _bad_file(tmp_path, kind):
    path = tmp_path / "bad.jsonl"
    if kind == "malformed json":
        path.write_text('{"id": "x",\n', encoding="utf-8")
    elif kind == "not utf-8":
        path.write_bytes(json.dumps(make_accident(), ensure_ascii=False).encode("utf-16"))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "missing":
        return tmp_path / "nope.jsonl"
    elif kind == "10 MB line":
        path.write_bytes(b'{"description": "' + b"a" * (10 * 1024 * 1024) + b'"}\n')
    return path


@pytest.mark.parametrize(("kind", "expected"), [("malformed json", "line 1"), ("not utf-8", "UTF-8"),
                                                ("empty", "empty"), ("missing", "does not exist"),
                                                ("10 MB line", "longer than")])
def test_bad_files_exit_2_with_a_clear_message(commune_dir, tmp_path, kind, expected):
    before = db_state(commune_dir)
    result = tnld("add", str(_bad_file(tmp_path, kind)), data_dir=commune_dir)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    after = db_state(commune_dir)
    assert after["accidents"] == before["accidents"] and after["audit"] == before["audit"] + 1


def test_the_message_is_vietnamese_by_default(commune_dir, tmp_path):
    result = tnld("add", str(jsonl(tmp_path / "in.jsonl", [make_accident(factor="42")])), data_dir=commune_dir,
                  lang=None)
    assert result.returncode == 2
    assert "dòng 1: factor:" in result.stderr


def test_password_problems(commune_dir, tmp_path):
    result = tnld("list", data_dir=commune_dir, password=None)
    assert result.returncode == 2 and "--password-file" in result.stderr
    result = tnld("list", data_dir=commune_dir, password="wrong-password")
    assert result.returncode == 2 and "wrong user name or password" in result.stderr
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    result = tnld("--password-file", str(secret), "list", data_dir=commune_dir, password=None)
    assert result.returncode == 0, result.stderr


def test_not_a_data_folder_and_bad_period(tmp_path, commune_dir):
    result = tnld("list", data_dir=tmp_path / "empty")
    assert result.returncode == 2 and "init" in result.stderr
    result = tnld("list", "--period", "2026-H3", data_dir=commune_dir)
    assert result.returncode == 2 and "2026-H1" in result.stderr
    result = tnld("frobnicate", data_dir=commune_dir)
    assert result.returncode == 2


def test_backup_restore_and_demo_commands(tmp_path):
    data = tmp_path / "demo"
    result = tnld("demo", "--count", "25", "--seed", "7", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Added 25 synthetic accident(s)" in result.stdout
    listed = json.loads(tnld("list", "--json", data_dir=data).stdout)
    assert len(listed) == 25 and {a["unit"] for a in listed} == {"06040"}
    result = tnld("demo", "--count", "25", "--seed", "7", data_dir=data)
    assert "Added 0 synthetic accident(s)" in result.stdout  # the same seed gives the same records: nothing new
    result = tnld("backup", "--out", str(tmp_path / "b.tnldbak"), data_dir=data)
    assert result.returncode == 0, result.stderr
    result = tnld("backup", "--out", str(tmp_path / "b.tnldbak"), data_dir=data)
    assert result.returncode == 2 and "already exists" in result.stderr
    result = tnld("restore", str(tmp_path / "b.tnldbak"), data_dir=tmp_path / "copy")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(tnld("list", "--json", data_dir=tmp_path / "copy").stdout)) == 25


def test_office_demo_spreads_over_the_province(tmp_path):
    data = tmp_path / "office"
    result = tnld("demo", "--role", "office", "--count", "40", data_dir=data)
    assert result.returncode == 0, result.stderr
    listed = json.loads(tnld("list", "--json", data_dir=data).stdout)
    units = {a["unit"] for a in listed}
    from app.core.codelists import CodeLists

    lists = CodeLists()
    # A dozen communes sent bundles (two of them nil), imported as the real ones are.
    assert len(units) >= 6 and {lists.province_of(unit) for unit in units} == {"20"}
    assert len(json.loads(tnld("keys", "list", "--json", data_dir=data).stdout)) == 12


def test_list_shows_overdue_obligations(commune_dir, tmp_path):
    fatal = make_accident(occurred_on="2026-01-05", declared_on="2026-01-05",
                          victims=[make_victim(severity="fatal", died_on="2026-01-05", outcome="died")])
    handled = make_accident(occurred_on="2026-01-06", declared_on="2026-01-06", record_ref="02/BB-UBND",
                            victims=[make_victim(name="Nông Văn Lâm", severity="fatal", outcome="died")])
    assert tnld("add", str(jsonl(tmp_path / "a.jsonl", [fatal, handled])), data_dir=commune_dir).returncode == 0
    lines = tnld("list", data_dir=commune_dir).stdout.splitlines()
    fatal_line = next(line for line in lines if "Hoàng Văn Đức" in line)
    handled_line = next(line for line in lines if "Nông Văn Lâm" in line)
    assert "overdue: quick report, investigation" in fatal_line
    assert "overdue" not in handled_line


def test_incidents_added_listed_shown_voided_and_bad_links_refused(tmp_path):
    import uuid

    data = tmp_path / "xa"
    assert tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data).returncode == 0
    accident = make_accident()
    linked = {"kind": "incident", "id": str(uuid.uuid4()), "unit": "06040", "occurred_on": "2026-03-14",
              "village": "Thôn Nà Pàn", "what_failed": "Giàn giáo tre bị sập", "damage_kvnd": 35000,
              "accident_ids": [accident["id"]], "status": "confirmed"}
    result = tnld("add", str(jsonl(tmp_path / "ok.jsonl", [accident, linked])), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Accidents: 1 added" in result.stdout and "Serious technical incidents: 1 added" in result.stdout
    before = db_state(data)
    stray = dict(linked, id=str(uuid.uuid4()), accident_ids=[str(uuid.uuid4())])
    result = tnld("add", str(jsonl(tmp_path / "bad.jsonl", [make_accident(), stray])), data_dir=data)
    assert result.returncode == 2 and "line 2: accident_ids: the accident" in result.stderr
    assert db_state(data) == dict(before, audit=before["audit"] + 1)  # the login, nothing else
    listed = tnld("incidents", data_dir=data)
    assert listed.returncode == 0 and "Giàn giáo tre bị sập" in listed.stdout and "35.000" in listed.stdout
    assert json.loads(tnld("incidents", "--json", data_dir=data).stdout)[0]["accident_ids"] == [accident["id"]]
    assert json.loads(tnld("show", linked["id"][:8], data_dir=data).stdout)["what_failed"] == "Giàn giáo tre bị sập"
    assert tnld("void", linked["id"][:8], "--reason", "ghi nhầm", data_dir=data).returncode == 0
    assert "0 serious technical incident(s)" in tnld("incidents", data_dir=data).stdout
    assert "Giàn giáo" in tnld("incidents", "--all", data_dir=data).stdout


def test_settings_and_forms_of_one_accident_from_the_command_line(tmp_path):
    data = tmp_path / "xa"
    assert tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=data).returncode == 0
    serious = make_accident(record_ref="07/BB-UBND", victims=[make_victim(serious_injuries=["024"])])
    assert tnld("add", str(jsonl(tmp_path / "a.jsonl", [serious])), data_dir=data).returncode == 0
    assert tnld("settings", "set", "signer_name", "Hoàng Văn Minh", data_dir=data).returncode == 0
    bad = tnld("settings", "set", "reporter_phone", "abc", data_dir=data)
    assert bad.returncode == 2 and "not a phone number" in bad.stderr
    listed = json.loads(tnld("settings", "--json", data_dir=data).stdout)
    assert listed["signer_name"] == "Hoàng Văn Minh" and listed["reporter_phone"] is None
    out = tmp_path / "bb.pdf"
    result = tnld("report", "--kind", "record", "--id", serious["id"][:8], "--out", str(out), data_dir=data)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Số: 07/BB-UBND" in text and "Hoàng Văn Minh" in text and "Hoàng Văn Đức" in text
    assert tnld("verify-pdf", str(out), data_dir=data).returncode == 0
    missing = tnld("report", "--kind", "record", "--out", str(tmp_path / "x.pdf"), data_dir=data)
    assert missing.returncode == 2 and "add --id" in missing.stderr and not (tmp_path / "x.pdf").exists()
    notice = tnld("report", "--kind", "notice", "--period", "2026", "--out", str(tmp_path / "tb.pdf"), data_dir=data)
    assert notice.returncode == 0 and (tmp_path / "tb.pdf").exists()
