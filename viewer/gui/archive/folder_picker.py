"""A folder picker that takes several folders at once (Ctrl/Shift-click): Qt's own dialog, not the
platform's (whose folder mode chooses one), so it works alike on X11, Wayland and offscreen; it
speaks the interface language through Qt's translations, and writes dates, sizes and the word
"Folder" as the interface language does (Qt's file model uses the system's locale for them)."""

from __future__ import annotations

from PySide6.QtCore import QCalendar, QIdentityProxyModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QFileSystemModel, QListView, QTreeView, QWidget

from viewer.gui.common.translations import current_language

_SIZE, _TYPE, _DATE = 1, 2, 3  # QFileSystemModel's columns after the name
_Index = QModelIndex | QPersistentModelIndex


class LocalFileModel(QIdentityProxyModel):
    """The file dialog's model, its size, type and date columns in the interface language: in Persian
    «۱۴۰۵/۹/۱۶ ۱۱:۱۹» (Jalali, Persian digits) and «پوشه», not «11:19 2026 12 7» and «Folder»."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        files = self.sourceModel()
        if role != Qt.ItemDataRole.DisplayRole or not isinstance(files, QFileSystemModel) or not index.isValid():
            return super().data(index, role)
        source = self.mapToSource(index)
        locale = QLocale()  # the interface language's (translations.set_language sets the default)
        if index.column() == _DATE:
            modified = files.lastModified(source)
            if current_language() == "fa":
                return locale.toString(modified, QLocale.FormatType.ShortFormat, QCalendar(QCalendar.System.Jalali))
            return locale.toString(modified, QLocale.FormatType.ShortFormat)
        if index.column() == _SIZE and not files.isDir(source):
            return locale.formattedDataSize(files.size(source))
        if index.column() == _TYPE and files.isDir(source):
            return self.tr("Folder")
        return super().data(index, role)


def local_file_dialog(dialog: QFileDialog) -> QFileDialog:
    """`dialog` (Qt's own, not the platform's) with its dates, sizes and types in the interface language."""
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setProxyModel(LocalFileModel(dialog))
    return dialog


def folder_picker(parent: QWidget | None, title: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("folderPicker")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    local_file_dialog(dialog)
    for view in (*dialog.findChildren(QListView), *dialog.findChildren(QTreeView)):
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return dialog


def pick_folders(parent: QWidget | None, title: str) -> list[str]:
    """The folders chosen (several with Ctrl or Shift), [] when cancelled."""
    dialog = folder_picker(parent, title)
    return [folder for folder in dialog.selectedFiles() if folder] if dialog.exec() else []
