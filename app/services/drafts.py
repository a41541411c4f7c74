"""Drafts of the desktop entry form, so that a power cut or a crash loses at most the field being typed.

The open form writes what it holds (the raw form content, valid or not) as it goes: one draft per open form
(`draft_id`), per user. A draft is not a record: it is never validated, sent, listed or audited, and it lives
only in the encrypted database (SQLCipher, WAL, `synchronous=FULL`). Saving the accident or dropping its
changes deletes the draft; the next login offers the drafts that are left (`drafts_of`). Nothing here logs the
content: it holds names and ID numbers.

A draft whose form is still open, in this program or in another one on the same folder (the same user logged
in twice), is not left over: offering it would let "Discard" delete the open form's safety net. The open form
holds a lock named after its draft (`hold`: `drafts/<id>.lock`, an OS lock, let go by the system when the
program dies), and `drafts_of` leaves out the drafts whose lock someone holds.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import UserError
from app.db.folderlock import FolderLock
from app.services.workspace import Session

log = logging.getLogger(__name__)

DRAFT_LIMIT = 2_000_000  # characters of JSON: far above any form (300 victims), refused beyond (a runaway paste)


@dataclass(frozen=True)
class Draft:
    """One unsaved form: when it was last written (Vietnam time, ISO), the accident it edits (None: a new one,
    whose id is in `content`), and the form's raw content in the interchange form."""

    id: str
    saved_at: str
    accident_id: str | None
    editing: bool
    content: dict[str, Any]


def save_draft(session: Session, draft_id: str, content: Mapping[str, Any], editing: bool = False) -> None:
    """Write (or overwrite) this user's draft *draft_id*. *editing*: the form edits a stored accident. Only a
    user who may save records (a viewer's or a demoted user's form keeps no draft)."""
    from app.services.records import WRITERS

    session.require("action.save_records", *WRITERS)
    data = json.dumps(content, ensure_ascii=False, sort_keys=True)
    if len(data) > DRAFT_LIMIT:
        return  # a draft is a safety net: a form this large is not worth stalling the typing for
    accident_id = content.get("id") if isinstance(content.get("id"), str) else None
    row = {"id": draft_id, "user": session.user, "saved_at": session.clock().isoformat(timespec="seconds"),
           "accident_id": accident_id, "editing": int(editing), "data": data}
    with session.transaction():
        owner = session.db.execute("SELECT user FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if owner is not None and owner[0] != session.user:
            return  # another user's draft id: never overwritten
        session.db["drafts"].upsert(row, pk="id")


def delete_draft(session: Session, draft_id: str) -> None:
    """Drop this user's draft (the form was saved, or its changes dropped): it is never offered again."""
    with session.transaction():
        session.db.execute("DELETE FROM drafts WHERE id = ? AND user = ?", (draft_id, session.user))


def _lock_folder(session: Session) -> Path:
    return session.datadir.path / "drafts"


def _lock_name(draft_id: str) -> str | None:
    """The lock file's name of a draft id (a UUID, as the form makes them); None for anything else."""
    try:
        return f"{uuid.UUID(str(draft_id))}.lock"
    except ValueError:
        return None


class DraftHold:
    """An open form's claim on its draft: held until `release` (or until the program dies)."""

    def __init__(self, lock: FolderLock | None) -> None:
        self._lock = lock

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.held

    def release(self, gone: bool = False) -> None:
        """Let go; *gone*: the draft was deleted (saved or dropped), so its lock file goes too."""
        lock, self._lock = self._lock, None
        if lock is None:
            return
        if gone:
            with contextlib.suppress(OSError):
                lock.path.unlink()
        lock.release()


def hold(session: Session, draft_id: str) -> DraftHold:
    """Claim *draft_id* for an open form. A folder that takes no lock file (read-only) gives an empty hold: the
    draft is then offered as before, which loses nothing."""
    return claim(session, draft_id) or DraftHold(None)


def claim(session: Session, draft_id: str) -> DraftHold | None:
    """Claim *draft_id* before anything is done with it (restore, discard); None when an open form holds it, in
    this program or another. A folder that takes no lock file gives an empty hold (claimed, unprotected)."""
    name = _lock_name(draft_id)
    if name is None:
        return DraftHold(None)
    try:
        _lock_folder(session).mkdir(mode=0o700, exist_ok=True)
        return DraftHold(FolderLock(_lock_folder(session), name).acquire(exclusive=True))
    except UserError as problem:  # datadir.in_use: someone holds it
        log.info("a draft is held by an open form: %s", problem.code)
        return None
    except OSError as problem:
        log.warning("a draft's lock was not taken: %s", problem)
        return DraftHold(None)


def in_use(session: Session, draft_id: str) -> bool:
    """True when an open form (in any program on this folder) holds *draft_id*."""
    name = _lock_name(draft_id)
    if name is None or not (_lock_folder(session) / name).exists():
        return False
    held = claim(session, draft_id)
    if held is None:
        return True
    held.release()
    return False


def drafts_of(session: Session, left_over: bool = True) -> list[Draft]:
    """This user's drafts, oldest first; *left_over*: not those of a form still open (here or in another program
    on the folder). Another user's drafts are theirs to restore."""
    found = []
    for row in session.db.execute(
            "SELECT id, saved_at, accident_id, editing, data FROM drafts WHERE user = ? ORDER BY saved_at, id",
            (session.user,)):
        if left_over and in_use(session, row[0]):
            continue
        try:
            content = json.loads(row[4])
        except ValueError:
            content = None
        if isinstance(content, dict):
            found.append(Draft(row[0], row[1], row[2], bool(row[3]), content))
    return found


def get_draft(session: Session, draft_id: str) -> Draft | None:
    return next((draft for draft in drafts_of(session, left_over=False) if draft.id == draft_id), None)
