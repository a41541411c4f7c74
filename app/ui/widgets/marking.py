"""How a field of ours shows that its text is not acceptable: the dynamic property `invalid` (for the form's
style sheet: `QLineEdit[invalid="true"] { border: … }`) and a warning icon inside the field, so that colour is
never the only signal (the form adds the message text beside the field)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle

_ACTION = "_invalid_action"


def set_invalid(field: QLineEdit, invalid: bool, tip: str = "") -> None:
    """Mark *field* invalid (or not): property, trailing warning icon with *tip*, style re-applied."""
    if bool(field.property("invalid")) == invalid and not (invalid and tip):
        return
    field.setProperty("invalid", invalid)
    action = getattr(field, _ACTION, None)
    if invalid:
        if action is None:
            icon = field.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            action = field.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
            action.setObjectName("invalid_mark")
            setattr(field, _ACTION, action)
        action.setToolTip(tip)
        action.setVisible(True)
    elif action is not None:
        action.setVisible(False)
    field.style().unpolish(field)
    field.style().polish(field)
    field.update()


def is_marked_invalid(field: QLineEdit) -> bool:
    return bool(field.property("invalid"))
