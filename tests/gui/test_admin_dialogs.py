"""The admin pages and About (issue 12, item 9) over a real encrypted store: users, settings, backup and restore
through the dialog, the audit log and its chain check, role refusals, the licences."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from app.core.errors import UserError
from app.services import records, users
from app.services.workspace import login
from app.ui.texts import error_text
from tests.conftest import PASSWORD, make_accident
from tests.gui.conftest import logged_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OTHER_PASSWORD = "hoa ban nở trên đồi"


def wait_idle(qtbot, ctx) -> None:
    """Until every worker the dialog started (and the ones their results started) has finished."""
    qtbot.waitUntil(lambda: ctx.workers.running() == 0, timeout=30_000)


def names_and_roles(session) -> dict[str, tuple[str, bool]]:
    return {user.name: (user.role, user.active) for user in users.list_users(session)}


@pytest.fixture
def recovery_codes(monkeypatch) -> list[str]:
    from app.ui import admin_dialogs

    shown: list[str] = []
    monkeypatch.setattr(admin_dialogs, "present_recovery_code", lambda parent, code, lost: shown.append(code))
    return shown


# --------------------------------------------------------------------------------------------------- users


def test_the_users_model_passes_the_model_tester(ctx, qtmodeltester):
    from app.ui.admin_dialogs import UsersModel

    users.add_user(ctx.session, "lan", "clerk", OTHER_PASSWORD)
    model = UsersModel()
    model.set_users(users.list_users(ctx.session))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(1, 1).data(Qt.ItemDataRole.UserRole) == "clerk"
    assert model.index(1, 2).data(Qt.ItemDataRole.UserRole) is True


def test_add_a_user_change_the_role_and_disable_them(ctx, qtbot, messages, recovery_codes, commune_dir):
    from app.ui.admin_dialogs import UsersDialog

    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.refusal is None and dialog.model.rowCount() == 1
    changed = []
    ctx.events.users_changed.connect(lambda: changed.append(True))

    dialog.ask_new_user = lambda: {"name": "lan", "role": "clerk", "password": OTHER_PASSWORD}
    dialog.add_button.click()
    wait_idle(qtbot, ctx)
    assert names_and_roles(ctx.session)["lan"] == ("clerk", True)
    assert dialog.model.rowCount() == 2 and dialog.selected_user().name == "lan"
    assert changed == [True]

    dialog.ask_role = lambda user, role: "viewer"
    dialog.role_button.click()
    wait_idle(qtbot, ctx)
    assert names_and_roles(ctx.session)["lan"] == ("viewer", True)

    old_key = ctx.session.key
    messages.answers.append(True)
    dialog.disable_button.click()
    wait_idle(qtbot, ctx)
    assert names_and_roles(ctx.session)["lan"] == ("viewer", False)
    assert len(recovery_codes) == 1 and ctx.session.key != old_key  # a new key, and its code shown once
    assert messages.texts("error") == []
    assert not dialog.disable_button.isEnabled() and dialog.enable_button.isEnabled()
    # The window's session came back on the re-keyed database and still writes.
    records.save_accident(ctx.session, make_accident())
    assert records.count_accidents(ctx.session) == 1
    with pytest.raises(UserError):
        login(commune_dir, "lan", OTHER_PASSWORD)

    dialog.ask_password = lambda mode, user: {"password": "sông Kỳ Cùng chảy mãi", "leaked": False}
    dialog.enable_button.click()
    wait_idle(qtbot, ctx)
    assert names_and_roles(ctx.session)["lan"] == ("viewer", True)
    with login(commune_dir, "lan", "sông Kỳ Cùng chảy mãi") as opened:
        assert opened.user_role == "viewer"


def test_the_last_admin_cannot_be_disabled_and_the_core_says_why(ctx, qtbot, messages, recovery_codes):
    from app.ui.admin_dialogs import UsersDialog

    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.select("admin")
    messages.answers.append(True)
    dialog.disable_button.click()
    wait_idle(qtbot, ctx)
    assert messages.texts("error") == [error_text(UserError("user.last_admin", user="admin"))]
    assert names_and_roles(ctx.session)["admin"] == ("admin", True) and recovery_codes == []
    assert records.count_accidents(ctx.session) == 0  # the session came back after the refusal


def test_reset_a_leaked_password_and_change_my_own(ctx, qtbot, messages, recovery_codes, commune_dir):
    from app.ui.admin_dialogs import UsersDialog

    users.add_user(ctx.session, "lan", "clerk", OTHER_PASSWORD)
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.select("lan")
    dialog.ask_password = lambda mode, user: {"password": "mây trắng bay qua núi", "leaked": True}
    dialog.reset_button.click()
    wait_idle(qtbot, ctx)
    assert len(recovery_codes) == 1 and messages.texts("error") == []
    with pytest.raises(UserError):
        login(commune_dir, "lan", OTHER_PASSWORD)
    with login(commune_dir, "lan", "mây trắng bay qua núi") as opened:
        assert opened.user_role == "clerk"

    dialog.ask_password = lambda mode, user: {"old_password": PASSWORD, "password": "đường lên Mẫu Sơn xa"}
    dialog.own_button.click()
    wait_idle(qtbot, ctx)
    assert messages.texts("error") == []
    with login(commune_dir, "admin", "đường lên Mẫu Sơn xa") as opened:
        assert opened.user_role == "admin"


def test_the_password_dialog_shows_the_core_rule_and_refuses_a_weak_or_mismatched_password(ctx, qtbot):
    from app.ui.admin_dialogs import PasswordDialog
    from tests.gui.conftest import type_text

    dialog = PasswordDialog(ctx, "add")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setFocus()
    type_text(dialog.name, "hoa")
    dialog.password.setFocus()
    type_text(dialog.password, "1234567890")
    dialog.repeat.setFocus()
    type_text(dialog.repeat, "1234567890")
    assert not dialog.problem.isHidden()
    assert error_text(UserError("password.sequence")) in dialog.problem.text()
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()

    dialog.password.setText("chim én về làng")
    dialog.repeat.setText("chim én về bản")
    assert error_text(UserError("password.mismatch")) in dialog.problem.text()
    dialog.repeat.setText("chim én về làng")
    assert dialog.problem.isHidden()
    dialog.role.setCurrentIndex(2)
    dialog.ok_button.click()
    assert dialog.result() == 1
    assert dialog.values() | {"leaked": None, "old_password": None} == {
        "name": "hoa", "role": "viewer", "password": "chim én về làng", "leaked": None, "old_password": None}


# ------------------------------------------------------------------------------------------------ settings


def test_settings_are_saved_through_the_core_and_read_back(ctx, qtbot, messages):
    from app.services.settings import current_settings
    from app.ui.admin_dialogs import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    keys = {setting.key for setting, _value in current_settings(ctx.session)}
    assert set(dialog.editors) == keys  # every setting has its editor
    changed = []
    ctx.events.settings_changed.connect(lambda: changed.append(True))

    dialog.editors["signer_name"].setText("Nguyễn Thị Ễ")
    dialog.editors["reporter_phone"].setText("12345")
    dialog.editors["due_days_after_end.half"].setValue(12)
    dialog.editors["periodic_annex"].setChecked(False)
    assert dialog.save() is False  # the phone is refused, beside its field; the others are stored
    assert not dialog.errors["reporter_phone"].isHidden()
    assert error_text(UserError("setting.bad_phone", value="12345")) in dialog.errors["reporter_phone"].text()
    stored = {setting.key: value for setting, value in current_settings(ctx.session)}
    assert stored["signer_name"] == "Nguyễn Thị Ễ"
    assert stored["due_days_after_end.half"] == 12 and stored["periodic_annex"] == "off"
    assert stored["reporter_phone"] is None
    assert changed

    dialog.editors["reporter_phone"].setText("0912 345 678")
    dialog.save_button.click()
    assert dialog.result() == 1 and dialog.errors["reporter_phone"].isHidden()
    stored = {setting.key: value for setting, value in current_settings(ctx.session)}
    assert stored["reporter_phone"] == "0912345678"

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.editors["signer_name"].text() == "Nguyễn Thị Ễ"
    assert again.editors["periodic_annex"].isChecked() is False and not again.is_dirty()


def test_the_language_is_kept_for_the_user_and_read_before_login(ctx, qtbot, messages):
    from app.ui.admin_dialogs import SettingsDialog
    from app.ui.application import choose_language

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "vi"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.save()
    assert ctx.state.value("language") == "en"
    assert choose_language(ctx.folder, None) == "en"
    assert len(messages.texts("info")) == 1  # "at the next login"


def test_each_user_gets_their_own_language_after_login(ctx, monkeypatch):
    """Found by the attack session: the language chosen by one user was the program's for every user after
    them, and a user's own choice was never applied at login. The login window speaks the folder's last
    choice; after login the program speaks the user's (unless --lang or TNLD_LANG says otherwise)."""
    from app.ui.application import choose_language, user_language
    from app.ui.context import UserState, folder_state

    monkeypatch.delenv("TNLD_LANG", raising=False)
    UserState(ctx.folder, "lan").set_value("language", "en")
    UserState(ctx.folder, "hoa").set_value("language", "vi")
    shared = folder_state(ctx.folder)
    shared.setValue("language", "en")  # Lan chose English last
    shared.sync()
    assert choose_language(ctx.folder, None) == "en"  # the login window
    assert user_language(ctx.folder, "hoa", None) == "vi"
    assert user_language(ctx.folder, "lan", None) == "en"
    assert user_language(ctx.folder, "new-user", None) == "en"  # no choice of their own: as the login spoke
    assert user_language(ctx.folder, "hoa", "en") == "en"  # --lang wins
    monkeypatch.setenv("TNLD_LANG", "en")
    assert user_language(ctx.folder, "hoa", None) == "en"


