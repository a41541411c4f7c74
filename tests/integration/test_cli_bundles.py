"""The bundle commands end to end, in subprocesses: keys, export, verify (exit 0/3/4), import, completeness,
duplicates, and the list's sent / delivered notes."""

from __future__ import annotations

import datetime as dt
import json

from app.core.periods import Period
from tests.conftest import make_accident, make_victim
from tests.integration.test_cli import jsonl, tnld
from tests.integration.test_completeness import judged_today


def test_commune_to_office_on_the_command_line(tmp_path):
    office, commune, stick = tmp_path / "office", tmp_path / "xa", tmp_path / "usb"
    stick.mkdir()
    assert tnld("init", "--role", "office", "--unit", "20", "--admin", "admin", "--office-name",
                "Sở Nội vụ tỉnh Lạng Sơn", data_dir=office).returncode == 0
    assert tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=commune).returncode == 0

    # Cards, with the fingerprint shown on both sides the same.
    card = tnld("keys", "card", "--out", str(stick / "xa.card"), data_dir=commune)
    assert card.returncode == 0, card.stderr
    shown = card.stdout.split(": ")[-1].strip()
    assert len(shown.split()) == 6
    trusted = tnld("keys", "trust", str(stick / "xa.card"), data_dir=office)
    assert trusted.returncode == 0 and shown in trusted.stdout and "Xã Thất Khê" in trusted.stdout
    assert tnld("keys", "card", "--out", str(stick / "office.card"), data_dir=office).returncode == 0
    assert tnld("keys", "trust", str(stick / "office.card"), data_dir=commune).returncode == 0
    listed = tnld("keys", "list", "--json", data_dir=office)
    assert [row["unit"] for row in json.loads(listed.stdout)] == ["06040"]

    accident = make_accident(victims=[make_victim(name="Hoàng Thị Lan", sex="F", id_number="020184001234",
                                                  birth_year=1984)])
    assert tnld("add", str(jsonl(tmp_path / "a.jsonl", [accident])), data_dir=commune).returncode == 0
    exported = tnld("export", "--period", "2026", "--out", str(stick / "xa-2026.tnld"), data_dir=commune)
    assert exported.returncode == 0, exported.stderr
    assert "1 accident(s)" in exported.stdout and "encrypted" in exported.stdout
    nil = tnld("export", "--period", "2025-Q1", "--out", str(stick / "xa-nil.tnld"), "--json", data_dir=commune)
    assert json.loads(nil.stdout)["nil"] is True and json.loads(nil.stdout)["sequence"] == 2
    assert b"Lan" not in (stick / "xa-2026.tnld").read_bytes()

    verified = tnld("verify", str(stick / "xa-2026.tnld"), data_dir=office)
    assert verified.returncode == 0, verified.stderr
    assert "06040" in verified.stdout and shown in verified.stdout and "Intact" in verified.stdout
    as_json = json.loads(tnld("verify", str(stick / "xa-2026.tnld"), "--json", data_dir=office).stdout)
    assert (as_json["ok"], as_json["period"], as_json["counts"]["accidents"]) == (True, "2026", 1)

    # A damaged copy: exit 3; the database unchanged.
    damaged = stick / "damaged.tnld"
    data = bytearray((stick / "xa-2026.tnld").read_bytes())
    data[len(data) // 2] ^= 0x10
    damaged.write_bytes(bytes(data))
    assert tnld("verify", str(damaged), data_dir=office).returncode == 3

    imported = tnld("import", str(stick / "xa-2026.tnld"), str(stick / "xa-nil.tnld"), str(damaged), data_dir=office)
    lines = imported.stdout.strip().splitlines()
    assert imported.returncode == 3
    assert lines[0].startswith("xa-2026.tnld: imported") and "1 new" in lines[0]
    assert any(line.startswith("xa-nil.tnld: imported") and "NIL" in line for line in lines)
    assert any(line.startswith("damaged.tnld: refused") for line in lines)
    again = tnld("import", str(stick), data_dir=office)
    assert "xa-2026.tnld: already imported" in again.stdout
    assert again.returncode == 3  # the damaged file is in the folder too
    damaged.unlink()
    assert tnld("import", str(stick), data_dir=office).returncode == 0  # receipts it made itself are skipped

    complete = json.loads(tnld("completeness", "--period", "2026", "--json", data_dir=office).stdout)
    row = next(r for r in complete if r["unit"] == "06040")
    assert {"unit", "state", "nil", "sequence", "gaps"} <= set(row)
    state = judged_today(Period.parse("2026"), dt.date(2027, 1, 5))  # received today, by the office's clock
    assert (row["state"], row["nil"], row["sequence"], row["gaps"]) == (state, False, [1], [])
    assert sum(1 for r in complete if r["state"] == "missing") == len(complete) - 1
    table = tnld("completeness", "--period", "2026", data_dir=office)
    assert "MISSING" in table.stdout and {"interim": "interim", "on_time": "on time", "late": "late"}[state] in table.stdout

    # The commune sees "sent", then "delivered" once the office's receipt comes back on the stick.
    assert "sent" in tnld("list", data_dir=commune).stdout
    receipts = sorted(stick.glob("bien-nhan-*.tnld"))
    assert len(receipts) == 2
    taken = tnld("import", *map(str, receipts), data_dir=commune)
    assert taken.returncode == 0 and "receipt" in taken.stdout
    assert "delivered" in tnld("list", data_dir=commune).stdout


def test_unknown_signer_exits_4_and_bad_files_exit_3(tmp_path):
    office, stranger = tmp_path / "office", tmp_path / "xa"
    tnld("init", "--role", "office", "--unit", "20", "--admin", "admin", "--office-name", "Sở Nội vụ", data_dir=office)
    tnld("init", "--role", "commune", "--unit", "06112", "--admin", "admin", data_dir=stranger)
    tnld("keys", "card", "--out", str(tmp_path / "office.card"), data_dir=office)
    tnld("keys", "trust", str(tmp_path / "office.card"), data_dir=stranger)
    assert tnld("export", "--period", "2026-H1", "--out", str(tmp_path / "b.tnld"), data_dir=stranger).returncode == 0
    verified = tnld("verify", str(tmp_path / "b.tnld"), data_dir=office)
    assert verified.returncode == 4 and "does not know" in verified.stderr
    imported = tnld("import", str(tmp_path / "b.tnld"), data_dir=office)
    assert imported.returncode == 4 and "refused" in imported.stdout
    (tmp_path / "empty.tnld").write_bytes(b"")
    (tmp_path / "text.tnld").write_text("hello")
    for name in ("empty.tnld", "text.tnld"):
        result = tnld("verify", str(tmp_path / name), data_dir=office)
        assert result.returncode == 3 and name in result.stderr and "Traceback" not in result.stderr
    missing = tnld("verify", str(tmp_path / "nothing.tnld"), data_dir=office)
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert tnld("import", str(tmp_path / "folder-without-bundles"), data_dir=office).returncode == 2


def test_duplicates_and_resolve(tmp_path):
    office, c1, c2, stick = tmp_path / "office", tmp_path / "c1", tmp_path / "c2", tmp_path / "usb"
    stick.mkdir()
    tnld("init", "--role", "office", "--unit", "20", "--admin", "admin", "--office-name", "Sở Nội vụ", data_dir=office)
    tnld("keys", "card", "--out", str(stick / "office.card"), data_dir=office)
    for unit, folder in (("06040", c1), ("06112", c2)):
        tnld("init", "--role", "commune", "--unit", unit, "--admin", "admin", data_dir=folder)
        tnld("keys", "trust", str(stick / "office.card"), data_dir=folder)
        tnld("keys", "card", "--out", str(stick / f"{unit}.card"), data_dir=folder)
        tnld("keys", "trust", str(stick / f"{unit}.card"), data_dir=office)
        same = make_accident(unit=unit, victims=[make_victim(residence="06040")])
        tnld("add", str(jsonl(tmp_path / f"{unit}.jsonl", [same])), data_dir=folder)
        tnld("export", "--period", "2026", "--out", str(stick / f"{unit}.tnld"), data_dir=folder)
    assert tnld("import", str(stick), data_dir=office).returncode == 0
    pairs = json.loads(tnld("duplicates", "--json", data_dir=office).stdout)
    assert len(pairs) == 1 and pairs[0]["reason"] == "id_number" and pairs[0]["decision"] is None
    a, b = pairs[0]["a"], pairs[0]["b"]
    resolved = tnld("duplicates", "resolve", a, b, "same", data_dir=office)
    assert resolved.returncode == 0, resolved.stderr
    assert json.loads(tnld("duplicates", "--json", data_dir=office).stdout)[0]["decision"] == "same"
    wrong = tnld("duplicates", "resolve", a, "nope/1", "same", data_dir=office)
    assert wrong.returncode == 2 and "nope/1" in wrong.stderr
    at_commune = tnld("duplicates", data_dir=c1)
    assert at_commune.returncode == 2 and "office" in at_commune.stderr


def test_output_cut_short_is_not_a_crash(session, commune_dir):
    """`tnld list --json | head -c 10`: the reader goes away; no crash report, no traceback."""
    import os
    import subprocess
    import sys

    from app.services import demo
    from tests.conftest import PASSWORD

    demo.fill(session, count=300)  # about 300 KB of JSON: more than a pipe holds
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD, LANG="C.UTF-8")
    process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(commune_dir), "--lang", "en",
                                "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, bufsize=0)
    assert process.stdout.read(10)
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr and b"Unexpected" not in stderr, stderr
    assert not list((commune_dir / "logs").glob("crash-*"))


