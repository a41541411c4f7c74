"""Bundles between workstations: export, verify, import, receipts (SPEC § 5, docs/bundle-format.md).

Import follows STYLE § 18: open → verify (signature, hashes) → trust (registry) → decrypt → validate every record
→ plan (new, newer, older ignored, unchanged, conflict) → apply in one transaction with its audit row. A bundle is
imported whole or not at all; the same bundle twice changes nothing. Long work takes `progress` and `cancel` and
finishes or raises `Cancelled` (`app.core.progress`); an import's outcomes name the ids it changed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import UserError
from app.core.fsutil import output_file, write_failed
from app.core.interchange import dumps
from app.core.model import content_of
from app.core.periods import Period
from app.core.progress import Cancel, Cancelled, Progress, Steps
from app.core.progress import check as check_cancel
from app.db.accident_store import Filters, utc_now
from app.exchange.bundle import (
    INCIDENTS,
    RECEIPT,
    RECORDS,
    XLSX_TYPE,
    OpenedBundle,
    Part,
    build,
    check_receipt_body,
    is_contained_item,
    open_bundle,
)
from app.exchange.checking import CheckJob, Prepared, prepare
from app.exchange.container import BundleDamaged, BundleUntrusted, damaged
from app.exchange.identity import PublicIdentity, phone_groups
from app.services.keys import office_recipients, own_identity, trust_of
from app.services.records import Changed
from app.services.workspace import Session

log = logging.getLogger(__name__)

EXPORTERS = ("admin", "clerk")


# Export.
@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    bundle_hash: str
    sequence: int
    period: str
    accidents: int
    nil: bool
    recipient: PublicIdentity
    incidents: int = 0
    interim: bool = False  # the period had not ended: the office will count it as an interim report


def choose_recipient(session: Session, to: str | None) -> PublicIdentity | None:
    """The office to encrypt to: the one registered office card, or the one *to* names (unit code or name)."""
    offices = office_recipients(session)
    if to:
        wanted = to.strip().casefold()
        chosen = [card for card in offices if wanted in (card.unit.casefold(), card.unit_name.casefold())
                  or card.fingerprint.startswith(wanted.replace(" ", ""))]
        if len(chosen) != 1:
            raise UserError("export.unknown_office", value=to,
                            offices="; ".join(f"{c.unit} {c.unit_name}" for c in offices) or "—")
        return chosen[0]
    if len(offices) > 1:
        raise UserError("export.choose_office", offices="; ".join(f"{c.unit} {c.unit_name}" for c in offices))
    return offices[0] if offices else None


def export_bundle(session: Session, period: Period, out: Path, to: str | None = None, overwrite: bool = False,
                  progress: Progress | None = None, cancel: Cancel | None = None) -> ExportResult:
    """Write the signed bundle of *period*, encrypted to the receiving office (format 3, docs/bundle-format.md).

    Refused, with nothing written and no sequence number used, when no office card is registered (names and ID
    numbers never leave in clear) and when the period has not ended and there is nothing to report (a nil report
    for a running period would read as "nothing happened" when it is only "not reported yet"). A period still
    running with records gives an *interim* report. Holds the newest version of every record of the period,
    voids included, so a void travels upward, and the audit anchor (`audit.bundle_anchor`).
    The file is written first and the sequence recorded after: a power cut between the two can repeat a
    sequence number (the office flags it) but never leaves a gap that looks like a missing bundle. A recording that
    fails (a full data disk) puts back the file the bundle replaced (`_keep_previous`).
    *progress* follows the records, then the report parts; a cancel before the file is complete leaves no file
    and no trace (`Cancelled`).
    """
    from app.services.audit import bundle_anchor

    session.require("action.export", *EXPORTERS)
    recipient = choose_recipient(session, to)
    if recipient is None:
        raise UserError("export.no_office_card")
    out = output_file(Path(out), overwrite)
    identity = own_identity(session)
    interim = period.end >= session.today()
    total = session.store.count(Filters(period=period, include_void=True))
    incident_rows = list(session.incidents.records(period, include_void=True))
    if total == 0 and not incident_rows and interim:
        raise UserError("export.nil_running", period=str(period), end=period.end.strftime("%d/%m/%Y"))
    lines: list[bytes] = []
    sent: list[tuple[str, int]] = []
    victims = voids = 0
    # One bar: the records, then the report parts (worth about as much as the records, at least a few steps).
    steps = Steps(progress, cancel, total + max(total, REPORT_STEPS), every=1000)
    for accident in steps.each(session.store.records(Filters(period=period, include_void=True),
                                                     order="a.occurred_on, a.id")):
        lines.append(dumps(accident).encode("utf-8") + b"\n")
        sent.append((accident["id"], accident["version"]))
        victims += len(accident["victims"])
        voids += accident["status"] == "void"
    steps.check()
    incidents: list[bytes] = []
    for incident in incident_rows:
        incidents.append(dumps(incident).encode("utf-8") + b"\n")
        sent.append((incident["id"], incident["version"]))
    contains = _contains(session, period) if session.role == "office" else []
    last = session.db.execute("SELECT sequence, bundle_hash FROM bundles_sent ORDER BY sequence DESC LIMIT 1").fetchone()
    sequence = (last[0] + 1) if last else 1
    created_at = utc_now()
    anchor = bundle_anchor(session)
    manifest = {
        "kind": "report", "bundle_id": str(uuid.uuid4()), "period": str(period), "created_at": created_at,
        "sequence": sequence, "previous_hash": last[1] if last else None, "nil": not sent, "interim": interim,
        "counts": {"accidents": len(sent) - len(incidents), "victims": victims, "void": voids,
                   "incidents": len(incidents)},
        "contains": contains, "codelists_version": session.codelists.versions(), "audit": anchor,
    }
    parts = [Part(RECORDS, b"".join(lines), "application/x-ndjson"),
             Part(INCIDENTS, b"".join(incidents), "application/x-ndjson"),
             *report_parts(session, period, steps.part(max(total, REPORT_STEPS)), cancel)]
    steps.check()  # the last moment to cancel: after it the file is written and recorded
    _remove_cut_exports(out.parent)
    kept = _keep_previous(out)
    try:
        manifest, bundle_hash = build(out, identity, manifest, parts, recipient)
    except BaseException as exc:
        _drop(kept)
        if isinstance(exc, OSError):
            raise write_failed(out, exc) from None
        raise
    try:
        with session.transaction():
            session.db["bundles_sent"].insert({
                "sequence": sequence, "bundle_id": manifest["bundle_id"], "bundle_hash": bundle_hash,
                "period": str(period), "created_at": created_at, "records": len(sent),
                "recipient": recipient.unit, "recipient_fingerprint": recipient.fingerprint,
                "audit_length": anchor["length"], "audit_head": anchor["head"],
                "file_name": out.name, "made_by": session.user,
            })
            session.db.conn.executemany(
                "INSERT INTO sent_records (accident_id, version, bundle_id) VALUES (?, ?, ?)",
                [(accident_id, version, manifest["bundle_id"]) for accident_id, version in sent])
            session.audit.append(session.user, "export", "bundle", manifest["bundle_id"],
                                 {"period": str(period), "sequence": sequence, "records": len(sent),
                                  "encrypted_to": recipient.unit, "interim": interim})
    except BaseException:
        _put_back(out, kept)
        raise
    _drop(kept)
    return ExportResult(out, manifest["bundle_id"], bundle_hash, sequence, str(period), len(sent) - len(incidents),
                        not sent, recipient, len(incidents), interim)


CUT_EXPORT = re.compile(r"\..+\.tnld\.[a-z0-9_]{8}\.tmp")  # `atomic_writer`'s temp file of a bundle; `_keep_previous`
CUT_EXPORT_AGE = 3600  # seconds untouched: no export still running owns it


def _remove_cut_exports(folder: Path) -> None:
    """Remove the temp files that exports killed in this folder left (a power cut while the bundle was written:
    `.NAME.tnld.XXXXXXXX.tmp`, hidden, never taken for a bundle, but each as large as one). Only those untouched
    for an hour: a younger one may belong to an export running now (a kept earlier bundle has that bundle's time:
    an export into the same folder at the same moment may remove it, and the other export then fails as before)."""
    limit = time.time() - CUT_EXPORT_AGE
    try:
        names = [entry for entry in os.scandir(folder) if CUT_EXPORT.fullmatch(entry.name)]
    except OSError:
        return
    for entry in names:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
        except OSError:
            continue


KEEP_IN_MEMORY = 256 * 1024**2  # a bundle kept as bytes where its disk has no hard links (a FAT USB stick)


def _keep_previous(out: Path) -> Path | bytes | None:
    """The file an export with `--force` replaces, kept until the new bundle is recorded. The bundle is written
    first and recorded after (a cut between the two repeats a number, never leaves a gap); when the recording then
    fails (the data disk full: often the same disk, whose space the new bundle just took), the export fails as a
    whole and the earlier bundle, perhaps not yet sent, must be there as before, not deleted with the new one.
    Kept as a second name in its folder (a hard link: no space used), named like a temp file of the same bundle
    (`atomic_writer`), or where the disk has no hard links as its bytes. None when there is nothing to keep."""
    if not out.is_file():
        return None
    keep = out.parent / f".{out.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        os.link(out, keep)
        return keep
    except OSError:
        pass
    try:
        return out.read_bytes() if out.stat().st_size <= KEEP_IN_MEMORY else None
    except OSError:
        return None


def _drop(kept: Path | bytes | None) -> None:
    """The new bundle is recorded, or was never written: the kept one is no longer needed."""
    if isinstance(kept, Path):
        try:
            kept.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", kept.name, exc)


def _put_back(out: Path, kept: Path | bytes | None) -> None:
    """The new bundle was written but could not be recorded: the kept one goes back in its place (or, when there
    was none, the new one is removed: a bundle no register knows of is not left to be sent)."""
    try:
        if isinstance(kept, Path):
            os.replace(kept, out)
        else:
            out.unlink(missing_ok=True)  # first: on a full disk, the kept bytes need the new bundle's room
            if kept is not None:
                from app.core.fsutil import atomic_write_bytes

                atomic_write_bytes(out, kept)
    except OSError as exc:  # the export's own failure is the one to report
        log.warning("could not put back %s after a failed export: %s", out.name, exc)


REPORT_STEPS = 3


def _contains(session: Session, period: Period) -> list[dict[str, Any]]:
    """The commune bundles an office's own bundle includes: every commune bundle received whose period overlaps
    *period*, and those an office bundle received here listed (an office forwards what it received from
    another), each once, and only rows that pass a bundle's own checks (old rows may hold numbers refused today)."""
    found: dict[str, dict[str, Any]] = {}

    def keep(item: dict[str, Any]) -> None:
        if is_contained_item(item):
            found.setdefault(item["bundle_id"], {key: item[key] for key in
                                                 ("bundle_id", "bundle_hash", "unit", "sequence", "records")}
                             | {"nil": bool(item.get("nil"))})

    for row in session.db.query("SELECT bundle_id, bundle_hash, unit, sequence, nil, records, period, contains"
                                " FROM bundles_received WHERE kind = 'report' ORDER BY unit, sequence"):
        try:
            theirs = Period.parse(row["period"])
        except (UserError, AttributeError):
            continue
        if not (theirs.start <= period.end and period.start <= theirs.end):
            continue
        keep(row)
        try:
            listed = json.loads(row["contains"]) if row["contains"] else []
        except ValueError:
            listed = []
        for item in listed if isinstance(listed, list) else []:
            if isinstance(item, dict):
                keep(item)
    return sorted(found.values(), key=lambda item: (item["unit"], item["sequence"], item["bundle_id"]))