def test_closing_with_changed_settings_asks(ctx, qtbot, messages):
    from app.services.settings import current_settings
    from app.ui.admin_dialogs import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.editors["signer_name"].setText("Hoàng Văn Ỗ")
    messages.answers.append("cancel")
    dialog.reject()
    assert len(messages.texts("ask_save")) == 1 and dialog.result() == 0
    messages.answers.append("save")
    dialog.reject()
    assert dict((s.key, v) for s, v in current_settings(ctx.session))["signer_name"] == "Hoàng Văn Ỗ"


# ------------------------------------------------------------------------------------------ backup, restore


def test_backup_then_restore_through_the_dialog(ctx, qtbot, messages, monkeypatch, tmp_path):
    from app.ui.admin_dialogs import BackupDialog

    kept = [make_accident(), make_accident()]
    for accident in kept:
        records.save_accident(ctx.session, accident)
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.restore_box.isVisibleTo(dialog)
    target = tmp_path / "usb" / "sao-luu.tnldbak"
    target.parent.mkdir()
    offered = []

    def save_name(parent, title, proposed, filter_):
        offered.append(proposed)
        return str(target), filter_
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialog.backup_button.click()
    wait_idle(qtbot, ctx)
    assert target.is_file()
    assert f"{dt.date.today():%Y-%m-%d}" in Path(offered[0]).name  # the proposed name carries the date
    told = messages.texts("info")
    assert len(told) == 1 and str(target) in told[0]
    size = target.stat().st_size
    assert f"{size / 1024 / 1024:.1f}".replace(".", ",") in told[0] or f"{round(size / 1024)}" in told[0]

    records.save_accident(ctx.session, make_accident())  # after the backup: the restore takes it away
    assert records.count_accidents(ctx.session) == 3
    changed = []
    ctx.events.records_changed.connect(lambda: changed.append(True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(target), "")))
    dialog.restore_password.setText(PASSWORD)
    messages.answers.append(True)
    dialog.restore_button.click()
    wait_idle(qtbot, ctx)
    assert messages.texts("error") == []
    question = messages.texts("ask")[0]
    from app.services.backup import inspect_backup

    info = inspect_backup(ctx.session, target, None, PASSWORD)
    from app.ui.admin_dialogs import local_time

    assert local_time(info.created_at) in question  # the backup's date and time
    assert re.search(r"\b2\b", question) and re.search(r"\b3\b", question)  # its accidents, and today's
    # The window's session is back, on the restored database.
    assert sorted(r["id"] for r in records.list_accidents(ctx.session)) == sorted(a["id"] for a in kept)
    assert changed == [True]
    records.save_accident(ctx.session, make_accident())  # and it writes
    assert records.count_accidents(ctx.session) == 3
    assert any("before-restore" in p.name for p in (ctx.folder / "backups").iterdir())


