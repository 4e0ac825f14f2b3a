"""Issue 17 beside the results: the timeline (a band over the results), the collections and saved
searches in a side panel, "only articles with notes", citations and reference lists. The panels are
handed the search and the archive; the window puts their widgets in place.

The panels use the archive's `Library` once it is open, and give the search the scope it looks in
(a collection, the articles with notes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QFrame, QMenu, QScrollArea, QVBoxLayout, QWidget

from viewer.app.scope import Scope
from viewer.core.results import SearchResult
from viewer.gui.common.export_scope import ExportChoices
from viewer.gui.common.translations import current_language
from viewer.gui.research.collections_panel import CollectionsPanel
from viewer.gui.research.notes_only_box import NotesOnlyBox
from viewer.gui.research.query_dates import with_months, without_dates
from viewer.gui.research.reference_actions import ReferenceActions
from viewer.gui.research.saved_searches_panel import SavedSearchesPanel
from viewer.gui.research.timeline_histogram import TimelineHistogram

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.gui.archive.controller import ArchiveController
    from viewer.gui.common.tasks import RunOffThread
    from viewer.gui.results.search_controller import SearchController


class ResearchPanels(QObject):
    def __init__(self, search: SearchController, archive: ArchiveController, run: RunOffThread, owner: QWidget,
                 status: Callable[[str], None]):
        """`run` runs the saved searches' counts off the UI thread; `owner` holds the reference actions
        (their shortcuts work wherever the focus is in it); `status` shows a message for a while."""
        super().__init__(owner)
        self.search = search
        self.archive = archive
        self.library: Library | None = None
        self.collection: str | None = None
        self.with_notes = False
        self._saved_counts_pending = False  # the saved searches are counted after the first search

        self.timeline = TimelineHistogram(owner)
        self.timeline.hide()
        self.timeline.range_chosen.connect(self._period_chosen)
        self.timeline.range_cleared.connect(lambda: search.search_for(without_dates(search.box_text())))

        self.panel = QWidget(owner)
        self.panel.setObjectName("researchPanel")
        self.notes_only = NotesOnlyBox(self.panel)
        self.notes_only.toggled.connect(self._notes_only_toggled)
        self.collections = CollectionsPanel(lambda: self._library().collections, self.panel)
        self.collections.collection_chosen.connect(self._collection_chosen)
        self.saved = SavedSearchesPanel(lambda: self._library().saved_searches, search.current_search, run, self.panel)
        self.saved.search_opened.connect(lambda query, _tags: search.search_for(query))
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notes_only)
        layout.addWidget(self.collections, 3)
        layout.addWidget(self.saved, 2)
        self.panel.setEnabled(False)  # until the archive is open
        # Scrolled, so that beside the notes panel it never makes the window taller than a small screen.
        self.scroll = QScrollArea(owner)
        self.scroll.setObjectName("researchScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.panel)

        self.actions = ReferenceActions(
            owner, search.chosen_ids, lambda ids: self._library().require_articles(ids),
            lambda articles, fmt, out: self._library().export_list(articles, fmt, out),
            self.collections.names, self.collections.add, status, self.export_choices,
            lambda: self.library.settings if self.library is not None else None)
        self.collections.export_requested.connect(lambda _name: self.actions.choose_export_file())
        self.menu = QMenu(owner)
        self.menu.addActions([self.actions.copy_citation, self.actions.copy_bibtex, self.actions.add_to_collection,
                              self.actions.export_list])

        search.set_scope(self.scope)
        search.collection_removed.connect(lambda: self.collections.choose(None))  # its chip by the search box
        archive.ready.connect(self._archive_ready)
        search.first_page_shown.connect(lambda _result: self.timeline.set_pending())
        search.results_shown.connect(self._results_shown)
        search.search_failed.connect(lambda _message: self._count_saved_searches())
        self.panel.installEventFilter(self)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Research")

    def _library(self) -> Library:
        if self.library is None:
            raise RuntimeError("the archive is not open yet")
        return self.library

    def export_choices(self) -> ExportChoices:
        """What an export can cover: the open article, the selected rows, the chosen collection, every
        result of the search (an empty query lists the whole archive), the articles with notes."""
        result, library = self.search.result, self.library
        result_ids: list[str] = []
        if result is not None:
            shown = [hit.id for hit in result.hits]
            seen = set(shown)
            result_ids = shown + [i for i in (result.doc_ids or []) if i not in seen]
        collection_ids = library.collections.ids(self.collection) if library is not None and self.collection else []
        return ExportChoices(open_article=self.search.pane.article, selected_ids=self.search.view.selected_article_ids(),
                             result_ids=result_ids, noted_ids=self.archive.library.noted_ids(),
                             query=self.search.query, collection=self.collection, collection_ids=collection_ids)

    def scope(self) -> Scope:
        return Scope(collection=self.collection, with_notes=self.with_notes)

    def _archive_ready(self) -> None:
        self.library = self.archive.opened_library()
        self.archive.synced.connect(self._indexed)
        self.panel.setEnabled(True)
        self.collections.reload()
        # The saved searches' counts (a search each, on the search worker) follow the first search,
        # which the archive's opening starts: queued before it, they held its first rows back.
        self._saved_counts_pending = True
        if not self.search.pending:
            self._count_saved_searches()

    def _count_saved_searches(self) -> None:
        if self._saved_counts_pending:
            self._saved_counts_pending = False
            self.saved.refresh()

    def _indexed(self, _report: object) -> None:
        self.reload_lists()

    def reload_lists(self) -> None:
        """The collections and saved searches as stored now (after indexing, or a lab sync that brought
        or deleted some)."""
        if self.library is not None:
            self.collections.reload()
            self.saved.refresh()

    def _results_shown(self, result: SearchResult) -> None:
        self.timeline.set_timeline(list(result.timeline), result.undated)
        self._count_saved_searches()

    def _period_chosen(self, first: str, last: str) -> None:
        self.search.search_for(with_months(self.search.box_text(), first, last, current_language() == "fa"))

    def _collection_chosen(self, name: str | None) -> None:
        self.collection = name
        self.search.search_again()

    def _notes_only_toggled(self, on: bool) -> None:
        self.with_notes = on
        self.search.search_again()

    def retranslate(self) -> None:
        dock = self.scroll.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(self.title())
        self.menu.setTitle(self.tr("&Research"))
        self.actions.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.panel and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)
