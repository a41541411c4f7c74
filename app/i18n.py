"""Qt Linguist translations for the command line and the desktop program (STYLE § 16).

English is the source language. `i18n/tnld_vi.ts` holds the Vietnamese (edited with Qt Linguist or by hand),
compiled by `pyside6-lrelease` to `tnld_vi.qm` for Qt's `QTranslator`. Vietnamese is the default.

- The desktop program installs `qt_translator(lang)` (a `QTranslator` on the `.qm`) on its application.
- The command line reads the same `.ts` file with ElementTree (10 ms): importing PySide6 only to translate
  would cost a command 100–150 ms of shiboken start-up, a third of SPEC § 10's 0.5 s.
`tests/unit/test_i18n.py` checks that both give the same text for every message.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from app.core.resources import i18n_dir

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language: never translated
DEFAULT_LANGUAGE = "vi"

_catalogue: dict[tuple[str, str], str] = {}
_language = "en"


def choose_language(requested: str | None) -> str:
    lang = (requested or os.environ.get("TNLD_LANG") or DEFAULT_LANGUAGE).lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of a Linguist file."""
    catalogue = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                catalogue[(name, message.findtext("source") or "")] = translation.text
    return catalogue


def install(lang: str) -> str:
    """Use *lang* for `translate`; returns the language in effect ('en' when its file could not be read)."""
    global _catalogue, _language
    _catalogue, _language = {}, "en"
    if lang == "en":
        return _language
    path = i18n_dir() / f"tnld_{lang}.ts"
    try:
        _catalogue, _language = read_ts(path), lang
    except (OSError, ET.ParseError) as exc:
        log.warning("translation %s could not be read: %s", path.name, exc)
    return _language


def language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """*text* in the current language (the English source when there is no translation)."""
    return _catalogue.get((context, text), text)


def qt_translator(lang: str):
    """A `QTranslator` for *lang* from the compiled `.qm`, for the desktop program (None for English)."""
    if lang == "en":
        return None
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(i18n_dir() / f"tnld_{lang}.qm")):
        log.warning("translation tnld_%s.qm could not be loaded", lang)
        return None
    return translator
