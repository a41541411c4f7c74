"""Settings of a workstation (table `settings`, JSON values): the facts printed on reports and the unconfirmed
dates that SPEC § 6 keeps configurable. Admins change them (`tnld settings set`), every change is audited.

Known settings (`KNOWN`): who signs the reports (`signer_name`) and the two lines above the signature
(`signer_on_behalf`, `signer_title`: by default "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" at a commune, "KT. GIÁM ĐỐC /
PHÓ GIÁM ĐỐC" at an office; "-" prints no 'on behalf' line), an office's abbreviation in document numbers
(`office_abbreviation`, "SNV"; derived from the office's name when unset), who reports and at which phone in the quick
report (`reporter_name`, `reporter_phone`), and the due date of the periodic report as days after the end of
the period (`due_days_after_end.half`, `.year`, `.quarter`, `.month`; by default 5: 5 July and 5 January), and
whether the periodic report prints its annex after Phụ lục XVI's official page (`periodic_annex`: on or off,
by default on; the JSON keeps every figure either way).
The office's list of expected communes is a setting too, changed with `tnld expected`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from app.core.errors import UserError
from app.core.text import clean
from app.core.validation import normalise_phone
from app.services.workspace import Session

DUE_KINDS = ("half", "year", "quarter", "month")
DEFAULT_DUE_DAYS = {kind: 5 for kind in DUE_KINDS}
_PHONE = re.compile(r"^0\d{9,10}$")


@dataclass(frozen=True)
class Setting:
    key: str
    kind: str  # 'text', 'phone', 'days' or 'onoff'
    description: str  # a message code
    default: Any = None


KNOWN: tuple[Setting, ...] = (
    Setting("signer_name", "text", "setting.signer_name"),
    Setting("signer_on_behalf", "text", "setting.signer_on_behalf"),
    Setting("signer_title", "text", "setting.signer_title"),
    Setting("office_abbreviation", "text", "setting.office_abbreviation"),
    Setting("reporter_name", "text", "setting.reporter_name"),
    Setting("reporter_phone", "phone", "setting.reporter_phone"),
    *(Setting(f"due_days_after_end.{kind}", "days", f"setting.due_days.{kind}") for kind in DUE_KINDS),
    Setting("periodic_annex", "onoff", "setting.periodic_annex", "on"),
)
ONOFF = ("on", "off")


def get_setting(session: Session, key: str, default: Any) -> Any:
    row = session.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(session: Session, key: str, value: Any, audit_detail: dict[str, Any] | None = None) -> None:
    session.require("action.settings", "admin")
    with session.transaction():
        session.db["settings"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")
        session.audit.append(session.user, "settings", "setting", key, audit_detail)


def due_days(session: Session) -> dict[str, int]:
    return {**DEFAULT_DUE_DAYS, **get_setting(session, "due_days_after_end", {})}


def periodic_annex(session: Session) -> bool:
    """Whether the periodic report prints its annex (default: yes)."""
    return get_setting(session, "periodic_annex", "on") != "off"


def current_settings(session: Session) -> list[tuple[Setting, Any]]:
    """Every known setting with its value (None when not set; the default for due days)."""
    days = due_days(session)
    values = []
    for setting in KNOWN:
        if setting.kind == "days":
            values.append((setting, days[setting.key.split(".")[1]]))
        else:
            values.append((setting, get_setting(session, setting.key, setting.default)))
    return values


def _known(key: str) -> Setting:
    for setting in KNOWN:
        if setting.key == key:
            return setting
    raise UserError("setting.unknown", key=key, keys=", ".join(s.key for s in KNOWN))


def change_setting(session: Session, key: str, text: str | None) -> Any:
    """Set *key* from the text the user typed (None: back to the default); returns the value stored."""
    setting = _known(key)
    session.require("action.settings", "admin")
    if setting.kind == "days":
        kind = key.split(".")[1]
        days = get_setting(session, "due_days_after_end", {})
        if text is None:
            days.pop(kind, None)
        else:
            value = text.strip()
            if not value.isdigit() or not 0 <= int(value) <= 366:
                raise UserError("setting.bad_days", key=key, value=text)
            days[kind] = int(value)
        set_setting(session, "due_days_after_end", days, {"changed": kind})
        return due_days(session)[kind]
    if text is None:
        with session.transaction():
            session.db.execute("DELETE FROM settings WHERE key = ?", (key,))
            session.audit.append(session.user, "settings", "setting", key, {"unset": True})
        return None
    value = clean(text)
    if setting.kind == "onoff":
        value = value.lower()
        if value not in ONOFF:
            raise UserError("setting.bad_onoff", key=key, value=text)
    if setting.kind == "phone":
        value = normalise_phone(value)
        if not _PHONE.match(value):
            raise UserError("setting.bad_phone", value=text)
    if not value or len(value) > 200:
        raise UserError("setting.bad_text", key=key)
    set_setting(session, key, value, {"changed": key})
    return value
