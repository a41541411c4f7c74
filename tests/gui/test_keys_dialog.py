"""Key cards (issue 12, item 8): this workstation's card saved with its fingerprint shown; another card trusted
only after its unit and fingerprint were shown and the user confirmed them."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_own_card_is_saved_with_its_fingerprint_shown(ctx, qtbot, tmp_path, messages, monkeypatch):
    from app.exchange.identity import phone_groups
    from app.services.keys import own_identity, read_card
    from app.ui import file_choosers
    from app.ui.keys_dialog import KeysDialog

    dialog = KeysDialog(ctx)
    qtbot.addWidget(dialog)
    fingerprint = phone_groups(own_identity(ctx.session).public.fingerprint)
    assert dialog.own_fingerprint.text() == fingerprint
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text().startswith("20 ")  # the office's card
    monkeypatch.setattr(file_choosers, "save_path", lambda *args: tmp_path / "xa.card")
    with qtbot.waitSignal(dialog.card_saved, timeout=10_000):
        dialog.save_button.click()
    card = read_card(tmp_path / "xa.card")
    assert phone_groups(card.fingerprint) == fingerprint and card.unit == "06040"
    assert len(messages.texts("info")) == 1


def test_a_card_is_trusted_after_its_fingerprint_was_shown_and_confirmed(ctx, office_ctx, qtbot, tmp_path, messages):
    from app.exchange.identity import phone_groups
    from app.services.keys import own_identity, trusted, write_card
    from app.ui.keys_dialog import KeysDialog

    # An office trusts a commune's card.
    write_card(ctx.session, tmp_path / "xa.card")
    commune_fingerprint = phone_groups(own_identity(ctx.session).public.fingerprint)
    dialog = KeysDialog(office_ctx)
    qtbot.addWidget(dialog)
    assert dialog.trust_button.isVisibleTo(dialog) and dialog.table.rowCount() == 0

    messages.answers.append(False)  # the digits read out differ: nothing is trusted
    assert dialog.trust_card_from(tmp_path / "xa.card") is False
    assert trusted(office_ctx.session) == [] and dialog.table.rowCount() == 0
    (asked,) = messages.texts("ask")
    assert commune_fingerprint in asked and "06040" in asked

    messages.answers.append(True)
    with qtbot.waitSignal(dialog.card_trusted) as signal:
        assert dialog.trust_card_from(tmp_path / "xa.card") is True
    assert signal.args == ["06040"]
    assert [row["unit"] for row in trusted(office_ctx.session)] == ["06040"]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == commune_fingerprint


def test_a_file_that_is_not_a_card_is_refused_with_the_cores_message(ctx, qtbot, tmp_path, messages):
    from app.ui.keys_dialog import KeysDialog

    (tmp_path / "not.card").write_text("hello")
    dialog = KeysDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.trust_card_from(tmp_path / "not.card") is False
    assert len(messages.texts("error")) == 1 and messages.texts("ask") == []


def test_only_an_admin_sees_the_trust_button(commune_dir, qtbot):
    from app.services.users import add_user
    from app.services.workspace import login
    from app.ui.keys_dialog import KeysDialog
    from tests.gui.conftest import logged_in

    with login(commune_dir, "admin", PASSWORD) as session:
        add_user(session, "thu", "clerk", PASSWORD + "-c")
    with logged_in(commune_dir, "thu", PASSWORD + "-c") as ctx:
        dialog = KeysDialog(ctx)
        qtbot.addWidget(dialog)
        assert not dialog.trust_button.isVisibleTo(dialog) and dialog.save_button.isVisibleTo(dialog)
