"""The main window: the accident list (search as you type, filters, sort on every column), the incidents, the
panel of obligations due, the menus and toolbar that open the other windows, and a status bar with counts.

The list is an `AccidentModel` over ids. At first it shows the database's order (`listing.ids`, ~0.1 s on
100,000); a worker loads `listing.ListIndex` (its own session) and from then on every keystroke, filter and
header click asks the index in memory. The other parts' windows are imported inside their slots: the start-up
path loads none of them (nor reportlab) before the list is shown.

Per TNLĐ user (`ctx.state`, the data folder's `ui-state.ini`, never the registry): window geometry, dock
state, column widths, the filters and the sort, restored next time. The search text is not kept (it may be
a victim's name on a shared PC).

While a restore or a change of key runs (`ctx.events.session_leaving` … `session_back`, emitted by the admin
pages around `app.services.admin_pages.step_aside` / `come_back`) the window's session has no connection: the
window stops its index load (whose own session would keep the worker from holding the folder alone), pauses
the list's model (it fetches no rows), disables its lists and actions and asks the session nothing; when the
session is back it reloads everything (the database, the role and the key may all be new).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.ui.accident_model import ID_ROLE, SORT_KEYS, WIDTHS, AccidentModel, Column
from app.ui.auto_backup import AutoBackups
from app.ui.context import AppContext
from app.ui.incident_model import INCIDENT_WIDTHS, IncidentColumn, IncidentModel
from app.ui.obligations_panel import ObligationsPanel
from app.ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

PARTS = ("", "H1", "H2", "Q1", "Q2", "Q3", "Q4", *(f"{m:02d}" for m in range(1, 13)))  # '' = the whole year
OBLIGATIONS_SHOWN = 500
LOADED_CATCH_UP = 100  # saves made during the index load, taken one by one when it arrives (~15 ms each)
OUTSIDE_CHECK_MS = 2000  # how often the window looks for changes made by another process
STOP_WAIT_MS = 10_000  # the index load stops at its next cancel check (~20,000 rows)


def row_height(widget: QWidget) -> int:
    """A fixed row height with room for stacked capital accents (Ễ, Ỗ) above the Latin ascent."""
    metrics = widget.fontMetrics()
    return max(26, metrics.height() + metrics.ascent() // 2 + 6)


class SearchBox(QLineEdit):
    """The toolbar's search. Signals: `leave_down()` — Down or Enter: the user wants the list."""

    leave_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """The logged-in program's window. Listens to `ctx.events` and refreshes what changed."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.index: Any = None  # app.services.listing.ListIndex once the worker has loaded it
        self._load_generation = 0
        self._sort = ("date", True)
        self._total = 0
        self._shown_once = False
        self._restoring = True
        self._away = False  # the session has stepped aside (a restore or a change of key on a worker)
        self._reload_pending = False
        self._drafts_pending = False
        self._index_job: Any = None
        self._counts_timer = QTimer(self, singleShot=True, interval=0, timeout=self._update_counts)
        self._closed = False
        self._closing = False
        self._retitle()
        self._build_list()
        self._build_incidents()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("listTabs")
        self.tabs.addTab(self.list_page, self.tr("Accidents"))
        self.tabs.addTab(self.incident_view, self.tr("Incidents"))
        self.setCentralWidget(self.tabs)
        self.obligations = ObligationsPanel(self)
        self.obligations.open_requested.connect(self.open_accident)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.obligations)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._apply_roles()
        self._restore_state()
        self._restoring = False
        self._connect_events()
        from app.services import listing

        self._mark = listing.change_mark(ctx.session)  # what another process changes after this is looked for
        self.refresh_list()
        self.load_incidents()
        # The index loads on a worker once the first rows are drawn: the loading thread shares Python's lock
        # with this one, and the list open on 100,000 accidents took 0.1 s longer when both started together.
        QTimer.singleShot(0, self, self.start_index_load)
        self._outside = QTimer(self)
        self._outside.setInterval(OUTSIDE_CHECK_MS)
        self._outside.timeout.connect(self.check_outside_changes)
        self._outside.start()
        self.auto_backups = AutoBackups(ctx, self)  # on close, and daily while the window stays open

    # Building.
    def _retitle(self) -> None:
        session = self.ctx.session
        self.setWindowTitle(self.tr("{unit} — {user} — TNLĐ").format(unit=session.unit_name, user=session.user))

    def _build_list(self) -> None:
        self.list_page = QWidget(self)
        self.list_page.setObjectName("accidentPage")
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.year_filter = QComboBox(self.list_page)
        self.year_filter.setObjectName("filterYear")
        self.part_filter = QComboBox(self.list_page)
        self.part_filter.setObjectName("filterPart")
        self.part_filter.addItem(self.tr("Whole year"), "")
        for half in (1, 2):
            self.part_filter.addItem(self.tr("Half {n}").format(n=half), f"H{half}")
        for quarter in (1, 2, 3, 4):
            self.part_filter.addItem(self.tr("Quarter {n}").format(n=quarter), f"Q{quarter}")
        for month in range(1, 13):
            self.part_filter.addItem(self.tr("Month {n}").format(n=month), f"{month:02d}")
        self.severity_filter = QComboBox(self.list_page)
        self.severity_filter.setObjectName("filterSeverity")
        self.severity_filter.addItem(self.tr("Any severity"), "")
        self.severity_filter.addItem(self.tr("Fatal"), "fatal")
        self.severity_filter.addItem(self.tr("Seriously injured"), "serious")
        self.status_filters = {}
        for status, text in (("confirmed", self.tr("Confirmed")), ("draft", self.tr("Draft")),
                             ("void", self.tr("Void"))):
            box = QCheckBox(text, self.list_page)
            box.setObjectName("filter" + status.capitalize())
            box.setChecked(status != "void")
            self.status_filters[status] = box
        self.village_filter = QComboBox(self.list_page)
        self.village_filter.setObjectName("filterVillage")
        self.village_filter.setMinimumContentsLength(14)
        self.village_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sent_filter = QComboBox(self.list_page)
        self.sent_filter.setObjectName("filterSent")
        self.sent_filter.addItem(self.tr("Sent or not"), "")
        self.sent_filter.addItem(self.tr("Sent"), "sent")
        self.sent_filter.addItem(self.tr("Not sent"), "unsent")
        period_label = QLabel(self.tr("&Period:"), self.list_page)
        period_label.setBuddy(self.year_filter)
        bar.addWidget(period_label)
        bar.addWidget(self.year_filter)
        bar.addWidget(self.part_filter)
        village_label = QLabel(self.tr("V&illage:"), self.list_page)
        village_label.setBuddy(self.village_filter)
        bar.addWidget(village_label)
        bar.addWidget(self.village_filter, 1)
        # A second row: in one row the filters needed 1,190 points, wider than a 1366×768 screen at 125 %.
        second = QHBoxLayout()
        second.addWidget(self.severity_filter)
        for box in self.status_filters.values():
            second.addWidget(box)
        second.addWidget(self.sent_filter)
        second.addStretch(1)
        layout.addLayout(bar)
        layout.addLayout(second)
        self.fill_filter_choices()

        self.model = AccidentModel(self._fetch_rows, self, show_unit=self.ctx.role == "office")
        self.model.sort_requested.connect(self._sort_requested)
        self.view = QTableView(self.list_page)
        self.view.setObjectName("accidentView")
        self.view.setModel(self.model)
        self._set_up_view(self.view, row_height(self))
        for column, width in WIDTHS.items():
            self.view.setColumnWidth(column, width)
        self.view.setColumnHidden(Column.DELIVERY, self.ctx.role != "commune")
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.view.activated.connect(lambda index: self.open_accident(self.model.id_at(index.row())))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        layout.addWidget(self.view, 1)

        for combo in (self.year_filter, self.part_filter, self.severity_filter, self.village_filter,
                      self.sent_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        for box in self.status_filters.values():
            box.toggled.connect(self._filters_changed)

    @staticmethod
    def _set_up_view(view: QTableView, height: int) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setIconSize(QSize(16, 16))
        vertical = view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents on 100,000 rows
        vertical.setDefaultSectionSize(height)
        horizontal = view.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setHighlightSections(False)

    def _build_incidents(self) -> None:
        from PySide6.QtCore import QSortFilterProxyModel

        from app.ui.accident_model import SORT_ROLE

        self.incident_model = IncidentModel(self)
        self.incident_proxy = QSortFilterProxyModel(self)  # a few dozen rows: a proxy is fine here
        self.incident_proxy.setSourceModel(self.incident_model)
        self.incident_proxy.setSortRole(SORT_ROLE)
        self.incident_view = QTableView(self)
        self.incident_view.setObjectName("incidentView")
        self.incident_view.setModel(self.incident_proxy)
        self._set_up_view(self.incident_view, row_height(self))
        for column, width in INCIDENT_WIDTHS.items():
            self.incident_view.setColumnWidth(column, width)
        self.incident_view.setSortingEnabled(True)
        self.incident_view.sortByColumn(IncidentColumn.DATE, Qt.SortOrder.DescendingOrder)

    def _action(self, name: str, text: str, slot, shortcut: QKeySequence | str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new = self._action("actionNew", self.tr("&New accident"), self.new_accident,
                                    QKeySequence.StandardKey.New, sp.SP_FileIcon)
        self.act_open = self._action("actionOpen", self.tr("&Open"), self.open_current, None,
                                     sp.SP_DialogOpenButton)
        self.act_history = self._action("actionHistory", self.tr("&History of versions"), self.show_history,
                                        "Ctrl+H", sp.SP_FileDialogDetailedView)
        self.act_void = self._action("actionVoid", self.tr("&Void…"), self.void_current, None,
                                     sp.SP_DialogDiscardButton)
        self.act_quick = self._action("actionQuickReport", self.tr("&Quick report (Mẫu 06)…"),
                                      lambda: self.show_form("quick"))
        self.act_event_record = self._action("actionEventRecord", self.tr("&Record of the event (biên bản)…"),
                                             lambda: self.show_form("event_record"))
        self.act_notice = self._action("actionNotice", self.tr("Public &notice…"), lambda: self.show_form("notice"))
        self.act_periodic = self._action("actionPeriodicReport", self.tr("&Periodic report…"), self.open_reports)
        self.act_register = self._action("actionRegister", self.tr("&Register…"), self.open_reports)
        self.act_line_list = self._action("actionLineList", self.tr("&Line list…"), self.open_reports)
        self.act_send = self._action("actionSend", self.tr("&Send to the office…"), self.open_send)
        self.act_keys = self._action("actionKeys", self.tr("&Key cards…"), self.open_keys)
        self.act_users = self._action("actionUsers", self.tr("&Users…"), lambda: self.open_admin("UsersDialog"))
        self.act_settings = self._action("actionSettings", self.tr("&Settings…"),
                                         lambda: self.open_admin("SettingsDialog"))
        self.act_backup = self._action("actionBackup", self.tr("&Backup and restore…"),
                                       lambda: self.open_admin("BackupDialog"))
        self.act_audit = self._action("actionAudit", self.tr("&Audit log…"), lambda: self.open_admin("AuditDialog"))
        self.act_about = self._action("actionAbout", self.tr("&About TNLĐ…"), self.open_about)
        self.act_guide = self._action("actionGuide", self.tr("&User guide"), self.open_guide,
                                      QKeySequence.StandardKey.HelpContents)
        self.act_password = self._action("actionChangePassword", self.tr("Change my &password…"),
                                         self.change_my_password)
        self.act_quit = self._action("actionQuit", self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_search = self._action("actionSearch", self.tr("&Find"), self.focus_search,
                                       QKeySequence.StandardKey.Find)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        accident = bar.addMenu(self.tr("&Accident"))
        accident.setObjectName("menuAccident")
        for action in (self.act_new, self.act_open, self.act_history, self.act_void):
            accident.addAction(action)
        forms = accident.addMenu(self.tr("&Forms"))
        forms.setObjectName("menuForms")
        for action in (self.act_quick, self.act_event_record, self.act_notice):
            forms.addAction(action)
        accident.addSeparator()
        accident.addAction(self.act_search)
        accident.addSeparator()
        accident.addAction(self.act_password)  # the first menu is the program's File menu: for every user
        accident.addAction(self.act_quit)
        reports = bar.addMenu(self.tr("&Reports"))
        reports.setObjectName("menuReports")
        for action in (self.act_periodic, self.act_register, self.act_line_list):
            reports.addAction(action)
        self.send_menu = bar.addMenu(self.tr("&Send"))
        self.send_menu.setObjectName("menuSend")
        self.send_menu.addAction(self.act_send)
        self.send_menu.addAction(self.act_keys)
        self.admin_menu = bar.addMenu(self.tr("A&dmin"))
        self.admin_menu.setObjectName("menuAdmin")
        for action in (self.act_users, self.act_settings, self.act_backup, self.act_audit):
            self.admin_menu.addAction(action)
        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menuView")
        view.addAction(self.obligations.toggleViewAction())
        # Every user's own language (a clerk or a viewer cannot open the admin's settings).
        from app.i18n import LANGUAGE_NAMES  # not admin_dialogs: its imports would slow the window's opening

        languages = view.addMenu(self.tr("&Language"))
        languages.setObjectName("menuLanguage")
        group = QActionGroup(self)
        chosen = self.ctx.chosen_language()
        for code, name in LANGUAGE_NAMES.items():
            action = languages.addAction(name)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(self.act_guide)
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        toolbar = self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.search = SearchBox(toolbar)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search: name, village, ID number… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(self._search_changed)
        self.search.leave_down.connect(self._search_to_list)
        # The search first: on a narrow window (125-150 % scaling) a tool bar hides its last items behind its
        # ">>" button, and the buttons are in the menus (with their keys) too, the search box nowhere else.
        toolbar.addWidget(self.search)
        toolbar.addSeparator()
        for action in (self.act_new, self.act_open, self.act_void, self.act_quick):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("statusCounts")
        self.index_progress = QProgressBar(self)
        self.index_progress.setObjectName("indexProgress")
        self.index_progress.setMaximumWidth(160)
        self.index_progress.setFormat(self.tr("Loading the list… %p%"))
        self.index_progress.hide()
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.index_progress)

    def _apply_roles(self) -> None:
        """A viewer gets no New/Edit/Void, a clerk no admin entries, an office no New (offices import)."""
        editor = self.ctx.can_edit()
        commune = self.ctx.role == "commune"
        self.act_new.setVisible(editor and commune)
        self.act_new.setEnabled(editor and commune)
        self.act_void.setVisible(editor)
        self.act_void.setEnabled(editor)
        self.act_send.setVisible(editor)
        self.act_send.setEnabled(editor)
        admin = self.ctx.is_admin()
        for action in (self.act_users, self.act_settings, self.act_backup, self.act_audit):
            action.setVisible(admin)
            action.setEnabled(admin)
        self.admin_menu.menuAction().setVisible(admin)
        self.sent_filter.setVisible(commune)
        self._update_actions()

    def _update_actions(self) -> None:
        if self._away:
            return
        has_row = self.current_id() is not None
        for action in (self.act_open, self.act_history, self.act_quick, self.act_event_record, self.act_notice):
            action.setEnabled(has_row)
        self.act_void.setEnabled(has_row and self.ctx.can_edit())

    def _connect_events(self) -> None:
        events = self.ctx.events
        events.accident_saved.connect(self._accident_changed)
        events.accident_voided.connect(self._accident_changed)
        events.records_changed.connect(self.reload)
        events.incident_saved.connect(lambda _id: self.load_incidents())
        events.settings_changed.connect(self._retitle)
        events.session_leaving.connect(self._session_leaving)
        events.session_back.connect(self._session_back)

    # Filters and the list.
    def fill_filter_choices(self) -> None:
        """The years and villages found in the data (kept selected when still there)."""
        from app.services import listing

        if self._away:
            return
        session = self.ctx.session
        year, village = self.year_filter.currentData(), self.village_filter.currentData()
        for combo in (self.year_filter, self.village_filter):
            combo.blockSignals(True)
            combo.clear()
        self.year_filter.addItem(self.tr("All years"), 0)
        for found in listing.years(session):
            self.year_filter.addItem(str(found), found)
        self.village_filter.addItem(self.tr("All villages"), "")
        for name in listing.villages(session):
            self.village_filter.addItem(name, name)
        self._select_data(self.year_filter, year)
        self._select_data(self.village_filter, village)
        for combo in (self.year_filter, self.village_filter):
            combo.blockSignals(False)
        self.part_filter.setEnabled(bool(self.year_filter.currentData()))

    @staticmethod
    def _select_data(combo: QComboBox, value: Any) -> None:
        at = combo.findData(value) if value not in (None, "") else -1
        combo.setCurrentIndex(max(at, 0))

    def filters(self) -> Any:
        """The list's filters as chosen (`app.services.listing.ListFilters`)."""
        from app.core.periods import Period
        from app.services.listing import ListFilters

        year = self.year_filter.currentData()
        period = None
        if year:
            part = self.part_filter.currentData() or ""
            period = Period.parse(f"{year}-{part}" if part else str(year))
        statuses = frozenset(status for status, box in self.status_filters.items() if box.isChecked())
        return ListFilters(period=period, search=self.search.text(),
                           severity=self.severity_filter.currentData() or None, statuses=statuses,
                           village=self.village_filter.currentData() or None,
                           sent=(self.sent_filter.currentData() or None) if self.ctx.role == "commune" else None)

    def _filters_changed(self, *_: object) -> None:
        self.part_filter.setEnabled(bool(self.year_filter.currentData()))
        if not self._restoring:
            self.refresh_list()

    def _search_changed(self, _text: str) -> None:
        self.refresh_list()

    def _sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        if not self._restoring:
            self.refresh_list()

    def refresh_list(self) -> None:
        """Find the ids for the filters and sort, and show them, keeping the current accident selected."""
        from app.services import listing

        if self._away:
            self._reload_pending = True
            return
        current = self.current_id()
        filters = self.filters()
        if self.index is not None:
            ids = self.index.find(filters, *self._sort)
        else:
            ids = listing.ids(self.ctx.session, filters)  # the database's order until the index is loaded
            if self._sort == ("date", False):
                ids.reverse()
        self.model.set_ids(ids)
        if current is not None:
            self.select_accident(current, scroll=False)
        self._counts_timer.start()  # the status bar's counts after the list is drawn, once for quick keystrokes
        self._update_actions()

    def _update_counts(self) -> None:
        ids = self.model.ids()
        if self.index is not None:
            counts = self.index.counts(ids)
            text = self.tr("{shown} of {total} accidents shown · {fatal} fatal · {overdue} with overdue obligations"
                           ).format(shown=len(ids), total=self._total, fatal=counts["fatal"],
                                    overdue=counts["overdue"])
        else:
            text = self.tr("{shown} of {total} accidents shown").format(shown=len(ids), total=self._total)
        self.counts_label.setText(text)

    def _fetch_rows(self, ids) -> dict[str, Any]:
        from app.services import listing

        if self._away:  # the model is paused meanwhile: a second guard
            return {}
        return listing.page(self.ctx.session, ids)

    # The index, loaded on a worker.
    def start_index_load(self) -> None:
        from app.services import listing

        if self._away:
            self._reload_pending = True
            return
        if self._closed:
            return  # a start queued before the window closed
        self._total = listing.total(self.ctx.session)
        self._update_counts()
        self._load_generation += 1
        generation = self._load_generation
        self.index_progress.setValue(0)
        self.index_progress.show()

        def loaded(index: Any) -> None:
            if generation == self._load_generation:
                self._index_loaded(index)

        def failed(error: BaseException) -> None:
            from app.core.progress import Cancelled
            from app.ui.worker import _report_failure

            if generation == self._load_generation:
                self.index_progress.hide()
            if not isinstance(error, Cancelled):
                _report_failure(error)

        self._index_job = self.ctx.workers.start(
            lambda session, progress, cancel: listing.ListIndex.load(session, progress, cancel), self.ctx.session,
            on_done=loaded, on_error=failed, on_progress=self._index_progressed)
        job = self._index_job
        job.ended.connect(lambda: self._index_ended(job))

    def _index_ended(self, job: Any) -> None:
        if self._index_job is job:
            self._index_job = None  # the `Job` is deleted later: never asked about again

    def _index_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.index_progress.setMaximum(total)
            self.index_progress.setValue(min(done, total))

    def _index_loaded(self, index: Any) -> None:
        from app.services import listing

        self.index = index
        self.index.set_today(self.ctx.session.today())
        self.index_progress.hide()
        # What was saved since the load began, in this window too (found by the attack session: an accident
        # saved while the index loaded was missing from the list until the next reload).
        self._mark, changes = listing.changed_since(self.ctx.session, self._mark, own_too=True)
        if changes is not None and (changes.bulk or len(changes.accidents) > LOADED_CATCH_UP):
            self.reload()  # never a loop: saves one by one are taken below, however many came during the load
            return
        if changes is not None:
            for accident_id in changes.accidents:
                self.index.refresh(self.ctx.session, accident_id)
            self.model.forget(list(changes.accidents))
            if changes.incidents:
                self.load_incidents()
        self.refresh_list()
        self.refresh_obligations()

    def refresh_obligations(self) -> None:
        if self.index is None:
            return
        rows, total = self.index.obligations_due(OBLIGATIONS_SHOWN)
        self.obligations.set_obligations(rows, total)

    def _accident_changed(self, accident_id: str) -> None:
        self._accidents_changed([accident_id])

    def _accidents_changed(self, accident_ids: Sequence[str]) -> None:
        from app.services import listing

        if self._away:
            self._reload_pending = True
            return
        if self.index is not None:
            for accident_id in accident_ids:
                self.index.refresh(self.ctx.session, accident_id)
            self._total = self.index.live_count()
        else:
            self._total = listing.total(self.ctx.session)
        self.model.forget(list(accident_ids))
        # The year and village choices are read again only when a changed accident brings a new one (reading them
        # scans the store: under a colleague's constant saves, every 2 s).
        years = {self.year_filter.itemData(i) for i in range(self.year_filter.count())}
        villages = {self.village_filter.itemData(i) for i in range(self.village_filter.count())}
        if any(year not in years or (village and village not in villages)
               for year, village in listing.years_and_villages(self.ctx.session, accident_ids)):
            self.fill_filter_choices()
        self.refresh_list()
        self.refresh_obligations()

    def reload(self) -> None:
        """Many records changed (import, restore, demo data): everything again, the index on a worker."""
        if self._away:
            self._reload_pending = True
            return
        self._reload_pending = False
        from app.services import listing

        self._mark = listing.change_mark(self.ctx.session)
        self.index = None
        self.model.forget()
        self.fill_filter_choices()
        self.start_index_load()
        self.refresh_list()
        self.load_incidents()

    def check_outside_changes(self) -> None:
        """What another process (the `tnld` command, a colleague's window on the same folder) saved, voided,
        added or imported since the last look, every few seconds: the list, counts and obligations follow it
        without a reopen. Costs one pragma while nobody else writes. Also notices a new day (obligations that
        became overdue overnight)."""
        from app.services import listing

        if self._away or self.ctx.session.closed or not self.isVisible():
            return
        if self.index is not None:
            today = self.ctx.session.today()
            if today != self.index.today:
                self.index.set_today(today)
                self.model.forget()  # the rows drawn hold yesterday's overdue marks
                self.refresh_list()
                self.refresh_obligations()
        elif self._index_job is not None:
            return  # the index being loaded may miss a change: look again, from the same mark, once it is in
        self._mark, changes = listing.changed_since(self.ctx.session, self._mark)
        if changes is None:
            return
        log.info("changed by another process: %d accidents%s", len(changes.accidents),
                 ", many records" if changes.many else "")
        if changes.many:
            self.reload()
            return
        if changes.accidents:
            self._accidents_changed(changes.accidents)
        if changes.incidents:
            self.load_incidents()

    def load_incidents(self) -> None:
        from app.services.records import list_incidents

        if self._away:
            self._reload_pending = True
            return
        self.incident_model.set_rows(list_incidents(self.ctx.session, include_void=True))

    # The session stepping aside (a restore, a change of key) and coming back.
    def _session_leaving(self) -> None:
        """Ask the session nothing until it is back: stop the index load (its worker holds the folder shared,
        which a restore waits for), pause the model, disable the lists and every action."""
        self._away = True
        self._load_generation += 1  # a load that ends now is not taken
        job = self._index_job
        if job is not None and job.isRunning():
            job.cancel()
            if not job.wait(STOP_WAIT_MS):
                log.error("the list's index load did not stop within %d ms", STOP_WAIT_MS)
        self.index = None
        self.index_progress.hide()
        self.model.set_paused(True)
        for widget in (self.tabs, self.obligations, self.toolbar):
            widget.setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.counts_label.setText(self.tr("Please wait: the data is being replaced or re-keyed…"))

    def _session_back(self) -> None:
        """The session is open again, maybe on another database with another role: everything anew (once,
        after whatever the admin page does next, e.g. its own `records_changed`)."""
        self._away = False
        self.model.set_paused(False)
        for widget in (self.tabs, self.obligations, self.toolbar):
            widget.setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self._apply_roles()
        self._retitle()
        self._reload_pending = True
        QTimer.singleShot(0, self._reload_if_pending)
        if self._drafts_pending:
            QTimer.singleShot(0, self._offer_drafts)

    def _reload_if_pending(self) -> None:
        if self._reload_pending and not self._away:
            self.reload()

    def is_away(self) -> bool:
        """Whether the session has stepped aside (the window asks it nothing meanwhile)."""
        return self._away

    # Selection.
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, ID_ROLE)

    def select_accident(self, accident_id: str, scroll: bool = True) -> bool:
        row = self.model.row_of(accident_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        if scroll:
            self.view.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_to_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    # What the actions open (the other parts' windows, imported when used).
    def new_accident(self) -> None:
        if not (self.ctx.can_edit() and self.ctx.role == "commune"):
            return
        from app.ui.accident_form import AccidentForm

        form = AccidentForm(self.ctx, accident_id=None, search_text=self.search.text(), parent=self)
        form.show()

    def open_current(self) -> None:
        self.open_accident(self.current_id())

    def open_accident(self, accident_id: str | None) -> None:
        if not accident_id:
            return
        from app.ui.accident_form import AccidentForm

        form = AccidentForm(self.ctx, accident_id=accident_id, parent=self)
        form.show()

    def show_history(self) -> None:
        accident_id = self.current_id()
        if accident_id is None:
            return
        from app.ui.history_dialog import HistoryDialog

        HistoryDialog(self.ctx, accident_id, self).exec()

    def void_current(self) -> None:
        accident_id = self.current_id()
        if accident_id is None or not self.ctx.can_edit():
            return
        from app.ui.accident_form import void_accident

        void_accident(self.ctx, self, accident_id)

    def show_form(self, kind: str) -> None:
        accident_id = self.current_id()
        if accident_id is None:
            return
        from app.ui.preview_dialog import show_accident_form

        show_accident_form(self.ctx, self, kind, accident_id)

    def open_reports(self) -> None:
        from app.ui.report_dialog import ReportDialog

        ReportDialog(self.ctx, self).exec()

    def open_send(self) -> None:
        from app.ui.send_dialog import SendDialog

        SendDialog(self.ctx, self).exec()

    def open_keys(self) -> None:
        from app.ui.keys_dialog import KeysDialog

        KeysDialog(self.ctx, self).exec()

    def open_admin(self, name: str) -> None:
        if not self.ctx.is_admin():
            return
        from app.ui import admin_dialogs

        getattr(admin_dialogs, name)(self.ctx, self).exec()

    def change_my_password(self) -> None:
        """Any user changes their own password (a clerk or viewer has no users page)."""
        from app.ui.admin_dialogs import change_my_password

        change_my_password(self.ctx, self)

    def open_guide(self) -> None:
        from app.ui.help_window import show_guide

        show_guide(self)

    def open_about(self) -> None:
        from app.ui.about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    # State kept per user.
    def _restore_state(self) -> None:
        state = self.ctx.state
        geometry = state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # the first time: nearly the whole of a 1366×768 screen (less at 125 % scaling)
            self.resize(1340, 700)
            fit_to_screen(self)
        dock = state.value("main/state")
        if isinstance(dock, QByteArray) and not dock.isEmpty():
            self.restoreState(dock)
        else:  # as wide as the filters above the list leave it (the layout applies once shown)
            QTimer.singleShot(0, lambda: self.resizeDocks([self.obligations], [380], Qt.Orientation.Horizontal))
        for key, view in (("list/widths", self.view), ("incidents/widths", self.incident_view)):
            widths = state.value(key)
            if isinstance(widths, str):
                widths = [widths]
            for column, width in enumerate(widths or []):
                try:
                    if 20 <= int(width) <= 1000:
                        view.setColumnWidth(column, int(width))
                except (TypeError, ValueError):
                    continue
        year = _int(state.value("list/year"))
        self._select_data(self.year_filter, year or None)
        self._select_data(self.part_filter, str(state.value("list/part") or ""))
        self.part_filter.setEnabled(bool(self.year_filter.currentData()))
        self._select_data(self.severity_filter, str(state.value("list/severity") or ""))
        statuses = state.value("list/statuses")
        if statuses is not None:
            chosen = set(statuses if isinstance(statuses, list) else str(statuses).split(","))
            for status, box in self.status_filters.items():
                box.setChecked(status in chosen)
        self._select_data(self.village_filter, str(state.value("list/village") or ""))
        self._select_data(self.sent_filter, str(state.value("list/sent") or ""))
        sort = str(state.value("list/sort") or "date")
        descending = str(state.value("list/descending", "true")).lower() == "true"
        columns = {key: column for column, key in SORT_KEYS.items()}
        if sort in columns:
            self._sort = (sort, descending)
            self.view.horizontalHeader().setSortIndicator(
                columns[sort], Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        tab = _int(state.value("main/tab"))
        if tab in (0, 1):
            self.tabs.setCurrentIndex(tab)

    def save_state(self) -> None:
        state = self.ctx.state
        state.set_value("main/geometry", self.saveGeometry())
        state.set_value("main/state", self.saveState())
        state.set_value("main/tab", self.tabs.currentIndex())
        state.set_value("list/widths", [self.view.columnWidth(c) for c in range(len(Column))])
        state.set_value("incidents/widths", [self.incident_view.columnWidth(c) for c in range(len(IncidentColumn))])
        state.set_value("list/year", self.year_filter.currentData() or 0)
        state.set_value("list/part", self.part_filter.currentData() or "")
        state.set_value("list/severity", self.severity_filter.currentData() or "")
        state.set_value("list/statuses", ",".join(s for s, box in self.status_filters.items() if box.isChecked()))
        state.set_value("list/village", self.village_filter.currentData() or "")
        state.set_value("list/sent", self.sent_filter.currentData() or "")
        state.set_value("list/sort", self._sort[0])
        state.set_value("list/descending", "true" if self._sort[1] else "false")
        state.sync()

    # Window events.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._offer_drafts)

    def _offer_drafts(self) -> None:
        """Offer an unsaved form kept after a crash (the drafts part; skipped while it is not there; put off
        while the session has stepped aside)."""
        if self._away:
            self._drafts_pending = True
            return
        self._drafts_pending = False
        if importlib.util.find_spec("app.ui.drafts") is None:
            return
        from app.ui.drafts import offer_drafts

        offer_drafts(self.ctx, self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask each open form about its unsaved changes first (Cancel keeps the program open); then keep the
        user's layout and filters, stop the workers before the session closes (never abort), and make the
        daily automatic backup when one is due (waited for; Skip; a failure never stops the close)."""
        if self._closing:  # a second close while the backup at close runs
            event.ignore()
            return
        forms = sys.modules.get("app.ui.accident_form")  # loaded once a form was opened
        for form in self.findChildren(forms.AccidentForm) if forms is not None else ():
            if form.isVisible() and not form.close():
                event.ignore()
                return
        try:
            self.save_state()
        except Exception:  # noqa: BLE001 - a state file that cannot be written must not keep the window open
            log.exception("the window state was not saved")
        self._closed = True
        self.ctx.workers.stop_all()
        self._outside.stop()
        self._counts_timer.stop()
        self._closing = True
        try:
            self.auto_backups.before_close()
        except Exception:  # noqa: BLE001 - the data is saved: nothing about its backup may keep the window open
            log.exception("the automatic backup at close failed")
        finally:
            self._closing = False
        super().closeEvent(event)

    def choose_language(self, language: str) -> None:
        """This user's language from the next login on (also the login window's, as the last chosen here)."""
        from app.ui import messages

        if self.ctx.choose_language(language):
            messages.info(self, self.tr("The language will change the next time you log in."))

    def close_session(self) -> None:
        """Close the GUI thread's session (after the workers have stopped)."""
        self._outside.stop()
        self.ctx.session.close()


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
