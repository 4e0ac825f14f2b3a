"""Issue 30: a search's first rows come with the snippets of the rows on screen only; the first page's
rows below the screen get theirs right after, before the count — the same snippets the one-step search
gives. Making twenty snippets was half of the worker's time before a keystroke's first rows."""

from __future__ import annotations

from tests.gui.conftest import WAIT_MS
from viewer.core.results import SearchResult
from viewer.gui.results.model import ROW_ROLE
from viewer.gui.results.search_steps import FIRST_PAGE

QUERY = "ک* OR کتاب~"  # 49 of the 51 sample articles: more than a first page


def test_rows_below_the_screen_get_their_snippets_before_the_count(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1000, 520)
    qtbot.waitUntil(lambda: window.results_view.rows_on_screen() is not None, timeout=WAIT_MS)
    on_screen = window.results_view.rows_on_screen()
    assert on_screen is not None and on_screen + 1 < FIRST_PAGE
    expected = window.library.search(QUERY, limit=FIRST_PAGE)
    assert len(expected.hits) == FIRST_PAGE and all(hit.snippet for hit in expected.hits)
    firsts: list[SearchResult] = []
    snipped: list[SearchResult] = []
    window.rows_shown.connect(firsts.append)
    window.searching.steps.snippets_made.connect(snipped.append)

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS) as counted:
        window.search(QUERY)
    first = firsts[-1]
    assert [hit.id for hit in first.hits] == [hit.id for hit in expected.hits]
    made = on_screen + 1
    assert [hit.snippet for hit in first.hits[:made]] == [hit.snippet for hit in expected.hits[:made]]
    assert not any(hit.snippet for hit in first.hits[made:])  # not waited for
    assert len(snipped) == 1 and snipped[0].hits == expected.hits  # before the count, with every snippet
    assert [hit.snippet for hit in counted.args[0].hits] == [hit.snippet for hit in expected.hits]
    model = window.results_model
    assert [model.index(r).data(ROW_ROLE).snippet for r in range(FIRST_PAGE)] == [
        hit.snippet.replace("\n", " ") for hit in expected.hits]
