"""Messages a person can act on (issue 9, finding 10): one message per problem, incomplete records that say what they
lack, a wrong file named for what it is, a void with its reason, counts that say what they count. The real `tnld`
command in subprocesses, on real encrypted data folders."""

from __future__ import annotations

import json
import shutil
import uuid

from tests.conftest import make_accident, make_victim
from tests.integration.test_cli import jsonl, tnld
from tests.integration.test_faults import clean_exit, on_terminal


# a. One message per problem per field.
def test_a_bad_value_gives_one_message_and_problems_are_counted_once(commune_dir, tmp_path):
    bad = make_accident(occurred_on="2026-02-30", declared_on="the day after",
                        victims=[make_victim(birth_date="1990-13-01", birth_year=None, id_number=None),
                                 make_victim(name="Vi Thị Mai", sex="X", id_number=None)])
    result = tnld("add", jsonl(tmp_path / "in.jsonl", [bad]), data_dir=commune_dir)
    clean_exit(result)
    problems = [line.strip() for line in result.stderr.splitlines() if line.startswith("  line ")]
    assert problems == [
        "line 1: occurred_on: 2026-02-30 is not a date; write it as YYYY-MM-DD, for example 2026-03-15",
        "line 1: declared_on: the day after is not a date; write it as YYYY-MM-DD, for example 2026-03-15",
        "line 1: victims[1].birth_date: 1990-13-01 is not a date; write it as YYYY-MM-DD, for example 2026-03-15",
        "line 1: victims[2].sex: X is not allowed; use one of: M, F",
    ]
    assert "4 error(s) found" in result.stderr and "is required" not in result.stderr


def test_a_missing_value_is_still_required_once(commune_dir, tmp_path):
    bad = make_accident(occurred_on=None, victims=[make_victim(birth_year=None, id_number=None, sex=None)])
    result = tnld("add", jsonl(tmp_path / "in.jsonl", [bad]), data_dir=commune_dir)
    clean_exit(result)
    assert "3 error(s) found" in result.stderr
    for field in ("occurred_on", "victims[1].sex", "victims[1].birth_year"):
        assert f"line 1: {field}: is required" in result.stderr


# b. An incomplete record names what it lacks.
def test_incomplete_records_name_their_missing_fields(commune_dir, tmp_path):
    lacking = make_accident(place=None, work=None, victims=[make_victim(occupation=None)])
    complete = make_accident(occurred_on="2026-04-01", declared_on="2026-04-02",
                             victims=[make_victim(name="Vi Thị Mai", sex="F", id_number=None)])
    clean_exit(tnld("add", jsonl(tmp_path / "in.jsonl", [lacking, complete]), data_dir=commune_dir), 0)
    lines = tnld("list", data_dir=commune_dir).stdout.splitlines()
    assert "incomplete: place, work, victims[1].occupation" in next(line for line in lines if "Hoàng Văn Đức" in line)
    assert "incomplete" not in next(line for line in lines if "Vi Thị Mai" in line)
    listed = {a["id"]: a for a in json.loads(tnld("list", "--json", data_dir=commune_dir).stdout)}
    assert listed[lacking["id"]]["missing"] == ["place", "work", "victims[1].occupation"]
    assert listed[complete["id"]]["missing"] == []
    shown = json.loads(tnld("show", lacking["id"][:8], data_dir=commune_dir).stdout)
    assert shown["missing"] == ["place", "work", "victims[1].occupation"]
    # What show printed can be given back to add: the list of missing fields is not a field of the record.
    again = tnld("add", jsonl(tmp_path / "again.jsonl", [shown]), data_dir=commune_dir)
    clean_exit(again, 0)
    assert "1 unchanged" in again.stdout


