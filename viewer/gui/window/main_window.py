"""The Bayegan window: search bar; tags, results and the article side by side; notes and research
docked beside them; indexing in the status bar.

The window composes the parts and wires them; each part does its own job: the search controller
(results/search_controller.py) searches and opens results, the archive controller
(archive/controller.py) opens and indexes the archive, the layout (layout.py) places the widgets,
the panels (notes, research) are handed what they need. Work happens off the UI thread through
common/tasks.py."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

from viewer.app.library import Library
from viewer.app.settings import (
    GEOMETRY,
    LANGUAGE,
    LAST_ARTICLE,
    LAST_QUERY,
    SORT,
    THEME,
    ZOOM,
    Settings,
)
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths
from viewer.core.results import SearchResult, SimilarArticle, SyncReport
from viewer.gui.archive.controller import ArchiveController
from viewer.gui.article.pane import ArticlePane
from viewer.gui.common.tasks import TaskRunner
from viewer.gui.common.theme import apply_theme, current_theme
from viewer.gui.common.translations import current_language, set_language
from viewer.gui.dialogs.help_dialogs import show_about, show_query_help, show_shortcuts
from viewer.gui.discourse.menu import DiscourseMenu
from viewer.gui.notes.author_prompt import ask_author_once, name_action
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.panel import NotesPanel
from viewer.gui.research.citation import citation_line
from viewer.gui.research.panels import ResearchPanels
from viewer.gui.research.stories_menu import StoriesMenu
from viewer.gui.results.empty_notice import EmptyNotice
from viewer.gui.results.model import ResultsModel
from viewer.gui.results.search_bar import SearchBar
from viewer.gui.results.search_controller import SearchController
from viewer.gui.results.tag_model import TagModel
from viewer.gui.results.tag_panel import TagPanel
from viewer.gui.results.view import ResultsView
from viewer.gui.window.actions import WindowActions
from viewer.gui.window.layout import NOTES_DOCK, RESEARCH, RESEARCH_DOCK, WindowLayout
from viewer.gui.window.session_guard import SessionGuard
from viewer.gui.window.shortcut_guard import ShortcutGuard

if TYPE_CHECKING:  # whoosh loads off the UI thread, with the archive
    from viewer.gui.archive.indexer import Indexer
    from viewer.gui.archive.indexing_status import IndexingStatus
    from viewer.gui.common.export_scope import ExportChoices

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, paths: DataPaths, settings: Settings, font_family: str = "Vazirmatn",
                 auto_index: bool = True):
        super().__init__()
        self.setObjectName("mainWindow")
        self.paths = paths
        self.settings = settings
        self.font_family = font_family
        self.background = TaskRunner(max_threads=2, parent=self)
        self.search_worker = TaskRunner(max_threads=1, parent=self)
        # The index opens on a worker; the notes and settings of the Library are usable at once.
        self.archive = ArchiveController(Library(paths, settings), self.statusBar(), self.background, auto_index,
                                         parent=self)
        self.archive.begin_opening()  # the engine loads while the window is built; start() shows it

        self.search_bar = SearchBar(self)
        self.tag_model = TagModel(self)
        self.tag_panel = TagPanel(self.tag_model, self)
        self.results_model = ResultsModel(self.archive.article, self, run=self.search_worker.run)
        self.results_view = ResultsView(self.results_model, self)
        self.empty_notice = EmptyNotice(self.results_view)
        self.article_pane = ArticlePane(self)
        self.article_pane.view.family = font_family
        self.article_pane.view.set_zoom(settings.get(ZOOM))
        self.article_pane.view.set_citation(citation_line)  # the selection toolbar's Copy as citation
        self.addAction(self.article_pane.view.toolbar_action)  # kept working in text boxes by the guard
        self.searching = SearchController(self.search_bar, self.tag_model, self.results_view, self.article_pane,
                                          self.empty_notice, self.search_worker, self.archive.opened_library, self)
        self.window_layout = WindowLayout(self, self.search_bar, self.tag_panel, self.results_view, self.article_pane)
        self.window_layout.add_band(self.archive.welcome)  # first start: the sample, and "add your folder"
        # What the parts announce, for the application, the screenshot and tests.
        self.archive_ready = self.archive.ready
        self.archive_synced = self.archive.synced  # SyncReport, after the window has taken it in
        self.library_closing = self.archive.closing  # at shutdown: panels stop reading the Library
        self.rows_shown = self.searching.rows_shown  # SearchResult: its first rows painted, the article next
        self.first_page_shown = self.searching.first_page_shown  # SearchResult: its first rows and article, maybe not counted
        self.results_shown = self.searching.results_shown  # SearchResult, complete: total, facets, timeline
        self.search_failed = self.searching.search_failed  # the message

        self.window_actions = WindowActions(self)
        self.shortcut_guard = ShortcutGuard(self)
        self.stories = StoriesMenu(self.archive, self.searching.search_again, self.open_article,
                                   self.background.run, self)
        self._connect_signals()
        self.retranslate()
        self.notes = self._add_notes()  # before _restore_state, so the dock's place is restored
        self.research = self._add_research()  # issue 17: timeline, collections, saved searches
        self.discourse = DiscourseMenu(self.searching, self.archive, self.research.scope, self)  # issue 28
        self.research.menu.addSeparator()
        self.research.menu.addAction(self.discourse.action)
        self._set_tab_order()
        self.session = SessionGuard(self, self.save_state)
        self.searching.results_shown.connect(self.session.changed)
        self.article_pane.article_shown.connect(self.session.changed)
        self._restore_state()

    # -- what the parts say, for the application and tests ------------------------------------------
    @property
    def library(self) -> Library | None:
        """The archive's Library once it is open (None before, and after shutdown)."""
        return self.archive.opened_library()

    @property
    def indexer(self) -> Indexer | None:
        return self.archive.indexer

    @property
    def indexing_status(self) -> IndexingStatus | None:
        return self.archive.indexing_status

    @property
    def result(self) -> SearchResult | None:
        return self.searching.result

    @property
    def search_pending(self) -> bool:
        """A search is under way: its first rows or its count have not arrived."""
        return self.searching.pending

    @property
    def query(self) -> str:
        return self.searching.query

    @property
    def splitter(self) -> QSplitter:
        return self.window_layout.splitter

    # -- set-up ---------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        a, pane, searching = self.window_actions, self.article_pane, self.searching
        a.focus_search.triggered.connect(searching.focus)
        a.add_folder.triggered.connect(self.archive.choose_folder)
        a.manage_folders.triggered.connect(self.archive.manage_folders)
        a.rescan.triggered.connect(lambda: self.index_folders())
        a.export_pdf.triggered.connect(self.export_pdf)
        a.quit.triggered.connect(self.close)
        a.next_hit.triggered.connect(pane.view.next_hit)
        a.previous_hit.triggered.connect(pane.view.previous_hit)
        a.zoom_in.triggered.connect(pane.view.zoom_in)
        a.zoom_out.triggered.connect(pane.view.zoom_out)
        a.zoom_reset.triggered.connect(lambda: pane.view.set_zoom(0))
        a.next_result.triggered.connect(lambda: searching.step_result(1))
        a.previous_result.triggered.connect(lambda: searching.step_result(-1))
        a.clear_tags.triggered.connect(self.tag_model.clear_checked)
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.toggle_theme.triggered.connect(lambda: self.set_theme("dark" if current_theme() == "light" else "light"))
        a.lang_fa.triggered.connect(lambda: self.set_language("fa"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))
        a.about.triggered.connect(lambda: show_about(self))
        a.query_help.triggered.connect(lambda: show_query_help(self))
        a.search_menu.addActions([self.stories.count_once, self.stories.duplicates])
        # The View menu opens with reading mode and the panels, each with its key (the layout's).
        first = a.search_menu.menuAction()
        a.view_menu.insertAction(first, self.window_layout.reading_action)
        a.view_menu.insertSeparator(first)
        a.view_menu.insertActions(first, list(self.window_layout.panel_actions.values()))
        a.view_menu.insertSeparator(first)

        self.archive.opened.connect(self._follow_indexing)  # before indexing starts
        self.archive.opened.connect(searching.search_again)
        searching.results_shown.connect(lambda _result: self.archive.first_search_done())
        searching.search_failed.connect(lambda _message: self.archive.first_search_done())
        self.archive.synced.connect(self._archive_synced)
        pane.tag_clicked.connect(lambda tag: self.tag_model.set_checked(tag, True))
        pane.copies_of = self._copies_of
        pane.copies.open_requested.connect(self.open_article)
        self.results_view.drag_out(searching.chosen_ids)

    def _add_notes(self) -> NotesController | None:
        """Opens the Library's notes and docks their panel beside the article; None if the notes cannot
        be opened (the window works on without notes and says why)."""
        library = self.archive.library
        try:
            library.notes  # noqa: B018 - opens the notes database (on the UI thread, which owns it)
        except BayeganError as exc:
            log.error("notes not opened: %s", exc.en)
            self.statusBar().showMessage(exc.message(current_language()))
            return None
        panel = NotesPanel(library, author=lambda: ask_author_once(library, self), parent=self)
        controller = NotesController(panel, self.article_pane.view, library.settings, parent=self)
        self.article_pane.article_shown.connect(controller.article_shown)
        panel.open_article_requested.connect(self.open_article)
        self.archive.synced.connect(controller.refresh)  # a re-index may have moved notes
        self.archive.closing.connect(panel.library_closing)
        panel.undo_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.window_layout.add_side_panel(panel, panel.title(), NOTES_DOCK)
        panel.retranslate()  # now in the dock: it titles it, and retitles it when the language changes
        self.addActions([panel.highlight_action, panel.note_action])
        self.article_pane.view.selection_actions = [panel.highlight_action, panel.note_action]
        menus, export_pdf = self.window_actions, self.window_actions.export_pdf
        menus.file_menu.insertActions(export_pdf, [panel.export_action, panel.import_action])
        menus.file_menu.insertSeparator(export_pdf)
        menus.view_menu.addSeparator()
        naming = name_action(library, self)
        panel.addAction(naming)  # retitled with the panel's actions when the language changes
        menus.notes_menu.addActions([panel.highlight_action, panel.note_action, naming])
        menus.view_menu.addMenu(menus.notes_menu)
        return controller

    def _add_research(self) -> ResearchPanels:
        research = ResearchPanels(self.searching, self.archive, self.search_worker.run, self,
                                  lambda text: self.statusBar().showMessage(text, 8000))
        self.window_layout.add_over_results(research.timeline)
        self.window_layout.add_side_panel(research.scroll, research.title(), RESEARCH_DOCK)
        research.retranslate()
        # Closed with its ⊗, the research panel comes back from its own menu too.
        reopen, first = self.window_layout.panel_actions[RESEARCH], research.menu.actions()[0]
        research.menu.insertAction(first, reopen)
        research.menu.insertSeparator(first)
        self.menuBar().insertMenu(self.window_actions.help_menu.menuAction(), research.menu)
        self.results_view.set_context_menu(research.actions.context_menu)
        return research

    def _set_tab_order(self) -> None:
        """Tab goes through the window as it reads: search, tags, results, the article and its
        buttons, then the notes."""
        pane, tags = self.article_pane, self.tag_panel
        chain: list[QWidget] = [self.search_bar.box, self.search_bar.sort_box, tags.filter_box, tags.list,
                                tags.clear_button, self.results_view, pane.view, pane.previous_button,
                                pane.next_button, pane.zoom_out_button, pane.zoom_in_button]
        notes = self.notes.panel if self.notes is not None else None
        if notes is not None:
            chain += [w for w in notes.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                      and w.parentWidget() is notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def start(self, query: str | None = None, open_id: str | None = None) -> None:
        """Opens the archive off the UI thread (the window is already up and takes typing), warms
        hazm, then searches and picks up changed files."""
        if query is not None:
            self.search_bar.set_query(query)
        # The article last read comes back too, when it still matches the query.
        self.searching.pending_open = open_id or (self.settings.get(LAST_ARTICLE) if query is None else None) or None
        self.archive.open()

    # -- search and articles --------------------------------------------------------------------------
    def search(self, text: str) -> None:
        self.searching.search(text)

    def search_for(self, query: str) -> None:
        """A query from outside (a second `bayegan gui --query`): shown and searched."""
        self.searching.search_for(query)

    def open_article(self, article_id: str) -> bool:
        return self.searching.open_article(article_id)

    def selected_ids(self) -> list[str]:
        """The selected results, else the open article."""
        return self.searching.chosen_ids()

    def _copies_of(self, article_id: str) -> tuple[list[str], list[SimilarArticle]]:
        """The article's other files and near duplicates, for the bar above it."""
        library = self.library
        if library is None:
            return [], []
        return library.sources(article_id).get(article_id, []), library.similar(article_id)

    # -- archive --------------------------------------------------------------------------------------
    def index_folders(self, forget: list[Path] | None = None) -> None:
        """Picks up new, changed and deleted files (incremental); `forget` folders leave the index."""
        self.archive.index_folders(forget)

    def set_folders(self, folders: list[str]) -> None:
        self.archive.set_folders(folders)

    def _archive_synced(self, report: SyncReport) -> None:
        if report.added or report.updated or report.removed:
            self.results_model.forget_rows()
            self.searching.search_again()

    # -- export ---------------------------------------------------------------------------------------
    def export_choices(self) -> ExportChoices:
        return self.research.export_choices()

    def export_pdf(self) -> None:
        from viewer.gui.dialogs.export_dialog import run_export_dialog  # loads the PDF writer on first use

        run_export_dialog(self, self.library, self.export_choices,
                          lambda text: self.statusBar().showMessage(text, 10000))

    # -- theme and language ------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme, self.font_family)
        self.settings.set(THEME, current_theme())
        self.settings.save()
        self._check_theme_and_language()
        self.article_pane.view.rebuild()
        self.results_view.viewport().update()

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self.settings.set(LANGUAGE, current_language())
        self.settings.save()
        self._check_theme_and_language()

    def _check_theme_and_language(self) -> None:
        a = self.window_actions
        (a.theme_dark if current_theme() == "dark" else a.theme_light).setChecked(True)
        (a.lang_en if current_language() == "en" else a.lang_fa).setChecked(True)

    def _follow_indexing(self) -> None:
        indexer = self.archive.indexer
        if indexer is None:
            return
        indexer.started.connect(lambda: self.empty_notice.set_indexing(True))
        for signal in (indexer.finished, indexer.cancelled, indexer.failed):
            signal.connect(lambda *_args: self.empty_notice.set_indexing(False))

    def shared_work_received(self) -> None:
        """A lab sync brought notes, collections or saved searches (or deleted some): show them."""
        if self.notes is not None:
            self.notes.refresh()
        self.research.reload_lists()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bayegan — Persian news archive"))
        self.window_actions.retranslate()
        self.window_layout.retranslate()
        self.tag_model.persian_digits = current_language() == "fa"
        if self.tag_model.rowCount():
            self.tag_model.dataChanged.emit(self.tag_model.index(0), self.tag_model.index(self.tag_model.rowCount() - 1))
        self.archive.update_article_count()
        self.archive.retranslate_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the window remembers between sessions ---------------------------------------------------
    def _restore_state(self) -> None:
        """Geometry, the layout, query, sort (the zoom was set with the article pane)."""
        s = self.settings
        geometry = s.get(GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii"))):
            room = self.screen().availableGeometry()  # a 1024×600 netbook gets a window that fits
            self.resize(min(1280, room.width()), min(800, room.height()))
        self.window_layout.restore(s)  # what is shown, the splitter, the docks, reading mode
        self.search_bar.set_sort(s.get(SORT))
        self.search_bar.set_query(s.get(LAST_QUERY))
        self._check_theme_and_language()

    def save_state(self) -> None:
        s = self.settings
        s.set(GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        self.window_layout.save(s)
        s.set(LAST_QUERY, self.search_bar.box.text())
        s.set(SORT, self.search_bar.sort)
        s.set(ZOOM, self.article_pane.view.zoom)
        s.set(LAST_ARTICLE, self.article_pane.article.id if self.article_pane.article else "")
        s.save()

    # -- closing --------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stops background work and closes the index (also used by tests)."""
        self.searching.discard_pending()
        self.archive.stop_indexing()
        self.search_worker.wait()
        self.archive.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.session.save_timer.stop()
        self.save_state()
        self.hide()  # gone from the screen at once, while background work stops
        self.shutdown()
        super().closeEvent(event)

