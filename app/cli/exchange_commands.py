"""Commands for bundles and their import (SPEC § 9): export, verify, import, keys, completeness, expected,
duplicates, conflicts. Printing only; the work is in `app.services`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.core.errors import EXIT_OK, EXIT_UNTRUSTED, ValidationFailed
from app.i18n import translate


def cmd_export(args: argparse.Namespace, out) -> int:
    from app.cli.main import _after_change, open_session
    from app.core.periods import Period
    from app.services.exchange import export_bundle

    period = Period.parse(args.period)
    with open_session(args) as session:
        result = export_bundle(session, period, Path(args.out), to=args.to, overwrite=args.force)
        _after_change(session, out)
    if args.json:
        out.json({"file": str(result.path), "bundle_id": result.bundle_id, "bundle_hash": result.bundle_hash,
                  "sequence": result.sequence, "period": result.period, "accidents": result.accidents,
                  "incidents": result.incidents, "nil": result.nil, "interim": result.interim,
                  "encrypted_to": result.recipient.unit})
        return EXIT_OK
    if result.nil:
        out.line(translate("cli", "Wrote {path}: NIL report (no accident) for {period}, bundle number {sequence}.").format(
            path=result.path, period=result.period, sequence=result.sequence))
    else:
        out.line(translate("cli", "Wrote {path}: {count} accident(s) of {period}, bundle number {sequence}.").format(
            path=result.path, count=result.accidents, period=result.period, sequence=result.sequence))
        if result.incidents:
            out.line(translate("cli", "It also holds {count} serious technical incident(s).").format(
                count=result.incidents))
    out.line(translate("cli", "Signed and encrypted for {unit} {name}: only that office can read the records.").format(
        unit=result.recipient.unit, name=result.recipient.unit_name))
    if result.interim:
        out.line(translate("cli", "The period {period} has not ended: this is an INTERIM report. Export the period again "
                                  "after it ends; the office counts only that one as the period's report.").format(
            period=result.period))
    return EXIT_OK


def _describe(out, verified) -> None:
    from app.exchange.identity import phone_groups

    manifest = verified.bundle.manifest
    if verified.bundle.kind == "receipt":
        out.line(translate("cli", "Receipt from {unit} {name} for bundle {sequence} of {period} of {for_unit}.").format(
            unit=manifest["unit"], name=manifest["unit_name"], sequence=manifest["receipt_for"].get("sequence"),
            period=manifest["period"], for_unit=manifest["receipt_for"].get("unit")))
    else:
        out.line(translate("cli", "Bundle from {unit} {name} ({role}), period {period}, number {sequence}, made {created}.").format(
            unit=manifest["unit"], name=manifest["unit_name"],
            role=translate("cli", "commune") if manifest["role"] == "commune" else translate("cli", "office"), period=manifest["period"],
            sequence=manifest["sequence"], created=manifest["created_at"]))
        facts = verified.facts
        if facts is None:
            out.line(translate("cli", "Its content (counts, records) is encrypted: only the office it is addressed to can read and check it."))
        elif facts["nil"]:
            out.line(translate("cli", "Nil report: no accident in this period."))
        else:
            counts = facts["counts"]
            out.line(translate("cli", "{accidents} accident(s), {victims} victim(s), {void} void.").format(
                accidents=counts.get("accidents", 0), victims=counts.get("victims", 0), void=counts.get("void", 0)))
            if counts.get("incidents"):
                out.line(translate("cli", "It also holds {count} serious technical incident(s).").format(
                    count=counts["incidents"]))
        if facts is not None and facts.get("interim"):
            out.line(translate("cli", "Interim report: made before the end of its period."))
        if verified.content_checked:
            out.line(translate("cli", "Every record was decrypted and checked, and the counts match."))
    encryption = manifest.get("encryption")
    if encryption:
        out.line(translate("cli", "Encrypted for {unit} {name}.").format(unit=encryption["recipient_unit"],
                                                                         name=encryption["recipient_name"]))
    else:
        out.line(translate("cli", "Not encrypted (a bundle of format {version}, made before encryption was required).").format(
            version=manifest["format_version"]))
    out.line(translate("cli", "Signer's fingerprint: {fingerprint}").format(fingerprint=phone_groups(verified.bundle.signer.fingerprint)))


def cmd_verify(args: argparse.Namespace, out) -> int:
    from app.cli.main import message, open_session
    from app.services.exchange import verify_bundle

    with open_session(args) as session:
        verified = verify_bundle(session, Path(args.file))
    refusal = verified.refusal()
    if args.json:
        manifest = verified.bundle.manifest
        facts = verified.facts or {}
        out.json({"ok": refusal is None, "trust": verified.trust, "kind": verified.bundle.kind,
                  "format_version": manifest["format_version"], "encrypted": verified.bundle.encrypted,
                  "unit": manifest["unit"], "unit_name": manifest["unit_name"], "period": manifest["period"],
                  "sequence": manifest.get("sequence"), "nil": facts.get("nil"), "counts": facts.get("counts"),
                  "interim": facts.get("interim"), "content_checked": verified.content_checked,
                  "bundle_id": manifest["bundle_id"], "bundle_hash": verified.bundle.hash,
                  "signer_fingerprint": verified.bundle.signer.fingerprint})
    else:
        _describe(out, verified)
    if refusal is not None:
        out.error(message(refusal))
        return EXIT_UNTRUSTED
    if not args.json:
        out.line(translate("cli", "Intact, and signed by a trusted key."))
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out) -> int:
    from app.cli.main import _after_change, _print_issues, message, open_session
    from app.services.exchange import import_files

    receipts = Path(args.receipts) if args.receipts else None
    received_on = _parse_day(args.received_on) if args.received_on is not None else None
    with open_session(args) as session:
        outcomes = import_files(session, [Path(p) for p in args.files], receipts, received_on=received_on)
        if any(o.state in ("imported", "receipt") for o in outcomes):
            _after_change(session, out)
    code = EXIT_OK
    for outcome in outcomes:
        name = outcome.path.name
        if outcome.state == "refused":
            out.line(translate("cli", "{file}: refused: {reason}").format(file=name, reason=message(outcome.error)))
            if isinstance(outcome.error, ValidationFailed):
                _print_issues(out, outcome.error.issues[1:], translate("cli", "Problems found:"))
            code = code or outcome.exit_code
        elif outcome.state == "own":
            out.line(translate("cli", "{file}: made by this workstation; skipped.").format(file=name))
        elif outcome.state == "already":
            out.line(translate("cli", "{file}: already imported; nothing changed.").format(file=name))
        elif outcome.state == "receipt":
            out.line(translate("cli", "{file}: receipt from {unit} {name} imported: {count} record(s) now marked delivered.").format(
                file=name, unit=outcome.unit, name=outcome.unit_name, count=outcome.delivered))
        else:
            plan = outcome.plan
            if outcome.nil:
                text = translate("cli", "{file}: imported: {unit} {name}, {period}, bundle {sequence}: NIL report (no accident).")
            else:
                text = translate("cli", "{file}: imported: {unit} {name}, {period}, bundle {sequence}: {added} new, {updated} "
                           "updated, {unchanged} unchanged, {older} older version(s) ignored, {conflicts} conflict(s).")
            out.line(text.format(file=name, unit=outcome.unit, name=outcome.unit_name, period=outcome.period,
                                 sequence=outcome.sequence, added=plan.added, updated=plan.updated,
                                 unchanged=plan.unchanged, older=plan.older, conflicts=len(plan.conflicts)))
            if outcome.clear:
                out.line("  " + translate("cli", "Warning: this bundle (format {version}) travelled NOT encrypted: names and ID "
                                                 "numbers could be read by anyone who had the file. Ask the commune to update "
                                                 "TNLĐ and to register this office's key card.").format(version=outcome.version))
            if outcome.interim:
                out.line("  " + translate("cli", "Received before the end of {period}: an interim report; the commune sends the "
                                                 "period's report after it ends.").format(period=outcome.period))
            if outcome.flags:
                out.line("  " + translate("cli", "Warning: this bundle does not fit the chain of bundles received from this "
                                                 "workstation ({kinds}); look into it with: tnld conflicts").format(
                    kinds=", ".join(_flag_label(kind) for kind in outcome.flags)))
            if plan.conflicts:
                out.line("  " + translate("cli", "Conflicts (same version, different content; the version held here stays until "
                                    "the commune sends a newer one): {ids}").format(
                    ids=", ".join(r["id"][:8] for r in plan.conflicts[:20])))
            if outcome.receipt is not None:
                out.line("  " + translate("cli", "Receipt for the commune: {path}").format(path=outcome.receipt))
            elif outcome.receipt_error is not None:
                out.line("  " + message(outcome.receipt_error))
    return code


def _parse_day(text: str):
    """A day typed dd/mm/yyyy (also d/m/yy) or yyyy-mm-dd."""
    import datetime as dt

    from app.core.errors import UserError

    for pattern in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UserError("date.invalid_input", value=text)


def _flag_label(kind: str) -> str:
    return {"sequence_reused": translate("cli", "a bundle number used twice"),
            "chain_broken": translate("cli", "a broken chain of bundles"),
            "history_rewritten": translate("cli", "a rewritten audit history")}.get(kind, kind)


def cmd_keys(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.core.fsutil import output_file
    from app.exchange.identity import phone_groups
    from app.services import keys

    with open_session(args) as session:
        if args.keys_command == "card":
            public = keys.write_card(session, output_file(Path(args.out), args.force))
            out.line(translate("cli", "Wrote the key card of {unit} {name} to {path}.").format(unit=public.unit, name=public.unit_name,
                                                                                   path=args.out))
            out.line(translate("cli", "Fingerprint (read it out when the other side calls): {fingerprint}").format(
                fingerprint=phone_groups(public.fingerprint)))
        elif args.keys_command == "trust":
            result = keys.trust_card(session, Path(args.file), replace=args.replace)
            card = result.card
            if result.action == "already":
                out.line(translate("cli", "The card of {unit} {name} is already registered.").format(unit=card.unit, name=card.unit_name))
            else:
                out.line((translate("cli", "Replaced the key of {unit} {name} ({role}).") if result.action == "replaced"
                          else translate("cli", "Registered the key of {unit} {name} ({role}).")).format(
                    unit=card.unit, name=card.unit_name, role=translate("cli", "commune") if card.role == "commune" else translate("cli", "office")))
            out.line(translate("cli", "Fingerprint: {fingerprint}").format(fingerprint=result.phone))
            out.line(translate("cli", "Call the unit and compare these digits with what their program shows; if any digit differs, "
                         "the card is not theirs: tell an admin."))
        elif args.keys_command == "list":
            rows = keys.trusted(session, include_replaced=args.all)
            if args.json:
                out.json(rows)
            for row in rows if not args.json else []:
                state = translate("cli", "replaced") if row["replaced_at"] else ""
                out.line(f"{row['unit']:<6} {row['unit_name']:<40} {phone_groups(row['fingerprint'])}  {state}".rstrip())
        else:
            public = keys.own_identity(session).public
            out.line(translate("cli", "This workstation: {unit} {name}").format(unit=public.unit, name=public.unit_name))
            out.line(translate("cli", "Fingerprint: {fingerprint}").format(fingerprint=phone_groups(public.fingerprint)))
    return EXIT_OK


def _state_label(state: str) -> str:
    return {"on_time": translate("cli", "on time"), "late": translate("cli", "late"), "interim": translate("cli", "interim"),
            "missing": translate("cli", "MISSING"), "unknown": translate("cli", "date unknown")}.get(state, state)


def _day_shown(value: object, read: Callable) -> str:
    """A stored date for people: 31/12/2026, "?" when it cannot be read, "" when there is none."""
    from app.cli.main import _date_vi

    if value is None:
        return ""
    day = read(value)
    return _date_vi(day.isoformat()) if day is not None else "?"


def _gaps_shown(gaps: list[list[int]], more: int) -> str:
    text = ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in gaps)
    if more:
        text += " " + translate("cli", "… and {count} more").format(count=more)
    return text


def cmd_completeness(args: argparse.Namespace, out) -> int:
    from app.cli.main import _date_vi, _print_table, open_session
    from app.core.periods import Period
    from app.services.completeness import calendar_day, completeness, vietnam_day

    period = Period.parse(args.period)
    with open_session(args) as session:
        states, due = completeness(session, period)
    if args.json:
        out.json([state.as_json() for state in states])
        return EXIT_OK
    rows = []
    for state in states:
        rows.append([state.unit, state.unit_name, _state_label(state.state), translate("cli", "yes") if state.nil else "",
                     ", ".join("?" if n is None else str(n) for n in state.sequence),
                     _gaps_shown(state.gaps, state.gaps_more), _day_shown(state.received_on, calendar_day),
                     _day_shown(state.created_at, vietnam_day),
                     f"⚠ {state.flags}" if state.flags else ""])
    _print_table(out, [translate("cli", "Code"), translate("cli", "Commune"), translate("cli", "State"), translate("cli", "Nil"),
                       translate("cli", "Bundles"), translate("cli", "Gaps"), translate("cli", "Received"),
                       translate("cli", "Made"), translate("cli", "Chain")], rows)
    counts = {key: sum(1 for s in states if s.state == key) for key in ("on_time", "late", "interim", "missing", "unknown")}
    out.line(translate("cli", "{period}, due {due}: {on_time} on time, {late} late, {interim} interim, {missing} missing, of {total}.").format(
        period=period, due=_date_vi(due.isoformat()), total=len(states), **counts))
    out.line(translate("cli", "Received: the day this office received the report; Made: the commune's clock, not used "
                              "to judge. Interim: received while the period was still running."))
    if counts["unknown"]:
        out.line(translate("cli", "{count} commune(s) sent bundles whose day of receipt cannot be read (shown as date unknown).").format(
            count=counts["unknown"]))
    flagged = sum(1 for s in states if s.flags)
    if flagged:
        out.line(translate("cli", "{count} commune(s) have chain flags to look into (column Chain); see them with: tnld conflicts").format(
            count=flagged))
    return EXIT_OK


def cmd_expected(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.services.completeness import expected_units, set_expected_units

    with open_session(args) as session:
        command = args.expected_command or "list"
        if command == "list":
            units = expected_units(session)
        else:
            units = set_expected_units(session, add=args.codes if command == "add" else [],
                                       remove=args.codes if command == "remove" else [], reset=command == "reset")
        names = {code: session.codelists.unit_name(code) for code in units}
    for code in units:
        out.line(f"{code}  {names[code]}")
    out.line(translate("cli", "{count} commune(s) expected to report.").format(count=len(units)))
    return EXIT_OK


def cmd_duplicates(args: argparse.Namespace, out) -> int:
    from app.cli.main import _date_vi, open_session
    from app.core.periods import Period
    from app.services import duplicates

    with open_session(args) as session:
        if args.duplicates_command == "resolve":
            result = duplicates.resolve(session, args.a, args.b, args.decision)
            out.line((translate("cli", "Recorded: {a} and {b} are {decision}.") if result == "recorded"
                      else translate("cli", "Already recorded: {a} and {b} are {decision}.")).format(
                a=args.a, b=args.b,
                decision=translate("cli", "the same person") if args.decision == "same" else translate("cli", "different people")))
            return EXIT_OK
        period = Period.parse(args.period) if args.period else None
        pairs = duplicates.candidates(session, period)
    if args.json:
        out.json([pair.as_json() for pair in pairs])
        return EXIT_OK
    for pair in pairs:
        reason = translate("cli", "same ID number") if pair.reason == "id_number" else translate("cli", "same name, birth year and date")
        decision = {"same": translate("cli", "same person"), "different": translate("cli", "different"), None: translate("cli", "to decide")}[pair.decision]
        out.line(f"{pair.a}  {pair.b}  {pair.name}  {pair.a_unit} / {pair.b_unit}  "
                 f"{_date_vi(pair.a_date)} / {_date_vi(pair.b_date)}  {reason}  [{decision}]")
    out.line(translate("cli", "{count} candidate pair(s), {open} to decide. Decide with: tnld duplicates resolve ID_A ID_B same|different").format(
        count=len(pairs), open=sum(1 for p in pairs if p.decision is None)))
    return EXIT_OK


def _flag_explained(kind: str) -> str:
    return {
        "sequence_reused": translate("cli", "a bundle number used twice by the same key: the commune may have restored a "
                                            "backup or copied its data folder"),
        "chain_broken": translate("cli", "the bundle does not follow the one held before it (its previous_hash does not "
                                         "match)"),
        "history_rewritten": translate("cli", "its audit history does not extend the one the commune sent before: records "
                                              "may have been deleted or the log rewritten"),
    }.get(kind, kind)


def cmd_conflicts(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.services.completeness import vietnam_day
    from app.services.exchange import conflicts
    from app.services.flags import list_flags, settle_flag

    with open_session(args) as session:
        if args.conflicts_command == "settle":
            flag = settle_flag(session, args.id, args.note)
            out.line(translate("cli", "Flag {id} of {unit} settled.").format(id=flag["id"], unit=flag["unit"]))
            return EXIT_OK
        rows = conflicts(session)
        flags = list_flags(session, include_settled=args.all)
    if args.json:
        out.json({"conflicts": rows, "flags": flags})
        return EXIT_OK
    for row in rows:
        out.line(f"{row['accident_id']}  v{row['version']}  {row['unit']}  {row['found_at']}")
    out.line(translate("cli", "{count} conflict(s).").format(count=len(rows)))
    for flag in flags:
        out.line()
        settled = ("  [" + translate("cli", "settled by {user} on {day}: {note}").format(
            user=flag["settled_by"], day=_day_shown(flag["settled_at"], vietnam_day), note=flag["settled_note"]) + "]"
            if flag["settled_at"] is not None else "")
        out.line(f"#{flag['id']}  {flag['unit']}  {_day_shown(flag['found_at'], vietnam_day)}  {flag['kind']}{settled}")
        out.line("  " + _flag_explained(flag["kind"]))
        out.line("  " + translate("cli", "bundle {bundle}, earlier bundle {other}").format(
            bundle=flag["bundle_id"], other=flag["other_bundle_id"] or "-"))
        details = ", ".join(f"{key}: {value}" for key, value in (flag["detail"] or {}).items()
                            if isinstance(value, str | int | float) and not isinstance(value, bool))
        if details:
            out.line("  " + details[:300])
    open_flags = sum(1 for flag in flags if flag["settled_at"] is None)
    if open_flags:
        out.line(translate("cli", "{count} chain flag(s) to settle. Look into each with the commune, then: tnld conflicts settle ID --note TEXT").format(
            count=open_flags))
    return EXIT_OK


COMMANDS: dict[str, Callable] = {
    "export": cmd_export, "verify": cmd_verify, "import": cmd_import, "keys": cmd_keys,
    "completeness": cmd_completeness, "expected": cmd_expected, "duplicates": cmd_duplicates,
    "conflicts": cmd_conflicts,
}


def add_parsers(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from app.cli.main import nested_parser as nested

    p = sub("export", translate("cli", "write the signed (and encrypted) bundle of a period for the office"))
    p.add_argument("--period", required=True, metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3 or 2026-03"))
    p.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "the bundle file to write (.tnld)"))
    p.add_argument("--to", metavar="OFFICE", help=translate("cli", "the office to encrypt for, when several cards are registered"))
    p.add_argument("--force", action="store_true", help=translate("cli", "overwrite FILE if it exists"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("verify", translate("cli", "check a bundle or receipt without importing it (exit 0 intact and trusted, 3 damaged, 4 unknown signer)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("import", translate("cli", "import bundles (office) or a receipt (commune); one line per file"))
    p.add_argument("files", nargs="+", metavar="FILE", help=translate("cli", "bundle files or folders holding them"))
    p.add_argument("--receipts", metavar="DIR", help=translate("cli", "where to write receipts (default: beside each bundle)"))
    p.add_argument("--received-on", metavar="DATE", help=translate("cli", "the day the bundles reached the office, dd/mm/yyyy, when earlier than today"))

    p = sub("keys", translate("cli", "this workstation's key card, and the registry of trusted cards"))
    commands = p.add_subparsers(dest="keys_command", metavar=translate("cli", "COMMAND"))
    q = nested(commands, "card", translate("cli", "write this workstation's key card"))
    q.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "the card file to write"))
    q.add_argument("--force", action="store_true", help=translate("cli", "overwrite FILE if it exists"))
    q = nested(commands, "trust", translate("cli", "register another unit's key card (admin)"))
    q.add_argument("file", metavar="FILE")
    q.add_argument("--replace", action="store_true", help=translate("cli", "replace the registered key of the same unit (audited)"))
    q = nested(commands, "list", translate("cli", "list the trusted cards"))
    q.add_argument("--all", action="store_true", help=translate("cli", "include replaced cards"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    nested(commands, "show", translate("cli", "show this workstation's fingerprint"))

    p = sub("completeness", translate("cli", "office: which communes have reported for a period"))
    p.add_argument("--period", required=True, metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3 or 2026-03"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("expected", translate("cli", "office: the communes expected to report (list, add, remove, reset)"))
    commands = p.add_subparsers(dest="expected_command", metavar=translate("cli", "COMMAND"))
    nested(commands, "list", translate("cli", "list the expected communes"))
    for name, help_text in (("add", translate("cli", "expect these communes too")), ("remove", translate("cli", "stop expecting these communes"))):
        q = nested(commands, name, help_text)
        q.add_argument("codes", nargs="+", metavar="CODE")
    nested(commands, "reset", translate("cli", "back to every commune of the province"))

    p = sub("duplicates", translate("cli", "office: victims reported twice, and decisions on them"))
    p.add_argument("--period", metavar="P", help=translate("cli", "only pairs with an accident in this period"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    commands = p.add_subparsers(dest="duplicates_command", metavar=translate("cli", "COMMAND"))
    q = nested(commands, "resolve", translate("cli", "record whether two victims are the same person"))
    q.add_argument("a", metavar="ID_A")
    q.add_argument("b", metavar="ID_B")
    q.add_argument("decision", choices=("same", "different"))

    p = sub("conflicts", translate("cli", "office: records received with a known version but other content, and chain flags to settle"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    p.add_argument("--all", action="store_true", help=translate("cli", "include settled chain flags"))
    commands = p.add_subparsers(dest="conflicts_command", metavar=translate("cli", "COMMAND"))
    q = nested(commands, "settle", translate("cli", "settle a chain flag once looked into (admin)"))
    q.add_argument("id", metavar="ID")
    q.add_argument("--note", metavar="TEXT", help=translate("cli", "what was found and done (required)"))