# c. A file given to the wrong command is named for what it is.
def test_import_and_others_say_what_kind_of_file_they_were_given(office_dir, commune_dir, tmp_path):
    card = tmp_path / "xa.card"
    clean_exit(tnld("keys", "card", "--out", card, data_dir=commune_dir), 0)
    backup = tmp_path / "xa.tnldbak"
    clean_exit(tnld("backup", "--out", backup, data_dir=commune_dir), 0)
    bundle = tmp_path / "xa.tnld"
    clean_exit(tnld("export", "--period", "2026-H1", "--out", bundle, data_dir=commune_dir), 0)
    pdf = tmp_path / "notice.pdf"
    clean_exit(tnld("report", "--kind", "notice", "--period", "2026", "--out", pdf, data_dir=commune_dir), 0)
    workbook = tmp_path / "report.xlsx"
    clean_exit(tnld("report", "--period", "2026", "--format", "xlsx", "--out", workbook, data_dir=commune_dir), 0)
    records = jsonl(tmp_path / "records.jsonl", [make_accident()])
    keys = shutil.copy(commune_dir / "keys.json", tmp_path / "keys.json")
    other = tmp_path / "notes.txt"
    other.write_text("Danh sách trưởng thôn\n", encoding="utf-8")
    expected = {card: "is a key card, not a bundle; register it with: tnld keys trust",
                backup: "is a TNLĐ backup, not a bundle; it is restored with: tnld restore",
                pdf: "is a PDF, not a bundle; a signed report is checked with: tnld verify-pdf",
                workbook: "is an Excel workbook, not a bundle",
                records: "holds records as JSON text, not a bundle; records are added with: tnld add",
                keys: "is the key file of a data folder",
                other: "is not a file TNLĐ makes"}
    for path, words in expected.items():
        code = 3 if path == other else 2  # not even a zip: it may be a bundle gone bad, so still "damaged" (3)
        result = tnld("import", path, data_dir=office_dir)
        clean_exit(result, code)
        assert f"{path.name}: refused: {path} {words}" in result.stdout, result.stdout
        assert "truncated" not in result.stdout and "copy it again" not in result.stdout
        verified = tnld("verify", path, data_dir=office_dir)
        clean_exit(verified, code)
        assert words in verified.stderr
    # Where no bundle was wanted, the file is named against what was (not "not a bundle": found by the attack
    # session, a PDF given to Trust a key card was told to give "the .tnld file the sender made").
    for args, words in ((["keys", "trust", bundle], "is a TNLĐ bundle (a unit's report), not a key card"),
                        (["keys", "trust", backup], "is a TNLĐ backup, not a key card"),
                        (["keys", "trust", pdf], "is a PDF, not a key card"),
                        (["add", bundle], "is a TNLĐ bundle (a unit's report), not a file of records as JSON text"),
                        (["add", card], "is a key card, not a file of records"),
                        (["verify-pdf", card], "is a key card, not a PDF"),
                        (["verify-pdf", bundle], "is a TNLĐ bundle")):
        result = tnld(*args, data_dir=office_dir)
        clean_exit(result)
        assert words in result.stderr, (args, result.stderr)
    result = tnld("restore", card, data_dir=tmp_path / "new")
    clean_exit(result)
    assert "is a key card, not a TNLĐ backup" in result.stderr
    result = tnld("restore", bundle, data_dir=tmp_path / "new")  # not its parts' names
    clean_exit(result)
    assert "is a TNLĐ bundle (a unit's report), not a TNLĐ backup" in result.stderr and ".enc" not in result.stderr
    # A bundle cut short is still called damaged, and the user told to copy it again.
    cut = tmp_path / "cut.tnld"
    cut.write_bytes(bundle.read_bytes()[:-500])
    result = tnld("import", cut, data_dir=office_dir)
    assert result.returncode == 3 and "copy it again" in result.stdout


