"""The notes panel's export and import: the researcher's notes written as W3C Web Annotations, and a
colleague's read in through the Library (notes placed by id, URL or quote)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.core.errors import BayeganError
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.app.types import MergeReport

translate = QCoreApplication.translate


class NotesExchange:
    def __init__(self, library: Library, parent: QWidget, show_message: Callable[[str], None],
                 failed: Callable[[BayeganError], None], imported: Callable[[], None]):
        """`show_message` tells the researcher how it went, `failed` why it did not; `imported` is called
        when notes came in."""
        self.library = library
        self.parent = parent
        self.show_message = show_message
        self.failed = failed
        self.imported = imported

    def import_from(self, path: Path) -> MergeReport | None:
        try:
            report = self.library.import_notes(path)
        except BayeganError as exc:
            self.failed(exc)
            return None
        self.imported()
        self.show_message(digits(translate("NotesPanel", "{added} notes added, {updated} updated, {skipped} already "
                                                         "here, {orphaned} not placed in this archive.")
                                 .format(**report.as_json())))
        return report

    def ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self.parent, translate("NotesPanel", "Export notes"), "notes.jsonld",
                                                    translate("NotesPanel", "Web Annotation (*.jsonld *.json)"))
        if name:
            try:
                count = self.library.export_notes(Path(name))
            except BayeganError as exc:
                self.show_message(exc.message(current_language()))
                return
            self.show_message(digits(translate("NotesPanel", "{count} notes exported.").format(count=count)))

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self.parent, translate("NotesPanel", "Import notes"), "",
                                                    translate("NotesPanel", "Web Annotation (*.jsonld *.json)"))
        if name:
            self.import_from(Path(name))
