"""The folder picker takes several folders at once (Ctrl-click), in the folders dialog: Qt's own
dialog, driven here as a user would (it used to take one folder a time)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QListView

from viewer.gui.archive.folders_dialog import FoldersDialog


def choose_in_picker(names: list[str], folder: Path, log: list[str]) -> None:
    """When the picker opens: go to `folder`, Ctrl-select `names` in its list, accept."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setDirectory(str(folder))
        view = next(v for v in dialog.findChildren(QListView) if v.objectName() == "listView")
        model = view.model()
        root = view.rootIndex()
        rows = {model.index(r, 0, root).data(): r for r in range(model.rowCount(root))}
        if not all(name in rows for name in names):  # the folder is still being read
            QTimer.singleShot(20, answer)
            return
        log.append(f"{view.selectionMode().name} {dialog.testOption(QFileDialog.Option.DontUseNativeDialog)}")
        for name in names:
            view.selectionModel().select(model.index(rows[name], 0, root),
                                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_several_folders_are_added_at_once(qtbot, gui_app, tmp_path: Path) -> None:
    for name in ("fars", "isna", "varzesh3"):
        (tmp_path / name).mkdir()
    dialog = FoldersDialog([str(tmp_path / "fars")])
    qtbot.addWidget(dialog)
    log: list[str] = []
    choose_in_picker(["isna", "varzesh3"], tmp_path, log)
    dialog.choose_folder()
    assert log == ["ExtendedSelection True"]
    assert [Path(f).name for f in dialog.folders()] == ["fars", "isna", "varzesh3"]
