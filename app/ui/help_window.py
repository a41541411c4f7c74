"""Help ▸ User guide (F1): the Vietnamese guide `docs/huong-dan-su-dung.md`, shipped in the build, shown in a
`QTextBrowser` from its Markdown (no web engine). One window for the program, raised again on the next F1.

Qt's Markdown gives headings no anchors, so the guide's table of contents (`#8-sao-lưu`) is followed here: a link
`#N-…` scrolls to the heading that starts with "N.". Pictures wider than the window are shown scaled to fit.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeySequence,
    QPixmap,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.resources import docs_dir
from app.ui.screen_fit import fit_to_screen

GUIDE = "huong-dan-su-dung.md"
MAX_GUIDE = 2_000_000  # bytes: the guide is ours, but a file is still read with a limit

_window: HelpWindow | None = None


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("TNLĐ user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setProperty("verbatim", True)  # the guide is Vietnamese text of its own
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.browser.setSearchPaths([str(docs_dir())])
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self._natural: dict[str, int] = {}
        self._fitted_width = 0  # the text width the pictures were last fitted to
        self.load()
        self.resize(900, 680)
        fit_to_screen(self)

    def load(self) -> bool:
        path = docs_dir() / GUIDE
        try:
            with path.open("rb") as file:
                text = file.read(MAX_GUIDE).decode("utf-8", errors="replace")
        except OSError:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation ({path}). "
                                              "Install the program again.").format(path=path))
            return False
        self.browser.setMarkdown(text)
        self._fitted_width = 0
        self._fit_images()
        return True

    def headings(self) -> list[tuple[str, int]]:
        """(text, position) of every heading in the shown guide."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                found.append((block.text(), block.position()))
            block = block.next()
        return found

    def scroll_to_section(self, number: str) -> bool:
        for text, position in self.headings():
            if re.match(rf"{re.escape(number)}\.\s", text):
                cursor = QTextCursor(self.browser.document())
                cursor.setPosition(position)
                self.browser.setTextCursor(cursor)
                # Put the heading at the top, not just somewhere in view.
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())
                self.browser.ensureCursorVisible()
                return True
        return False

    def follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        fragment = url.fragment()
        match = re.match(r"(\d+)", fragment)
        if match:
            self.scroll_to_section(match.group(1))

    def _fit_images(self) -> None:
        """Scale the pictures wider than the text area down to its width (their height follows)."""
        document = self.browser.document()
        width = max(200, self.browser.viewport().width() - 30)
        if width == self._fitted_width:  # a resize that does not change the text width: nothing to redo
            return
        self._fitted_width = width
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    image_format = fragment.charFormat().toImageFormat()
                    name = image_format.name()
                    natural = self._natural.get(name)
                    if natural is None:
                        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
                        natural = image.width() if isinstance(image, (QImage, QPixmap)) else 0
                        self._natural[name] = natural
                    if natural:
                        fitted = QTextImageFormat(image_format)
                        fitted.setWidth(min(natural, width))
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(fitted)
                iterator += 1
            block = block.next()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_images()


def show_guide(parent: QWidget | None = None, section: str | None = None) -> HelpWindow:
    """Open (or raise) the guide, at *section* ("8") when given."""
    global _window
    if _window is None:
        _window = HelpWindow(None)
        _window.destroyed.connect(_forget)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    if section:
        _window.scroll_to_section(section)
    return _window


def _forget() -> None:
    global _window
    _window = None


def help_key() -> QKeySequence:
    return QKeySequence(QKeySequence.StandardKey.HelpContents)
