"""Qt's own texts (`app/ui/qt_texts.py`): every text Qt asks a translator for when it draws the buttons of a message
box, a button box, a wizard and the context menus of our edit fields is in the list, with its exact context and
mnemonic (Qt ships no Vietnamese catalogue, so a text missing there stays English); and `pyside6-lupdate` extracts
exactly the listed pairs, so they reach `i18n/tnld_vi.ts`."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWizard,
    QWizardPage,
)

SOURCE = Path(__file__).resolve().parents[2] / "app" / "ui" / "qt_texts.py"
BUTTONS = ("Ok", "Save", "SaveAll", "Open", "Yes", "YesToAll", "No", "NoToAll", "Abort", "Retry", "Ignore", "Close",
           "Cancel", "Discard", "Help", "Apply", "Reset", "RestoreDefaults")


def listed() -> set[tuple[str, str]]:
    """The (context, source) pairs of qt_texts.py, read as lupdate reads them: from the calls' literal arguments."""
    pairs = set()
    for node in ast.walk(ast.parse(SOURCE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = (arg.value for arg in node.args)
            pairs.add((context, text))
    return pairs


class Recorder(QTranslator):
    """Translates nothing; remembers what Qt asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 - Qt override
        self.asked.add((context, source))
        return None


@pytest.fixture
def recorder(qapp):
    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    yield recorder
    QCoreApplication.removeTranslator(recorder)


def test_the_texts_qt_draws_on_our_windows_are_all_listed(recorder, qtbot):
    box = QMessageBox()
    every = QMessageBox.StandardButton.NoButton
    for name in BUTTONS:
        every |= getattr(QMessageBox.StandardButton, name)
    box.setStandardButtons(every)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Apply)
    wizard = QWizard()
    wizard.setOption(QWizard.WizardOption.HaveHelpButton)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, False)
    for widget in (QLineEdit("x"), QPlainTextEdit("x"), QTextEdit("x"), QSpinBox()):
        qtbot.addWidget(widget)
        (widget.lineEdit() if isinstance(widget, QSpinBox) else widget).createStandardContextMenu()
    for widget in (box, buttons, wizard):
        qtbot.addWidget(widget)
    wizard.addPage(QWizardPage())
    wizard.show()
    qtbot.waitExposed(wizard)

    ours = {pair for pair in recorder.asked
            if pair[0] in {"QPlatformTheme", "QLineEdit", "QWidgetTextControl", "QWizard", "QAbstractSpinBox"}}
    assert ("QPlatformTheme", "&Yes") in ours and ("QLineEdit", "Cu&t") in ours  # the recorder heard Qt
    assert ("QWizard", "&Next >") in ours
    assert len(ours) > 30 and ours - listed() == set(), ours - listed()


def test_lupdate_extracts_exactly_the_listed_pairs(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    ts = tmp_path / "x.ts"
    subprocess.run([str(lupdate), str(SOURCE), "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    extracted = {(context.findtext("name"), message.findtext("source"))
                 for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")}
    assert extracted == listed()
    assert ("QPlatformTheme", "OK") in extracted and ("QLineEdit", "Select All") in extracted
