"""The admin pages (issue 12, item 9): users and roles, settings, backup and restore, the audit log.

Each is `X(ctx, parent)`, a `QDialog` opened with `exec()`. A page that is only for admins asks the service for
its data when it is made; a clerk or viewer is refused there, with the core's role message, and `exec()` shows that
message instead of the page (`refusal`). The services check the role again on every change.

Slow work (a password's key derivation, a change of the database key, backup, restore, the chain check) runs on
a worker with its own session. A change of key and a restore need the data folder alone: the window's session
steps aside while the worker runs and comes back on the database that is then in place
(`app.services.admin_pages.step_aside` / `come_back`).

Module hooks that tests replace (no modal dialog may block a test): `present_recovery_code`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.i18n import LANGUAGE_NAMES
from app.ui import messages
from app.ui.context import AppContext
from app.ui.rows_model import RowsModel
from app.ui.screen_fit import fit_to_screen
from app.ui.texts import error_text, tr

ROW_HEIGHT = 30  # tall enough for stacked Vietnamese capitals (Ễ, Ỗ) at 125 %
ROLES = ("admin", "clerk", "viewer")


def role_label(role: str) -> str:
    return {"admin": tr("Admin"), "clerk": tr("Clerk"), "viewer": tr("Viewer")}.get(role, role)


def local_time(iso: str | None, seconds: bool = False) -> str:
    """A stored UTC time as the PC's local day and time, dd/mm/yyyy HH:MM."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def file_size(size: int) -> str:
    if size < 1024 * 1024:
        return tr("{size} KB").format(size=max(1, round(size / 1024)))
    return tr("{size} MB").format(size=f"{size / 1024 / 1024:.1f}".replace(".", ","))


def report_failure(parent: QWidget | None, error: BaseException) -> None:
    """A worker's failure: nothing for a cancel, the message for a `UserError`, the crash handler for a bug."""
    from app.core.progress import Cancelled
    from app.ui import crash

    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        messages.user_error(parent, error)
    else:
        crash.report(error, parent)


