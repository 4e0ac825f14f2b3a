"""Copies in the window: a result row counts its near duplicates that match too; the reading pane
lists the files holding the article and links its near duplicates (issue 20)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

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


class _Hides(QObject):
    """Counts the times a widget is hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide:
            self.count += 1
        return False


def test_a_search_shows_its_first_article_once_with_its_copies_bar_kept(qtbot, copies_window) -> None:
    """Typing is answered sooner when the first row's article is laid out once: not shown a second time
    when its row becomes current, and its copies bar not hidden and shown again (each a layout of the pane)."""
    win = copies_window
    search(qtbot, win, "زاینده‌رود کشاورزان")
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS):
        win.open_article(_row(win, STORY_TITLE).id)
    bar = win.article_pane.copies
    assert bar.isVisible() and [s.title for s in bar.similar] == [REPUBLISHED_TITLE]
    shown: list[str] = []
    win.article_pane.article_shown.connect(shown.append)
    hides = _Hides()
    bar.installEventFilter(hides)
    search(qtbot, win, "ایرنا دوشنبه")  # the republication alone: its row becomes the current one
    republished = _row(win, REPUBLISHED_TITLE).id
    assert shown == [republished]
    assert hides.count == 0
    assert bar.isVisible() and [s.title for s in bar.similar] == [STORY_TITLE]
