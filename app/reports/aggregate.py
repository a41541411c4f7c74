"""The one aggregation every report is drawn from (SPEC § 6, § 9), so PDF, Excel and JSON always agree.

Pure: rows in (one per victim of each counted accident, from the store), an `Aggregate` out. Counting rules:
- every accident of the period that is not void, commuting ones included (they also have a row of their own);
  drafts are counted and their number is given beside the figures;
- at an office, after the de-duplication decisions: a victim confirmed to be reported elsewhere is not counted
  again, and an accident all of whose victims are counted elsewhere is not counted (`Exclusions`);
- accident-level figures (with deaths, with two or more victims) look at the accident's counted victims: after a
  duplicate decision, an accident whose dead victim is counted in another report is not also "with deaths" (else
  a table could print more accidents with deaths than deaths);
- the employer's-premises sub-counts (Phụ lục XVI's "of which at a place under an employer's management") count
  the victims of accidents whose `at_employer_premises` is true; false and unknown count as not;
- by month: the accident's month ("YYYY-MM" of its date), the same figures as every other breakdown;
- an accident has one main cause and one injury-causing factor (Phụ lục XII's footnote); by occupation, victims
  count under their own occupation and the accident under its first counted victim's, so that every breakdown
  adds up to the total. `check()` verifies that on every report; a failure is a bug and stops the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

GROUP_KEYS = ("accidents", "fatal_accidents", "multi_victim_accidents", "victims", "women", "deaths", "serious",
              "victims_at_employer", "women_at_employer", "deaths_at_employer", "serious_at_employer")
# Each sub-count of the victims that happened at a place under an employer's management, with its count.
SUB_COUNTS = (("victims_at_employer", "victims"), ("women_at_employer", "women"), ("deaths_at_employer", "deaths"),
              ("serious_at_employer", "serious"))
UNKNOWN = "unknown"


class ConsistencyError(AssertionError):
    """A breakdown does not add up to the total: a bug in the aggregation, never a user's error."""


@dataclass
class Counts:
    accidents: int = 0
    fatal_accidents: int = 0
    multi_victim_accidents: int = 0
    victims: int = 0
    women: int = 0
    deaths: int = 0
    serious: int = 0
    victims_at_employer: int = 0
    women_at_employer: int = 0
    deaths_at_employer: int = 0
    serious_at_employer: int = 0

    def add_accident(self, severities: list[str]) -> None:
        self.accidents += 1
        self.fatal_accidents += "fatal" in severities
        self.multi_victim_accidents += len(severities) >= 2

    def add_victim(self, sex: str | None, severity: str, at_employer: bool = False) -> None:
        self.victims += 1
        self.women += sex == "F"
        self.deaths += severity == "fatal"
        self.serious += severity == "serious"
        if at_employer:
            self.victims_at_employer += 1
            self.women_at_employer += sex == "F"
            self.deaths_at_employer += severity == "fatal"
            self.serious_at_employer += severity == "serious"

    def impossible(self, whole_accidents: bool = True) -> str | None:
        """What cannot be (a part larger than its whole), or None. *whole_accidents*: the group holds its
        accidents' counted victims (every group but the occupations, where an accident counts under its first
        victim's occupation and each victim under their own)."""
        if self.fatal_accidents > self.accidents or self.multi_victim_accidents > self.accidents:
            return "more accidents with deaths or with two or more victims than accidents"
        if whole_accidents and self.fatal_accidents > self.deaths:
            return "more accidents with deaths than deaths"
        if whole_accidents and self.victims < self.accidents + self.multi_victim_accidents:
            return "fewer victims than accidents and their second victims"
        if self.women > self.victims or self.deaths + self.serious > self.victims:
            return "more women, or deaths and seriously injured, than victims"
        for part, whole in SUB_COUNTS:
            if getattr(self, part) > getattr(self, whole):
                return f"{part} exceeds {whole}"
        return None

    def as_dict(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in GROUP_KEYS}

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{key: getattr(self, key) + getattr(other, key) for key in GROUP_KEYS})


