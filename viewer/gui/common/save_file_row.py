"""The file an export writes, as both export dialogs ask for it: its path (written left to right) and a
Choose… button opening the system's save dialog. The dialog names the file after what it exports until
the user types or chooses a name. The texts come translated from the dialog that uses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget


class SaveFileRow(QWidget):
    def __init__(self, parent: QWidget, object_name: str, *, path_name: str, choose_text: str, choose_name: str,
                 save_caption: str, file_filter: Callable[[], str], suffix: str = ""):
        """`file_filter()` is the save dialog's filter at the time it opens; a chosen name without
        `suffix` (when given) gets it."""
        super().__init__(parent)
        self.named_by_user = False
        self._save_caption = save_caption
        self._file_filter = file_filter
        self._suffix = suffix
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName(object_name)
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.path_edit.textEdited.connect(lambda _text: setattr(self, "named_by_user", True))
        self.path_edit.setAccessibleName(path_name)
        self.choose_button = QPushButton(choose_text, self)
        self.choose_button.setAccessibleName(choose_name)
        self.choose_button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)

    def text(self) -> str:
        return self.path_edit.text().strip()

    def out_path(self) -> Path:
        return Path(self.text()).expanduser()

    def suggest(self, path: Path) -> None:
        """Shows `path` unless the user has named the file."""
        if not self.named_by_user:
            self.path_edit.setText(str(path))

    def choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self._save_caption, self.path_edit.text(), self._file_filter())
        if chosen:
            if self._suffix and not chosen.lower().endswith(self._suffix):
                chosen += self._suffix
            self.path_edit.setText(chosen)
            self.named_by_user = True

    def folder_exists(self, title: str, missing: str) -> bool:
        """Whether the file's folder exists; if not, says so (`missing` formats `{folder}`) under `title`."""
        folder = self.out_path().parent
        if folder.is_dir():
            return True
        QMessageBox.warning(self.window(), title, missing.format(folder=folder))
        return False
