"""Qt Linguist translations, for the command line and the desktop program alike (STYLE § 16).

English is the source language; `i18n/tnld_vi.ts` holds the Vietnamese, compiled to `tnld_vi.qm`, which
Qt's `QTranslator` reads. Vietnamese is the default. The command line asks the translator directly, with no
QCoreApplication; the desktop program installs the same translator on its application object.
Only QtCore is imported, and only when a translation is needed.
"""

from __future__ import annotations

import logging
import os

from app.core.resources import i18n_dir

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_translator = None
_language = "en"


def choose_language(requested: str | None) -> str:
    lang = (requested or os.environ.get("TNLD_LANG") or DEFAULT_LANGUAGE).lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install(lang: str) -> str:
    """Load the translation for *lang*; returns the language in effect ('en' when none could be loaded)."""
    global _translator, _language
    _translator, _language = None, "en"
    if lang == "en":
        return _language
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    path = i18n_dir() / f"tnld_{lang}.qm"
    if translator.load(str(path)):
        _translator, _language = translator, lang
    else:
        log.warning("translation %s could not be loaded", path.name)
    return _language


def qt_translator():
    """The loaded QTranslator, for the desktop program to install on its QApplication."""
    return _translator


def language() -> str:
    return _language


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """*text* in the current language (the English source when there is no translation)."""
    if _translator is None:
        return text
    return _translator.translate(context, text, disambiguation, n) or text