def test_a_refused_restore_question_changes_nothing(ctx, qtbot, messages, monkeypatch, tmp_path):
    from app.services.backup import write_backup
    from app.ui.admin_dialogs import BackupDialog

    backup = write_backup(ctx.session, tmp_path / "b.tnldbak")
    records.save_accident(ctx.session, make_accident())
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.restore_password.setText(PASSWORD)
    messages.answers.append(False)
    dialog.restore_from(backup)
    wait_idle(qtbot, ctx)
    assert len(messages.texts("ask")) == 1 and records.count_accidents(ctx.session) == 1


def test_a_wrong_password_for_the_backup_is_the_core_message(ctx, qtbot, messages, tmp_path):
    from app.services.backup import write_backup
    from app.ui.admin_dialogs import BackupDialog

    backup = write_backup(ctx.session, tmp_path / "b.tnldbak")
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.restore_password.setText("không phải mật khẩu")
    dialog.restore_from(backup)
    wait_idle(qtbot, ctx)
    assert messages.texts("error") == [error_text(UserError("backup.password", user="admin"))]
    assert messages.texts("ask") == []


def test_the_automatic_backups_are_listed_with_their_dates(ctx, qtbot):
    from app.services.backup import auto_backup
    from app.ui.admin_dialogs import BackupDialog

    made = auto_backup(ctx.session, now=dt.datetime(2026, 3, 14, 9, 30))
    assert made is not None
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.auto_list.rowCount() == 1
    assert dialog.auto_list.item(0, 0).text() == "14/03/2026 09:30"
    assert dialog.auto_list.item(0, 0).data(Qt.ItemDataRole.UserRole) == str(made)


