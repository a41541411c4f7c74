"""What follows from a record: its flags (fatal, multi-victim, minors, elderly, women), whether it is complete,
and the obligations it creates, with their due dates (SPEC § 3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.rules import Rules, default_rules


def age_at(victim: Mapping[str, Any], day: dt.date) -> int | None:
    """Age in whole years on *day*, from the birth date, or from the birth year (year difference)."""
    if victim.get("birth_date"):
        born = dt.date.fromisoformat(victim["birth_date"])
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if victim.get("birth_year"):
        return day.year - int(victim["birth_year"])
    return None


def birth_year_of(victim: Mapping[str, Any]) -> int | None:
    if victim.get("birth_date"):
        return int(victim["birth_date"][:4])
    return victim.get("birth_year")


@dataclass(frozen=True)
class Flags:
    victims: int = 0
    deaths: int = 0
    serious: int = 0
    minor_injuries: int = 0
    women: int = 0
    minors: int = 0
    elderly: int = 0

    @property
    def fatal(self) -> bool:
        return self.deaths > 0

    @property
    def multi_victim(self) -> bool:
        return self.victims >= 2


def flags_of(accident: Mapping[str, Any], rules: Rules | None = None) -> Flags:
    rules = rules or default_rules()
    victims = accident.get("victims") or []
    day = dt.date.fromisoformat(accident["occurred_on"]) if accident.get("occurred_on") else None
    ages = [age_at(v, day) if day else None for v in victims]
    return Flags(
        victims=len(victims),
        deaths=sum(1 for v in victims if v.get("severity") == "fatal"),
        serious=sum(1 for v in victims if v.get("severity") == "serious"),
        minor_injuries=sum(1 for v in victims if v.get("severity") == "minor"),
        women=sum(1 for v in victims if v.get("sex") == "F"),
        minors=sum(1 for age in ages if age is not None and age < rules.minor_below),
        elderly=sum(1 for age in ages if age is not None and age >= rules.elderly_from),
    )


def missing_fields(accident: Mapping[str, Any], rules: Rules | None = None) -> list[str]:
    """The fields a complete record would have and this one lacks (paths like `victims[1].occupation`)."""
    rules = rules or default_rules()
    missing = [name for name in rules.complete_accident_fields if accident.get(name) in (None, "", [])]
    for index, victim in enumerate(accident.get("victims") or [], start=1):
        missing.extend(
            f"victims[{index}].{name}" for name in rules.complete_victim_fields if victim.get(name) in (None, "", [])
        )
        if victim.get("birth_date") is None and victim.get("birth_year") is None:
            missing.append(f"victims[{index}].birth_year")
    return missing


@dataclass(frozen=True)
class Obligation:
    """A duty the accident creates: `kind` is quick_report, record_of_event or investigation."""

    kind: str
    due: dt.date
    done: bool
    basis: str = ""
    note: dict[str, Any] = field(default_factory=dict)

    def overdue(self, today: dt.date) -> bool:
        return not self.done and today > self.due


def obligations_of(accident: Mapping[str, Any], rules: Rules | None = None) -> list[Obligation]:
    """The obligations of a record, due from the day the commune was notified.

    A record reference (`record_ref`: the number of the biên bản or of the investigation) marks them done: the
    program has no other trace of the paperwork yet. A void record has none.
    """
    rules = rules or default_rules()
    flags = flags_of(accident, rules)
    return obligations_for(accident.get("status"), accident.get("occurred_on"), accident.get("declared_on"),
                           accident.get("record_ref"), flags.deaths, flags.serious, rules)


def obligations_for(status: str | None, occurred_on: str | None, declared_on: str | None, record_ref: str | None,
                    deaths: int, serious: int, rules: Rules | None = None) -> list[Obligation]:
    """The same from the columns of the accident list (no need to read the whole record)."""
    rules = rules or default_rules()
    if status == "void" or not occurred_on:
        return []
    notified = dt.date.fromisoformat(declared_on or occurred_on)
    done = bool(record_ref)
    found: list[Obligation] = []
    obligations = rules.data["obligations"]
    if deaths or serious >= 2:
        found.append(
            Obligation("quick_report", notified + dt.timedelta(days=rules.obligation_days("quick_report")), done,
                       obligations["quick_report"]["basis"])
        )
    elif serious == 1:
        found.append(
            Obligation("record_of_event", notified + dt.timedelta(days=rules.obligation_days("record_of_event")), done,
                       obligations["record_of_event"]["basis"])
        )
    if deaths:
        key = "fatal"
    elif serious >= 2:
        key = "several_serious"
    elif serious == 1:
        key = "one_serious"
    else:
        key = "minor"
    days = rules.obligation_days("investigation", key)
    note = {"days": days}
    if deaths:
        note["days_forensic"] = rules.obligation_days("investigation", "fatal_forensic")
    found.append(
        Obligation("investigation", notified + dt.timedelta(days=days), done, obligations["investigation"]["basis"], note)
    )
    return found