class VictimRow(NamedTuple):
    """One victim of one counted accident, with what the aggregation needs of both (a named tuple: an office's
    report makes 50,000 of them, and a frozen dataclass took 0.3 s to build them)."""

    accident_id: str
    unit: str
    occurred_on: str
    status: str
    cause: str | None
    factor: str | None
    commuting: bool
    at_employer: int | None  # at_employer_premises: 1 true, 0 false, None unknown
    n: int
    sex: str | None
    severity: str
    occupation: str | None
    days_off: int | None
    cost_kvnd: float | None


@dataclass(frozen=True)
class IncidentRow:
    """One serious technical incident of the period (Part III), with what the aggregation needs of it."""

    incident_id: str
    unit: str
    damage_kvnd: float | None
    with_victims: bool


@dataclass
class IncidentCounts:
    incidents: int = 0
    with_victims: int = 0
    damage_kvnd: float = 0

    def add(self, row: IncidentRow) -> None:
        self.incidents += 1
        self.with_victims += row.with_victims
        self.damage_kvnd += row.damage_kvnd or 0

    def as_dict(self) -> dict[str, float]:
        return {"incidents": self.incidents, "with_victims": self.with_victims, "damage_kvnd": self.damage_kvnd}

    def __add__(self, other: IncidentCounts) -> IncidentCounts:
        return IncidentCounts(self.incidents + other.incidents, self.with_victims + other.with_victims,
                              self.damage_kvnd + other.damage_kvnd)


# Every breakdown of the total (by unit first); `check()` adds each one up.
BREAKDOWNS = ("by_unit", "by_cause", "by_cause_group", "by_factor", "by_occupation", "by_month")


