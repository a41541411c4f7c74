"""The `tnld` command (SPEC § 9): parse arguments, set up paths, logging and language, call the services,
print for people (or JSON with `--json`). The only layer that prints.

Exit codes: 0 done; 2 bad usage or invalid input (nothing changed); 3 a bundle failed verification;
4 signed by an unknown key; 1 anything unexpected (logged, with a crash file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.core.errors import EXIT_DAMAGED, EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, UserError, ValidationFailed
from app.core.fsutil import os_reason
from app.core.messages import Ref
from app.i18n import choose_language, install, translate

MAX_ISSUES_SHOWN = 50


class Output:
    """Where results go: people's text on stdout, problems on stderr."""

    def __init__(self, stdout=None, stderr=None) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def line(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def error(self, text: str) -> None:
        print(text, file=self.stderr)

    def json(self, value: Any) -> None:
        json.dump(value, self.stdout, ensure_ascii=False, indent=1)
        self.stdout.write("\n")


def message(error: UserError) -> str:
    return error.message(translate)


MAX_SECRET = 1024  # characters of a password or recovery code read from a file


# Passwords and secrets: never a prompt when stdin is not a terminal.
def _read_secret_file(path: str) -> str:
    import stat

    try:
        with open(path, encoding="utf-8") as handle:
            kind = os.fstat(handle.fileno()).st_mode
            if not (stat.S_ISREG(kind) or stat.S_ISFIFO(kind)):  # a file, or a pipe (`--password-file <(…)`)
                raise UserError("file.not_regular", path=path)
            line = handle.readline(MAX_SECRET + 1)
    except FileNotFoundError:
        raise UserError("file.missing", path=path) from None
    except IsADirectoryError:
        raise UserError("file.not_file", path=path) from None
    except OSError as exc:
        raise UserError("file.unreadable", path=path, reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise UserError("file.unreadable", path=path, reason=Ref("reason.not_text")) from None
    if len(line) > MAX_SECRET:
        raise UserError("file.too_large", path=path, size=f"> {MAX_SECRET} B", limit=f"{MAX_SECRET} B")
    return line.rstrip("\r\n")


def on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str, secret: bool = False) -> str:
    """A line typed at the terminal; Ctrl-D (end of input) or Ctrl-C cancels the command."""
    try:
        if secret:
            import getpass

            return getpass.getpass(prompt)
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # the cursor is still on the prompt's line
        raise UserError("operation.cancelled") from None


def password_from(args: argparse.Namespace, confirm: bool = False) -> str:
    if args.password_file:
        return _read_secret_file(args.password_file)
    if os.environ.get("TNLD_PASSWORD"):
        return os.environ["TNLD_PASSWORD"]
    if on_terminal():
        first = ask(translate("cli", "Password: "), secret=True)
        if confirm and ask(translate("cli", "Password again: "), secret=True) != first:
            raise UserError("password.mismatch")
        return first
    raise UserError("password.missing")


def new_password_from(args: argparse.Namespace) -> str:
    if getattr(args, "new_password_file", None):
        return _read_secret_file(args.new_password_file)
    if os.environ.get("TNLD_NEW_PASSWORD"):
        return os.environ["TNLD_NEW_PASSWORD"]
    if on_terminal():
        first = ask(translate("cli", "New password: "), secret=True)
        if ask(translate("cli", "New password again: "), secret=True) != first:
            raise UserError("password.mismatch")
        return first
    raise UserError("password.missing")


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    from app.core.resources import default_data_dir

    return default_data_dir()


def _check_data_dir(args: argparse.Namespace) -> None:
    """A data folder named on the command line that is a file gets a message of its own."""
    path = data_dir(args)
    if path.exists() and not path.is_dir():
        raise UserError("datadir.not_folder", path=str(path))


def open_session(args: argparse.Namespace, password: str | None = None):
    """Log in to the data folder of *args* (with *password*, else the one `password_from` finds), saying on stderr
    when it waits for another window or command and what the login did or found."""
    from app.core.fsutil import make_private
    from app.services.workspace import login

    path = data_dir(args)
    from app.services.workspace import DataDir

    datadir = DataDir(path)
    datadir.keyfile()  # says "not a data folder" before asking for a password
    # A data folder set up before its files were made private: only its user may read it (SPEC § 8).
    for private in (datadir.path, datadir.keyfile_path, datadir.db_path, datadir.backups, datadir.logs):
        make_private(private)
    session = login(path, args.user, password or password_from(args), on_wait=waiting_notice)
    from app.core.messages import render

    for code, params in session.notices:  # what the login did or found that the user must know
        print(render(code, params, translate), file=sys.stderr)
    return session


def waiting_notice(code: str) -> None:
    """Told when the command waits for another window or command on the same folder: say so on stderr."""
    from app.core.messages import render

    print(render(code, {}, translate), file=sys.stderr, flush=True)


def _after_change(session, out: Output | None = None) -> None:
    """The daily automatic backup, after a command that changed data. The change is saved already: a backup that
    cannot be written (a full disk) is logged and the user warned, the command does not fail."""
    from app.services.backup import auto_backup_safely

    problem = auto_backup_safely(session).problem  # logged there
    if problem is not None:
        if problem.code == "disk.full":
            text = translate("cli", "Warning: your change is saved, but the daily automatic backup could not be made: the disk "
                                    "holding {path} is full. Free some space, or make a backup on another disk with: "
                                    "tnld backup --out FILE").format(path=session.datadir.path)
        else:
            text = translate("cli", "Warning: your change is saved, but the daily automatic backup could not be made ({reason}). "
                                    "Make a backup with: tnld backup --out FILE").format(reason=message(problem))
        (out or Output()).error(text)


# Commands.
def cmd_init(args: argparse.Namespace, out: Output) -> int:
    from app.services.workspace import initialise

    result = initialise(data_dir(args), role=args.role, unit=args.unit, admin=args.admin,
                        password=password_from(args, confirm=True), office_name=args.office_name)
    if args.json:
        out.json({"unit": result.unit, "unit_name": result.unit_name, "role": result.role,
                  "recovery_code": result.recovery_code})
        return EXIT_OK
    out.line(translate("cli", "Set up {role} workstation for {unit} {name} in {path}.").format(
        role=translate("cli", "a commune") if result.role == "commune" else translate("cli", "an office"), unit=result.unit,
        name=result.unit_name, path=data_dir(args)))
    out.line()
    out.line(translate("cli", "RECOVERY CODE (shown only now): {code}").format(code=result.recovery_code))
    out.line(translate("cli", "Print or write it down and keep it locked away: with it a forgotten password loses nothing."))
    return EXIT_OK


def _print_issues(out: Output, issues, heading: str) -> None:
    if not issues:
        return
    out.error(heading)
    for issue in issues[:MAX_ISSUES_SHOWN]:
        out.error("  " + issue.message(translate))
    if len(issues) > MAX_ISSUES_SHOWN:
        out.error("  " + translate("cli", "… and {count} more").format(count=len(issues) - MAX_ISSUES_SHOWN))


def cmd_add(args: argparse.Namespace, out: Output) -> int:
    from app.services.records import add_file

    with open_session(args) as session:
        report = add_file(session, Path(args.file))
        _after_change(session, out)
    accidents, incidents = report.accident_counts, report.incident_counts
    if args.json:
        out.json({"added": report.added, "updated": report.updated, "voided": report.voided,
                  "unchanged": report.unchanged, "accidents": accidents, "incidents": incidents,
                  "warnings": [i.message(translate) for i in report.warnings]})
        return EXIT_OK
    out.line(translate("cli", "Accidents: {added} added, {updated} updated, {voided} voided, {unchanged} unchanged.")
             .format(**accidents))
    if any(incidents.values()):
        out.line(translate("cli", "Serious technical incidents: {added} added, {updated} updated, {voided} voided, "
                                  "{unchanged} unchanged.").format(**incidents))
    _print_issues(out, report.warnings, translate("cli", "Warnings (saved all the same; check these records):"))
    return EXIT_OK


def _date_vi(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _status_label(status: str) -> str:
    return {"draft": translate("cli", "draft"), "confirmed": translate("cli", "confirmed"), "void": translate("cli", "void")}.get(status, status)


def _obligation_label(kind: str) -> str:
    return {"quick_report": translate("cli", "quick report"), "record_of_event": translate("cli", "record of the event"),
            "investigation": translate("cli", "investigation")}.get(kind, kind)


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    from app.core.interchange import to_interchange
    from app.core.periods import Period
    from app.services.records import count_accidents, export_records, list_accidents

    period = Period.parse(args.period) if args.period else None
    with open_session(args) as session:
        if args.json:
            from app.core.derived import missing_fields

            out.stdout.write("[")
            for index, accident in enumerate(export_records(session, period, args.search or "", args.all)):
                shown = dict(to_interchange(accident), missing=missing_fields(accident, session.rules))
                out.stdout.write(("," if index else "") + "\n" + json.dumps(shown, ensure_ascii=False))
            out.stdout.write("\n]\n")
            return EXIT_OK
        rows = list_accidents(session, period, args.search or "", args.all, limit=args.limit)
        total = count_accidents(session, period, args.search or "", args.all)
        today = session.today()
        from app.services.records import delivery_states, missing_of

        delivery = delivery_states(session, [row["id"] for row in rows]) if session.role == "commune" else {}
        missing = missing_of(session, [row["id"] for row in rows if not row["complete"]])
    from app.core.derived import obligations_for

    header = [translate("cli", "Date"), translate("cli", "Village"), translate("cli", "Victim"), translate("cli", "Deaths"), translate("cli", "Serious"), translate("cli", "Status"), translate("cli", "Note"), "ID"]
    table = []
    for row in rows:
        notes = []
        if not row["complete"]:
            fields = missing.get(row["id"])  # none when the rules changed since it was saved: its flag is older
            notes.append(translate("cli", "incomplete: {fields}").format(fields=", ".join(fields)) if fields
                         else translate("cli", "incomplete"))
        if row["commuting"]:
            notes.append(translate("cli", "commuting"))
        overdue = [o.kind for o in obligations_for(row["status"], row["occurred_on"], row["declared_on"],
                                                   row["record_ref"], row["deaths"], row["serious"], session.rules)
                   if o.overdue(today)]
        if row["id"] in delivery:
            notes.append(translate("cli", "delivered") if delivery[row["id"]] == "delivered" else translate("cli", "sent"))
        if overdue:
            notes.append(translate("cli", "overdue: {what}").format(
                what=", ".join(_obligation_label(kind) for kind in overdue)))
        victim = row["first_victim"] or ""
        if row["victims"] > 1:
            victim += f" (+{row['victims'] - 1})"
        table.append([_date_vi(row["occurred_on"]), row["village"] or "", victim, str(row["deaths"]),
                      str(row["serious"]), _status_label(row["status"]), ", ".join(notes), row["id"][:8]])
    _print_table(out, header, table)
    out.line(translate("cli", "{shown} of {total} accident(s).").format(shown=len(rows), total=total))
    return EXIT_OK


def cmd_incidents(args: argparse.Namespace, out: Output) -> int:
    from app.core.interchange import to_interchange
    from app.core.periods import Period
    from app.core.vnformat import number
    from app.services.records import list_incidents

    period = Period.parse(args.period) if args.period else None
    with open_session(args) as session:
        rows = list_incidents(session, period, args.all)
    if args.json:
        out.json([to_interchange(row) for row in rows])
        return EXIT_OK
    header = [translate("cli", "Date"), translate("cli", "Village"), translate("cli", "What failed"),
              translate("cli", "Damage (thousand VND)"), translate("cli", "Deaths"), translate("cli", "Injured"),
              translate("cli", "Status"), "ID"]
    table = [[_date_vi(row["occurred_on"]), row["village"] or "", row["what_failed"], number(row["damage_kvnd"]),
              str(row["deaths"]), str(row["injured"]), _status_label(row["status"]), row["id"][:8]] for row in rows]
    _print_table(out, header, table)
    out.line(translate("cli", "{count} serious technical incident(s).").format(count=len(rows)))
    return EXIT_OK


def _print_table(out: Output, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i]) for i in range(len(header))]
    out.line("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        out.line("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def cmd_show(args: argparse.Namespace, out: Output) -> int:
    from app.core.interchange import to_interchange
    from app.core.model import is_incident
    from app.services.records import get_accident, history, resolve_id

    with open_session(args) as session:
        accident_id = resolve_id(session, args.id)
        if args.history:
            out.json([to_interchange(version) for version in history(session, accident_id)])
        else:
            record = get_accident(session, accident_id)
            shown = to_interchange(record)
            if not is_incident(record):
                from app.core.derived import missing_fields

                shown["missing"] = missing_fields(record, session.rules)  # for people; `add` ignores it
            out.json(shown)
    return EXIT_OK


def cmd_void(args: argparse.Namespace, out: Output) -> int:
    from app.services.records import resolve_id, void_accident

    reason = args.reason
    if reason is None:
        if not on_terminal():
            raise UserError("void.reason_missing")
        reason = ask(translate("cli", "Reason for voiding (kept in the record's history): "))
    with open_session(args) as session:
        result = void_accident(session, resolve_id(session, args.id), reason)
        _after_change(session, out)
    out.line(translate("cli", "Accident {id} is void (version {version}); it stays in the history.").format(
        id=result.id, version=result.version))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, out: Output) -> int:
    from app.services import audit

    anchor = audit.parse_anchor(args.anchor) if getattr(args, "anchor", None) else None
    with open_session(args) as session:
        if args.audit_command == "show":
            rows = audit.recent(session, args.limit)
            if args.json:
                out.json(rows)
            else:
                for row in rows:
                    out.line(f"{row['seq']:>6}  {row['at']}  {row['user'] or '':<12} {row['action']:<14} "
                             f"{row['entity'] or ''} {row['entity_id'] or ''} {row['detail'] or ''}".rstrip())
            return EXIT_OK
        check = audit.verify(session)
        if args.audit_command == "head":
            length, head = audit.anchor(session)
        extends = audit.check_anchor(session, *anchor) if anchor is not None else None
    if not check.ok:
        if args.json:
            out.json({"ok": False, "rows": check.rows, "broken_at": check.broken_at, "head": check.head})
        out.error(translate("cli", "Audit log ALTERED: the chain breaks at entry {seq}. Keep this database for inspection and "
                     "tell the office.").format(seq=check.broken_at))
        return EXIT_DAMAGED
    if args.audit_command == "head":
        if args.json:
            out.json({"length": length, "head": head, "anchor": audit.format_anchor(length, head)})
        else:
            out.line(audit.format_anchor(length, head))
            out.line(translate("cli", "Write this down (or keep it away from this computer): later, tnld audit verify --anchor "
                               "{anchor} shows whether any entry up to it was deleted or rewritten.").format(
                anchor=audit.format_anchor(length, head)))
        return EXIT_OK
    if args.json:
        out.json({"ok": extends is not False, "rows": check.rows, "broken_at": None, "head": check.head,
                  **({"extends_anchor": extends} if anchor is not None else {})})
    if extends is False:
        out.error(message(UserError("audit.anchor_broken", length=anchor[0], head=anchor[1][:16])))
        return EXIT_DAMAGED
    if not args.json:
        out.line(translate("cli", "Audit log intact: {rows} entries, chain head {head}.").format(rows=check.rows, head=check.head[:16]))
        if anchor is not None:
            out.line(translate("cli", "It still extends the head taken earlier ({length}:{head}).").format(
                length=anchor[0], head=anchor[1][:16]))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: Output) -> int:
    from app.core.fsutil import output_file, storage_error, write_failed
    from app.services.backup import write_backup

    target = output_file(Path(args.out), args.force)
    with open_session(args) as session:
        try:
            write_backup(session, target, overwrite=args.force)
        except OSError as exc:  # writing the copy beside the target, then the target: its disk
            raise write_failed(target, exc) from None
        except Exception as exc:  # noqa: BLE001 - the copy's database on a full or read-only disk: say so
            raise storage_error(exc, target) or exc from None
    out.line(translate("cli", "Backup written to {path}. It is encrypted; it opens with the passwords valid today.").format(path=target))
    return EXIT_OK