def _error_label(name: str) -> QLabel:
    """A red message beside a field, with a warning sign in the text (colour is never the only signal)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _show_error(label: QLabel, text: str | None, field: QWidget | None = None) -> None:
    if text:
        label.setText("⚠ " + text)
        label.show()
    else:
        label.clear()
        label.hide()
    if field is not None:
        field.setStyleSheet("border: 2px solid #b00020;" if text else "")


class AdminDialog(QDialog):
    """A page of the admin menu: refused (with the core's message) when its data may not be read by this user,
    and a helper to run slow work on a worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.refusal: UserError | None = None
        self.last_job = None

    def exec(self) -> int:
        if self.refusal is not None:
            messages.user_error(self.parentWidget(), self.refusal)
            return int(QDialog.DialogCode.Rejected.value)
        return super().exec()

    def show(self) -> None:
        if self.refusal is not None:
            messages.user_error(self.parentWidget(), self.refusal)
            return
        super().show()

    def run(self, title: str, work: Callable, on_done: Callable[[Any], None], *, alone: bool = False,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run *work(session, progress, cancel)* on a worker with a progress dialog. *alone*: the work needs
        the data folder alone (a restore, a change of key): the window's session steps aside meanwhile and comes
        back with the key, admin key and role the worker's session ended with."""
        from app.services.admin_pages import come_back, handover, step_aside
        from app.ui.worker import run_with_progress

        session = self.ctx.session
        ended: dict[str, Any] = {}

        def wrapped(own, progress, cancel):
            try:
                return work(own, progress, cancel)
            finally:
                if alone and own is not None:
                    ended["state"] = handover(own)

        def back() -> bool:
            if not alone:
                return True
            try:
                come_back(session, ended.get("state"))
            except Exception as exc:  # noqa: BLE001 - said to the user: the window cannot go on without it
                report_failure(self, exc)
                return False
            self.ctx.events.session_back.emit()
            return True

        def done(result: Any) -> None:
            if back():
                on_done(result)

        def failed(error: BaseException) -> None:
            back()
            (on_error or (lambda exc: report_failure(self, exc)))(error)

        if alone:
            self.ctx.events.session_leaving.emit()  # the main window stops asking the session (and its workers)
            step_aside(session)
        try:
            self.last_job = run_with_progress(self, self.ctx.workers, title, wrapped, session, on_done=done,
                                              on_error=failed)
        except BaseException:
            back()
            raise


# --------------------------------------------------------------------------------------------------- users


class UserColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATUS = 2


class UsersModel(RowsModel):
    """The workstation's users: name, role, active. `Qt.UserRole` gives the raw value (name, role code, bool)."""

    COLUMNS = UserColumn

    def set_users(self, users: list[Any]) -> None:
        self.set_rows(users)

    def user(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int:
        for row, user in enumerate(self._rows):
            if user.name == name:
                return row
        return -1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        column = UserColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == UserColumn.NAME:
                return user.name
            if column == UserColumn.ROLE:
                return role_label(user.role)
            return self.tr("Active") if user.active else self.tr("Disabled")
        if role == Qt.ItemDataRole.UserRole:
            return (user.name, user.role, user.active)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == UserColumn.STATUS:
            from PySide6.QtWidgets import QApplication

            icon = (QStyle.StandardPixmap.SP_DialogApplyButton if user.active
                    else QStyle.StandardPixmap.SP_DialogCancelButton)
            return QApplication.style().standardIcon(icon)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(UserColumn):
            return (self.tr("User"), self.tr("Role"), self.tr("Status"))[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(QDialog):
    """A new password typed twice, checked by the core's rule as it is typed; for a new user also the name and
    role (`mode='add'`), for one's own password the current one (`mode='own'`), for a reset the question whether
    the old one may be known to someone else (`mode='reset'`); `mode='enable'` for a disabled user."""

    def __init__(self, ctx: AppContext, mode: str, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.mode, self.user = ctx, mode, user
        self.setObjectName("password_dialog")
        titles = {"add": self.tr("Add a user"), "own": self.tr("Change my password"),
                  "reset": self.tr("Set a new password for {user}").format(user=user),
                  "enable": self.tr("Enable {user} with a new password").format(user=user)}
        self.setWindowTitle(titles[mode])
        form = QFormLayout()
        self.name = QLineEdit(user)
        self.name.setObjectName("user_name")
        self.name.setMaxLength(40)
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(ROLES.index("clerk"))
        self.old_password = _password_field("old_password")
        self.password = _password_field("new_password")
        self.repeat = _password_field("repeat_password")
        self.leaked = QCheckBox(self.tr("The old password may be known to someone else"))
        self.leaked.setObjectName("leaked")
        self.leaked.setChecked(True)
        if mode == "add":
            form.addRow(self.tr("User name:"), self.name)
            form.addRow(self.tr("Role:"), self.role)
        if mode == "own":
            form.addRow(self.tr("Current password:"), self.old_password)
        form.addRow(self.tr("New password:"), self.password)
        form.addRow(self.tr("Type it again:"), self.repeat)
        rule = QLabel(self.tr("A good password has at least 10 characters: a few words that only you would put "
                              "together. Not a common password, a run of keys like 1234567890, your user name or "
                              "the unit's name."))
        rule.setObjectName("password_rule")
        rule.setWordWrap(True)
        self.problem = _error_label("password_problem")
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if mode == "reset":
            layout.addWidget(self.leaked)
            leaked_note = QLabel(self.tr("Then the database gets a new key, so that the old password opens nothing, "
                                         "and a new recovery code to print. This takes a moment."))
            leaked_note.setWordWrap(True)
            layout.addWidget(leaked_note)
        layout.addWidget(rule)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        for field in (self.name, self.password, self.repeat):
            field.textChanged.connect(self._typed)

    def _typed(self) -> None:
        """The rule's verdict as the password is typed (only once something is typed in both)."""
        if self.password.text() and self.repeat.text():
            self.problem_text()
        else:
            _show_error(self.problem, None)

    def problem_text(self) -> str | None:
        """What is wrong with what was typed (the core's message), shown under the fields; None when fine."""
        from app.services.workspace import check_password, check_user_name

        name = self.name.text().strip() if self.mode == "add" else (self.user or self.ctx.session.user)
        try:
            if self.mode == "add":
                check_user_name(name)
            check_password(self.password.text(), name, self.ctx.session.unit_name)
            if self.password.text() != self.repeat.text():
                raise UserError("password.mismatch")
        except UserError as error:
            text = error_text(error)
            _show_error(self.problem, text)
            return text
        _show_error(self.problem, None)
        return None

    def accept(self) -> None:
        if self.mode == "own" and not self.old_password.text():
            _show_error(self.problem, self.tr("Type your current password."))
            self.old_password.setFocus()
            return
        if self.problem_text() is None:
            super().accept()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "role": self.role.currentData(), "password": self.password.text(),
                "old_password": self.old_password.text(), "leaked": self.leaked.isChecked()}


class RoleDialog(QDialog):
    def __init__(self, user: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Role of {user}").format(user=user))
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for code in ROLES:
            self.role.addItem(role_label(code), code)
        self.role.setCurrentIndex(ROLES.index(role) if role in ROLES else 1)
        note = QLabel(self.tr("An admin manages users, keys and settings; a clerk enters, edits and sends records; "
                              "a viewer reads and prints. Taking the admin role away gives the database a new key."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.role)
        layout.addWidget(note)
        layout.addWidget(buttons)


class RecoveryCodeDialog(QDialog):
    """The new recovery code after a change of key, shown once, large, with Print; Close only once the user
    says it is written down."""

    def __init__(self, code: str, not_sealed: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("New recovery code"))
        intro = QLabel(self.tr("The database has a new key: old copies of the key file and old passwords no longer "
                               "open it. Here is the new recovery code, shown only now. Print it or write it down "
                               "and keep it locked away; the old recovery code no longer works."))
        intro.setWordWrap(True)
        shown = QLabel(code)
        shown.setObjectName("recovery_code")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(18)
        font.setBold(True)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown)
        if not_sealed:
            lost = QLabel(self.tr("These users had not logged in since TNLĐ was updated and can no longer log in: "
                                  "{names}. Set a new password for each.").format(names=", ".join(not_sealed)))
            lost.setWordWrap(True)
            layout.addWidget(lost)
        self.written = QCheckBox(self.tr("I have written it down"))
        self.written.setObjectName("written_down")
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(self.print_code)
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setEnabled(False)
        self.written.toggled.connect(self.close_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.written)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def reject(self) -> None:  # Esc must not lose a code shown only once
        if self.written.isChecked():
            super().reject()

    def print_code(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.tr("TNLĐ recovery code") + "\n\n" + self.code)
        document.print_(printer)


def _present_recovery_code(parent: QWidget | None, code: str, not_sealed: tuple[str, ...]) -> None:
    RecoveryCodeDialog(code, not_sealed, parent).exec()


present_recovery_code: Callable[[QWidget | None, str, tuple[str, ...]], None] = _present_recovery_code


def ask_own_password(ctx: AppContext, parent: QWidget | None) -> dict[str, Any] | None:
    dialog = PasswordDialog(ctx, "own", ctx.session.user, parent)
    return dialog.values() if dialog.exec() else None


def change_my_password(ctx: AppContext, parent: QWidget | None = None, *,
                       ask: Callable[[AppContext, QWidget | None], dict[str, Any] | None] | None = None) -> None:
    """Any user (a clerk or a viewer too, who have no users page) changes their own password: the key
    derivation runs on a worker. For the main window's menu (File → Change my password…)."""
    from app.services import users
    from app.ui.worker import run_with_progress

    values = (ask or ask_own_password)(ctx, parent)
    if values is None:
        return

    def work(session, _progress, _cancel) -> None:
        users.change_password(session, values["old_password"], values["password"])

    run_with_progress(parent, ctx.workers, tr("Changing your password…"), work, ctx.session,
                      on_done=lambda _result: messages.info(parent, tr("Your password was changed.")),
                      on_error=lambda error: report_failure(parent, error), cancellable=False)


class UsersDialog(AdminDialog):
    """Users and roles (admins): add, change role, disable or enable, reset a password, change one's own."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Users"))
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QVBoxLayout()

        def button(name: str, text: str, slot) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.clicked.connect(slot)
            buttons.addWidget(made)
            return made

        self.add_button = button("add_button", self.tr("&Add user…"), self.on_add)
        self.role_button = button("role_button", self.tr("Change &role…"), self.on_role)
        self.disable_button = button("disable_button", self.tr("&Disable"), self.on_disable)
        self.enable_button = button("enable_button", self.tr("&Enable…"), self.on_enable)
        self.reset_button = button("reset_button", self.tr("Reset &password…"), self.on_reset)
        self.own_button = button("own_password_button", self.tr("Change &my password…"), self.on_own_password)
        buttons.addStretch(1)
        close = button("close_button", self.tr("Close"), self.accept)
        close.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.resize(640, 380)
        fit_to_screen(self)
        for admin_only in (self.add_button, self.role_button, self.disable_button, self.enable_button,
                           self.reset_button):
            admin_only.setVisible(ctx.is_admin())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.reload()
        if self.refusal is None and self.model.rowCount():
            self.table.selectRow(0)
        self._selected()

    def reload(self) -> None:
        from app.services.admin_pages import users_page

        try:
            users = users_page(self.ctx.session)
        except UserError as error:
            self.refusal = error
            users = []
        chosen = self.selected_user()
        self.model.set_users(users)
        if chosen is not None and self.model.row_of(chosen.name) >= 0:
            self.table.selectRow(self.model.row_of(chosen.name))

    def selected_user(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.user(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        self.table.selectRow(self.model.row_of(name))

    def _selected(self) -> None:
        user = self.selected_user()
        chosen = user is not None
        self.role_button.setEnabled(chosen and user.active)
        self.disable_button.setEnabled(chosen and user.active)
        self.enable_button.setEnabled(chosen and not user.active)
        self.reset_button.setEnabled(chosen and user.active)

    # The questions (tests replace them on the instance).
    def ask_new_user(self) -> dict[str, Any] | None:
        dialog = PasswordDialog(self.ctx, "add", parent=self)
        return dialog.values() if dialog.exec() else None

    def ask_password(self, mode: str, user: str) -> dict[str, Any] | None:
        dialog = PasswordDialog(self.ctx, mode, user, parent=self)
        return dialog.values() if dialog.exec() else None

    def ask_role(self, user: str, role: str) -> str | None:
        dialog = RoleDialog(user, role, self)
        return dialog.role.currentData() if dialog.exec() else None

    # The buttons.
    def on_add(self) -> None:
        values = self.ask_new_user()
        if values is not None:
            self.add_user(values["name"], values["role"], values["password"])

    def on_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role = self.ask_role(user.name, user.role)
        if role is not None and role != user.role:
            self.change_role(user.name, role)

    def on_disable(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if messages.ask(self, self.tr("Disable {user}? They can no longer log in, and the database gets a new key "
                                      "(a new recovery code to print).").format(user=user.name),
                        yes=self.tr("Disable"), no=self.tr("Cancel")):
            self.disable(user.name)

    def on_enable(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        values = self.ask_password("enable", user.name)
        if values is not None:
            self.enable(user.name, values["password"])

    def on_reset(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        values = self.ask_password("reset", user.name)
        if values is not None:
            self.reset_password(user.name, values["password"], values["leaked"])

    def on_own_password(self) -> None:
        values = self.ask_password("own", self.ctx.session.user)
        if values is not None:
            self.change_own_password(values["old_password"], values["password"])

    # The changes, each on a worker.
    def _changed(self, select: str | None = None, text: str | None = None) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            self.reload()
            if select:
                self.select(select)
            self.ctx.events.users_changed.emit()
            notices, key_change = result if isinstance(result, tuple) else ([], result)
            from app.ui.texts import message_text

            for code, params in notices:
                messages.info(self, message_text(code, params))
            if key_change is not None:
                present_recovery_code(self, key_change.recovery_code, tuple(key_change.not_sealed))
            elif text:
                messages.info(self, text)
        return done

    @staticmethod
    def _with_notices(call: Callable) -> Callable:
        def work(session, progress, cancel):
            before = len(session.notices)
            result = call(session, progress)
            return list(session.notices[before:]), result
        return work

    def add_user(self, name: str, role: str, password: str) -> None:
        from app.services import users

        def add(session, _progress) -> None:
            users.add_user(session, name, role, password)

        self.run(self.tr("Adding the user…"), self._with_notices(add),
                 self._changed(name, self.tr("User {user} added.").format(user=name)))

    def change_role(self, name: str, role: str) -> None:
        from app.services import users

        self.run(self.tr("Changing the role…"),
                 self._with_notices(lambda session, progress: users.set_role(session, name, role=role,
                                                                             progress=progress)),
                 self._changed(name, self.tr("{user} is now {role}.").format(user=name, role=role_label(role))),
                 alone=True)

    def disable(self, name: str) -> None:
        from app.services import users

        self.run(self.tr("Disabling the user and giving the database a new key…"),
                 self._with_notices(lambda session, progress: users.disable_user(session, name, progress)),
                 self._changed(name), alone=True)

    def enable(self, name: str, password: str) -> None:
        from app.services import users

        self.run(self.tr("Enabling the user…"),
                 self._with_notices(lambda session, _progress: users.enable_user(session, name, password)),
                 self._changed(name, self.tr("{user} can log in again with the new password.").format(user=name)))

    def reset_password(self, name: str, password: str, leaked: bool) -> None:
        from app.services import users

        self.run(self.tr("Setting the new password…"),
                 self._with_notices(lambda session, progress: users.reset_password(session, name, password,
                                                                                   leaked=leaked, progress=progress)),
                 self._changed(name, self.tr("New password set for {user}.").format(user=name)), alone=leaked)

    def change_own_password(self, old: str, new: str) -> None:
        from app.services import users

        self.run(self.tr("Changing your password…"),
                 self._with_notices(lambda session, _progress: users.change_password(session, old, new)),
                 self._changed(None, self.tr("Your password was changed.")))


# ------------------------------------------------------------------------------------------------ settings


def setting_label(key: str) -> str:
    labels = {
        "signer_name": tr("Signer's name"),
        "signer_on_behalf": tr("On behalf of (line above the title)"),
        "signer_title": tr("Signer's title"),
        "office_abbreviation": tr("Office abbreviation"),
        "reporter_name": tr("Reporter's name"),
        "reporter_phone": tr("Reporter's phone"),
        "due_days_after_end.half": tr("Half-year report due (days)"),
        "due_days_after_end.year": tr("Year report due (days)"),
        "due_days_after_end.quarter": tr("Quarter report due (days)"),
        "due_days_after_end.month": tr("Month report due (days)"),
        "periodic_annex": tr("Print the annex of the periodic report"),
    }
    return labels.get(key, key)


class SettingsDialog(AdminDialog):
    """Every setting of the workstation with an editor of its kind, saved through the core (which refuses a bad
    value: its message is shown beside the field), and the language of this TNLĐ user."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from app.core.messages import render
        from app.services.admin_pages import settings_page
        from app.ui.texts import qt_translate

        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        try:
            values = settings_page(ctx.session)
        except UserError as error:
            self.refusal = error
            values = []
        self.loaded: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.kinds: dict[str, str] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for setting, value in values:
            editor = self._editor(setting.kind, value)
            editor.setObjectName("setting_" + setting.key)
            editor.setToolTip(render(setting.description, {}, qt_translate))
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(editor.toolTip())
            error = _error_label("error_" + setting.key)
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(editor)
            box.addWidget(error)
            holder = QWidget()
            holder.setLayout(box)
            label = QLabel(setting_label(setting.key) + ":")
            label.setToolTip(editor.toolTip())
            label.setBuddy(editor)
            form.addRow(label, holder)
            self.loaded[setting.key] = value
            self.editors[setting.key] = editor
            self.errors[setting.key] = error
            self.kinds[setting.key] = setting.kind
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():  # each in its own language: not translated
            self.language.addItem(name, code)
        self.start_language = self.current_language()
        self.language.setCurrentIndex(max(0, list(LANGUAGE_NAMES).index(self.start_language)))
        language_note = QLabel(self.tr("The language changes the next time you log in."))
        language_note.setObjectName("language_note")
        language_note.setWordWrap(True)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", language_note)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(680, 520)
        fit_to_screen(self)

    def current_language(self) -> str:
        chosen = self.ctx.chosen_language()
        return chosen if chosen in LANGUAGE_NAMES else "vi"

    @staticmethod
    def _editor(kind: str, value: Any) -> QWidget:
        if kind == "days":
            editor = QSpinBox()
            editor.setRange(0, 366)
            editor.setValue(int(value) if value is not None else 5)
            return editor
        if kind == "onoff":
            editor = QCheckBox()
            editor.setChecked(value != "off")
            return editor
        editor = QLineEdit("" if value is None else str(value))
        editor.setMaxLength(200)
        if kind == "phone":
            editor.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        return editor

    def _typed(self, key: str) -> str | None:
        """What the editor holds, as the text `change_setting` reads (None: back to the default)."""
        editor = self.editors[key]
        if isinstance(editor, QSpinBox):
            return str(editor.value())
        if isinstance(editor, QCheckBox):
            return "on" if editor.isChecked() else "off"
        text = editor.text().strip()
        return text or None

    def _shown(self, key: str) -> str | None:
        value = self.loaded[key]
        kind = self.kinds[key]
        if kind == "onoff":
            return "off" if value == "off" else "on"
        if value is None or value == "":
            return None
        return str(value)

    def changed_keys(self) -> list[str]:
        return [key for key in self.editors if self._typed(key) != self._shown(key)]

    def is_dirty(self) -> bool:
        return bool(self.changed_keys()) or self.language.currentData() != self.start_language

    def save(self) -> bool:
        """Store every changed setting through the core; a refusal is shown beside its field and the others are
        still saved. True when everything was saved."""
        from app.services.settings import change_setting

        saved = False
        ok = True
        for key in self.changed_keys():
            try:
                value = change_setting(self.ctx.session, key, self._typed(key))
            except UserError as error:
                _show_error(self.errors[key], error_text(error), self.editors[key])
                ok = False
                continue
            _show_error(self.errors[key], None, self.editors[key])
            self.loaded[key] = value
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            saved = True
        language = self.language.currentData()
        if language != self.start_language:
            self.ctx.choose_language(language)
            self.start_language = language
            saved = True
            messages.info(self, self.tr("The language will change the next time you log in."))
        if saved:
            self.ctx.events.settings_changed.emit()
        return ok

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        if self.refusal is None and self.is_dirty():
            answer = messages.ask_save(self, self.tr("Save the changed settings?"))
            if answer == "cancel" or (answer == "save" and not self.save()):
                return
        super().reject()


# ------------------------------------------------------------------------------------------ backup, restore


class BackupDialog(AdminDialog):
    """Backup to a chosen file (anyone: it is encrypted), and for admins restore from a file or from one of the
    automatic backups, after a confirmation that names the backup's date and its number of accidents."""

    FILTER = "TNLĐ (*.tnldbak)"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Backup and restore"))
        layout = QVBoxLayout(self)

        backup_box = QGroupBox(self.tr("Back up"))
        backup_layout = QVBoxLayout(backup_box)
        note = QLabel(self.tr("A backup file is encrypted: it opens only with the passwords valid today. Keep it on "
                              "a USB stick away from this computer."))
        note.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up to a file…"))
        self.backup_button.setObjectName("backup_button")
        self.backup_button.clicked.connect(self.on_backup)
        backup_layout.addWidget(note)
        backup_layout.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(backup_box)

        self.restore_box = QGroupBox(self.tr("Restore"))
        self.restore_box.setObjectName("restore_box")
        restore_layout = QVBoxLayout(self.restore_box)
        warning = QLabel(self.tr("A restore replaces today's data by the backup's (today's data is kept in the "
                                 "backups folder). Type your password as it was when the backup was made."))
        warning.setWordWrap(True)
        self.restore_password = _password_field("restore_password")
        password_row = QFormLayout()
        password_row.addRow(self.tr("Password:"), self.restore_password)
        self.restore_button = QPushButton(self.tr("&Restore from a file…"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.on_restore)
        self.auto_list = QTableWidget(0, 2)
        self.auto_list.setObjectName("auto_backups")
        self.auto_list.setHorizontalHeaderLabels([self.tr("Automatic backup of"), self.tr("Size")])
        self.auto_list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.auto_list.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.auto_list.verticalHeader().hide()
        self.auto_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auto_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auto_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.restore_auto_button = QPushButton(self.tr("Restore the &selected automatic backup"))
        self.restore_auto_button.setObjectName("restore_auto_button")
        self.restore_auto_button.clicked.connect(self.on_restore_auto)
        restore_layout.addWidget(warning)
        restore_layout.addLayout(password_row)
        restore_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        restore_layout.addWidget(self.auto_list)
        restore_layout.addWidget(self.restore_auto_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.restore_box)
        self.restore_box.setVisible(ctx.is_admin())

        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(600, 560)
        fit_to_screen(self)
        self.load_automatic()

    def load_automatic(self) -> None:
        from app.services.admin_pages import automatic_backups

        backups = automatic_backups(self.ctx.session)
        self.auto_list.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            when = QTableWidgetItem(backup.made_at.strftime("%d/%m/%Y %H:%M"))
            when.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.auto_list.setItem(row, 0, when)
            self.auto_list.setItem(row, 1, QTableWidgetItem(file_size(backup.size)))
        self.restore_auto_button.setEnabled(bool(backups))
        if backups:
            self.auto_list.selectRow(0)

    # Backup.
    def default_backup_path(self) -> Path:
        from PySide6.QtCore import QStandardPaths

        folder = self.ctx.state.value("backup_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return Path(folder) / f"tnld-{self.ctx.session.unit}-{dt.date.today():%Y-%m-%d}.tnldbak"

    def on_backup(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Back up to"), str(self.default_backup_path()),
                                                      self.FILTER)
        if chosen:
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(".tnldbak")
            self.backup_to(path)

    def backup_to(self, path: Path) -> None:
        """Write the backup on a worker; the message names the file and its size once the service returned."""
        from app.core.fsutil import storage_error, write_failed
        from app.services.backup import write_backup

        self.ctx.state.set_value("backup_folder", str(path.parent))
        overwrite = path.exists()  # the file dialog asked already

        def work(session, progress, cancel):
            try:
                return write_backup(session, path, overwrite=overwrite, progress=progress, cancel=cancel)
            except UserError:
                raise
            except OSError as exc:
                raise write_failed(path, exc) from None
            except Exception as exc:
                raise storage_error(exc, path) or exc from None

        def done(written: Path) -> None:
            size = Path(written).stat().st_size
            text = self.tr("Backup written to {path} ({size}).").format(path=written, size=file_size(size))
            self.result_label.setText(text)
            messages.info(self, text)

        self.run(self.tr("Writing the backup…"), work, done)

    # Restore.
    def _password(self) -> str | None:
        password = self.restore_password.text()
        if not password:
            messages.error(self, self.tr("Type your password as it was when the backup was made, then choose the "
                                         "backup again."))
            self.restore_password.setFocus()
            return None
        return password

    def on_restore(self) -> None:
        if self._password() is None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Restore from"), str(
            self.ctx.state.value("backup_folder") or Path.home()), self.FILTER)
        if chosen:
            self.restore_from(Path(chosen))

    def on_restore_auto(self) -> None:
        rows = self.auto_list.selectionModel().selectedRows()
        if not rows or self._password() is None:
            return
        self.restore_from(Path(self.auto_list.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)))

    def restore_from(self, path: Path) -> None:
        """Open and check the backup (on a worker), ask with its date and record count, then restore it."""
        from app.services.backup import inspect_backup

        password = self.restore_password.text()
        if not password:
            self._password()
            return
        self.run(self.tr("Checking the backup…"),
                 lambda session, progress, cancel: inspect_backup(session, path, None, password, progress=progress,
                                                                  cancel=cancel),
                 lambda info: self._confirm_restore(path, password, info))

    def confirmation_text(self, info) -> str:
        text = self.tr("Replace today's data by the backup of {date}? It holds {accidents} accident(s), "
                       "{incidents} incident(s) and {users} user(s); it was made by {user}.").format(
            date=local_time(info.created_at), accidents=info.counts.accidents, incidents=info.counts.incidents,
            users=info.counts.users, user=info.user)
        if info.current is not None:
            text += "\n\n" + self.tr("Today: {accidents} accident(s), {incidents} incident(s), {users} user(s).").format(
                accidents=info.current.accidents, incidents=info.current.incidents, users=info.current.users)
            fewer = info.current.accidents - info.counts.accidents
            if fewer > 0:
                text += "\n" + self.tr("The backup holds {count} accident(s) fewer than today.").format(count=fewer)
        text += "\n\n" + self.tr("Today's data is kept in the backups folder.")
        for code in info.warnings:
            text += "\n" + error_text(UserError(code))
        return text

    def _confirm_restore(self, path: Path, password: str, info) -> None:
        if not messages.ask(self, self.confirmation_text(info), yes=self.tr("Restore"), no=self.tr("Cancel")):
            return
        from app.services.admin_pages import after_restore
        from app.services.backup import restore

        def work(session, progress, cancel):
            result = restore(session, path, None, password, confirmed=info, progress=progress, cancel=cancel)
            after_restore(session, password)
            return result

        self.run(self.tr("Restoring the backup…"), work, self._restored, alone=True)

    def _restored(self, result) -> None:
        self.restore_password.clear()
        for signal in (self.ctx.events.records_changed, self.ctx.events.users_changed,
                       self.ctx.events.settings_changed):
            signal.emit()
        text = self.tr("Restored the backup of {date} ({count} accident(s)). From now on, log in with the passwords "
                       "that were valid when the backup was made.").format(date=local_time(result.created_at),
                                                                            count=result.accidents)
        if result.saved_copy:
            text += "\n" + self.tr("The previous data was kept in {path}.").format(path=result.saved_copy)
        self.result_label.setText(text)
        self.load_automatic()
        messages.info(self, text)


# ------------------------------------------------------------------------------------------------ audit log


class AuditColumn(IntEnum):
    SEQ = 0
    WHEN = 1
    WHO = 2
    WHAT = 3
    DETAIL = 4


def action_label(action: str) -> str:
    labels = {
        "login": tr("Login"), "add": tr("Added"), "update": tr("Changed"), "void": tr("Voided"),
        "export": tr("Export"), "import": tr("Import"), "receipt": tr("Receipt"), "backup": tr("Backup"),
        "restore": tr("Restore"), "restore_finished": tr("Restore finished"),
        "restore_damaged": tr("Damaged data replaced by a backup"), "settings": tr("Setting changed"),
        "user_add": tr("User added"), "user_change": tr("User changed"), "password_change": tr("Password changed"),
        "password_reset": tr("Password reset"), "key_change": tr("New database key"), "key_trust": tr("Key card trusted"),
        "key_replace": tr("Key card replaced"), "keys_create": tr("Workstation keys made"),
        "admin_key": tr("Admin key made"), "init": tr("Set up"),
    }
    return labels.get(action, action)


def entity_label(entity: str) -> str:
    labels = {
        "accident": tr("accident"), "incident": tr("incident"), "workstation": tr("workstation"), "key": tr("key"),
        "user": tr("user"), "setting": tr("setting"), "bundle": tr("bundle"), "file": tr("file"),
        "victims": tr("victims"), "bundle_flag": tr("bundle flag"),
    }
    return labels.get(entity, entity)


def detail_label(key: str) -> str:
    labels = {
        "version": tr("version"), "victims": tr("victims"), "role": tr("role"), "active": tr("active"),
        "decision": tr("decision"), "reset": tr("reset"), "unset": tr("removed"), "public": tr("public key"),
        "period": tr("period"), "sequence": tr("bundle number"), "records": tr("records"), "unit": tr("unit"),
        "added": tr("added"), "updated": tr("changed"), "voided": tr("voided"), "unchanged": tr("unchanged"),
        "replaced": tr("replaced"), "removed": tr("removed"), "received_on": tr("received on"),
        "older": tr("older"), "office": tr("office"), "kind": tr("kind"), "interim": tr("interim"),
        "flags": tr("flags"), "fingerprint": tr("fingerprint"), "encrypted_to": tr("encrypted to"),
        "delivered": tr("delivered"), "conflicts": tr("conflicts"), "value": tr("value"), "admin_key": tr("admin key"),
        "users": tr("users"), "set_aside": tr("old files kept in"),
    }
    return labels.get(key, key)


def _detail_value(value: Any) -> str:
    if value is True:
        return tr("yes")
    if value is False:
        return tr("no")
    if value in ("commune", "office", "admin", "clerk", "viewer"):
        return {"commune": tr("commune"), "office": tr("office")}.get(value) or role_label(str(value))
    if isinstance(value, str) and len(value) > 24 and all(c in "0123456789abcdef" for c in value):
        return value[:16] + "…"  # a key or a hash: its start is enough to tell it apart
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def audit_detail(row: dict[str, Any]) -> str:
    """What an audit entry was about, in the user's words: the kind of thing, its id (a record's first 8
    characters), and the detail's fields named in the user's language."""
    parts = []
    if row.get("entity"):
        parts.append(entity_label(str(row["entity"])))
    if row.get("entity_id") not in (None, ""):
        ident = str(row["entity_id"])
        parts.append(ident[:8] if row.get("entity") in ("accident", "incident") and len(ident) == 36 else ident)
    detail = row.get("detail")
    if isinstance(detail, str) and detail.startswith("{"):
        with contextlib.suppress(ValueError):  # not JSON after all: shown as it is
            detail = json.loads(detail)
    if isinstance(detail, dict):
        fields = ", ".join(f"{detail_label(str(key))}: {_detail_value(value)}" for key, value in detail.items())
        if fields:
            parts.append(f"({fields})")
    elif detail not in (None, ""):
        parts.append(str(detail))
    return " ".join(parts)


class AuditModel(RowsModel):
    """Entries of the audit log, newest first: number, when, who, what, detail. `Qt.UserRole` gives the raw
    value (the number, the stored UTC time, the user, the action code, the detail text)."""

    COLUMNS = AuditColumn

    @staticmethod
    def _detail(row: dict[str, Any]) -> str:
        return audit_detail(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = AuditColumn(index.column())
        if role == Qt.ItemDataRole.UserRole:
            return (row.get("seq"), row.get("at"), row.get("user"), row.get("action"), self._detail(row))[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AuditColumn.SEQ:
                return str(row.get("seq", ""))
            if column == AuditColumn.WHEN:
                return local_time(row.get("at"), seconds=True)
            if column == AuditColumn.WHO:
                return row.get("user") or ""
            if column == AuditColumn.WHAT:
                return action_label(str(row.get("action") or ""))
            return self._detail(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == AuditColumn.DETAIL:
            return self._detail(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(AuditColumn):
            return (self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail"))[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class AuditDialog(AdminDialog):
    """The latest entries of the audit log and the check of its hash chain (admins)."""

    LIMIT = 500

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from app.services.admin_pages import audit_page

        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.model = AuditModel(self)
        try:
            self.model.set_rows(audit_page(ctx.session, self.LIMIT))
        except UserError as error:
            self.refusal = error
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((AuditColumn.SEQ, 60), (AuditColumn.WHEN, 150), (AuditColumn.WHO, 110),
                              (AuditColumn.WHAT, 170)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        shown = QLabel(self.tr("The latest {count} entries, newest first.").format(count=self.LIMIT))
        self.check_button = QPushButton(self.tr("&Check the chain"))
        self.check_button.setObjectName("check_button")
        self.check_button.clicked.connect(self.check)
        self.check_button.setVisible(ctx.is_admin())
        self.chain_icon = QLabel()
        self.chain_icon.setObjectName("chain_icon")
        self.chain_label = QLabel()
        self.chain_label.setObjectName("chain_label")
        self.chain_label.setWordWrap(True)
        self.chain_ok: bool | None = None
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.chain_icon)
        row.addWidget(self.chain_label, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(shown)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(900, 560)
        fit_to_screen(self)

    def check(self) -> None:
        from app.services.admin_pages import check_chain

        self.run(self.tr("Checking the audit log…"), lambda session, progress, cancel: check_chain(session),
                 self.show_check)

    def show_check(self, check) -> None:
        self.chain_ok = check.ok
        if check.ok:
            text = self.tr("Intact: {rows} entries, every one linked to the one before.").format(rows=check.rows)
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
        else:
            text = self.tr("BROKEN at entry {seq}: the log was changed outside TNLĐ. Keep this database for "
                           "inspection and tell the office.").format(seq=check.broken_at)
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical
        self.chain_icon.setPixmap(self.style().standardIcon(icon).pixmap(20, 20))
        self.chain_label.setText(text)
