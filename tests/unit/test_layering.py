"""The command line and the desktop program call services only (STYLE § 3, 4): a rule, a role check or a query
written in `app/cli` or `app/ui` is one the other would skip. Read with `ast`, so an import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "app" / "cli"
UI = ROOT / "app" / "ui"
ALLOWED_IMPORTS: set[tuple[str, str]] = set()
ALLOWED_SESSION_ATTRIBUTES: set[tuple[str, str]] = set()
STORAGE_ATTRIBUTES = {"db", "store", "incidents", "audit"}  # the Session's handles on the database


def cli_modules() -> list[Path]:
    """The thin layers: the command line and the desktop program (its compiled Designer forms aside)."""
    return sorted(CLI.rglob("*.py")) + sorted(path for path in UI.rglob("*.py") if "forms" not in path.parts)


def imported_modules(tree: ast.AST) -> list[str]:
    """Every module an `import` or `from … import` names (`from app import db` gives app.db)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def within(name: str, package: str) -> bool:
    """Whether the dotted *name* is *package* or lies inside it (`app.db.audit.recent` in `app.db.audit`)."""
    return name == package or name.startswith(package + ".")


def test_the_cli_modules_are_found():
    assert {"main.py", "exchange_commands.py", "report_commands.py"} <= {path.name for path in cli_modules()}


def test_the_command_line_does_not_import_the_database_layer():
    found = []
    for path in cli_modules():
        relative = path.relative_to(ROOT).as_posix()
        for name in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            if within(name, "app.db") and not any(relative == where and within(name, allowed)
                                                  for where, allowed in ALLOWED_IMPORTS):
                found.append(f"{relative}: {name}")
    assert found == [], "the command line must reach the database through app.services"


def test_the_command_line_does_not_touch_the_sessions_database():
    """`session.db`, `session.store`, …: a query in the CLI is a query a window would have to repeat."""
    found = []
    for path in cli_modules():
        relative = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]:
            if (relative, function.name) in ALLOWED_SESSION_ATTRIBUTES:
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Attribute) and node.attr in STORAGE_ATTRIBUTES \
                        and isinstance(node.value, ast.Name) and node.value.id == "session":
                    found.append(f"{relative}:{node.lineno} {function.name}: session.{node.attr}")
    assert found == []


def test_the_check_sees_an_import_inside_a_function():
    tree = ast.parse("def f():\n    from app.db.accident_store import Filters\n\nfrom app import db\n")
    assert {"app.db.accident_store", "app.db"} <= set(imported_modules(tree))
