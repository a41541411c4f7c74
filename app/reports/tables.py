"""The periodic report as tables: rows and columns from the template (`resources/templates/periodic.json`),
values from the aggregate. Both renderers (Excel, PDF) draw these same tables, so a number sits in the same row and
column in both, and a corrected official layout is a change of the template only.

Two tables (`PeriodicRows`): the official page of Phụ lục XVI (the total, then one row per occupation with data)
and our annex (by cause, grouped; by injury-causing factor; commuting). The columns are the template's `columns`:
(1) indicator, (2) code, then (3)…(13) the figures, the victim counts each followed by its sub-count "of which at
a place under an employer's management".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from app.core.codelists import CodeLists
from app.core.resources import resources_dir
from app.reports.aggregate import UNKNOWN, Aggregate, Counts


@cache
def template(name: str = "periodic") -> dict[str, Any]:
    path = resources_dir() / "templates" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Row:
    """One row: its label and code, its level (0 total or section, 1 group, 2 item), where its numbers come from
    (`section`, `key`), or no numbers at all for a section heading."""

    label: str
    code: str
    level: int
    section: str | None
    key: str | None = None

    def counts(self, aggregate: Aggregate) -> Counts | None:
        if self.section is None:
            return None
        if self.section in ("total", "commuting"):
            return getattr(aggregate, self.section)
        return getattr(aggregate, self.section).get(self.key, Counts())


class PeriodicRows(NamedTuple):
    official: list[Row]  # Phụ lục XVI's page: the total, then by occupation
    annex: list[Row]  # our annex: by cause (grouped), by factor, commuting


def periodic_rows(aggregate: Aggregate, codelists: CodeLists, form: dict[str, Any] | None = None) -> PeriodicRows:
    form = form or template()
    official = [Row(form["total_label"], "", 0, "total")]
    official += _section_rows(aggregate, codelists, form, form["official_sections"])
    return PeriodicRows(official, _section_rows(aggregate, codelists, form, form["annex"]["sections"]))


def _section_rows(aggregate: Aggregate, codelists: CodeLists, form: dict[str, Any], sections: list[dict[str, Any]]
                  ) -> list[Row]:
    rows: list[Row] = []
    unknown = form["unknown_label"]
    for section in sections:
        key = section["key"]
        if key == "commuting":
            rows.append(Row(section["label"], "", 0, "commuting"))
            continue
        rows.append(Row(section["label"], "", 0, None))
        codes = codelists[section["codelist"]]
        present = getattr(aggregate, key)
        if section.get("grouped"):
            groups = aggregate.by_cause_group
            for group in codes.roots():
                rows.append(Row(group.name(), group.code, 1, "by_cause_group", group.code))
                for code in codes.children(group.code):
                    rows.append(Row(code.name(), code.code, 2, key, code.code))
            if UNKNOWN in groups:
                rows.append(Row(unknown, "", 1, key, UNKNOWN))
            continue
        for code in codes:
            if code.parent is not None and section.get("hide_empty") is None:
                continue
            if section.get("hide_empty") and code.code not in present:
                continue
            rows.append(Row(code.name(), code.code, 1, key, code.code))
        if UNKNOWN in present:
            rows.append(Row(unknown, "", 1, key, UNKNOWN))
    return rows


def period_words(period_text: str, form: dict[str, Any] | None = None) -> str:
    """'6 tháng đầu năm 2026', 'năm 2026', … from the template."""
    from app.core.periods import Period

    form = form or template()
    period = Period.parse(period_text)
    key = {"half": f"half{period.number}"}.get(period.kind, period.kind)
    return form["period"][key].format(year=period.year, number=period.number)


def unit_rows(aggregate: Aggregate, names: dict[str, str]) -> list[Row]:
    """An office's table of its communes: one row per expected commune (name and code), in the report's order."""
    return [Row(names.get(unit, unit), unit, 1, "by_unit", unit) for unit in aggregate.units]
