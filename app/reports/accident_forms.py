"""Forms about accidents: the quick report (Decree 129/2025, Phụ lục II, Mẫu số 06) for a death or for two or more
people seriously injured, the record of the event (*biên bản ghi nhận sự việc*, Law 84/2015 Art. 35(1), Decree
129/2025 Art. 43(1)) and the public notice (*niêm yết công khai*, Law 84/2015 Art. 35). Their layouts are assumed
(`docs/forms.md`), so every word of them lives in `resources/templates/{quick,event_record,notice}.json`.
Pure: records, labels and facts in, PDF bytes out; the page furniture is the periodic report's (Decree 30/2020).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app.core.progress import Cancel
from app.core.vnformat import long_date, short_date
from app.reports.excel import Heading
from app.reports.pdf import (
    FAMILY,
    _escape,
    _styles,
    build_document,
    document_header,
    page_width,
    register_fonts,
    signature_cell,
)
from app.reports.tables import template

SEVERITIES = ("fatal", "serious", "minor")


def needs_quick_report(accident: dict[str, Any]) -> bool:
    """A death, or two or more people seriously injured (FORMS.md, confirmed)."""
    victims = accident.get("victims") or []
    return (any(v["severity"] == "fatal" for v in victims)
            or sum(1 for v in victims if v["severity"] == "serious") >= 2)


def quick_report_pdf(accident: dict[str, Any], heading: Heading, labels: dict[str, str], police: str) -> bytes:
    """*labels* names the codes of the record: 'unit', 'place', 'factor', 'cause' and 'occupation:<code>',
    'residence:<code>'."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

    register_fonts()
    form = template("quick")
    fields = form["fields"]
    st = _styles()
    width = page_width()
    victims = accident["victims"]
    deaths = sum(1 for v in victims if v["severity"] == "fatal")
    serious = sum(1 for v in victims if v["severity"] == "serious")
    story: list[Any] = document_header(heading, st, width)
    story += [Paragraph(_escape(form["title"]), st["title"]), Paragraph(_escape(form["basis"]), st["center_italic"]),
              Spacer(1, 6)]
    story += [Paragraph(_escape(line.format(province=heading.province, police=police)), st["center"])
              for line in form["addressees"]]
    story.append(Spacer(1, 8))

    def line(label: str, value: str) -> None:
        story.append(Paragraph(f"<b>{_escape(label)}:</b> {_escape(value or form['blank'])}", st["base"]))

    when = short_date(accident["occurred_on"])
    if accident.get("occurred_time"):
        when = form["time_and_date"].format(time=accident["occurred_time"], date=when)
    place = ", ".join(p for p in (accident.get("place_detail"), accident.get("village"), labels.get("unit"),
                                  form["province"].format(province=heading.province)) if p)
    if labels.get("place"):
        place = form["place_type"].format(place=place, kind=labels["place"])
    line(fields["when"], when)
    line(fields["place"], place)
    line(fields["work"], accident.get("work") or "")
    line(fields["description"], accident.get("description") or "")
    line(fields["cause"], "; ".join(p for p in (labels.get("factor"), labels.get("cause")) if p))
    line(fields["damage"], form["damage"].format(deaths=deaths, serious=serious, victims=len(victims)))
    story.append(Paragraph(f"<b>{_escape(fields['victims'])}:</b>", st["base"]))
    columns = form["columns"]
    data = [[Paragraph(f"<b>{_escape(column['label'])}</b>", st["cell_center"]) for column in columns]]
    for number, victim in enumerate(victims, start=1):
        born = victim.get("birth_year") or (victim.get("birth_date") or "")[:4]
        data.append([Paragraph(str(number), st["cell_center"]), Paragraph(_escape(victim["name"]), st["cell"]),
                     Paragraph(form["sex"]["F" if victim.get("sex") == "F" else "M"], st["cell_center"]),
                     Paragraph(str(born or ""), st["cell_center"]),
                     Paragraph(_escape(labels.get(f"occupation:{victim.get('occupation')}", "")), st["cell"]),
                     Paragraph(_escape(labels.get(f"residence:{victim.get('residence')}", "")), st["cell"]),
                     Paragraph(_escape(form["severity"].get(victim["severity"], form["severity"]["minor"])),
                               st["cell"])])
    from app.reports.flowables import page_table

    table = page_table(data, colWidths=[width * column["width"] for column in columns])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONT", (0, 0), (-1, -1), FAMILY, 10)]))
    story += [table, Spacer(1, 6)]
    insured = [victim for victim in victims if victim.get("insured")]
    if insured:  # Decree 143/2024/NĐ-CP: the quick report names the insurance until its own form is in hand
        story.append(Paragraph(_escape(form["insured"] if len(victims) == 1 else form["insured_named"].format(
            names=", ".join(victim.get("name") or form["blank"] for victim in insured))), st["base"]))
    line(fields["measures"], "")
    line(fields["reporter"], form["reporter"].format(reporter=heading.reporter or heading.signer or form["blank"],
                                                     phone=heading.phone or form["blank"]))
    story += [Spacer(1, 12), KeepTogether(_signature_block(form, heading, st, width, 60))]
    return build_document(story, form["title"], heading.unit_name)


