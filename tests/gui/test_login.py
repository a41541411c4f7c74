"""The login dialog and the recovery of a forgotten password, driven through their real widgets over a real
encrypted data folder; the unlocking runs on a worker thread, which each test waits for."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from tests.conftest import PASSWORD
from tests.gui.conftest import send_key, type_text

NEW_PASSWORD = "ba con meo tren mai nha"
# The offscreen platform warns about every window shown; nothing of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def child(widget: QWidget, kind, name: str):
    found = widget.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def dialog(commune_dir, qtbot):
    from app.ui.login_dialog import LoginDialog

    made = LoginDialog(commune_dir)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    yield made
    if made.session is not None:
        made.session.close()


def log_in(qtbot, dialog, user: str | None, password: str) -> None:
    """Type into the real fields (focus as a user would move it) and press Enter; wait for the worker."""
    user_edit = child(dialog, QLineEdit, "user")
    password_edit = child(dialog, QLineEdit, "password")
    if user is not None:
        user_edit.setFocus()
        user_edit.selectAll()
        type_text(user_edit, user)
    password_edit.setFocus()
    type_text(password_edit, password)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=30_000):
        send_key(password_edit, Qt.Key.Key_Return, "\r")


def test_the_admin_named_at_set_up_is_offered_and_the_right_password_opens_the_folder(dialog, qtbot, commune_dir):
    from app.ui.context import folder_state

    assert child(dialog, QLineEdit, "user").text() == "admin"
    assert QApplication.focusWidget() is child(dialog, QLineEdit, "password")
    assert "Thất Khê" in child(dialog, QLabel, "unit_label").text()
    log_in(qtbot, dialog, None, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    session = dialog.session
    assert session.user == "admin" and session.user_role == "admin"
    assert folder_state(commune_dir).value("last_user") == "admin"


def test_the_session_works_on_the_gui_thread_and_does_not_print_when_it_waits(dialog, qtbot, capsys):
    log_in(qtbot, dialog, None, PASSWORD)
    session = dialog.session
    assert threading.current_thread() is threading.main_thread()
    from app.services.settings import current_settings

    current_settings(session)  # a query on the GUI thread: would raise if the connection were the worker's
    session.on_wait("db.waiting")
    assert capsys.readouterr().out == ""


def test_a_wrong_password_and_an_unknown_user_get_the_same_message_and_nothing_opens(dialog, qtbot):
    error = child(dialog, QLabel, "error")
    password = child(dialog, QLineEdit, "password")
    log_in(qtbot, dialog, None, "not the password at all")
    assert dialog.session is None and dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    wrong_password = error.text()
    assert error.isVisibleTo(dialog) and "sai" in wrong_password.lower()
    assert password.text() == "" and QApplication.focusWidget() is password
    assert password.isEnabled() and child(dialog, QPushButton, "login_button").isEnabled()
    log_in(qtbot, dialog, "nobody_here", "not the password at all")
    assert dialog.session is None
    assert error.text() == wrong_password


def test_an_empty_password_is_asked_for_without_a_try(dialog, qtbot):
    password = child(dialog, QLineEdit, "password")
    send_key(password, Qt.Key.Key_Return, "\r")
    assert dialog.is_busy() is False and dialog.session is None
    assert child(dialog, QLabel, "error").isVisibleTo(dialog)


def test_enter_in_the_user_name_moves_on_to_the_password(dialog, qtbot):
    user = child(dialog, QLineEdit, "user")
    user.setFocus()
    send_key(user, Qt.Key.Key_Return, "\r")
    assert QApplication.focusWidget() is child(dialog, QLineEdit, "password")
    assert not dialog.is_busy() and not child(dialog, QLabel, "error").isVisibleTo(dialog)


def test_the_last_user_is_remembered_per_folder(commune_dir, qtbot):
    from app.ui.context import folder_state
    from app.ui.login_dialog import LoginDialog

    state = folder_state(commune_dir)
    state.setValue("last_user", "tran_thi_b")
    state.sync()
    made = LoginDialog(commune_dir)
    qtbot.addWidget(made)
    assert child(made, QLineEdit, "user").text() == "tran_thi_b"


def test_the_caps_lock_hint_shows_for_capitals_without_shift_and_hides_again(dialog):
    password = child(dialog, QLineEdit, "password")
    hint = child(dialog, QLabel, "caps_hint")
    assert not hint.isVisibleTo(dialog)
    send_key(password, Qt.Key.Key_A, "A")
    assert hint.isVisibleTo(dialog)
    send_key(password, Qt.Key.Key_B, "b")
    assert not hint.isVisibleTo(dialog)
    send_key(password, Qt.Key.Key_C, "C", Qt.KeyboardModifier.ShiftModifier)  # Shift: a capital says nothing
    assert not hint.isVisibleTo(dialog)
    send_key(password, Qt.Key.Key_D, "d", Qt.KeyboardModifier.ShiftModifier)  # small with Shift: Caps Lock on
    assert hint.isVisibleTo(dialog)


def test_the_dialog_stays_responsive_while_the_key_is_derived(dialog, qtbot):
    """The try runs on a worker: the GUI thread keeps handling events, the fields are disabled meanwhile."""
    password = child(dialog, QLineEdit, "password")
    password.setFocus()
    type_text(password, PASSWORD)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=30_000):
        child(dialog, QPushButton, "login_button").click()
        assert dialog.is_busy()
        assert not password.isEnabled() and child(dialog, QWidget, "busy").isVisibleTo(dialog)
        QApplication.processEvents()  # the event loop runs while the worker works
    assert dialog.session is not None


def test_closing_during_a_try_waits_for_it_and_closes_the_session(commune_dir, qtbot):
    from app.ui.login_dialog import LoginDialog

    made = LoginDialog(commune_dir)
    qtbot.addWidget(made)
    made.show()
    password = child(made, QLineEdit, "password")
    password.setFocus()
    type_text(password, PASSWORD)
    with qtbot.waitSignal(made.attempt_ended, timeout=30_000):
        made.try_login()
        made.reject()
        assert made.isVisible()  # not closed under the running thread
    assert made.result() == QDialog.DialogCode.Rejected and not made.isVisible()
    assert made.session is None
    # The session made by the abandoned try was closed: a restore could take the folder alone.
    from app.db.folderlock import FolderLock

    FolderLock(commune_dir).acquire(exclusive=True, timeout=0).release()


def test_a_notice_of_the_core_is_shown_after_login(dialog, qtbot, monkeypatch, messages):
    import app.services.first_run as first_run

    real = first_run.login_for_handover

    def with_notice(*args, **kwargs):
        session = real(*args, **kwargs)
        session.notices.append(("password.mismatch", {}))
        return session

    monkeypatch.setattr(first_run, "login_for_handover", with_notice)
    log_in(qtbot, dialog, None, PASSWORD)
    assert dialog.session is not None
    from app.core.messages import render
    from app.ui.texts import qt_translate

    assert messages.texts("info") == [render("password.mismatch", {}, qt_translate)]
    assert messages.texts("info")[0] != render("password.mismatch")  # in Vietnamese


def test_forgot_password_sets_a_new_one_with_the_recovery_code_then_logs_in(dialog, qtbot, recovery_code,
                                                                             messages, monkeypatch):
    from app.ui import login_dialog

    seen = {}

    def run_recovery(self):
        seen["dialog"] = self
        self.show()
        code = child(self, QLineEdit, "recovery_code")
        code.setFocus()
        type_text(code, "WRONG-CODE-0000")
        for name, text in (("recovery_password", NEW_PASSWORD), ("recovery_password2", NEW_PASSWORD)):
            field = child(self, QLineEdit, name)
            field.setFocus()
            type_text(field, text)
        with qtbot.waitSignal(self.attempt_ended, timeout=30_000):
            child(self, QPushButton, "recovery_ok").click()
        seen["wrong"] = child(self, QLabel, "recovery_error").text()
        assert self.isVisible()
        code.setFocus()
        code.selectAll()
        type_text(code, recovery_code.lower())
        with qtbot.waitSignal(self.attempt_ended, timeout=30_000):
            child(self, QPushButton, "recovery_ok").click()
        return self.result()

    monkeypatch.setattr(login_dialog.RecoveryDialog, "exec", run_recovery)
    child(dialog, QPushButton, "forgot_button").click()
    recovery = seen["dialog"]
    assert child(recovery, QLineEdit, "recovery_user").text() == "admin"
    assert "mã khôi phục" in seen["wrong"].lower()
    assert recovery.result() == QDialog.DialogCode.Accepted and len(messages.texts("info")) == 1
    # Back at the login: the new password opens the folder, the old one does not.
    assert dialog.focusWidget() is child(dialog, QLineEdit, "password")
    dialog.activateWindow()
    log_in(qtbot, dialog, None, PASSWORD)
    assert dialog.session is None
    log_in(qtbot, dialog, None, NEW_PASSWORD)
    assert dialog.session is not None and dialog.session.user == "admin"


def test_recovery_refuses_a_weak_or_mismatched_password_before_any_try(commune_dir, qtbot):
    from app.ui.login_dialog import RecoveryDialog

    made = RecoveryDialog(commune_dir, "admin")
    qtbot.addWidget(made)
    made.show()
    for name, text in (("recovery_code", "AAAA-BBBB"), ("recovery_password", "1234567890"),
                       ("recovery_password2", "1234567890")):
        field = child(made, QLineEdit, name)
        field.setFocus()
        type_text(field, text)
    child(made, QPushButton, "recovery_ok").click()
    assert made._job is None
    assert "1234567890" in child(made, QLabel, "recovery_error").text()
    field = child(made, QLineEdit, "recovery_password")
    field.clear()
    field.setFocus()
    type_text(field, NEW_PASSWORD)
    child(made, QPushButton, "recovery_ok").click()
    assert made._job is None and "hai lần" in child(made, QLabel, "recovery_error").text()


# -- a damaged or missing database -------------------------------------------------------------------------------


def _folder_with_automatic_backups(folder):
    """Two automatic backups (2 accidents, then 4), then one accident more that the damage loses."""
    import datetime as dt

    from app.services import records
    from app.services.backup import auto_backup
    from app.services.workspace import login
    from tests.conftest import make_accident

    now = dt.datetime.now()
    with login(folder, "admin", PASSWORD) as session:
        for _ in range(2):
            records.save_accident(session, make_accident())
        older = auto_backup(session, now=now - dt.timedelta(days=3))
        for _ in range(2):
            records.save_accident(session, make_accident())
        newest = auto_backup(session, now=now - dt.timedelta(hours=2))
        records.save_accident(session, make_accident(work="Sửa mái nhà"))
    return older, newest


def show_active(qtbot, dialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def press_and_wait(qtbot, dialog, button: str) -> None:
    """Click a button of the restore dialog and wait for its worker. (Not `waitSignal`: inside the login's slot that
    runs the dialog, pytest-qt's nested loop starved the worker thread.)"""
    child(dialog, QPushButton, button).click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60_000)


