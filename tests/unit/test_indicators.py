"""The Directive 31 indicators built from aggregates without a database: the target comes from the value
given (in the program, from `resources/rules.json`), and its figure is what the heading, the note and the
verdicts use."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess

import pytest
from openpyxl import load_workbook

from app.core.resources import resources_dir
from app.core.rules import default_rules, load_rules
from app.reports.aggregate import Aggregate, VictimRow, aggregate
from app.reports.excel import Heading
from app.reports.indicators import (
    Indicators,
    headings,
    indicators_pdf,
    indicators_workbook,
    target_figure,
    target_note,
)

HEADING = Heading("UBND Xã Thất Khê", "Thất Khê", "Lạng Sơn", dt.date(2026, 7, 1), "Hoàng Văn Minh")
UNIT = "06040"


def _aggregate(period: str, year: int, fatal: int, minor: int = 0) -> Aggregate:
    """*fatal* accidents with one death each and *minor* with one slightly injured victim, in February."""
    rows = [VictimRow(f"{year}-{index}", UNIT, f"{year}-02-10", "confirmed", None, "01", False, None, 1, "M",
                      "fatal" if index < fatal else "minor", None, None, None)
            for index in range(fatal + minor)]
    return aggregate(rows, period, [UNIT], {})


def _indicators(current_fatal: int, target_change: float = -0.1) -> Indicators:
    current = _aggregate("2026-H1", 2026, current_fatal, 2)
    return Indicators("2026-H1", "2025-H1", current, _aggregate("2025-H1", 2025, 20),
                      factor_labels={"01": "Điện giật"}, target_change=target_change)


def _pdf_text(data: bytes) -> str:
    """The PDF's text in drawing order, runs of white space made one space (a table cell may wrap)."""
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True).stdout
    return re.sub(r"\s+", " ", out.decode("utf-8"))


def test_met_follows_the_target_given():
    assert _indicators(17).met("fatal_accidents") and _indicators(17).met("deaths")  # 17 <= 20 - 10 %
    assert not _indicators(19).met("fatal_accidents") and not _indicators(19).met("deaths")  # 19 > 18
    assert _indicators(19).target("deaths") == pytest.approx(18)
    assert _indicators(19, -0.04).met("fatal_accidents")  # 19 <= 19.2: met against 4 %, not against 10 %
    assert Indicators("2026-H1", "2025-H1", _indicators(19).current, _indicators(19).previous).met("deaths")


def test_the_figure_of_the_target_in_the_texts():
    assert target_figure(-0.04) == "4" and target_figure(-0.055) == "5,5" and target_figure(-0.1) == "10"
    assert headings(_indicators(19, -0.04))[-1] == "So với mục tiêu giảm 4 %/năm"
    assert headings(_indicators(19, -0.055))[-1] == "So với mục tiêu giảm 5,5 %/năm"
    assert target_note(_indicators(19, -0.04)).startswith("Mục tiêu: giảm 4 % mỗi năm số vụ")


def test_workbook_heading_and_verdicts_use_the_target():
    book = load_workbook(io.BytesIO(indicators_workbook(_indicators(19), HEADING)))
    assert book.sheetnames == ["Chỉ tiêu", "Theo tháng", "Theo yếu tố"]
    sheet = book["Chỉ tiêu"]
    assert [sheet[f"A{r}"].value for r in (1, 2, 3)] == ["ỦY BAN NHÂN DÂN", "XÃ THẤT KHÊ", "Số: …/BC-UBND"]
    assert sheet["E8"].value == "So với mục tiêu giảm 10 %/năm"
    values = {sheet.cell(row=r, column=1).value: [sheet.cell(row=r, column=c).value for c in range(2, 6)]
              for r in range(7, sheet.max_row + 1) if sheet.cell(row=r, column=1).value}
    assert values["Số vụ tai nạn lao động chết người"] == ["19", "20", "-5,0\u00a0%", "Không đạt"]
    assert values["Số người chết"][-1] == "Không đạt"
    met = load_workbook(io.BytesIO(indicators_workbook(_indicators(17), HEADING)))["Chỉ tiêu"]
    assert met["E9"].value == "Đạt"
    assert book["Theo tháng"]["A2"].value == "2026-02" and book["Theo yếu tố"]["B2"].value == "Điện giật"


def test_pdf_heading_and_note_use_the_target():
    text = _pdf_text(indicators_pdf(_indicators(19), HEADING))
    assert "CÁC CHỈ TIÊU VỀ TAI NẠN LAO ĐỘNG THEO CHỈ THỊ SỐ 31-CT/TW" in text
    assert "So với mục tiêu giảm 10 %/năm" in text  # the heading
    assert "Mục tiêu: giảm 10 % mỗi năm số vụ tai nạn lao động chết người" in text  # the note
    assert "giảm 4 %" not in text and "Không đạt" in text


def test_rules_give_the_target(tmp_path):
    assert default_rules().target_change == -0.04
    data = json.loads((resources_dir() / "rules.json").read_text(encoding="utf-8"))
    data["directive31"]["yearly_change"] = -0.055
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_rules(path).target_change == -0.055
