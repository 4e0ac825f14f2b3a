"""The window's search: what was asked (the box, the ticked tags, the sort, the scope), the search in
its two steps (search_steps.py), the result shown, and opening and stepping through its articles.

A result arrives in two steps: the first rows, then the count, tag facets and timeline. Until they
are counted the count says «…», the tag panel lists only the ticked tags without counts and the
timeline is empty, so neither ever shows an older query's figures beside the new rows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from viewer.app.library import ALL_ARTICLES
from viewer.app.scope import EVERYWHERE, Scope
from viewer.core.errors import BayeganError
from viewer.core.results import SearchResult
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.tasks import LatestOnly, TaskRunner
from viewer.gui.results.model import ID_ROLE, ResultsModel
from viewer.gui.results.search_steps import FIRST_PAGE, SearchRequest, SearchSteps

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.core.article import Article
    from viewer.gui.article.pane import ArticlePane
    from viewer.gui.results.empty_notice import EmptyNotice
    from viewer.gui.results.search_bar import SearchBar
    from viewer.gui.results.tag_model import TagModel
    from viewer.gui.results.view import ResultsView

log = logging.getLogger(__name__)


def searched_text(query: str) -> str:
    """What the search box's text searches for: an empty box lists every article."""
    return query.strip() or ALL_ARTICLES