def _local_time(iso: str) -> str:
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return iso


def _show_backup(out: Output, info) -> None:
    """What the backup holds against what the data folder holds today, before anything is replaced."""
    out.line(translate("cli", "Backup {path}: unit {unit} {name}, made on {created} (TNLĐ {version}).").format(
        path=info.path, unit=info.unit, name=info.unit_name, created=_local_time(info.created_at),
        version=info.app_version or "?"))
    counts = translate("cli", "{accidents} accident(s), {incidents} incident(s), {users} user(s)")
    out.line(translate("cli", "In the backup: {counts}").format(counts=counts.format(**vars(info.counts))))
    if info.current is not None:
        out.line(translate("cli", "Today, in {unit} {name}: {counts}").format(
            unit=info.current_unit, name=info.current_unit_name, counts=counts.format(**vars(info.current))))
        fewer = info.current.accidents - info.counts.accidents
        if fewer > 0:
            out.line(translate("cli", "The backup holds {count} accident(s) fewer than today: after the restore they are no "
                               "longer in the register (today's database is kept in the backups folder).").format(count=fewer))
    elif info.replaces:
        out.line(translate("cli", "Today: a database this folder has no key file for (it is kept in the backups folder)."))
    for code in info.warnings:
        out.error(message(UserError(code)))