def _cut_short(db):
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])


def test_a_damaged_database_offers_the_newest_automatic_backup_and_logs_in_after_it(commune_dir, qtbot, messages,
                                                                                    monkeypatch):
    from app.services import records
    from app.ui import damaged_restore
    from app.ui.login_dialog import LoginDialog

    _older, newest = _folder_with_automatic_backups(commune_dir)
    _cut_short(commune_dir / "tnld.db")
    dialog = LoginDialog(commune_dir)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    offer = child(dialog, QPushButton, "restore_auto_button")
    assert not offer.isVisibleTo(dialog)
    log_in(qtbot, dialog, None, PASSWORD)
    assert dialog.session is None
    assert "hỏng" in child(dialog, QLabel, "error").text().lower()  # the damaged-database message, in Vietnamese
    assert offer.isVisibleTo(dialog) and child(dialog, QPushButton, "restore_file_button").isVisibleTo(dialog)
    seen = {}

    def run(self):
        seen["backup"] = self.backup
        show_active(qtbot, self)
        password = child(self, QLineEdit, "restore_password")
        assert child(self, QLineEdit, "restore_user").text() == "admin"
        restore_button = child(self, QPushButton, "restore_button")
        assert not restore_button.isEnabled()  # nothing is restored before the backup was opened and shown
        password.setFocus()
        type_text(password, "not the password")
        press_and_wait(qtbot, self, "check_button")
        seen["wrong"] = child(self, QLabel, "restore_error").text()
        assert not restore_button.isEnabled()
        password.setFocus()
        password.clear()
        type_text(password, PASSWORD)
        press_and_wait(qtbot, self, "check_button")
        seen["summary"] = child(self, QLabel, "backup_summary").text()
        assert restore_button.isEnabled()
        press_and_wait(qtbot, self, "restore_button")
        return self.result()

    monkeypatch.setattr(damaged_restore.DamagedRestoreDialog, "exec", run)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=60_000):  # the login that follows the restore
        offer.click()
    assert seen["backup"] == newest
    assert seen["wrong"] and "4" in seen["summary"] and "06040" in seen["summary"]
    assert len(messages.texts("info")) == 1 and "4" in messages.texts("info")[0]
    session = dialog.session
    assert session is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert records.count_accidents(session) == 4
    assert not offer.isVisibleTo(dialog)
    assert list((commune_dir / "backups").glob("damaged-*/tnld.db"))
    session.close()


