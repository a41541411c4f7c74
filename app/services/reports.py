"""Reports of a period (SPEC § 6): the aggregation from the store, and the files drawn from it.

The numbers come from `app.reports.aggregate` only; each format (JSON here, Excel and PDF in `app.reports`) renders
the same `Aggregate`, so they cannot disagree. Every report takes `progress` and `cancel` (`app.core.progress`):
a cancel stops the queries, the drawing or the writing and raises `Cancelled`, and no file is left (files are
written to a temporary name and renamed when complete).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.derived import birth_year_of
from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes, output_file, write_failed
from app.core.periods import Period
from app.core.progress import Cancel, Progress, Steps, checked
from app.core.progress import check as check_cancel
from app.core.vnformat import short_date
from app.db.connection import interruptible
from app.reports.aggregate import Aggregate, IncidentRow, VictimRow, aggregate

if TYPE_CHECKING:  # only annotations here: the CLI's parser reads KINDS/FORMATS without importing cryptography
    from app.services.workspace import Session

KINDS = ("periodic", "linelist", "indicators", "register")
FORMATS = ("json", "xlsx", "pdf")
# The one rule of which kind writes which formats (the CLI and its help read it from here): the forms of one
# accident are PDF only, the line list is Excel only, the register is PDF or Excel.
KIND_FORMATS: dict[str, tuple[str, ...]] = {
    "periodic": ("json", "xlsx", "pdf"), "indicators": ("json", "xlsx", "pdf"), "register": ("xlsx", "pdf"),
    "linelist": ("xlsx",), "quick": ("pdf",), "record": ("pdf",), "notice": ("pdf",), "declaration": ("pdf",),
}
EXTENSIONS = {".json": "json", ".xlsx": "xlsx", ".pdf": "pdf"}
# The documents that print this workstation's signer (in PDF): an unset name leaves the line blank, and the
# command says which setting prints it (`unset_signer_settings`).
SIGNED = ("periodic", "quick", "record", "notice")


def report_format(kind: str, fmt: str | None, out: Path) -> str:
    """The format of the report *kind* written to *out*: *fmt* if given, else the file's extension (.json, .xlsx,
    .pdf, in any case). The file's name must end with its format's extension, so that it opens in the right program
    when clicked: refused are a name with another or no extension (`list.csv`, `report`), a *fmt* that contradicts
    the extension, and a format the kind cannot write (`KIND_FORMATS`)."""
    if kind not in KIND_FORMATS:
        raise UserError("report.kind", value=kind, kinds=", ".join(KIND_FORMATS))
    name = Path(out).name
    extension = Path(out).suffix.lower()
    named = EXTENSIONS.get(extension)
    if fmt is not None and fmt not in FORMATS:
        raise UserError("report.format", value=fmt, formats=", ".join(KIND_FORMATS[kind]))
    if named is None:
        wanted = [ext for ext, value in EXTENSIONS.items() if value in ((fmt,) if fmt else KIND_FORMATS[kind])]
        raise UserError("report.format_unknown", name=name, extensions=", ".join(wanted))
    if fmt is not None and named != fmt:
        raise UserError("report.format_mismatch", format=fmt, name=name, extension=extension)
    if named not in KIND_FORMATS[kind]:
        raise UserError("report.format", value=named, formats=", ".join(KIND_FORMATS[kind]))
    return named


_PREFIXES = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Tỉnh ", "Thành phố ")


def report_units(session: Session) -> list[str]:
    """The columns of the report: the commune itself, or every commune an office expects."""
    if session.role == "commune":
        return [session.unit]
    from app.services.completeness import expected_units

    return expected_units(session)


def periodic(session: Session, period: Period, units: list[str] | None = None, cancel: Cancel | None = None
             ) -> Aggregate:
    """The periodic aggregates of *period* for *units* (default: the report's units), after de-duplication."""
    with interruptible(session.db, cancel):
        return _periodic(session, period, units, cancel)


def _periodic(session: Session, period: Period, units: list[str] | None, cancel: Cancel | None) -> Aggregate:
    from app.services.duplicates import exclusions

    units = list(units) if units is not None else report_units(session)
    params: list[Any] = [period.start.isoformat(), period.end.isoformat()]
    unit_clause = ""
    if session.role == "commune":
        unit_clause = " AND a.unit = ?"
        params.append(session.unit)
    rows = session.db.execute(
        "SELECT a.id, a.unit, a.occurred_on, a.status, a.cause, a.factor, a.commuting, a.at_employer_premises, v.n,"
        " v.sex, v.severity,"
        " v.occupation, v.days_off, v.cost_kvnd FROM accidents a JOIN victims v ON v.accident_id = a.id"
        # In the list index's order: rows come grouped by accident without a sort (0.36 s for 51,000 victims
        # instead of 0.6 s ordered by id).
        f" WHERE a.status != 'void' AND a.occurred_on BETWEEN ? AND ?{unit_clause} ORDER BY a.occurred_on, a.rid, v.n",
        params)
    skip = exclusions(session)
    groups = {code.code: code.parent or "" for code in session.codelists["causes"] if code.parent}
    incidents = [IncidentRow(i["id"], i["unit"], i.get("damage_kvnd"), bool(i.get("accident_ids")))
                 for i in session.incidents.records(period, session.own_units())]
    return aggregate(map(VictimRow._make, checked(rows, cancel, 2000)), str(period), units, groups,
                     skip.victims, skip.accidents, incidents)


def incident_cases(session: Session, period: Period) -> list[dict[str, Any]]:
    """Part III: every serious technical incident of the period, oldest first, with the toll of its accidents."""
    from app.services.records import list_incidents

    codes = session.codelists
    found = []
    for incident in list_incidents(session, period):
        place = ", ".join(part for part in (incident.get("village"), codes.unit_name(incident["unit"])) if part)
        account = (incident.get("description") or "").strip()
        found.append({
            "date": short_date(incident["occurred_on"]), "place": place, "what_failed": incident["what_failed"],
            "damage_kvnd": incident.get("damage_kvnd"), "deaths": incident["deaths"], "injured": incident["injured"],
            "account": account if len(account) <= 300 else account[:299] + "…",
        })
    return found


def short_name(name: str) -> str:
    """'Thất Khê' for 'Xã Thất Khê', 'Lạng Sơn' for 'Tỉnh Lạng Sơn': as place-date lines and addressees write it."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


_REGION = re.compile(r"\s+(?:(?:tỉnh|thành phố|tp)\s+|tp\.\s*)\S.*$", re.IGNORECASE)
_CONNECTIVES = {"và", "-", "–"}
_WORD = re.compile(r"^[^\W\d_]+$")
_ACRONYMS = {"UBND", "HĐND", "BHXH", "LĐTBXH"}


def body_abbreviation(name: str, province: str | None = None) -> str | None:
    """The abbreviation of a body's name in document numbers, by the usual rule: the initials of its words
    (Đ kept, "và" and dashes left out, an acronym such as UBND kept whole), the province left out ("tỉnh …",
    "thành phố …", or the *province*'s own name at the end): 'SNV' for 'Sở Nội vụ tỉnh Lạng Sơn', 'SỞ NỘI VỤ TỈNH
    LẠNG SƠN' and 'Sở Nội vụ Lạng Sơn', 'SLĐTBXH' for 'Sở Lao động - Thương binh và Xã hội …', 'VPUBND' for
    'Văn phòng UBND tỉnh …'. None when that would be a guess (a one-word name, digits or signs in it): the
    abbreviation is then the setting `office_abbreviation`."""
    text = _REGION.sub("", " ".join(name.split()))
    if province and text.casefold().endswith(" " + province.casefold()):
        text = text[:-len(province) - 1]
    words = [word for word in text.split() if word.casefold() not in _CONNECTIVES]
    if len(words) < 2 or not all(_WORD.match(word) for word in words):
        return None
    # A name typed all in capitals (as headers print it) has no acronym to tell apart, but the known ones.
    capitals = all(word.isupper() for word in words)
    return "".join(word if len(word) > 1 and word.isupper() and (not capitals or word in _ACRONYMS)
                   else word[0].upper() for word in words)


def unset_signer_settings(session: Session, kind: str | None = None, fmt: str = "pdf") -> list[str]:
    """The settings a printed document needs to name its signer and are not set (today: `signer_name`); the
    document leaves the name blank, to write by hand, and the command says once which setting prints it. With
    *kind*, only if that document prints this workstation's signer (an office's print of a commune's form names
    the commune's, not the office's)."""
    from app.services.settings import get_setting

    if kind is not None and (kind not in SIGNED or fmt != "pdf" or (session.role == "office" and kind != "periodic")):
        return []
    return [key for key in ("signer_name",) if not get_setting(session, key, "")]


def heading(session: Session, unit: str | None = None):
    """The facts around a document (`app.reports.excel.Heading`): the session's own body, or, with *unit*, the
    commune whose form of one accident an office prints: that commune's header, wording and signature titles,
    no signer's name, and a line "Bản in tại <office> ngày …" (a form of one accident is the commune's document,
    never the office's). An office's own header is its province's People's Committee over the office's name, the
    number "…/BC-<abbreviation>" (derived from a Sở's name or set as `office_abbreviation`) and the signer's titles
    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" unless set (`signer_on_behalf`, `signer_title`; "-" for no 'on behalf' line)."""
    from app.reports.excel import Heading
    from app.reports.tables import template
    from app.services.settings import get_setting

    codes = session.codelists
    form = template()
    if session.role == "office" and unit is not None and unit != session.unit:
        province_code = codes.province_of(unit) or ""
        name = codes.unit_name(unit)
        printed = form["printed_at"].format(office=session.unit_name, date=short_date(session.today().isoformat()))
        return Heading(f"UBND {name}", short_name(name), short_name(codes.unit_name(province_code)), session.today(),
                       printed_at=printed)

    def setting(key: str) -> str | None:
        value = get_setting(session, key, None)
        return None if value is None else ("" if value == "-" else value)

    province_code = session.unit if session.role == "office" else (codes.province_of(session.unit) or "")
    province_name = codes.unit_name(province_code)
    province = short_name(province_name)
    signer = get_setting(session, "signer_name", "")
    common = {"signer": signer, "reporter": get_setting(session, "reporter_name", "") or signer,
              "phone": get_setting(session, "reporter_phone", ""), "on_behalf": setting("signer_on_behalf"),
              "title": setting("signer_title")}
    if session.role == "commune":
        return Heading(f"UBND {session.unit_name}", short_name(session.unit_name), province, session.today(), **common)
    abbreviation = get_setting(session, "office_abbreviation", "") or body_abbreviation(
        session.unit_name, short_name(codes.unit_name(session.unit)))
    if not abbreviation:
        raise UserError("report.office_abbreviation", name=session.unit_name)
    signature = form["signature"]
    if common["on_behalf"] is None:
        common["on_behalf"] = signature["office_on_behalf"]
    if common["title"] is None:
        common["title"] = signature["office_title"]
    names = {code.code: code.name() for code in codes.communes_of(province_code)}
    return Heading(session.unit_name, province, province, session.today(), office=True, unit_names=names,
                   parent=f"UBND {province_name}".upper(), body=(_REGION.sub("", session.unit_name).upper(),),
                   abbreviation=abbreviation, **common)


def cases(session: Session, period: Period, aggregate: Aggregate, cancel: Cancel | None = None
          ) -> list[dict[str, Any]]:
    """Part II: every fatal or seriously injured victim counted in the period, oldest first, each person once
    (`duplicates.listing`), a person also reported elsewhere with the note naming the other report (`note`, and
    after the account)."""
    from app.db.accident_store import Filters
    from app.reports.tables import template
    from app.services.duplicates import listing

    form = template()
    shown = listing(session)
    if session.role == "office":
        with interruptible(session.db, cancel):
            return _office_cases(session, period, shown, form, cancel)
    units = (session.unit,)
    found = []
    records = session.store.records(Filters(period=period, units=units), order="a.occurred_on, a.id")
    for accident in checked(records, cancel, 200):
        for n, victim in enumerate(accident["victims"], start=1):
            if victim["severity"] not in ("fatal", "serious") or not shown.listed(accident["id"], n):
                continue
            place = ", ".join(part for part in (accident.get("village"), session.codelists.unit_name(accident["unit"]))
                              if part)
            account = (accident.get("description") or accident.get("work") or "").strip()
            account = account if len(account) <= 300 else account[:299] + "…"
            note = shown.note(accident["id"], n)
            found.append({
                "date": short_date(accident["occurred_on"]), "place": place, "name": victim["name"],
                "sex": form["sex"].get(victim.get("sex"), ""), "birth_year": birth_year_of(victim),
                "occupation": session.codelists["occupations"].label(victim.get("occupation")),
                "severity": form["severity"][victim["severity"]],
                "account": f"{account} ({note})" if note and account else note or account, "note": note,
            })
    return found


def _office_cases(session: Session, period: Period, shown, form: dict[str, Any], cancel: Cancel | None = None
                  ) -> list[dict[str, Any]]:
    """An office's Part II: the deaths of all its communes (the seriously injured are counted in the table and
    listed in the line list), read from columns without opening each record: a province's year can hold tens of
    thousands of records. The place as in a commune's Part II ("Thôn Y, Xã X"); no account but the note of a person
    also reported elsewhere: the description is only in the record's JSON, and reading and printing it for 11,182
    deaths cost 1.3 s more CPU of a 3 s report (0.3 s to read it cold, the rest 238 more pages to draw)."""
    codes = session.codelists
    occupations = codes["occupations"]
    names: dict[str, str] = {}
    found = []
    rows = session.db.execute(
        "SELECT a.id, v.n, a.occurred_on, a.village, a.unit, v.name, v.sex, v.birth_year, v.occupation"
        " FROM accidents a JOIN victims v ON v.accident_id = a.id"
        " WHERE a.status != 'void' AND a.occurred_on BETWEEN ? AND ? AND v.severity = 'fatal'"
        " ORDER BY a.occurred_on, a.id, v.n", [period.start.isoformat(), period.end.isoformat()])
    for accident_id, n, occurred_on, village, unit, name, sex, birth_year, occupation in checked(rows, cancel, 2000):
        if not shown.listed(accident_id, n):
            continue
        if unit not in names:
            names[unit] = codes.unit_name(unit)
        note = shown.note(accident_id, n)
        found.append({
            "date": short_date(occurred_on), "place": ", ".join(p for p in (village, names[unit]) if p), "name": name,
            "sex": form["sex"].get(sex, ""), "birth_year": birth_year, "occupation": occupations.label(occupation),
            "severity": form["severity"]["fatal"], "account": note, "note": note,
        })
    return found


def once(records, shown) -> list[tuple[dict[str, Any], list[str]]]:
    """*records* as a list that shows each person once (`duplicates.listing`): the victims counted elsewhere
    taken out (an accident left with none is left out), and each shown victim's note, in order."""
    found = []
    for accident in records:
        kept = [(victim, shown.note(accident["id"], n)) for n, victim in enumerate(accident["victims"], start=1)
                if shown.listed(accident["id"], n)]
        if kept:
            if len(kept) < len(accident["victims"]):
                accident = dict(accident, victims=[victim for victim, _ in kept])
            found.append((accident, [note for _, note in kept]))
    return found


def previous_period(period: Period) -> Period:
    """The same period one year earlier."""
    return Period(period.year - 1, period.kind, period.number)


def indicators(session: Session, period: Period, current: Aggregate | None = None, cancel: Cancel | None = None):
    """Directive 31 indicators of *period* against the same period a year before: every figure from the one
    aggregation (the months and factors too), and the records, complete records and declaration delays of the
    accidents it counts."""
    from app.reports.aggregate import ConsistencyError
    from app.reports.indicators import Indicators
    from app.services.duplicates import exclusions

    before = previous_period(period)
    current = current if current is not None else periodic(session, period, cancel=cancel)
    result = Indicators(str(period), str(before), current, periodic(session, before, cancel=cancel),
                        target_change=session.rules.target_change)
    params: list[Any] = [period.start.isoformat(), period.end.isoformat()]
    unit_clause = ""
    if session.role == "commune":
        unit_clause = " AND unit = ?"
        params.append(session.unit)
    # The records the aggregation counts: not void, and not wholly a confirmed duplicate of another report (an
    # accident with one victim counted elsewhere is still counted). The months and factors are the aggregation's.
    skip = exclusions(session).accidents
    records = complete = 0
    delays = []
    for accident_id, whole, delay in session.db.execute(
            "SELECT id, complete, CAST(julianday(declared_on) - julianday(occurred_on) AS INTEGER) FROM accidents"
            f" WHERE status != 'void' AND occurred_on BETWEEN ? AND ?{unit_clause}", params):
        if accident_id in skip:
            continue
        records += 1
        complete += whole
        if delay is not None:
            delays.append(delay)
    if records != current.total.accidents:
        raise ConsistencyError(f"{records} records counted, {current.total.accidents} accidents in the table")
    result.records, result.complete, result.delays = records, complete, delays
    result.factor_labels = {code.code: code.name() for code in session.codelists["factors"]}
    return result


def report_bytes(session: Session, period: Period, fmt: str, result: Aggregate | None = None,
                 kind: str = "periodic", progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
    """The periodic report of *period* as JSON, Excel or signed PDF bytes (or the register's, the indicators')."""
    steps = Steps(progress, cancel, 4)  # count, gather the lists, draw, sign
    with interruptible(session.db, cancel):
        result = result if result is not None else periodic(session, period, cancel=cancel)
        steps.step()
        if kind == "indicators":
            data = _indicators_bytes(session, period, fmt, result, steps, cancel)
        elif kind == "register":
            data = _register_bytes(session, period, fmt, steps, cancel)
        else:
            data = _periodic_bytes(session, period, fmt, result, steps, cancel)
    steps.finish()
    return data


def _periodic_bytes(session: Session, period: Period, fmt: str, result: Aggregate, steps: Steps,
                    cancel: Cancel | None) -> bytes:
    if fmt == "json":
        return (json.dumps(result.as_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    from app.reports.tables import periodic_rows
    from app.services.settings import periodic_annex

    annex = periodic_annex(session)
    facts = heading(session)
    rows = periodic_rows(result, session.codelists)
    incidents = incident_cases(session, period) if annex else []
    listed = cases(session, period, result, cancel) if annex else []
    steps.step()
    if fmt == "xlsx":
        from app.reports.excel import periodic_workbook

        data = periodic_workbook(result, rows, facts, listed, incidents, cancel=cancel, annex=annex)
        steps.step()
        return data
    from app.reports.pdf import periodic_pdf
    from app.reports.signing import sign_pdf
    from app.reports.tables import period_words
    from app.services.keys import own_identity

    data = periodic_pdf(result, rows, facts, listed, incidents, cancel=cancel, annex=annex)
    steps.step()
    return sign_pdf(data, own_identity(session), f"Báo cáo tai nạn lao động {period_words(str(period))}", facts.place)


def _register_bytes(session: Session, period: Period, fmt: str, steps: Steps, cancel: Cancel | None) -> bytes:
    from app.db.accident_store import Filters
    from app.reports import register as render
    from app.reports.tables import period_words
    from app.services.duplicates import listing

    if fmt == "json":
        raise UserError("report.format", value=fmt, formats="xlsx, pdf")
    codes = session.codelists
    units = session.own_units()
    records = session.store.records(Filters(period=period, units=units), order="a.occurred_on, a.occurred_on, a.id")
    def shown(name: str, code: str) -> str:  # the official code (Circular 13/2020 Phụ lục IV) when the list has one
        entry = codes[name].get(code)
        return (entry.official_code or code) if entry is not None else code

    listed = once(checked(records, cancel, 200), listing(session))
    rows = render.register_rows((accident for accident, _ in listed),
                                lambda name, code: codes[name].label(code) if code else "", shown)
    notes = [note for _, accident_notes in listed for note in accident_notes]
    for row, note in zip(rows, notes, strict=True):  # one row per victim shown, in order
        if note:
            row["remarks"] = "; ".join(part for part in (row["remarks"], note) if part)
    steps.step()
    facts = heading(session)
    text = f"{period_words(str(period)).capitalize()} (từ ngày {short_date(period.start.isoformat())} đến ngày "\
           f"{short_date(period.end.isoformat())})"
    if fmt == "xlsx":
        data = render.register_workbook(rows, facts, text, cancel=cancel)
        steps.step()
        return data
    from app.reports.signing import sign_pdf
    from app.services.keys import own_identity

    data = render.register_pdf(rows, facts, text, cancel=cancel)
    steps.step()
    return sign_pdf(data, own_identity(session), "Sổ theo dõi tai nạn lao động", facts.place)


def _indicators_bytes(session: Session, period: Period, fmt: str, current: Aggregate, steps: Steps,
                      cancel: Cancel | None) -> bytes:
    from app.reports import indicators as render

    values = indicators(session, period, current, cancel)
    steps.step()
    if fmt == "json":
        return (json.dumps(values.as_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    facts = heading(session)
    if fmt == "xlsx":
        return render.indicators_workbook(values, facts)
    from app.reports.signing import sign_pdf
    from app.services.keys import own_identity

    data = render.indicators_pdf(values, facts)
    steps.step()
    return sign_pdf(data, own_identity(session), "Chỉ tiêu tai nạn lao động", facts.place)


ACCIDENT_FORMS = ("quick", "record", "notice", "declaration")  # forms of one accident (notice: also of a period)


def accident_labels(session: Session, accident: dict[str, Any]) -> dict[str, str]:
    """The names of an accident's codes, as the forms of one accident print them."""
    codes = session.codelists
    labels = {"unit": codes.unit_name(accident["unit"]), "place": codes["place"].label(accident.get("place")),
              "factor": codes["factors"].label(accident.get("factor")),
              "cause": codes["causes"].label(accident.get("cause"))}
    for victim in accident["victims"]:
        for key, listname in (("occupation", "occupations"), ("injury_type", "injury_type"),
                              ("body_part", "body_part")):
            if victim.get(key):
                labels[f"{key}:{victim[key]}"] = codes[listname].label(victim[key])
        labels[f"residence:{victim.get('residence')}"] = codes.unit_name(victim.get("residence"))
        for code in victim.get("serious_injuries") or []:
            labels[f"serious_injury:{code}"] = codes["serious_injuries"].label(code)
    return labels


def accident_form(session: Session, kind: str, out: Path, accident_id: str | None = None,
                  period: Period | None = None, overwrite: bool = False, progress: Progress | None = None,
                  cancel: Cancel | None = None, unit: str | None = None) -> Path:
    """A signed PDF about accidents: the quick report (Mẫu 06) of an accident with a death or two or more seriously
    injured, the record of the event (biên bản ghi nhận sự việc) of one accident, the public notice of one
    accident or of a period's accidents, or the declaration form of an insured victim (Decree 143/2024).

    These are the commune's documents: printed at an office, a form of one accident carries the commune's header,
    wording and signature titles and a line "Bản in tại <office> ngày …" (`heading`); a period's notice is posted
    by a commune, so an office prints it for one commune (*unit*, a commune of its province), as that commune's
    notice with the office's duplicate decisions applied."""
    report_format(kind, "pdf", out)
    out = _new_output(out, overwrite)
    signed = accident_form_bytes(session, kind, accident_id, period, progress=progress, cancel=cancel, unit=unit,
                                 finish=False)
    check_cancel(cancel)  # the last moment to cancel: the file is written next
    _write_output(out, signed)
    if progress is not None:
        progress(3, 3)
    return out


def accident_form_bytes(session: Session, kind: str, accident_id: str | None = None, period: Period | None = None,
                        progress: Progress | None = None, cancel: Cancel | None = None, unit: str | None = None,
                        finish: bool = True) -> bytes:
    """The signed PDF of `accident_form`, as bytes (the desktop's preview holds it in memory: no unencrypted copy
    of personal data is left on disk)."""
    from app.reports import accident_forms as forms
    from app.reports.signing import sign_pdf
    from app.reports.tables import period_words, template
    from app.services.keys import own_identity

    if kind not in ACCIDENT_FORMS:
        raise UserError("report.kind", value=kind, kinds=", ".join((*KINDS, *ACCIDENT_FORMS)))
    if kind == "notice" and accident_id is None and session.role == "office":
        if unit is None:
            raise UserError("report.notice_at_office")
        if not session.codelists.is_commune(unit) or session.codelists.province_of(unit) != session.unit:
            raise UserError("report.notice_unit", value=unit)
    elif unit is not None:
        raise UserError("report.unit_only_notice")
    accident = None
    if kind != "notice" or accident_id is not None:
        if accident_id is None:
            raise UserError("report.needs_id")
        accident = session.store.current(accident_id)
        if accident is None:
            raise UserError("record.unknown", value=accident_id)
        if accident["status"] == "void":
            raise UserError("report.void_record", id=accident_id[:8])
    elif period is None:
        raise UserError("report.needs_period")
    else:
        _begun(session, period)
    steps = Steps(progress, cancel, 3)  # read, draw, sign and write
    printed_for = accident["unit"] if accident is not None else unit
    facts = heading(session, printed_for if session.role == "office" else None)
    if kind == "quick":
        if not forms.needs_quick_report(accident):
            raise UserError("report.quick_not_needed", id=accident_id[:8])
        unit_name = session.codelists.unit_name(accident["unit"])
        police = "Công an " + (unit_name[0].lower() + unit_name[1:] if unit_name else "xã")
        data = forms.quick_report_pdf(accident, facts, accident_labels(session, accident), police)
        reason = template("quick")["title"]
    elif kind == "record":
        ref = accident.get("record_ref") or ""
        number = ref if "BB" in ref.upper() else None  # the biên bản's own number, not an investigation's
        data = forms.event_record_pdf(accident, facts, accident_labels(session, accident), number)
        reason = template("event_record")["title"]
    elif kind == "declaration":
        if not any(victim.get("insured") for victim in accident["victims"]):
            raise UserError("report.not_insured", id=accident_id[:8])
        data = forms.declaration_pdf(accident, facts, accident_labels(session, accident))
        reason = template("declaration")["title"]
    elif kind == "notice":
        from app.db.accident_store import Filters
        from app.services.duplicates import listing

        codes = session.codelists
        with interruptible(session.db, cancel):
            records = [accident] if accident is not None else [
                dict(shown, duplicate_notes=[note for note in notes if note]) if any(notes) else shown
                for shown, notes in once(checked(
                session.store.records(Filters(period=period, units=(unit,) if unit else session.own_units()),
                                      order="a.occurred_on, a.id"),
                cancel, 200), listing(session))]
        steps.step()
        text = None if period is None else period_words(str(period)).capitalize()
        data = forms.notice_pdf(records, facts, lambda name, code: codes[name].label(code), text, cancel=cancel)
        reason = template("notice")["subtitle"]
    else:
        raise UserError("report.kind", value=kind, kinds=", ".join((*KINDS, *ACCIDENT_FORMS)))
    steps.step()
    signed = sign_pdf(data, own_identity(session), reason, facts.place)
    steps.check()
    if finish:
        steps.finish()
    return signed


def quick_report(session: Session, accident_id: str, out: Path, overwrite: bool = False,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> Path:
    """The quick report (Mẫu 06) of one accident with a death or two or more seriously injured, signed."""
    return accident_form(session, "quick", out, accident_id, overwrite=overwrite, progress=progress, cancel=cancel)


@dataclass(frozen=True)
class PdfVerdict:
    check: object  # app.reports.signing.PdfCheck
    trust: str  # as keys.trust_of; 'unknown' when the certificate is not a TNLĐ workstation's


def verify_pdf(session: Session, path: Path) -> PdfVerdict:
    """Check a report PDF's signature and whether its signer is this workstation or a registered one."""
    from app.reports.signing import check_pdf
    from app.services.keys import trust_of

    check = check_pdf(Path(path))
    return PdfVerdict(check, trust_of(session, check.signer) if check.signer is not None else "unknown")


@dataclass(frozen=True)
class Written:
    path: Path
    aggregate: Aggregate


def linelist_rows(session: Session, period: Period, with_identifiers: bool = False):
    """One dict per victim of the period's non-void accidents, codes with their labels; (expected count, rows).
    The rows are read as they are consumed: cancel them through the consumer (`write_linelist`)."""
    from app.db.accident_store import Filters
    from app.reports.tables import template
    from app.services.duplicates import listing

    form = template("linelist")
    yes_no, tri = form["yes_no"], form["yes_no_unknown"]
    codes = session.codelists
    units = session.own_units()
    filters = Filters(period=period, units=units)
    params: list[Any] = [period.start.isoformat(), period.end.isoformat(), *units]
    unit_clause = " AND a.unit = ?" if units else ""
    expected = session.db.execute(
        "SELECT count(*) FROM accidents a JOIN victims v ON v.accident_id = a.id WHERE a.status != 'void'"
        f" AND a.occurred_on BETWEEN ? AND ?{unit_clause}", params).fetchone()[0]
    shown = listing(session)
    labels: dict[tuple[str, str | None], str] = {}

    def label(listname: str, code: str | None) -> str:
        key = (listname, code)
        if key not in labels:
            labels[key] = codes[listname].label(code) if code else ""
        return labels[key]

    def rows():
        for accident in session.store.records(filters, order="a.occurred_on, a.id"):
            base = {
                "accident_id": accident["id"], "unit": accident["unit"], "unit_name": label("admin_units", accident["unit"]),
                "occurred_on": accident["occurred_on"], "occurred_time": accident.get("occurred_time"),
                "village": accident.get("village"), "place": accident.get("place"),
                "place_label": label("place", accident.get("place")), "activity": accident.get("activity"),
                "activity_label": label("activity", accident.get("activity")), "work": accident.get("work"),
                "factor": accident.get("factor"), "factor_label": label("factors", accident.get("factor")),
                "cause": accident.get("cause"), "cause_label": label("causes", accident.get("cause")),
                "commuting": yes_no[_word(accident.get("commuting"))],
                "at_employer_premises": tri[_word(accident.get("at_employer_premises"))],
                "status": form["status"].get(accident["status"], accident["status"]),
                "declared_on": accident.get("declared_on"), "record_ref": accident.get("record_ref"),
                "posted_on": accident.get("posted_on"),
            }
            year = int(accident["occurred_on"][:4])
            for n, victim in enumerate(accident["victims"], start=1):
                born = birth_year_of(victim)
                row = dict(base, n=n, name=victim["name"], sex=form["sex"].get(victim.get("sex"), ""), birth_year=born,
                           age=(year - born) if born else None, ethnicity=victim.get("ethnicity"),
                           ethnicity_label=label("ethnicities", victim.get("ethnicity")),
                           occupation=victim.get("occupation"),
                           occupation_label=label("occupations", victim.get("occupation")),
                           residence=victim.get("residence"), residence_label=label("admin_units", victim.get("residence")),
                           injury_type=victim.get("injury_type"),
                           injury_type_label=label("injury_type", victim.get("injury_type")),
                           body_part=victim.get("body_part"), body_part_label=label("body_part", victim.get("body_part")),
                           serious_injuries=", ".join(victim.get("serious_injuries") or []),
                           severity=form["severity"][victim["severity"]], died_on=victim.get("died_on"),
                           outcome=form["outcome"].get(victim.get("outcome"), "") if victim.get("outcome") else "",
                           days_off=victim.get("days_off"), cost_kvnd=victim.get("cost_kvnd"),
                           insured=yes_no[_word(victim.get("insured"))],
                           disability=yes_no[_word(victim.get("disability"))],
                           duplicate=shown.note(accident["id"], n))
                if with_identifiers:
                    row.update(id_number=victim.get("id_number"), phone=victim.get("phone"))
                yield row

    return expected, rows()


def _word(value: Any) -> str:
    """A yes / no / unknown value as the line list template's keys name it."""
    return "null" if value is None else "true" if value else "false"


def write_report(session: Session, period: Period, kind: str, fmt: str | None, out: Path, overwrite: bool = False,
                 with_identifiers: bool = False, progress: Progress | None = None, cancel: Cancel | None = None
                 ) -> Written:
    """Write the report *kind* of *period* as *fmt* (None: from *out*'s extension, `report_format`) to *out*
    (atomically). *progress* moves one bar through
    counting, listing, drawing and writing; a cancel raises `Cancelled` and leaves no file."""
    if kind not in KINDS:
        raise UserError("report.kind", value=kind, kinds=", ".join(KINDS))
    fmt = report_format(kind, fmt, out)
    _begun(session, period)
    out = _new_output(out, overwrite)
    steps = Steps(progress, cancel, 100)
    with interruptible(session.db, cancel):
        result = periodic(session, period, cancel=cancel)
        steps.step(10)
        if kind == "linelist":
            from app.core.fsutil import atomic_writer
            from app.reports.linelist import linelist_columns, write_linelist

            expected, rows = linelist_rows(session, period, with_identifiers)
            try:
                with atomic_writer(out) as handle:
                    write_linelist(handle, rows, linelist_columns(with_identifiers), expected,
                                   progress=steps.part(90), cancel=cancel)
            except OSError as exc:
                raise write_failed(out, exc) from None
        else:
            data = report_bytes(session, period, fmt, result, kind, steps.part(85), cancel)
            steps.check()  # the last moment to cancel: the file is written next
            _write_output(out, data)
    steps.finish()
    return Written(out, result)


def _begun(session: Session, period: Period) -> None:
    """A report of a period that has not begun would be a signed 'nothing happened' about the future: refused. A
    running period is reported as it stands (an interim report)."""
    if period.start > session.today():
        raise UserError("report.future_period", period=str(period), start=short_date(period.start.isoformat()))


def _new_output(out: Path, overwrite: bool) -> Path:
    """The file a report will be written to (`fsutil.output_file`: new, or an ordinary file to replace)."""
    return output_file(Path(out), overwrite)


def _write_output(out: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise write_failed(out, exc) from None