@dataclass
class Aggregate:
    period: str
    units: list[str]
    total: Counts = field(default_factory=Counts)
    by_unit: dict[str, Counts] = field(default_factory=dict)
    by_cause: dict[str, Counts] = field(default_factory=dict)
    by_cause_group: dict[str, Counts] = field(default_factory=dict)
    by_factor: dict[str, Counts] = field(default_factory=dict)
    by_occupation: dict[str, Counts] = field(default_factory=dict)
    by_month: dict[str, Counts] = field(default_factory=dict)  # "YYYY-MM" of the accident's date
    commuting: Counts = field(default_factory=Counts)
    commuting_by_unit: dict[str, Counts] = field(default_factory=dict)
    days_off: int = 0
    cost_kvnd: float = 0.0
    drafts: int = 0
    excluded_victims: int = 0
    excluded_accidents: int = 0
    incidents: IncidentCounts = field(default_factory=IncidentCounts)  # Part III
    incidents_by_unit: dict[str, IncidentCounts] = field(default_factory=dict)
    detail: dict[str, Aggregate] = field(default_factory=dict)  # the same breakdowns for each unit (an office's columns)

    @property
    def nil(self) -> bool:
        return self.total.accidents == 0

    def check(self) -> None:
        """Every breakdown adds up to the total (SPEC § 6), and no part exceeds its whole in any group; raises
        `ConsistencyError` if not."""
        for name in BREAKDOWNS:
            groups = getattr(self, name).values()
            summed = sum(groups, Counts())
            if summed != self.total:
                raise ConsistencyError(f"{name} adds up to {summed.as_dict()}, the total is {self.total.as_dict()}")
        commuting = sum(self.commuting_by_unit.values(), Counts())
        if commuting != self.commuting:
            raise ConsistencyError("commuting by unit does not add up")
        incidents = sum(self.incidents_by_unit.values(), IncidentCounts())
        if incidents != self.incidents or self.incidents.with_victims > self.incidents.incidents:
            raise ConsistencyError(f"incidents by unit add up to {incidents}, the total is {self.incidents}")
        for unit, detail in self.detail.items():
            if detail.total != self.by_unit[unit]:
                raise ConsistencyError(f"the detail of {unit} does not match its column")
            detail.check()
        for name in BREAKDOWNS[1:]:
            keys = {key for detail in self.detail.values() for key in getattr(detail, name)}
            for key in keys:
                summed = sum((getattr(d, name).get(key, Counts()) for d in self.detail.values()), Counts())
                if self.detail and summed != getattr(self, name).get(key, Counts()):
                    raise ConsistencyError(f"{name}[{key}] over the units does not add up")
        for key in GROUP_KEYS:
            if getattr(self.commuting, key) > getattr(self.total, key):
                raise ConsistencyError(f"more commuting {key} than in all")
        groups = [("total", self.total), ("commuting", self.commuting)]
        for name in BREAKDOWNS + ("commuting_by_unit",):
            groups += [(f"{name}[{key}]", counts) for key, counts in getattr(self, name).items()]
        for name, counts in groups:
            wrong = counts.impossible(not name.startswith("by_occupation["))
            if wrong:
                raise ConsistencyError(f"impossible figures in {name}: {wrong} ({counts.as_dict()})")

    def as_json(self) -> dict[str, Any]:
        """The periodic aggregates with the keys of SPEC § 9, and the other parts of the report after them."""
        def groups(mapping: dict[str, Counts]) -> dict[str, dict[str, int]]:
            return {key: counts.as_dict() for key, counts in mapping.items()}

        return {
            "period": self.period,
            "units": self.units,
            "total": self.total.as_dict(),
            "by_unit": groups(self.by_unit),
            "by_cause": groups(self.by_cause),
            "by_factor": groups(self.by_factor),
            "by_occupation": groups(self.by_occupation),
            "by_month": groups(dict(sorted(self.by_month.items()))),
            "by_cause_group": groups(self.by_cause_group),
            "commuting": self.commuting.as_dict(),
            "damage": {"days_off": self.days_off, "cost_kvnd": self.cost_kvnd},
            "drafts": self.drafts,
            "deduplicated": {"victims": self.excluded_victims, "accidents": self.excluded_accidents},
            "incidents": self.incidents.as_dict(),
            "incidents_by_unit": {key: counts.as_dict() for key, counts in self.incidents_by_unit.items()},
        }


def aggregate(rows: Iterable[VictimRow], period: str, units: list[str], cause_groups: dict[str, str],
              excluded_victims: frozenset[str] = frozenset(), excluded_accidents: frozenset[str] = frozenset(),
              incidents: Iterable[IncidentRow] = ()) -> Aggregate:
    """Count *rows* (ordered by accident, then victim) and *incidents* into an `Aggregate` and check it.

    *cause_groups* maps each cause code to its group (A, B, C). Every unit of *units* gets its column, with zeros
    if it has nothing; a unit with data that is not listed is added.
    """
    result = Aggregate(period, [])
    for unit in units:
        _unit_columns(result, unit)
    for incident in incidents:
        _unit_columns(result, incident.unit)
        result.incidents.add(incident)
        result.incidents_by_unit[incident.unit].add(incident)
    batch: list[VictimRow] = []
    for row in rows:
        if batch and row.accident_id != batch[0].accident_id:
            _count_accident(result, batch, cause_groups, excluded_victims, excluded_accidents)
            batch = []
        batch.append(row)
    if batch:
        _count_accident(result, batch, cause_groups, excluded_victims, excluded_accidents)
    for unit, detail in result.detail.items():
        _merge(result, unit, detail)
    result.check()
    return result


def _merge(result: Aggregate, unit: str, detail: Aggregate) -> None:
    """Add one unit's counts to the whole (each accident is counted once, in its unit's detail)."""
    result.total = result.total + detail.total
    result.by_unit[unit] = result.by_unit[unit] + detail.total
    result.commuting = result.commuting + detail.commuting
    result.commuting_by_unit[unit] = result.commuting_by_unit[unit] + detail.commuting
    for name in BREAKDOWNS[1:]:
        mapping = getattr(result, name)
        for key, counts in getattr(detail, name).items():
            mapping[key] = mapping.get(key, Counts()) + counts
    result.days_off += detail.days_off
    result.cost_kvnd += detail.cost_kvnd
    result.drafts += detail.drafts


