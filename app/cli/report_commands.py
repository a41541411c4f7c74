"""`tnld report` (SPEC § 9): printing only; the work is in `app.services.reports`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.core.errors import EXIT_OK
from app.i18n import translate


def cmd_report(args: argparse.Namespace, out) -> int:
    from app.cli.main import open_session
    from app.core.periods import Period
    from app.services.reports import write_report

    period = Period.parse(args.period)
    with open_session(args) as session:
        written = write_report(session, period, args.kind, args.format, Path(args.out), overwrite=args.force,
                               with_identifiers=args.with_identifiers)
    total = written.aggregate.total
    out.line(translate("cli", "Wrote {path}: {period}, {accidents} accident(s), {victims} victim(s), {deaths} death(s).")
             .format(path=written.path, period=period, accidents=total.accidents, victims=total.victims,
                     deaths=total.deaths))
    return EXIT_OK


COMMANDS: dict[str, Callable] = {"report": cmd_report}


def add_parsers(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from app.services.reports import FORMATS, KINDS

    p = sub("report", translate("cli", "write a report of a period (periodic report, line list, indicators)"))
    p.add_argument("--period", required=True, metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3 or 2026-03"))
    p.add_argument("--kind", default="periodic", choices=KINDS, help=translate("cli", "the kind of report"))
    p.add_argument("--format", default="json", choices=FORMATS, help=translate("cli", "the file format"))
    p.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "the file to write"))
    p.add_argument("--force", action="store_true", help=translate("cli", "overwrite FILE if it exists"))
    p.add_argument("--with-identifiers", action="store_true",
                   help=translate("cli", "line list: include personal ID numbers and phones"))
