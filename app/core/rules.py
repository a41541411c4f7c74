"""Domain rules kept as data (`resources/rules.json`): obligation time limits, report due dates, age bands,
the fields that make a record complete, the Directive 31 target. They are unconfirmed or may change, so they
are never constants in code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.core.resources import resources_dir


@dataclass(frozen=True)
class Rules:
    data: dict[str, Any]

    @property
    def minor_below(self) -> int:
        return int(self.data["age"]["minor_below"])

    @property
    def elderly_from(self) -> int:
        return int(self.data["age"]["elderly_from"])

    @property
    def warn_age_below(self) -> int:
        return int(self.data["age"]["warn_below"])

    @property
    def warn_age_above(self) -> int:
        return int(self.data["age"]["warn_above"])

    def obligation_days(self, name: str, key: str | None = None) -> int:
        entry = self.data["obligations"][name]
        return int(entry[key] if key else entry["days"])

    @property
    def target_change(self) -> float:
        """The Directive 31 target: the yearly change of fatal accidents and deaths (-0.04: down 4 %)."""
        return float(self.data["directive31"]["yearly_change"])

    @property
    def complete_accident_fields(self) -> tuple[str, ...]:
        return tuple(self.data["completeness"]["accident"])

    @property
    def complete_victim_fields(self) -> tuple[str, ...]:
        return tuple(self.data["completeness"]["victim"])


def load_rules(path: Path | None = None) -> Rules:
    return Rules(json.loads((path or resources_dir() / "rules.json").read_text(encoding="utf-8")))


@cache
def default_rules() -> Rules:
    return load_rules()