def test_report_pdf_is_signed_and_verify_pdf_checks_it(tmp_path):
    office, commune, stranger = tmp_path / "office", tmp_path / "xa", tmp_path / "other"
    tnld("init", "--role", "office", "--unit", "20", "--admin", "admin", "--office-name", "Sở Nội vụ", data_dir=office)
    tnld("init", "--role", "commune", "--unit", "06040", "--admin", "admin", data_dir=commune)
    tnld("init", "--role", "commune", "--unit", "06112", "--admin", "admin", data_dir=stranger)
    tnld("add", str(jsonl(tmp_path / "a.jsonl", [make_accident()])), data_dir=commune)
    made = tnld("report", "--period", "2026", "--format", "pdf", "--out", str(tmp_path / "r.pdf"), data_dir=commune)
    assert made.returncode == 0, made.stderr
    own = tnld("verify-pdf", str(tmp_path / "r.pdf"), data_dir=commune)
    assert own.returncode == 0 and "06040" in own.stdout
    assert tnld("verify-pdf", str(tmp_path / "r.pdf"), data_dir=office).returncode == 4  # not registered there
    tnld("keys", "card", "--out", str(tmp_path / "xa.card"), data_dir=commune)
    tnld("keys", "trust", str(tmp_path / "xa.card"), data_dir=office)
    assert tnld("verify-pdf", str(tmp_path / "r.pdf"), data_dir=office).returncode == 0
    data = bytearray((tmp_path / "r.pdf").read_bytes())
    data[len(data) // 3] ^= 1
    (tmp_path / "altered.pdf").write_bytes(bytes(data))
    assert tnld("verify-pdf", str(tmp_path / "altered.pdf"), data_dir=office).returncode == 3
    (tmp_path / "plain.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    plain = tnld("verify-pdf", str(tmp_path / "plain.pdf"), data_dir=office)
    assert plain.returncode == 3 and "Traceback" not in plain.stderr
    assert tnld("verify-pdf", str(tmp_path / "r.pdf"), data_dir=stranger).returncode == 4
