"""The two kinds of errors (STYLE § 14).

A `UserError` is expected: bad input, a wrong password, a file that cannot be read. It carries a message
*code* and parameters, never a finished sentence, so the command line and the desktop program can show it in
the user's language (`app.core.messages`). Everything else is a bug: it is logged and reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.messages import render

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2  # bad usage or invalid input; nothing changed
EXIT_DAMAGED = 3  # a bundle failed verification
EXIT_UNTRUSTED = 4  # signed by an unknown or untrusted key


class UserError(Exception):
    """A problem the user can act on; `code` names a message of the catalogue."""

    exit_code = EXIT_USAGE

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, translate=None, desktop: bool = False) -> str:
        return render(self.code, self.params, translate, desktop)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self):
        # Errors cross process boundaries (bundles are checked in a worker process): keep code and parameters.
        return (_rebuild_error, (type(self), self.args, self.__dict__))


def _rebuild_error(cls: type, args: tuple, state: dict) -> UserError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


@dataclass(frozen=True)
class Issue:
    """One finding of validation: the field path (`victims[1].sex`), a message code, its parameters.

    `level` is 'error' (blocks saving) or 'warning' (shown, saved anyway). `line` is the input line, when the
    record came from a file.
    """

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    level: str = "error"
    line: int | None = None

    def at_line(self, line: int) -> Issue:
        return Issue(self.field, self.code, self.params, self.level, line)

    def message(self, translate=None) -> str:
        text = render(self.code, self.params, translate)
        if self.field:
            text = render("issue.field", {"field": self.field, "message": text}, translate)
        if self.line is not None:
            text = render("issue.line", {"line": self.line, "message": text}, translate)
        return text

    def __str__(self) -> str:
        return self.message()


class ValidationFailed(UserError):
    """One or more records are invalid; nothing was saved. `issues` holds every error and warning found."""

    def __init__(self, issues: list[Issue]) -> None:
        errors = [issue for issue in issues if issue.level == "error"]
        super().__init__("validation.failed", count=len(errors))
        self.issues = issues

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.level == "error"]