def report_parts(session: Session, period: Period, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> list[Part]:
    """The period's report as the office will print it: the workbook and the signed PDF (SPEC § 5)."""
    from app.services.reports import periodic, report_bytes

    steps = Steps(progress, cancel, REPORT_STEPS)
    counted = periodic(session, period, cancel=cancel)  # once for both files
    steps.step()
    workbook = report_bytes(session, period, "xlsx", counted, cancel=cancel)
    steps.step()
    pdf = report_bytes(session, period, "pdf", counted, cancel=cancel)
    steps.step()
    return [Part("report.xlsx", workbook, XLSX_TYPE), Part("report.pdf", pdf, "application/pdf")]


# Verify.
@dataclass(frozen=True)
class VerifyResult:
    bundle: OpenedBundle
    trust: str  # see keys.trust_of
    facts: dict[str, Any] | None = None  # counts, nil…: None when this workstation cannot read them
    content_checked: bool = False  # every record decrypted, parsed, validated and counted

    @property
    def trusted(self) -> bool:
        return self.trust in ("own", "trusted")

    @property
    def fingerprint(self) -> str:
        return phone_groups(self.bundle.signer.fingerprint)

    def refusal(self) -> BundleUntrusted | None:
        """Why the signer is not trusted, as the error an import raises; None when trusted."""
        signer, path = self.bundle.signer, str(self.bundle.path)
        if self.trusted:
            return None
        code = {"unknown": "bundle.unknown_signer", "changed": "bundle.changed_key",
                "replaced": "bundle.replaced_key"}[self.trust]
        return BundleUntrusted(code, path=path, unit=signer.unit, name=signer.unit_name,
                               fingerprint=phone_groups(signer.fingerprint))


def verify_bundle(session: Session, path: Path) -> VerifyResult:
    """Check a bundle or receipt without importing it: intact (else `BundleDamaged`), and who signed it. At the
    office a report is addressed to, also its content, as an import checks it: the summary, every record, the
    period, the owners and every count (a problem raises as the import would)."""
    bundle = open_bundle(Path(path))
    trust = trust_of(session, bundle.signer)
    encryption = bundle.manifest.get("encryption")
    if bundle.kind == "report" and trust == "trusted" and session.role == "office" and (
            encryption is None or encryption["recipient_fingerprint"] == own_identity(session).public.fingerprint):
        prepared = prepare(bundle.path, check_job(session, known=False))
        if prepared.error is not None:
            raise prepared.error
        return VerifyResult(bundle, trust, prepared.facts, content_checked=True)
    if bundle.kind == "report" and not bundle.encrypted:
        return VerifyResult(bundle, trust, bundle.facts(None))
    return VerifyResult(bundle, trust)


# Import.
@dataclass
class Plan:
    """What applying a bundle will do, record by record."""

    write: list[dict[str, Any]] = field(default_factory=list)  # new or newer versions
    write_incidents: list[dict[str, Any]] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[tuple[str, int, str]] = field(default_factory=list)  # (id, version, accepted|older|conflict)
    changed: Changed = field(default_factory=Changed)  # the ids the bundle added, updated or voided (kept)
    incidents_added: int = 0  # of `added` and `unchanged`, how many are incidents
    incidents_unchanged: int = 0

    def release(self) -> None:
        """Forget the records once applied and acknowledged (an import of 100 bundles keeps only the counts and
        the changed ids)."""
        self.write = []
        self.write_incidents = []
        self.outcomes = []
        self.conflicts = [{"id": record["id"], "version": record["version"]} for record in self.conflicts]


@dataclass
class FileOutcome:
    path: Path
    state: str  # 'imported', 'already', 'receipt', 'own' (made here: skipped), 'refused'
    kind: str = "report"
    unit: str = ""
    unit_name: str = ""
    period: str = ""
    sequence: int | None = None
    nil: bool = False
    plan: Plan | None = None
    receipt: Path | None = None
    receipt_error: UserError | None = None
    delivered: int = 0
    error: UserError | None = None
    clear: bool = False  # a bundle of format 1 or 2 that travelled unencrypted
    version: int = 0  # its format
    interim: bool = False  # received before its period ended
    received_on: str | None = None
    flags: list[str] = field(default_factory=list)  # chain flags this bundle raised (see `_chain_flags`)

    @property
    def exit_code(self) -> int:
        return self.error.exit_code if self.error is not None else 0

    @property
    def changed(self) -> Changed:
        """The ids of the accidents and incidents this file added, updated or voided (none unless imported)."""
        return self.plan.changed if self.plan is not None and self.state == "imported" else Changed()


def changed_by(outcomes: Iterable[FileOutcome]) -> Changed:
    """Every id an import changed, over all its files: what a window refreshes after it."""
    changed = Changed()
    for outcome in outcomes:
        changed.update(outcome.changed)
    return changed


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: each file given, and the `*.tnld` files of each folder given (`.TNLD` too: Windows
    ignores case), in name order. A path that cannot even be looked at (a name too long) is refused by name."""
    from app.core.fsutil import os_reason

    files: list[Path] = []
    for path in map(Path, paths):
        try:
            if path.is_dir():
                files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".tnld" and p.is_file()))
            else:
                files.append(path)
        except OSError as exc:
            raise UserError("file.unreadable", path=str(path), reason=os_reason(exc)) from None
    return files


def check_job(session: Session, known: bool = True) -> CheckJob:
    from cryptography.hazmat.primitives import serialization

    identity = own_identity(session)
    raw = identity.encryption_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                                serialization.NoEncryption())
    ids = frozenset(row[0] for row in session.db.execute("SELECT bundle_id FROM bundles_received")) if known \
        else frozenset()
    return CheckJob(session.today(), session.unit, str(session.datadir.codelists), identity.public.fingerprint, raw,
                    known=ids, unit_name=identity.public.unit_name)


PARALLEL_FROM = 4  # files; below this a worker process costs more than it saves
AHEAD = 3  # bundles checked ahead of the one being applied (bounds memory)


def _die_with_parent(parent_pid: int) -> None:
    """In each checking process: end when the importing process ends, even when it is killed (kill -9, a closed
    terminal, the task manager), instead of checking bundles for no one until the PC is restarted.

    On Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG). Everywhere, a thread waits on the
    parent's sentinel (a pipe on POSIX, the process handle on Windows) and ends this process when it fires."""
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid and os.name != "nt":  # the parent died before the line above
        os._exit(1)
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        from multiprocessing.connection import wait

        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="tnld-parent-watch", daemon=True).start()


