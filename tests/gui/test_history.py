"""History of versions side by side, and void with a reason (issue 12 item 5)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services import records
from tests.conftest import make_accident, make_victim


def test_an_edit_is_visible_as_version_2_beside_version_1(qtbot, ctx):
    from app.ui.history_dialog import CHANGED, HistoryDialog

    accident = make_accident()
    records.save_accident(ctx.session, accident)
    records.save_accident(ctx.session, dict(accident, village="Thôn Bản Cưởm",
                                            victims=[make_victim(), make_victim(name="Lý Thị Mai", sex="F",
                                                                                id_number=None)]))
    dialog = HistoryDialog(ctx, accident["id"])
    qtbot.addWidget(dialog)
    assert (dialog.version_a.currentText(), dialog.version_b.currentText()) == (
        dialog.tr("Version {version}").format(version=1), dialog.tr("Version {version}").format(version=2))
    assert "admin" in dialog.who_a.text() and "admin" in dialog.who_b.text()
    rows = {label: (left, right, changed) for label, left, right, changed in dialog.rows()}
    village = dialog.rows()[[r[0] for r in dialog.rows()].index(
        next(label for label in rows if rows[label][:2] == ("Thôn Nà Pàn", "Thôn Bản Cưởm")))]
    assert village[3]
    changed = dialog.changed_fields()
    assert village[0] in changed
    assert any(rows[label][1] == "Lý Thị Mai" for label in rows)  # the new victim's name, in B
    assert len(changed) < dialog.table.rowCount()  # unchanged rows are shown, unmarked
    marked = next(row for row in range(dialog.table.rowCount()) if dialog.table.item(row, 1).text() == village[0])
    assert dialog.table.item(marked, 0).text() == "≠"
    unchanged = next(row for row in range(dialog.table.rowCount()) if dialog.table.item(row, 0).text() == "")
    assert dialog.table.item(marked, 2).background().color() == CHANGED
    assert dialog.table.item(unchanged, 2).background().color() != CHANGED
    dialog.only_changes.setChecked(True)
    assert dialog.table.rowCount() == len(changed)
    dialog.version_a.setCurrentIndex(1)
    assert dialog.table.rowCount() == 0  # a version against itself


def answer_reason(text: str | None, seen: list):
    def answer():
        from app.ui.accident_form import ReasonDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReasonDialog)
        seen.append(dialog.ok.isEnabled())
        if text is None:
            dialog.reject()
            return
        dialog.reason.insert(text)
        dialog.ok.click()
    QTimer.singleShot(0, answer)


def test_a_void_asks_for_a_reason_and_keeps_it(qtbot, ctx):
    from app.ui.accident_form import void_accident

    accident = make_accident()
    records.save_accident(ctx.session, accident)
    voided: list[str] = []
    ctx.events.accident_voided.connect(voided.append)
    seen: list = []
    answer_reason(None, seen)
    assert not void_accident(ctx, None, accident["id"])
    assert records.get_accident(ctx.session, accident["id"])["status"] == "confirmed"
    answer_reason("Nhập trùng", seen)
    assert void_accident(ctx, None, accident["id"])
    assert seen == [False, False]  # OK waits for a reason
    stored = records.get_accident(ctx.session, accident["id"])
    assert (stored["status"], stored["void_reason"], stored["version"]) == ("void", "Nhập trùng", 2)
    assert voided == [accident["id"]]
