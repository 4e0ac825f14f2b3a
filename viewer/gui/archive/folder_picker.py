"""A folder picker that takes several folders at once (Ctrl/Shift-click): Qt's own dialog, not the
platform's (whose folder mode chooses one), so it works alike on X11, Wayland and offscreen; it
speaks the interface language through Qt's translations."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QListView, QTreeView, QWidget


def folder_picker(parent: QWidget | None, title: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("folderPicker")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for view in (*dialog.findChildren(QListView), *dialog.findChildren(QTreeView)):
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return dialog


def pick_folders(parent: QWidget | None, title: str) -> list[str]:
    """The folders chosen (several with Ctrl or Shift), [] when cancelled."""
    dialog = folder_picker(parent, title)
    return [folder for folder in dialog.selectedFiles() if folder] if dialog.exec() else []
