"""Copies in the window: a result row counts its near duplicates that match too; the reading pane
lists the files holding the article and links its near duplicates (issue 20)."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import WAIT_MS, search
from tests.search.duplicate_articles import RELATED_TITLE, REPUBLISHED_TITLE, STORY_TITLE
from viewer.gui.results.model import ROW_ROLE


def _row(win, title: str):  # type: ignore[no-untyped-def]
    model = win.results_model
    rows = [model.index(r).data(ROW_ROLE) for r in range(model.rowCount())]
    return next(row for row in rows if row.title == title)


def test_a_row_counts_its_near_duplicates_and_the_pane_lists_files_and_variants(qtbot, copies_window) -> None:
    win = copies_window
    search(qtbot, win, "زاینده‌رود کشاورزان")
    rows = [win.results_model.index(r).data(ROW_ROLE) for r in range(win.results_model.rowCount())]
    # the story and its republication are one row with "1 copy" (the other under it while shown)
    assert sorted(row.copies for row in rows if not row.child) == [0, 1]
    assert _row(win, RELATED_TITLE).copies == 0
    assert not win.results_view.grab().isNull()  # rows painted with their "۱ نسخهٔ دیگر"

    story = _row(win, STORY_TITLE)
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS):
        win.open_article(story.id)
    bar = win.article_pane.copies
    qtbot.waitUntil(lambda: bar.isVisible() and bar.similar != [], timeout=WAIT_MS)
    assert [Path(p).name for p in bar.sources] == ["isna.json", "story saved.txt"]
    assert "۲" in bar.text() and "story saved.txt" in bar.text() and REPUBLISHED_TITLE in bar.text()
    assert [s.title for s in bar.similar] == [REPUBLISHED_TITLE]

    republished_id = bar.similar[0].id
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS) as shown:
        bar.linkActivated.emit(f"article:{republished_id}")
    assert shown.args == [republished_id] and win.article_pane.article.title == REPUBLISHED_TITLE
    assert len(bar.sources) == 1 and "files" not in bar.text() and "پرونده" not in bar.text()
    assert [s.title for s in bar.similar] == [STORY_TITLE]

    related = _row(win, RELATED_TITLE)
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS):
        win.open_article(related.id)
    assert not bar.isVisible()
