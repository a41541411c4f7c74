"""Restoring a backup over a damaged or missing database, from the login window (nobody can log in to restore the
usual way), and what a backup holds as the restore windows show it.

The login window offers it when the login found the database damaged or missing (`db.damaged`, `db.missing`):
the newest automatic backup, or a backup file chosen by the user. The backup is opened first with the user name
and password of an admin as they were when it was made (`backup.inspect_damaged`, on a worker), and its date,
unit and counts are shown; only then can Restore run (`backup.restore_damaged`, on a worker, with progress). The
service refuses unless the database really is damaged or missing, and keeps the damaged files in `backups/`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.login_dialog import problem_label, with_icon
from app.ui.texts import error_text, tr
from app.ui.worker import Job

BACKUP_FILTER = "TNLĐ (*.tnldbak)"


def backup_summary(info: Any) -> str:
    """What a checked backup (`BackupInfo`) holds: its unit, when it was made, its counts, and any warning."""
    from app.ui.admin_dialogs import local_time

    text = tr("Backup of {unit} — {name}, made on {date}: {accidents} accident(s), {incidents} incident(s), "
              "{users} user(s).").format(unit=info.unit, name=info.unit_name, date=local_time(info.created_at),
                                         accidents=info.counts.accidents, incidents=info.counts.incidents,
                                         users=info.counts.users)
    for code in info.warnings:
        text += "\n" + error_text(UserError(code))
    return text


def file_date(path: Path) -> str:
    """The date of a backup file as the folder shows it (before it is opened: what it holds is not known)."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
    except OSError:
        return ""


class DamagedRestoreDialog(QDialog):
    """Put *backup* in place of the damaged or missing database of *folder*; accepted once it is restored
    (`.outcome` is the `RestoreResult`; `.user` and `.password` opened it, and open the folder from now on).

    Signals: `attempt_ended()` after each check or restore (tests wait for it)."""

    attempt_ended = Signal()

    def __init__(self, folder: Path, backup: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.backup = Path(backup)
        self.info: Any = None  # the BackupInfo shown, once checked
        self.outcome: Any = None
        self._job: Job | None = None
        self._closing = False
        self.setObjectName("damaged_restore_dialog")
        self.setWindowTitle(self.tr("TNLĐ — Restore a backup"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr("The data of this folder cannot be used. The backup below can take its place: the "
                               "old files are kept in the backups folder, and what was saved after the backup was "
                               "made is not in it. Type the user name and password of an admin as they were when "
                               "the backup was made (usually today's)."))
        intro.setWordWrap(True)
        self.backup_label = QLabel(self.tr("Backup: {path}\nFile dated {date}").format(
            path=str(self.backup), date=file_date(self.backup)))
        self.backup_label.setObjectName("backup_file")
        self.backup_label.setWordWrap(True)
        self.user_edit = QLineEdit(user or "admin")
        self.user_edit.setObjectName("restore_user")
        self.user_edit.setMaxLength(40)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("restore_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.summary = QLabel()
        self.summary.setObjectName("backup_summary")
        self.summary.setWordWrap(True)
        self.error_label = problem_label("restore_error")
        self.error_row = with_icon(self.error_label, QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.progress = QProgressBar()
        self.progress.setObjectName("restore_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.check_button = self.buttons.addButton(self.tr("&Open the backup"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setObjectName("check_button")
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("restore_cancel")
        cancel.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.user_edit, self.password_edit):
            edit.textEdited.connect(self._forget)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_label)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_row)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._forget()
        self.password_edit.setFocus()

    @property
    def user(self) -> str:
        return self.user_edit.text().strip()

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def _forget(self, *_: object) -> None:
        """A changed name or password: the backup must be opened again before Restore."""
        self.info = None
        self.summary.setText("")
        self.summary.setVisible(False)
        self.restore_button.setEnabled(False)
        self.check_button.setDefault(True)

    def is_busy(self) -> bool:
        return self._job is not None

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_row.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.user_edit, self.password_edit, self.check_button):
            widget.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.info is not None)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _run(self, work, on_done) -> None:
        self.show_error("")
        self._set_busy(True)
        job = Job(work, None, self)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(on_done)
        job.failed.connect(self._refused)
        job.ended.connect(self._attempt_over)
        self._job = job
        job.start()

    def check(self) -> None:
        """Open the backup with the typed name and password (on a worker) and show what it holds."""
        if self._job is not None:
            return
        if not self.user:
            self.show_error(self.tr("Type the user name of an admin."))
            self.user_edit.setFocus()
            return
        if not self.password:
            self.show_error(self.tr("Type the password."))
            self.password_edit.setFocus()
            return
        folder, backup, user, password = self.folder, self.backup, self.user, self.password

        def work(_session, progress, cancel):
            from app.services.backup import inspect_damaged

            return inspect_damaged(folder, backup, user, password, progress=progress, cancel=cancel)

        self._run(work, self._checked)

    def _checked(self, info: Any) -> None:
        self.info = info
        self.summary.setText(backup_summary(info))
        self.summary.setVisible(True)
        self.restore_button.setDefault(True)

    def restore(self) -> None:
        """Put the backup shown in place (on a worker, with progress); the dialog closes when it is done."""
        if self._job is not None or self.info is None:
            return
        folder, backup, user, password, info = self.folder, self.backup, self.user, self.password, self.info

        def work(_session, progress, cancel):
            from app.services.backup import restore_damaged

            return restore_damaged(folder, backup, user, password, confirmed=info, progress=progress,
                                   cancel=cancel)

        self._run(work, self._restored)

    def _restored(self, outcome: Any) -> None:
        self.outcome = outcome

    def _refused(self, error: BaseException) -> None:
        from app.core.progress import Cancelled

        if isinstance(error, Cancelled):
            return
        if isinstance(error, UserError):
            self.show_error(error_text(error))
            if error.code in ("login.failed", "role.forbidden", "password.missing"):
                self.password_edit.clear()
                self.password_edit.setFocus()
        else:
            from app.ui import crash

            crash.report(error, self)

    def _attempt_over(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._set_busy(False)
        self.attempt_ended.emit()
        if self.outcome is not None:
            self.accept()
        elif self._closing:
            super().reject()

    def reject(self) -> None:
        """Cancel: a check or a restore running is stopped first (a restore past its replacement finishes)."""
        if self._job is not None:
            self._closing = True
            self._job.cancel()
            return
        super().reject()
