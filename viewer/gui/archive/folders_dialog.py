"""Archive folders: add, remove; the caller re-indexes when the list changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.bidi import ltr_isolated
from viewer.gui.archive.folder_picker import pick_folders
from viewer.gui.archive.folders import unique_folders
from viewer.gui.common.retranslating import Retranslating

PATH_ROLE = Qt.ItemDataRole.UserRole


class FoldersDialog(Retranslating, QDialog):
    def __init__(self, folders: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("foldersDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        for folder in folders:
            self._add_item(folder)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        self.retranslate()

    def folders(self) -> list[str]:
        return [str(self.list.item(i).data(PATH_ROLE)) for i in range(self.list.count())]

    def _add_item(self, folder: str) -> None:
        item = QListWidgetItem(ltr_isolated(folder))  # a left-to-right run in the right-to-left list
        item.setData(PATH_ROLE, folder)
        item.setToolTip(ltr_isolated(folder))
        self.list.addItem(item)

    def add_folder(self, folder: str) -> None:
        if folder and unique_folders([*self.folders(), folder]) != unique_folders(self.folders()):
            self._add_item(unique_folders([folder])[0])

    def choose_folder(self) -> None:
        for folder in pick_folders(self, self.tr("Choose folders of articles (several with Ctrl)")):
            self.add_folder(folder)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Archive folders"))
        self.intro.setText(self.tr("Bayegan indexes the .txt, .json, .jsonl and .html articles in these folders. "
                                   "With no folder, the bundled sample archive is shown."))
        self.add_button.setText(self.tr("Add folder…"))
        self.remove_button.setText(self.tr("Remove"))
        self.list.setAccessibleName(self.tr("Archive folders"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen folder"))
