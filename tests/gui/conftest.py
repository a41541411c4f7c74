"""Fixtures for the desktop program's tests (pytest-qt, offscreen): a logged-in `AppContext` on a copy of the
template data folder, message boxes answered by the test, and typing of Vietnamese text.

`qtbot.keyClicks` aborts the whole process on any non-ASCII character (a Qt assert in QTest's key table):
type with `type_text`, which sends each character as a `QKeyEvent` with `Qt.Key_unknown` and the character
as its text, as an input method's committed text would arrive.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import PASSWORD

KEYS = {"\t": Qt.Key.Key_Tab, "\n": Qt.Key.Key_Return, "\b": Qt.Key.Key_Backspace, " ": Qt.Key.Key_Space}


def send_key(widget: QWidget, key: Qt.Key, text: str = "",
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press and release, delivered as a real keyboard would (through QApplication.notify)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
    QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Type *text* (any Unicode) into the widget that has the focus in *widget*'s window, character by character.

    Tab, Enter and Backspace inside *text* ("\\t", "\\n", "\\b") are sent as those keys."""
    for char in text:
        target = QApplication.focusWidget() or widget
        if char in KEYS:
            send_key(target, KEYS[char], "" if char in "\t\b" else char)
        elif char.isascii() and char.isalnum():
            key = Qt.Key(ord(char.upper()))
            send_key(target, key, char)
        else:
            send_key(target, Qt.Key.Key_unknown, char)


def press(widget: QWidget | None, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """A key without text (Tab, Esc, Ctrl+S, …) to the focused widget (or *widget*)."""
    send_key(QApplication.focusWidget() or widget, key, "", modifiers)


class ScriptedMessages:
    """Replaces `app.ui.messages.backend`: records every message and answers with the queued replies
    (`answers.append(True)` for the next `ask`, `'discard'` for the next `ask_save`). An unexpected question
    fails the test rather than block it."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []  # (kind, text)
        self.answers: list[object] = []

    def _answer(self, kind: str, text: str):
        self.shown.append((kind, text))
        if not self.answers:
            raise AssertionError(f"unexpected question: {text}")
        return self.answers.pop(0)

    def error(self, parent, text, title=None) -> None:
        self.shown.append(("error", text))

    def info(self, parent, text, title=None) -> None:
        self.shown.append(("info", text))

    def ask(self, parent, text, yes=None, no=None, title=None) -> bool:
        return bool(self._answer("ask", text))

    def ask_save(self, parent, text, title=None) -> str:
        return str(self._answer("ask_save", text))

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for shown_kind, text in self.shown if kind in (None, shown_kind)]


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> ScriptedMessages:
    from app.ui import crash
    from app.ui import messages as module

    scripted = ScriptedMessages()
    monkeypatch.setattr(module, "backend", scripted)
    crashes: list = []
    monkeypatch.setattr(crash, "present", lambda path, parent: crashes.append(path))
    scripted.crashes = crashes  # type: ignore[attr-defined]
    return scripted


@pytest.fixture(scope="session")
def qapp_cls():
    """The application pytest-qt creates, set up as the program sets it up (translations in Vietnamese)."""
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    from app.ui.application import make_application

    make_application("vi")
    yield
    make_application("vi")


@contextlib.contextmanager
def logged_in(folder: Path, user: str = "admin", password: str = PASSWORD, clock=None) -> Iterator:
    """An `AppContext` for *folder*; its workers stopped and session closed at the end."""
    from app.services.workspace import login
    from app.ui.context import AppContext, UserState
    from app.ui.events import Events
    from app.ui.worker import Workers

    session = login(folder, user, password, clock=clock)
    workers = Workers()
    ctx = AppContext(session=session, events=Events(), workers=workers, state=UserState(folder, user))
    try:
        yield ctx
    finally:
        workers.stop_all()
        session.close()


@pytest.fixture
def ctx(commune_dir):
    """A commune workstation, logged in as its admin."""
    with logged_in(commune_dir) as context:
        yield context


@pytest.fixture
def office_ctx(office_dir):
    with logged_in(office_dir) as context:
        yield context


@pytest.fixture
def open_form(qtbot, messages):
    """Opens entry forms (`open_form(ctx, accident_id=None, **kwargs)`), shown and active, and closes what is left
    before the session of the test's `ctx` closes (request it after `ctx`): a form's timers must not write into a
    closed database. A question about unsaved changes at the end is answered 'discard'."""
    from shiboken6 import isValid

    from app.ui.accident_form import AccidentForm

    opened = []

    def opener(ctx, accident_id=None, **kwargs):
        form = AccidentForm(ctx, accident_id, **kwargs)
        opened.append(form)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        return form

    yield opener
    for form in opened:
        if isValid(form):
            messages.answers[:] = ["discard"]
            form.close()
