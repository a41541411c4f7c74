"""This workstation's keys, its key card, and the registry of trusted cards (SPEC § 5).

Keys are made at `init` (and, for a data folder set up before bundles existed, the first time they are needed).
A card is trusted by an admin after reading its fingerprint out over the phone; a second card for the same unit
with another key is refused unless the admin replaces the old one, which the audit log records.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import UserError
from app.core.filekinds import wrong_kind
from app.core.fsutil import atomic_write_bytes, input_file, read_input, write_failed
from app.db.accident_store import utc_now
from app.db.audit import AuditLog
from app.db.connection import write_transaction
from app.exchange.identity import (
    Identity,
    PublicIdentity,
    card_bytes,
    new_identity,
    parse_card,
    phone_groups,
    seal_identity,
    unseal_identity,
)
from app.services.workspace import Session

log = logging.getLogger(__name__)


def create_identity(db: Database, db_key: bytes, user: str, role: str, unit: str, unit_name: str) -> Identity:
    """Make and store this workstation's keys, with their audit row, in one transaction."""
    identity = new_identity(role, unit, unit_name)
    with write_transaction(db):
        db["own_keys"].insert({"id": 1, "created_at": utc_now(), **seal_identity(identity, db_key)})
        AuditLog(db).append(user, "keys_create", "key", identity.public.fingerprint[:16])
    log.info("created the workstation's keys")
    return identity


def own_identity(session: Session) -> Identity:
    """This workstation's keys (made now if the data folder predates them)."""
    cached = getattr(session, "_identity", None)
    if cached is not None:
        return cached
    row = session.db.execute(
        "SELECT certificate, sealed_signing_key, sealed_encryption_key FROM own_keys WHERE id = 1").fetchone()
    if row is None:
        identity = create_identity(session.db, session.key, session.user, session.role, session.unit,
                                   session.unit_name)
    else:
        identity = unseal_identity(
            {"certificate": row[0], "sealed_signing_key": row[1], "sealed_encryption_key": row[2]}, session.key)
    session._identity = identity  # type: ignore[attr-defined]
    return identity


def write_card(session: Session, out: Path) -> PublicIdentity:
    """Write this workstation's key card to *out* (it holds public keys only)."""
    public = own_identity(session).public
    try:
        atomic_write_bytes(Path(out), card_bytes(public))
    except OSError as exc:
        raise write_failed(Path(out), exc) from None
    return public


@dataclass(frozen=True)
class TrustResult:
    card: PublicIdentity
    action: str  # 'trusted', 'already', 'replaced'
    replaced: str | None = None  # the fingerprint of the card it replaced

    @property
    def phone(self) -> str:
        return phone_groups(self.card.fingerprint)


def read_card(path: Path) -> PublicIdentity:
    from app.exchange.identity import MAX_CARD_BYTES

    path = input_file(path)
    try:
        path, data = read_input(path, MAX_CARD_BYTES)
        return parse_card(data, str(path))
    except UserError as error:  # a bundle or a backup given instead of a card: say so
        raise wrong_kind(path, expected=("card",), quiet=("json", "other", "zip", "empty")) or error from None


def _check_card_fits(session: Session, card: PublicIdentity, path: Path) -> None:
    codes = session.codelists
    if card.fingerprint == own_identity(session).public.fingerprint:
        raise UserError("card.own", path=str(path))
    if card.role == "commune":
        if not codes.is_commune(card.unit):
            raise UserError("card.unknown_unit", path=str(path), unit=card.unit)
        if session.role == "commune":
            raise UserError("card.commune_at_commune", path=str(path), unit=card.unit, name=card.unit_name)
        if codes.province_of(card.unit) != session.unit:
            raise UserError("card.not_in_area", path=str(path), unit=card.unit, name=card.unit_name,
                            province=session.unit)
    elif not codes.is_province(card.unit):
        raise UserError("card.unknown_unit", path=str(path), unit=card.unit)


def trust_card(session: Session, path: Path, replace: bool = False) -> TrustResult:
    """Register the key card at *path* (admin). Refuses a new key for a unit already registered unless *replace*."""
    session.require("action.manage_keys", "admin")
    card = read_card(path)
    _check_card_fits(session, card, Path(path))
    row = session.db.execute(
        "SELECT fingerprint FROM trusted_keys WHERE identity = ? AND replaced_at IS NULL", (card.identity,)).fetchone()
    if row is not None and row[0] == card.fingerprint:
        return TrustResult(card, "already")
    if session.db.execute("SELECT 1 FROM trusted_keys WHERE fingerprint = ?", (card.fingerprint,)).fetchone():
        raise UserError("card.was_replaced", path=str(path), unit=card.unit)
    if row is not None and not replace:
        raise UserError("card.changed", path=str(path), unit=card.unit, name=card.unit_name,
                        old=phone_groups(row[0]), new=phone_groups(card.fingerprint))
    now = utc_now()
    with session.transaction():
        if row is not None:
            session.db.execute("UPDATE trusted_keys SET replaced_at = ? WHERE fingerprint = ?", (now, row[0]))
        session.db["trusted_keys"].insert({
            "fingerprint": card.fingerprint, "identity": card.identity, "role": card.role, "unit": card.unit,
            "unit_name": card.unit_name, "certificate": card.pem(), "trusted_at": now, "trusted_by": session.user,
            "replaced_at": None,
        })
        session.audit.append(session.user, "key_replace" if row is not None else "key_trust", "key", card.unit,
                             {"fingerprint": card.fingerprint[:16], "role": card.role,
                              **({"replaced": row[0][:16]} if row is not None else {})})
    return TrustResult(card, "replaced" if row is not None else "trusted", row[0] if row is not None else None)


def trusted(session: Session, include_replaced: bool = False) -> list[dict]:
    sql = "SELECT fingerprint, role, unit, unit_name, trusted_at, trusted_by, replaced_at FROM trusted_keys"
    if not include_replaced:
        sql += " WHERE replaced_at IS NULL"
    return list(session.db.query(sql + " ORDER BY role DESC, unit"))


def trust_of(session: Session, signer: PublicIdentity) -> str:
    """'own', 'trusted', 'replaced' (a key this registry once trusted), 'changed' (the unit is registered with
    another key) or 'unknown'."""
    if signer.fingerprint == own_identity(session).public.fingerprint:
        return "own"
    row = session.db.execute("SELECT replaced_at FROM trusted_keys WHERE fingerprint = ?",
                             (signer.fingerprint,)).fetchone()
    if row is not None:
        return "trusted" if row[0] is None else "replaced"
    known = session.db.execute("SELECT 1 FROM trusted_keys WHERE identity = ? AND replaced_at IS NULL",
                               (signer.identity,)).fetchone()
    return "changed" if known else "unknown"


def office_recipients(session: Session) -> list[PublicIdentity]:
    """The trusted office cards this workstation may encrypt its bundles to."""
    from app.exchange.identity import load_certificate

    rows = session.db.execute(
        "SELECT certificate FROM trusted_keys WHERE role = 'office' AND replaced_at IS NULL ORDER BY unit").fetchall()
    own = own_identity(session).public.fingerprint
    cards = [load_certificate(row[0].encode("ascii")) for row in rows]
    return [card for card in cards if card.fingerprint != own]
