"""The desktop program's automatic backups (SPEC § 8: on close and daily, the last 14 kept in `backups/auto/`).

The main window makes one when it closes and, when it stays open for days, once a day: a timer looks every hour
whether one is due (`backup.auto_backup_due`: none yet, or the newest older than a day; a look at a few file
dates) and then runs it on a worker with its own session. On close, once the other workers have stopped, the
window waits for the backup (at most once a day; some seconds on a large store) behind a small progress window
whose Skip cancels it (no file is left). The rule is the command line's (`backup.auto_backup_safely`): the work is
saved already, so a backup that cannot be made never stops the close and loses nothing; it is logged, and the
user is told once per window.

Signals: `finished()` after each try, made or not (tests wait for it).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import UserError
from app.ui import messages
from app.ui.texts import error_text, message_text, tr

log = logging.getLogger(__name__)

CHECK_MS = 60 * 60 * 1000  # how often an open window looks whether the daily backup is due
STOP_WAIT_MS = 30_000  # a backup stops at its next cancel check (a block of pages copied or written)
SHORT_REASONS = {"disk.read_only": "os.read_only", "disk.no_permission": "os.no_permission"}


class AutoBackups(QObject):
    """The automatic backups of *window*'s data folder (a `MainWindow`: `is_away()` while its session stepped
    aside for a restore or a change of key). `clock()` is the PC's local time, as the backup files' dates."""

    finished = Signal()

    def __init__(self, ctx: Any, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.clock = dt.datetime.now
        self._job: Any = None
        self._dialog: QProgressDialog | None = None
        self._told = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        ctx.events.session_leaving.connect(self._stop)

    def _usable(self) -> bool:
        return not self.ctx.session.closed and not self.window.is_away()

    def due(self) -> bool:
        from app.services.backup import auto_backup_due

        return auto_backup_due(self.ctx.session.datadir.path, self.clock())

    def _start(self, on_progress=None):
        clock = self.clock

        def work(session, progress, cancel):
            from app.services.backup import auto_backup_safely

            return auto_backup_safely(session, clock(), progress=progress, cancel=cancel)

        job = self.ctx.workers.start(work, self.ctx.session, on_done=self._done, on_error=self._failed,
                                     on_progress=on_progress)
        self._job = job
        job.ended.connect(lambda: self._ended(job))
        return job

    def check(self) -> None:
        """The timer's look: start the daily backup on a worker when one is due."""
        if self._job is not None or not self._usable() or not self.due():
            return
        log.info("the daily automatic backup is due")
        self._start()

    def before_close(self) -> None:
        """Make the backup if one is due, waiting for it behind a progress window with Skip; never raises. Called
        by the window's close once the other workers have stopped (a daily backup running then was cancelled)."""
        self.timer.stop()
        if self._job is not None or not self._usable() or not self.due():
            return
        dialog = QProgressDialog(tr("Making the daily automatic backup of the data…"), tr("Skip"), 0, 0,
                                 self.window)
        dialog.setObjectName("auto_backup_progress")
        dialog.setWindowTitle(tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progress(done: int, total: int) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

        loop = QEventLoop()
        job = self._start(progress)
        job.ended.connect(loop.quit)  # queued from the thread's end: never before the loop runs
        dialog.canceled.connect(job.cancel)
        self._dialog = dialog
        try:
            loop.exec()
        finally:
            self._dialog = None
            dialog.reset()
            dialog.deleteLater()

    def skip(self) -> None:
        """Skip the backup the close is waiting for (as the progress window's button does)."""
        if self._dialog is not None and self._job is not None:
            self._job.cancel()

    def _stop(self) -> None:
        """The session steps aside (a restore, a change of key, which need the folder alone): a running backup,
        whose session holds the folder, is cancelled and waited for."""
        job = self._job
        if job is not None and job.isRunning():
            job.cancel()
            if not job.wait(STOP_WAIT_MS):
                log.error("the automatic backup did not stop within %d ms", STOP_WAIT_MS)

    def _ended(self, job: Any) -> None:
        if self._job is job:
            self._job = None
        self.finished.emit()

    def _done(self, outcome: Any) -> None:
        if outcome.problem is not None:
            self._tell(outcome.problem)
        elif outcome.path is not None:
            log.info("automatic backup made: %s", outcome.path.name)

    def _failed(self, error: BaseException) -> None:
        from app.core.progress import Cancelled

        if isinstance(error, Cancelled):
            log.info("the automatic backup was skipped or stopped; no file was left")
            return
        if isinstance(error, UserError):  # the worker's session could not be opened (a damaged database)
            log.warning("automatic backup not made: %s", error.code)
            self._tell(error)
            return
        from app.ui import crash

        crash.report(error, self.window)

    def _tell(self, problem: UserError) -> None:
        """Once per window: the work is saved, the backup is not."""
        if self._told:
            return
        self._told = True
        folder = self.ctx.session.datadir.path
        if problem.code == "disk.full":
            text = tr("Your work is saved, but the daily automatic backup could not be made: the disk holding {path} "
                      "is full. Free some space; an admin can also make a backup on another disk (Admin ▸ Backup "
                      "and restore).").format(path=folder)
        else:
            reason = message_text(SHORT_REASONS[problem.code]) if problem.code in SHORT_REASONS \
                else error_text(problem)
            text = tr("Your work is saved, but the daily automatic backup could not be made in {path}: {reason}. An "
                      "admin can make a backup on another disk (Admin ▸ Backup and restore).").format(
                path=folder / "backups" / "auto", reason=reason)
        messages.error(self.window, text)
