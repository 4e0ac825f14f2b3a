"""Count later (issue 21): the window shows a search's first rows as soon as they are ranked; the
total, the tag facets, the timeline and the other matches come in a second step, which a newer
keystroke discards. Until they come the count says «…» and no older query's facets are shown.

The second step is held on the search worker (as test_stale_search.py holds the first) to look at
the window between the two."""

from __future__ import annotations

import threading

import pytest

from tests.gui.conftest import WAIT_MS, type_text
from viewer.core.errors import CancelledError
from viewer.core.persian_numbers import persian_digits
from viewer.gui.results.model import ROW_ROLE
from viewer.gui.results.search_controller import searched_text
from viewer.gui.results.search_steps import FIRST_PAGE
from viewer.gui.results.tag_model import COUNT_ROLE, TAG_ROLE

COUNTED_APART = "ک* OR کتاب~"  # 49 of the 51 sample articles: a fuzzy word is ranked by Whoosh and counted apart
WORD = "تهران"  # 15 articles: ranked and counted in one pass


class HeldCount:
    """Wraps the Library's second step: the one for `query` waits for `release`; records outcomes."""

    def __init__(self, library, monkeypatch: pytest.MonkeyPatch, query: str):  # type: ignore[no-untyped-def]
        self.real = library.summarize
        self.query = query
        self.entered, self.release = threading.Event(), threading.Event()
        self.outcomes: list[tuple[str, str]] = []
        monkeypatch.setattr(library, "summarize", self._held)

    def _held(self, query: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if query == self.query:
            self.entered.set()
            self.release.wait(WAIT_MS / 1000)
        try:
            summary = self.real(query, *args, **kwargs)
        except CancelledError:
            self.outcomes.append((query, "cancelled"))
            raise
        self.outcomes.append((query, "done"))
        return summary


def _tags(window) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    model = window.tag_model
    return [(model.index(r).data(TAG_ROLE), model.index(r).data(COUNT_ROLE)) for r in range(model.rowCount())]


def _ids(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.results_model
    return [model.article_id(r) for r in range(model.rowCount())]


def test_the_first_rows_come_before_the_count_and_the_facets(qtbot, window, monkeypatch) -> None:
    library = window.library
    expected = library.search(COUNTED_APART, limit=FIRST_PAGE, with_ids=True)
    assert expected.total > FIRST_PAGE and expected.facets != library.search(searched_text(""), limit=1).facets
    held = HeldCount(library, monkeypatch, COUNTED_APART)
    assert _tags(window)  # every article's tags, from the search at start

    with qtbot.waitSignal(window.first_page_shown, timeout=WAIT_MS):
        window.search(COUNTED_APART)
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT_MS)
    # The first rows, ranked with their snippets, and the first article, while the count is held.
    assert _ids(window) == [hit.id for hit in expected.hits]
    assert window.results_model.index(0).data(ROW_ROLE).snippet == expected.hits[0].snippet.replace("\n", " ")
    shown_article = window.article_pane.article
    assert shown_article is not None and shown_article.id in _ids(window)  # the one read before stays, if it matches
    assert window.search_pending and not window.result.total_exact
    assert window.search_bar.count_label.text() == "… نتیجه"
    assert _tags(window) == []  # not the older query's facets

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        held.release.set()
    assert held.outcomes == [(COUNTED_APART, "done")]
    assert not window.search_pending and window.result.total_exact
    assert window.search_bar.count_label.text() == f"{persian_digits(expected.total)} نتیجه"
    assert _tags(window) == expected.facets
    # Every match is a row now: the first page, then the rest waiting for their ranked page.
    assert window.results_model.rowCount() == expected.total
    assert _ids(window)[:FIRST_PAGE] == [hit.id for hit in expected.hits]
    assert sorted(window.result.doc_ids) == sorted(expected.doc_ids)
    assert window.article_pane.article.id == shown_article.id  # the article did not move


def test_a_count_the_ranking_already_made_comes_with_the_first_rows(qtbot, window, monkeypatch) -> None:
    library = window.library
    expected = library.search(WORD, limit=FIRST_PAGE)
    held = HeldCount(library, monkeypatch, WORD)
    with qtbot.waitSignal(window.first_page_shown, timeout=WAIT_MS):
        window.search(WORD)
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT_MS)
    assert window.search_bar.count_label.text() == f"{persian_digits(expected.total)} نتیجه"
    assert _tags(window) == expected.facets
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        held.release.set()
    assert _tags(window) == expected.facets and window.results_model.rowCount() == expected.total


def test_a_newer_keystroke_discards_the_older_count(qtbot, window, monkeypatch) -> None:
    library = window.library
    box = window.search_bar.box
    held = HeldCount(library, monkeypatch, COUNTED_APART)
    shown: list[tuple[str, str, str, list[tuple[str, int]]]] = []  # (step, its query, the box's, the tags beside)
    window.first_page_shown.connect(lambda r: shown.append(("rows", r.query, searched_text(box.text()), _tags(window))))
    window.results_shown.connect(lambda r: shown.append(("count", r.query, searched_text(box.text()), _tags(window))))

    box.setFocus()
    box.setText(COUNTED_APART)
    window.search_bar.search_now()
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT_MS)
    box.selectAll()
    type_text(box, WORD)  # the first keystroke makes the held count stale
    held.release.set()
    qtbot.waitUntil(lambda: window.result is not None and window.result.query == WORD and not window.search_pending,
                    timeout=WAIT_MS)

    assert held.outcomes[0] == (COUNTED_APART, "cancelled")  # stopped, not finished for nobody
    assert [(step, query) for step, query, _, _ in shown] == [("rows", COUNTED_APART), ("rows", WORD), ("count", WORD)]
    assert all(query == box_query for _, query, box_query, _ in shown[1:])  # nothing stale beside the new box
    facets = library.search(WORD, limit=1).facets
    assert all(tags in ([], facets) for _, _, _, tags in shown)  # never the prefix's facets
    assert _tags(window) == facets
    assert window.search_bar.count_label.text() == f"{persian_digits(library.search(WORD).total)} نتیجه"
