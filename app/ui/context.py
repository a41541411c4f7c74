"""What every window of the desktop program is given (STYLE § 3): no window reaches a global from below."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.ui.events import Events
from app.ui.worker import Workers

UI_STATE_FILE = "ui-state.ini"  # in the data folder: window geometry, last filters, remembered user; no secrets


def folder_state(folder: Path) -> QSettings:
    """Window state kept in the data folder, not in the Windows account's registry: a commune's PC is shared by
    several health workers under one Windows account, each with their own TNLĐ user (STYLE, Qt pitfalls)."""
    return QSettings(str(folder / UI_STATE_FILE), QSettings.Format.IniFormat)


class UserState:
    """One TNLĐ user's window state (geometry, splitter sizes, last filters), a group of the folder's file."""

    def __init__(self, folder: Path, user: str) -> None:
        self._settings = folder_state(folder)
        self._prefix = "user-" + user.encode("utf-8").hex() + "/"  # any name, safely as an INI key

    def value(self, key: str, default: Any = None) -> Any:
        return self._settings.value(self._prefix + key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._settings.setValue(self._prefix + key, value)

    def sync(self) -> None:
        self._settings.sync()


@dataclass
class AppContext:
    """The logged-in program: the GUI thread's session (never used from another thread: a worker gets its own
    with `Workers.start(work, ctx.session)`), the events object, the running workers and the user's state."""

    session: Any  # app.services.workspace.Session (imported lazily: it pulls in cryptography)
    events: Events
    workers: Workers
    state: UserState
    lang: str = "vi"
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.session.datadir.path

    @property
    def role(self) -> str:
        """'commune' or 'office': the workstation's kind."""
        return self.session.role

    @property
    def user_role(self) -> str:
        """'admin', 'clerk' or 'viewer': what this user may do."""
        return self.session.user_role

    def can_edit(self) -> bool:
        return self.session.user_role in ("admin", "clerk")

    def is_admin(self) -> bool:
        return self.session.user_role == "admin"

    def chosen_language(self) -> str:
        """The language this user chose (applied from their next login), else the one the program speaks."""
        return str(self.state.value("language") or self.lang)

    def choose_language(self, language: str) -> bool:
        """Keep *language* as this user's, and as the login window's (the last chosen on this computer); False
        when it was already the choice."""
        if language == self.chosen_language():
            return False
        self.state.set_value("language", language)
        self.state.sync()
        shared = folder_state(self.folder)  # what the start-up reads before anyone logs in
        shared.setValue("language", language)
        shared.sync()
        return True
