"""The Vietnamese texts are found at run time, under the context the program asks for (issue 12 § 12)."""

import html
import xml.etree.ElementTree as ET

from tests.gui.walker import TS


def test_every_module_level_string_is_shown_in_vietnamese():
    from app.ui.texts import tr

    checked = 0
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name"):
            continue
        for message in context.iter("message"):
            source = html.unescape(message.findtext("source") or "")
            translation = html.unescape(message.findtext("translation") or "")
            assert tr(source) == translation, source
            checked += 1
    assert checked > 50
