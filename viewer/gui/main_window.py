"""The Bayegan window: search bar; tags, results and the article side by side; indexing in the
status bar. Work happens off the UI thread through tasks.py; this class wires the widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QWidget,
)

from viewer.app.library import ALL_ARTICLES, Library
from viewer.app.scope import EVERYWHERE, Scope
from viewer.app.settings import Settings
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths
from viewer.core.results import SearchResult, SyncReport
from viewer.gui import window_folders, window_layout, window_state, window_wiring
from viewer.gui.archive_folders import source_keys, unique_folders
from viewer.gui.article_pane import ArticlePane
from viewer.gui.crash_handler import user_message
from viewer.gui.digits import digits, number
from viewer.gui.empty_notice import EmptyNotice
from viewer.gui.problems_button import ProblemsButton
from viewer.gui.results_model import ID_ROLE, ResultsModel
from viewer.gui.search_bar import SearchBar
from viewer.gui.search_steps import SearchRequest, SearchSteps
from viewer.gui.shown_result import show_counted, show_first_page
from viewer.gui.tag_model import TagModel
from viewer.gui.tag_panel import TagPanel
from viewer.gui.tasks import LatestOnly, TaskRunner
from viewer.gui.theme import apply_theme, current_theme
from viewer.gui.translations import current_language, set_language

if TYPE_CHECKING:  # whoosh loads off the UI thread, with the archive
    from viewer.gui.indexer import Indexer

log = logging.getLogger(__name__)


def searched_text(query: str) -> str:
    """What the search box's text searches for: an empty box lists every article."""
    return query.strip() or ALL_ARTICLES


