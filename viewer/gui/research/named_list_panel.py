"""What the collections and the saved-searches panels share: a titled list of named things, a box for a
new name beside its button, a message line, and their texts set again when the language changes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from viewer.gui.common.retranslating import Retranslating


class NamedListPanel(Retranslating, QWidget):
    """The panel's widgets laid out top to bottom; a subclass adds its own rows to `column` (before the
    message line, which `finish_layout` places last) and sets every text in `retranslate`."""

    def __init__(self, object_name: str, names: QListWidget, name_box_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.list = names
        self.name_box = QLineEdit(self)
        self.name_box.setObjectName(name_box_name)
        self.name_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name_box, 1)
        row.addWidget(self.name_button)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 6, 6, 6)
        self.column.addWidget(self.title)
        self.column.addWidget(self.list, 1)
        self.column.addLayout(row)

    def finish_layout(self) -> None:
        self.column.addWidget(self.message)
        self.retranslate()

    def set_panel_texts(self, title: str, list_name: str, name_hint: str, name_button: str) -> None:
        """The translated texts of the shared widgets: the title, the list's spoken name, what the name box
        asks for (its placeholder, and its spoken name: a screen reader does not read a placeholder) and
        the name button's text. A subclass's `retranslate` calls this, then sets its own widgets' texts."""
        self.title.setText(title)
        self.list.setAccessibleName(list_name)
        self.name_box.setPlaceholderText(name_hint)
        self.name_box.setAccessibleName(name_hint)
        self.name_button.setText(name_button)

    def retranslate(self) -> None:
        raise NotImplementedError
