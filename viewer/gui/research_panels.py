"""Issue 17 in the window: the timeline above the results, the collections and saved searches in a
side panel, "only articles with notes", citations and reference lists. One call from the window.

The panels use the window's `Library` once the archive is open, and give the window the scope its
searches look in (a collection, the articles with notes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QFrame, QMenu, QScrollArea, QVBoxLayout, QWidget

from viewer.app.scope import Scope
from viewer.core.results import SearchResult
from viewer.gui.collections_panel import CollectionsPanel
from viewer.gui.notes_only_box import NotesOnlyBox
from viewer.gui.query_dates import with_months, without_dates
from viewer.gui.reference_actions import ReferenceActions
from viewer.gui.results_drag import ResultsDrag
from viewer.gui.saved_searches_panel import SavedSearchesPanel
from viewer.gui.timeline_histogram import TimelineHistogram
from viewer.gui.translations import current_language

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.gui.main_window import MainWindow


class ResearchPanels(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.library: Library | None = None
        self.collection: str | None = None
        self.with_notes = False

        self.timeline = TimelineHistogram(window)
        self.timeline.hide()
        central = window.centralWidget().layout()  # type: ignore[union-attr]
        assert isinstance(central, QVBoxLayout)
        central.insertWidget(1, self.timeline)  # under the search bar, over the results
        self.timeline.range_chosen.connect(self._period_chosen)
        self.timeline.range_cleared.connect(lambda: window.search_for(without_dates(window.search_bar.box.text())))

        self.panel = QWidget(window)
        self.panel.setObjectName("researchPanel")
        self.notes_only = NotesOnlyBox(self.panel)
        self.notes_only.toggled.connect(self._notes_only_toggled)
        self.collections = CollectionsPanel(lambda: self._library().collections, self.panel)
        self.collections.collection_chosen.connect(self._collection_chosen)
        self.saved = SavedSearchesPanel(lambda: self._library().saved_searches, self._current_search,
                                        window.search_worker.run, self.panel)
        self.saved.search_opened.connect(lambda query, _tags: window.search_for(query))
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notes_only)
        layout.addWidget(self.collections, 3)
        layout.addWidget(self.saved, 2)
        self.panel.setEnabled(False)  # until the archive is open
        # Scrolled, so that beside the notes panel it never makes the window taller than a small screen.
        self.scroll = QScrollArea(window)
        self.scroll.setObjectName("researchScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.panel)
        self.dock = window.add_side_panel(self.scroll, self.tr("Research"))
        self.dock.setObjectName("dock-research")

        self.actions = ReferenceActions(
            window, window.selected_ids, lambda ids: self._library().require_articles(ids),
            lambda articles, fmt, out: self._library().export_list(articles, fmt, out),
            self.collections.names, self.collections.add, lambda text: window.statusBar().showMessage(text, 8000))
        self.collections.export_requested.connect(
            lambda name: self.actions.choose_export_file(self._library().collections.articles(name)))
        self.menu = QMenu(window)
        self.menu.addActions([self.actions.copy_citation, self.actions.copy_bibtex, self.actions.add_to_collection,
                              self.actions.export_list])
        window.menuBar().insertMenu(window.window_actions.help_menu.menuAction(), self.menu)
        view = window.results_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: self.actions.context_menu(view).exec(view.viewport().mapToGlobal(QPoint(pos))))
        self.drag = ResultsDrag(view, window.selected_ids)

        window.archive_ready.connect(self._archive_ready)
        window.first_page_shown.connect(lambda _result: self.timeline.set_pending())
        window.results_shown.connect(self._results_shown)
        window.installEventFilter(self)
        self.retranslate()

    def _library(self) -> Library:
        if self.library is None:
            raise RuntimeError("the archive is not open yet")
        return self.library

    def scope(self) -> Scope:
        return Scope(collection=self.collection, with_notes=self.with_notes)

    def _archive_ready(self) -> None:
        w = self.window
        self.library = w.library
        w.set_search_scope(self.scope)
        w.archive_synced.connect(self._indexed)
        self.panel.setEnabled(True)
        self.collections.reload()
        self.saved.refresh()
        self._search_again()  # now with the timeline and the filters

    def _indexed(self, _report: object) -> None:
        self.collections.reload()
        self.saved.refresh()

    def _search_again(self) -> None:
        self.window.search(self.window.search_bar.box.text())

    def _results_shown(self, result: SearchResult) -> None:
        self.timeline.set_timeline(list(result.timeline), result.undated)

    def _period_chosen(self, first: str, last: str) -> None:
        box = self.window.search_bar.box
        self.window.search_for(with_months(box.text(), first, last, current_language() == "fa"))

    def _collection_chosen(self, name: str | None) -> None:
        self.collection = name
        self._search_again()

    def _notes_only_toggled(self, on: bool) -> None:
        self.with_notes = on
        self._search_again()

    def _current_search(self) -> tuple[str, list[str]]:
        return self.window.search_bar.box.text(), list(self.window.tag_model.checked)

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Research"))
        self.menu.setTitle(self.tr("&Research"))
        self.actions.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)


def install_research_panels(window: MainWindow) -> ResearchPanels:
    return ResearchPanels(window)
