"""Realistic synthetic data for a Lạng Sơn commune or office (`tnld demo`), for trying the program and for
benchmarks. Nothing here is a real person.

The mix follows what is known of the province and of MOLISA's yearly reports: Nùng, Tày, Kinh and Dao
households; star-anise (hồi) picking in August–October and a smaller crop in spring, acacia and timber
felling in the dry months, house building in the dry season, rice harvest with threshers in May–June and
September–October, lightning and electric shocks in the rainy season; falls from height, falling trees and
objects, electricity and machinery as the leading factors, a share of traffic accidents on the way to work.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.interchange import dumps
from app.core.progress import Cancel, Progress
from app.core.progress import check as check_cancel

SURNAMES = {
    "07": ["Hoàng", "Nông", "Vi", "Lương", "Lăng", "Mông", "Chu", "Lành", "Đinh", "Hứa"],  # Nùng
    "02": ["Hoàng", "Nông", "Lộc", "Hà", "Lương", "Vi", "Đàm", "Hứa", "Ma", "Bế"],  # Tày
    "01": ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Hoàng", "Bùi", "Đặng", "Dương"],  # Kinh
    "09": ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chìu"],  # Dao
    "15": ["Hoàng", "Lâm", "Trương", "Ninh"],  # Sán Chay
}
GIVEN_MALE = ["Văn Thắng", "Văn Tuấn", "Văn Hùng", "Văn Lâm", "Văn Cường", "Văn Đức", "Văn Sơn", "Văn Minh",
              "Văn Phúc", "Văn Hải", "Văn Quyết", "Văn Chiến", "Đình Khánh", "Văn Dũng", "Văn Lượng", "Văn Đông",
              "Văn Thành", "Văn Toàn", "Văn Pín", "Văn Sảng"]
GIVEN_FEMALE = ["Thị Mai", "Thị Hoa", "Thị Hằng", "Thị Lan", "Thị Nhung", "Thị Thảo", "Thị Liên", "Thị Hương",
                "Thị Nga", "Thị Duyên", "Thị Mùi", "Thị Phương", "Thị Ngân", "Thị Xuân", "Thị Đào"]
DAO_MALE = ["Văn Phin", "Văn Quẩy", "Văn Sinh", "Văn Tài", "Văn Chòi", "Phúc Lai"]
DAO_FEMALE = ["Thị Mùi", "Thị Nái", "Thị Vần", "Thị Sểnh"]
VILLAGES = ["Thôn Nà Pàn", "Thôn Pác Cáp", "Thôn Nà Lầu", "Bản Khuổi Kẹn", "Thôn Bản Trại", "Thôn Khòn Coóng",
            "Thôn Nà Cạn", "Bản Co Khuân", "Thôn Đông Ngấn", "Thôn Pò Mè", "Thôn Nà Thang", "Thôn Phai Khim",
            "Thôn Còn Riềng", "Bản Lằm", "Thôn Khau Phầy"]
ETHNICITY_WEIGHTS = [("07", 42), ("02", 35), ("01", 16), ("09", 5), ("15", 2)]
SOURCES = [("family", 30), ("village_head", 25), ("health_station", 20), ("discoverer", 8), ("hospital", 8),
           ("death_register", 4), ("police", 3), ("employer", 2)]


@dataclass(frozen=True)
class Scenario:
    weight: int
    months: tuple[int, ...]
    factor: str
    causes: tuple[str, ...]
    place: str
    occupations: tuple[str, ...]
    work: str
    description: str
    injuries: tuple[tuple[str, str], ...]  # (injury_type, body_part)
    severity: tuple[int, int, int]  # weights fatal, serious, minor
    max_victims: int = 1
    commuting_share: float = 0.0
    women_share: float = 0.3


SCENARIOS = (
    Scenario(16, (8, 9, 10, 2, 3), "03", ("7", "9", "1"), "7.4", ("62", "61"), "Hái hồi trên cây",
             "Trèo cây hồi cao khoảng {h} m để hái quả, cành gãy nên bị ngã xuống đất.",
             (("01", "60"), ("09", "10"), ("01", "30"), ("12", "70")), (15, 50, 35), women_share=0.35),
    Scenario(12, (10, 11, 12, 1, 2, 3, 4), "06", ("3", "7", "9"), "7.4", ("62", "92"), "Chặt, khai thác keo",
             "Khi chặt hạ cây keo trên đồi, cây đổ lệch hướng đè trúng người.",
             (("01", "60"), ("09", "10"), ("10", "40"), ("04", "60")), (25, 45, 30), women_share=0.1),
    Scenario(9, (4, 5, 6, 7, 8), "01", ("1", "5", "7"), "0.1", ("61", "71", "63"), "Sửa máy bơm nước, dây điện",
             "Nối dây điện cho máy bơm nước tưới ruộng, không ngắt cầu dao nên bị điện giật.",
             (("06", "50"), ("06", "70")), (45, 35, 20)),
    Scenario(5, (5, 6, 7, 8), "02", ("9",), "7.1", ("61", "63", "92"), "Làm ruộng khi trời mưa giông",
             "Đang làm cỏ lúa ngoài đồng thì trời giông, bị sét đánh.",
             (("06", "70"), ("05", "70")), (55, 30, 15), max_victims=2, women_share=0.45),
    Scenario(9, (5, 6, 9, 10), "08", ("1", "4", "7"), "7.1", ("61", "63", "81"), "Tuốt lúa bằng máy",
             "Khi cho lúa vào máy tuốt, tay bị cuốn vào trục máy.",
             (("03", "50"), ("04", "50"), ("01", "50")), (5, 60, 35), women_share=0.4),
    Scenario(10, (10, 11, 12, 1, 2, 3, 4), "03", ("1", "2", "8"), "6.1", ("71", "96"), "Xây nhà dân",
             "Đứng trên giàn giáo tự dựng bằng tre để trát tường tầng 2, giàn giáo gãy, bị ngã xuống.",
             (("01", "60"), ("09", "10"), ("01", "30")), (20, 50, 30), max_victims=2, women_share=0.1),
    Scenario(5, tuple(range(1, 13)), "09", ("8", "7", "6"), "6.2", ("75", "81", "71"), "Xẻ gỗ, bóc gỗ bằng máy cưa",
             "Khi xẻ gỗ bằng máy cưa đĩa, lưỡi cưa cắt vào tay.",
             (("03", "50"), ("02", "50")), (2, 45, 53), women_share=0.2),
    Scenario(5, (3, 4, 5, 7, 8, 9), "16", ("2", "8"), "7.2", ("61", "63"), "Phun thuốc trừ sâu",
             "Phun thuốc bảo vệ thực vật cho nương ngô không đeo khẩu trang, bị ngộ độc.",
             (("07", "70"),), (10, 40, 50), women_share=0.5),
    Scenario(4, tuple(range(1, 13)), "18", ("9", "7"), "7.3", ("63", "92"), "Chăn trâu, cày ruộng bằng trâu",
             "Trâu bất ngờ húc trúng người khi đang dắt trâu đi cày.",
             (("10", "40"), ("01", "60")), (8, 42, 50), women_share=0.4),
    Scenario(4, (5, 6, 7, 8, 9), "19", ("9",), "7.2", ("63", "61"), "Phát nương, làm rẫy",
             "Đang phát cỏ trên nương thì bị rắn cắn vào chân.",
             (("07", "60"),), (10, 50, 40), women_share=0.45),
    Scenario(7, tuple(range(1, 13)), "12", ("7", "9"), "4.1", ("61", "62", "71"), "Chở hàng, chở gỗ bằng xe công nông",
             "Đi xe máy chở hàng trên đường liên xã, xe bị trượt đổ xuống dốc.",
             (("01", "60"), ("09", "10"), ("12", "70")), (30, 45, 25), max_victims=2, commuting_share=0.6),
    Scenario(3, (5, 6, 7, 8, 9), "13", ("9", "7"), "8.2", ("92", "63"), "Đánh bắt cá trên sông",
             "Đánh cá trên sông Kỳ Cùng khi nước lên, bị lật thuyền.",
             (("08", "70"),), (75, 15, 10), max_victims=2),
    Scenario(3, tuple(range(1, 13)), "11", ("3", "5", "1"), "6.3", ("93",), "Khai thác đá, cát thủ công",
             "Đào lấy đá dưới chân taluy, vách đất đá sụt xuống vùi lấp.",
             (("12", "70"), ("10", "40"), ("01", "60")), (40, 40, 20), max_victims=3, women_share=0.1),
    Scenario(8, tuple(range(1, 13)), "09", ("7", "8"), "7.2", ("61", "63", "92"), "Phát nương bằng dao",
             "Dùng dao phát cây bụi, dao trượt chém vào chân.",
             (("02", "60"), ("02", "50")), (0, 15, 85), women_share=0.35),
)


# At a place under an employer's management (true), not (false), or not known: the shares of true and of false
# by the work. Builders, loggers, saw mills and quarries often work for someone on that person's site; a farmer
# works their own field; the rest unknown.
EMPLOYER_PREMISES = {
    "Xây nhà dân": (0.6, 0.25), "Chặt, khai thác keo": (0.5, 0.3), "Xẻ gỗ, bóc gỗ bằng máy cưa": (0.6, 0.25),
    "Khai thác đá, cát thủ công": (0.5, 0.3), "Chở hàng, chở gỗ bằng xe công nông": (0.2, 0.5),
    "Hái hồi trên cây": (0.15, 0.7), "Tuốt lúa bằng máy": (0.1, 0.75),
}


def _at_employer_premises(accident_id: str, work: str) -> bool | None:
    """Drawn from its own generator seeded by the id, so that the other fields of a seed stay what they were."""
    true, false = EMPLOYER_PREMISES.get(work, (0.03, 0.85))
    draw = random.Random(accident_id).random()
    return True if draw < true else False if draw < true + false else None


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _name(rng: random.Random, ethnicity: str, sex: str) -> str:
    surname = rng.choice(SURNAMES[ethnicity])
    if ethnicity == "09":
        given = rng.choice(DAO_MALE if sex == "M" else DAO_FEMALE)
    else:
        given = rng.choice(GIVEN_MALE if sex == "M" else GIVEN_FEMALE)
    return f"{surname} {given}"


def _id_number(rng: random.Random, birth_year: int, sex: str) -> str:
    century = (birth_year // 100) - 19
    return f"020{century * 2 + (1 if sex == 'F' else 0)}{birth_year % 100:02d}{rng.randrange(10**6):06d}"


def _phone(rng: random.Random) -> str:
    return rng.choice(["098", "097", "096", "086", "091", "094", "088", "033", "035", "039"]) + f"{rng.randrange(10**7):07d}"


def _victim(rng: random.Random, scenario: Scenario, occurred: dt.date, severity: str, unit: str,
            today: dt.date) -> dict[str, Any]:
    sex = "F" if rng.random() < scenario.women_share else "M"
    ethnicity = _weighted(rng, ETHNICITY_WEIGHTS)
    age = max(16, min(78, int(rng.gauss(42, 13))))
    birth_year = occurred.year - age
    with_date = rng.random() < 0.5
    birth_date = None
    if with_date:
        birth_date = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        if birth_date > occurred:
            birth_date = dt.date(birth_year - 1, birth_date.month, birth_date.day)
        birth_year = birth_date.year
    injury_type, body_part = rng.choice(scenario.injuries)
    died_on = None
    outcome = rng.choice(["recovered", "recovered", "sequelae", "first_aid", "unknown"])
    if severity == "fatal":
        died_on = min(occurred + dt.timedelta(days=rng.choice([0, 0, 0, 1, 3])), today)
        outcome = "died"
    elif severity == "minor":
        outcome = rng.choice(["first_aid", "recovered", "recovered"])
    days_off = 0 if severity == "fatal" else (rng.randint(1, 10) if severity == "minor" else rng.randint(14, 120))
    serious_injuries = []
    if severity == "serious":
        serious_injuries = {"10": ["011"], "40": ["024"], "50": ["031", "032"]}.get(body_part, [])[:1]
    full = rng.random() < 0.8
    return {
        "name": _name(rng, ethnicity, sex),
        "sex": sex,
        "birth_date": birth_date.isoformat() if birth_date else None,
        "birth_year": None if birth_date else birth_year,
        "id_number": _id_number(rng, birth_year, sex) if rng.random() < 0.6 else None,
        "phone": _phone(rng) if rng.random() < 0.4 else None,
        "ethnicity": ethnicity,
        "occupation": rng.choice(scenario.occupations) if full else None,
        "residence": unit if full else None,
        "residence_detail": None,
        "injury_type": injury_type,
        "body_part": body_part if full else None,
        "injury_nature": None,
        "serious_injuries": serious_injuries,
        "severity": severity,
        "died_on": died_on.isoformat() if died_on else None,
        "outcome": outcome if full else None,
        "days_off": days_off,
        "cost_kvnd": 0 if severity == "fatal" and rng.random() < 0.5 else rng.choice([0, 500, 1200, 3500, 8000, 15000, 32000]),
        "insured": rng.random() < 0.08,
        "disability": severity == "serious" and rng.random() < 0.2,
    }


def _date_in(rng: random.Random, months: tuple[int, ...], start: dt.date, end: dt.date) -> dt.date:
    for _ in range(50):
        year = rng.randint(start.year, end.year)
        month = rng.choice(months)
        day = dt.date(year, month, rng.randint(1, 28))
        if start <= day <= end:
            return day
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def generate(count: int, units: list[str], today: dt.date, seed: int = 1, years: int = 3) -> Iterator[dict[str, Any]]:
    """*count* accidents spread over the *years* up to *today*, in the given communes."""
    rng = random.Random(seed)
    start = dt.date(today.year - years + 1, 1, 1)
    weights = [scenario.weight for scenario in SCENARIOS]
    for _ in range(count):
        scenario = rng.choices(SCENARIOS, weights=weights)[0]
        occurred = _date_in(rng, scenario.months, start, today)
        unit = rng.choice(units)
        n_victims = 1 if rng.random() < 0.85 else rng.randint(1, scenario.max_victims)
        victims = [
            _victim(rng, scenario, occurred, rng.choices(("fatal", "serious", "minor"), weights=scenario.severity)[0],
                    unit, today)
            for _ in range(n_victims)
        ]
        delay = rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 15, 30])
        declared = min(occurred + dt.timedelta(days=delay), today)
        complete = rng.random() < 0.75
        accident_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        yield {
            "id": accident_id,
            "unit": unit,
            "occurred_on": occurred.isoformat(),
            "occurred_time": f"{rng.randint(6, 18):02d}:{rng.choice([0, 15, 30, 45]):02d}" if complete else None,
            "village": rng.choice(VILLAGES),
            "place": scenario.place,
            "place_detail": None,
            "activity": "2",
            "work": scenario.work,
            "factor": scenario.factor,
            "cause": rng.choice(scenario.causes),
            "external_cause": None,
            "commuting": rng.random() < scenario.commuting_share,
            "at_employer_premises": _at_employer_premises(accident_id, scenario.work),
            "description": scenario.description.format(h=rng.randint(4, 12)) if complete else None,
            "source": _weighted(rng, SOURCES),
            "declared_on": declared.isoformat(),
            "declared_by": rng.choice(["Gia đình nạn nhân", "Trưởng thôn", "Trạm y tế xã"]) if complete else None,
            "record_ref": f"{rng.randint(1, 60):02d}/BB-UBND" if rng.random() < 0.4 else None,
            "status": "confirmed" if rng.random() < 0.7 else "draft",
            "victims": victims,
        }


INCIDENTS = (
    # (factor of the accidents it goes with, what failed, damage range in thousand VND, description)
    ("03", "Giàn giáo tre của nhà đang xây bị gãy, sập", (8_000, 60_000),
     "Giàn giáo tre tự dựng cao khoảng 6 m bị gãy chân khi đang đổ bê tông mái, sập xuống sân."),
    ("08", "Máy tuốt lúa bị vỡ trục, văng mảnh", (3_000, 25_000),
     "Trục máy tuốt lúa gắn động cơ tự chế bị vỡ khi đang chạy, mảnh kim loại văng ra xung quanh."),
    ("01", "Cột điện hạ thế tự kéo bị đổ, dây điện rơi xuống ruộng", (5_000, 40_000),
     "Cột tre đỡ dây điện kéo từ nhà ra ruộng để bơm nước bị đổ sau mưa to, dây điện rơi xuống ruộng đang có nước."),
    ("11", "Sạt lở vách đá tại điểm khai thác đá thủ công", (20_000, 150_000),
     "Vách đá cao khoảng 10 m tại điểm khai thác đá tự phát bị sạt sau mưa kéo dài."),
    ("09", "Nổ bình khí nén của máy nén khí tại xưởng mộc gia đình", (10_000, 80_000),
     "Bình chứa của máy nén khí cũ, không kiểm định, bị nổ khi đang bơm hơi cho súng bắn đinh."),
)


def generate_incidents(accidents: list[dict[str, Any]], today: dt.date, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Serious technical incidents among *accidents*: about one in forty of the accidents whose factor can come from
    a failing structure or machine is linked to one, and as many incidents again had no victim."""
    rng = random.Random(seed * 7919 + 13)
    by_factor = {factor: (what, damage, description) for factor, what, damage, description in INCIDENTS}
    for accident in accidents:
        if accident["factor"] not in by_factor or rng.random() > 0.06:
            continue
        for linked in (True, False):
            what, (low, high), description = by_factor[accident["factor"]] if linked else rng.choice(INCIDENTS)[1:]
            occurred = dt.date.fromisoformat(accident["occurred_on"])
            if not linked:
                occurred = min(today, occurred + dt.timedelta(days=rng.randint(3, 60)))
            yield {
                "kind": "incident", "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "unit": accident["unit"], "occurred_on": occurred.isoformat(),
                "occurred_time": accident["occurred_time"] if linked else None,
                "village": accident["village"] if linked else rng.choice(VILLAGES), "place": accident["place"],
                "place_detail": None, "what_failed": what, "damage_kvnd": rng.randrange(low, high, 500),
                "accident_ids": [accident["id"]] if linked else [], "source": _weighted(rng, SOURCES),
                "description": description, "declared_on": accident["declared_on"] if linked else occurred.isoformat(),
                "status": "confirmed",
            }


