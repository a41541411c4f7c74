"""Drafts of the desktop entry form, so that a power cut or a crash loses at most the field being typed.

The open form writes what it holds (the raw form content, valid or not) as it goes: one draft per open form
(`draft_id`), per user. A draft is not a record: it is never validated, sent, listed or audited, and it lives
only in the encrypted database (SQLCipher, WAL, `synchronous=FULL`). Saving the accident or dropping its
changes deletes the draft; the next login offers the drafts that are left (`drafts_of`). Nothing here logs the
content: it holds names and ID numbers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.services.workspace import Session

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
    """Write (or overwrite) this user's draft *draft_id*. *editing*: the form edits a stored accident."""
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


def drafts_of(session: Session) -> list[Draft]:
    """This user's drafts, oldest first (another user's drafts are theirs to restore)."""
    found = []
    for row in session.db.execute(
            "SELECT id, saved_at, accident_id, editing, data FROM drafts WHERE user = ? ORDER BY saved_at, id",
            (session.user,)):
        try:
            content = json.loads(row[4])
        except ValueError:
            content = None
        if isinstance(content, dict):
            found.append(Draft(row[0], row[1], row[2], bool(row[3]), content))
    return found


def get_draft(session: Session, draft_id: str) -> Draft | None:
    return next((draft for draft in drafts_of(session) if draft.id == draft_id), None)