def _prepared_in_order(files: list[Path], job: CheckJob, cancel: Cancel | None):
    """(path, Prepared or the UserError that refused it) for each file, in order; checked by a worker process
    ahead of the caller when there are several files and more than one core."""
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        for path in files:
            try:
                yield path, prepare(path, job)
            except UserError as error:
                yield path, error
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        # Two checkers: once the importing process no longer folds and flags the records itself, checking is the
        # slower side (measured on 100 bundles: 9.8–10.4 s with two, 11.7–12.2 s with one, on 2 cores).
        workers = 2 if (os.cpu_count() or 1) >= 2 else 1
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            pending = deque((path, pool.submit(prepare, path, job)) for path in files[:AHEAD])
            queued = len(pending)
            try:
                while pending:
                    path, future = pending.popleft()
                    if queued < len(files) and not (cancel is not None and cancel()):
                        pending.append((files[queued], pool.submit(prepare, files[queued], job)))
                        queued += 1
                    try:
                        result: Prepared | UserError = future.result()
                    except UserError as error:
                        result = error
                    done += 1
                    yield path, result
            except GeneratorExit:  # the caller stopped (a cancel): drop the checks not started
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    except (BrokenProcessPool, OSError) as exc:
        # No worker (a frozen program without freeze_support, a locked-down PC): check the rest here instead.
        log.warning("checking bundles in a worker process failed (%s); continuing in this process", exc)
        for path in files[done:]:
            try:
                yield path, prepare(path, job)
            except UserError as error:
                yield path, error


