"""A search's result put on the window, in the two steps it arrives in (search_steps.py): the
first rows, then the count, tag facets and timeline. Until they are counted the count says «…»,
the tag panel lists only the ticked tags without counts and the timeline is empty, so neither
ever shows an older query's figures beside the new rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.core.results import SearchResult

if TYPE_CHECKING:
    from viewer.gui.main_window import MainWindow
    from viewer.gui.search_steps import SearchRequest


def show_first_page(window: MainWindow, result: SearchResult, request: SearchRequest) -> None:
    """The first rows, and the article: the one asked for, the one shown when still in the results,
    else the first. Facets and the count only when the first step had them exactly (a cheap count)."""
    window.result = result
    window.counted = result.total_exact
    current_id = window.article_pane.article.id if window.article_pane.article else None
    window.results_model.set_result(result, request.ranked_page)
    if result.total_exact:
        window.tag_model.set_facets(result.facets)
        window.search_bar.show_count(result.total, result.took_ms)
    else:
        window.tag_model.set_pending()
        window.search_bar.show_count_pending()
    window.empty_notice.show_for(window.query, result.total)  # no hit on the first page: nothing matches
    window.search_bar.set_dates_available(any(hit.date for hit in result.hits))
    window.search_bar.show_suggestion(result.suggestion)
    requested, window.pending_open = window.pending_open, None
    wanted = requested or current_id
    row = window.results_model.row_of(wanted) if wanted else -1
    if row >= 0:
        window._select_row(row)
    elif requested and window._open_article(requested):
        pass  # `--open ID` outside the results: shown anyway
    elif window.results_model.rowCount():
        window._select_row(0)
    else:
        window.article_pane.show_article(None)  # nothing matches: no stale article beside "0 results"
    window.first_page_shown.emit(result)


def show_counted(window: MainWindow, result: SearchResult) -> None:
    """The search is complete: every matching row (placeholders until their ranked page), the total,
    the facets (unless the first page had them: the tag list does not move twice) and the timeline."""
    window.search_pending = False
    window.result = result
    shown = window.article_pane.article.id if window.article_pane.article else None
    window.results_model.add_matches(result)
    row = window.results_model.row_of(shown) if shown else -1
    if row >= 0 and window.results_view.currentIndex().row() != row:
        window._select_row(row)  # the rows regrouped into stories: the article's row again
    if not window.counted:
        window.tag_model.set_facets(result.facets)
    window.counted = True
    window.search_bar.show_count(result.total, result.took_ms)
    window.empty_notice.show_for(window.query, result.total)
    window.search_bar.show_suggestion(result.suggestion)
    window.results_shown.emit(result)
