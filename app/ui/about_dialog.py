"""Help → About: the version, the data folder (with a button that opens it), the Python and Qt versions, the
libraries the program is built on with their licences, and the third-party notices in full (`app.core.notices`:
read from each package's metadata, in a checkout and in the build alike; the build's `THIRD-PARTY-NOTICES.txt`)."""

from __future__ import annotations

import platform

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
        from app.core import notices

        shown = notices.components()
        self.library_table.setRowCount(len(shown))
        for row, library in enumerate(shown):
            for column, text in enumerate((library.name, library.version, library.licence)):
                self.library_table.setItem(row, column, QTableWidgetItem(text))

        self.notices = QPlainTextEdit()
        self.notices.setObjectName("notices")
        self.notices.setProperty("verbatim", True)
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        shipped = notices.shipped_notices()
        try:
            text = shipped.read_text(encoding="utf-8") if shipped is not None else notices.notices_text(shown)
        except OSError:
            text = notices.notices_text(shown)
        self.notices.setPlainText(text)

        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Libraries (licences as their packages declare them):")))
        layout.addWidget(self.library_table, 1)
        layout.addWidget(QLabel(self.tr("Third-party notices: the licences of the libraries, of Qt (LGPL) and of the "
                                        "fonts bundled for the printed forms:")))
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)
        fit_to_screen(self)

    def open_folder(self) -> bool:
        """Show the data folder in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.folder)))
