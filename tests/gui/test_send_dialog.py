"""Send to the office (issue 12, item 8): a period exported to a folder, imported by the office, and its receipt
read back at the commune and shown confirmed; a refused export writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import PASSWORD, make_accident, make_victim
from tests.gui.conftest import logged_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AFTER_H1 = dt.datetime(2026, 7, 2, 10, 0)  # 2026-H1 has ended; 2026-H2 is running


def clock():
    return AFTER_H1


@pytest.fixture
def dated_ctx(commune_dir):
    with logged_in(commune_dir, clock=clock) as context:
        yield context


def add(ctx, **changes) -> str:
    from app.services.records import save_accident

    return save_accident(ctx.session, make_accident(**changes)).id


def run(qtbot, job) -> None:
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass


def test_a_period_is_exported_imported_by_the_office_and_its_receipt_confirmed(dated_ctx, office_dir, qtbot, tmp_path,
                                                                              messages):
    from PySide6.QtGui import QGuiApplication

    from app.services.exchange import import_files
    from app.services.keys import trust_card, write_card
    from app.services.sending import bundle_fingerprint
    from app.ui.send_dialog import SendDialog

    ctx = dated_ctx
    add(ctx, victims=[make_victim(name="Đinh Thị Ễnh"), make_victim(name="Lý Văn Ỗn")])
    add(ctx, occurred_on="2026-07-01", declared_on="2026-07-01")  # in the running half-year: not sent with H1
    dialog = SendDialog(ctx)
    qtbot.addWidget(dialog)
    assert str(dialog.period()) == "2026-H1"  # the last ended half-year
    assert (dialog.preview.accidents, dialog.preview.victims, dialog.preview.new) == (1, 2, 1)
    assert not dialog.preview.nil and not dialog.preview.interim and dialog.preview.office is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.set_folder(usb)
    changed = []
    ctx.events.records_changed.connect(lambda: changed.append(True))
    run(qtbot, dialog.export())
    files = list(usb.iterdir())
    assert len(files) == 1 and files[0].suffix == ".tnld"
    result = dialog.result
    assert dialog.result_file.text() == str(files[0]) and dialog.result_size.text()
    assert dialog.result_fingerprint.text() == bundle_fingerprint(result.bundle_hash)
    assert len(dialog.result_fingerprint.text().split()) == 6
    dialog.findChild(type(dialog.export_button), "copy_fingerprint").click()
    assert QGuiApplication.clipboard().text() == dialog.result_fingerprint.text()
    assert changed and (dialog.preview.new, dialog.preview.already_sent) == (0, 1)
    assert dialog.bundles.rowCount() == 1 and dialog.earlier.rowCount() == 1
    assert messages.texts("error") == []

    # The office, which trusts the commune's card, imports the stick and writes the receipt.
    write_card(ctx.session, tmp_path / "commune.card")
    receipts = tmp_path / "receipts"
    with logged_in(office_dir, clock=lambda: AFTER_H1 + dt.timedelta(days=1)) as office:
        trust_card(office.session, tmp_path / "commune.card")
        outcomes = import_files(office.session, files, receipts)
    assert [outcome.state for outcome in outcomes] == ["imported"]
    receipt = next(receipts.iterdir())

    # Back at the commune: the receipt read in the dialog confirms the bundle.
    waiting = dialog.bundles.item(0, 5).text()
    run(qtbot, dialog.import_receipt_from(receipt))
    assert len(messages.texts("info")) == 1 and messages.texts("error") == []
    assert dialog.bundles.item(0, 5).text() != waiting
    from app.services.sending import sent_bundles

    (bundle,) = sent_bundles(ctx.session)
    assert bundle.confirmed_at is not None and bundle.delivered == 1
    assert dialog.bundles.item(0, 6).text() == bundle_fingerprint(result.bundle_hash)
    assert len(changed) == 2


def test_a_refused_export_shows_the_cores_message_and_writes_nothing(dated_ctx, qtbot, tmp_path, messages):
    from app.core.periods import Period
    from app.ui.send_dialog import SendDialog

    dialog = SendDialog(dated_ctx)
    qtbot.addWidget(dialog)
    dialog.period_picker.set_period(Period(2026, "half", 2))  # running and empty: a nil report is refused
    assert dialog.preview.nil and dialog.preview.interim
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.set_folder(usb)
    run(qtbot, dialog.export())
    (text,) = messages.texts("error")
    assert "2026-H2" in text and "31/12/2026" in text
    assert list(usb.iterdir()) == [] and not dialog.result_box.isVisibleTo(dialog)
    assert dialog.bundles.rowCount() == 0 and not messages.crashes


def test_without_the_office_card_the_dialog_says_so_and_export_is_refused(commune_dir, tmp_path, qtbot, messages):
    from app.services.workspace import login
    from app.ui.send_dialog import SendDialog

    # Forget the office card the template trusts.
    with login(commune_dir, "admin", PASSWORD) as session, session.transaction():
        session.db.execute("DELETE FROM trusted_keys")
    with logged_in(commune_dir, clock=clock) as ctx:
        add(ctx)
        dialog = SendDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.preview.office is None and dialog.office_note.text()
        dialog.set_folder(tmp_path)
        before = set(tmp_path.iterdir())
        run(qtbot, dialog.export())
        assert len(messages.texts("error")) == 1 and set(tmp_path.iterdir()) == before
        # In the program's words: where to click, not a command to type (found by the attack session).
        assert "tnld" not in messages.texts("error")[0] and "Thẻ khóa" in messages.texts("error")[0]


def test_a_viewer_sees_no_export_button(commune_dir, qtbot):
    from app.services.users import add_user
    from app.services.workspace import login
    from app.ui.send_dialog import SendDialog

    with login(commune_dir, "admin", PASSWORD) as session:
        add_user(session, "xem", "viewer", PASSWORD + "-x")
    with logged_in(commune_dir, "xem", PASSWORD + "-x", clock=clock) as ctx:
        dialog = SendDialog(ctx)
        qtbot.addWidget(dialog)
        assert not dialog.export_button.isVisibleTo(dialog) and not dialog.import_button.isVisibleTo(dialog)