GROUP_RECORDS = 10_000  # records applied before a commit, when importing many bundles
GROUP_SECONDS = 3.0  # ... or seconds of work, so a power cut loses little


def import_files(session: Session, paths: Sequence[Path], receipts_dir: Path | None = None,
                 progress: Progress | None = None, cancel: Cancel | None = None,
                 received_on: dt.date | None = None) -> list[FileOutcome]:
    """Import each bundle or receipt on its own (all or nothing per file); one outcome per file, each naming the
    ids it changed (`FileOutcome.changed`, `changed_by`).

    A bundle counts as received today (the office's clock, never the sender's), or on *received_on* when a
    person says the stick was delivered earlier: not after today, and not before the bundle's period began.

    Bundles are applied in groups: each inside a savepoint of its own (a refused bundle leaves no trace), the group
    committed together, then the receipts written. A commit rewrites every index page the group touched, so one
    commit per 10,000 records instead of one per bundle keeps an import of 100 bundles within 10 s (measured:
    commits grew from 10 to 140 ms a bundle as the database filled). A power cut loses the uncommitted group
    whole, never part of a bundle, and no receipt is written for what was not committed.

    A cancel does the same as a power cut, cleanly: the uncommitted group is rolled back and `Cancelled` raised.
    The groups committed before stay imported, each bundle whole with its receipt; `Cancelled.partial` holds their
    outcomes (an empty list, and the plain "nothing was changed", when there were none).
    """
    if received_on is not None and received_on > session.today():
        raise UserError("import.received_future", date=received_on.strftime("%d/%m/%Y"))
    files = bundle_files(paths)
    if not files:
        raise UserError("import.nothing", paths=", ".join(str(path) for path in paths))
    outcomes: list[FileOutcome] = []
    committed = 0  # outcomes[:committed] are committed
    job = check_job(session)
    group: list[tuple[FileOutcome, Prepared]] = []
    state = {"records": 0, "started": time.monotonic()}
    prepared_files = _prepared_in_order(files, job, cancel)
    session.begin()
    try:
        for done, (path, prepared) in enumerate(prepared_files, start=1):
            check_cancel(cancel)
            records = 0 if isinstance(prepared, UserError) else len(prepared.records or [])  # dropped once applied
            try:
                if isinstance(prepared, UserError):
                    raise prepared
                outcome = import_prepared(session, prepared, receipts_dir, write_receipts=False,
                                          received_on=received_on)
            except Cancelled:
                raise
            except UserError as error:
                log.info("refused %s: %s", path.name, error.code)
                outcome = FileOutcome(path, "refused", error=error)
            outcomes.append(outcome)
            if outcome.state == "imported":
                group.append((outcome, prepared))
                state["records"] += records
            if state["records"] >= GROUP_RECORDS or time.monotonic() - state["started"] > GROUP_SECONDS:
                _commit_group(session, group, receipts_dir)
                committed = len(outcomes)
                state.update(records=0, started=time.monotonic())
                session.begin()
            if progress is not None:
                progress(done, len(files))
        check_cancel(cancel)
        _commit_group(session, group, receipts_dir)
        committed = len(outcomes)
        if sum(o.plan.added + o.plan.updated for o in outcomes if o.plan is not None) >= 1000:
            session.store.settle(seconds=0.5)  # an office imports more than it types: keep imports fast
    except Cancelled:
        kept = outcomes[:committed]
        imported = sum(1 for outcome in kept if outcome.state in ("imported", "receipt"))
        log.info("import cancelled after %d file(s) committed", imported)
        if imported:
            raise Cancelled("import.cancelled", partial=kept, count=imported) from None
        raise Cancelled(partial=kept) from None
    finally:
        if session.db.conn.in_transaction:
            session.db.conn.rollback()
        prepared_files.close()  # a cancel leaves checks queued in the worker processes: stop them
    return outcomes


