"""The login window, and the recovery of a forgotten password with the printed recovery code.

It is the first window of every start, so it must show fast (SPEC § 10: ≤ 0.5 s): this module imports nothing
heavy. The user names come from `keys.json` read as plain JSON (the key file module pulls in cryptography), and
the unlocking (scrypt, about a second, longer after wrong tries: the core's login delays) runs on a worker
thread through `app.services.first_run`; the dialog shows a busy bar meanwhile and never freezes.

A wrong password and an unknown user get the same sentence (the core's `login.failed`), shown in the dialog.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render
from app.ui import messages
from app.ui.texts import error_text, message_text, qt_translate
from app.ui.worker import Job

log = logging.getLogger(__name__)

LAST_USER_KEY = "last_user"  # in the folder's ui-state.ini: the user who last logged in here


def read_keys_summary(folder: Path) -> dict[str, Any]:
    """The unit's name and the default user from `keys.json`, read as plain JSON (no key file module, no
    cryptography before the login window shows). Empty when the file cannot be read: the login says why."""
    try:
        data = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: data[key] for key in ("unit_name", "default_user", "role") if isinstance(data.get(key), str)}


def remembered_user(folder: Path) -> str:
    """The user who last logged in on this folder, else the admin named at set-up."""
    from app.ui.context import folder_state

    last = folder_state(folder).value(LAST_USER_KEY, "")
    return str(last or "") or read_keys_summary(folder).get("default_user", "")


def remember_user(folder: Path, user: str) -> None:
    from app.ui.context import folder_state

    state = folder_state(folder)
    state.setValue(LAST_USER_KEY, user)
    state.sync()


def password_rule_text() -> str:
    """The password rule as the set-up wizard and the recovery dialog explain it (the core says what is wrong)."""
    from app.core.passwords import MIN_LENGTH

    return QCoreApplication.translate(
        "password", "At least {minimum} characters. A few words that only you would put together make a good "
        "password (for example: ca phe sang voi me). Not a common password, not 1234567890, not your user "
        "name or the unit's name.").format(minimum=MIN_LENGTH)


def quiet_wait(code: str) -> None:
    """A session's `on_wait` in the desktop program: never printed (the main window may show it instead)."""
    log.info("waiting: %s", code)


def problem_label(name: str) -> QLabel:
    """A label for a problem: a warning icon beside red text (colour is never the only signal)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b00020;")
    return label


def with_icon(label: QLabel, icon: QStyle.StandardPixmap) -> QWidget:
    """*label* with a small standard icon before it, in one row that shows and hides with the label."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    picture = QLabel()
    picture.setPixmap(row.style().standardIcon(icon).pixmap(16, 16))
    picture.setAlignment(Qt.AlignmentFlag.AlignTop)
    layout.addWidget(picture)
    layout.addWidget(label, 1)
    row.setObjectName(label.objectName() + "_row")
    row.setVisible(False)
    return row


