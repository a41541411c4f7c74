"""The accident entry form (issue 12, item 5): the paper form's order, keyboard first, checked as you go.

`AccidentForm(ctx, accident_id=None, search_text="", parent=None)` is a non-modal dialog that owns the Designer
form `Ui_AccidentForm` (`forms/accident_form.ui`). It holds one accident as its raw interchange content; every
rule is the core's (`records.check` as each field is left, `records.save_accident` on Ctrl+S). What it holds is
written as an encrypted draft (`app.services.drafts`) when a field is left and after 2 s without typing, and the
draft is dropped when the accident is saved or its changes are dropped.

Keys: Tab and Enter move on in the paper order (the description takes Tab as "next field"), Ctrl+S saves, Ctrl+N
starts a new accident (after the save question), Ctrl+T adds a victim, Ctrl+D copies the previous victim's
address and occupation, Esc asks before dropping changes (and closes at once when there are none).

`void_accident(ctx, parent, accident_id)` asks for a reason and voids the accident.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import Issue, UserError, ValidationFailed
from app.core.model import ACCIDENT_FIELDS, VICTIM_FIELDS, FieldSpec, blank_accident, blank_victim
from app.ui import messages
from app.ui.context import AppContext
from app.ui.entry_widgets import (
    CodePicker,
    DateEdit,
    PickerEntry,
    TimeEdit,
    codelist_entries,
    commune_entries,
)
from app.ui.forms.ui_accident_form import Ui_AccidentForm
from app.ui.screen_fit import fit_to_screen
from app.ui.texts import issue_text, tr

log = logging.getLogger(__name__)

DRAFT_IDLE_MS = 2000  # a draft is written after this long without typing
DUPLICATE_DEBOUNCE_MS = 150  # the duplicate hint looks after this long without typing
# Fields the form does not show: set by the program, or by voiding.
HIDDEN = {"id", "version", "status", "void_reason", "created_at", "updated_at", "author"}
ACCIDENT_SPECS = {spec.name: spec for spec in ACCIDENT_FIELDS}
VICTIM_SPECS = {spec.name: spec for spec in VICTIM_FIELDS}
# Ctrl+D: what a second victim of the same accident most often shares with the first (same household, same work).
SAME_AS_PREVIOUS = ("occupation", "residence", "residence_detail")
STYLE = """
*[invalid="error"] { border: 2px solid #c62828; border-radius: 2px; }
*[invalid="warning"] { border: 2px solid #b26a00; border-radius: 2px; }
QLabel[invalid="error"] { border: none; color: #b71c1c; font-weight: bold; }
QLabel[invalid="warning"] { border: none; color: #8a4f00; font-weight: bold; }
"""
_VICTIM_PATH = re.compile(r"^victims\[(\d+)\]\.(\w+)$")


def enum_entries(name: str) -> list[PickerEntry]:
    """The choices of the form's fixed lists, in the user's language."""
    labels = {
        "sex": {"M": tr("Male"), "F": tr("Female")},
        "severity": {"fatal": tr("Fatal"), "serious": tr("Serious injury"), "minor": tr("Minor injury")},
        "outcome": {"first_aid": tr("First aid only"), "recovered": tr("Recovered"),
                    "sequelae": tr("Lasting effects"), "died": tr("Died"), "unknown": tr("Not known")},
    }[name]
    return [PickerEntry(code, label) for code, label in labels.items()]


@dataclass
class Field:
    """One editor of the form: the record field it edits, its widget, the label beside it and its error row."""

    name: str
    spec: FieldSpec
    widget: QWidget
    label: QLabel | None
    error: QLabel
    victim: bool
    icon: QAction | None = None


def _number(text: str) -> Any:
    """A number as typed: '4500', '4.500' (Vietnamese thousands), '4,5' (Vietnamese decimals); otherwise the text,
    which the core refuses with a message naming the field."""
    compact = text.replace(" ", "")
    if re.fullmatch(r"\d+", compact):
        return int(compact)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", compact):
        return int(compact.replace(".", ""))
    if re.fullmatch(r"\d+[.,]\d+", compact):
        return float(compact.replace(",", "."))
    return text


class AccidentForm(QDialog):
    """The entry form of one accident (new when *accident_id* is None). Emits through `ctx.events`:
    `accident_saved(id)` after a save, `accident_voided(id)` after a void."""

    def __init__(self, ctx: AppContext, accident_id: str | None = None, search_text: str = "",
                 parent: QWidget | None = None, draft: Any = None, draft_hold: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AccidentForm()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(STYLE)
        # The scroll area takes what does not fit: the window's minimum never follows the error rows shown.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._editable = ctx.can_edit()
        self._fields: dict[str, Field] = {}
        self._victims: list[dict[str, Any]] = []
        self._current = -1
        self._touched: set[str] = set()
        self._show_all = False
        self._issues: list[Issue] = []
        self._clean = ""
        self._last_draft = ""
        self._loading = False
        self._finished = False  # closed: a queued focus-out must not write the dropped draft again
        self._record: dict[str, Any] = {}
        self._accident_id: str | None = None  # the stored accident this form edits (None: not saved yet)
        self._draft_id = str(uuid.uuid4())
        self._hold: Any = draft_hold  # app.services.drafts.DraftHold of the draft id: not offered elsewhere
        self._idle = QTimer(self, singleShot=True, interval=DRAFT_IDLE_MS, timeout=self._write_draft)
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DEBOUNCE_MS,
                                       timeout=self.refresh_duplicates)
        self._bind_fields()
        self._set_up_victims_table()
        self._set_up_buttons()
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        if ctx.role == "commune":
            self.ui.unit.setEnabled(False)  # a commune records its own accidents only
        if draft is not None:
            self._load_draft(draft)
            self._hold_draft()
        elif accident_id is not None:
            self._load_stored(accident_id)
        else:
            self._load_new(search_text)
        if not self._editable:
            self._make_read_only()
        self.ui.occurred_on.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts at the paper form's first field
        # Fields keep a readable width: on a small screen (125 % scaling) the form scrolls rather than squeezing
        # a victim's name into a few letters.
        for field in self._fields.values():
            if field.victim and not isinstance(field.widget, QCheckBox):
                field.widget.setMinimumWidth(220 if field.name == "name" else 130)
        self.resize(min(1340, self.width()), min(720, self.height()))
        fit_to_screen(self)

    # --- building ----------------------------------------------------------------------------------------------

    def _bind_fields(self) -> None:
        codelists = self.ctx.session.codelists
        entries_cache: dict[str, list[PickerEntry]] = {}
        for spec, victim in [*((s, False) for s in ACCIDENT_FIELDS), *((s, True) for s in VICTIM_FIELDS)]:
            if spec.name in HIDDEN and not victim:
                continue
            object_name = f"victim_{spec.name}" if victim else spec.name
            widget = getattr(self.ui, object_name, None)
            if widget is None:
                continue
            label = getattr(self.ui, f"{object_name}_label", None)
            error = getattr(self.ui, f"{object_name}_error")
            field = Field(spec.name, spec, widget, label, error, victim)
            if isinstance(widget, CodePicker):
                if spec.kind == "enum":
                    entries = enum_entries(spec.name)
                elif spec.codelist == "admin_units":
                    if "communes" not in entries_cache:  # the workstation's province first among equal matches
                        entries_cache["communes"] = commune_entries(codelists, home=self.ctx.session.unit,
                                                                    lang=self.ctx.lang)
                    entries = entries_cache["communes"]
                else:
                    if spec.codelist not in entries_cache:
                        entries_cache[spec.codelist] = codelist_entries(codelists, spec.codelist, lang=self.ctx.lang)
                    entries = entries_cache[spec.codelist]
                widget.set_entries(entries)
                widget.code_chosen.connect(lambda _code, w=widget: QTimer.singleShot(0, lambda: self._chosen(w)))
            if isinstance(widget, QLineEdit):
                field.icon = widget.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                                              QLineEdit.ActionPosition.TrailingPosition)
                field.icon.setVisible(False)
                widget.textEdited.connect(lambda _text, f=field: self._edited(f))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda f=field: self._edited(f))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on, f=field: self._edited(f))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, f=field: self._edited(f))
            self._set_error_row(field, None)
            self._fields[object_name] = field
        self.ui.confirmed.toggled.connect(lambda _on: self._edited(None))
        self._set_row_visible(self.ui.confirmed_error, False)

    def _set_up_victims_table(self) -> None:
        table = self.ui.victims_table
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((48, 220, 70, 90)):
            table.setColumnWidth(column, width)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        table.currentCellChanged.connect(self._victim_row_changed)

    def _set_up_buttons(self) -> None:
        ui = self.ui
        ui.add_victim_button.clicked.connect(self.add_victim)
        ui.remove_victim_button.clicked.connect(self.remove_victim)
        ui.same_as_previous_button.clicked.connect(self.same_as_previous)
        ui.save_button.clicked.connect(self.save)
        ui.close_button.clicked.connect(self.reject)
        ui.new_button.clicked.connect(self.new_accident)
        ui.history_button.clicked.connect(self._show_history)
        ui.void_button.clicked.connect(self._void)
        ui.issues_list.itemActivated.connect(self._jump_to_issue)
        ui.issues_list.itemClicked.connect(self._jump_to_issue)
        ui.duplicates_box.setVisible(False)
        ui.issues_list.setIconSize(ui.issues_list.iconSize())
        for widget in (ui.issues_list, ui.duplicates_list):
            widget.setWordWrap(True)
        self._icons = {
            "error": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    def _make_read_only(self) -> None:
        """A viewer sees the form, and cannot change or save it."""
        for field in self._fields.values():
            widget = field.widget
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.ui.confirmed.setEnabled(False)
        for button in (self.ui.save_button, self.ui.new_button, self.ui.void_button, self.ui.add_victim_button,
                       self.ui.remove_victim_button, self.ui.same_as_previous_button):
            button.setVisible(False)
        self.ui.state_label.setText(tr("Read only: your account may look at records, not change them."))

    # --- loading -----------------------------------------------------------------------------------------------

    def _load_new(self, search_text: str = "") -> None:
        record = blank_accident(self.ctx.session.unit if self.ctx.role == "commune" else None)
        record["victims"] = [blank_victim()]
        if search_text.strip():
            record["victims"][0]["name"] = search_text.strip()
        self._accident_id = None
        self._show(record)

    def _load_stored(self, accident_id: str) -> None:
        from app.services import records

        record = records.get_accident(self.ctx.session, accident_id)
        self._accident_id = record["id"]
        self._show(record)

    def _load_draft(self, draft: Any) -> None:
        """A draft left by a crash or a power cut: its content, unsaved (the form asks before dropping it)."""
        from app.services import records

        self._draft_id = draft.id
        content = dict(draft.content)
        base = None
        if draft.editing and draft.accident_id:
            try:
                base = records.get_accident(self.ctx.session, draft.accident_id)
            except UserError:
                base = None
        if base is not None:
            self._accident_id = base["id"]
            self._show(base)
        else:
            self._accident_id = None
            self._show(blank_accident(content.get("unit")))
        self._show(content, snapshot=False)
        if base is not None:
            self._record = base  # its id, version and status; the content shown is the draft's
            self._update_title()
        self._last_draft = self._content_key()
        self._touched = {issue.field for issue in self.validate()}
        self._show_issues()

    def _show(self, record: dict[str, Any], snapshot: bool = True) -> None:
        """Put *record* in the widgets; with *snapshot*, what they show is the unchanged state (no question on Esc)."""
        self._loading = True
        try:
            self._record = dict(record)
            for field in self._fields.values():
                if not field.victim:
                    self._set_value(field, record.get(field.name))
            self.ui.confirmed.setChecked(record.get("status") == "confirmed")
            self._victims = [dict(blank_victim(), **victim) for victim in record.get("victims") or []]
            if not self._victims:
                self._victims = [blank_victim()]
            self._current = -1
            self._refresh_table()
            self._select_victim(0)
        finally:
            self._loading = False
        self._touched = set()
        self._show_all = False
        self._issues = []
        self._show_issues()
        self.refresh_duplicates()
        if snapshot:
            self._clean = self._content_key()
        self._update_title()

    def _update_title(self) -> None:
        if self._accident_id is None:
            self.setWindowTitle(tr("New accident"))
        else:
            version = self._record.get("version")
            self.setWindowTitle(tr("Accident {id} (version {version})").format(id=self._accident_id[:8],
                                                                                version=version or "…"))
        editing = self._accident_id is not None and self._editable
        self.ui.void_button.setVisible(editing and self._record.get("status") != "void")
        self.ui.history_button.setVisible(self._accident_id is not None)

    # --- values ------------------------------------------------------------------------------------------------

    def _set_value(self, field: Field, value: Any) -> None:
        widget, kind = field.widget, field.spec.kind
        if isinstance(widget, CodePicker):
            widget.set_code(value)
        elif isinstance(widget, DateEdit):
            widget.set_iso(value)
        elif isinstance(widget, TimeEdit):
            widget.set_value(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))
        elif kind == "codes":
            widget.setText(", ".join(value or []) if isinstance(value, list) else str(value or ""))
        else:
            widget.setText("" if value is None else str(value))

    def _value(self, field: Field) -> Any:
        widget, kind = field.widget, field.spec.kind
        if isinstance(widget, CodePicker):
            code = widget.code()
            return code if code is not None else (widget.text().strip() or None)
        if isinstance(widget, DateEdit):
            return widget.iso() if widget.is_valid() else widget.text().strip()
        if isinstance(widget, TimeEdit):
            return widget.text_value() if widget.is_valid() else widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return (None, True, False)[max(0, widget.currentIndex())]
        text = widget.text().strip()
        if not text:
            return None
        if kind == "int":
            return int(text) if text.isdigit() else text
        if kind == "number":
            return _number(text)
        return text

    def _store_panel(self) -> None:
        """The victim panel's values into the victim being edited."""
        if 0 <= self._current < len(self._victims):
            victim = self._victims[self._current]
            for field in self._fields.values():
                if field.victim:
                    victim[field.name] = self._value(field)

    def raw(self) -> dict[str, Any]:
        """What the form holds, in the interchange form (not yet checked): what is saved and drafted."""
        self._store_panel()
        raw: dict[str, Any] = {"id": self._record.get("id"), "status": self._status()}
        if self._record.get("status") == "void":
            raw["void_reason"] = self._record.get("void_reason")
        for field in self._fields.values():
            if not field.victim:
                raw[field.name] = self._value(field)
        raw["victims"] = [dict(victim) for victim in self._victims]
        return raw

    def _status(self) -> str:
        if self._record.get("status") == "void":
            return "void"
        return "confirmed" if self.ui.confirmed.isChecked() else "draft"

    def _content_key(self) -> str:
        return json.dumps(self.raw(), ensure_ascii=False, sort_keys=True, default=str)

    def is_dirty(self) -> bool:
        return self._content_key() != self._clean

    @property
    def accident_id(self) -> str | None:
        return self._accident_id

    @property
    def draft_id(self) -> str:
        return self._draft_id

    def editors(self) -> dict[str, tuple[str, QWidget]]:
        """Every editor of the form by object name, with the kind of its record field ('text', 'code', 'date'…):
        for tests and the screenshot walker."""
        return {name: (field.spec.kind, field.widget) for name, field in self._fields.items()}

    # --- victims -----------------------------------------------------------------------------------------------

    def _refresh_table(self) -> None:
        table = self.ui.victims_table
        table.blockSignals(True)
        table.setRowCount(len(self._victims))
        sexes = {entry.code: entry.label for entry in enum_entries("sex")}
        severities = {entry.code: entry.label for entry in enum_entries("severity")}
        broken = {int(m.group(1)) for issue in self._visible_issues() if issue.level == "error"
                  for m in [_VICTIM_PATH.match(issue.field)] if m}
        for row, victim in enumerate(self._victims):
            number = QTableWidgetItem(str(row + 1))
            if row + 1 in broken:
                number.setIcon(self._icons["error"])
                number.setToolTip(tr("This victim has a problem to fix"))
            values = [victim.get("name") or "", sexes.get(victim.get("sex"), victim.get("sex") or ""),
                      str(victim.get("birth_year") or (victim.get("birth_date") or "")[:4]),
                      severities.get(victim.get("severity"), victim.get("severity") or "")]
            table.setItem(row, 0, number)
            for column, value in enumerate(values, start=1):
                table.setItem(row, column, QTableWidgetItem(str(value)))
        if 0 <= self._current < table.rowCount():
            table.setCurrentCell(self._current, max(0, table.currentColumn()))
        table.blockSignals(False)
        self.ui.remove_victim_button.setEnabled(self._editable and len(self._victims) > 1)
        self.ui.same_as_previous_button.setEnabled(self._editable and self._current > 0)

    def _select_victim(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._victims):
            return
        was_loading = self._loading
        self._loading = True
        try:
            self._store_panel()
            self._current = index
            for field in self._fields.values():
                if field.victim:
                    self._set_value(field, self._victims[index].get(field.name))
            table = self.ui.victims_table
            table.blockSignals(True)
            table.setCurrentCell(index, max(0, table.currentColumn()))
            table.blockSignals(False)
            self.ui.victim_heading.setText(tr("Victim {number} of {count}").format(number=index + 1,
                                                                                     count=len(self._victims)))
        finally:
            self._loading = was_loading
        self._refresh_table()
        self._show_issues()
        self._duplicate_timer.start()

    def _victim_row_changed(self, row: int, _column: int, _previous_row: int, _previous_column: int) -> None:
        if row >= 0:
            self._select_victim(row)

    def add_victim(self) -> None:
        """A new victim at the end, its name field ready for typing."""
        if not self._editable:
            return
        self._store_panel()
        self._victims.append(blank_victim())
        self._refresh_table()
        self._select_victim(len(self._victims) - 1)
        self.ui.victim_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._edited(None)

    def remove_victim(self) -> None:
        if not self._editable or len(self._victims) <= 1:
            return
        self._store_panel()
        index = self._current
        name = self._victims[index].get("name") or tr("victim {number}").format(number=index + 1)
        if not messages.ask(self, tr("Remove {name} from this accident?").format(name=name)):
            return
        del self._victims[index]
        self._current = -1
        self._refresh_table()
        self._select_victim(min(index, len(self._victims) - 1))
        self._edited(None)
        self.validate()

    def same_as_previous(self) -> None:
        """Ctrl+D: the previous victim's occupation and address, then on to the severity."""
        if not self._editable or self._current <= 0:
            return
        self._store_panel()
        previous = self._victims[self._current - 1]
        for name in SAME_AS_PREVIOUS:
            self._set_value(self._fields[f"victim_{name}"], previous.get(name))
            self._touched.add(self._path(self._fields[f"victim_{name}"]))
        self._store_panel()
        self.ui.victim_severity.setFocus(Qt.FocusReason.OtherFocusReason)
        self._edited(None)
        self.validate()

    # --- editing, checking -------------------------------------------------------------------------------------

    def _path(self, field: Field) -> str:
        return f"victims[{self._current + 1}].{field.name}" if field.victim else field.name

    def _field_of(self, widget: QObject | None) -> Field | None:
        while widget is not None and widget is not self:
            field = self._fields.get(widget.objectName())
            if field is not None and field.widget is widget:
                return field
            widget = widget.parent()
        return None

    def _edited(self, field: Field | None) -> None:
        if self._loading or not self._editable:
            return
        self._idle.start()
        if field is not None and field.victim and field.name in ("name", "birth_year", "birth_date", "id_number",
                                                                 "residence"):
            self._duplicate_timer.start()

    def _chosen(self, widget: QWidget) -> None:
        """A code picked in a popup (by mouse or Enter): on to the next field, as Enter does elsewhere."""
        if shiboken_valid(self) and widget.hasFocus():
            self.focusNextChild()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if not shiboken_valid(self) or old is None:
            return
        field = self._field_of(old)
        if field is None:
            return
        self._touched.add(self._path(field))
        # After the widget's own focus-out work (a picker settles its code then).
        QTimer.singleShot(0, self._left_field)

    def _left_field(self) -> None:
        if not shiboken_valid(self) or self._finished:
            return
        self._store_panel()
        self._refresh_table()
        self.validate()
        self._write_draft()
        self._duplicate_timer.start()

    def validate(self) -> list[Issue]:
        """The core's findings on what the form holds; shown beside the fields that were left (all after a save
        attempt)."""
        from app.services import records

        _accident, self._issues = records.check(self.ctx.session, self.raw())
        self._show_issues()
        self._refresh_table()
        return self._issues

    def _visible_issues(self) -> list[Issue]:
        if self._show_all:
            return list(self._issues)
        return [issue for issue in self._issues if issue.field in self._touched
                or (issue.field.endswith("birth_year") and issue.field[:-10] + "birth_date" in self._touched)]

    def _show_issues(self) -> None:
        visible = self._visible_issues()
        by_field: dict[str, Issue] = {}
        for issue in visible:
            by_field.setdefault(issue.field, issue)  # errors come first
        for field in self._fields.values():
            if field.victim and self._current < 0:
                continue
            self._set_error_row(field, by_field.get(self._path(field)))
        issues_list = self.ui.issues_list
        issues_list.clear()
        for issue in visible:
            item = QListWidgetItem(self._icons[issue.level if issue.level in self._icons else "error"],
                                   self._issue_line(issue))
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            item.setData(Qt.ItemDataRole.UserRole + 1, issue.level)
            issues_list.addItem(item)
        errors = sum(issue.level == "error" for issue in visible)
        self.ui.issues_title.setText(tr("Problems to fix: {count}").format(count=errors) if visible
                                     else tr("No problem found"))

    def _issue_line(self, issue: Issue) -> str:
        """One line of the list: where (victim and field label), then what, and whether it only warns."""
        text = issue_text(issue)
        where = ""
        match = _VICTIM_PATH.match(issue.field)
        if match:
            field = self._fields.get(f"victim_{match.group(2)}")
            label = _label_text(field) if field else match.group(2)
            where = tr("Victim {number}, {field}").format(number=match.group(1), field=label)
        elif issue.field in self._fields:
            where = _label_text(self._fields[issue.field])
        elif issue.field == "victims":
            where = tr("Victims")
        line = f"{where}: {text}" if where else text
        return tr("Warning: {text}").format(text=line) if issue.level == "warning" else line

    def _set_error_row(self, field: Field, issue: Issue | None) -> None:
        level = issue.level if issue is not None else ""
        widget = field.widget
        if widget.property("invalid") != level:
            widget.setProperty("invalid", level)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if field.icon is not None:
            field.icon.setVisible(issue is not None)
            if issue is not None:
                field.icon.setIcon(self._icons.get(issue.level, self._icons["error"]))
                field.icon.setToolTip(issue_text(issue))
        field.error.setProperty("invalid", level)
        field.error.style().unpolish(field.error)
        field.error.style().polish(field.error)
        if issue is None:
            field.error.clear()
        else:
            text = issue_text(issue)
            field.error.setText(tr("Warning: {text}").format(text=text) if issue.level == "warning" else text)
        self._set_row_visible(field.error, issue is not None)

    def _set_row_visible(self, error: QLabel, visible: bool) -> None:
        for layout in self.findChildren(QFormLayout):
            if layout.indexOf(error) >= 0:
                layout.setRowVisible(error, visible)
                return

    def error_for(self, object_name: str) -> str:
        """The message shown beside a field ('' when none): for tests and the screenshot walker."""
        field = self._fields[object_name]
        return field.error.text() if layout_row_visible(self, field.error) else ""

    def _jump_to_issue(self, item: QListWidgetItem) -> None:
        self.focus_field(item.data(Qt.ItemDataRole.UserRole))

    def focus_field(self, path: str) -> None:
        """Bring the field of *path* (`victims[2].id_number`) into view with the focus, selecting its victim."""
        match = _VICTIM_PATH.match(path)
        if match:
            self._select_victim(int(match.group(1)) - 1)
            field = self._fields.get(f"victim_{match.group(2)}")
        elif path == "victims":
            field = self._fields.get("victim_name")
        else:
            field = self._fields.get(path)
        if field is not None:
            self.ui.scroll.ensureWidgetVisible(field.widget)
            field.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- duplicates --------------------------------------------------------------------------------------------

    def refresh_duplicates(self) -> None:
        """Earlier reports of (perhaps) the same person as the victim being typed, by the duplicates' rule."""
        from app.core.text import nfc
        from app.services.duplicates import possible_duplicates

        if not shiboken_valid(self) or not 0 <= self._current < len(self._victims):
            return
        self._store_panel()
        victim = dict(self._victims[self._current])
        name = victim.get("name")
        victim["name"] = nfc(name) if isinstance(name, str) else None
        year = victim.get("birth_year")
        victim["birth_year"] = year if isinstance(year, int) else None
        birth = victim.get("birth_date")
        victim["birth_date"] = birth if isinstance(birth, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", birth) else None
        occurred = self._value(self._fields["occurred_on"])
        occurred = occurred if isinstance(occurred, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", occurred) else None
        found = possible_duplicates(self.ctx.session, victim, occurred, exclude_id=self._record.get("id"))
        listing = self.ui.duplicates_list
        listing.clear()
        from app.core.vnformat import short_date

        for match in found:
            reason = tr("same ID number") if match.reason == "id_number" else tr("same name, born near, days apart")
            text = tr("{name}, born {year}: accident of {date} ({id}), {reason}").format(
                name=match.name, year=match.birth_year or "?", date=short_date(match.occurred_on),
                id=match.accident_id[:8], reason=reason)
            item = QListWidgetItem(self._icons["warning"], text)
            item.setData(Qt.ItemDataRole.UserRole, match.accident_id)
            listing.addItem(item)
        self.ui.duplicates_box.setVisible(bool(found))

    def duplicate_hints(self) -> list[str]:
        """The accident ids the hint shows now."""
        listing = self.ui.duplicates_list
        return [listing.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listing.count())]

    # --- drafts ------------------------------------------------------------------------------------------------

    def _hold_draft(self) -> None:
        """Claim this form's draft id before its first draft is written (another login offers it no more)."""
        from app.services import drafts

        if self._hold is None:
            self._hold = drafts.hold(self.ctx.session, self._draft_id)

    def _release_draft(self, gone: bool) -> None:
        if self._hold is not None:
            self._hold.release(gone)
            self._hold = None

    def _write_draft(self) -> None:
        """What the form holds, as this form's draft, when it changed since the last draft or the last save."""
        from app.services import drafts

        if not shiboken_valid(self) or not self._editable or self._loading or self._finished:
            return
        key = self._content_key()
        if key == self._last_draft or key == self._clean:
            return
        self._hold_draft()
        try:
            drafts.save_draft(self.ctx.session, self._draft_id, json.loads(key),
                              editing=self._accident_id is not None)
        except UserError as problem:  # the database is busy elsewhere: the next field left tries again
            log.warning("a draft was not written: %s", problem.code)
            return
        self._last_draft = key

    def _drop_draft(self) -> None:
        from app.services import drafts

        self._idle.stop()
        try:
            drafts.delete_draft(self.ctx.session, self._draft_id)
        except UserError as problem:
            log.warning("a draft was not deleted: %s", problem.code)
            self._last_draft = ""
            return  # still stored: the claim stays until the form closes
        self._last_draft = ""
        self._release_draft(gone=True)

    # --- saving, closing ---------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+S: save when the core finds no error (asking to confirm warnings, with a reason); True when saved."""
        from app.services import records

        if not self._editable:
            return False
        issues = self.validate()
        errors = [issue for issue in issues if issue.level == "error"]
        if errors:
            self._show_all = True
            self._show_issues()
            self._refresh_table()
            self.focus_field(errors[0].field)
            self.ui.state_label.setText(tr("Not saved: fix the problems listed first."))
            return False
        warnings = [issue for issue in issues if issue.level == "warning"]
        reason = None
        if warnings:
            self._show_all = True
            self._show_issues()
            lines = "\n".join("• " + self._issue_line(issue) for issue in warnings)
            reason = ReasonDialog.ask(self, tr("Save despite warnings"),
                                      tr("Please check:\n{warnings}\n\nTo save anyway, say why these are right "
                                         "(for example: the ID card says so).").format(warnings=lines))
            if reason is None:
                return False
        try:
            result = records.save_accident(self.ctx.session, self.raw(), warning_reason=reason,
                                           based_on=int(self._record.get("version") or 0))
        except ValidationFailed as failed:
            self._issues = failed.issues
            self._show_all = True
            self._show_issues()
            return False
        except UserError as problem:
            messages.user_error(self, problem)
            return False
        self._drop_draft()
        self._accident_id = result.id
        self._record = records.get_accident(self.ctx.session, result.id)
        self._clean = self._content_key()
        self._show_all = False
        self._touched = set()
        self._update_title()
        self.ui.state_label.setText(tr("Saved (version {version}).").format(version=result.version))
        self.ctx.events.accident_saved.emit(result.id)
        return True

    def _settle_changes(self) -> bool:
        """Before the form drops what it holds: save, drop or stay (True: go on)."""
        if not self._editable or not self.is_dirty():
            if self._editable:
                self._drop_draft()
            return True
        answer = messages.ask_save(self, tr("This accident has changes that are not saved. Save them?"))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._drop_draft()
            return True
        return False

    def new_accident(self) -> None:
        """Ctrl+N: a new, empty accident in this window, after the question about unsaved changes."""
        if not self._editable or not self._settle_changes():
            return
        self._release_draft(gone=False)
        self._draft_id = str(uuid.uuid4())
        self._last_draft = ""
        self._load_new()
        self.ui.state_label.clear()
        self.ui.occurred_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Esc, Close and the window's ×: never drops changes without asking."""
        if self._settle_changes():
            super().reject()

    def done(self, result: int) -> None:
        self._finished = True
        self._idle.stop()
        self._duplicate_timer.stop()
        self._release_draft(gone=False)
        super().done(result)

    def _show_history(self) -> None:
        from app.ui.history_dialog import HistoryDialog

        if self._accident_id is not None:
            HistoryDialog(self.ctx, self._accident_id, self).exec()

    def _void(self) -> None:
        if self._accident_id is None:
            return
        if self.is_dirty() and not self._settle_changes():
            return
        if void_accident(self.ctx, self, self._accident_id):
            self._clean = self._content_key()
            self._drop_draft()
            super().reject()

    # --- keyboard ----------------------------------------------------------------------------------------------

    def _shortcuts(self) -> dict[tuple[int, Qt.KeyboardModifier], Callable[[], object]]:
        ctrl = Qt.KeyboardModifier.ControlModifier
        return {(Qt.Key.Key_S, ctrl): self.save, (Qt.Key.Key_N, ctrl): self.new_accident,
                (Qt.Key.Key_T, ctrl): self.add_victim, (Qt.Key.Key_D, ctrl): self.same_as_previous}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The form's own keys, before any field (a line edit would take Ctrl+D as 'delete')."""
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            action = self._shortcuts().get((event.key(), modifiers))
            if action is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                action()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter moves on to the next field (it never saves); on a button it presses the button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            elif not isinstance(focus, QAbstractItemView):
                self.focusNextChild()
            return
        super().keyPressEvent(event)


def _label_text(field: Field) -> str:
    if field.label is not None:
        return field.label.text().replace("&", "")
    if isinstance(field.widget, QCheckBox):
        return field.widget.text().replace("&", "")
    return field.name


def layout_row_visible(form: QWidget, error: QLabel) -> bool:
    for layout in form.findChildren(QFormLayout):
        if layout.indexOf(error) >= 0:
            return layout.isRowVisible(error)
    return False


def shiboken_valid(widget: QObject) -> bool:
    """False once Qt has deleted the C++ object (a queued call arriving after the form closed)."""
    from shiboken6 import isValid

    return isValid(widget)


class ReasonDialog(QDialog):
    """Asks why (a void, or a save despite warnings): OK only with a reason typed."""

    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        prompt = QLabel(text)
        prompt.setWordWrap(True)
        prompt.setObjectName("reason_prompt")
        layout.addWidget(prompt)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason_text")
        self.reason.setMaxLength(500)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reason_ok")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> str | None:
        """The reason typed, or None when cancelled."""
        dialog = cls(parent, title, text)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason.text().strip()
            return None
        finally:
            dialog.deleteLater()


def void_accident(ctx: AppContext, parent: QWidget | None, accident_id: str) -> bool:
    """Void an accident after asking why (nothing is deleted: the reason is kept in its new version and in the
    audit log); True when it was voided."""
    from app.services import records

    if not ctx.can_edit():
        return False
    try:
        record = records.get_accident(ctx.session, accident_id)
    except UserError as problem:
        messages.user_error(parent, problem)
        return False
    victims = ", ".join(victim.get("name") or "" for victim in record.get("victims") or [])
    from app.core.vnformat import short_date

    reason = ReasonDialog.ask(parent, tr("Void this accident"), tr(
        "Void the accident of {date} ({victims})? It stays in the history and the office is told.\n"
        "Why is it void (for example: entered twice)?").format(date=short_date(record.get("occurred_on")),
                                                               victims=victims or "…"))
    if reason is None:
        return False
    try:
        records.void_accident(ctx.session, accident_id, reason)
    except UserError as problem:
        messages.user_error(parent, problem)
        return False
    ctx.events.accident_voided.emit(accident_id)
    return True