def test_a_missing_database_can_take_another_backup_file(commune_dir, qtbot, messages, monkeypatch, tmp_path):
    from app.services import records
    from app.services.backup import write_backup
    from app.services.workspace import login
    from app.ui import damaged_restore, file_choosers
    from app.ui.login_dialog import LoginDialog
    from tests.conftest import make_accident

    with login(commune_dir, "admin", PASSWORD) as session:
        records.save_accident(session, make_accident())
        manual = write_backup(session, tmp_path / "usb.tnldbak")
    (commune_dir / "tnld.db").unlink()
    dialog = LoginDialog(commune_dir)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    log_in(qtbot, dialog, None, PASSWORD)
    assert not child(dialog, QPushButton, "restore_auto_button").isVisibleTo(dialog)  # there is none
    chooser = child(dialog, QPushButton, "restore_file_button")
    assert chooser.isVisibleTo(dialog)
    monkeypatch.setattr(file_choosers, "open_path", lambda *args, **kwargs: manual)

    def run(self):
        show_active(qtbot, self)
        password = child(self, QLineEdit, "restore_password")
        password.setFocus()
        type_text(password, PASSWORD)
        press_and_wait(qtbot, self, "check_button")
        press_and_wait(qtbot, self, "restore_button")
        return self.result()

    monkeypatch.setattr(damaged_restore.DamagedRestoreDialog, "exec", run)
    with qtbot.waitSignal(dialog.attempt_ended, timeout=60_000):
        chooser.click()
    assert dialog.session is not None and records.count_accidents(dialog.session) == 1
    dialog.session.close()


def test_a_wrong_password_offers_no_restore(dialog, qtbot):
    log_in(qtbot, dialog, None, "not the password at all")
    assert not child(dialog, QPushButton, "restore_auto_button").isVisibleTo(dialog)
    assert not child(dialog, QPushButton, "restore_file_button").isVisibleTo(dialog)
