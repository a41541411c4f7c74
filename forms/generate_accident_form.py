"""Writes forms/accident_form.ui (a Qt Designer file) from the field layout below: run it, then ./dev.sh forms.

The form's fields follow the paper form (Mẫu 06's order: when, where, the work, what happened, the cause, then the
victims: name, sex, year of birth, occupation, residence, severity), then what the quick report does not print.
Kept as a script because forty rows of Designer XML with their error rows are easier to keep right from a list;
the .ui it writes opens and edits in Designer as any other.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

# (name, widget class, label); victim fields are named victim_<field> in the form.
ACCIDENT_LEFT = [
    ("unit", "CodePicker", "Commune"),
    ("occurred_on", "DateEdit", "Date of the accident"),
    ("occurred_time", "TimeEdit", "Time"),
    ("village", "QLineEdit", "Village"),
    ("place", "CodePicker", "Place"),
    ("place_detail", "QLineEdit", "Place, details"),
    ("activity", "CodePicker", "Activity"),
    ("work", "QLineEdit", "Work being done"),
]
ACCIDENT_RIGHT = [
    ("description", "QPlainTextEdit", "What happened"),
    ("factor", "CodePicker", "Injury factor"),
    ("cause", "CodePicker", "Cause"),
    ("external_cause", "CodePicker", "External cause"),
]
VICTIM_COLUMNS = [
    [("name", "QLineEdit", "Full name"), ("sex", "CodePicker", "Sex"), ("birth_year", "QLineEdit", "Year of birth"),
     ("id_number", "QLineEdit", "ID number"), ("birth_date", "DateEdit", "Date of birth"),
     ("phone", "QLineEdit", "Phone")],
    [("occupation", "CodePicker", "Occupation"), ("ethnicity", "CodePicker", "Ethnicity"),
     ("residence", "CodePicker", "Commune of residence"), ("residence_detail", "QLineEdit", "Address")],
    [("severity", "CodePicker", "Severity"), ("injury_type", "CodePicker", "Injury type"),
     ("body_part", "CodePicker", "Body part"), ("injury_nature", "CodePicker", "Nature of injury"),
     ("serious_injuries", "QLineEdit", "Serious injuries (codes)")],
    [("died_on", "DateEdit", "Died on"), ("outcome", "CodePicker", "Outcome"),
     ("days_off", "QLineEdit", "Days off work"), ("cost_kvnd", "QLineEdit", "Cost (thousand dong)"),
     ("insured", "QCheckBox", "Insured"), ("disability", "QCheckBox", "Disability")],
]
DECLARATION_LEFT = [
    ("source", "CodePicker", "Reported by"),
    ("declared_on", "DateEdit", "Declared on"),
    ("declared_by", "QLineEdit", "Declared by (name)"),
]
DECLARATION_RIGHT = [
    ("record_ref", "QLineEdit", "Record number"),
    ("posted_on", "DateEdit", "Notice posted on"),
    ("commuting", "QCheckBox", "On the way to or from work"),
    ("at_employer_premises", "QComboBox", "At a place an employer manages"),
    ("confirmed", "QCheckBox", "Details confirmed"),
]
VICTIM_COLUMNS = [[(f"victim_{name}", kind, label) for name, kind, label in column] for column in VICTIM_COLUMNS]
CUSTOM = {"CodePicker": "QLineEdit", "DateEdit": "QLineEdit", "TimeEdit": "QLineEdit"}
tab_order: list[str] = []


def string(text: str) -> str:
    return f"<string>{escape(text)}</string>"


def widget(kind: str, name: str, body: str = "") -> str:
    return f'<widget class="{kind}" name="{name}">{body}</widget>'


def prop(name: str, value: str) -> str:
    return f'<property name="{name}">{value}</property>'


def form(name: str, fields: list[tuple[str, str, str]]) -> str:
    """A QFormLayout: each field's row, then its error row (hidden by the form until there is an error)."""
    rows = []
    for index, (field, kind, label) in enumerate(fields):
        row = index * 2
        body = ""
        if kind == "QCheckBox":
            body = prop("text", string(label))
            rows.append(f'<item row="{row}" column="1">{widget(kind, field, body)}</item>')
        else:
            if kind == "QPlainTextEdit":
                body = prop("tabChangesFocus", "<bool>true</bool>") + prop(
                    "maximumSize", "<size><width>16777215</width><height>90</height></size>")
            if kind == "QComboBox":
                body = "".join(f'<item>{prop("text", string(text))}</item>' for text in ("Not known", "Yes", "No"))
            rows.append(f'<item row="{row}" column="0">' + widget(
                "QLabel", f"{field}_label", prop("text", string(label)) + prop("buddy", f"<cstring>{field}</cstring>"))
                + "</item>")
            rows.append(f'<item row="{row}" column="1">{widget(kind, field, body)}</item>')
        error = prop("text", "<string notr=\"true\"/>") + prop("wordWrap", "<bool>true</bool>")
        rows.append(f'<item row="{row + 1}" column="1">{widget("QLabel", f"{field}_error", error)}</item>')
        tab_order.append(field)
    return f'<layout class="QFormLayout" name="{name}">{"".join(rows)}</layout>'


def item(inner: str) -> str:
    return f"<item>{inner}</item>"


def button(name: str, text: str) -> str:
    return widget("QPushButton", name, prop("text", string(text)) + prop("autoDefault", "<bool>false</bool>"))