def _count_accident(result: Aggregate, victims: list[VictimRow], cause_groups: dict[str, str],
                    excluded_victims: frozenset[str], excluded_accidents: frozenset[str]) -> None:
    first = victims[0]
    if first.accident_id in excluded_accidents:
        result.excluded_accidents += 1
        result.excluded_victims += len(victims)
        return
    counted = [victim for victim in victims if f"{victim.accident_id}/{victim.n}" not in excluded_victims]
    result.excluded_victims += len(victims) - len(counted)
    unit = first.unit
    _unit_columns(result, unit)
    detail = result.detail.get(unit)
    if detail is None:
        detail = result.detail[unit] = Aggregate(result.period, [])
        _unit_columns(detail, unit)
    _count_into(detail, unit, victims, counted, cause_groups)


def _count_into(result: Aggregate, unit: str, victims: list[VictimRow], counted: list[VictimRow],
                cause_groups: dict[str, str]) -> None:
    first = victims[0]
    severities = [victim.severity for victim in counted]
    cause = first.cause or UNKNOWN
    group = cause_groups.get(cause, UNKNOWN)
    factor = first.factor or UNKNOWN
    main_occupation = (counted[0] if counted else first).occupation or UNKNOWN
    buckets = [result.total, result.by_unit[unit], _bucket(result.by_cause, cause),
               _bucket(result.by_cause_group, group), _bucket(result.by_factor, factor),
               _bucket(result.by_month, first.occurred_on[:7])]
    if first.commuting:
        buckets += [result.commuting, result.commuting_by_unit[unit]]
    # The accident's and its counted victims' figures once, then added to each bucket (a third of the time of
    # counting them bucket by bucket, measured on 50,000 accidents).
    fatal, multi = "fatal" in severities, len(severities) >= 2
    victims = len(counted)
    if victims == 1:  # most accidents: no generator to sum over
        only = counted[0]
        women, deaths, serious = only.sex == "F", only.severity == "fatal", only.severity == "serious"
    else:
        women = sum(victim.sex == "F" for victim in counted)
        deaths = sum(victim.severity == "fatal" for victim in counted)
        serious = sum(victim.severity == "serious" for victim in counted)
    for counts in buckets:
        counts.accidents += 1
        counts.fatal_accidents += fatal
        counts.multi_victim_accidents += multi
        counts.victims += victims
        counts.women += women
        counts.deaths += deaths
        counts.serious += serious
    at_employer = first.at_employer == 1  # an accident's place: the same for all its victims
    if at_employer:
        for counts in buckets:
            counts.victims_at_employer += victims
            counts.women_at_employer += women
            counts.deaths_at_employer += deaths
            counts.serious_at_employer += serious
    _bucket(result.by_occupation, main_occupation).add_accident(severities)
    for victim in counted:
        _bucket(result.by_occupation, victim.occupation or UNKNOWN).add_victim(victim.sex, victim.severity,
                                                                                at_employer)
        result.days_off += victim.days_off or 0
        result.cost_kvnd += victim.cost_kvnd or 0
    result.drafts += first.status == "draft"


def _unit_columns(result: Aggregate, unit: str) -> None:
    """Give *unit* its columns (a unit with data that the list of units did not name)."""
    if unit not in result.by_unit:
        result.units.append(unit)
        result.by_unit[unit] = Counts()
        result.commuting_by_unit[unit] = Counts()
        result.incidents_by_unit[unit] = IncidentCounts()


def _bucket(mapping: dict[str, Counts], key: str) -> Counts:
    counts = mapping.get(key)
    if counts is None:
        counts = mapping[key] = Counts()
    return counts
