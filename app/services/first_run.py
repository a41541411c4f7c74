"""Setting up and unlocking a data folder from the desktop program, where the slow parts run on a worker thread.

Key derivation (scrypt, about a second) must not freeze a window, so the desktop's set-up wizard and login dialog
call these on a worker thread. SQLite connections belong to the thread that opened them: `login_for_handover`
closes the new session's connection on the worker, and the thread that goes on with the session (the GUI
thread) opens its own with `take_over`, which costs milliseconds (the key is already unwrapped).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import UserError
from app.services.workspace import InitResult, Session, Waiting, initialise, login

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardInfo:
    """A key card as the wizard shows it before trusting it: whose it is, and the fingerprint to read aloud."""

    path: Path
    role: str
    unit: str
    unit_name: str
    phone: str  # the fingerprint in groups of five digits


@dataclass(frozen=True)
class SetUp:
    """What the wizard's set-up did: the folder (always, when this is returned) and the office's card (maybe)."""

    result: InitResult
    card: CardInfo | None = None  # the office's card, trusted
    card_error: UserError | None = None  # why the card could not be trusted (the folder is set up all the same)


def look_at_card(path: Path) -> CardInfo:
    """Read an office's key card for a commune's set-up, refusing anything that is not an office's card."""
    from app.exchange.identity import phone_groups
    from app.services.keys import read_card

    card = read_card(Path(path))
    if card.role != "office":
        raise UserError("card.commune_at_commune", path=str(path), unit=card.unit, name=card.unit_name)
    return CardInfo(Path(path), card.role, card.unit, card.unit_name, phone_groups(card.fingerprint))


def set_up(path: Path, *, role: str, unit: str, admin: str, password: str, office_name: str | None = None,
           office_card: Path | None = None) -> SetUp:
    """Initialise *path* (`workspace.initialise`) and, for a commune given its office's card, trust that card
    with the new admin's first login. A card that cannot be trusted leaves the folder set up and says why: the
    recovery code must be shown whatever happens to the card."""
    result = initialise(Path(path), role=role, unit=unit, admin=admin, password=password, office_name=office_name)
    if office_card is None:
        return SetUp(result)
    from app.services.keys import trust_card

    try:
        card = look_at_card(office_card)
        with login(Path(path), admin, password) as session:
            trust_card(session, Path(office_card))
    except UserError as error:
        log.warning("the office's card given at set-up was not trusted: %s", error.code)
        return SetUp(result, card_error=error)
    return SetUp(result, card=card)


def login_for_handover(path: Path, user: str | None, password: str | None, *,
                       on_wait: Waiting | None = None) -> Session:
    """`workspace.login` on a worker thread, for a session another thread goes on with: the connection opened
    here is closed here (the folder's lock stays held); the other thread calls `take_over` first."""
    session = login(Path(path), user, password, on_wait=on_wait)
    try:
        session.db.close()
    except BaseException:
        session.close()
        raise
    return session


def take_over(session: Session) -> None:
    """On the thread that goes on with a session from `login_for_handover`: its own connection."""
    try:
        session.reopen()
    except BaseException:
        abandon(session)
        raise


def abandon(session: Session) -> None:
    """Let go of a session from `login_for_handover` that no thread took over (its window was closed during the
    login): the folder's lock is released; the connection was already closed on the worker."""
    if session.lock is not None and session.lock.held:
        session.lock.release()
