"""Help → About: the version, the data folder (with a button that opens it), the Python and Qt versions, and the
licences of the bundled fonts and of the libraries the program is built on (read from each package's metadata,
so the dialog says what the installed package says; a fixed text only where a package declares nothing)."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.screen_fit import fit_to_screen

# (shown name, distributions to ask in turn, what to say when the metadata says nothing)
LIBRARIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("PySide6 / Qt", ("PySide6_Essentials", "PySide6", "pyside6-essentials"), "LGPL-3.0"),
    ("shiboken6", ("shiboken6",), "LGPL-3.0"),
    ("reportlab", ("reportlab",), "BSD"),
    ("openpyxl", ("openpyxl",), "MIT"),
    ("cryptography", ("cryptography",), "Apache-2.0 OR BSD-3-Clause"),
    ("pyHanko", ("pyhanko",), "MIT"),
    ("sqlcipher3 (SQLCipher)", ("sqlcipher3", "sqlcipher3-binary"), "zlib (SQLCipher: BSD-style)"),
    ("sqlite-utils", ("sqlite-utils", "sqlite_utils"), "Apache-2.0"),
    ("platformdirs", ("platformdirs",), "MIT"),
)


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    from_metadata: bool


def _licence_of(metadata) -> str | None:
    expression = metadata.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (metadata.get("License") or "").strip()
    if declared and declared.upper() != "UNKNOWN":
        first = declared.splitlines()[0].strip()
        return first if len(first) <= 80 else first[:77] + "…"
    classifiers = [c.split("::")[-1].strip() for c in metadata.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or None


def libraries() -> list[Library]:
    """Each library's installed version and licence as its package metadata declares it."""
    found = []
    for shown, names, fallback in LIBRARIES:
        for name in names:
            try:
                metadata = importlib.metadata.metadata(name)
            except importlib.metadata.PackageNotFoundError:
                continue
            licence = _licence_of(metadata)
            found.append(Library(shown, metadata.get("Version") or "?", licence or fallback, licence is not None))
            break
        else:
            found.append(Library(shown, "—", fallback, False))
    return found


def font_licences() -> list[tuple[str, str]]:
    """(font, licence text) for every font shipped in resources/fonts."""
    from app.core.resources import resources_dir

    folder = resources_dir() / "fonts"
    licences = []
    for path in sorted(folder.glob("LICENSE-*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        licences.append((path.stem.removeprefix("LICENSE-"), text))
    return licences


class AboutDialog(QDialog):
    """What TNLĐ is, where its data is, and whose work it is built on. Any user may open it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app import __version__

        self.ctx = ctx
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About TNLĐ"))
        title = QLabel(self.tr("TNLĐ — register of occupational accidents"))
        title.setObjectName("about_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        form = QFormLayout()
        self.version = QLabel(__version__)
        self.version.setObjectName("version")
        form.addRow(self.tr("Version:"), self.version)
        self.folder = QLabel(str(ctx.folder))
        self.folder.setObjectName("data_folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open folder"))
        self.open_button.setObjectName("open_folder_button")
        self.open_button.clicked.connect(self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_button)
        form.addRow(self.tr("Data folder:"), folder_row)
        import PySide6

        self.versions = QLabel(self.tr("Python {python}, Qt {qt}, PySide6 {pyside}, {system}").format(
            python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__,
            system=platform.platform(terse=True)))
        self.versions.setObjectName("versions")
        self.versions.setWordWrap(True)
        form.addRow(self.tr("Built with:"), self.versions)

        self.library_table = QTableWidget(0, 3)
        self.library_table.setObjectName("libraries")
        self.library_table.setProperty("verbatim", True)  # licence names and texts are legal text: never translated
        self.library_table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        self.library_table.verticalHeader().hide()
        self.library_table.verticalHeader().setDefaultSectionSize(28)
        self.library_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.library_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.library_table.setColumnWidth(0, 200)
        shown = libraries()
        self.library_table.setRowCount(len(shown))
        for row, library in enumerate(shown):
            for column, text in enumerate((library.name, library.version, library.licence)):
                self.library_table.setItem(row, column, QTableWidgetItem(text))

        self.fonts = QPlainTextEdit()
        self.fonts.setObjectName("font_licences")
        self.fonts.setProperty("verbatim", True)
        self.fonts.setReadOnly(True)
        self.fonts.setPlainText("\n\n".join(f"{name}\n{'=' * len(name)}\n{text}" for name, text in font_licences()))

        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Libraries (licences as their packages declare them):")))
        layout.addWidget(self.library_table, 1)
        layout.addWidget(QLabel(self.tr("Fonts bundled for the printed forms:")))
        layout.addWidget(self.fonts, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)
        fit_to_screen(self)

    def open_folder(self) -> bool:
        """Show the data folder in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.folder)))
