"""Every message box of the program goes through here (STYLE § 14), so that tests can replace `backend`.

`backend` is a `MessageBackend`; the real one shows `QMessageBox`es with our own translated button texts (Qt has
no Vietnamese catalogue). Tests install `tests.gui.conftest.ScriptedMessages`, which records what was asked and
answers as the test says.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import UserError
from app.ui.texts import error_text, tr


class MessageBackend:
    """Message boxes. `ask` returns True for yes; `ask_save` returns 'save', 'discard' or 'cancel'."""

    def error(self, parent: QWidget | None, text: str, title: str | None = None) -> None:
        self._box(parent, QMessageBox.Icon.Warning, title or tr("TNLĐ"), text, [(tr("OK"), QMessageBox.ButtonRole.AcceptRole)])

    def info(self, parent: QWidget | None, text: str, title: str | None = None) -> None:
        self._box(parent, QMessageBox.Icon.Information, title or tr("TNLĐ"), text,
                  [(tr("OK"), QMessageBox.ButtonRole.AcceptRole)])

    def ask(self, parent: QWidget | None, text: str, yes: str | None = None, no: str | None = None,
            title: str | None = None) -> bool:
        chosen = self._box(parent, QMessageBox.Icon.Question, title or tr("TNLĐ"), text,
                           [(yes or tr("Yes"), QMessageBox.ButtonRole.YesRole),
                            (no or tr("No"), QMessageBox.ButtonRole.NoRole)], default=1)
        return chosen == 0

    def ask_save(self, parent: QWidget | None, text: str, title: str | None = None) -> str:
        chosen = self._box(parent, QMessageBox.Icon.Question, title or tr("TNLĐ"), text,
                           [(tr("Save"), QMessageBox.ButtonRole.AcceptRole),
                            (tr("Discard"), QMessageBox.ButtonRole.DestructiveRole),
                            (tr("Cancel"), QMessageBox.ButtonRole.RejectRole)], default=2)
        return ("save", "discard", "cancel")[chosen] if chosen is not None else "cancel"

    def _box(self, parent, icon, title: str, text: str, buttons, default: int = 0) -> int | None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        made = [box.addButton(label, role) for label, role in buttons]
        box.setDefaultButton(made[default])
        box.setEscapeButton(made[-1])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else None


backend: MessageBackend = MessageBackend()


def error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    backend.error(parent, text, title)


def info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    backend.info(parent, text, title)


def ask(parent: QWidget | None, text: str, yes: str | None = None, no: str | None = None,
        title: str | None = None) -> bool:
    return backend.ask(parent, text, yes, no, title)


def ask_save(parent: QWidget | None, text: str, title: str | None = None) -> str:
    return backend.ask_save(parent, text, title)


def user_error(parent: QWidget | None, problem: UserError) -> None:
    """An expected problem: its message, which says what to do."""
    backend.error(parent, error_text(problem))
