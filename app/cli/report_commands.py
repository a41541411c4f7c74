"""`tnld report` (SPEC § 9): printing only; the work is in `app.services.reports`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.core.errors import EXIT_OK
from app.i18n import translate


def cmd_report(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.core.errors import UserError
    from app.core.periods import Period
    from app.services.reports import ACCIDENT_FORMS, report_format, unset_signer_settings, write_report

    fmt = report_format(args.kind, args.format, Path(args.out))
    unused = [option for option, given, used in (
        ("--id", args.id, args.kind in ACCIDENT_FORMS),
        ("--period", args.period and args.id, False),
        ("--with-identifiers", args.with_identifiers, args.kind == "linelist")) if given and not used]
    if unused:  # an option that would be silently ignored: the user meant something else
        raise UserError("report.option_unused", option=unused[0], kind=args.kind)
    if args.kind in ACCIDENT_FORMS:
        from app.services.records import resolve_id
        from app.services.reports import accident_form

        if args.kind != "notice" and not args.id:
            raise UserError("report.needs_id")
        if args.kind == "notice" and not args.id and not args.period:
            raise UserError("report.needs_period")
        period = Period.parse(args.period) if args.period and not args.id else None
        with open_session(args) as session:
            accident_id = resolve_id(session, args.id) if args.id else None
            path = accident_form(session, args.kind, Path(args.out), accident_id, period, overwrite=args.force,
                                 unit=args.unit)
            unset = unset_signer_settings(session, args.kind, fmt)
        out.line(translate("cli", "Wrote {path}.").format(path=path))
        _tell_unset_signer(out, unset)
        return EXIT_OK
    if not args.period:
        raise UserError("report.needs_period")
    if args.unit:
        raise UserError("report.unit_only_notice")
    period = Period.parse(args.period)
    with open_session(args) as session:
        written = write_report(session, period, args.kind, fmt, Path(args.out), overwrite=args.force,
                               with_identifiers=args.with_identifiers)
        unset = unset_signer_settings(session, args.kind, fmt)
    total = written.aggregate.total
    out.line(translate("cli", "Wrote {path}: {period}, {accidents} accident(s), {victims} victim(s), {deaths} death(s).")
             .format(path=written.path, period=period, accidents=total.accidents, victims=total.victims,
                     deaths=total.deaths))
    _tell_unset_signer(out, unset)
    return EXIT_OK


def _tell_unset_signer(out, unset: list[str]) -> None:
    if "signer_name" in unset:
        out.line(translate("cli", "The signer's name is not set: the signature block is left blank, to sign and write "
                                  "the name by hand. To print it, run: tnld settings set signer_name \"NAME\" (the lines "
                                  "above it: signer_on_behalf, signer_title)."))


def cmd_verify_pdf(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.core.errors import EXIT_DAMAGED, EXIT_UNTRUSTED
    from app.exchange.identity import phone_groups
    from app.services.reports import verify_pdf

    with open_session(args) as session:
        verdict = verify_pdf(session, Path(args.file))
    check = verdict.check
    if check.signer is not None:
        out.line(translate("cli", "Signed by {unit} {name}; fingerprint {fingerprint}.").format(
            unit=check.signer.unit, name=check.signer.unit_name, fingerprint=phone_groups(check.signer.fingerprint)))
    if not check.intact:
        out.error(translate("cli", "The PDF was changed after it was signed, or its signature is damaged."))
        return EXIT_DAMAGED
    if not check.covers_whole_file:
        out.error(translate("cli", "Something was added to the PDF after it was signed; the signed part is intact."))
        return EXIT_DAMAGED
    if verdict.trust not in ("own", "trusted"):
        out.error(translate("cli", "The signature is intact but the signer's key is not registered here."))
        return EXIT_UNTRUSTED
    out.line(translate("cli", "Intact, and signed by a trusted key."))
    return EXIT_OK


COMMANDS: dict[str, Callable] = {"report": cmd_report, "verify-pdf": cmd_verify_pdf}


def add_parsers(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from app.services.reports import ACCIDENT_FORMS, FORMATS, KINDS

    p = sub("report", translate("cli", "write a report of a period (periodic report, line list, indicators, register) "
                                       "or a form of one accident (quick report, record of the event, notice, "
                                       "insured worker's declaration)"))
    p.add_argument("--period", metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3 or 2026-03"))
    p.add_argument("--kind", default="periodic", choices=(*KINDS, *ACCIDENT_FORMS), help=translate("cli", "the kind of report"))
    p.add_argument("--id", metavar="ID",
                   help=translate("cli", "quick, record, notice, declaration: the accident (its first 8 characters)"))
    p.add_argument("--unit", metavar="CODE",
                   help=translate("cli", "notice of a period at an office: the commune whose notice is printed"))
    p.add_argument("--format", default=None, choices=FORMATS,
                   help=translate("cli", "the file format (default: from FILE's extension, .json, .xlsx or .pdf); "
                                         "periodic and indicators: json, xlsx, pdf; register: xlsx, pdf; linelist: "
                                         "xlsx; the forms of one accident: pdf"))
    p.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "the file to write"))
    p.add_argument("--force", action="store_true", help=translate("cli", "overwrite FILE if it exists"))
    q = sub("verify-pdf", translate("cli", "check a report PDF's signature (exit 0 intact and trusted, 3 altered, 4 unknown signer)"))
    q.add_argument("file", metavar="FILE")
    p.add_argument("--with-identifiers", action="store_true",
                   help=translate("cli", "line list: include personal ID numbers and phones"))
