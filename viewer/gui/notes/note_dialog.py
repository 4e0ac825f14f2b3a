"""The dialog for writing a note, a reply or an edit: the passage or note being answered above,
a wrapping right-to-left editor (Tab moves on, Ctrl+Enter saves), OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut, QTextOption
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from viewer.gui.common import shortcuts
from viewer.gui.common.translations import current_language

CONTEXT_CHARS = 400


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, initial: str = "", context: str = ""):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        rtl = current_language() == "fa"
        self.context = QLabel(self)
        self.context.setObjectName("noteContext")
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.context.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        shown = " ".join(context.split())
        self.context.setText(f"«{shown[:CONTEXT_CHARS]}{'…' if len(shown) > CONTEXT_CHARS else ''}»" if shown else "")
        self.context.setVisible(bool(shown))
        self.prompt = QLabel(label, self)
        self.prompt.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # Notes are mostly Persian: right to left and aligned right from the first key.
        option = self.editor.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.editor.document().setDefaultTextOption(option)
        self.editor.setPlainText(initial)
        self.prompt.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in shortcuts.keys_of("saveNote"):
            QShortcut(keys, self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.context)
        layout.addWidget(self.prompt)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 300)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    @staticmethod
    def get_text(parent: QWidget | None, title: str, label: str, initial: str = "",
                 context: str = "") -> tuple[str, bool]:
        """Like QInputDialog.getMultiLineText, with the passage or note being answered shown."""
        dialog = NoteDialog(parent, title, label, initial, context)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.text()
        dialog.deleteLater()
        return text, accepted