def event_record_pdf(accident: dict[str, Any], heading: Heading, labels: dict[str, str],
                     number: str | None = None) -> bytes:
    """The commune's record of the event, for one seriously injured worker (Decree 129/2025 Art. 43(1)): what the
    record knows, printed; what only the meeting knows (who is present, statements, measures), dotted lines to
    fill in by hand. *labels* names codes as for `quick_report_pdf`, plus 'injury_type:<code>',
    'body_part:<code>' and 'serious_injury:<code>'; *number* is the record's number ("05/BB-UBND"), if it has
    one already."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    register_fonts()
    form = template("event_record")
    st = _styles()
    width = page_width()
    # dotted lines are written on by hand: more room between them than between printed lines
    left = ParagraphStyle("left", parent=st["base"], alignment=TA_LEFT, spaceBefore=6, spaceAfter=2)
    # 10.5 points: four signature titles side by side fit the text width on one line each
    sign_title = ParagraphStyle("sign_title", parent=st["center_bold"], fontSize=10.5, leading=13)
    sign_note = ParagraphStyle("sign_note", parent=st["center_italic"], fontSize=10.5, leading=13)
    blank = form["blank"]
    unit_name = labels.get("unit") or _unit_name(heading)
    committee = form["committee"].format(unit=_in_sentence(unit_name))

    def named(name: str | None, code: str | None) -> str:
        if code and name:
            return form["code"].format(name=name, code=code)
        return form["code_only"].format(code=code) if code else (name or "")

    def fill(*labels_: str) -> Any:
        return Paragraph(_escape(_dotted(list(labels_), width, form["dot"])), left)

    def field(label: str, value: str | None, bold: bool = False) -> Any:
        if not value:
            return fill(f"{label}: ")
        text = f"<b>{_escape(value)}</b>" if bold else _escape(value)
        return Paragraph(f"{_escape(label)}: {text}", st["base"])

    number_line = form["number_given"].format(number=number) if number else heading.number(form["number"])
    story: list[Any] = document_header(heading, st, width, number_line)
    story += [Paragraph(_escape(form["title"]), st["title"]), Paragraph(_escape(form["subtitle"]), st["center_bold"]),
              Spacer(1, 6), Paragraph(_escape(form["basis"]), st["note"]), Spacer(1, 4)]
    story += [fill(*parts) for parts in form["opening"]]
    story.append(Paragraph(_escape(form["present_intro"]), st["base"]))
    story.append(Paragraph(_escape(form["present_heading"]), st["heading"]))
    for group in form["present"]:
        story.append(Paragraph(_escape(group["heading"].format(committee=committee)), st["base"]))
        story += [fill(*parts) for parts in group["lines"]]
    story.append(Paragraph(_escape(form["present_outro"]), st["base"]))

    words = form["accident"]
    story.append(Paragraph(_escape(form["accident_heading"]), st["heading"]))
    time = accident.get("occurred_time")
    time_text = words["time"].format(hours=time[:2], minutes=time[3:5]) if time else words["time_blank"]
    day = long_date(dt.date.fromisoformat(accident["occurred_on"])) if accident.get("occurred_on") else blank
    story.append(field(words["when"], words["when_value"].format(time=time_text, date=day)))
    unit = accident.get("unit")
    place = ", ".join(p for p in (accident.get("place_detail"), accident.get("village") or blank,
                                  named(unit_name, unit) or blank,
                                  words["province"].format(province=heading.province)) if p)
    if labels.get("place"):
        place += "; " + words["place_kind"].format(kind=labels["place"])
    story.append(field(words["place"], place))
    story.append(field(words["work"], accident.get("work")))
    story.append(field(words["description"], accident.get("description")))
    if not accident.get("description"):
        story.append(fill(""))
    declared = accident.get("declared_by") or ""
    if accident.get("declared_on"):
        declared = words["declared_value"].format(who=declared or blank, date=short_date(accident["declared_on"]))
    story.append(field(words["declared"], declared))

    story.append(Paragraph(_escape(form["victims_heading"]), st["heading"]))
    victims = accident["victims"]
    labels_of = form["victim"]
    for index, victim in enumerate(victims, start=1):
        if len(victims) > 1:
            story.append(Paragraph(f"<b>{_escape(form['victim_number'].format(number=index))}</b>", st["base"]))
        sex = form["sex"]["F" if victim.get("sex") == "F" else "M"]
        story.append(Paragraph(f"{_escape(labels_of['name'])}: <b>{_escape(victim.get('name') or blank)}</b>; "
                               f"{_escape(labels_of['sex'])}: {_escape(sex)}", st["base"]))
        if victim.get("birth_date"):
            story.append(field(labels_of["birth_date"], short_date(victim["birth_date"])))
        elif victim.get("birth_year"):
            story.append(field(labels_of["birth_year"], str(victim["birth_year"])))
        else:
            story.append(fill(f"{labels_of['birth_unknown']}: "))
        if victim.get("id_number"):
            story.append(field(labels_of["id_number"], victim["id_number"]))
        residence = victim.get("residence")
        story.append(field(labels_of["residence"], ", ".join(
            p for p in (victim.get("residence_detail"), labels.get(f"residence:{residence}")
                        or named(None, residence)) if p)))
        occupation = victim.get("occupation")
        story.append(field(labels_of["occupation"], named(labels.get(f"occupation:{occupation}"), occupation)))
        injury = victim.get("injury_type")
        story.append(field(labels_of["injury_type"], named(labels.get(f"injury_type:{injury}"), injury)))
        part = victim.get("body_part")
        story.append(field(labels_of["body_part"], named(labels.get(f"body_part:{part}"), part)))
        codes = victim.get("serious_injuries") or []
        serious = "; ".join(labels_of["serious_injury"].format(code=code, name=labels.get(f"serious_injury:{code}"))
                            if labels.get(f"serious_injury:{code}") else code for code in codes)
        if not codes and victim.get("severity") == "minor":
            serious = labels_of["no_serious_injury"]
        story.append(field(labels_of["serious_injuries"], serious))
        severity = form["severity"].get(victim.get("severity"), "")
        if severity and victim.get("died_on"):
            severity = labels_of["died_on"].format(severity=severity, date=short_date(victim["died_on"]))
        story.append(field(labels_of["severity"], severity, bold=True))
        story.append(fill(labels_of["treated"]))

    story.append(Paragraph(_escape(form["cause_heading"]), st["heading"]))
    story.append(field(form["factor"], named(labels.get("factor"), accident.get("factor"))))
    story.append(field(form["cause"], labels.get("cause") or named(None, accident.get("cause"))))
    story.append(Paragraph(_escape(form["statements_heading"]), st["heading"]))
    story += [fill("") for _ in range(form["statements_lines"])]
    story.append(Paragraph(_escape(form["measures_heading"]), st["heading"]))
    story += [fill("") for _ in range(form["measures_lines"])]
    story.append(Paragraph(_escape(form["insurance_heading"]), st["heading"]))
    insured = [victim for victim in victims if victim.get("insured")]
    if len(victims) == 1 and insured:
        story.append(Paragraph(_escape(form["insured"]), st["base"]))
    elif insured:
        story += [Paragraph(_escape("- " + form["insured_named"].format(name=victim.get("name") or blank)),
                            st["base"]) for victim in insured]
    else:
        story.append(fill(form["not_insured"]))

    columns = form["signatures"]
    cells = []
    for column in columns:
        title, position = column["title"], column.get("position")
        if column.get("signer"):  # the committee's column: as the settings say, or the template's default
            title, position = heading.signature({"on_behalf": title, "title": position or ""})
        cell: list[Any] = [Paragraph(_escape(title), sign_title)] if title else []
        if position:
            cell.append(Paragraph(_escape(position), sign_title))
        cell.append(Paragraph(_escape(form["sign_note_seal" if column.get("signer") else "sign_note"]), sign_note))
        cell.append(Spacer(1, 64))
        if column.get("signer") and heading.signer:
            cell.append(Paragraph(_escape(heading.signer), sign_title))
        cells.append(cell)
    total = sum(column["width"] for column in columns)
    signatures = Table([cells], colWidths=[width * column["width"] / total for column in columns])
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    closing = [Spacer(1, 6), Paragraph(_escape(form["closing"]), st["base"]),
               Paragraph(_escape(form["ended"]), st["base"]), Spacer(1, 10), signatures]
    story.append(KeepTogether(closing))
    return build_document(story, form["title"], heading.unit_name)


def notice_pdf(accidents: list[dict[str, Any]], heading: Heading, labels: Callable[[str, str], str],
               period_text: str | None, cancel: Cancel | None = None) -> bytes:
    """The notice the commune posts (Law 84/2015 Art. 35), so that neighbours learn from each accident. Personal
    health data is sensitive (Law 91/2025): victims appear only by sex and age, never by name, ID number or phone.
    *labels(listname, code)* names a code of "place", "factors", "causes", "occupations" or "admin_units";
    *accidents* print in the order given, void records left out; an accident's `duplicate_notes` (a person also
    reported elsewhere, `duplicates.listing`) print under its outcome."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

    register_fonts()
    form = template("notice")
    st = _styles()
    width = page_width()
    indent = ParagraphStyle("indent", parent=st["base"], firstLineIndent=28)
    committee = form["committee"].format(unit=_in_sentence(_unit_name(heading)))
    story: list[Any] = document_header(heading, st, width, heading.number(form["number"]))
    story += [Paragraph(_escape(form["title"]), st["title"]), Paragraph(_escape(form["subtitle"]), st["center_bold"])]
    if period_text:
        story.append(Paragraph(_escape(period_text), st["center"]))
    story += [Spacer(1, 8), Paragraph(_escape(form["intro"].format(committee=committee)), indent), Spacer(1, 10)]

    def name(listname: str, code: str | None) -> str:
        return (labels(listname, code) or "") if code else ""

    columns = form["columns"]
    cell, center = st["cell"], st["cell_center"]
    data = [[Paragraph(f"<b>{_escape(column['label'])}</b>", center) for column in columns]]
    shown = [accident for accident in accidents if accident.get("status") != "void"]
    for index, accident in enumerate(shown, start=1):
        victims = accident.get("victims") or []
        where = ", ".join(p for p in (accident.get("village"), name("admin_units", accident.get("unit"))) if p)
        kind = name("place", accident.get("place"))
        work = accident.get("work") or ", ".join(dict.fromkeys(
            p for p in (name("occupations", v.get("occupation")) for v in victims) if p))
        row = {"number": str(index), "date": short_date(accident.get("occurred_on")),
               "place": _escape(where) + (f"<br/>({_escape(kind)})" if kind else ""), "work": _escape(work),
               "factor": _escape(name("factors", accident.get("factor"))),
               "cause": _escape(name("causes", accident.get("cause"))),
               "outcome": "<br/>".join(_escape(line) for line in _outcome(form, accident))
               + "".join(f"<br/><i>{_escape(note)}</i>" for note in accident.get("duplicate_notes") or ())}
        data.append([Paragraph(row[column["key"]], center if column["key"] in ("number", "date") else cell)
                     for column in columns])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("FONT", (0, 0), (-1, -1), FAMILY, 10), ("LEFTPADDING", (0, 0), (-1, -1), 3),
             ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if not shown:
        data.append([Paragraph(_escape(form["empty"]), cell)] + [""] * (len(columns) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    total = sum(column["width"] for column in columns)
    # splitInRow: a row taller than a page (a 500-character work or village in a narrow column) goes on over the page
    from app.reports.flowables import page_table

    table = page_table(data, colWidths=[width * column["width"] / total for column in columns])
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 8)]
    story.append(Paragraph(f"<b>{_escape(form['advice_heading'])}</b>", st["base"]))
    story += [Paragraph(_escape(line), st["base"]) for line in form["advice"]]
    story += [Spacer(1, 4), Paragraph(_escape(form["posting"]), st["base"])]
    story += [Spacer(1, 12), KeepTogether(_signature_block(form, heading, st, width, 64))]
    return build_document(story, form["title"], heading.unit_name, cancel=cancel)


