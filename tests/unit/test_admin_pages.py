"""What the desktop program's admin pages read, and the window's session stepping aside for work that needs the
data folder alone (`app.services.admin_pages`)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.core.errors import UserError
from app.services import admin_pages, records, users
from app.services.backup import inspect_backup, restore, write_backup
from app.services.workspace import login
from tests.conftest import PASSWORD, make_accident

OTHER = "hoa ban nở trên đồi"


def test_the_pages_are_for_admins_only(session, commune_dir):
    users.add_user(session, "lan", "clerk", OTHER)
    assert [user.name for user in admin_pages.users_page(session)] == ["admin", "lan"]
    assert admin_pages.settings_page(session) and admin_pages.audit_page(session)
    assert admin_pages.check_chain(session).ok
    with login(commune_dir, "lan", OTHER) as clerk:
        for page in (admin_pages.users_page, admin_pages.settings_page, admin_pages.audit_page,
                     admin_pages.check_chain):
            with pytest.raises(UserError) as refused:
                page(clerk)
            assert refused.value.code == "role.forbidden"


def test_a_worker_restores_while_the_first_session_steps_aside(session, tmp_path):
    """Without stepping aside the first session's hold keeps the worker's restore out (datadir.in_use)."""
    records.save_accident(session, make_accident())
    backup = write_backup(session, tmp_path / "b.tnldbak")
    records.save_accident(session, make_accident())
    outcome: dict = {}

    def worker() -> None:
        own = session.for_worker()
        try:
            info = inspect_backup(own, backup, None, PASSWORD)
            outcome["result"] = restore(own, backup, None, PASSWORD, confirmed=info, wait=0.2)
            outcome["state"] = admin_pages.after_restore(own, PASSWORD)
        except Exception as exc:  # noqa: BLE001 - looked at below
            outcome["error"] = exc
        finally:
            own.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert isinstance(outcome.get("error"), UserError) and outcome["error"].code == "datadir.in_use"

    admin_pages.step_aside(session)
    outcome.clear()
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert "error" not in outcome, outcome.get("error")
    admin_pages.come_back(session, outcome["state"])
    assert outcome["state"].user_role == "admin" and outcome["state"].admin_key is not None
    assert records.count_accidents(session) == 1
    users.add_user(session, "lan", "clerk", OTHER)  # the admin key still signs the users table
    assert {user.name for user in users.list_users(session)} == {"admin", "lan"}


def test_come_back_without_a_change_reopens_the_same_database(session):
    records.save_accident(session, make_accident())
    admin_pages.step_aside(session)
    assert not session.lock.held
    admin_pages.come_back(session)
    assert session.lock.held and records.count_accidents(session) == 1


def test_the_automatic_backups_newest_first(session):
    from app.services.backup import auto_backup

    older = auto_backup(session, now=dt.datetime(2026, 3, 1, 8, 0))
    newer = auto_backup(session, now=dt.datetime(2026, 3, 3, 8, 0))
    listed = admin_pages.automatic_backups(session)
    assert [backup.path for backup in listed] == [newer, older]
    assert listed[0].made_at == dt.datetime(2026, 3, 3, 8, 0) and listed[0].size > 0