def with_incidents(accidents: list[dict[str, Any]], today: dt.date, seed: int = 1) -> list[dict[str, Any]]:
    """The accidents, then the incidents among them (after them, so that every link points backwards)."""
    return accidents + list(generate_incidents(accidents, today, seed))


def write_demo_file(path: Path, count: int, units: list[str], today: dt.date, seed: int = 1,
                    progress: Callable[[int, int], None] | None = None, years: int = 3) -> int:
    """Write *count* synthetic accidents to a JSON Lines file (used by `bench/`)."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for done, accident in enumerate(generate(count, units, today, seed, years), start=1):
            handle.write(dumps(accident) + "\n")
            if progress is not None and done % 1000 == 0:
                progress(done, count)
    return count


def fill(session, count: int = 60, seed: int = 1, progress: Progress | None = None, cancel: Cancel | None = None):
    """Add *count* synthetic accidents to the workstation: its own commune's, or (an office) its communes'
    bundles for the last half-year, imported as the real ones are. Finishes, or raises `Cancelled` having changed
    nothing; the report names the ids added (`report.changed`)."""
    from app.services.records import add_records
    from app.services.settings import get_setting

    needs_signer = get_setting(session, "signer_name", None) is None  # who signs the demo's printed reports
    if needs_signer:
        session.require("action.settings", "admin")  # before any change, not half-way
    if session.role == "office":
        report = fill_office(session, count, seed, progress, cancel)
    else:
        today = session.today()
        records = with_incidents(list(generate(count, [session.unit], today, seed)), today, seed)
        report = add_records(session, lambda: enumerate(records, start=1), progress, cancel, origin="demo")
    if needs_signer:
        from app.services.settings import set_setting

        set_setting(session, "signer_name", "Nguyễn Văn Bình" if session.role == "office" else "Hoàng Văn Minh")
    return report


def fill_office(session, count: int = 60, seed: int = 1, progress: Progress | None = None,
                cancel: Cancel | None = None):
    """An office's demo: a dozen communes of its province send their bundles for the last complete half-year
    (two with nothing to report, some after the due date, one victim reported by two communes); the rest have
    not reported. Each commune gets keys of its own, registered here, and the bundles go through the real import.

    *cancel* is honoured while the communes' keys and bundles are made, before anything is written; then the keys
    are registered and the bundles imported to the end (a few seconds), so that a cancel never leaves a commune
    registered whose bundle was not imported (a later run skips the communes it finds registered)."""
    import tempfile

    from app.core.periods import Period
    from app.exchange.bundle import INCIDENTS, RECORDS, Part, build
    from app.exchange.identity import card_bytes, new_identity
    from app.services.completeness import due_date
    from app.services.exchange import import_files
    from app.services.keys import own_identity, trust_card
    from app.services.records import AddReport

    rng = random.Random(seed)
    today = session.today()
    period = Period(today.year, "half", 1) if today.month > 6 else Period(today.year - 1, "half", 2)
    communes = [code.code for code in session.codelists.communes_of(session.unit) if code.valid_on(today)]
    senders = sorted(rng.sample(communes, min(12, len(communes))))
    nil = set(senders[:2])
    office = own_identity(session).public
    due = due_date(session, period)
    report = AddReport()
    with tempfile.TemporaryDirectory(prefix="tnld-demo-") as folder:
        root = Path(folder)
        shared_victim = None
        files = []
        cards = []
        for number, unit in enumerate(senders):
            check_cancel(cancel)
            identity = new_identity("commune", unit, session.codelists.unit_name(unit))
            card = root / f"{unit}.card"
            card.write_bytes(card_bytes(identity.public))
            if session.db.execute("SELECT 1 FROM trusted_keys WHERE identity = ?", (unit,)).fetchone() is not None:
                continue  # this commune's demo keys were registered by an earlier run
            cards.append(card)
            records = [] if unit in nil else [
                accident for accident in generate(max(1, count // 10) * 2, [unit], period.end, seed + number, years=1)
                if period.start.isoformat() <= accident["occurred_on"] <= period.end.isoformat()]
            # After the period's end (a report made while it runs is interim), some days after the due date.
            made = dt.datetime.combine(max(period.end + dt.timedelta(days=1),
                                           due + dt.timedelta(days=rng.choice([-20, -9, -3, -1, 0, 4, 12]))),
                                       dt.time(2, 30), dt.UTC)
            stamp = made.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            for accident in records:
                accident.update(version=1, created_at=stamp, updated_at=stamp, author="demo")
            if shared_victim is None:
                shared_victim = next((v for a in records for v in a["victims"] if v.get("id_number")), None)
            elif records and number == len(senders) - 1 and shared_victim is not None:
                moved = dict(shared_victim, residence=records[0]["victims"][0]["residence"])
                records[0]["victims"][0] = moved  # the same person, treated in two communes
            incidents = [dict(i, version=1, created_at=stamp, updated_at=stamp, author="demo")
                         for i in generate_incidents(records, period.end, seed + number)]
            manifest = {"kind": "report", "period": str(period), "created_at": stamp, "sequence": 1,
                        "previous_hash": None, "nil": not records,
                        "counts": {"accidents": len(records), "victims": sum(len(a["victims"]) for a in records),
                                   "void": 0, "incidents": len(incidents)},
                        "contains": [], "codelists_version": session.codelists.versions()}
            path = root / f"{unit}-{period}.tnld"
            build(path, identity, manifest,
                  [Part(RECORDS, "".join(dumps(a) + "\n" for a in records).encode(), "application/x-ndjson"),
                   Part(INCIDENTS, "".join(dumps(i) + "\n" for i in incidents).encode(), "application/x-ndjson")],
                  office)
            files.append((path, min(made.date(), today)))
        check_cancel(cancel)  # the last moment to cancel: nothing was written yet
        for card in cards:
            trust_card(session, card)
        outcomes = []
        # Completeness judges by the day the office received a bundle: the demo's sticks came in over the weeks
        # around the due date (on the day each was made), not all today.
        for number, (path, received_on) in enumerate(files):
            outcomes += import_files(session, [path], root / "receipts", received_on=received_on)
            if progress is not None:
                progress(number + 1, len(files))
        for outcome in outcomes:
            if outcome.plan is not None:
                report.added += outcome.plan.added
                report.unchanged += outcome.plan.unchanged
                report.incidents["added"] += outcome.plan.incidents_added
                report.incidents["unchanged"] += outcome.plan.incidents_unchanged
            report.changed.update(outcome.changed)
    return report