def _commit_group(session: Session, group: list[tuple[FileOutcome, Prepared]], receipts_dir: Path | None) -> None:
    session.db.execute("COMMIT")
    for outcome, prepared in group:
        try:
            outcome.receipt = write_receipt(session, prepared, outcome.plan, receipts_dir or prepared.path.parent)
        except UserError as error:
            outcome.receipt_error = error
        outcome.plan.release()
    group.clear()


def import_prepared(session: Session, bundle: Prepared, receipts_dir: Path | None = None,
                    write_receipts: bool = True, received_on: dt.date | None = None) -> FileOutcome:
    path = bundle.path
    verified = VerifyResult(bundle, trust_of(session, bundle.signer))
    if verified.trust == "own":  # a receipt or bundle this workstation made, lying in the same folder
        manifest = bundle.manifest
        return FileOutcome(path, "own", kind=bundle.kind, unit=manifest["unit"], unit_name=manifest["unit_name"],
                           period=manifest["period"])
    refusal = verified.refusal()
    if refusal is not None:
        raise refusal
    session.require("action.import", *EXPORTERS)
    if bundle.kind == "receipt":
        return _apply_receipt(session, open_bundle(path))
    if session.role != "office":
        raise UserError("import.not_office", path=str(path))
    manifest = bundle.manifest
    outcome = FileOutcome(path, "imported", unit=manifest["unit"], unit_name=manifest["unit_name"],
                          period=manifest["period"], sequence=manifest["sequence"],
                          clear=manifest.get("encryption") is None, version=manifest["format_version"])
    known = session.db.execute("SELECT bundle_hash FROM bundles_received WHERE bundle_id = ?",
                               (manifest["bundle_id"],)).fetchone()
    if known is not None:
        if known[0] != bundle.hash:
            raise damaged(path, "bundle.reason.reused_id")
        outcome.state = "already"
        return outcome
    if manifest["format_version"] < 3 and session.db.execute(
            "SELECT 1 FROM bundles_received WHERE signer = ? AND kind = 'report' AND format_version >= 3 LIMIT 1",
            (bundle.signer.fingerprint,)).fetchone():
        raise BundleDamaged("bundle.downgrade", path=str(path), version=manifest["format_version"],
                            unit=manifest["unit"], name=manifest["unit_name"])
    if bundle.signer.role == "commune" and session.codelists.province_of(bundle.signer.unit) != session.unit:
        raise UserError("bundle.not_our_area", path=str(path), unit=bundle.signer.unit, province=session.unit)
    period = Period.parse(manifest["period"])  # checked with the manifest
    day = received_on or session.today()
    if day < period.start:
        raise UserError("import.received_before_period", path=str(path), date=day.strftime("%d/%m/%Y"),
                        period=str(period))
    if bundle.error is not None:
        raise bundle.error
    facts = bundle.facts or {}
    outcome.nil, outcome.received_on, outcome.interim = bool(facts.get("nil")), day.isoformat(), day <= period.end
    plan = _plan(session, bundle.records or [], bundle.incidents or [])
    outcome.plan = plan
    outcome.flags = _apply(session, bundle, plan, outcome)
    bundle.records = bundle.stored = bundle.indexed = bundle.incidents = None
    if write_receipts:
        try:
            outcome.receipt = write_receipt(session, bundle, plan, receipts_dir or path.parent)
        except UserError as error:
            outcome.receipt_error = error
        plan.release()
    return outcome