# ------------------------------------------------------------------------------------------------ audit log


def test_the_audit_log_lists_the_login_and_the_chain_check_passes(ctx, qtbot, qtmodeltester):
    from app.ui.admin_dialogs import AuditColumn, AuditDialog

    dialog = AuditDialog(ctx)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    actions = [dialog.model.index(row, AuditColumn.WHAT).data(Qt.ItemDataRole.UserRole)
               for row in range(dialog.model.rowCount())]
    assert actions[0] == "login"  # newest first: this session's login
    assert dialog.model.index(0, AuditColumn.WHO).data() == "admin"
    dialog.check_button.click()
    wait_idle(qtbot, ctx)
    assert dialog.chain_ok is True and dialog.chain_label.text()
    assert str(len(actions)) in dialog.chain_label.text()


def test_a_changed_audit_row_breaks_the_chain(ctx, qtbot):
    from app.ui.admin_dialogs import AuditDialog

    with ctx.session.transaction():
        ctx.session.db.execute("UPDATE audit SET user = 'ai đó' WHERE seq = 2")
    dialog = AuditDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check_button.click()
    wait_idle(qtbot, ctx)
    assert dialog.chain_ok is False and "2" in dialog.chain_label.text()


# ------------------------------------------------------------------------------------------------ role rules


def test_a_clerk_is_refused_the_admin_pages_with_the_core_message(commune_dir, qtbot, messages):
    from app.ui.admin_dialogs import AuditDialog, BackupDialog, SettingsDialog, UsersDialog

    with login(commune_dir, "admin", PASSWORD) as admin:
        users.add_user(admin, "lan", "clerk", OTHER_PASSWORD)
    with logged_in(commune_dir, "lan", OTHER_PASSWORD) as clerk:
        for page in (UsersDialog, SettingsDialog, AuditDialog):
            dialog = page(clerk)
            qtbot.addWidget(dialog)
            assert dialog.exec() == 0
        refusals = messages.texts("error")
        assert len(refusals) == 3
        assert all("lan" in text for text in refusals)
        assert refusals[0] == error_text(clerk_refusal(clerk, "action.manage_users"))
        backup = BackupDialog(clerk)  # a clerk backs up (the file is encrypted), but never restores
        qtbot.addWidget(backup)
        assert backup.refusal is None and not backup.restore_box.isVisibleTo(backup)
        from app.services.backup import restore

        with pytest.raises(UserError) as refused:
            restore(clerk.session, commune_dir / "none.tnldbak", None, OTHER_PASSWORD)
        assert refused.value.code == "role.forbidden"


def clerk_refusal(ctx, action: str) -> UserError:
    try:
        ctx.session.require(action, "admin")
    except UserError as error:
        return error
    raise AssertionError("not refused")