def build() -> str:
    accident = widget("QGroupBox", "accident_box", prop("title", string("Accident")) +
                      '<layout class="QHBoxLayout" name="accident_layout">' +
                      item(form("accident_left", ACCIDENT_LEFT)) + item(form("accident_right", ACCIDENT_RIGHT)) +
                      "</layout>")
    columns = "".join(f"<column>{prop('text', string(text))}</column>"
                      for text in ("No.", "Full name", "Sex", "Year of birth", "Severity"))
    table = widget("QTableWidget", "victims_table",
                   prop("maximumSize", "<size><width>16777215</width><height>110</height></size>") +
                   prop("tabKeyNavigation", "<bool>false</bool>") +
                   prop("editTriggers", "<set>QAbstractItemView::EditTrigger::NoEditTriggers</set>") +
                   prop("selectionBehavior", "<enum>QAbstractItemView::SelectionBehavior::SelectRows</enum>") +
                   prop("selectionMode", "<enum>QAbstractItemView::SelectionMode::SingleSelection</enum>") + columns)
    buttons = ('<layout class="QVBoxLayout" name="victim_buttons">' +
               item(button("add_victim_button", "&Add victim (Ctrl+T)")) +
               item(button("same_as_previous_button", "Same address and occupation as the previous victim (Ctrl+D)")) +
               item(button("remove_victim_button", "Remove victim")) +
               '<item><spacer name="victim_buttons_spacer"><property name="orientation">'
               '<enum>Qt::Orientation::Vertical</enum></property></spacer></item></layout>')
    victim_forms = "".join(item(form(f"victim_column_{i + 1}", column)) for i, column in enumerate(VICTIM_COLUMNS))
    victims = widget("QGroupBox", "victims_box", prop("title", string("Victims")) +
                     '<layout class="QVBoxLayout" name="victims_layout">' +
                     item('<layout class="QHBoxLayout" name="victims_top">' + item(table) + item(buttons) +
                          "</layout>") +
                     item(widget("QLabel", "victim_heading", prop("text", "<string notr=\"true\"/>"))) +
                     item(f'<layout class="QHBoxLayout" name="victim_panel">{victim_forms}</layout>') +
                     "</layout>")
    declaration = widget("QGroupBox", "declaration_box", prop("title", string("Declaration and notice")) +
                         '<layout class="QHBoxLayout" name="declaration_layout">' +
                         item(form("declaration_left", DECLARATION_LEFT)) +
                         item(form("declaration_right", DECLARATION_RIGHT)) + "</layout>")
    contents = widget("QWidget", "scroll_contents",
                      '<layout class="QVBoxLayout" name="content_layout">' + item(accident) + item(victims) +
                      item(declaration) + "</layout>")
    scroll = widget("QScrollArea", "scroll", prop("widgetResizable", "<bool>true</bool>") +
                    prop("frameShape", "<enum>QFrame::Shape::NoFrame</enum>") + contents)
    side = ('<layout class="QVBoxLayout" name="side_layout">' +
            item(widget("QLabel", "issues_title", prop("text", string("Problems to fix")))) +
            item(widget("QListWidget", "issues_list")) +
            item(widget("QGroupBox", "duplicates_box", prop("title", string("Reported before?")) +
                        '<layout class="QVBoxLayout" name="duplicates_layout">' +
                        item(widget("QLabel", "duplicates_note", prop("wordWrap", "<bool>true</bool>") + prop(
                            "text", string("An earlier report may be of the same person:")))) +
                        item(widget("QListWidget", "duplicates_list")) + "</layout>")) +
            item(widget("QLabel", "state_label", prop("wordWrap", "<bool>true</bool>") +
                        prop("text", "<string notr=\"true\"/>"))) +
            "</layout>")
    body = ('<layout class="QHBoxLayout" name="body_layout" stretch="4,1">' + item(scroll) + item(side) + "</layout>")
    bottom = ('<layout class="QHBoxLayout" name="buttons_layout">' +
              item(button("new_button", "New (Ctrl+N)")) + item(button("history_button", "History")) +
              item(button("void_button", "Void…")) +
              '<item><spacer name="buttons_spacer"><property name="orientation">'
              '<enum>Qt::Orientation::Horizontal</enum></property></spacer></item>' +
              item(button("save_button", "&Save (Ctrl+S)")) + item(button("close_button", "Close")) + "</layout>")
    root = widget("QDialog", "AccidentForm",
                  prop("geometry", "<rect><x>0</x><y>0</y><width>1340</width><height>720</height></rect>") +
                  prop("windowTitle", string("Accident")) +
                  '<layout class="QVBoxLayout" name="root_layout">' + item(body) + item(bottom) + "</layout>")
    order = tab_order[:len(ACCIDENT_LEFT) + len(ACCIDENT_RIGHT)]
    order += [name for column in VICTIM_COLUMNS for name, _, _ in column]
    order += ["add_victim_button", "same_as_previous_button", "remove_victim_button", "victims_table"]
    order += [name for name, _, _ in DECLARATION_LEFT + DECLARATION_RIGHT]
    order += ["issues_list", "duplicates_list", "new_button", "history_button", "void_button", "save_button",
              "close_button"]
    tabstops = "<tabstops>" + "".join(f"<tabstop>{name}</tabstop>" for name in order) + "</tabstops>"
    custom = "<customwidgets>" + "".join(
        f"<customwidget><class>{name}</class><extends>{base}</extends><header>app.ui.entry_widgets</header>"
        "</customwidget>" for name, base in CUSTOM.items()) + "</customwidgets>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ui version="4.0"><class>AccidentForm</class>' + root +
            tabstops + custom + "<resources/><connections/></ui>\n")


if __name__ == "__main__":
    import xml.dom.minidom

    text = xml.dom.minidom.parseString(build()).toprettyxml(indent=" ", encoding="UTF-8").decode("utf-8")
    Path(__file__).with_name("accident_form.ui").write_text(text, encoding="utf-8")
