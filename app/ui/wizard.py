"""The first-run wizard: a health worker who has never seen the program sets up this computer's data folder.

Pages: the role (commune or office); the unit, picked by typing part of its name without diacritics or its code
(an office: its province, and the office's name); the first admin (user name, password twice, the rule
explained and a weak password refused with the core's message); for a commune, optionally the office's key card
with its fingerprint to read aloud; a summary whose **Create** button sets the folder up; then the recovery code,
shown large, with **Print** and a check box "I have written it down" that Finish requires.

Nothing is written before Create: cancelling earlier leaves the folder as it was (not even created). Create runs
`app.services.first_run.set_up` (scrypt, about a second per key wrap) on a worker thread, so the window stays
alive; from then on there is no Back and no Cancel (the folder exists, and the recovery code is shown only once).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.errors import UserError
from app.ui.login_dialog import CapsLockWatch, password_rule_text, problem_label, with_icon
from app.ui.texts import error_text, tr
from app.ui.worker import Job

log = logging.getLogger(__name__)

ROLE_PAGE, UNIT_PAGE, ADMIN_PAGE, CARD_PAGE, SUMMARY_PAGE, CODE_PAGE, RESTORE_PAGE, RESTORED_PAGE = range(8)
DEFAULT_ADMIN = "admin"


def wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def monospace(size_factor: float = 1.0, bold: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * size_factor)
    font.setBold(bold)
    return font


class RolePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("role_page")
        self.setTitle(self.tr("What is this computer for?"))
        self.setSubTitle(self.tr("Choose once; the data folder keeps this role."))
        self.commune = QRadioButton(self.tr("A &commune (xã, phường): records the accidents of its people and "
                                            "sends its reports to the office"))
        self.commune.setObjectName("role_commune")
        self.office = QRadioButton(self.tr("An &office (Sở Nội vụ of a province): receives the communes' "
                                           "reports and consolidates them"))
        self.office.setObjectName("role_office")
        self.restore = QRadioButton(self.tr("&Restore from a backup of another computer… (moving to a new "
                                            "computer: the data, users and passwords come back as they were)"))
        self.restore.setObjectName("role_restore")
        self.commune.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.commune)
        layout.addWidget(self.office)
        layout.addSpacing(12)
        layout.addWidget(self.restore)
        layout.addStretch(1)

    def role(self) -> str:
        return "office" if self.office.isChecked() else "commune"

    def first_field(self) -> QWidget:
        return next((button for button in (self.office, self.restore) if button.isChecked()), self.commune)

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return RESTORE_PAGE if self.restore.isChecked() else UNIT_PAGE


class UnitPage(QWizardPage):
    """The commune (or, for an office, the province) from the code list, and an office's name."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self._codelists: Any = None
        self._role = ""
        self.setObjectName("unit_page")
        from app.ui.widgets.code_picker import CodePicker

        self.picker = CodePicker()
        self.picker.setObjectName("unit_picker")
        self.picker.setMinimumWidth(420)
        self.picker_label = QLabel()
        self.picker_label.setBuddy(self.picker)
        self.hint = wrapped("", "unit_hint")
        self.chosen = wrapped("", "unit_chosen")
        chosen_font = QFont(self.chosen.font())
        chosen_font.setBold(True)
        self.chosen.setFont(chosen_font)
        self.office_name = QLineEdit()
        self.office_name.setObjectName("office_name")
        self.office_name.setMaxLength(200)
        self.office_name_label = QLabel(self.tr("The office's &name:"))
        self.office_name_label.setBuddy(self.office_name)
        form = QFormLayout()
        form.addRow(self.picker_label, self.picker)
        form.addRow("", self.chosen)
        form.addRow(self.office_name_label, self.office_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addStretch(1)
        self.picker.code_changed.connect(self._code_changed)
        self.picker.code_chosen.connect(self._chosen)
        self.office_name.textChanged.connect(self.completeChanged)
        self._just_chosen = False

    def _chosen(self, _code: str) -> None:
        self._just_chosen = True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """The Enter that chose a unit in the list does not also leave the page: the user sees the unit and its
        province first, and the next Enter moves on."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._just_chosen:
            self._just_chosen = False
            event.accept()
            return
        self._just_chosen = False
        super().keyPressEvent(event)

    def codelists(self):
        if self._codelists is None:
            from app.core.codelists import CodeLists

            self._codelists = CodeLists(self.folder / "codelists")  # as `initialise` reads them
        return self._codelists

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        role = self.wizard().role()
        office = role == "office"
        if role != self._role:
            self._role = role
            self.picker.set_code(None)
            self.picker.set_entries(self._entries(office))
            self._code_changed(None)
        if office:
            self.setTitle(self.tr("Which province does the office serve?"))
            self.picker_label.setText(self.tr("&Province:"))
            self.hint.setText(self.tr("Type part of the province's name, with or without accents (for example "
                                      "\"lang son\"), or its 2-digit code, then choose it in the list."))
            if not self.office_name.text():
                self.office_name.setPlaceholderText(self.tr("for example: Sở Nội vụ tỉnh Lạng Sơn"))
        else:
            self.setTitle(self.tr("Which commune is this?"))
            self.picker_label.setText(self.tr("&Commune:"))
            self.hint.setText(self.tr("Type part of the commune's name, with or without accents (for example "
                                      "\"doan ket\"), or its 5-digit code, then choose it in the list: the "
                                      "province is shown beside each name."))
        self.office_name.setVisible(office)
        self.office_name_label.setVisible(office)

    def first_field(self) -> QWidget:
        return self.picker

    def _entries(self, office: bool) -> list:
        from app.ui.widgets.code_picker import commune_entries
        from app.ui.widgets.picker_model import PickerEntry

        codelists = self.codelists()
        if office:
            return [PickerEntry(code.code, code.name_vi) for code in codelists["admin_units"].roots()
                    if code.valid_on(dt.date.today())]
        return commune_entries(codelists)

    def _code_changed(self, code: str | None) -> None:
        if code:
            codelists = self.codelists()
            province = codelists.province_of(code)
            text = f"{code} — {codelists.unit_name(code)}"
            if province:
                text += f", {codelists.unit_name(province)}"
            self.chosen.setText(text)
        else:
            self.chosen.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        if self.picker.code() is None:
            return False
        return self._role != "office" or bool(self.office_name.text().strip())

    def unit(self) -> str:
        return self.picker.code() or ""

    def unit_name(self) -> str:
        """The name the folder will carry: the commune's, or the office's as typed."""
        if self._role == "office":
            return " ".join(self.office_name.text().split())
        return self.codelists().unit_name(self.unit())


class AdminPage(QWizardPage):
    """The first admin: a user name and a password typed twice, judged by the core's rule as it is typed."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin_page")
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("This user can add the other users later. Choose a password you can remember."))
        self.name = QLineEdit(DEFAULT_ADMIN)
        self.name.setObjectName("admin_name")
        self.name.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("admin_password2")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Again:"), self.again)
        rule = wrapped(password_rule_text(), "password_rule")
        self.problem = problem_label("admin_problem")
        self.problem_row = with_icon(self.problem, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.caps = QLabel(self.tr("Caps Lock is on: the password is typed in capitals."))
        self.caps.setObjectName("admin_caps_hint")
        self.caps_row = with_icon(self.caps, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.caps_watch = CapsLockWatch(self)
        self.caps_watch.changed.connect(self.caps_row.setVisible)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.caps_row)
        layout.addWidget(self.problem_row)
        layout.addStretch(1)
        for edit in (self.name, self.password, self.again):
            edit.textChanged.connect(self._judge)
            edit.installEventFilter(self.caps_watch)
        self._ok = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self._judge()

    def first_field(self) -> QWidget:
        return self.password if self.name.text() else self.name

    def problem_text(self) -> str:
        """Why the typed name or password cannot be used yet ('' when they can); the core's own messages."""
        from app.services.workspace import check_password, check_user_name

        name = self.name.text().strip()
        password = self.password.text()
        if not name:
            return self.tr("Type a user name.")
        if not password:
            return ""  # nothing typed yet: the rule above says what to type
        try:
            check_user_name(name)
            check_password(password, name, self.wizard().unit_page.unit_name() if self.wizard() else "")
        except UserError as error:
            return error_text(error)
        if self.again.text() != password:
            return error_text(UserError("password.mismatch")) if self.again.text() else \
                self.tr("Type the password a second time.")
        return ""

    def _judge(self) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.problem_row.setVisible(bool(text))
        ok = not text and bool(self.password.text())
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self._ok

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self._judge()
        return self._ok

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return CARD_PAGE if self.wizard().role() == "commune" else SUMMARY_PAGE


class CardPage(QWizardPage):
    """A commune may register its office's key card now (it needs it to send reports): optional."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card_page")
        self.setTitle(self.tr("The office's key card (you may skip this)"))
        self.setSubTitle(self.tr("Reports are sent only to an office whose key card this computer trusts. If "
                                 "the office gave you its card (a .card file), choose it now; otherwise do it "
                                 "later from the Send window."))
        self.card: Any = None  # app.services.first_run.CardInfo
        self.choose = QPushButton(self.tr("&Choose the card file…"))
        self.choose.setObjectName("card_choose")
        self.clear = QPushButton(self.tr("&Do not use a card"))
        self.clear.setObjectName("card_clear")
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        self.owner = wrapped("", "card_owner")
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("card_fingerprint")
        self.fingerprint.setFont(monospace(1.6, bold=True))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_aloud = wrapped(self.tr("Call the office and read this fingerprint aloud, group by group. "
                                          "Trust the card only if the office reads the same numbers."),
                                  "card_read_aloud")
        self.trust = QCheckBox(self.tr("The office read the same numbers: &trust this card"))
        self.trust.setObjectName("card_trust")
        self.problem = problem_label("card_problem")
        self.problem_row = with_icon(self.problem, QStyle.StandardPixmap.SP_MessageBoxWarning)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.owner)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.read_aloud)
        layout.addWidget(self.trust)
        layout.addWidget(self.problem_row)
        layout.addStretch(1)
        self.choose.clicked.connect(self.choose_file)
        self.clear.clicked.connect(lambda: self.set_card_path(None))
        self._show()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("The office's key card"), str(Path.home()),
                                                    self.tr("Key cards (*.card);;All files (*)"))
        if path:
            self.set_card_path(Path(path))

    def set_card_path(self, path: Path | None) -> None:
        """Read the card at *path* (None: no card) and show whose it is and its fingerprint."""
        self.card = None
        self.problem.setText("")
        if path is not None:
            from app.services.first_run import look_at_card

            try:
                self.card = look_at_card(path)
            except UserError as error:
                self.problem.setText(error_text(error))
        self.trust.setChecked(False)
        self._show()

    def _show(self) -> None:
        card = self.card
        if card is not None:
            self.owner.setText(self.tr("Key card of {unit} — {name}").format(unit=card.unit, name=card.unit_name))
            self.fingerprint.setText(card.phone)
        for widget in (self.owner, self.fingerprint, self.read_aloud, self.trust):
            widget.setVisible(card is not None)
        self.clear.setEnabled(card is not None)
        self.problem_row.setVisible(bool(self.problem.text()))

    def first_field(self) -> QWidget:
        return self.trust if self.card is not None else self.choose

    def chosen_card(self) -> Path | None:
        """The card to trust at Create: only when its fingerprint was checked."""
        return self.card.path if self.card is not None and self.trust.isChecked() else None


class SummaryPage(QWizardPage):
    """What will be set up; its Create button does it (on a worker thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("summary_page")
        self.setTitle(self.tr("Ready to set up this computer"))
        self.setSubTitle(self.tr("Nothing has been written yet. Create sets up the data folder; it takes a few "
                                 "seconds."))
        self.setCommitPage(True)
        self.summary = wrapped("", "summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.busy = QProgressBar()
        self.busy.setObjectName("create_busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.problem = problem_label("create_problem")
        self.problem_row = with_icon(self.problem, QStyle.StandardPixmap.SP_MessageBoxCritical)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.problem_row)
        layout.addWidget(self.busy)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard: SetupWizard = self.wizard()
        unit = wizard.unit_page
        lines = [
            self.tr("Data folder: {folder}").format(folder=str(wizard.folder)),
            self.tr("Role: {role}").format(role=self.tr("commune") if wizard.role() == "commune"
                                           else self.tr("office")),
            self.tr("Unit: {unit}").format(unit=unit.chosen.text()),
        ]
        if wizard.role() == "office":
            lines.append(self.tr("Office: {name}").format(name=unit.unit_name()))
        lines.append(self.tr("Administrator: {user}").format(user=wizard.admin_page.name.text().strip()))
        if wizard.role() == "commune":
            card = wizard.card_page.card if wizard.card_page.chosen_card() else None
            lines.append(self.tr("Office's key card: {card}").format(
                card=f"{card.unit} — {card.unit_name}" if card else self.tr("none yet")))
        self.summary.setText("\n".join(lines))
        self.problem_row.setVisible(False)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard: SetupWizard = self.wizard()
        if wizard.outcome is not None:
            return True
        wizard.create()
        return False


class CodePage(QWizardPage):
    """The recovery code, once: large, printable, and a check box before Finish."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("code_page")
        self.setTitle(self.tr("Your recovery code: write it down now"))
        self.setSubTitle(self.tr("If every password is forgotten, this code is the only way back into the "
                                 "data. It is shown only once. Print it or write it on paper, and keep the "
                                 "paper locked away, not beside the computer."))
        self.code = QLabel()
        self.code.setObjectName("recovery_code")
        self.code.setFont(monospace(2.0, bold=True))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setMinimumHeight(self.code.fontMetrics().height() * 2)
        self.unit = wrapped("", "code_unit")
        self.unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_code")
        self.print_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.written = QCheckBox(self.tr("I have &written down or printed the recovery code"))
        self.written.setObjectName("code_written")
        self.card_problem = problem_label("code_card_problem")
        self.card_problem_row = with_icon(self.card_problem, QStyle.StandardPixmap.SP_MessageBoxWarning)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit)
        layout.addWidget(self.code)
        layout.addLayout(row)
        layout.addWidget(self.card_problem_row)
        layout.addStretch(1)
        layout.addWidget(self.written)
        self.written.toggled.connect(self.completeChanged)
        self.print_button.clicked.connect(lambda: self.wizard().print_code())

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard: SetupWizard = self.wizard()
        outcome = wizard.outcome
        self.code.setText(outcome.result.recovery_code)
        self.unit.setText(f"{outcome.result.unit} — {outcome.result.unit_name}")
        if outcome.card_error is not None:
            self.card_problem.setText(self.tr("The office's key card was not trusted: {reason}. The folder is set "
                                              "up; register the card later from the Send window.")
                                      .format(reason=error_text(outcome.card_error)))
        self.card_problem_row.setVisible(outcome.card_error is not None)

    def first_field(self) -> QWidget:
        return self.written

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.written.isChecked()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1  # the last page of a set-up (the restore's pages come after it in number only)


class RestorePage(QWizardPage):
    """A backup of another computer (moving to a new one): the file, an admin's name and password of its time; the
    backup is opened and shown (unit, date, counts) before its Restore button (a commit page) puts it in place."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("restore_page")
        self.setTitle(self.tr("Restore a backup of another computer"))
        self.setSubTitle(self.tr("Choose the backup file (.tnldbak) made on the old computer, and type the user name "
                                 "and password of an admin as they were when it was made. Afterwards, stop using "
                                 "TNLĐ on the old computer: both would send reports as the same workstation."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Restore"))
        self.backup: Path | None = None
        self.info: Any = None  # app.services.backup.BackupInfo, once opened with the name and password shown
        self.choose = QPushButton(self.tr("&Choose the backup file…"))
        self.choose.setObjectName("restore_choose")
        self.file = wrapped(self.tr("No file chosen yet."), "restore_file")
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.user = QLineEdit(DEFAULT_ADMIN)
        self.user.setObjectName("restore_user")
        self.user.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setObjectName("restore_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.check = QPushButton(self.tr("&Open the backup"))
        self.check.setObjectName("restore_check")
        form = QFormLayout()
        form.addRow(self.tr("Backup:"), self.file)
        form.addRow("", self.choose)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.check)
        self.summary = wrapped("", "restore_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        summary_font = QFont(self.summary.font())
        summary_font.setBold(True)
        self.summary.setFont(summary_font)
        self.problem = problem_label("restore_problem")
        self.problem_row = with_icon(self.problem, QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.busy = QProgressBar()
        self.busy.setObjectName("restore_busy")
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_row)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        self.choose.clicked.connect(self.choose_file)
        self.check.clicked.connect(lambda: self.wizard().open_backup())
        self.user.textEdited.connect(self.forget)
        self.password.textEdited.connect(self.forget)
        self.password.returnPressed.connect(lambda: self.wizard().open_backup() if self.info is None else None)

    def choose_file(self) -> None:
        from app.ui import file_choosers
        from app.ui.damaged_restore import BACKUP_FILTER

        folder = self.backup.parent if self.backup is not None else Path.home()
        chosen = file_choosers.open_path(self, self.tr("The backup of the old computer"), folder, BACKUP_FILTER)
        if chosen is not None:
            self.backup = Path(chosen)
            self.file.setText(str(self.backup))
            self.forget()
            self.password.setFocus()

    def forget(self, *_: object) -> None:
        """Another file, name or password: the backup must be opened again before Restore."""
        self.info = None
        self.summary.setText("")
        self.show_problem("")
        self.completeChanged.emit()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem_row.setVisible(bool(text))

    def show_info(self, info: Any) -> None:
        from app.ui.damaged_restore import backup_summary

        self.info = info
        self.summary.setText(backup_summary(info))
        self.completeChanged.emit()

    def first_field(self) -> QWidget:
        return self.choose if self.backup is None else self.password

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.info is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard: SetupWizard = self.wizard()
        if wizard.restored is not None:
            return True
        wizard.restore_backup()
        return False

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return RESTORED_PAGE


class RestoredPage(QWizardPage):
    """The backup is in place: what it holds, and which passwords open it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("restored_page")
        self.setTitle(self.tr("The backup is restored"))
        self.text = wrapped("", "restored_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        from app.ui.damaged_restore import backup_summary

        wizard: SetupWizard = self.wizard()
        self.text.setText("\n\n".join((
            self.tr("The data folder {folder} now holds the backup.").format(folder=str(wizard.folder)),
            backup_summary(wizard.restored.info),
            self.tr("Log in with the user names and passwords that were valid when the backup was made. The recovery "
                    "code printed for the old computer is valid here too."))))

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1


class SetupWizard(QWizard):
    """Set up the empty data folder *folder*; `exec()` is truthy when it was set up (and its code seen).

    Signals: `creation_ended()` after each try of Create (tests wait for it); `created()` when it succeeded."""

    creation_ended = Signal()
    created = Signal()
    restore_ended = Signal()  # after each opening or restore of a backup of another computer

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.outcome: Any = None  # app.services.first_run.SetUp, once Create has succeeded
        self.restored: Any = None  # app.services.backup.RestoreResult, once a backup was restored instead
        self._job: Job | None = None
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("TNLĐ — Set up this computer"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(760, 520)
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                             (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.CommitButton, self.tr("&Create")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
                             (QWizard.WizardButton.HelpButton, self.tr("&Help"))):
            self.setButtonText(button, text)
        self.role_page = RolePage()
        self.unit_page = UnitPage(self.folder)
        self.admin_page = AdminPage()
        self.card_page = CardPage()
        self.summary_page = SummaryPage()
        self.code_page = CodePage()
        self.restore_page = RestorePage()
        self.restored_page = RestoredPage()
        for page_id, page in ((ROLE_PAGE, self.role_page), (UNIT_PAGE, self.unit_page),
                              (ADMIN_PAGE, self.admin_page), (CARD_PAGE, self.card_page),
                              (SUMMARY_PAGE, self.summary_page), (CODE_PAGE, self.code_page),
                              (RESTORE_PAGE, self.restore_page), (RESTORED_PAGE, self.restored_page)):
            self.setPage(page_id, page)
        self.setStartId(ROLE_PAGE)
        self.currentIdChanged.connect(self._page_changed)

    def role(self) -> str:
        return self.role_page.role()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        from app.ui import startup_probe

        startup_probe.wizard_shown(self)  # its first show only

    def _page_changed(self, page_id: int) -> None:
        """Past Create there is no way back and no Cancel: the folder exists and its code is shown once."""
        if page_id in (CODE_PAGE, RESTORED_PAGE):
            self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])
        first = getattr(self.page(page_id), "first_field", None)
        if first is not None:  # keyboard first: the page's own field has the focus, not a hidden one
            first().setFocus(Qt.FocusReason.TabFocusReason)

    # -- creating ---------------------------------------------------------------------------------------------

    def create(self) -> None:
        """Set the folder up on a worker thread; on success go on to the recovery code."""
        if self._job is not None or self.outcome is not None:
            return
        page = self.summary_page
        page.problem_row.setVisible(False)
        page.busy.setVisible(True)
        self._set_buttons_enabled(False)
        folder, role = self.folder, self.role()
        unit, office_name = self.unit_page.unit(), self.unit_page.unit_name() if role == "office" else None
        admin = self.admin_page.name.text().strip()
        password = self.admin_page.password.text()
        card = self.card_page.chosen_card() if role == "commune" else None

        def work(_session, _progress, _cancel):
            from app.services.first_run import set_up

            return set_up(folder, role=role, unit=unit, admin=admin, password=password, office_name=office_name,
                          office_card=card)

        job = Job(work, None, self)
        job.succeeded.connect(self._created)
        job.failed.connect(self._not_created)
        job.ended.connect(self._creation_over)
        self._job = job
        job.start()

    def _created(self, outcome) -> None:
        self.outcome = outcome
        log.info("set up a %s data folder", outcome.result.role)

    def _not_created(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.summary_page.problem.setText(error_text(error))
            self.summary_page.problem_row.setVisible(True)
        else:
            from app.ui import crash

            crash.report(error, self)

    def _creation_over(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self.summary_page.busy.setVisible(False)
        self._set_buttons_enabled(True)
        self.creation_ended.emit()
        if self.outcome is not None:
            self.created.emit()
            self.next()

    # -- restoring a backup of another computer ---------------------------------------------------------------

    def open_backup(self) -> None:
        """Open the chosen backup with the typed name and password on a worker, and show what it holds (nothing is
        written in the folder)."""
        page = self.restore_page
        if self._job is not None:
            return
        if page.backup is None:
            page.show_problem(self.tr("Choose the backup file first."))
            page.choose.setFocus()
            return
        user, password = page.user.text().strip(), page.password.text()
        if not user or not password:
            page.show_problem(self.tr("Type the user name and the password of an admin."))
            (page.user if not user else page.password).setFocus()
            return
        folder, backup = self.folder, page.backup

        def work(_session, progress, cancel):
            from app.services.backup import inspect_backup

            return inspect_backup(folder, backup, user, password, progress=progress, cancel=cancel)

        self._run_restore_job(work, page.show_info)

    def restore_backup(self) -> None:
        """Put the backup shown in place (on a worker); then on to the last page."""
        page = self.restore_page
        if self._job is not None or page.info is None or self.restored is not None:
            return
        folder, backup, info = self.folder, page.backup, page.info
        user, password = page.user.text().strip(), page.password.text()

        def work(_session, progress, cancel):
            from app.services.backup import restore

            return restore(folder, backup, user, password, confirmed=info, progress=progress, cancel=cancel)

        def restored(result) -> None:
            self.restored = result
            log.info("restored a backup of another computer (%s)", result.unit)

        self._run_restore_job(work, restored)

    def _run_restore_job(self, work, on_done) -> None:
        page = self.restore_page
        page.show_problem("")
        page.busy.setRange(0, 0)
        page.busy.setVisible(True)
        self._set_buttons_enabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)  # stops the work (see reject)
        for widget in (page.choose, page.user, page.password, page.check):
            widget.setEnabled(False)

        job = Job(work, None, self)
        job.progressed.connect(self._restore_progressed)
        job.succeeded.connect(on_done)
        job.failed.connect(self._restore_refused)
        job.ended.connect(self._restore_over)
        self._job = job
        job.start()

    def _restore_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.restore_page.busy.setRange(0, total)
            self.restore_page.busy.setValue(min(done, total))

    def _restore_refused(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.restore_page.show_problem(error_text(error))
        else:
            from app.ui import crash

            crash.report(error, self)

    def _restore_over(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        page = self.restore_page
        page.busy.setVisible(False)
        self._set_buttons_enabled(True)
        for widget in (page.choose, page.user, page.password, page.check):
            widget.setEnabled(True)
        page.completeChanged.emit()
        self.restore_ended.emit()
        if self.restored is not None:
            self.next()

    def _restore_job(self) -> bool:
        return self._job is not None and self.currentId() == RESTORE_PAGE

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CommitButton,
                      QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(enabled)

    def reject(self) -> None:
        """Cancel: only before Create (nothing written); never while creating, nor once the code is shown
        and not yet written down. While a backup of another computer is opened or restored, Cancel stops that
        (nothing is left; a restore past the replacement of the database finishes) and the wizard stays."""
        if self._restore_job():
            self._job.cancel()
            return
        if self._job is not None:
            return
        if self.restored is not None:  # the folder holds the backup: the program goes on to the login
            self.accept()
            return
        if self.outcome is not None:
            if self.code_page.written.isChecked():
                self.accept()
            else:
                self.code_page.written.setFocus()
            return
        super().reject()

    # -- printing the code ------------------------------------------------------------------------------------

    def print_code(self) -> None:
        """Print the recovery code on a page of its own, with the unit and the date."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("TNLĐ recovery code"))
        if not self.ask_printer(printer):
            return
        result = self.outcome.result
        if not print_recovery_sheet(printer, f"{result.unit} — {result.unit_name}", result.recovery_code,
                                    dt.date.today()):
            from app.ui import messages

            messages.error(self, self.tr("The printer could not be used. Write the code down by hand, or try "
                                         "another printer."))

    def ask_printer(self, printer) -> bool:
        """The print dialog (tests replace this: a modal dialog would wait forever)."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        return bool(dialog.exec())


def print_recovery_sheet(printer, unit: str, code: str, day: dt.date) -> bool:
    """One page: what the code is for, the unit, the date and the code in large monospace letters. False when
    the printer could not be opened."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        width = page.width()
        dpi = printer.resolution()
        y = 0.0

        def text_block(text: str, points: float, bold: bool = False, mono: bool = False,
                       align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
            nonlocal y
            font = monospace(1.0, bold) if mono else QFont("Liberation Serif")
            font.setPointSizeF(points)
            font.setBold(bold)
            painter.setFont(font)
            rect = QRectF(0, y, width, page.height() - y)
            bounds = painter.boundingRect(rect, int(align | Qt.TextFlag.TextWordWrap), text)
            painter.drawText(rect, int(align | Qt.TextFlag.TextWordWrap), text)
            y += bounds.height() + dpi * 0.15

        text_block(tr("TNLĐ — recovery code"), 18, bold=True)
        text_block(unit, 13)
        text_block(tr("Printed on {date}").format(date=day.strftime("%d/%m/%Y")), 11)
        y += dpi * 0.3
        text_block(code, 24, bold=True, mono=True, align=Qt.AlignmentFlag.AlignHCenter)
        y += dpi * 0.3
        text_block(tr("With this code a new password can be set when every password is forgotten "
                      "(Log in → Forgot password). Anyone holding it can open the data: keep this paper locked "
                      "away, not beside the computer."), 11)
    finally:
        painter.end()
    return True
