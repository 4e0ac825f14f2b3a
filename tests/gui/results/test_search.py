"""Searching from the window: typing Persian, the count, "did you mean", sorting, Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import WAIT_MS, search, type_text
from viewer.core.persian_numbers import PERSIAN_DIGITS
from viewer.gui.results.model import ID_ROLE, ROW_ROLE
from viewer.search.archive import Archive


def expected(paths, text: str, tags: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    archive = Archive(paths)
    try:
        with archive.searcher() as searcher:
            return searcher.search(text, tags=tags, limit=1000, with_ids=True)
    finally:
        archive.close()


def test_typing_a_persian_query_character_by_character_shows_its_results(qtbot, window) -> None:
    box = window.search_bar.box
    box.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS,
                          check_params_cb=lambda result: result.query == "اصفهان"):
        type_text(box, "اصفهان")
    assert box.text() == "اصفهان"
    want = expected(window.paths, "اصفهان")
    assert want.total > 3
    model = window.results_model
    assert model.rowCount() == want.total
    assert {model.index(r).data(ID_ROLE) for r in range(model.rowCount())} == set(want.doc_ids)
    # Ranked first: the first rows are the searcher's best hits, with marked snippets.
    assert model.index(0).data(ID_ROLE) == want.hits[0].id
    assert "<b>" in model.index(0).data(ROW_ROLE).snippet
    label = window.search_bar.count_label.text()
    assert label == f"{want.total} نتیجه".translate(PERSIAN_DIGITS), (label, want.total)
    # The first result is opened with its hits marked.
    qtbot.waitUntil(lambda: window.article_pane.article is not None and window.article_pane.article.id == want.hits[0].id)
    assert window.article_pane.view.hits


def test_only_the_newest_query_is_shown(qtbot, window) -> None:
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS) as blocker:
        for text in ("تهران", "فوتبال", "اصفهان"):
            window.search(text)
    assert blocker.args[0].query == "اصفهان"
    qtbot.waitUntil(lambda: not window.search_pending)
    assert window.result.query == "اصفهان"


def test_a_misspelled_query_offers_a_clickable_suggestion(qtbot, window) -> None:
    search(qtbot, window, "اصفهن")
    bar = window.search_bar
    assert bar.suggestion == "اصفهان"
    assert bar.suggestion_label.isVisible()
    assert "اصفهان" in bar.suggestion_label.text()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        bar.suggestion_label.linkActivated.emit("suggest")
    assert bar.box.text() == "اصفهان"
    assert window.result.total == expected(window.paths, "اصفهان").total


def test_a_query_that_cannot_be_parsed_shows_a_message_not_a_traceback(qtbot, window) -> None:
    with qtbot.waitSignal(window.search_failed, timeout=WAIT_MS) as blocker:
        window.search("-")
    assert blocker.args[0]
    assert window.search_bar.count_label.text() == blocker.args[0]


def test_sort_by_date_reorders_and_keeps_the_count(qtbot, window) -> None:
    search(qtbot, window, "تهران")
    total = window.result.total
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.search_bar.sort_box.setCurrentIndex(1)
    assert window.search_bar.sort == "date"
    assert window.result.total == total


def test_ctrl_f_focuses_the_search_box(qtbot, window) -> None:
    window.activateWindow()
    window.results_view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_bar.box.hasFocus())


def test_a_query_without_results_clears_the_article(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    assert window.article_pane.article is not None
    search(qtbot, window, "qqqzzzxxx")
    assert window.result.total == 0 and window.results_model.rowCount() == 0
    assert window.article_pane.article is None
    assert window.search_bar.count_label.text() == "بدون نتیجه"
