"""Every window and dialog of the program, opened in Vietnamese, shows no English word outside the allowed terms
(issue 12: "a test walks every window and dialog in Vietnamese"). `tests/gui/walker.py` says what counts as English.

Each window is opened as the user reaches it, over a store holding an accident with two victims (one of them dead,
so that every form of it can be printed) and its second version, so that tables and lists have rows to read.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard

from app.services import records
from tests.conftest import make_accident, make_victim
from tests.gui.conftest import press, type_text
from tests.gui.walker import english_in, english_words, texts_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


class Findings:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.windows: list[str] = []

    def check(self, window: QWidget, name: str | None = None) -> None:
        QApplication.processEvents()
        self.windows.append(name or window.objectName() or type(window).__name__)
        self.found.extend(f"{self.windows[-1]} › {line}" for line in english_in(window))


@pytest.fixture
def findings() -> Findings:
    return Findings()


@pytest.fixture
def stored(ctx) -> str:
    """An accident in two versions, one victim dead, so every window has something to show."""
    accident = make_accident(victims=[make_victim(severity="fatal", died_on=make_accident()["occurred_on"]),
                                      make_victim(name="Lý Thị Mai", sex="F", id_number=None)])
    records.save_accident(ctx.session, accident)
    records.save_accident(ctx.session, dict(accident, village="Thôn Bản Cưởm"))
    return accident["id"]


def test_the_english_word_list_is_meaningful():
    """The walker would see English: common words of our sources are in it, Vietnamese ones are not."""
    words = english_words()
    assert {"accident", "save", "victim", "password", "cancel"} <= words
    assert not {"in", "xem", "tin", "pdf"} & words


def test_the_walker_sees_an_untranslated_text(qtbot, findings):
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(QLabel("Save the accident", window))
    findings.check(window, "probe")
    assert findings.found and "accident" in findings.found[0]


def test_the_set_up_wizard_and_the_login(qtbot, tmp_path, commune_dir, findings):
    from app.ui.login_dialog import LoginDialog, RecoveryDialog
    from app.ui.wizard import SetupWizard

    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    findings.check(wizard, "wizard: role")
    wizard.next()
    picker = wizard.findChild(QLineEdit, "unit_picker")
    picker.setFocus()
    type_text(picker, "doan ket")
    findings.check(picker.popup(), "wizard: unit list")
    press(picker, Qt.Key.Key_Return)
    findings.check(wizard, "wizard: unit")
    wizard.next()
    for name, text in (("admin_password", "ngan"), ("admin_password2", "ngan")):
        field = wizard.findChild(QLineEdit, name)
        field.setFocus()
        type_text(field, text)
    findings.check(wizard, "wizard: first admin, weak password")
    for name in ("admin_password", "admin_password2"):
        field = wizard.findChild(QLineEdit, name)
        field.setFocus()
        field.selectAll()
        type_text(field, "hai con vit bau tren ao")
    wizard.next()
    findings.check(wizard, "wizard: office card")
    wizard.next()
    findings.check(wizard, "wizard: summary")
    assert wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    wizard.reject()

    login = LoginDialog(commune_dir)
    qtbot.addWidget(login)
    login.show()
    findings.check(login, "login")
    recovery = RecoveryDialog(commune_dir, "admin")
    qtbot.addWidget(recovery)
    recovery.show()
    findings.check(recovery, "forgot password")
    assert findings.found == [], "\n".join(findings.found)


def test_the_restore_windows_of_the_wizard_and_the_login(qtbot, tmp_path, commune_dir, findings, messages):
    """A backup of another computer restored by the set-up wizard; a damaged database's restore at login."""
    import datetime as dt

    from app.services.backup import auto_backup
    from app.services.workspace import login
    from app.ui.damaged_restore import DamagedRestoreDialog
    from app.ui.login_dialog import LoginDialog
    from app.ui.wizard import SetupWizard
    from tests.conftest import PASSWORD

    with login(commune_dir, "admin", PASSWORD) as session:
        records.save_accident(session, make_accident())
        backup = auto_backup(session, now=dt.datetime.now() - dt.timedelta(hours=1))
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.role_page.restore.setChecked(True)
    wizard.next()
    page = wizard.restore_page
    findings.check(wizard, "wizard: restore a backup")
    page.backup = backup
    page.password.setText("sai mật khẩu")
    with qtbot.waitSignal(wizard.restore_ended, timeout=30_000):
        wizard.open_backup()
    findings.check(wizard, "wizard: a wrong password")
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(wizard.restore_ended, timeout=30_000):
        wizard.open_backup()
    findings.check(wizard, "wizard: the backup shown")
    with qtbot.waitSignal(wizard.restore_ended, timeout=30_000):
        wizard.next()
    assert wizard.restored is not None
    findings.check(wizard, "wizard: restored")

    data = (commune_dir / "tnld.db").read_bytes()
    (commune_dir / "tnld.db").write_bytes(data[: len(data) // 2 + 100])
    dialog = LoginDialog(commune_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=30_000):
        dialog.try_login()
    assert dialog.restore_auto_button.isVisibleTo(dialog)
    findings.check(dialog, "login: a damaged database")
    restore = DamagedRestoreDialog(commune_dir, backup, "admin", dialog)
    qtbot.addWidget(restore)
    restore.show()
    findings.check(restore, "login: restore a backup")
    restore.password_edit.setText(PASSWORD)
    restore.check()
    qtbot.waitUntil(lambda: not restore.is_busy(), timeout=30_000)
    assert restore.info is not None
    findings.check(restore, "login: the backup shown")
    assert findings.found == [], "\n".join(findings.found)


def test_the_accident_windows(qtbot, ctx, stored, findings, messages):
    from app.ui.accident_form import AccidentForm, ReasonDialog
    from app.ui.history_dialog import HistoryDialog

    form = AccidentForm(ctx, stored)  # deletes itself on close
    form.show()
    findings.check(form, "accident form")
    form.close()
    new = AccidentForm(ctx)
    new.show()
    new.save()  # an empty form: every error beside its field and in the list
    findings.check(new, "accident form with errors")
    history = HistoryDialog(ctx, stored)
    qtbot.addWidget(history)
    history.show()
    findings.check(history, "history")
    reason = ReasonDialog(None, "Hủy vụ tai nạn", "Vì sao?")
    qtbot.addWidget(reason)
    reason.show()
    findings.check(reason, "reason")
    new.close()
    assert findings.found == [], "\n".join(findings.found)


def test_the_output_windows(qtbot, ctx, stored, findings, tmp_path, messages):
    from app.ui.keys_dialog import KeysDialog
    from app.ui.preview_dialog import show_accident_form
    from app.ui.report_dialog import ReportDialog
    from app.ui.send_dialog import SendDialog

    send = SendDialog(ctx)
    qtbot.addWidget(send)
    send.show()
    findings.check(send, "send")
    send.set_folder(tmp_path)
    job = send.export()
    qtbot.waitUntil(lambda: send.result is not None, timeout=30_000)
    assert job is not None
    findings.check(send, "send, exported")
    send.tabs.setCurrentIndex(1)
    findings.check(send, "send, receipts")
    reports = ReportDialog(ctx)
    qtbot.addWidget(reports)
    reports.show()
    findings.check(reports, "reports")
    for kind in ("quick", "event_record", "notice"):
        preview = show_accident_form(ctx, None, kind, stored)
        qtbot.waitUntil(lambda p=preview: bool(p.data is not None or messages.shown), timeout=30_000)
        assert messages.shown == []
        findings.check(preview, f"preview {kind}")
        preview.close()
    keys = KeysDialog(ctx)
    qtbot.addWidget(keys)
    keys.show()
    findings.check(keys, "key cards")
    assert findings.found == [], "\n".join(findings.found)


def test_the_admin_windows(qtbot, ctx, stored, findings):
    from app.ui.about_dialog import AboutDialog
    from app.ui.admin_dialogs import (
        AuditDialog,
        BackupDialog,
        PasswordDialog,
        RecoveryCodeDialog,
        RoleDialog,
        SettingsDialog,
        UsersDialog,
    )
    from app.ui.crash import CrashDialog

    for name, make in (("users", lambda: UsersDialog(ctx)), ("settings", lambda: SettingsDialog(ctx)),
                       ("backup", lambda: BackupDialog(ctx)), ("audit", lambda: AuditDialog(ctx)),
                       ("about", lambda: AboutDialog(ctx)),
                       ("new user", lambda: PasswordDialog(ctx, "add")),
                       ("role", lambda: RoleDialog("lan", "clerk")),
                       ("recovery code", lambda: RecoveryCodeDialog("ABCD-EFGH-IJKL-MNOP")),
                       ("crash", lambda: CrashDialog(None))):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        findings.check(dialog, name)
        dialog.close()
    assert findings.found == [], "\n".join(findings.found)


def test_the_main_window_of_a_commune_and_of_an_office(qtbot, commune_dir, office_dir, findings):
    from tests.gui.conftest import logged_in
    from tests.gui.test_main_window import clock, fill, open_window

    fill(commune_dir)
    with logged_in(commune_dir, clock=clock) as ctx:
        window = open_window(ctx, qtbot)
        findings.check(window, "main window")
        seen = [text for _where, text in texts_of(window)]
        assert len(seen) > 60 and any("Đinh Thị Hoa" in text for text in seen)  # menus, headers and rows read
        window.view.selectRow(0)
        findings.check(window, "main window, an accident chosen (obligations)")
        window.tabs.setCurrentIndex(1)
        findings.check(window, "main window, incidents")
        window.close()
    with logged_in(office_dir) as ctx:
        window = open_window(ctx, qtbot)
        findings.check(window, "main window of an office")
        window.close()
    assert findings.found == [], "\n".join(findings.found)
