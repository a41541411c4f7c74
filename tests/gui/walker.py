"""Collect every text a window shows, and find the English words among them (issue 12: "a test walks every window
and dialog in Vietnamese and finds no English word outside a list of allowed terms").

What counts as English: a word of our own English source strings (every `<source>` of `i18n/tnld_vi.ts`, which
holds every string the program can show, Qt's own texts included) or of a short list of Qt's English texts, that
never appears in a Vietnamese translation. Vietnamese words written without diacritics ("in", "xem", "tin") appear
in the translations and so never count; names typed by users are Vietnamese and hold no such word.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
    QWizardPage,
)

TS = Path(__file__).resolve().parents[2] / "i18n" / "tnld_vi.ts"
WORD = re.compile(r"[A-Za-z]+")
TAG = re.compile(r"<[^>]+>")
# Not words of a language: placeholders, command-line options, names with _ . / (files, variables, paths), and
# tokens with digits (ids, hashes, codes).
CODE = re.compile(r"\{[^{}]*\}|(?<!\w)--?[\w-]+|\S*[_./\\]\S*|\w*\d\w*")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(CODE.sub(" ", text))]

# Qt's own English texts that a window could show untranslated (our qt_texts.py translates them: never shown).
QT_ENGLISH = {"cancel", "ok", "yes", "no", "close", "apply", "save", "discard", "back", "next", "finish", "help",
              "open", "print", "copy", "paste", "cut", "undo", "redo", "delete", "select", "all", "reset",
              "restore", "defaults", "abort", "retry", "ignore", "commit", "done", "file", "page", "of", "the"}
# Terms a Vietnamese user reads as they are: formats, brands, keys, units, codes.
ALLOWED = {"pdf", "excel", "usb", "tnl", "tnld", "ctrl", "alt", "shift", "tab", "enter", "esc", "f", "id", "kb",
           "mb", "gb", "xlsx", "json", "jsonl", "card", "tnldbundle", "tnldreceipt", "sqlcipher", "qt", "pyside",
           "python", "reportlab", "openpyxl", "pyhanko", "cryptography", "platformdirs", "sqlite", "utils",
           "liberation", "dejavu", "noto", "sans", "serif", "ofl", "mit", "bsd", "lgpl", "gpl", "apache", "license",
           "licence", "psf", "mpl", "caps", "lock", "hh", "mm", "dd", "yyyy", "yy", "v", "x", "h", "q", "s",
           "iso", "sha", "utc", "gmt", "vn", "cccd", "cmnd"}


@cache
def english_words() -> frozenset[str]:
    sources: set[str] = set()
    translated: set[str] = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        sources.update(words(html.unescape(source)))
        translated.update(words(html.unescape(translation)))
    return frozenset((sources | QT_ENGLISH) - translated - ALLOWED)


def clean(text: str) -> str:
    return html.unescape(TAG.sub(" ", text or "")).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_texts(menu: QMenu, out: list[tuple[str, str]], where: str) -> None:
    out.append((where, clean(menu.title())))
    for action in menu.actions():
        out.append((where, clean(action.text())))
        out.append((where, action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""))
        if action.menu() is not None:
            _menu_texts(action.menu(), out, where)


def _view_texts(view: QAbstractItemView, out: list[tuple[str, str]], where: str) -> None:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (its columnCount is private)
        columns = 1
    for section in range(columns):
        out.append((where, str(model.headerData(section, Qt.Orientation.Horizontal) or "")))
    for row in range(min(model.rowCount(QModelIndex()), 30)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append((where, value))


def texts_of(window: QWidget) -> list[tuple[str, str]]:
    """(object path, text) of everything *window* shows now: titles, labels, buttons, placeholders, items,
    headers, menus, tooltips. Tab pages are walked one by one."""
    out: list[tuple[str, str]] = [(window.objectName(), window.windowTitle())]
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            out.append((tabs.objectName(), clean(tabs.tabText(i))))
            out.append((tabs.objectName(), tabs.tabToolTip(i)))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                _menu_texts(action.menu(), out, "menu")
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            out.append(("toolbar", clean(action.text())))
            out.append(("toolbar", action.toolTip()))
    widgets = [window, *window.findChildren(QWidget)]
    verbatim = [w for w in widgets if w.property("verbatim")]  # legal texts (licences), shown as written
    for widget in widgets:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        if any(widget is v or v.isAncestorOf(widget) for v in verbatim):
            continue
        where = widget.objectName() or type(widget).__name__
        if widget.toolTip():
            out.append((where, clean(widget.toolTip())))
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append((where, clean(widget.text())))
        elif isinstance(widget, QGroupBox):
            out.append((where, clean(widget.title())))
        elif isinstance(widget, QLineEdit):
            out.append((where, widget.placeholderText()))
            if widget.isReadOnly():
                out.append((where, widget.text()))
        elif isinstance(widget, QComboBox):
            out.extend((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            out.append((where, widget.placeholderText()))
            if widget.isReadOnly():
                out.append((where, widget.toPlainText()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            _view_texts(widget, out, where)
        if isinstance(widget, QWizardPage):
            out.append((where, clean(widget.title())))
            out.append((where, clean(widget.subTitle())))
        if isinstance(widget, QWizard):
            out.append((where, widget.buttonText(QWizard.WizardButton.NextButton)))
            out.append((where, widget.buttonText(QWizard.WizardButton.BackButton)))
            out.append((where, widget.buttonText(QWizard.WizardButton.FinishButton)))
            out.append((where, widget.buttonText(QWizard.WizardButton.CancelButton)))
    return [(where, text) for where, text in out if text]


def english_in(window: QWidget) -> list[str]:
    """'where: text' for each text of *window* holding an English word."""
    english = english_words()
    words_of = words
    found = []
    for where, text in texts_of(window):
        hits = sorted({w for w in words_of(text) if w in english})
        if hits:
            found.append(f"{where}: {text!r} ({', '.join(hits)})")
    return found
