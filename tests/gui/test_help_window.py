"""Help ▸ User guide (F1, issue 13 item 7): the Vietnamese guide shown from its Markdown with its pictures, its
table of contents followed, pictures fitted to the window."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from app.core.resources import docs_dir


def test_the_guide_opens_with_its_pictures_and_follows_its_table_of_contents(qtbot):
    from app.ui.help_window import HelpWindow

    window = HelpWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    text = window.browser.toPlainText()
    assert "Hướng dẫn sử dụng TNLĐ" in text and "Quên mật khẩu" in text
    headings = [title for title, _ in window.headings()]
    assert any(title.startswith("8. Sao lưu") for title in headings)
    # Every picture is found (a missing one would be an empty box) and none is wider than the window.
    document = window.browser.document()
    from PySide6.QtGui import QTextDocument

    names = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                names.append(image.name())
                assert not document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name())).isNull()
                assert 0 < image.width() <= window.browser.viewport().width()
            iterator += 1
        block = block.next()
    assert len(names) >= 5 and all((docs_dir() / name).is_file() for name in names)
    # A link of the table of contents moves to its heading.
    window.browser.verticalScrollBar().setValue(0)
    window.follow(QUrl("#8-sao-lưu"))
    cursor = window.browser.textCursor()
    assert cursor.block().text().startswith("8. Sao lưu")
    assert window.browser.verticalScrollBar().value() > 0


def test_f1_opens_the_guide_from_the_main_window(ctx, qtbot):
    from PySide6.QtGui import QKeySequence

    from app.ui import help_window
    from tests.gui.test_main_window import open_window

    window = open_window(ctx, qtbot)
    assert window.act_guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.act_guide.trigger()
    shown = help_window._window
    assert shown is not None and shown.isVisible()
    qtbot.addWidget(shown)
    window.act_guide.trigger()  # the same window again, not a second one
    assert help_window._window is shown