def _confirm_restore(args: argparse.Namespace, info) -> None:
    """Ask on a terminal; without one, only --yes goes ahead."""
    if not info.replaces or args.yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError("restore.confirm", backup=info.counts.accidents,
                        today=info.current.accidents if info.current is not None else "?")
    answer = input(translate("cli", "Replace today's data by this backup? [y/N] ")).strip().lower()
    if answer not in ("y", "yes", "c", "co", "có"):
        raise UserError("operation.cancelled")


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    from app.services.backup import inspect_backup, restore
    from app.services.workspace import DataDir

    path, backup = data_dir(args), Path(args.file)
    password = password_from(args)
    backup_password = _read_secret_file(args.backup_password_file) if args.backup_password_file else password
    if not DataDir(path).is_initialised():
        # A new computer: the backup's own admin restores it (disaster recovery).
        info = inspect_backup(path, backup, args.user, backup_password)
        _show_backup(out, info)
        _confirm_restore(args, info)
        result = restore(path, backup, args.user, backup_password, confirmed=info, on_wait=waiting_notice)
    else:
        # A folder in use: only its own admin, logged in as usual, replaces it.
        with open_session(args, password) as session:
            try:
                info = inspect_backup(session, backup, args.backup_user, backup_password)
            except UserError as error:
                if error.code != "backup.password" or args.backup_password_file or sys.stdin is None \
                        or not sys.stdin.isatty():
                    raise
                import getpass

                backup_password = getpass.getpass(translate("cli", "Password of {user} when the backup was made: ").format(
                    user=args.backup_user or session.user))
                info = inspect_backup(session, backup, args.backup_user, backup_password)
            _show_backup(out, info)
            _confirm_restore(args, info)
            result = restore(session, backup, args.backup_user, backup_password, confirmed=info)
    out.line(translate("cli", "Restored the backup of {created} ({count} accident(s)).").format(
        created=_local_time(result.created_at), count=result.accidents))
    out.line(translate("cli", "Log in with the passwords that were valid when the backup was made."))
    if result.saved_copy:
        out.line(translate("cli", "The previous database was kept in {path}.").format(path=result.saved_copy))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: Output) -> int:
    from app.services import demo
    from app.services.workspace import DataDir, initialise, login

    path = data_dir(args)
    password = password_from(args, confirm=True)
    if not DataDir(path).is_initialised():
        if args.role == "office":
            result = initialise(path, role="office", unit="20", admin=args.user or "admin", password=password,
                                office_name="Sở Nội vụ tỉnh Lạng Sơn")
        else:
            result = initialise(path, role="commune", unit="06040", admin=args.user or "admin", password=password)
        out.line(translate("cli", "Set up a demo {role} workstation for {unit} {name} in {path}.").format(
            role=translate("cli", "commune") if result.role == "commune" else translate("cli", "office"), unit=result.unit,
            name=result.unit_name, path=path))
        out.line(translate("cli", "RECOVERY CODE (shown only now): {code}").format(code=result.recovery_code))
    with login(path, args.user, password) as session:
        report = demo.fill(session, count=args.count, seed=args.seed)
        _after_change(session, out)
    out.line(translate("cli", "Added {accidents} synthetic accident(s) and {incidents} serious technical incident(s) (seed "
                              "{seed}); {unchanged} record(s) were already there.").format(
        accidents=report.accident_counts["added"], incidents=report.incident_counts["added"], seed=args.seed,
        unchanged=report.unchanged))
    return EXIT_OK