def _plan(session: Session, records: list[dict[str, Any]], incidents: list[dict[str, Any]] = ()) -> Plan:
    """Sort the bundle's accidents and incidents into new, newer, older, unchanged and conflicting versions."""
    plan = Plan()
    void = _held_void(session, "accidents", [record["id"] for record in records])
    held, owners = _held(session, "accidents", [record["id"] for record in records])
    # An id held as the other kind of record is never taken over either: one id is one record.
    _, other_kind = _held(session, "incidents", [record["id"] for record in records])
    owners.update({record_id: "" for record_id in other_kind})

    def stored_accident(accident_id: str, version: int) -> dict[str, Any] | None:
        row = session.db.execute("SELECT data FROM accident_versions WHERE id = ? AND version = ?",
                                 (accident_id, version)).fetchone()
        return json.loads(row[0]) if row else None

    _plan_part(plan, records, held, stored_accident, plan.write, void, owners=owners)
    added, unchanged = plan.added, plan.unchanged
    incident_ids = [i["id"] for i in incidents]
    held_incidents, incident_owners = _held(session, "incidents", incident_ids)
    _, accident_kind = _held(session, "accidents", incident_ids)
    incident_owners.update({record_id: "" for record_id in accident_kind})
    _plan_part(plan, list(incidents), held_incidents, session.incidents.stored_version,
               plan.write_incidents, _held_void(session, "incidents", incident_ids), incident=True,
               owners=incident_owners)
    plan.incidents_added, plan.incidents_unchanged = plan.added - added, plan.unchanged - unchanged
    return plan


