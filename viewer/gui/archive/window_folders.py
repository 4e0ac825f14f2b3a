"""The archive's folders as the window chooses them: add one, manage the list, adopt the folders
`bayegan index` built the index from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from viewer.core.paths import sample_archive_dir
from viewer.gui.archive.folder_picker import pick_folders
from viewer.gui.archive.folders_dialog import FoldersDialog

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.gui.window.main_window import MainWindow


def adopt_indexed_folders(library: Library) -> None:
    """Folders indexed by `bayegan index` show up as the window's folders (none chosen yet)."""
    settings = library.settings
    if settings.folders:
        return
    sample = sample_archive_dir().resolve()
    adopted = [str(root) for root in library.roots if root != sample and root.exists()]
    if adopted:
        settings.set("folders", adopted)
        settings.save()


def choose_folder(window: MainWindow) -> None:
    folders = pick_folders(window, QCoreApplication.translate("MainWindow", "Choose folders of articles (several with Ctrl)"))
    if folders:
        window.set_folders([*window.settings.folders, *folders])


def manage_folders(window: MainWindow) -> None:
    dialog = FoldersDialog(window.settings.folders, window)
    if dialog.exec():
        window.set_folders(dialog.folders())