def _leaked(args: argparse.Namespace, name: str) -> bool:
    """Whether another user's old password may be known to someone else: the option, else a question on a
    terminal, else yes (a new key costs a minute; a leaked password left working costs the data)."""
    if args.leaked is not None:
        return args.leaked
    if sys.stdin is not None and sys.stdin.isatty():
        answer = input(translate("cli", "Might the old password of {name} be known to someone else? Then the "
                                        "database gets a new key. [Y/n] ").format(name=name))
        return answer.strip().lower() not in ("n", "no", "k", "không", "khong")
    return True


def _print_key_change(out: Output, result) -> None:
    out.line(translate("cli", "The database has a new key; old copies of the key file and old passwords no longer "
                              "open it."))
    out.line()
    out.line(translate("cli", "NEW RECOVERY CODE (shown only now): {code}").format(code=result.recovery_code))
    out.line(translate("cli", "Print or write it down and keep it locked away; the old recovery code no longer works."))
    if result.not_sealed:
        out.line()
        out.error(translate("cli", "These users had not logged in since TNLĐ was updated and can no longer log in: "
                                   "{names}. Set a new password for each with: tnld users passwd NAME").format(
            names=", ".join(result.not_sealed)))


def cmd_users(args: argparse.Namespace, out: Output) -> int:
    from app.services import users

    with open_session(args) as session:
        result = None
        shown = len(session.notices)
        if args.users_command == "add":
            users.add_user(session, args.name, args.role, new_password_from(args))
            out.line(translate("cli", "User {name} added with the role {role}.").format(name=args.name, role=args.role))
        elif args.users_command == "passwd":
            if args.name and args.name != session.user:
                session.require("action.manage_users", "admin")
                leaked = _leaked(args, args.name)
                result = users.reset_password(session, args.name, new_password_from(args), leaked=leaked)
            else:
                users.change_password(session, password_from(args), new_password_from(args))
                if args.leaked:
                    result = users.new_key(session)
            out.line(translate("cli", "Password changed."))
        elif args.users_command == "disable":
            result = users.disable_user(session, args.name)
            out.line(translate("cli", "User {name} disabled.").format(name=args.name))
        elif args.users_command == "enable":
            users.enable_user(session, args.name, new_password_from(args))
            out.line(translate("cli", "User {name} enabled with the new password.").format(name=args.name))
        elif args.users_command == "new-key":
            result = users.new_key(session)
        else:
            rows = users.list_users(session)
            if args.json:
                out.json([u.__dict__ for u in rows])
            else:
                for user in rows:
                    state = "" if user.active else translate("cli", "disabled")
                    out.line(f"{user.name:<20} {user.role:<8} {state}".rstrip())
        from app.core.messages import render

        for code, params in session.notices[shown:]:  # found while changing the users (a table changed by hand)
            print(render(code, params, translate), file=sys.stderr)
        if result is not None:
            _print_key_change(out, result)
            _after_change(session)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, out: Output) -> int:
    from app.services.workspace import recover

    if args.recovery_code_file:
        code = _read_secret_file(args.recovery_code_file)
    elif os.environ.get("TNLD_RECOVERY_CODE"):
        code = os.environ["TNLD_RECOVERY_CODE"]
    elif on_terminal():
        code = ask(translate("cli", "Recovery code: "))
    else:
        raise UserError("recovery.failed")
    user = args.user or _default_user(args)
    recover(data_dir(args), code, user, new_password_from(args))
    out.line(translate("cli", "New password set for {user}.").format(user=user))
    return EXIT_OK