def _held(session: Session, table: str, ids: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """The version held of each of *ids* known here, and the unit that owns it."""
    versions: dict[str, int] = {}
    owners: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for record_id, version, unit in session.db.execute(
                f"SELECT id, version, unit FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            versions[record_id], owners[record_id] = version, unit
    return versions, owners


def _held_void(session: Session, table: str, ids: list[str]) -> set[str]:
    """Which of *ids* are held here as void (an import that voids a record says 'voided', not 'updated')."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(row[0] for row in session.db.execute(
            f"SELECT id FROM {table} WHERE status = 'void' AND id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def _plan_part(plan: Plan, records: list[dict[str, Any]], held: dict[str, int],
               stored_version: Callable[[str, int], dict[str, Any] | None], write: list[dict[str, Any]],
               held_void: set[str] = frozenset(), incident: bool = False,
               owners: dict[str, str] | None = None) -> None:
    """A record belongs to the unit that created it: one that another unit holds here (another commune's id in
    this bundle, by a forgery or a data folder copied between two PCs) is never written over, whatever its
    version; it is kept aside as a conflict, and the rest of the bundle imports."""
    for record in records:
        current = held.get(record["id"])
        version = record["version"]
        owner = (owners or {}).get(record["id"])
        if owner is not None and owner != record.get("unit"):
            plan.conflicts.append(record)
            plan.outcomes.append((record["id"], version, "conflict"))
            continue
        if current is None or version > current:
            exists = stored_version(record["id"], version) if current is not None else None
            if exists is not None and content_of(exists) != content_of(record):
                plan.conflicts.append(record)
                plan.outcomes.append((record["id"], version, "conflict"))
                continue
            write.append(record)
            if current is None:
                plan.added += 1
                action = "added"
            else:
                plan.updated += 1
                action = "voided" if record.get("status") == "void" and record["id"] not in held_void else "updated"
            plan.changed.note(record["id"], action, incident)
            plan.outcomes.append((record["id"], version, "accepted"))
        elif version < current:
            plan.older += 1
            plan.outcomes.append((record["id"], version, "older"))
        else:
            stored = stored_version(record["id"], current)
            if stored is not None and content_of(stored) == content_of(record):
                plan.unchanged += 1
                plan.outcomes.append((record["id"], version, "accepted"))
            else:
                plan.conflicts.append(record)
                plan.outcomes.append((record["id"], version, "conflict"))


def _chain_flags(session: Session, bundle: Prepared, audit: dict[str, Any] | None) -> list[tuple[str, str, dict]]:
    """What is wrong with this bundle's place in its sender's chain, against the bundles held from the same key:
    (kind, other bundle id, detail) for a sequence number used twice, a `previous_hash` that is not the hash of
    the bundle held before it (or the bundle held after it not pointing to this one), and an audit history that
    does not extend the one an earlier bundle announced. Whatever the order the bundles arrive in, each pair is
    judged once, by the later-numbered bundle's checkpoints. Shown at the office to settle, never silently
    stored."""
    manifest = bundle.manifest
    sequence = manifest["sequence"]
    flags: list[tuple[str, str, dict]] = []
    rows = session.db.execute(
        "SELECT bundle_id, bundle_hash, sequence, previous_hash, audit_length, audit_head, audit_checkpoints"
        " FROM bundles_received WHERE kind = 'report' AND signer = ?", (bundle.signer.fingerprint,)).fetchall()
    for other_id, other_hash, other_sequence, other_previous, length, head_hash, checkpoints in rows:
        if type(other_sequence) is not int:
            continue
        if other_sequence == sequence:
            flags.append(("sequence_reused", other_id, {"sequence": sequence}))
            continue
        if other_sequence == sequence - 1 and manifest["previous_hash"] != other_hash:
            flags.append(("chain_broken", other_id, {"sequence": sequence, "before": other_sequence}))
        elif other_sequence == sequence + 1 and other_previous != bundle.hash:
            flags.append(("chain_broken", other_id, {"sequence": sequence, "after": other_sequence}))
        if audit is None or type(length) is not int or not isinstance(head_hash, str):
            continue
        held = {"length": length, "head": head_hash, "checkpoints": _points(checkpoints), "sequence": other_sequence}
        this = {**audit, "sequence": sequence}
        earlier, later = (held, this) if other_sequence < sequence else (this, held)
        if _rewritten(earlier, later):
            flags.append(("history_rewritten", other_id, {"sequence": sequence, "other_sequence": other_sequence,
                                                          "length": audit["length"], "other_length": length}))
    return flags


CHECKPOINT_SPAN = 16  # app.services.audit.CHECKPOINTS: the sender's last bundles re-stated in each


def _points(text: Any) -> list[list]:
    """The checkpoints stored with a received bundle (checked when it was imported); none if unreadable."""
    try:
        points = json.loads(text) if isinstance(text, str) else []
    except ValueError:
        return []
    return [point for point in points if isinstance(point, list) and len(point) == 2] if isinstance(points, list) \
        else []


def _rewritten(earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    """True when the audit anchor of a later bundle does not extend the earlier bundle's: its log is shorter, or
    it holds another hash at the earlier length (re-stated in its checkpoints, or its own head at that length),
    or it leaves out the checkpoint of one of the 16 bundles before it."""
    if later["length"] < earlier["length"]:
        return True
    if later["length"] == earlier["length"]:
        return later["head"] != earlier["head"]
    points = {at: value for at, value in later["checkpoints"]}
    if earlier["length"] not in points:
        # The sender re-states the lengths of its last 16 bundles: one missing means its list of sent bundles
        # was edited or lost (a dropped checkpoint would otherwise hide a rewrite).
        return later["sequence"] - earlier["sequence"] <= CHECKPOINT_SPAN
    return points[earlier["length"]] != earlier["head"]


def _apply(session: Session, bundle: Prepared, plan: Plan, outcome: FileOutcome) -> list[str]:
    """Write the plan, the bundle's row and its chain flags in one transaction with the audit row; returns the
    kinds of the flags raised."""
    manifest = bundle.manifest
    facts = bundle.facts or {}
    audit = facts.get("audit")
    now = utc_now()
    origin = f"bundle:{manifest['bundle_id']}"
    with session.transaction():
        flags = _chain_flags(session, bundle, audit)
        session.store.write_many(plan.write, origin=origin, stored=getattr(bundle, "stored", None),
                                 indexed=getattr(bundle, "indexed", None))
        session.incidents.write_many(plan.write_incidents, origin=origin)
        session.db.conn.executemany(
            "INSERT OR IGNORE INTO conflicts (accident_id, version, bundle_id, unit, data, found_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(r["id"], r["version"], manifest["bundle_id"], r["unit"],
              json.dumps(r, ensure_ascii=False, separators=(",", ":")), now) for r in plan.conflicts])
        session.db["bundles_received"].insert({
            "bundle_id": manifest["bundle_id"], "bundle_hash": bundle.hash, "kind": "report",
            "unit": manifest["unit"], "unit_name": manifest["unit_name"], "signer": bundle.signer.fingerprint,
            "period": manifest["period"], "sequence": manifest["sequence"],
            "previous_hash": manifest["previous_hash"], "created_at": manifest["created_at"],
            "imported_at": now, "imported_by": session.user, "nil": int(bool(facts.get("nil"))),
            "records": facts["counts"]["accidents"], "added": plan.added, "updated": plan.updated,
            "unchanged": plan.unchanged, "older": plan.older, "conflicts": len(plan.conflicts),
            "contains": json.dumps(facts["contains"]) if facts.get("contains") else None,
            "file_name": safe_name(bundle.path), "received_on": outcome.received_on,
            "format_version": manifest["format_version"], "encrypted": int(not outcome.clear),
            "audit_length": audit["length"] if audit else None, "audit_head": audit["head"] if audit else None,
            "audit_checkpoints": json.dumps(audit["checkpoints"]) if audit else None,
        })
        session.db.conn.executemany(
            "INSERT OR IGNORE INTO bundle_flags (kind, bundle_id, other_bundle_id, unit, signer, detail, found_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(kind, manifest["bundle_id"], other, manifest["unit"], bundle.signer.fingerprint,
              json.dumps(detail), now) for kind, other, detail in flags])
        session.audit.append(session.user, "import", "bundle", manifest["bundle_id"], {
            "unit": manifest["unit"], "period": manifest["period"], "sequence": manifest["sequence"],
            "added": plan.added, "updated": plan.updated, "unchanged": plan.unchanged, "older": plan.older,
            "conflicts": len(plan.conflicts), "received_on": outcome.received_on,
            **({"flags": sorted({kind for kind, _, _ in flags})} if flags else {}),
        })
    return sorted({kind for kind, _, _ in flags})


def safe_name(path: Path) -> str:
    """A file's name as text that can be stored and printed: a name from a stick written by another system may
    hold bytes that are not UTF-8 (Python keeps them as lone surrogates, which SQLite and the terminal refuse)."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# Receipts.
def receipt_name(manifest: dict[str, Any]) -> str:
    return f"bien-nhan-{manifest['unit']}-{manifest['period']}-{manifest['sequence']}.tnld"


def write_receipt(session: Session, bundle: Prepared, plan: Plan, folder: Path) -> Path:
    """The office's signed receipt for an imported bundle: which record versions it holds now. Encrypted to the
    commune that signed the bundle (its card is registered here, or the bundle would not have been imported):
    the list of record ids of a small commune's period says too much to travel in clear."""
    manifest = bundle.manifest
    identity = own_identity(session)
    body = {
        "bundle_id": manifest["bundle_id"], "bundle_hash": bundle.hash, "unit": manifest["unit"],
        "period": manifest["period"], "sequence": manifest["sequence"], "imported_at": utc_now(),
        "records": [list(outcome) for outcome in plan.outcomes],
    }
    receipt_manifest = {
        "kind": "receipt", "period": manifest["period"], "created_at": utc_now(),
        "receipt_for": {"bundle_id": manifest["bundle_id"], "bundle_hash": bundle.hash, "unit": manifest["unit"],
                        "sequence": manifest["sequence"]},
    }
    parts = [Part(RECEIPT, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")]
    target = Path(folder) / receipt_name(manifest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # --receipts DIR is made if need be
        target = output_file(target, force=True)  # an earlier receipt for the same bundle is replaced; a device is not
        build(target, identity, receipt_manifest, parts, bundle.signer)
    except (OSError, UserError):
        fallback = session.datadir.path / "receipts" / receipt_name(manifest)
        try:
            build(fallback, identity, receipt_manifest, parts, bundle.signer)
        except OSError as exc:
            raise write_failed(fallback, exc) from None
        target = fallback
    return target


def _apply_receipt(session: Session, bundle: OpenedBundle) -> FileOutcome:
    """Mark as delivered what a receipt acknowledges. Only a receipt signed by the office the bundle was encrypted
    to counts (an office signs receipts; another office the commune also trusts cannot)."""
    manifest = bundle.manifest
    target = manifest["receipt_for"]
    outcome = FileOutcome(bundle.path, "receipt", kind="receipt", unit=manifest["unit"],
                          unit_name=manifest["unit_name"], period=manifest["period"],
                          sequence=target.get("sequence"))
    sent = session.db.execute("SELECT bundle_hash, recipient, recipient_fingerprint, sequence FROM bundles_sent"
                              " WHERE bundle_id = ?", (target.get("bundle_id"),)).fetchone()
    if sent is None or sent[0] != target.get("bundle_hash") or target.get("unit") != session.unit or \
            sent[3] != target.get("sequence"):
        raise UserError("receipt.not_ours", path=str(bundle.path))
    if (sent[2] is not None and sent[2] != bundle.signer.fingerprint) or (
            sent[2] is None and sent[1] is not None and sent[1] != bundle.signer.unit):
        raise UserError("receipt.wrong_office", path=str(bundle.path), unit=bundle.signer.unit,
                        name=bundle.signer.unit_name)
    if session.db.execute("SELECT 1 FROM bundles_received WHERE bundle_id = ?",
                          (manifest["bundle_id"],)).fetchone():
        outcome.state = "already"
        return outcome
    accepted = check_receipt_body(bundle.path, manifest, bundle.clear_parts(own_identity(session))[RECEIPT])
    now = utc_now()
    with session.transaction():
        before = session.db.conn.total_changes
        session.db.conn.executemany(
            "UPDATE sent_records SET delivered_at = ? WHERE accident_id = ? AND version = ? AND bundle_id = ?"
            " AND delivered_at IS NULL",
            [(now, accident_id, version, target["bundle_id"]) for accident_id, version in accepted])
        outcome.delivered = session.db.conn.total_changes - before
        session.db["bundles_received"].insert({
            "bundle_id": manifest["bundle_id"], "bundle_hash": bundle.hash, "kind": "receipt",
            "unit": manifest["unit"], "unit_name": manifest["unit_name"], "signer": bundle.signer.fingerprint,
            "period": manifest["period"], "sequence": 0, "previous_hash": None,
            "created_at": manifest["created_at"], "imported_at": now, "imported_by": session.user, "nil": 0,
            "records": len(accepted), "contains": None, "file_name": safe_name(bundle.path),
            "received_on": session.today().isoformat(), "format_version": manifest["format_version"],
            "encrypted": int(bundle.encrypted),
        })
        session.audit.append(session.user, "receipt", "bundle", target["bundle_id"],
                             {"office": manifest["unit"], "delivered": outcome.delivered})
    return outcome


def conflicts(session: Session) -> list[dict[str, Any]]:
    return list(session.db.query(
        "SELECT accident_id, version, bundle_id, unit, found_at FROM conflicts ORDER BY found_at, accident_id"))
