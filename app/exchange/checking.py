"""Checking a bundle's content before import: open, verify, decrypt, parse and validate every record.

Pure (no database), so an import of many files can run it in a worker process for the next bundle while the
office's database takes the current one: on two cores that halves the time of a hundred bundles (SPEC § 10).
Trust and everything else that needs the database is decided afterwards, in `app.services.exchange`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.core.codelists import CodeLists
from app.core.errors import Issue, UserError, ValidationFailed
from app.core.model import INCIDENT_KIND, parse_accident, parse_incident
from app.core.periods import Period
from app.core.rules import default_rules
from app.core.validation import (
    Context,
    merge_issues,
    normalise_for_storage,
    validate_accident,
    validate_incident,
)
from app.db.accident_store import IndexRows, index_rows, stored_json
from app.exchange.bundle import (
    INCIDENTS,
    RECORDS,
    ManifestView,
    OpenedBundle,
    Recipient,
    bad_field,
    open_bundle,
)
from app.exchange.identity import PublicIdentity, load_certificate

MAX_VERSION = 1_000_000  # versions of one record: stored in SQLite's 64-bit integers, counted by people


@dataclass(frozen=True)
class CheckJob:
    """What checking needs to know, in picklable form."""

    today: dt.date
    province: str
    codelists_dir: str
    fingerprint: str
    encryption_key: bytes  # raw X25519 private key of this office
    unit_name: str = ""  # this office's name, as its card gives it (a bundle's recipient must name it)
    known: frozenset[str] = frozenset()  # ids of bundles imported already: their records need no checking

    def recipient(self) -> Recipient:
        return Recipient(self.fingerprint, X25519PrivateKey.from_private_bytes(self.encryption_key))


@dataclass
class Prepared(ManifestView):
    """An intact bundle, with its records parsed and validated (or the reason they cannot be imported)."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signer_pem: bytes
    records: list[dict[str, Any]] | None = None
    stored: dict[str, str] | None = None  # each record's stored JSON, made here to spare the importing process
    indexed: dict[str, IndexRows] | None = None  # and its list columns, search text and victims' rows
    incidents: list[dict[str, Any]] | None = None
    facts: dict[str, Any] | None = None  # nil, counts, contains, audit… (format 3: from the encrypted summary)
    error: UserError | None = None

    @cached_property
    def signer(self) -> PublicIdentity:
        return load_certificate(self.signer_pem)


_CODELISTS: dict[str, CodeLists] = {}


def prepare(path: Path, job: CheckJob) -> Prepared:
    """Open and verify *path*; for a report not made here, decrypt and check every record.

    Raises `BundleDamaged` for a file that is not intact. Problems with the records (or a bundle for another
    office) are kept in `error`, so the caller can first say that an untrusted signer is untrusted.
    """
    bundle = open_bundle(Path(path))
    prepared = Prepared(bundle.path, bundle.manifest, bundle.manifest_bytes, bundle.signer.pem().encode("ascii"))
    if (bundle.kind == "report" and bundle.signer.fingerprint != job.fingerprint
            and bundle.manifest["bundle_id"] not in job.known):
        codelists = _CODELISTS.get(job.codelists_dir)
        if codelists is None:
            codelists = _CODELISTS[job.codelists_dir] = CodeLists(Path(job.codelists_dir))
        try:
            check_recipient(bundle, job.fingerprint, job.province, job.unit_name)
            prepared.records, prepared.incidents = checked_records(bundle, job.recipient(), codelists, job.today,
                                                                   job.province)
            prepared.facts = bundle.facts(job.recipient())
            prepared.stored = {record["id"]: stored_json(record) for record in prepared.records}
            rules = default_rules()
            prepared.indexed = {record["id"]: index_rows(record, rules) for record in prepared.records}
        except UserError as error:
            prepared.error = error
    return prepared


def check_recipient(bundle: OpenedBundle, fingerprint: str, unit: str, unit_name: str) -> None:
    """A bundle encrypted to this office names it: its key (else "for another office"), its unit and its name."""
    encryption = bundle.manifest.get("encryption")
    if encryption is None:
        return  # formats 1 and 2 in clear: the import says so
    if encryption["recipient_fingerprint"] != fingerprint:
        raise UserError("bundle.other_office", path=str(bundle.path), office=encryption["recipient_name"],
                        unit=encryption["recipient_unit"])
    if encryption["recipient_unit"] != unit:
        raise bad_field(bundle.path, "encryption.recipient_unit", "other_office")
    if unit_name and encryption["recipient_name"] != unit_name:
        raise bad_field(bundle.path, "encryption.recipient_name", "other_office")


