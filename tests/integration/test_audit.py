"""The audit log: an anchor taken earlier catches a chain cut short or rewritten and hashed again (which an intact
chain alone does not), through the service and the command line; only admins read the log."""

import json

import pytest

from app.core.errors import UserError
from app.db import audit as audit_db
from app.services import audit
from app.services.users import add_user
from app.services.workspace import login
from tests.conftest import PASSWORD
from tests.integration.test_cli import tnld


def _append(session, count):
    for index in range(count):
        with session.transaction():
            session.audit.append(session.user, "settings", "setting", f"key{index}")


def _cut_tail(data_dir, keep):
    """What someone with the database key does to hide the last entries: delete them."""
    with login(data_dir, "admin", PASSWORD, audit=False) as session, session.transaction():
        session.db.execute("DELETE FROM audit WHERE seq > ?", (keep,))


def _rewrite(data_dir, seq):
    """Edit one entry and hash it and every later one again, so that the chain verifies."""
    with login(data_dir, "admin", PASSWORD, audit=False) as session, session.transaction():
        db = session.db
        db.execute("UPDATE audit SET action = 'login', entity = NULL, entity_id = NULL, detail = NULL WHERE seq = ?",
                   (seq,))
        prev = db.execute("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)).fetchone()[0]
        rows = db.execute("SELECT seq, at, user, action, entity, entity_id, detail FROM audit WHERE seq >= ?"
                          " ORDER BY seq", (seq,)).fetchall()
        for number, at, user, action, entity, entity_id, detail in rows:
            digest = audit_db._digest(prev, number, at, user, action, entity, entity_id, detail)
            db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, number))
            prev = digest


def test_a_chain_cut_short_no_longer_extends_the_head_taken_before(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        _append(session, 5)
        length, head = audit.anchor(session)
        _append(session, 3)  # later work extends the head: the anchor still holds
        assert audit.verify(session).ok and audit.check_anchor(session, length, head)
    _cut_tail(commune_dir, length - 2)
    with login(commune_dir, "admin", PASSWORD) as session:
        _append(session, 4)  # new entries take the deleted numbers again, with other hashes
        assert audit.verify(session).ok  # the chain alone looks fine
        assert not audit.check_anchor(session, length, head)


def test_an_edited_and_rehashed_chain_no_longer_extends_the_head_taken_before(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        _append(session, 5)
        length, head = audit.anchor(session)
    _rewrite(commune_dir, length - 3)
    with login(commune_dir, "admin", PASSWORD) as session:
        assert audit.verify(session).ok
        assert not audit.check_anchor(session, length, head)


def test_audit_head_and_verify_anchor_on_the_command_line(commune_dir):
    taken = tnld("audit", "head", "--json", data_dir=commune_dir)
    assert taken.returncode == 0, taken.stderr
    anchor = json.loads(taken.stdout)["anchor"]
    length, head = anchor.split(":")
    assert int(length) > 0 and len(head) == 64
    text = tnld("audit", "head", data_dir=commune_dir)
    assert text.returncode == 0 and "audit verify --anchor" in text.stdout
    result = tnld("audit", "verify", "--anchor", anchor, data_dir=commune_dir)
    assert result.returncode == 0, result.stderr
    assert "still extends" in result.stdout
    result = tnld("audit", "verify", "--anchor", "12:abc", data_dir=commune_dir)
    assert result.returncode == 2 and "LENGTH:HASH" in result.stderr

    _rewrite(commune_dir, int(length) - 1)
    assert tnld("audit", "verify", data_dir=commune_dir).returncode == 0  # without the anchor, nothing shows
    result = tnld("audit", "verify", "--anchor", anchor, data_dir=commune_dir)
    assert result.returncode == 3
    assert "no longer extends the head taken earlier: rows were deleted or rewritten" in result.stderr
    result = tnld("audit", "verify", "--anchor", anchor, "--json", data_dir=commune_dir)
    assert result.returncode == 3 and json.loads(result.stdout)["extends_anchor"] is False


def test_a_tail_cut_off_fails_verify_anchor_on_the_command_line(commune_dir):
    anchor = json.loads(tnld("audit", "head", "--json", data_dir=commune_dir).stdout)["anchor"]
    _cut_tail(commune_dir, int(anchor.split(":")[0]) - 1)
    result = tnld("audit", "verify", "--anchor", anchor, data_dir=commune_dir)
    assert result.returncode == 3
    assert "rows were deleted or rewritten" in result.stderr


def test_audit_show_is_refused_to_a_clerk_by_the_service(commune_dir):
    with login(commune_dir, "admin", PASSWORD) as session:
        add_user(session, "clerk", "clerk", PASSWORD)
        assert audit.recent(session, 5)
    with login(commune_dir, "clerk", PASSWORD) as session:
        with pytest.raises(UserError) as caught:
            audit.recent(session, 5)
        assert caught.value.code == "role.forbidden"
        assert audit.verify(session).ok  # checking the chain is for everyone
    result = tnld("--user", "clerk", "audit", "show", data_dir=commune_dir)
    assert result.returncode == 2 and "may not read the audit log" in result.stderr
