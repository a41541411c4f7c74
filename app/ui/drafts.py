"""After a crash or a power cut: the entry forms that were open come back (issue 12, item 6).

`offer_drafts(ctx, parent)` is called once by the main window right after it is first shown. For each draft the
user left (`app.services.drafts`), it asks "You have an unsaved accident from 14:32 …", naming when the draft was
written, the accident's place and date, and its victims: Restore opens the form with the draft's content (the
draft stays until that form is saved or its changes dropped), Discard drops it for good.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.ui import messages
from app.ui.context import AppContext
from app.ui.texts import tr


def describe(ctx: AppContext, draft) -> str:
    """The question about one draft: when it was written, where and when the accident happened, who was hurt."""
    from app.core.vnformat import short_date

    content = draft.content
    try:
        saved = dt.datetime.fromisoformat(draft.saved_at)
        when = tr("{time} on {date}").format(time=saved.strftime("%H:%M"), date=short_date(saved.date()))
    except ValueError:
        when = draft.saved_at
    codelists = ctx.session.codelists
    place_parts = [str(content.get(name)) for name in ("village", "place_detail") if content.get(name)]
    place_code = content.get("place")
    if isinstance(place_code, str) and place_code in codelists["place"]:
        place_parts.append(codelists["place"].label(place_code))
    place = ", ".join(place_parts) or tr("no place yet")
    occurred = content.get("occurred_on")
    try:
        occurred_text = short_date(dt.date.fromisoformat(occurred)) if occurred else tr("no date yet")
    except (TypeError, ValueError):
        occurred_text = str(occurred)
    names = [str(victim.get("name")) for victim in content.get("victims") or []
             if isinstance(victim, dict) and victim.get("name")]
    victims = ", ".join(names) if names else tr("no victim named yet")
    text = tr("You have an unsaved accident from {when}: {place}, on {date}; victims: {victims}.").format(
        when=when, place=place, date=occurred_text, victims=victims)
    if draft.editing:
        text += " " + tr("These are changes to an accident that was already saved.")
    return text + "\n\n" + tr("Restore it to finish and save it, or discard it?")


def offer_drafts(ctx: AppContext, parent: QWidget | None) -> list[QWidget]:
    """Ask about each draft this user left; returns the forms opened (shown, non-modal)."""
    from app.services import drafts

    if not ctx.can_edit():
        return []
    opened: list[QWidget] = []
    for draft in drafts.drafts_of(ctx.session):
        # Claimed before the question: the same user's other window cannot restore it meanwhile, and a Discard
        # here never deletes what a form there has open (found by the attack session: the typed accident lost).
        held = drafts.claim(ctx.session, draft.id)
        if held is None:
            continue  # restored in another window since the list was read
        draft = drafts.get_draft(ctx.session, draft.id)  # as it is now: saved or dropped elsewhere meanwhile?
        if draft is None:
            held.release()
            continue
        if messages.ask(parent, describe(ctx, draft), yes=tr("Restore"), no=tr("Discard"),
                        title=tr("Unsaved accident")):
            from app.ui.accident_form import AccidentForm

            form = AccidentForm(ctx, parent=parent, draft=draft, draft_hold=held)
            form.show()
            opened.append(form)
        else:
            drafts.delete_draft(ctx.session, draft.id)
            held.release(gone=True)
    return opened