def _outcome(form: dict[str, Any], accident: dict[str, Any]) -> list[str]:
    """'2 người bị thương nặng, 1 người bị thương nhẹ', then who by sex and age only: never a name."""
    from app.core.derived import age_at

    victims = accident.get("victims") or []
    day = dt.date.fromisoformat(accident["occurred_on"]) if accident.get("occurred_on") else None
    groups: dict[str, list[str]] = {}
    for victim in victims:
        sex = form["sex"]["F" if victim.get("sex") == "F" else "M"]
        age = age_at(victim, day) if day else None
        who = form["victim"].format(sex=sex, age=age) if age is not None else form["victim_no_age"].format(sex=sex)
        groups.setdefault(victim.get("severity") or "minor", []).append(who)
    order = [severity for severity in SEVERITIES if severity in groups]
    lines = [", ".join(form["severity_count"][s].format(count=len(groups[s])) for s in order)]
    if len(order) == 1:
        lines.append("(" + "; ".join(groups[order[0]]) + ")")
    else:
        lines += [form["group_line"].format(severity=form["severity_group"][s], victims="; ".join(groups[s]))
                  for s in order]
    return lines


def _signature_block(form: dict[str, Any], heading: Heading, st: dict[str, Any], width: float, room: float) -> Any:
    """'Nơi nhận' on the left, 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH' (or as set), room to sign and the signer on the
    right."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    sign = signature_cell(heading, form["signature"], st, room)
    recipients = [Paragraph(_escape(form["recipients_heading"]), st["small_bold_italic"]),
                  *[Paragraph(_escape(line), st["small"]) for line in form["recipients"]]]
    block = Table([[recipients, sign]], colWidths=[width * 0.45, width * 0.55])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return block


def _dotted(labels: list[str], width: float, dot: str, size: float = 13) -> str:
    """One line of *labels*, each followed by dots over an equal share of what is left of *width*: room to write
    by hand that never wraps onto a second line (a little is kept back for rounding)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    used = sum(stringWidth(label, FAMILY, size) for label in labels) + stringWidth(" ", FAMILY, size) * len(labels)
    count = max(3, int((width * 0.97 - used) / len(labels) // stringWidth(dot, FAMILY, size)))
    return " ".join(label + dot * count for label in labels)


def _unit_name(heading: Heading) -> str:
    """'Xã Thất Khê' from the header's 'UBND Xã Thất Khê'."""
    name = heading.unit_name
    return name[5:].strip() if name.upper().startswith("UBND ") else name


def _in_sentence(name: str) -> str:
    """'xã Thất Khê': inside a sentence the kind of unit is written in lower case."""
    return name[:1].lower() + name[1:] if name else name


def declaration_pdf(accident: dict[str, Any], heading: Heading, labels: dict[str, str]) -> bytes:
    """The declaration of an accident to a worker with voluntary accident insurance (Decree 143/2024/NĐ-CP,
    Art. 18(2), Phụ lục I; our layout, `declaration.json`), made by the victim or a relative to the commune's
    People's Committee: one page per insured victim. What the record knows is printed; who declares, the
    insurer and the policy are dotted lines to fill in by hand. *labels* as for `event_record_pdf`."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    from app.reports.pdf import _rule

    register_fonts()
    form = template("declaration")
    # 12 points: one page for the family to fill in, signature included
    st = {key: ParagraphStyle(f"declaration_{key}", parent=style, fontSize=12, leading=14.5)
          for key, style in _styles().items() if key in ("base", "center", "center_italic", "heading", "title")}
    width = page_width()
    left = ParagraphStyle("left", parent=st["base"], alignment=TA_LEFT, spaceBefore=3, spaceAfter=1)
    heading_style = ParagraphStyle("declaration_heading", parent=st["heading"], spaceBefore=6, spaceAfter=3)
    blank = form["blank"]
    unit_name = labels.get("unit") or _unit_name(heading)

    def fill(*parts: str) -> Any:
        return Paragraph(_escape(_dotted(list(parts), width, form["dot"], 12)), left)

    def field(label: str, value: str | None) -> Any:
        return Paragraph(f"{_escape(label)}: {_escape(value)}", st["base"]) if value else fill(f"{label}: ")

    words, about = form["victim"], form["accident"]
    when = short_date(accident["occurred_on"])
    if accident.get("occurred_time"):
        when = form["time_and_date"].format(time=accident["occurred_time"], date=when)
    place = ", ".join(p for p in (accident.get("place_detail"), accident.get("village"), unit_name,
                                  form["province"].format(province=heading.province)) if p)
    motto = "Độc lập - Tự do - Hạnh phúc"
    story: list[Any] = []
    for victim in (v for v in accident["victims"] if v.get("insured")):
        if story:
            story.append(PageBreak())
        story += [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st["center"]),
                  Paragraph(f"<b>{motto}</b>", st["center"]), _rule(stringWidth(motto, FAMILY + "-Bold", 12)),
                  Spacer(1, 4), Paragraph(_escape(form["title"]), st["title"]),
                  Paragraph(_escape(form["subtitle"]), st["center_italic"]),
                  Paragraph(_escape(form["basis"]), st["center_italic"]), Spacer(1, 4),
                  Paragraph(_escape(form["addressee"].format(unit=_in_sentence(unit_name))), st["center"]),
                  Paragraph(_escape(form["declarant_heading"]), heading_style)]
        story += [fill(*parts) for parts in form["declarant"]]
        story.append(Paragraph(_escape(form["victim_heading"]), heading_style))
        sex = form["sex"]["F" if victim.get("sex") == "F" else "M"]
        story.append(Paragraph(f"{_escape(words['name'])}: <b>{_escape(victim.get('name') or blank)}</b>; "
                               f"{_escape(words['sex'])}: {_escape(sex)}", st["base"]))
        if victim.get("birth_date"):
            story.append(field(words["birth_date"], short_date(victim["birth_date"])))
        else:
            story.append(field(words["birth"], str(victim["birth_year"]) if victim.get("birth_year") else None))
        story.append(field(words["id_number"], victim.get("id_number")))
        residence = victim.get("residence")
        story.append(field(words["residence"], ", ".join(p for p in (
            victim.get("residence_detail"), labels.get(f"residence:{residence}")) if p)))
        story.append(field(words["occupation"], labels.get(f"occupation:{victim.get('occupation')}")))
        story.append(Paragraph(_escape(form["accident_heading"]), heading_style))
        story += [field(about["when"], when), field(about["place"], place),
                  field(about["work"], accident.get("work")), field(about["description"], accident.get("description"))]
        severity = form["severity"].get(victim.get("severity"), "")
        if severity and victim.get("died_on"):
            severity = form["died_on"].format(severity=severity, date=short_date(victim["died_on"]))
        story += [field(about["severity"], severity), fill(about["treated"])]
        story.append(Paragraph(_escape(form["insurance_heading"]), heading_style))
        story += [fill(*parts) for parts in form["insurance"]]
        story.append(Paragraph(_escape(form["request_heading"]), heading_style))
        story.append(Paragraph(_escape(form["request"].format(unit=_in_sentence(unit_name))), st["base"]))
        story += [Spacer(1, 4), Paragraph(f"<i>{_escape(form['commitment'])}</i>", st["base"])]
        received = [Paragraph(f"<b>{_escape(form['received'])}</b>", st["center"]),
                    Paragraph(_escape(form["received_note"]), st["center_italic"])]
        signer = [Paragraph(_escape(form["date_line"].format(place=heading.place)), st["center_italic"]),
                  Paragraph(f"<b>{_escape(form['signer'])}</b>", st["center"]),
                  Paragraph(_escape(form["sign_note"]), st["center_italic"]), Spacer(1, 50)]
        block = Table([[received, signer]], colWidths=[width * 0.45, width * 0.55])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(1, 6), KeepTogether(block)]
    return build_document(story, form["title"], heading.unit_name.removeprefix("UBND "))
