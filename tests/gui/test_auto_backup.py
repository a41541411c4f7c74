"""The desktop program's automatic backups (SPEC § 8: on close and daily, the last 14) over a real data folder: the
window makes one when it closes and, open for days, once a day on a worker; a backup that cannot be made never
stops the close, loses nothing, and is told once."""

from __future__ import annotations

import datetime as dt
import errno
import threading

import pytest

from app.core.progress import Cancelled
from app.services import records
from app.services.backup import restore
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident
from tests.gui.conftest import logged_in
from tests.gui.test_main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def auto_files(folder):
    return sorted((folder / "backups" / "auto").glob("tnld-*.tnldbak"))



@pytest.fixture
def filled(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        ids = [records.save_accident(session, make_accident()).id for _ in range(3)]
    return commune_dir, ids


def test_closing_the_window_makes_a_backup_that_restores(filled, qtbot, tmp_path, messages):
    folder, ids = filled
    assert auto_files(folder) == []
    with logged_in(folder) as ctx:
        window = open_window(ctx, qtbot)
        window.close()
        assert not window.isVisible()
        made = auto_files(folder)
        assert len(made) == 1
        assert ctx.workers.running() == 0
        # Closed again the same day: nothing is due, nothing is made.
        window.show()
        window.close()
        assert auto_files(folder) == made
    assert messages.shown == []
    restore(tmp_path / "elsewhere", made[0], "admin", PASSWORD)
    with login(tmp_path / "elsewhere", "admin", PASSWORD) as session:
        assert sorted(r["id"] for r in records.list_accidents(session)) == sorted(ids)


def test_a_window_open_for_days_makes_the_daily_backup_on_a_worker(filled, qtbot, monkeypatch):
    from app.services import backup as module
    from app.ui.auto_backup import CHECK_MS

    folder, _ids = filled
    threads = []
    real = module.auto_backup

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "auto_backup", watched)
    with logged_in(folder) as ctx:
        window = open_window(ctx, qtbot)
        backups = window.auto_backups
        assert backups.timer.isActive() and backups.timer.interval() == CHECK_MS <= 3_600_000
        backups.timer.timeout.emit()  # the first look: none yet, one is made
        qtbot.waitUntil(lambda: len(auto_files(folder)) == 1, timeout=30_000)
        qtbot.waitUntil(lambda: ctx.workers.running() == 0, timeout=30_000)
        backups.timer.timeout.emit()  # an hour later: the newest is young, nothing is due
        assert ctx.workers.running() == 0 and len(threads) == 1
        later = dt.datetime.now() + dt.timedelta(days=1, minutes=1)
        backups.clock = lambda: later
        with qtbot.waitSignal(backups.finished, timeout=30_000):
            backups.timer.timeout.emit()
        assert len(auto_files(folder)) == 2
        assert all(thread is not threading.main_thread() for thread in threads) and len(threads) == 2
        window.close()
    assert len(auto_files(folder)) == 2  # at close the clock still says tomorrow: nothing more is due


def test_a_backup_that_cannot_be_made_never_stops_the_close_and_is_told_once(filled, qtbot, monkeypatch,
                                                                               messages):
    from app.services import backup as module

    folder, ids = filled

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(module, "write_backup", full)
    with logged_in(folder) as ctx:
        window = open_window(ctx, qtbot)
        with qtbot.waitSignal(window.auto_backups.finished, timeout=30_000):
            window.auto_backups.timer.timeout.emit()
        assert len(messages.texts("error")) == 1
        window.close()
        assert not window.isVisible() and ctx.workers.running() == 0
    told = messages.texts("error")
    assert len(told) == 1 and str(folder) in told[0]
    assert auto_files(folder) == []
    with login(folder, "admin", PASSWORD) as session:  # the data is intact
        assert sorted(r["id"] for r in records.list_accidents(session)) == sorted(ids)


def test_a_failure_at_close_is_told_and_the_window_closes(filled, qtbot, monkeypatch, messages):
    from app.services import backup as module

    folder, _ids = filled

    def forbidden(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder / "backups" / "auto"))

    monkeypatch.setattr(module, "write_backup", forbidden)
    with logged_in(folder) as ctx:
        window = open_window(ctx, qtbot)
        window.close()
        assert not window.isVisible()
    assert len(messages.texts("error")) == 1 and messages.crashes == []


def test_the_backup_at_close_can_be_skipped(filled, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer

    from app.services import backup as module

    folder, _ids = filled
    started = threading.Event()

    def slow(session, out, kind="manual", overwrite=False, progress=None, cancel=None):
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        raise Cancelled()

    monkeypatch.setattr(module, "write_backup", slow)
    with logged_in(folder) as ctx:
        window = open_window(ctx, qtbot)
        QTimer.singleShot(300, window.auto_backups.skip)
        window.close()
        assert started.is_set() and not window.isVisible()
    assert auto_files(folder) == []