def cmd_settings(args: argparse.Namespace, out: Output) -> int:
    from app.core.messages import render
    from app.services.settings import change_setting, current_settings

    with open_session(args) as session:
        if args.settings_command in ("set", "unset"):
            value = change_setting(session, args.key, args.value if args.settings_command == "set" else None)
            out.line(translate("cli", "{key} = {value}").format(key=args.key, value="" if value is None else value))
            return EXIT_OK
        values = current_settings(session)
    if args.json:
        out.json({setting.key: value for setting, value in values})
        return EXIT_OK
    width = max(len(setting.key) for setting, _ in values)
    for setting, value in values:
        shown = translate("cli", "(not set)") if value in (None, "") else str(value)
        out.line(f"{setting.key.ljust(width)}  {shown}")
        out.line(f"{''.ljust(width)}  {render(setting.description, {}, translate)}")
    return EXIT_OK


def _default_user(args: argparse.Namespace) -> str:
    from app.services.workspace import DataDir

    return DataDir(data_dir(args)).keyfile().default_user


COMMANDS: dict[str, Callable[[argparse.Namespace, Output], int]] = {
    "init": cmd_init, "add": cmd_add, "list": cmd_list, "show": cmd_show, "void": cmd_void, "audit": cmd_audit,
    "backup": cmd_backup, "restore": cmd_restore, "demo": cmd_demo, "users": cmd_users, "recover": cmd_recover,
    "settings": cmd_settings, "incidents": cmd_incidents,
}


