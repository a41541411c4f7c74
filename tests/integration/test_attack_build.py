"""Findings of the attack on the built program (issue 13), each failing before its fix: a data folder that cannot
be looked into, an import of a name too long, a folder's bundles named in capitals, the line list to a full disk."""

from __future__ import annotations

from tests.conftest import make_accident
from tests.integration.test_cli import jsonl, tnld
from tests.integration.test_faults import clean_exit, disk  # noqa: F401 - the fixture

TOO_LONG = "c" * 300


def test_a_data_folder_that_cannot_be_looked_into_is_a_message(tmp_path):
    """A name too long (as root the tests cannot make a folder another user may not enter; both are OSErrors of the
    same look at keys.json, which used to happen before the command's error handling: a raw traceback)."""
    folder = tmp_path / TOO_LONG / "data"
    for command in (["list"], ["init", "--role", "commune", "--unit", "06040", "--admin", "admin"]):
        result = tnld(*command, "--lang", "en", data_dir=folder)
        clean_exit(result)
        assert "cannot use the data folder" in result.stderr and "too long" in result.stderr


def test_the_desktop_program_says_so_too(tmp_path, qapp, monkeypatch):
    from app.ui import application, messages

    shown = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: shown.append(text))
    assert application.run(tmp_path / TOO_LONG / "data", "en") == 2
    assert shown and "too long" in shown[0]


def test_an_import_of_a_name_too_long_is_refused_by_name(office_dir, tmp_path):
    result = tnld("import", str(tmp_path / f"{TOO_LONG}.tnld"), "--lang", "en", data_dir=office_dir)
    clean_exit(result)
    assert "cannot be read" in result.stderr and "too long" in result.stderr


def test_a_folder_of_bundles_named_in_capitals_is_imported(office, commune, tmp_path):
    commune.add(make_accident())
    stick = tmp_path / "usb"
    stick.mkdir()
    bundle = commune.export("2026", stick / "xa.tnld").path
    bundle.rename(stick / "XA-2026.TNLD")
    result = tnld("import", str(stick), "--lang", "en", data_dir=office.path)
    assert result.returncode == 0, result.stderr
    assert "XA-2026.TNLD: imported" in result.stdout


def test_the_line_list_to_a_full_disk_says_so_and_nothing_more(disk, commune_dir, tmp_path):  # noqa: F811
    rows = [make_accident(work=f"Phát nương {i}") for i in range(300)]
    assert tnld("add", jsonl(tmp_path / "a.jsonl", rows), data_dir=commune_dir).returncode == 0
    disk.fill(8)
    result = tnld("report", "--kind", "linelist", "--period", "2026", "--out", str(disk.path / "x.xlsx"), "--lang",
                  "en", data_dir=commune_dir)
    clean_exit(result)
    assert "is full" in result.stderr
    assert "Exception ignored" not in result.stderr and "ZipFile" not in result.stderr
    assert sorted(p.name for p in disk.path.iterdir()) == ["filler.bin"]