class MainWindow(QMainWindow):
    archive_ready = Signal()
    archive_synced = Signal(object)  # SyncReport, after the window has taken it in
    library_closing = Signal()  # at shutdown: panels stop reading the Library
    first_page_shown = Signal(object)  # SearchResult: its first rows, maybe not counted yet (search_pending)
    results_shown = Signal(object)  # SearchResult, complete: total, tag facets, timeline (search_pending False)
    search_failed = Signal(str)

    def __init__(self, paths: DataPaths, settings: Settings, font_family: str = "Vazirmatn",
                 auto_index: bool = True):
        super().__init__()
        self.setObjectName("mainWindow")
        self.paths = paths
        self.settings = settings
        self.font_family = font_family
        self.auto_index = auto_index
        # The index opens on a worker (start()); `library` is set once it has, and None again at shutdown.
        self.unopened_library = Library(paths, settings)
        self.library: Library | None = None
        self.indexer: Indexer | None = None
        self._search_scope: Callable[[], Scope] = lambda: EVERYWHERE
        self.query = ""
        self.result: SearchResult | None = None
        self.pending_open: str | None = None
        self.search_pending = False  # until a search is complete, counted after its first page
        self.counted = False  # the shown result's total and facets are exact (shown_result.py)
        self.background = TaskRunner(max_threads=2, parent=self)
        self.search_worker = TaskRunner(max_threads=1, parent=self)
        self.searches = LatestOnly(self.search_worker)
        self.search_steps = SearchSteps(self.searches, self)
        self.search_steps.first_page.connect(lambda result, request: show_first_page(self, result, request))
        self.search_steps.counted.connect(lambda result: show_counted(self, result))
        self.search_steps.failed.connect(self._search_error)

        self.search_bar = SearchBar(self)
        self.tag_model = TagModel(self)
        self.tag_panel = TagPanel(self.tag_model, self)
        self.results_model = ResultsModel(self._fetch_article, self, run=self.search_worker.run)
        self.results_view = window_layout.results_view(self.results_model, self)
        self.empty_notice = EmptyNotice(self.results_view)
        self.article_pane = ArticlePane(self)
        self.article_pane.view.family = font_family
        self.article_pane.view.set_zoom(int(settings.get("zoom") or 0))

        self.splitter = window_layout.lay_out(self)

        self.article_count_label = QLabel(self)
        self.statusBar().addWidget(self.article_count_label, 1)
        self.problems_button = ProblemsButton(self)

        from viewer.gui.window_actions import WindowActions

        self.window_actions = WindowActions(self)
        from viewer.gui.shortcut_guard import ShortcutGuard

        self.shortcut_guard = ShortcutGuard(self)
        window_wiring.connect_actions(self)
        self.retranslate()
        from viewer.gui.notes.install import install_notes

        actions = self.window_actions
        self.notes = install_notes(self, self.unopened_library, actions.file_menu, actions.export_pdf,
                                   actions.view_menu)  # before restore_state, so the dock's place is restored
        from viewer.gui.research_panels import install_research_panels

        self.research = install_research_panels(self)  # issue 17: timeline, collections, saved searches
        from viewer.gui.discourse.install import install_discourse

        self.discourse = install_discourse(self)  # issue 28: concordance, collocations, trends
        window_wiring.set_tab_order(self)
        from viewer.gui.session_guard import SessionGuard

        self.session = SessionGuard(self, self.save_state)
        self.results_shown.connect(self.session.changed)
        self.article_pane.article_shown.connect(self.session.changed)
        window_state.restore_state(self)

    # -- set-up ---------------------------------------------------------------------------------
    def shortcut_actions(self) -> list[QAction]:
        """Every action of the window with a shortcut (the notes panel adds its own), for F1."""
        return [action for action in self.actions() if action.shortcuts() and action.text()]

    def start(self, query: str | None = None, open_id: str | None = None) -> None:
        """Opens the archive off the UI thread (the window is already up and takes typing), warms
        hazm, then searches and picks up changed files."""
        if query is not None:
            self.search_bar.set_query(query)
        # The article last read comes back too, when it still matches the query.
        self.pending_open = open_id or (self.settings.get("last_article") if query is None else None) or None
        library = self.unopened_library
        self.background.run(library.prepare_language)
        self.background.run(library.open, lambda _none: self._archive_opened(library), self._archive_failed)

    def _archive_opened(self, library: Library) -> None:
        from viewer.gui.indexer import Indexer
        from viewer.gui.indexing_status import IndexingStatus

        self.library = library
        self.indexer = Indexer(library, self)
        self.indexing_status = IndexingStatus(self.indexer, self)
        self.statusBar().addPermanentWidget(self.indexing_status)
        self.statusBar().addPermanentWidget(self.problems_button)
        self.indexer.started.connect(self.problems_button.hide)
        self.indexer.finished.connect(self._indexing_finished)
        self.indexer.finished.connect(self.archive_synced.emit)
        self.indexer.cancelled.connect(self._indexing_stopped)
        self.indexer.failed.connect(self._indexing_failed)
        self._update_article_count()
        self.search(self.search_bar.box.text())
        if self.auto_index:
            window_folders.adopt_indexed_folders(library)
            self.index_folders()
        self.archive_ready.emit()

    def _archive_failed(self, exc: BaseException) -> None:
        log.error("archive not opened", exc_info=exc)
        self.statusBar().showMessage(user_message(exc))

    # -- search ---------------------------------------------------------------------------------
    def search_for(self, query: str) -> None:
        """A query from outside (a second `bayegan gui --query`): shown and searched."""
        self.search_bar.set_query(query)
        self.search_bar.search_now()

    def focus_search(self) -> None:
        self.search_bar.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_bar.box.selectAll()

    def search(self, text: str) -> None:
        """Searches off the UI thread, the first rows before the count (search_steps.py); a newer
        search discards both steps of an older one."""
        self.query = text
        if self.library is None:
            return
        self.search_pending = True
        self.search_bar.searching()
        self.search_steps.start(SearchRequest(self.library, searched_text(text), tuple(self.tag_model.checked),
                                              self.search_bar.sort, self._search_scope()))

    def set_search_scope(self, scope: Callable[[], Scope]) -> None:
        """Where searches look (a collection, the articles with notes): asked at each search."""
        self._search_scope = scope

    def _search_error(self, exc: BaseException) -> None:
        self.search_pending = False
        if not isinstance(exc, BayeganError):
            log.error("search failed", exc_info=exc)
        self.search_bar.show_error(user_message(exc))
        self.search_failed.emit(user_message(exc))

    def _select_row(self, row: int) -> None:
        index = self.results_model.index(row)
        self.results_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.results_view.scrollTo(index)
        # Reshow even when the row did not change: the query and its hits did.
        self._open_article(self.results_model.article_id(row))

    def _step_result(self, step: int) -> None:
        count = self.results_model.rowCount()
        if count:
            row = self.results_view.currentIndex().row()
            self._select_row(min(max(row + step, 0), count - 1))

    def _current_result_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            article_id = current.data(ID_ROLE)
            shown = self.article_pane.article
            if not article_id:
                return  # a placeholder row: its article comes with its ranked page (_rows_arrived)
            if shown is None or shown.id != article_id:
                self._open_article(article_id)

    def _rows_arrived(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """A placeholder row that was current got its article: show it."""
        current = self.results_view.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self._current_result_changed(current, current)

    def _fetch_article(self, article_id: str):  # type: ignore[no-untyped-def]
        return self.library.article(article_id) if self.library is not None else None

    def open_article(self, article_id: str) -> bool:
        row = self.results_model.row_of(article_id)
        if row >= 0:
            self._select_row(row)
            return True
        return self._open_article(article_id)

    def _open_article(self, article_id: str) -> bool:
        article = self._fetch_article(article_id)
        if article is None:
            return False
        # The keys the search thread found for this query (None: derived from the query's words).
        keys = self.result.keys if self.result is not None and self.result.query == searched_text(self.query) else None
        self.article_pane.show_article(article, self.query, keys)
        return True

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.results_view.selectionModel().selectedRows())
        ids = [i for i in (self.results_model.article_id(r) for r in rows) if i]  # not placeholder rows
        if not ids and self.article_pane.article is not None:
            ids = [self.article_pane.article.id]
        return ids

    # -- archive --------------------------------------------------------------------------------
    def index_folders(self, forget: list[Path] | None = None) -> None:
        """Picks up new, changed and deleted files (incremental); `forget` folders leave the index."""
        if self.library is None or self.indexer is None:
            return
        self.indexer.sync(self.settings.folders, forget=forget or [])

    def rescan(self) -> None:
        self.index_folders()

    def set_folders(self, folders: list[str]) -> None:
        unique = unique_folders(folders)
        if unique == self.settings.folders:
            return
        kept = set(source_keys(unique))
        removed = [Path(key) for key in source_keys(self.settings.folders) if key not in kept]
        self.settings.set("folders", unique)
        self.settings.save()
        self.index_folders(forget=removed)

    def _indexing_finished(self, report: SyncReport) -> None:
        self._update_article_count()
        message = self.tr("Indexed: {added} added, {updated} updated, {removed} removed").format(
            added=report.added, updated=report.updated, removed=report.removed)
        self.problems_button.show_report(report)
        if self.indexer is not None and self.indexer.cancel_requested:
            message = self.tr("Too late to cancel: indexing had finished.") + " " + message
        if report.added or report.updated or report.removed:
            self.statusBar().showMessage(digits(message), 8000)
        if report.added or report.updated or report.removed:
            self.results_model.forget_rows()
            self.search(self.search_bar.box.text())

    def _indexing_stopped(self) -> None:
        """Says what is on disk: nothing of the cancelled run was saved (the index is as it was
        before it, which for a new archive is empty)."""
        self._update_article_count()
        count = self.library.article_count if self.library is not None else 0
        if count:
            message = self.tr("Indexing cancelled: nothing of this run was saved; the archive still holds {count} "
                              "articles.").format(count=number(count))
        else:
            message = self.tr("Indexing cancelled: the archive is empty. Re-scan (F5) to index the folders.")
        self.statusBar().showMessage(message)

    def _indexing_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(user_message(exc), 10000)

    def _update_article_count(self) -> None:
        if self.library is None:
            return
        count = number(self.library.article_count)
        self.article_count_label.setText(self.tr("{count} articles in the archive").format(count=count))

    # -- side panels and export (for the notes and export engineers) -----------------------------
    def add_side_panel(self, widget: QWidget, title: str) -> QDockWidget:
        """Docks `widget` beside the article (the notes panel goes here)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{widget.objectName() or title}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def export_pdf(self) -> None:
        from viewer.gui.export_dialog import run_export_dialog  # loads the PDF writer on first use

        run_export_dialog(self, self.selected_ids(), self.query)

    # -- theme and language ------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme, self.font_family)
        self.settings.set("theme", current_theme())
        self.settings.save()
        (self.window_actions.theme_dark if current_theme() == "dark" else self.window_actions.theme_light).setChecked(True)
        self.article_pane.view.rebuild()
        self.results_view.viewport().update()

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self.settings.set("language", current_language())
        self.settings.save()
        (self.window_actions.lang_en if current_language() == "en" else self.window_actions.lang_fa).setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bayegan — Persian news archive"))
        self.window_actions.retranslate(self)
        self.tag_model.persian_digits = current_language() == "fa"
        if self.tag_model.rowCount():
            self.tag_model.dataChanged.emit(self.tag_model.index(0), self.tag_model.index(self.tag_model.rowCount() - 1))
        self._update_article_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- closing --------------------------------------------------------------------------------
    def save_state(self) -> None:
        window_state.save_state(self)

    def shutdown(self) -> None:
        """Stops background work and closes the index (also used by tests)."""
        self.searches.discard_pending()
        if self.indexer is not None:
            self.indexer.close()
            self.indexer.wait()  # quick: the sync checks the cancel between articles
        self.search_worker.wait()
        self.background.wait()
        self.library = None
        self.library_closing.emit()
        self.unopened_library.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.session.save_timer.stop()
        self.save_state()
        self.hide()  # gone from the screen at once, while background work stops
        self.shutdown()
        super().closeEvent(event)