def test_a_viewer_sees_about_with_the_notices_and_the_libraries(commune_dir, qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from app.ui.about_dialog import AboutDialog

    with login(commune_dir, "admin", PASSWORD) as admin:
        users.add_user(admin, "xem", "viewer", OTHER_PASSWORD)
    with logged_in(commune_dir, "xem", OTHER_PASSWORD) as viewer:
        dialog = AboutDialog(viewer)
        qtbot.addWidget(dialog)
        from app import __version__

        assert dialog.version.text() == __version__
        assert dialog.folder.text() == str(commune_dir)
        notices = dialog.notices.toPlainText()
        assert "LiberationSerif" in notices and "SIL Open Font License" in notices
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices and "_internal/PySide6" in notices
        table = dialog.library_table
        licences = {table.item(row, 0).text(): table.item(row, 2).text() for row in range(table.rowCount())}
        assert "BSD" in licences["reportlab"] and licences["openpyxl"] == "MIT"
        assert licences["sqlite-utils"] == "Apache-2.0" and "LGPL" in licences["pyside6-essentials"]
        # Every library the program needs, found from the project's requirements: dependencies of dependencies too.
        assert {"pyside6-pdf", "shiboken6", "pyhanko", "asn1crypto", "sqlcipher3", "cryptography"} <= set(licences)
        assert "pytest" not in licences and "ruff" not in licences  # the extras are not shipped
        opened = []
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
        dialog.open_button.click()
        assert opened and Path(opened[0].toLocalFile()) == commune_dir


def test_the_recovery_code_stays_until_the_user_says_it_is_written_down(qtbot):
    from app.ui.admin_dialogs import RecoveryCodeDialog

    dialog = RecoveryCodeDialog("ABCD-EFGH-IJKL-MNOP", ("lan",))
    qtbot.addWidget(dialog)
    dialog.show()
    from PySide6.QtWidgets import QLabel

    assert dialog.findChild(QLabel, "recovery_code").text() == "ABCD-EFGH-IJKL-MNOP"
    assert not dialog.close_button.isEnabled()
    dialog.reject()  # Esc
    assert dialog.isVisible()
    dialog.written.setChecked(True)
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.result() == 1


def test_a_clerk_changes_their_own_password_without_the_users_page(commune_dir, qtbot, messages):
    from app.ui.admin_dialogs import change_my_password

    with login(commune_dir, "admin", PASSWORD) as admin:
        users.add_user(admin, "lan", "clerk", OTHER_PASSWORD)
    with logged_in(commune_dir, "lan", OTHER_PASSWORD) as clerk:
        change_my_password(clerk, None, ask=lambda ctx, parent: {"old_password": "sai rồi mà", "password": "x"})
        wait_idle(qtbot, clerk)
        assert messages.texts("error") == [error_text(UserError("password.short", minimum=10))]
        change_my_password(clerk, None, ask=lambda ctx, parent: {"old_password": "sai rồi mà",
                                                                 "password": "trăng rằm soi bản nhỏ"})
        wait_idle(qtbot, clerk)
        assert messages.texts("error")[-1] == error_text(UserError("login.failed"))
        change_my_password(clerk, None, ask=lambda ctx, parent: {"old_password": OTHER_PASSWORD,
                                                                 "password": "trăng rằm soi bản nhỏ"})
        wait_idle(qtbot, clerk)
        assert len(messages.texts("info")) == 1
    with login(commune_dir, "lan", "trăng rằm soi bản nhỏ") as opened:
        assert opened.user_role == "clerk"


def test_every_user_chooses_their_own_language_in_the_view_menu(ctx, qtbot, messages, monkeypatch):
    """Found by the attack sessions: the language was in the admin's settings only, so a clerk or a viewer could
    never choose theirs. View ▸ Language is every user's; it applies from their next login."""
    from app.services.users import add_user
    from app.ui.application import user_language
    from app.ui.main_window import MainWindow
    from tests.gui.conftest import logged_in

    monkeypatch.delenv("TNLD_LANG", raising=False)
    add_user(ctx.session, "xem", "viewer", "Suoi-nuoc-trong-2026")
    with logged_in(ctx.folder, "xem", "Suoi-nuoc-trong-2026") as viewer:
        window = MainWindow(viewer)
        qtbot.addWidget(window)
        english = window.findChild(QAction, "actionLanguage_en")
        assert english is not None and english.isEnabled() and not english.isChecked()
        english.trigger()
        assert len(messages.texts("info")) == 1
        assert user_language(ctx.folder, "xem", None) == "en"
        window.close()
    assert ctx.state.value("language") is None  # the admin's own choice is theirs: untouched
