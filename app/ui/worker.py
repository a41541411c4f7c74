"""Long work off the UI thread (STYLE § 13): export, backup, restore, reports, demo data, the search index load.

A piece of work is a plain function `work(session, progress, cancel)` that calls the services (the core's
contract, `app.core.progress`): it runs on a `QThread` with **its own session** on the same data folder
(`Session.for_worker()`, opened and closed on that thread: SQLite connections belong to their thread), and its
result or error comes back on the GUI thread.

`Workers` keeps every running job alive until its thread has finished (a `QThread` destroyed while running
aborts the process) and, when the program quits, cancels them all and waits: closing the window during long
work never aborts. `run_with_progress` adds a progress dialog with Cancel that shows after 300 ms.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ui.texts import tr

log = logging.getLogger(__name__)

Work = Callable[[Any, Callable[[int, int], None], Callable[[], bool]], Any]


class Job(QThread):
    """One piece of work on its own thread. Signals (delivered on the GUI thread):

    - `progressed(int, int)`: done, total, as the work tells them;
    - `succeeded(object)`: the work's result;
    - `failed(object)`: the exception it raised (a `UserError`, `Cancelled`, or a bug);
    - `ended()`: after either of the two.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(self, work: Work, session=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._session = session
        self._cancelled = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None
        self.finished.connect(self._report)

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:  # on the worker thread
        own = None
        try:
            if self._session is not None:
                own = self._session.for_worker()
            self._result = self._work(own, self.progressed.emit, self._cancelled.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self._error = exc
        finally:
            if own is not None:
                try:
                    own.close()
                except Exception:  # noqa: BLE001 - closing must not hide the work's own outcome
                    log.exception("a worker's session did not close")

    def _report(self) -> None:  # on the GUI thread, once the thread has finished
        if self._error is None:
            self.succeeded.emit(self._result)
        else:
            self.failed.emit(self._error)
        self.ended.emit()


class Workers(QObject):
    """Every running job, kept until it has finished; `stop_all` cancels and waits (on quit)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Job] = set()

    def start(self, work: Work, session=None, *, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None) -> Job:
        job = Job(work, session)
        if on_progress is not None:
            job.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        if on_done is not None:
            job.succeeded.connect(on_done)
        job.failed.connect(on_error or _report_failure)
        job.ended.connect(lambda: self._forget(job))
        self._running.add(job)
        job.start()
        return job

    def _forget(self, job: Job) -> None:
        self._running.discard(job)
        job.deleteLater()

    def running(self) -> int:
        return len(self._running)

    def stop_all(self, timeout_ms: int = 30_000) -> None:
        """Cancel every job and wait for its thread (the services stop at their next cancel check)."""
        for job in list(self._running):
            job.cancel()
        for job in list(self._running):
            if not job.wait(timeout_ms):
                log.error("a worker did not stop within %d ms", timeout_ms)
        QCoreApplication.sendPostedEvents()


def _report_failure(error: BaseException) -> None:
    from app.core.errors import UserError
    from app.core.progress import Cancelled
    from app.ui import crash, messages

    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        messages.user_error(None, error)
    else:
        crash.report(error)


def run_with_progress(parent: QWidget, workers: Workers, title: str, work: Work, session=None, *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      cancellable: bool = True) -> Job:
    """Start *work* with a progress dialog (shown after 300 ms) that has Cancel; the window stays usable."""
    dialog = QProgressDialog(title, tr("Cancel") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(tr("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    job = workers.start(work, session, on_done=on_done, on_error=on_error, on_progress=progress)
    dialog.canceled.connect(job.cancel)
    job.ended.connect(dialog.reset)
    job.ended.connect(dialog.deleteLater)
    return job
