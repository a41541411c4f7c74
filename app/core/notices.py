"""Third-party notices (issue 13, item 6): what TNLĐ is built on, each component's version and licence as its
installed package declares it, with the licence texts the package ships; the fonts' OFL; Qt's LGPL.

One source for Help ▸ About and for `THIRD-PARTY-NOTICES.txt`, which `packaging/build.py` writes into the build.
The build copies the packages' metadata (`copy_metadata` in the spec), so a built program reads the same facts
as a checkout. Components come from the requirement closure of the `tnld` distribution (its extras left out), so
a new dependency is listed without anyone editing a table.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.core.resources import resources_dir

PROJECT = "tnld"
# Declared in the metadata of neither package (checked on the installed versions): what their projects state.
FALLBACK = {"sqlcipher3": "zlib (SQLCipher inside: BSD-3-Clause)", "rl-accel": "BSD"}
# Components inside a package that the metadata does not name.
BUNDLED = {
    "sqlcipher3": "It contains SQLCipher (Zetetic LLC, BSD-3-Clause) and SQLite (public domain).",
    "cryptography": "It contains OpenSSL (Apache-2.0).",
    "pyside6-essentials": "It contains the Qt 6 libraries (The Qt Company, LGPL-3.0).",
}
LIBRARY_LICENCE_FILES = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
MAX_TEXT = 200_000  # a licence file larger than this is not a licence (read from an installed package)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    from_metadata: bool
    note: str = ""
    texts: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (file name, text)


def _requirement_name(requirement: str) -> str | None:
    """The distribution a requirement names, or None for an extra's requirement (`; extra == "dev"`)."""
    spec, _, marker = requirement.partition(";")
    if "extra" in marker:
        return None
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    return match.group(1) if match else None


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distributions(root: str = PROJECT) -> list[importlib.metadata.Distribution]:
    """The installed distributions *root* needs to run, *root* left out, sorted by name."""
    seen: dict[str, importlib.metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = _normal(pending.pop())
        if name in seen:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # a requirement for another platform (its marker), not installed here
        seen[name] = dist
        pending.extend(filter(None, (_requirement_name(r) for r in dist.requires or [])))
    seen.pop(_normal(root), None)
    return sorted(seen.values(), key=lambda d: _normal(d.metadata["Name"]))


def licence_of(metadata) -> str | None:
    expression = metadata.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (metadata.get("License") or "").strip()
    if declared and declared.upper() != "UNKNOWN":
        first = declared.splitlines()[0].strip()
        return first if len(first) <= 80 else first[:77] + "…"
    classifiers = [c.split("::")[-1].strip() for c in metadata.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or None


def _texts(dist: importlib.metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or []:
        if not LIBRARY_LICENCE_FILES.search(str(file)) or ".dist-info" not in str(file):
            continue
        try:
            path = Path(str(dist.locate_file(file)))
            if path.stat().st_size > MAX_TEXT:
                continue
            texts.append((Path(str(file)).name, path.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    return tuple(texts)


def components() -> list[Component]:
    found = []
    for dist in distributions():
        name = _normal(dist.metadata["Name"])
        declared = licence_of(dist.metadata)
        found.append(Component(name, dist.version, declared or FALLBACK.get(name, "?"), declared is not None,
                               BUNDLED.get(name, ""), _texts(dist)))
    return found


def font_licences() -> list[tuple[str, str]]:
    """(font, licence text) for every font shipped in resources/fonts."""
    licences = []
    for path in sorted((resources_dir() / "fonts").glob("LICENSE-*.txt")):
        try:
            licences.append((path.stem.removeprefix("LICENSE-"), path.read_text(encoding="utf-8")))
        except OSError:
            continue
    return licences


QT_NOTE = """\
Qt and PySide6 are used under the GNU Lesser General Public License version 3 (LGPL-3.0). In the built program
they stay separate shared libraries (the folder _internal/PySide6 beside the executables; PyInstaller's one-folder
mode), so anyone may replace them with a modified build of the same version. Their source code is published by
the Qt Project and The Qt Company; the LGPL-3.0 and the GPL-3.0 it builds on follow at the end of this file."""


def notices_text(parts: list[Component] | None = None) -> str:
    """The whole notices file; *parts* when the caller has already read `components()` (the metadata walk)."""
    from app import __version__

    lines = [
        f"TNLĐ {__version__} — third-party notices",
        "",
        "TNLĐ itself is under the MIT licence (the file LICENSE). It is built on the components below, each",
        "under its own licence, as its package declares it. Their licence texts follow.",
        "",
        f"Python {platform.python_version()} (Python Software Foundation License) runs the program.",
        "",
        QT_NOTE,
        "",
    ]
    parts = components() if parts is None else parts
    width = max((len(c.name) for c in parts), default=10)
    version_width = max((len(c.version) for c in parts), default=8)
    for part in parts:
        lines.append(f"  {part.name:<{width}}  {part.version:<{version_width}}  {part.licence}")
    lines.append("")
    for part in parts:
        if part.note:
            lines.append(f"{part.name}: {part.note}")
    for part in parts:
        for file_name, text in part.texts:
            title = f"{part.name} {part.version}: {file_name}"
            lines += ["", "=" * len(title), title, "=" * len(title), text.rstrip()]
    base = Path(sys.base_prefix)
    python_licence = next((p for p in (base / "LICENSE.txt", base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
                                       / "LICENSE.txt") if p.is_file()), base / "LICENSE.txt")
    for name, text in font_licences():
        title = f"Font {name}: SIL Open Font License 1.1"
        lines += ["", "=" * len(title), title, "=" * len(title), text.rstrip()]
    for title, path in (("Python", python_licence), ("GNU LGPL 3.0 (Qt, PySide6)", resources_dir() / "licences" / "LGPL-3.0.txt"),
                        ("GNU GPL 3.0 (referred to by the LGPL 3.0)", resources_dir() / "licences" / "GPL-3.0.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        lines += ["", "=" * len(title), title, "=" * len(title), text.rstrip()]
    return "\n".join(lines) + "\n"


def shipped_notices() -> Path | None:
    """`THIRD-PARTY-NOTICES.txt` of the build (None from a checkout, where `notices_text` makes it)."""
    from app.core.resources import docs_dir

    path = docs_dir() / "THIRD-PARTY-NOTICES.txt"
    return path if path.is_file() else None