# d. A void says why.
def test_void_needs_a_reason_kept_in_the_history_and_the_audit_log(commune_dir, tmp_path):
    accident = make_accident()
    incident = {"kind": "incident", "id": str(uuid.uuid4()), "unit": "06040", "occurred_on": "2026-03-14",
                "what_failed": "Giàn giáo tre bị sập", "status": "confirmed"}
    clean_exit(tnld("add", jsonl(tmp_path / "in.jsonl", [accident, incident]), data_dir=commune_dir), 0)
    short = accident["id"][:8]
    missing = tnld("void", short, data_dir=commune_dir)
    clean_exit(missing)
    assert "--reason" in missing.stderr
    empty = tnld("void", short, "--reason", "  \u200b ", data_dir=commune_dir)
    clean_exit(empty)
    assert "reason" in empty.stderr
    assert json.loads(tnld("show", short, data_dir=commune_dir).stdout)["status"] == "confirmed"
    clean_exit(tnld("void", short, "--reason", "Nhập trùng với vụ ngày 12/3", data_dir=commune_dir), 0)
    history = json.loads(tnld("show", short, "--history", data_dir=commune_dir).stdout)
    assert [(v["status"], v["void_reason"]) for v in history] == [("confirmed", None),
                                                                  ("void", "Nhập trùng với vụ ngày 12/3")]
    audit = json.loads(tnld("audit", "show", "--json", data_dir=commune_dir).stdout)
    voided = next(row for row in audit if row["action"] == "void")
    assert json.loads(voided["detail"])["reason"] == "Nhập trùng với vụ ngày 12/3"
    [listed] = [a for a in json.loads(tnld("list", "--all", "--json", data_dir=commune_dir).stdout)
                if a["id"] == accident["id"]]
    assert listed["void_reason"] == "Nhập trùng với vụ ngày 12/3"
    # On a terminal the command asks.
    code, shown = on_terminal("void", incident["id"][:8], data_dir=commune_dir, typed=["Sự cố ghi nhầm xã\n".encode()])
    assert code == 0, shown
    assert json.loads(tnld("show", incident["id"][:8], data_dir=commune_dir).stdout)["void_reason"] == "Sự cố ghi nhầm xã"
    # In a file, the reason is a text field like the others.
    bad = dict(accident, status="void", void_reason=["a", "list"])
    result = tnld("add", jsonl(tmp_path / "bad.jsonl", [bad]), data_dir=commune_dir)
    clean_exit(result)
    assert "line 1: void_reason: must be text" in result.stderr


# e. Counts say what they count.
def test_demo_and_add_count_accidents_and_incidents_apart(tmp_path):
    data = tmp_path / "demo"
    result = tnld("demo", "--count", "120", data_dir=data)
    clean_exit(result, 0)
    incidents = len(json.loads(tnld("incidents", "--json", data_dir=data).stdout))
    assert incidents > 0
    assert f"Added 120 synthetic accident(s) and {incidents} serious technical incident(s)" in result.stdout
    assert "120 of 120 accident(s)" in tnld("list", data_dir=data).stdout
    again = tnld("demo", "--count", "120", data_dir=data)
    assert "Added 0 synthetic accident(s) and 0 serious technical incident(s)" in again.stdout
    assert f"{120 + incidents} record(s) were already there" in again.stdout


def test_add_counts_accidents_and_incidents_apart(commune_dir, tmp_path):
    accident = make_accident()
    incident = {"kind": "incident", "id": str(uuid.uuid4()), "unit": "06040", "occurred_on": "2026-03-14",
                "what_failed": "Giàn giáo tre bị sập", "accident_ids": [accident["id"]], "status": "confirmed"}
    result = tnld("add", jsonl(tmp_path / "in.jsonl", [accident, make_accident(), incident]), data_dir=commune_dir)
    clean_exit(result, 0)
    assert "Accidents: 2 added, 0 updated, 0 voided, 0 unchanged." in result.stdout
    assert "Serious technical incidents: 1 added, 0 updated, 0 voided, 0 unchanged." in result.stdout
    only = tnld("add", jsonl(tmp_path / "one.jsonl", [make_accident()]), "--json", data_dir=commune_dir)
    counts = json.loads(only.stdout)
    assert (counts["added"], counts["accidents"]["added"], counts["incidents"]["added"]) == (1, 1, 0)
    text = tnld("add", jsonl(tmp_path / "two.jsonl", [make_accident()]), data_dir=commune_dir)
    assert "Accidents: 1 added" in text.stdout and "incidents" not in text.stdout