def _command(name: str) -> Callable[[argparse.Namespace, Output], int]:
    if name in COMMANDS:
        return COMMANDS[name]
    from app.cli.exchange_commands import COMMANDS as EXCHANGE_COMMANDS
    from app.cli.report_commands import COMMANDS as REPORT_COMMANDS

    return {**EXCHANGE_COMMANDS, **REPORT_COMMANDS}[name]


def _add_global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help=translate("cli", "the workstation's data folder (or TNLD_DATA_DIR)"))
    parser.add_argument("--user", metavar="NAME", default=default if default is not None else os.environ.get("TNLD_USER"),
                        help=translate("cli", "user name (or TNLD_USER; default: the admin named at set-up)"))
    parser.add_argument("--password-file", metavar="FILE", default=default,
                        help=translate("cli", "read the password from the first line of FILE"))
    parser.add_argument("--lang", choices=("vi", "en"), default=default,
                        help=translate("cli", "language of messages: vi (default) or en"))


def nested_parser(commands, name: str, help_text: str) -> argparse.ArgumentParser:
    """A sub-command of a command (`keys trust`), taking the global options after it too."""
    command = commands.add_parser(name, help=help_text, description=help_text)
    _add_global_options(command, argparse.SUPPRESS)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tnld",
        description=translate("cli", "TNLĐ: the commune register of occupational accidents of workers without a labour contract."),
        epilog=translate("cli", "With no command, the desktop program opens. The password comes from --password-file or "
                  "TNLD_PASSWORD. Exit codes: 0 done, 2 bad input (nothing changed), 3 damaged, 4 untrusted "
                  "signer, 1 unexpected."),
    )
    parser.add_argument("--version", action="version", version=f"tnld {__version__}",
                        help=translate("cli", "print the version and exit"))
    _add_global_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar=translate("cli", "COMMAND"))

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text, description=help_text)
        _add_global_options(command, argparse.SUPPRESS)  # accepted after the command too
        return command

    p = sub("init", translate("cli", "set up a new data folder; prints the recovery code"))
    p.add_argument("--role", required=True, choices=("commune", "office"), help=translate("cli", "commune or office"))
    p.add_argument("--unit", required=True, metavar="CODE",
                   help=translate("cli", "5-digit commune code, or 2-digit province code for an office"))
    p.add_argument("--admin", required=True, metavar="NAME", help=translate("cli", "name of the first admin user"))
    p.add_argument("--office-name", metavar="TEXT", help=translate("cli", "the office's name, e.g. \"Sở Nội vụ tỉnh Lạng Sơn\""))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("add", translate("cli", "add or update accidents from a JSON Lines file; all or nothing"))
    p.add_argument("file", metavar="FILE.jsonl", help=translate("cli", "one accident per line (docs/interchange.md)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("list", translate("cli", "list accidents (newest version; void ones only with --all)"))
    p.add_argument("--period", metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3, 2026-03 …"))
    p.add_argument("--search", metavar="TEXT", help=translate("cli", "words to find in names, village, place, work, description"))
    p.add_argument("--all", action="store_true", help=translate("cli", "include void records"))
    p.add_argument("--limit", type=int, metavar="N", help=translate("cli", "show at most N rows"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print the records in the interchange format"))

    p = sub("incidents", translate("cli", "list serious technical incidents (added with add, kind \"incident\")"))
    p.add_argument("--period", metavar="P", help=translate("cli", "2026, 2026-H1, 2026-Q3, 2026-03 …"))
    p.add_argument("--all", action="store_true", help=translate("cli", "include void records"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print the records in the interchange format"))

    p = sub("show", translate("cli", "print one accident or incident in the interchange format"))
    p.add_argument("id", metavar="ID", help=translate("cli", "the id, or its first 8 characters as shown by list"))
    p.add_argument("--history", action="store_true", help=translate("cli", "print every version"))

    p = sub("void", translate("cli", "void a mistaken record (it is kept in the history)"))
    p.add_argument("id", metavar="ID", help=translate("cli", "the id, or its first 8 characters as shown by list"))
    p.add_argument("--reason", metavar="TEXT",
                   help=translate("cli", "why the record is void (kept in its history); asked for on a terminal"))

    p = sub("audit", translate("cli", "the audit log"))
    audit_commands = p.add_subparsers(dest="audit_command", metavar=translate("cli", "COMMAND"), required=True)
    q = nested_parser(audit_commands, "verify", translate("cli", "check the audit log's hash chain"))
    q.add_argument("--anchor", metavar="LENGTH:HASH",
                   help=translate("cli", "also check that the log still extends a head printed earlier by audit head"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    q = nested_parser(audit_commands, "head", translate("cli", "print the audit log's length and head hash, to check later"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    q = nested_parser(audit_commands, "show", translate("cli", "show the latest entries (admin)"))
    q.add_argument("--limit", type=int, default=50, metavar="N", help=translate("cli", "how many entries"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    p = sub("backup", translate("cli", "write an encrypted backup file"))
    p.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "the backup file to write"))
    p.add_argument("--force", action="store_true", help=translate("cli", "overwrite FILE if it exists"))

    p = sub("restore", translate("cli", "replace the database by a backup of this unit (an admin of this data folder; "
                                        "on a new computer, an admin of the backup)"))
    p.add_argument("file", metavar="FILE", help=translate("cli", "a backup file written by backup"))
    p.add_argument("--yes", action="store_true",
                   help=translate("cli", "replace today's data without asking (needed when not on a terminal)"))
    p.add_argument("--backup-password-file", metavar="FILE",
                   help=translate("cli", "the password valid when the backup was made, if it has changed since"))
    p.add_argument("--backup-user", metavar="NAME",
                   help=translate("cli", "open the backup as this user of it (default: the user logged in)"))

    p = sub("demo", translate("cli", "fill the data folder with realistic synthetic data (a Lạng Sơn commune or office)"))
    p.add_argument("--role", choices=("commune", "office"), default="commune",
                   help=translate("cli", "set up as this role when the folder is new"))
    p.add_argument("--count", type=int, default=60, metavar="N", help=translate("cli", "how many accidents"))
    p.add_argument("--seed", type=int, default=1, metavar="N", help=translate("cli", "the same seed gives the same data"))

    p = sub("users", translate("cli", "users and roles: list, add, passwd, disable, enable, new-key"))
    user_commands = p.add_subparsers(dest="users_command", metavar=translate("cli", "COMMAND"))
    q = nested_parser(user_commands, "list", translate("cli", "list users"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    q = nested_parser(user_commands, "add", translate("cli", "add a user (admin); the new password from --new-password-file"))
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, choices=("admin", "clerk", "viewer"), help=translate("cli", "admin, clerk or viewer"))
    q.add_argument("--new-password-file", metavar="FILE", help=translate("cli", "read the new password from FILE"))
    q = nested_parser(user_commands, "passwd", translate("cli", "change your password, or (admin) another user's"))
    q.add_argument("name", metavar="NAME", nargs="?")
    q.add_argument("--new-password-file", metavar="FILE", help=translate("cli", "read the new password from FILE"))
    leak = q.add_mutually_exclusive_group()
    leak.add_argument("--leaked", dest="leaked", action="store_const", const=True, default=None,
                      help=translate("cli", "the old password may be known to someone else: give the database a new "
                                            "key and print a new recovery code (the default, without a terminal)"))
    leak.add_argument("--not-leaked", dest="leaked", action="store_const", const=False,
                      help=translate("cli", "only forgotten: keep the database key"))
    q = nested_parser(user_commands, "disable", translate("cli", "disable a user (admin); the database gets a new key "
                                                                 "and a new recovery code is printed"))
    q.add_argument("name", metavar="NAME")
    q = nested_parser(user_commands, "enable", translate("cli", "enable a disabled user again (admin), with a new "
                                                                "password from --new-password-file"))
    q.add_argument("name", metavar="NAME")
    q.add_argument("--new-password-file", metavar="FILE", help=translate("cli", "read the new password from FILE"))
    nested_parser(user_commands, "new-key", translate("cli", "give the database a new key and print a new recovery "
                                                             "code (admin)"))
    p.set_defaults(json=False)

    p = sub("settings", translate("cli", "settings printed on reports (signer, phone) and report due dates"))
    p.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    setting_commands = p.add_subparsers(dest="settings_command", metavar=translate("cli", "COMMAND"))
    q = nested_parser(setting_commands, "list", translate("cli", "show every setting and its value"))
    q.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    q = nested_parser(setting_commands, "set", translate("cli", "change a setting (admin)"))
    q.add_argument("key", metavar="KEY")
    q.add_argument("value", metavar="VALUE")
    q = nested_parser(setting_commands, "unset", translate("cli", "put a setting back to its default (admin)"))
    q.add_argument("key", metavar="KEY")

    p = sub("recover", translate("cli", "set a new password with the printed recovery code"))
    p.add_argument("--recovery-code-file", metavar="FILE", help=translate("cli", "read the recovery code from FILE"))
    p.add_argument("--new-password-file", metavar="FILE", help=translate("cli", "read the new password from FILE"))

    from app.cli import exchange_commands, report_commands

    exchange_commands.add_parsers(sub)
    report_commands.add_parsers(sub)
    return parser


def _translate_argparse() -> None:
    """argparse's own words (usage, options, errors) through the same translator."""
    from app.cli import argparse_words  # noqa: F401 - marks the strings for lupdate

    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: translate("argparse", singular if n == 1 else plural)  # type: ignore[attr-defined]


def _early_language(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _setup_logging(args: argparse.Namespace) -> None:
    from app.logs import setup_logging

    try:
        path = data_dir(args)
    except Exception:  # noqa: BLE001 - logging must never stop the command
        return
    setup_logging(path / "logs" if (path / "keys.json").exists() or args.command in ("init", "demo") else None)


def main(argv: Sequence[str] | None = None, out: Output | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or Output()
    if argv in (["--version"], ["-V"]):  # the fast path: no translation, no imports
        out.line(f"tnld {__version__}")
        return EXIT_OK
    os.umask(0o077)  # every file and folder the program makes is its user's only (SPEC § 8)
    from app.logs import setup_logging

    setup_logging(None)
    install(choose_language(_early_language(argv)))
    _translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.core.fsutil import data_folder_problem

    problem = data_folder_problem(data_dir(args))
    if problem is not None:  # a folder this user may not look into: said before anything reads it
        out.error(message(problem))
        return problem.exit_code
    if args.command is None:  # the desktop program (SPEC § 9: with no command the desktop program opens)
        from app.ui.application import run

        return run(data_dir(args), _early_language(argv))
    if args.command == "users" and args.users_command is None:
        args.users_command = "list"
    if args.command == "settings" and args.settings_command is None:
        args.settings_command = "list"
    _setup_logging(args)
    try:
        _check_data_dir(args)
        return _command(args.command)(args, out)
    except ValidationFailed as failure:
        out.error(message(failure))
        _print_issues(out, failure.issues, translate("cli", "Problems found:"))
        return failure.exit_code
    except UserError as error:
        out.error(message(error))
        return error.exit_code
    except (KeyboardInterrupt, EOFError):
        out.error(translate("Messages", "cancelled; nothing was changed"))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of our output went away (`tnld list | head`): not a crash. Point stdout at devnull so that
        # the flush at exit does not raise again (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_UNEXPECTED
    except (SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the one place that turns a bug into a report
        # BaseException: a library's own kind (the Rust panic of `pyo3_runtime.PanicException`) is a bug too.
        problem = _storage_problem(exc, args) if isinstance(exc, Exception) else None
        if problem is not None:  # a full or read-only disk: not a bug, and the user can act on it
            out.error(message(problem))
            return problem.exit_code
        return _crash(exc, args, out)


def _storage_problem(exc: Exception, args: argparse.Namespace) -> UserError | None:
    from app.core.fsutil import known_problem

    try:
        where = None if isinstance(exc, OSError) and exc.filename else data_dir(args)
    except Exception:  # noqa: BLE001 - no data folder to name
        where = None
    return known_problem(exc, where)


def _crash(exc: BaseException, args: argparse.Namespace, out: Output) -> int:
    """A bug: its traceback to a crash file (the data folder's `logs/`, else the temp folder), and a message."""
    from app.logs import write_crash_report

    wanted = data_dir(args) / "logs" if args.data_dir else None
    report = write_crash_report(exc, wanted)
    if report is None:
        out.error(translate("cli", "Unexpected error: {error}. Its details could not be saved either (is the disk full?); please "
                                   "tell support what you did.").format(error=type(exc).__name__))
    elif wanted is not None and report.parent != wanted:
        out.error(translate("cli", "Unexpected error: {error}. The data folder {folder} could not be written, so the details "
                                   "were saved in {path}; please send that file to support.")
                  .format(error=type(exc).__name__, folder=data_dir(args), path=report))
    else:
        out.error(translate("cli", "Unexpected error: {error}. Details were saved in {path}; please send that file to support.")
                  .format(error=type(exc).__name__, path=report))
    return EXIT_UNEXPECTED
