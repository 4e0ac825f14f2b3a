"""What a researcher does with the chosen results: copy a citation (or BibTeX), export them as a
reference list (CSV, CSL-JSON, RIS, BibTeX), add them to a collection. Menu entries with shortcuts,
also offered by the results list's context menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QStandardPaths
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from viewer.app.settings import EXPORT_FOLDER, EXPORT_LIST_FORMAT
from viewer.core.article import Article
from viewer.core.errors import BayeganError
from viewer.export.reference_list import FORMATS
from viewer.gui.common import shortcuts
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.digits import number
from viewer.gui.common.export_scope import ExportChoices
from viewer.gui.research.citation import citation_line
from viewer.gui.research.export_list_dialog import LIST_FORMATS, ExportListDialog

if TYPE_CHECKING:
    from viewer.app.settings import Settings

Articles = Callable[[Sequence[str]], list[Article]]  # ids -> articles (an error for unknown ids)
ExportList = Callable[[Sequence[Article], str, Path], int]  # articles, format, file -> how many


class ReferenceActions(QObject):
    def __init__(self, window: QWidget, selected_ids: Callable[[], list[str]], articles: Articles,
                 export_list: ExportList, collection_names: Callable[[], list[str]],
                 add_to_collection: Callable[[str, list[str]], None], report: Callable[[str], None],
                 choices: Callable[[], ExportChoices] = ExportChoices,
                 settings: Callable[[], Settings | None] = lambda: None):
        """`choices` says what an export list can cover; `settings` (once the archive is open) remembers
        the last format and folder."""
        super().__init__(window)
        self._window = window
        self._selected_ids = selected_ids
        self._articles = articles
        self._export_list = export_list
        self._collection_names = collection_names
        self._add = add_to_collection
        self._report = report
        self._choices = choices
        self._settings = settings

        def action(name: str) -> QAction:
            act = shortcuts.bind(QAction(window), name)
            window.addAction(act)
            return act

        self.copy_citation = action("copyCitation")
        self.copy_bibtex = action("copyBibtex")
        self.export_list = action("exportList")
        self.add_to_collection = action("addToCollection")
        self.copy_citation.triggered.connect(self.copy_citations)
        self.copy_bibtex.triggered.connect(lambda: self.copy_as("bibtex"))
        self.export_list.triggered.connect(self.choose_export_file)
        self.add_to_collection.triggered.connect(self.show_collections_menu)
        self.retranslate()

    def _chosen(self) -> list[Article]:
        try:
            return self._articles(self._selected_ids())
        except BayeganError as exc:
            self._report(user_message(exc))
            return []

    def copy_citations(self) -> str:
        """The chosen articles' citations, one a line, on the clipboard; returns the text."""
        text = "\n".join(citation_line(a) for a in self._chosen())
        if text:
            QGuiApplication.clipboard().setText(text)
            self._report(self.tr("Citation copied"))
        return text

    def copy_as(self, fmt: str) -> str:
        articles = self._chosen()
        text = FORMATS[fmt](articles) if articles else ""
        if text:
            QGuiApplication.clipboard().setText(text)
            self._report(self.tr("Citation copied"))
        return text

    def export_dialog(self) -> ExportListDialog:
        """The export list dialog on what the window shows, in the format used last."""
        settings = self._settings()
        fmt = settings.get(EXPORT_LIST_FORMAT) if settings is not None else "csv"
        folder = settings.get(EXPORT_FOLDER) if settings is not None else ""
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return ExportListDialog(self._choices(), Path(folder), fmt if fmt in LIST_FORMATS else "csv", self._window)

    def choose_export_file(self) -> int:
        """Asks what to export, in which format and where, then writes it; returns how many were written."""
        dialog = self.export_dialog()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return 0
        settings = self._settings()
        if settings is not None:
            settings.set(EXPORT_LIST_FORMAT, dialog.fmt())
            settings.set(EXPORT_FOLDER, str(dialog.out_path().parent))
            settings.save()
        try:
            articles = self._articles(dialog.article_ids())
        except BayeganError as exc:
            self._report(user_message(exc))
            return 0
        return self.export_to(dialog.out_path(), dialog.fmt(), articles)

    def export_to(self, path: Path, fmt: str, articles: Sequence[Article]) -> int:
        try:
            count = self._export_list(articles, fmt, path)
        except (BayeganError, OSError) as exc:
            self._report(user_message(exc))
            return 0
        self._report(self.tr("{count} articles written to {file}").format(count=number(count), file=path.name))
        return count

    def collections_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Add to collection"), parent)
        names = self._collection_names()
        for name in names:
            menu.addAction(name).triggered.connect(lambda _checked=False, n=name: self.add_selected(n))
        if not names:
            menu.addAction(self.tr("No collections yet: create one in the side panel")).setEnabled(False)
        return menu

    def add_selected(self, name: str) -> None:
        ids = self._selected_ids()
        if ids:
            self._add(name, ids)

    def show_collections_menu(self) -> QAction | None:
        """The collections as a popup by the focus (Ctrl+Shift+A), its first one active so that Enter
        adds to it (and the arrows move from there); returns the action chosen."""
        focus = QGuiApplication.focusObject()
        anchor = focus if isinstance(focus, QWidget) else self._window
        menu = self.collections_menu(self._window)
        first = next((a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None)
        if first is not None:
            menu.setActiveAction(first)
        return menu.exec(anchor.mapToGlobal(QPoint(0, 0)))

    def context_menu(self, parent: QWidget) -> QMenu:
        """The results list's context menu."""
        menu = QMenu(parent)
        menu.addActions([self.copy_citation, self.copy_bibtex])
        menu.addMenu(self.collections_menu(menu))
        menu.addAction(self.export_list)
        return menu

    def retranslate(self) -> None:
        shortcuts.retranslate(self.copy_citation)
        self.copy_bibtex.setText(self.tr("Copy as BibTeX"))
        shortcuts.retranslate(self.export_list)
        shortcuts.retranslate(self.add_to_collection)
