"""What the desktop's send window shows (SPEC § 5, § 7): what an export of a period would send, the bundles this
workstation sent and which of them an office receipt confirmed, and fingerprints as people read them aloud.

The export and the import of a receipt themselves are `app.services.exchange.export_bundle` / `import_files`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import UserError
from app.core.periods import Period
from app.exchange.identity import PublicIdentity, phone_groups
from app.services.workspace import Session


@dataclass(frozen=True)
class SentBundle:
    """A bundle this workstation made; `confirmed_at` is when a receipt for it was imported (None: not yet)."""

    sequence: int
    bundle_id: str
    bundle_hash: str
    period: str
    created_at: str
    file_name: str
    records: int
    recipient: str | None
    delivered: int  # record versions the office's receipt acknowledged
    confirmed_at: str | None

    @property
    def fingerprint(self) -> str:
        return bundle_fingerprint(self.bundle_hash)

    @property
    def nil(self) -> bool:
        return self.records == 0


@dataclass(frozen=True)
class ExportPreview:
    """What `export_bundle` of *period* would put in the bundle now."""

    period: str
    accidents: int  # records of the period, voids included (a void travels upward)
    victims: int
    voids: int
    incidents: int
    new: int  # records (accidents and incidents) never sent
    changed: int  # records sent before in an older version: this bundle carries the new one
    already_sent: int  # records whose current version an earlier bundle carried
    interim: bool  # the period has not ended: an interim report (or refused when there is nothing to send)
    office: PublicIdentity | None  # the office the bundle is encrypted to; None with `office_problem`
    office_problem: UserError | None = None
    bundles: list[SentBundle] = field(default_factory=list)  # earlier bundles of this period

    @property
    def nil(self) -> bool:
        return self.accidents == 0 and self.incidents == 0


def bundle_fingerprint(bundle_hash: str) -> str:
    """A bundle's hash as six groups of five digits (as key cards are read: docs/bundle-format.md § 2.2), for the
    commune and the office to compare over the phone that the office holds the very file sent."""
    return phone_groups(bundle_hash)


def export_preview(session: Session, period: Period) -> ExportPreview:
    """The records an export of *period* would carry, how many of them went already, and the office card."""
    from app.services.exchange import choose_recipient

    start, end = period.start.isoformat(), period.end.isoformat()
    accidents, victims, voids, current, older = session.db.execute(
        "SELECT count(*), coalesce(sum(a.victims), 0), coalesce(sum(a.status = 'void'), 0),"
        " coalesce(sum(EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = a.id AND s.version = a.version)), 0),"
        " coalesce(sum(EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = a.id AND s.version < a.version)"
        "    AND NOT EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = a.id AND s.version = a.version)), 0)"
        " FROM accidents a WHERE a.occurred_on BETWEEN ? AND ?", (start, end)).fetchone()
    incidents, incidents_current, incidents_older = session.db.execute(
        "SELECT count(*),"
        " coalesce(sum(EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = i.id AND s.version = i.version)), 0),"
        " coalesce(sum(EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = i.id AND s.version < i.version)"
        "    AND NOT EXISTS (SELECT 1 FROM sent_records s WHERE s.accident_id = i.id AND s.version = i.version)), 0)"
        " FROM incidents i WHERE i.occurred_on BETWEEN ? AND ?", (start, end)).fetchone()
    office, problem = None, None
    try:
        office = choose_recipient(session, None)
        if office is None:
            problem = UserError("export.no_office_card")
    except UserError as error:
        problem = error
    already = current + incidents_current
    changed = older + incidents_older
    return ExportPreview(
        str(period), accidents, victims, voids, incidents, accidents + incidents - already - changed, changed,
        already, period.end >= session.today(), office, problem,
        [bundle for bundle in sent_bundles(session) if bundle.period == str(period)])


def sent_bundles(session: Session) -> list[SentBundle]:
    """Every bundle this workstation made, newest first, with its receipt state."""
    confirmed = {entity_id: at for entity_id, at in session.db.execute(
        "SELECT entity_id, min(at) FROM audit WHERE action = 'receipt' AND entity = 'bundle' GROUP BY entity_id")}
    rows = session.db.execute(
        "SELECT b.sequence, b.bundle_id, b.bundle_hash, b.period, b.created_at, b.file_name, b.records, b.recipient,"
        " (SELECT count(*) FROM sent_records s WHERE s.bundle_id = b.bundle_id AND s.delivered_at IS NOT NULL)"
        " FROM bundles_sent b ORDER BY b.sequence DESC").fetchall()
    return [SentBundle(*row, confirmed_at=confirmed.get(row[1])) for row in rows]


def bundle_path(session: Session, period: Period, folder: Path) -> Path:
    """A new file in *folder* for the bundle of *period*: `tnld-06040-2026-H1.tnld`, or `…-2.tnld`, `…-3.tnld`
    when the stick holds an earlier one (never written over: the office may not have read it yet)."""
    base = f"tnld-{session.unit}-{period}"
    candidate = Path(folder) / f"{base}.tnld"
    number = 1
    while candidate.exists():
        number += 1
        candidate = Path(folder) / f"{base}-{number}.tnld"
    return candidate