def checked_records(bundle: OpenedBundle, recipient: Recipient, codelists: CodeLists, today: dt.date,
                    province: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse and validate every accident and incident; any problem refuses the whole bundle (naming part, line
    and field). Returns (accidents, incidents)."""
    facts = bundle.facts(recipient)
    where = "summary." if bundle.version >= 3 else ""
    ctx = Context(codelists, today, province=province, rules=default_rules())
    errors: list[Issue] = []
    owners = None if bundle.manifest["role"] == "commune" else {item["unit"] for item in facts["contains"]}
    records = _checked_part(bundle, recipient, ctx, errors, RECORDS, parse_accident, validate_accident, owners)
    incidents = _checked_part(bundle, recipient, ctx, errors, INCIDENTS, parse_incident, validate_incident, owners)
    accident_ids = {record.get("id") for record in records}
    for line, incident in enumerate(incidents, start=1):  # one id is one record: never both kinds
        if incident.get("id") in accident_ids:
            errors.append(Issue(f"{INCIDENTS}: id", "bundle.id_both_kinds", {"value": incident.get("id")}, line=line))
    if errors:
        raise ValidationFailed([Issue("", "bundle.invalid_records", {"path": str(bundle.path)}), *errors])
    counts = facts["counts"]
    held = {"accidents": len(records), "incidents": len(incidents),
            "victims": sum(len(record.get("victims") or []) for record in records),
            "void": sum(1 for record in records if record.get("status") == "void")}
    for name, value in held.items():
        if name in counts and counts[name] != value or name == "incidents" and bundle.version < 2 and value:
            raise bad_field(bundle.path, f"{where}counts.{name}", "counts")
    if bool(records or incidents) == facts["nil"]:
        raise bad_field(bundle.path, f"{where}nil", "counts")
    return records, incidents


def _checked_part(bundle: OpenedBundle, recipient: Recipient, ctx: Context, errors: list[Issue], part: str,
                  parse, validate, owners: set[str] | None) -> list[dict[str, Any]]:
    """The records of one part, parsed and validated; their problems are added to *errors*. A commune's records
    are its own; an office's are of the communes whose bundles it lists (*owners*). Each lies in the period."""
    manifest = bundle.manifest
    period = Period.parse(manifest["period"])
    first, last = period.start.isoformat(), period.end.isoformat()
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, raw in bundle.records(recipient, part):
        if part == INCIDENTS:
            raw = {**raw, "kind": INCIDENT_KIND}
        accident, parsed = parse(raw, keep_managed=True)
        issues = [issue for issue in merge_issues(parsed, validate(accident, ctx)) if issue.level == "error"]
        version = accident.get("version")
        if (not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= MAX_VERSION) and \
                not any(issue.field == "version" for issue in issues):
            issues.append(Issue("version", "bundle.record_version"))
        if not accident.get("updated_at") or not accident.get("created_at"):
            issues.append(Issue("updated_at", "field.required"))
        if owners is None and accident.get("unit") != manifest["unit"]:
            issues.append(Issue("unit", "bundle.record_other_unit", {"value": accident.get("unit"),
                                                                     "unit": manifest["unit"]}))
        elif owners is not None and accident.get("unit") not in owners:
            issues.append(Issue("unit", "bundle.record_not_contained", {"value": accident.get("unit")}))
        occurred = accident.get("occurred_on")
        if isinstance(occurred, str) and not first <= occurred <= last:
            issues.append(Issue("occurred_on", "bundle.record_outside_period",
                                {"value": occurred, "period": manifest["period"]}))
        if accident.get("id") in seen:
            issues.append(Issue("id", "jsonl.duplicate_id", {"first": seen[accident["id"]]}))
        elif accident.get("id"):
            seen[accident["id"]] = line
        errors.extend(issue.at_line(line) if part == RECORDS else Issue(f"{part}: {issue.field}", issue.code,
                                                                          issue.params, issue.level, line)
                      for issue in issues)
        records.append(normalise_for_storage(accident))
    return records
