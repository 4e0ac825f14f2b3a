"""Export list (Ctrl+Shift+E, or a collection's Export…): what to export — by default what the window
shows, the chosen collection or the whole result list; the selected rows when asked —, the format
(the last one used) and the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from viewer.gui.common.export_scope import ExportChoices, Scope, ScopeChooser
from viewer.gui.common.save_file_row import SaveFileRow

# format -> (its name in the menu, the file filter, the file's extension)
LIST_FORMATS = {"csv": ("CSV", "CSV (*.csv)", ".csv"), "csl-json": ("CSL-JSON", "CSL-JSON (*.json)", ".json"),
                "ris": ("RIS", "RIS (*.ris)", ".ris"), "bibtex": ("BibTeX", "BibTeX (*.bib)", ".bib")}
LIST_SCOPES = (Scope.SELECTED, Scope.COLLECTION, Scope.RESULTS, Scope.NOTED)


class ExportListDialog(QDialog):
    def __init__(self, choices: ExportChoices, folder: Path, fmt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportListDialog")
        self.setWindowTitle(self.tr("Export list"))
        self.choices = choices
        self.folder = folder
        self.scope_box = ScopeChooser(choices, LIST_SCOPES, self)
        self.scope_box.changed.connect(self._name_file)

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportListFormat")
        self.format_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, (name, _filter, _ext) in LIST_FORMATS.items():
            self.format_box.addItem(name, key)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(fmt)))
        self.format_box.setAccessibleName(self.tr("Format"))
        self.format_box.currentIndexChanged.connect(lambda _index: self._name_file())

        self.file_row = SaveFileRow(self, "exportListPath", path_name=self.tr("File"), choose_text=self.tr("Choose…"),
                                    choose_name=self.tr("Choose the file"), save_caption=self.tr("Export list"),
                                    file_filter=lambda: LIST_FORMATS[self.fmt()][1])
        self.path_edit = self.file_row.path_edit
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("File:"), self.file_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_box)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._name_file()

    def scope(self) -> Scope | None:
        return self.scope_box.scope()

    def article_ids(self) -> list[str]:
        scope = self.scope()
        return self.choices.ids(scope) if scope is not None else []

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def out_path(self) -> Path:
        return self.file_row.out_path()

    def _name_file(self) -> None:
        """The file's name follows the scope and its extension the format, until the researcher names it."""
        extension = LIST_FORMATS[self.fmt()][2]
        if self.file_row.named_by_user:
            path = self.out_path()
            if path.suffix.lower() in {ext for _n, _f, ext in LIST_FORMATS.values()}:
                self.path_edit.setText(str(path.with_suffix(extension)))
        else:
            self.file_row.suggest(self.folder / (self.choices.file_stem(self.scope(), "bayegan-list") + extension))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.article_ids()))

    def _accept_if_valid(self) -> None:
        if not self.article_ids() or not self.file_row.text():
            return
        if not self.file_row.folder_exists(self.windowTitle(), self.tr("The folder {folder} does not exist.")):
            return
        path = self.out_path()
        if not path.suffix:
            self.path_edit.setText(str(path) + LIST_FORMATS[self.fmt()][2])
        self.accept()