class SearchController(QObject):
    rows_shown = Signal(object)  # SearchResult: its first rows painted, before their article is laid out
    first_page_shown = Signal(object)  # SearchResult: its first rows and article, maybe not counted yet (pending)
    results_shown = Signal(object)  # SearchResult, complete: total, tag facets, timeline (pending False)
    search_failed = Signal(str)
    collection_removed = Signal()  # its chip was clicked away: the research panel chooses every article again

    def __init__(self, bar: SearchBar, tags: TagModel, view: ResultsView, pane: ArticlePane,
                 empty_notice: EmptyNotice, worker: TaskRunner, library: Callable[[], Library | None],
                 parent: QObject | None = None):
        """`library` gives the open archive's Library (None until it is open, and at shutdown)."""
        super().__init__(parent)
        self.bar, self.tags, self.view, self.pane, self.empty_notice = bar, tags, view, pane, empty_notice
        self.model: ResultsModel = view.results
        self.library = library
        self.query = ""
        self.result: SearchResult | None = None
        self.pending_open: str | None = None  # an article to show with the next result (`--open ID`)
        self.pending = False  # until a search is complete, counted after its first page
        self.counted = False  # the shown result's total and facets are exact
        self._articles_shown = 0  # how many times an article was shown (select_row shows each once)
        self._article_held = False  # the rows are painted before the current row's article is shown
        self._scope: Callable[[], Scope] = lambda: EVERYWHERE
        self.searches = LatestOnly(worker)
        self.steps = SearchSteps(self.searches, self)
        self.steps.first_page.connect(self._show_first_page)
        self.steps.snippets_made.connect(self._show_snippets)
        self.steps.counted.connect(self._show_counted)
        self.steps.failed.connect(self._failed)

        bar.search_requested.connect(self.search)
        # A keystroke makes the search in flight stale at once, not only when the debounced one starts:
        # its results would belong to a query the box no longer holds.
        bar.box.textEdited.connect(lambda _text: self.searches.discard_pending())
        bar.sort_changed.connect(lambda _sort: self.search_again())
        tags.checked_changed.connect(lambda _tags: self.search_again())
        bar.tag_removed.connect(lambda tag: tags.set_checked(tag, False))
        bar.collection_removed.connect(self.collection_removed)
        view.selectionModel().currentChanged.connect(self._current_changed)
        view.open_requested.connect(self.open_current)
        self.model.dataChanged.connect(self._rows_arrived)
        self.results_shown.connect(lambda _result: bar.show_stories(self.model.stories))

    # -- asking ---------------------------------------------------------------------------------------
    def box_text(self) -> str:
        return self.bar.box.text()

    def current_search(self) -> tuple[str, list[str]]:
        """The box's text and the ticked tags (what a saved search keeps)."""
        return self.box_text(), list(self.tags.checked)

    def set_scope(self, scope: Callable[[], Scope]) -> None:
        """Where searches look (a collection, the articles with notes): asked at each search."""
        self._scope = scope

    def search(self, text: str) -> None:
        """Searches off the UI thread, the first rows before the count (search_steps.py); a newer
        search discards both steps of an older one."""
        self.query = text
        library = self.library()
        if library is None:
            return
        self.pending = True
        self.bar.searching()
        scope = self._scope()
        self.bar.show_filters(scope.collection, self.tags.checked)
        on_screen = self.view.rows_on_screen()  # unknown before the first rows: every snippet of the page
        self.steps.start(SearchRequest(library, searched_text(text), tuple(self.tags.checked), self.bar.sort, scope,
                                       FIRST_PAGE if on_screen is None else on_screen + 1))

    def search_again(self) -> None:
        """The box's query again (the tags, the sort, the scope or the archive changed)."""
        self.search(self.box_text())

    def search_for(self, query: str) -> None:
        """A query from outside (a second `bayegan gui --query`, the timeline): shown and searched."""
        self.bar.set_query(query)
        self.bar.search_now()

    def focus(self) -> None:
        self.bar.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.box.selectAll()

    def _failed(self, exc: BaseException) -> None:
        self.pending = False
        if not isinstance(exc, BayeganError):
            log.error("search failed", exc_info=exc)
        self.bar.show_error(user_message(exc))
        self.search_failed.emit(user_message(exc))

    # -- a result, in its two steps ---------------------------------------------------------------------
    def _show_first_page(self, result: SearchResult, request: SearchRequest) -> None:
        """The first rows, and the article: the one asked for, the one shown when still in the results,
        else the first. Facets and the count only when the first step had them exactly (a cheap count)."""
        self.result = result
        self.counted = result.total_exact
        current_id = self.pane.article.id if self.pane.article else None
        self.model.set_result(result, request.ranked_page)
        if result.total_exact:
            self.tags.set_facets(result.facets)
            self.bar.show_count(result.total, result.took_ms)
        else:
            self.tags.set_pending()
            self.bar.show_count_pending()
        self.empty_notice.show_for(self.query, result.total)  # no hit on the first page: nothing matches
        self.bar.set_dates_available(any(hit.date for hit in result.hits))
        self.bar.show_suggestion(result.suggestion)
        requested, self.pending_open = self.pending_open, None
        wanted = requested or current_id
        row = self.model.row_of(wanted) if wanted else -1
        self._paint_rows(row if row >= 0 or requested else 0)
        self.rows_shown.emit(result)
        if row >= 0:
            self.select_row(row)
        elif requested and self.show_article(requested):
            pass  # `--open ID` outside the results: shown anyway
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self.pane.show_article(None)  # nothing matches: no stale article beside "0 results"
        self.first_page_shown.emit(result)

    def _show_snippets(self, result: SearchResult) -> None:
        """The first page's rows below the screen got their snippets (before the count)."""
        self.result = result
        self.model.update_hits(result.hits)

    def _paint_rows(self, row: int) -> None:
        """The rows painted now, `row` current (none when -1 or past them), its article not yet: laying
        out an article and looking up its copies (~45 ms at 200,000 articles) waits until the user
        sees the rows, where it stood between them and the search before."""
        if 0 <= row < self.model.rowCount():
            self._article_held = True
            try:
                self.view.select_row(row)
            finally:
                self._article_held = False
        self.view.viewport().repaint()

    def _show_counted(self, result: SearchResult) -> None:
        """The search is complete: every matching row (placeholders until their ranked page), the total,
        the facets (unless the first page had them: the tag list does not move twice) and the timeline."""
        self.pending = False
        self.result = result
        shown = self.pane.article.id if self.pane.article else None
        self.model.add_matches(result)
        row = self.model.row_of(shown) if shown else -1
        if row >= 0 and self.view.current_row() != row:
            self.select_row(row)  # the rows regrouped into stories: the article's row again
        if not self.counted:
            self.tags.set_facets(result.facets)
        self.counted = True
        self.bar.show_count(result.total, result.took_ms)
        self.empty_notice.show_for(self.query, result.total)
        self.bar.show_suggestion(result.suggestion)
        self.results_shown.emit(result)

    # -- the result's articles ----------------------------------------------------------------------------
    def fetch_article(self, article_id: str) -> Article | None:
        library = self.library()
        return library.article(article_id) if library is not None else None

    def select_row(self, row: int) -> None:
        """Makes `row` current and shows its article (again even when the row did not change: the query
        and its hits did), once: a current row that moves to another article shows it already."""
        shown = self._articles_shown
        self.view.select_row(row)
        if self._articles_shown == shown:
            self.show_article(self.model.article_id(row))

    def step_result(self, step: int) -> None:
        """The next (1) or previous (-1) result."""
        count = self.model.rowCount()
        if count:
            self.select_row(min(max(self.view.current_row() + step, 0), count - 1))

    def open_article(self, article_id: str) -> bool:
        """Shows the article, on its row when it is in the results."""
        row = self.model.row_of(article_id)
        if row >= 0:
            self.select_row(row)
            return True
        return self.show_article(article_id)

    def show_article(self, article_id: str) -> bool:
        """Shows the article in the reading pane, its hits marked; False if the archive has no such article."""
        article = self.fetch_article(article_id)
        if article is None:
            return False
        # What the search thread looked for with this query (None: made from the query's text).
        result = self.result
        pattern = result.pattern if result is not None and result.query == searched_text(self.query) else None
        self.pane.show_article(article, self.query, pattern)
        self._articles_shown += 1
        return True

    def open_current(self) -> None:
        """Enter on a result: its article in the reading pane, the keyboard there."""
        article_id = self.view.current_article_id()
        if article_id and self.show_article(article_id):
            self.pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_ids(self) -> list[str]:
        """The selected results, else the open article: what a citation, drag or export acts on."""
        ids = self.view.selected_article_ids()
        if not ids and self.pane.article is not None:
            ids = [self.pane.article.id]
        return ids

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._article_held:
            article_id = current.data(ID_ROLE)
            shown = self.pane.article
            if not article_id:
                return  # a placeholder row: its article comes with its ranked page (_rows_arrived)
            if shown is None or shown.id != article_id:
                self.show_article(article_id)

    def _rows_arrived(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """A placeholder row that was current got its article: show it."""
        current = self.view.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self._current_changed(current, current)

    def discard_pending(self) -> None:
        self.searches.discard_pending()
