"""Key cards (issue 12, item 8): this workstation's card with its fingerprint shown large for reading aloud, saved
to a file for the other side; the cards trusted here; and trusting a card, which shows the card's unit and
fingerprint FIRST and registers it only after the user says the office read out the same digits. Trusting is an
admin's (`keys.trust_card` refuses anyone else; the button is hidden from them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.vnformat import short_date
from app.ui import file_choosers, messages
from app.ui.context import AppContext
from app.ui.preview_dialog import report_failure
from app.ui.screen_fit import fit_to_screen
from app.ui.texts import error_text


class KeysDialog(QDialog):
    """Signals: `card_saved(str)` (the card's path), `card_trusted(str)` (the unit trusted)."""

    card_saved = Signal(str)
    card_trusted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from app.exchange.identity import phone_groups
        from app.services.keys import own_identity

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("keys_dialog")
        self.setWindowTitle(self.tr("Key cards"))
        self.resize(760, 520)
        fit_to_screen(self)
        public = own_identity(ctx.session).public
        self.own_card = public
        own = QGroupBox(self.tr("This workstation's card"), self)
        unit = QLabel(f"{public.unit} {public.unit_name}", own)
        unit.setObjectName("own_unit")
        self.own_fingerprint = QLabel(phone_groups(public.fingerprint), own)
        self.own_fingerprint.setObjectName("own_fingerprint")
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.own_fingerprint.font())
        big.setPointSizeF(big.pointSizeF() * 2)
        big.setBold(True)
        big.setStyleHint(QFont.StyleHint.Monospace)
        self.own_fingerprint.setFont(big)
        copy = QPushButton(self.tr("C&opy"), own)
        copy.setObjectName("copy_fingerprint")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.own_fingerprint.text()))
        self.save_button = QPushButton(self.tr("&Save card…"), own)
        self.save_button.setObjectName("save_card")
        self.save_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.save_button.clicked.connect(self.ask_save_card)
        explain = QLabel(self.tr("Give the card file to the other side (a USB stick); when they call, read them "
                                 "this fingerprint."), own)
        explain.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.own_fingerprint, 1)
        row.addWidget(copy)
        row.addWidget(self.save_button)
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(unit)
        own_layout.addLayout(row)
        own_layout.addWidget(explain)

        trusted = QGroupBox(self.tr("Cards trusted here"), self)
        self.table = QTableWidget(0, 5, trusted)
        self.table.setObjectName("trusted_table")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Unit"), self.tr("Fingerprint"),
                                              self.tr("Trusted on"), self.tr("By")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(28, self.fontMetrics().height() * 2))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 80), (1, 240), (2, 260), (3, 90)):  # fixed widths: no ResizeToContents
            self.table.setColumnWidth(column, width)
        self.trust_button = QPushButton(self.tr("&Trust a card…"), trusted)
        self.trust_button.setObjectName("trust_card")
        self.trust_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.trust_button.clicked.connect(self.ask_trust_card)
        self.trust_button.setVisible(ctx.is_admin())
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(self.table, 1)
        trusted_layout.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignLeft)

        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        from app.exchange.identity import phone_groups
        from app.services.keys import trusted

        rows = trusted(self.ctx.session)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            kind = self.tr("Office") if row["role"] == "office" else self.tr("Commune")
            for c, text in enumerate((kind, f"{row['unit']} {row['unit_name']}", phone_groups(row["fingerprint"]),
                                      short_date(row["trusted_at"][:10]), row["trusted_by"])):
                self.table.setItem(r, c, QTableWidgetItem(text))

    # This workstation's card.
    def ask_save_card(self) -> None:
        suggested = file_choosers.last_folder(self.ctx, "card") / f"the-khoa-{self.own_card.unit}.card"
        path = file_choosers.save_path(self, self.tr("Save the key card"), suggested, self.tr("Key cards (*.card)"))
        if path is not None:
            self.save_card_to(path)

    def save_card_to(self, path: Path):
        """Write this workstation's card to *path* (on a worker: a USB stick can be slow)."""
        from app.services.keys import write_card

        file_choosers.remember_folder(self.ctx, "card", path.parent)

        def done(_public) -> None:
            messages.info(self, self.tr("The key card was saved to {path}.").format(path=path))
            self.card_saved.emit(str(path))

        return self.ctx.workers.start(lambda session, progress, cancel: write_card(session, path), self.ctx.session,
                                      on_done=done, on_error=lambda error: report_failure(self, error))

    # Trusting another card.
    def ask_trust_card(self) -> None:
        path = file_choosers.open_path(self, self.tr("Trust a key card"), file_choosers.last_folder(self.ctx, "card"),
                                       self.tr("Key cards (*.card);;All files (*)"))
        if path is not None:
            self.trust_card_from(path)

    def trust_card_from(self, path: Path) -> bool:
        """Show the card at *path* (unit, fingerprint), ask whether the other side read out the same digits, and
        trust it if they did. Returns whether the card is now trusted."""
        from app.exchange.identity import phone_groups
        from app.services.keys import read_card, trust_card

        file_choosers.remember_folder(self.ctx, "card", path.parent)
        try:
            card = read_card(path)
        except UserError as error:
            messages.user_error(self, error)
            return False
        kind = self.tr("office") if card.role == "office" else self.tr("commune")
        question = self.tr("Key card of {unit} {name} ({kind}).\n\nFingerprint:\n{fingerprint}\n\nCall that unit and "
                           "ask them to read out the fingerprint their program shows. Trust the card only if every "
                           "digit is the same.").format(unit=card.unit, name=card.unit_name, kind=kind,
                                                        fingerprint=phone_groups(card.fingerprint))
        if not messages.ask(self, question, yes=self.tr("The digits are the same: trust"), no=self.tr("Cancel")):
            return False
        try:
            result = trust_card(self.ctx.session, path)
        except UserError as error:
            if error.code != "card.changed":
                messages.user_error(self, error)
                return False
            # The unit's key changed (a new PC, a lost folder): the admin confirms the replacement knowingly.
            if not messages.ask(self, self.tr("{message}\n\nReplace the old card with this one?").format(
                    message=error_text(error)), yes=self.tr("Replace"), no=self.tr("Cancel")):
                return False
            try:
                result = trust_card(self.ctx.session, path, replace=True)
            except UserError as again:
                messages.user_error(self, again)
                return False
        if result.action == "already":
            messages.info(self, self.tr("This card is already trusted."))
        else:
            messages.info(self, self.tr("The card of {unit} {name} is now trusted.").format(
                unit=card.unit, name=card.unit_name))
        self.refresh()
        self.card_trusted.emit(card.unit)
        return True
