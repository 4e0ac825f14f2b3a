"""A search's rows before its article (issue 30): the first rows are painted, their first row current,
before that row's article is laid out in the reading pane (~45 ms of each typed search at 200,000
articles); the article follows in the same step, and the hits' copies come with the count."""

from __future__ import annotations

from tests.gui.conftest import WAIT_MS, search
from viewer.core.results import SearchResult

WORD = "تهران"  # 15 sample articles


def test_the_rows_are_painted_before_their_article_is_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    before = window.article_pane.article.id
    at_rows: list[tuple[str, str, str]] = []
    at_page: list[tuple[str, str]] = []
    model = window.results_model
    window.rows_shown.connect(lambda result: at_rows.append(
        (model.article_id(0), window.results_view.current_article_id(), window.article_pane.article.id)))
    window.first_page_shown.connect(lambda result: at_page.append(
        (window.results_view.current_article_id(), window.article_pane.article.id)))
    with qtbot.waitSignal(window.first_page_shown, timeout=WAIT_MS) as shown:
        window.search_bar.set_query(WORD)
        window.search_bar.search_now()
    first = shown.args[0].hits[0].id
    assert first != before  # the query's first row is another article than the one shown
    assert at_rows == [(first, first, before)]  # its rows and current row, the article not yet
    assert at_page == [(first, first)]  # then its article
    qtbot.waitUntil(lambda: not window.search_pending, timeout=WAIT_MS)


def test_the_hits_copies_come_with_the_count_and_equal_one_whole_search(qtbot, copies_window) -> None:  # type: ignore[no-untyped-def]
    window = copies_window
    query = "کشاورزان"  # the story, its republication (its near duplicate) and a related article
    first_pages: list[SearchResult] = []
    window.first_page_shown.connect(first_pages.append)
    search(qtbot, window, query)
    whole = window.library.search(query, limit=20, with_ids=True)
    shown = window.result
    assert [(h.id, h.copies) for h in shown.hits] == [(h.id, h.copies) for h in whole.hits]
    assert any(h.copies for h in whole.hits)  # the story's copies match too
    assert not any(h.copies for h in first_pages[-1].hits)  # not worked out before the first rows
