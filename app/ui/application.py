"""The desktop program's one start-up path (STYLE § 3): arguments → data folder → language → Qt → wizard (an
empty folder) or login → main window.

Fast start (SPEC § 10: ≤ 0.5 s to the login window): nothing here imports reportlab, openpyxl, pyhanko or
cryptography; the login dialog unlocks the folder on a worker thread, where those imports happen while the
window is already shown. `bench/run.py` measures it and `tests/gui/test_startup.py` checks the imports.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """`tnld-gui` (no console window on Windows) and `python -m app` with no command."""
    parser = argparse.ArgumentParser(prog="tnld-gui")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=("vi", "en"))
    args, _qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    from app.core.resources import default_data_dir

    return run(Path(args.data_dir) if args.data_dir else default_data_dir(), args.lang)


def choose_language(folder: Path, requested: str | None) -> str:
    """--lang, else TNLD_LANG, else the language last chosen in this folder's settings, else Vietnamese."""
    from app.i18n import LANGUAGES

    wanted = requested or os.environ.get("TNLD_LANG")
    if not wanted:
        from app.ui.context import folder_state

        wanted = str(folder_state(folder).value("language", "") or "") if folder.is_dir() else ""
    wanted = (wanted or "vi").lower()[:2]
    return wanted if wanted in LANGUAGES else "vi"


def user_language(folder: Path, user: str, requested: str | None) -> str:
    """The language of the program after *user* logged in: --lang or TNLD_LANG when given, else the user's own
    choice in the settings, else what the login window spoke."""
    from app.i18n import LANGUAGES
    from app.ui.context import UserState

    if requested or os.environ.get("TNLD_LANG"):
        return choose_language(folder, requested)
    own = str(UserState(folder, user).value("language", "") or "").lower()[:2]
    return own if own in LANGUAGES else choose_language(folder, None)


def make_application(lang: str):
    """The QApplication with our translations (ours and Qt's own texts that we show) and fonts."""
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.i18n import install, qt_translator

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tnld"])
    QCoreApplication.setApplicationName("TNLĐ")
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName("TNLD")
    install(lang)  # the core's messages for the command-line half of the program (and tests)
    for old in getattr(app, "_tnld_translators", []):
        app.removeTranslator(old)
    translators = []
    translator = qt_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
        translators.append(translator)
    app._tnld_translators = translators  # type: ignore[attr-defined] - kept alive with the application
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if lang == "vi"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return app


def run(folder: Path, lang: str | None = None) -> int:
    """Open the program on *folder*: the set-up wizard when it is empty, then the login, then the main window."""
    os.umask(0o077)
    from app.core.fsutil import data_folder_problem
    from app.logs import setup_logging

    problem = data_folder_problem(folder)
    if problem is not None:  # a folder this user may not look into: said before anything reads it
        from app.ui import messages
        from app.ui.texts import error_text

        setup_logging(None)
        from app.i18n import LANGUAGES

        wanted = (lang or os.environ.get("TNLD_LANG") or "vi").lower()[:2]
        make_application(wanted if wanted in LANGUAGES else "vi")
        messages.error(None, error_text(problem))
        return problem.exit_code

    setup_logging(folder / "logs" if (folder / "keys.json").exists() else None)
    language = choose_language(folder, lang)
    app = make_application(language)

    from app.ui import crash
    from app.ui.worker import Workers

    crash.install(lambda: folder / "logs" if (folder / "keys.json").exists() else None)
    workers = Workers(app)
    app.aboutToQuit.connect(workers.stop_all)

    if not (folder / "keys.json").is_file():
        from app.ui.wizard import SetupWizard

        wizard = SetupWizard(folder)
        if not wizard.exec():
            return 0
        setup_logging(folder / "logs")
    if not hold_folder(app, folder):
        return 0
    session = login(folder)
    if session is None:
        return 0
    own = user_language(folder, session.user, lang)
    if own != language:  # the login window spoke the folder's last choice; the program speaks this user's
        language = own
        make_application(language)
    window = open_main_window(session, workers, language)
    window.show()
    try:
        return app.exec()
    finally:
        workers.stop_all()
        window.close_session()


def hold_folder(app, folder: Path) -> bool:
    """Hold the data folder for this desktop program; when another one holds it, say so and ask (the default is to
    close: usually a second double click on a slow PC). False when the user chose to close."""
    from app.services.presence import hold_desktop
    from app.ui import messages
    from app.ui.texts import tr

    hold = hold_desktop(folder)
    if hold is None:
        from app.ui import startup_probe

        if startup_probe.question_instead("already_open"):
            return False
        text = tr("TNLĐ is already open on this data folder ({folder}), in another window of this computer. Use "
                  "that window: look for TNLĐ on the taskbar. Open a second window only if you know why: both work "
                  "on the same data.").format(folder=folder)
        if not messages.ask(None, text, yes=tr("Open a second window"), no=tr("Close"), title=tr("TNLĐ is already open")):
            return False
    app._tnld_presence = hold  # type: ignore[attr-defined] - held as long as the program runs
    return True


def login(folder: Path):
    """The login dialog; the logged-in session, or None when the user closed it."""
    from app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(folder)
    if not dialog.exec():
        return None
    return dialog.session


def open_main_window(session, workers, lang: str):
    from app.ui.context import AppContext, UserState
    from app.ui.events import Events
    from app.ui.main_window import MainWindow

    ctx = AppContext(session=session, events=Events(), workers=workers,
                     state=UserState(session.datadir.path, session.user), lang=lang)
    return MainWindow(ctx)
