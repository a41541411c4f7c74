"""Screenshots of the desktop program for docs/screenshots/ (issue 12), in Vietnamese, on a 1366×768 screen:
`./dev.sh screenshots` runs this under Xvfb twice, at 100 % and at 125 % (`QT_SCALE_FACTOR=1.25`).

Run by hand: `xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tests/gui/screenshots.py OUT_DIR [SUFFIX]`.
It sets up its own demo folders (a commune of 120 synthetic accidents, an office whose key card the commune
trusts) in a temporary folder, then opens each window as a user reaches it and saves what the screen shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "demo-password"


def settle(seconds: float = 0.3) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(window, path: Path, whole_screen: bool = False) -> None:
    """What the screen shows of *window* (popups included when *whole_screen*)."""
    from PySide6.QtGui import QGuiApplication

    settle()
    image = QGuiApplication.primaryScreen().grabWindow(0) if whole_screen else window.grab()
    image.save(str(path))
    print(path.name, image.width(), "×", image.height())


def type_into(widget, text: str) -> None:
    from tests.gui.conftest import type_text

    widget.setFocus()
    type_text(widget, text)


def main(out: Path, suffix: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    from app.services.workspace import login
    from app.ui import messages
    from app.ui.application import make_application, open_main_window
    from app.ui.login_dialog import LoginDialog
    from app.ui.preview_dialog import show_accident_form
    from app.ui.send_dialog import SendDialog
    from app.ui.wizard import SetupWizard
    from app.ui.worker import Workers
    from bench.gui_stall import trust_an_office

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tnld-shots-"))
    folder = work / "commune"
    env = dict(os.environ, TNLD_PASSWORD=PASSWORD)
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(folder), "demo", "--count", "120"], env=env,
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    trust_an_office(folder, PASSWORD, work)

    class Quiet(messages.MessageBackend):
        def info(self, parent, text, title=None):
            pass

        def ask(self, parent, text, yes=None, no=None, title=None):
            return False

        def ask_save(self, parent, text, title=None):
            return "discard"

    messages.backend = Quiet()
    app = make_application("vi")

    wizard = SetupWizard(work / "new")
    wizard.show()
    wizard.activateWindow()
    settle()
    wizard.next()
    picker = wizard.findChild(QLineEdit, "unit_picker")
    type_into(picker, "doan ket")
    shoot(wizard, out / f"wizard-unit{suffix}.png", whole_screen=True)
    wizard.reject()

    dialog = LoginDialog(folder)
    dialog.show()
    shoot(dialog, out / f"login{suffix}.png")
    dialog.reject()

    session = login(folder, "admin", PASSWORD)
    workers = Workers(app)
    window = open_main_window(session, workers, "vi")
    window.showMaximized()
    window.setGeometry(app.primaryScreen().availableGeometry())  # Xvfb has no window manager to maximise it
    deadline = time.monotonic() + 20
    while window.index is None and time.monotonic() < deadline:
        settle(0.05)
    window.view.selectRow(2)
    shoot(window, out / f"main-window{suffix}.png")
    type_into(window.search, "nong van")
    shoot(window, out / f"main-window-search{suffix}.png")
    window.search.clear()

    from app.ui.accident_form import AccidentForm

    form = AccidentForm(window.ctx, parent=window)
    form.show()
    type_into(form.ui.occurred_on, "12/3/26")
    type_into(form.ui.village, "Thôn Nà Pàn")
    form.save()  # the errors beside their fields and in the list
    shoot(form, out / f"accident-form-errors{suffix}.png")
    form.close()

    obligations = window.obligations
    obligations.show()
    shoot(obligations, out / f"obligations-panel{suffix}.png")

    send = SendDialog(window.ctx, window)
    send.show()
    send.set_folder(work / "usb")
    (work / "usb").mkdir(exist_ok=True)
    send.export()
    deadline = time.monotonic() + 30
    while send.result is None and time.monotonic() < deadline:
        settle(0.05)
    shoot(send, out / f"send-dialog{suffix}.png")
    send.close()

    accident_id = window.current_id()
    from app.services import records

    fatal = [row["id"] for row in records.list_accidents(session) if row.get("deaths")]
    preview = show_accident_form(window.ctx, window, "quick", fatal[0] if fatal else accident_id)
    preview.resize(1000, 720)
    deadline = time.monotonic() + 30
    while preview.data is None and time.monotonic() < deadline:
        settle(0.05)
    settle(0.5)
    shoot(preview, out / f"print-preview{suffix}.png")
    preview.close()
    window.close()
    workers.stop_all()
    window.close_session()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