class CapsLockWatch(QObject):
    """Guesses Caps Lock from typed letters (Qt has no portable Caps Lock state): a capital letter typed
    without Shift (or a small one with Shift) means it is on; the opposite means it is off.

    Signal: `changed(bool)` when the guess changes."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.upper() != text.lower():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                caps = text.isupper() != shift
                if caps != self.on:
                    self.on = caps
                    self.changed.emit(caps)
        return False


class LoginDialog(QDialog):
    """Log in to the data folder *folder*; after `exec()` is accepted, `.session` is the logged-in `Session`
    (its connection opened on the GUI thread).

    Signals: `attempt_ended()` after each try, whether it let the user in or not (tests wait for it)."""

    attempt_ended = Signal()
    waiting = Signal(str)  # a message code from the core's `on_wait`, emitted on the worker thread

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.session: Any = None
        self._job: Job | None = None
        self._abandoned = False
        summary = read_keys_summary(self.folder)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("TNLĐ — Log in"))
        self.setMinimumWidth(460)

        unit = QLabel(summary.get("unit_name", ""))
        unit.setObjectName("unit_label")
        font = QFont(unit.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        unit.setFont(font)
        unit.setWordWrap(True)
        folder_label = QLabel(self.tr("Data folder: {folder}").format(folder=str(self.folder)))
        folder_label.setObjectName("folder_label")
        folder_label.setWordWrap(True)
        folder_label.setEnabled(False)

        self.user_edit = QLineEdit(remembered_user(self.folder))
        self.user_edit.setObjectName("user")
        self.user_edit.setMaxLength(40)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.caps_label = QLabel(self.tr("Caps Lock is on: the password is typed in capitals."))
        self.caps_label.setObjectName("caps_hint")
        self.caps_row = with_icon(self.caps_label, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.caps_watch = CapsLockWatch(self)
        self.caps_watch.changed.connect(self.caps_row.setVisible)
        for edit in (self.user_edit, self.password_edit):
            edit.installEventFilter(self.caps_watch)

        self.error_label = problem_label("error")
        self.error_row = with_icon(self.error_label, QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(self.tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("&Forgot password…"))
        self.forgot_button.setObjectName("forgot_button")
        self.forgot_button.setAutoDefault(False)
        self.buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.ResetRole)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close_button")
        close.setAutoDefault(False)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self.forgot_button.clicked.connect(self.forgot_password)
        self.waiting.connect(self._show_wait)

        # Offered when the login finds the database damaged or missing: nobody can log in to restore it.
        self.restore_row = QWidget()
        self.restore_row.setObjectName("restore_row")
        restore_layout = QVBoxLayout(self.restore_row)
        restore_layout.setContentsMargins(0, 0, 0, 0)
        self.restore_hint = QLabel()
        self.restore_hint.setObjectName("restore_hint")
        self.restore_hint.setWordWrap(True)
        self.restore_auto_button = QPushButton(self.tr("&Restore the newest automatic backup…"))
        self.restore_auto_button.setObjectName("restore_auto_button")
        self.restore_auto_button.setAutoDefault(False)
        self.restore_file_button = QPushButton(self.tr("Restore another &backup file…"))
        self.restore_file_button.setObjectName("restore_file_button")
        self.restore_file_button.setAutoDefault(False)
        restore_buttons = QHBoxLayout()
        restore_buttons.addWidget(self.restore_auto_button)
        restore_buttons.addWidget(self.restore_file_button)
        restore_buttons.addStretch(1)
        restore_layout.addWidget(self.restore_hint)
        restore_layout.addLayout(restore_buttons)
        self.restore_row.setVisible(False)
        self.restore_auto_button.clicked.connect(self.restore_newest)
        self.restore_file_button.clicked.connect(self.restore_file)
        self._newest_backup: Path | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(unit)
        layout.addWidget(folder_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.caps_row)
        layout.addWidget(self.error_row)
        layout.addWidget(self.restore_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    # -- showing ----------------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        from app.ui import startup_probe

        startup_probe.login_shown(self)  # its first show only

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_row.setVisible(bool(text))

    def _show_wait(self, code: str) -> None:
        self.status_label.setText(render(code, None, qt_translate))
        self.status_label.setVisible(True)

    def is_busy(self) -> bool:
        return self._job is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.user_edit, self.password_edit, self.login_button, self.forgot_button,
                       self.restore_auto_button, self.restore_file_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if not busy:
            self.login_button.setDefault(True)  # a disabled button stops being the default: Enter logs in again
            self.status_label.setVisible(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter in the user name field moves on to an empty password rather than try without it; F1 opens the
        user guide at its part on logging in."""
        if event.key() == Qt.Key.Key_F1:
            from app.ui.help_window import show_guide

            show_guide(self, "2")
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.user_edit.hasFocus() \
                and not self.password_edit.text():
            self.password_edit.setFocus()
            return
        super().keyPressEvent(event)

    # -- logging in -------------------------------------------------------------------------------------------

    def try_login(self) -> None:
        """Unlock the folder on a worker thread with the typed name and password."""
        if self._job is not None:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user:
            self.show_error(self.tr("Type your user name."))
            self.user_edit.setFocus()
            return
        if not password:
            self.show_error(self.tr("Type your password."))
            self.password_edit.setFocus()
            return
        self.show_error("")
        self.offer_restore(False)
        self._set_busy(True)
        folder, waiting = self.folder, self.waiting

        def work(_session, _progress, _cancel):
            from app.services.first_run import login_for_handover

            return login_for_handover(folder, user, password, on_wait=waiting.emit)

        job = Job(work, None, self)
        job.succeeded.connect(self._logged_in)
        job.failed.connect(self._refused)
        job.ended.connect(self._attempt_over)
        self._job = job
        job.start()

    def _logged_in(self, session) -> None:
        from app.services.first_run import abandon, take_over

        session.on_wait = quiet_wait  # the worker's callback would emit into this dialog after it is gone
        if self._abandoned:
            abandon(session)
            return

        try:
            take_over(session)
        except UserError as error:
            self._refused(error)
            return
        except Exception as error:  # noqa: BLE001 - a bug: the crash handler reports it, the dialog goes on
            self._refused(error)
            return
        remember_user(self.folder, session.user)
        self.session = session
        for code, params in session.notices:
            messages.info(self, message_text(code, params))

    def _refused(self, error: BaseException) -> None:
        if self._abandoned:
            return
        if isinstance(error, UserError):
            self.show_error(error_text(error))
            self.offer_restore(error.code in ("db.damaged", "db.missing"))
        else:
            from app.ui import crash

            crash.report(error, self)
        self.password_edit.clear()

    def _attempt_over(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_busy(False)
        self.attempt_ended.emit()
        if self._abandoned:
            super().reject()
        elif self.session is not None:
            self.accept()
        else:
            self.password_edit.setFocus()

    def reject(self) -> None:
        """Close; during a try, as soon as it is over (a running thread must not be destroyed)."""
        if self._job is not None:
            self._abandoned = True
            self.status_label.setText(self.tr("Closing when the current try is over…"))
            self.status_label.setVisible(True)
            return
        super().reject()

    # -- a damaged or missing database ------------------------------------------------------------------------

    def offer_restore(self, offer: bool) -> None:
        """Show (or hide) the restore of a backup over a damaged or missing database: the newest automatic backup
        when there is one, and a backup file chosen by the user."""
        self._newest_backup = None
        if offer:
            from app.services.backup import automatic_backups

            newest = automatic_backups(self.folder)
            self._newest_backup = newest[0].path if newest else None
            if newest:
                self.restore_hint.setText(self.tr(
                    "An admin can put a backup in place of this data; the old files are kept. The newest automatic "
                    "backup is of {date}.").format(date=newest[0].made_at.strftime("%d/%m/%Y %H:%M")))
            else:
                self.restore_hint.setText(self.tr(
                    "An admin can put a backup in place of this data; the old files are kept. There is no automatic "
                    "backup in this folder: choose a backup file (from a USB stick)."))
        self.restore_auto_button.setVisible(self._newest_backup is not None)
        self.restore_row.setVisible(offer)

    def restore_newest(self) -> None:
        if self._newest_backup is not None:
            self.restore_backup(self._newest_backup)

    def restore_file(self) -> None:
        from app.services.workspace import DataDir
        from app.ui import file_choosers
        from app.ui.damaged_restore import BACKUP_FILTER

        backups = DataDir(self.folder).backups
        chosen = file_choosers.open_path(self, self.tr("Restore from"), backups if backups.is_dir() else Path.home(),
                                         BACKUP_FILTER)
        if chosen is not None:
            self.restore_backup(Path(chosen))

    def restore_backup(self, backup: Path) -> None:
        """The restore over the damaged data (its own dialog, work on a worker); then log in with the name and
        password that opened the backup."""
        if self._job is not None:
            return
        from app.ui.admin_dialogs import local_time
        from app.ui.damaged_restore import DamagedRestoreDialog

        dialog = DamagedRestoreDialog(self.folder, backup, self.user_edit.text().strip(), self)
        if dialog.exec() and dialog.outcome is not None:
            result = dialog.outcome
            self.offer_restore(False)
            self.show_error("")
            messages.info(self, self.tr(
                "The backup of {date} is restored ({count} accident(s)); what was saved after it is not in it. The "
                "old files were kept in {path}. From now on, log in with the passwords that were valid when "
                "the backup was made.").format(date=local_time(result.created_at), count=result.accidents,
                                               path=result.saved_copy))
            self.user_edit.setText(dialog.user)
            self.password_edit.setText(dialog.password)
            QTimer.singleShot(0, dialog.deleteLater)
            self.try_login()
            return
        QTimer.singleShot(0, dialog.deleteLater)

    # -- a forgotten password ---------------------------------------------------------------------------------

    def forgot_password(self) -> None:
        """The recovery dialog; back here with the user name filled in when the new password is set."""
        if self._job is not None:
            return
        dialog = RecoveryDialog(self.folder, self.user_edit.text().strip(), self)
        if dialog.exec():
            self.user_edit.setText(dialog.user_edit.text().strip())
            self.password_edit.clear()
            self.show_error("")
            self.password_edit.setFocus()
        QTimer.singleShot(0, dialog.deleteLater)


class RecoveryDialog(QDialog):
    """A new password for a user with the printed recovery code (`workspace.recover`, off the UI thread).

    Signals: `attempt_ended()` after each try."""

    attempt_ended = Signal()

    def __init__(self, folder: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._job: Job | None = None
        self._done = False
        self._unit_name = read_keys_summary(self.folder).get("unit_name", "")
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("TNLĐ — New password with the recovery code"))
        self.setMinimumWidth(520)

        intro = QLabel(self.tr("Type the recovery code printed when this computer was set up, the user name, "
                               "and a new password twice."))
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recovery_code")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.code_edit.font().pointSizeF() * 1.2)
        self.code_edit.setFont(mono)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("recovery_user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("recovery_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("recovery_password2")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code_edit)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&New password:"), self.password_edit)
        form.addRow(self.tr("&Again:"), self.repeat_edit)
        rule = QLabel(password_rule_text())
        rule.setObjectName("password_rule")
        rule.setWordWrap(True)
        self.error_label = problem_label("recovery_error")
        self.error_row = with_icon(self.error_label, QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.busy = QProgressBar()
        self.busy.setObjectName("recovery_busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("&Set the new password"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("recovery_ok")
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("recovery_cancel")
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.try_recover)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.error_row)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.code_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_row.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.code_edit, self.user_edit, self.password_edit, self.repeat_edit, self.ok_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)

    def try_recover(self) -> None:
        if self._job is not None:
            return
        from app.core.passwords import check_password

        code = self.code_edit.text().strip()
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not code:
            self.show_error(self.tr("Type the recovery code."))
            self.code_edit.setFocus()
            return
        if not user:
            self.show_error(self.tr("Type your user name."))
            self.user_edit.setFocus()
            return
        try:
            check_password(password, user, self._unit_name)
            if password != self.repeat_edit.text():
                raise UserError("password.mismatch")
        except UserError as error:
            self.show_error(error_text(error) if error.code != "password.missing"
                            else self.tr("Type the new password twice."))
            self.password_edit.setFocus()
            return
        self.show_error("")
        self._set_busy(True)
        folder = self.folder

        def work(_session, _progress, _cancel):
            from app.services.workspace import recover

            recover(folder, code, user, password)
            return user

        job = Job(work, None, self)
        job.succeeded.connect(self._recovered)
        job.failed.connect(self._refused)
        job.ended.connect(self._attempt_over)
        self._job = job
        job.start()

    def _recovered(self, user: str) -> None:
        self._done = True
        messages.info(self, self.tr("The password of {user} has been changed. Log in with the new password.")
                      .format(user=user))

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.show_error(error_text(error))
        else:
            from app.ui import crash

            crash.report(error, self)

    def _attempt_over(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_busy(False)
        self.attempt_ended.emit()
        if self._done:
            self.accept()

    def reject(self) -> None:
        if self._job is not None:  # the new password is being set: it cannot be stopped half-way
            return
        super().reject()
