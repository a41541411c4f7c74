"""Core messages in the user's language, through Qt's translator (the same `.ts` the command line reads)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import Issue, UserError


def tr(text: str) -> str:
    """The translation of a string of a module-level helper or of a plain function. pyside6-lupdate files every bare
    `tr("…")` call under the empty context, so that is the context asked for here: a helper asking for a named
    context would never find its Vietnamese text (tests/unit/test_i18n.py)."""
    return QCoreApplication.translate("", text)


def qt_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: UserError) -> str:
    """A `UserError` as the sentence the user reads (in the desktop program's words: no command to type)."""
    return error.message(qt_translate, desktop=True)


def message_text(code: str, params: dict | None = None) -> str:
    """A message of the core's catalogue by its code (a notice after login, a setting's description)."""
    from app.core.messages import render

    return render(code, params, qt_translate, desktop=True)


def issue_text(issue: Issue, with_field: bool = False) -> str:
    """One validation finding; without its field path when it is shown beside its field. A date the form could
    not read is told in the form's own way of typing it (the core's message names the files' YYYY-MM-DD)."""
    if with_field:
        return issue.message(qt_translate)
    if issue.code == "field.not_date":
        return tr("{value} is not a date; type it as day/month/year, for example 15/03/2026").format(
            value=issue.params.get("value", ""))
    return message_text(issue.code, issue.params)
