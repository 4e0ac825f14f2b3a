"""Names for screen readers of what Qt builds inside our widgets without one.

Qt hands a widget's accessible name to AT-SPI (Orca reads it); a button takes its text, a field its
label's, but the clear button Qt puts into a line edit has neither."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton


def name_clear_button(box: QLineEdit) -> None:
    """Names the clear button of `box` (setClearButtonEnabled); called again when the language changes."""
    for button in box.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("Accessible", "Clear the text"))


def name_combo_box(box: QComboBox, name: str) -> None:
    """Names a combo box for every platform: on Linux Qt gives AT-SPI the current choice as its name
    ("Yellow"), so what it chooses goes into the description too, which Orca reads after it."""
    box.setAccessibleName(name)
    box.setAccessibleDescription(name)
