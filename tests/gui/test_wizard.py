"""The first-run wizard driven through its real pages: from an empty folder to a working login; Cancel before
Create leaves nothing behind; a weak password is refused with the core's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWizard,
)

from app.core.errors import UserError
from tests.gui.conftest import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

GOOD_PASSWORD = "hai con vit bau tren ao"
Button = QWizard.WizardButton


def child(widget, kind, name: str):
    found = widget.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def make_wizard(qtbot):
    from app.ui.wizard import SetupWizard

    def make(folder):
        wizard = SetupWizard(folder)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        return wizard

    return make


def click(wizard, which: Button) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    button.click()


def into(widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def pick_unit(wizard, typed: str, code: str) -> None:
    """Type part of the name without accents, move down the list to *code*, choose it with Enter."""
    from app.ui.wizard import UNIT_PAGE

    assert wizard.currentId() == UNIT_PAGE
    picker = child(wizard, QLineEdit, "unit_picker")
    assert QApplication.focusWidget() is picker
    type_text(picker, typed)
    popup = picker.popup()
    assert popup.isVisible()
    rows = [entry.code for entry in picker.picker_model().rows()]
    assert code in rows, rows[:10]
    for _ in range(rows.index(code)):
        press(picker, Qt.Key.Key_Down)
    press(picker, Qt.Key.Key_Return)
    assert picker.code() == code
    assert wizard.currentId() == UNIT_PAGE  # the Enter that chose does not also leave the page


def fill_admin(wizard, password: str = GOOD_PASSWORD) -> None:
    page_next = wizard.button(Button.NextButton)
    name = child(wizard, QLineEdit, "admin_name")
    assert name.text() == "admin"
    into(child(wizard, QLineEdit, "admin_password"), password)
    into(child(wizard, QLineEdit, "admin_password2"), password)
    assert page_next.isEnabled()


def test_the_wizard_sets_up_a_commune_from_an_empty_folder_to_a_working_login(make_wizard, tmp_path, qtbot,
                                                                              template_dirs, monkeypatch):
    from app.ui import wizard as module
    from app.ui.wizard import ADMIN_PAGE, CARD_PAGE, CODE_PAGE, SUMMARY_PAGE

    folder = tmp_path / "new-folder"
    wizard = make_wizard(folder)
    assert wizard.buttonText(Button.NextButton) == wizard.tr("&Next >")
    assert child(wizard, type(wizard.role_page.commune), "role_commune").isChecked()
    click(wizard, Button.NextButton)

    pick_unit(wizard, "doan ket", "06001")
    assert "Đoàn Kết" in child(wizard, QLabel, "unit_chosen").text()
    click(wizard, Button.NextButton)

    # The first admin: a weak password is refused with the core's own message, Next stays disabled.
    assert wizard.currentId() == ADMIN_PAGE
    next_button = wizard.button(Button.NextButton)
    problem = child(wizard, QLabel, "admin_problem")
    into(child(wizard, QLineEdit, "admin_password"), "1234567890")
    into(child(wizard, QLineEdit, "admin_password2"), "1234567890")
    from app.ui.texts import error_text

    assert problem.text() == error_text(UserError("password.sequence")) and problem.isVisibleTo(wizard)
    assert not next_button.isEnabled()
    into(child(wizard, QLineEdit, "admin_password"), GOOD_PASSWORD)
    into(child(wizard, QLineEdit, "admin_password2"), GOOD_PASSWORD[:-1])
    assert problem.text() == error_text(UserError("password.mismatch")) and not next_button.isEnabled()
    type_text(child(wizard, QLineEdit, "admin_password2"), GOOD_PASSWORD[-1])
    assert not problem.isVisibleTo(wizard) and next_button.isEnabled()
    click(wizard, Button.NextButton)

    # The office's key card: chosen with the real button, its fingerprint shown to read aloud, trusted.
    assert wizard.currentId() == CARD_PAGE
    card_file = template_dirs["root"] / "office.card"
    monkeypatch.setattr(module.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(card_file), ""))
    child(wizard, QPushButton, "card_choose").click()
    fingerprint = child(wizard, QLabel, "card_fingerprint").text()
    assert len(fingerprint.split()) == 6 and all(len(group) == 5 for group in fingerprint.split())
    child(wizard, QCheckBox, "card_trust").setChecked(True)
    click(wizard, Button.NextButton)

    assert wizard.currentId() == SUMMARY_PAGE
    assert not folder.exists()  # nothing written before Create
    assert wizard.buttonText(Button.CommitButton) == wizard.tr("&Create")
    with qtbot.waitSignal(wizard.creation_ended, timeout=60_000):
        click(wizard, Button.CommitButton)
        assert not wizard.button(Button.CancelButton).isEnabled()  # no Cancel while the folder is made
    assert (folder / "keys.json").is_file()

    # The recovery code: large, printable; Finish only once it is written down; no way back, no Cancel.
    assert wizard.currentId() == CODE_PAGE
    code_label = child(wizard, QLabel, "recovery_code")
    code = wizard.outcome.result.recovery_code
    assert code_label.text() == code
    assert code_label.font().pointSizeF() >= 1.8 * QApplication.font().pointSizeF()
    assert not wizard.button(Button.FinishButton).isEnabled()
    assert not wizard.button(Button.BackButton).isVisible() and not wizard.button(Button.CancelButton).isVisible()
    wizard.reject()  # Esc or the window's close button
    assert wizard.isVisible()

    pdf = tmp_path / "code.pdf"

    def to_pdf(printer) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return True

    monkeypatch.setattr(wizard, "ask_printer", to_pdf)
    child(wizard, QPushButton, "print_code").click()
    from pypdf import PdfReader

    printed = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert code in printed and "06001" in printed

    child(wizard, QCheckBox, "code_written").setChecked(True)
    click(wizard, Button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted

    # A working login with that password, and the office's card is trusted.
    from app.ui.login_dialog import LoginDialog

    login = LoginDialog(folder)
    qtbot.addWidget(login)
    login.show()
    assert child(login, QLineEdit, "user").text() == "admin"
    into(child(login, QLineEdit, "password"), GOOD_PASSWORD)
    with qtbot.waitSignal(login.attempt_ended, timeout=30_000):
        child(login, QPushButton, "login_button").click()
    session = login.session
    try:
        assert session is not None and session.unit == "06001" and session.role == "commune"
        from app.services.keys import trusted

        assert [row["unit"] for row in trusted(session)] == ["20"]
    finally:
        session.close()


def test_cancel_before_create_leaves_no_folder_behind(make_wizard, tmp_path, qtbot):
    from app.ui.wizard import ADMIN_PAGE, SUMMARY_PAGE

    folder = tmp_path / "never-made"
    wizard = make_wizard(folder)
    click(wizard, Button.NextButton)
    pick_unit(wizard, "06040", "06040")
    press(wizard, Qt.Key.Key_Return)  # the next Enter moves on
    assert wizard.currentId() == ADMIN_PAGE
    fill_admin(wizard)
    click(wizard, Button.NextButton)  # the card page: skipped
    click(wizard, Button.NextButton)
    assert wizard.currentId() == SUMMARY_PAGE
    click(wizard, Button.CancelButton)
    assert wizard.result() == QDialog.DialogCode.Rejected and not wizard.isVisible()
    assert not folder.exists()
    # An empty folder that existed stays empty.
    existing = tmp_path / "empty"
    existing.mkdir()
    wizard = make_wizard(existing)
    click(wizard, Button.NextButton)
    press(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and list(existing.iterdir()) == []


def test_an_office_picks_its_province_and_names_itself(make_wizard, tmp_path, qtbot):
    from app.ui.wizard import CODE_PAGE, SUMMARY_PAGE

    folder = tmp_path / "office"
    wizard = make_wizard(folder)
    child(wizard, type(wizard.role_page.office), "role_office").setChecked(True)
    click(wizard, Button.NextButton)
    office_name = child(wizard, QLineEdit, "office_name")
    assert office_name.isVisibleTo(wizard)
    pick_unit(wizard, "lang son", "20")
    assert not wizard.button(Button.NextButton).isEnabled()  # an office needs its name
    into(office_name, "Sở Nội vụ tỉnh Lạng Sơn")
    click(wizard, Button.NextButton)
    fill_admin(wizard)
    click(wizard, Button.NextButton)
    assert wizard.currentId() == SUMMARY_PAGE  # no key card page for an office
    assert "Sở Nội vụ tỉnh Lạng Sơn" in child(wizard, QLabel, "summary").text()
    with qtbot.waitSignal(wizard.creation_ended, timeout=60_000):
        click(wizard, Button.CommitButton)
    assert wizard.currentId() == CODE_PAGE
    result = wizard.outcome.result
    assert (result.role, result.unit, result.unit_name) == ("office", "20", "Sở Nội vụ tỉnh Lạng Sơn")


def test_a_commune_card_is_refused_on_the_card_page(make_wizard, tmp_path, qtbot, session):
    from app.services.keys import write_card

    commune_card = tmp_path / "commune.card"
    write_card(session, commune_card)
    wizard = make_wizard(tmp_path / "new")
    wizard.card_page.set_card_path(commune_card)
    assert wizard.card_page.card is None and wizard.card_page.chosen_card() is None
    assert child(wizard, QLabel, "card_problem").text()


# -- moving to a new computer: a backup of the old one --------------------------------------------------------


def _old_computer_backup(commune_dir, tmp_path):
    from app.services import records
    from app.services.backup import write_backup
    from app.services.workspace import login
    from tests.conftest import PASSWORD, make_accident

    with login(commune_dir, "admin", PASSWORD) as session:
        ids = [records.save_accident(session, make_accident()).id for _ in range(2)]
        backup = write_backup(session, tmp_path / "old-pc.tnldbak")
    return backup, ids


def _to_the_restore_page(wizard, monkeypatch, backup):
    from app.ui import file_choosers
    from app.ui.wizard import RESTORE_PAGE

    choice = child(wizard, QRadioButton, "role_restore")
    choice.setChecked(True)
    click(wizard, Button.NextButton)
    assert wizard.currentId() == RESTORE_PAGE
    assert not wizard.button(Button.CommitButton).isEnabled()  # nothing to restore before the backup is opened
    monkeypatch.setattr(file_choosers, "open_path", lambda *args, **kwargs: backup)
    child(wizard, QPushButton, "restore_choose").click()
    assert str(backup) in child(wizard, QLabel, "restore_file").text()
    assert child(wizard, QLineEdit, "restore_user").text() == "admin"


def _open_backup(wizard, qtbot, password):
    into(child(wizard, QLineEdit, "restore_password"), password)
    with qtbot.waitSignal(wizard.restore_ended, timeout=60_000):
        child(wizard, QPushButton, "restore_check").click()


def test_a_backup_of_another_computer_is_restored_into_an_empty_folder_and_opens(make_wizard, tmp_path, qtbot,
                                                                                 commune_dir, monkeypatch):
    from app.services import records
    from app.ui.login_dialog import LoginDialog
    from app.ui.wizard import RESTORED_PAGE
    from tests.conftest import PASSWORD

    backup, ids = _old_computer_backup(commune_dir, tmp_path)
    folder = tmp_path / "new-pc"
    wizard = make_wizard(folder)
    _to_the_restore_page(wizard, monkeypatch, backup)
    _open_backup(wizard, qtbot, PASSWORD)
    summary = child(wizard, QLabel, "restore_summary").text()
    assert "06040" in summary and "Thất Khê" in summary and "2" in summary
    assert not folder.exists()  # looking at the backup wrote nothing
    restore_button = wizard.button(Button.CommitButton)
    assert restore_button.text() == wizard.restore_page.buttonText(Button.CommitButton) != wizard.tr("&Create")
    with qtbot.waitSignal(wizard.restore_ended, timeout=60_000):
        click(wizard, Button.CommitButton)
    assert wizard.currentId() == RESTORED_PAGE
    assert (folder / "keys.json").is_file()
    assert not wizard.button(Button.BackButton).isVisible() and not wizard.button(Button.CancelButton).isVisible()
    click(wizard, Button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted

    login = LoginDialog(folder)
    qtbot.addWidget(login)
    login.show()
    into(child(login, QLineEdit, "password"), PASSWORD)
    with qtbot.waitSignal(login.attempt_ended, timeout=30_000):
        child(login, QPushButton, "login_button").click()
    session = login.session
    try:
        assert session is not None and session.unit == "06040"
        assert sorted(r["id"] for r in records.list_accidents(session)) == sorted(ids)
    finally:
        session.close()


def test_a_wrong_password_or_a_damaged_backup_is_said_and_nothing_is_created(make_wizard, tmp_path, qtbot,
                                                                            commune_dir, monkeypatch):
    from app.ui import file_choosers
    from app.ui.wizard import RESTORE_PAGE
    from tests.conftest import PASSWORD

    backup, _ids = _old_computer_backup(commune_dir, tmp_path)
    folder = tmp_path / "new-pc"
    wizard = make_wizard(folder)
    _to_the_restore_page(wizard, monkeypatch, backup)
    _open_backup(wizard, qtbot, "not the password")
    problem = child(wizard, QLabel, "restore_problem")
    assert problem.isVisibleTo(wizard) and "sai" in problem.text().lower()
    assert not wizard.button(Button.CommitButton).isEnabled() and wizard.currentId() == RESTORE_PAGE
    assert not folder.exists()
    # A backup file cut short: named, with the reason.
    cut = tmp_path / "cut.tnldbak"
    cut.write_bytes(backup.read_bytes()[:4000])
    monkeypatch.setattr(file_choosers, "open_path", lambda *args, **kwargs: cut)
    child(wizard, QPushButton, "restore_choose").click()
    _open_backup(wizard, qtbot, PASSWORD)
    assert str(cut) in problem.text() and not wizard.button(Button.CommitButton).isEnabled()
    assert not folder.exists()
    click(wizard, Button.CancelButton)
    assert wizard.result() == QDialog.DialogCode.Rejected and not folder.exists()
    # The wizard can be used again on the same folder.
    again = make_wizard(folder)
    assert again.currentId() == 0 and not (folder / "keys.json").exists()


def test_cancel_stops_the_opening_of_a_backup_and_the_wizard_stays(make_wizard, tmp_path, qtbot, commune_dir,
                                                                   monkeypatch):
    import threading

    from app.core.progress import Cancelled
    from app.services import backup as module

    backup, _ids = _old_computer_backup(commune_dir, tmp_path)

    def slow(folder, path, user, password, progress=None, cancel=None):
        while not cancel():
            threading.Event().wait(0.01)
        raise Cancelled()

    monkeypatch.setattr(module, "inspect_backup", slow)
    wizard = make_wizard(tmp_path / "new-pc")
    _to_the_restore_page(wizard, monkeypatch, backup)
    with qtbot.waitSignal(wizard.restore_ended, timeout=30_000):
        into(child(wizard, QLineEdit, "restore_password"), "mat-khau-123")
        child(wizard, QPushButton, "restore_check").click()
        click(wizard, Button.CancelButton)
    assert wizard.isVisible() and not wizard.button(Button.CommitButton).isEnabled()
    assert not (tmp_path / "new-pc").exists()
    click(wizard, Button.CancelButton)
    assert not wizard.isVisible()
