"""Rows past the first page of hits come in the search's order (relevance or date), fetched off the
UI thread as the list scrolls; a newer search discards the late pages of an older one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, search, started_window
from viewer.core.paths import DataPaths
from viewer.gui.results.model import ROW_ROLE
from viewer.gui.results.search_steps import FIRST_PAGE
from viewer.search.archive import Archive
from viewer.search.results.searcher import ArchiveSearcher

WORD = "تیم"  # in 180 of the 200 articles of tests/data/corpus/news-json/varzesh3-1.json


@pytest.fixture(scope="module")
def sports_archive(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> DataPaths:
    """A data folder with varzesh3-1.json indexed (read only by these tests)."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("sports")).ensure()
    archive = Archive(paths)
    archive.sync([corpus_dir / "varzesh3-1.json"])
    archive.close()
    return paths


@pytest.fixture
def searcher(sports_archive: DataPaths) -> Iterator[ArchiveSearcher]:
    archive = Archive(sports_archive)
    with archive.searcher() as s:
        yield s
    archive.close()


@pytest.fixture
def sports_window(qtbot, gui_app: QApplication, sports_archive: DataPaths):  # type: ignore[no-untyped-def]
    win = started_window(qtbot, sports_archive, auto_index=False)
    yield win
    win.close()


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_rows_past_the_first_page_come_in_the_searchers_order(qtbot, sports_window, searcher, sort: str) -> None:
    win, model = sports_window, sports_window.results_model
    win.search_bar.set_sort(sort)
    search(qtbot, win, WORD)
    ranked = [hit.id for hit in searcher.search(WORD, limit=151, sort=sort).hits]
    assert model.rowCount() == win.result.total > 150
    assert [model.article_id(r) for r in range(FIRST_PAGE)] == ranked[:FIRST_PAGE]
    # Index order (what the rows past the first page used to show) differs from the ranked order here.
    index_order = [i for i in win.result.doc_ids if i not in set(ranked[:FIRST_PAGE])]
    assert index_order[:151 - FIRST_PAGE] != ranked[FIRST_PAGE:151]

    win.results_view.scrollTo(model.index(150))  # the view paints rows 1xx: the next page is asked for
    qtbot.waitUntil(lambda: model.ordered_rows > 150, timeout=WAIT_MS)
    assert [model.article_id(r) for r in range(FIRST_PAGE, 151)] == ranked[FIRST_PAGE:151]
    titles = [model.index(r).data(ROW_ROLE).title for r in (100, 125, 150)]
    assert titles == [searcher.article(ranked[r]).title for r in (100, 125, 150)]


def test_a_placeholder_row_fills_in_and_opens_its_article_when_its_page_arrives(qtbot, sports_window, searcher) -> None:
    win, model = sports_window, sports_window.results_model
    win.search_bar.set_sort("relevance")
    search(qtbot, win, WORD)
    assert model.article_id(120) == ""  # not ranked yet
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        win.searching.select_row(120)  # keyboard stepping reaches a placeholder row
    wanted = [hit.id for hit in searcher.search(WORD, limit=121).hits][120]
    assert model.article_id(120) == wanted
    qtbot.waitUntil(lambda: win.article_pane.article is not None and win.article_pane.article.id == wanted, timeout=WAIT_MS)


def test_a_newer_search_discards_the_late_page_of_an_older_one(qtbot, gui_app, sports_window, searcher) -> None:
    win, model = sports_window, sports_window.results_model
    win.search_bar.set_sort("relevance")
    search(qtbot, win, WORD)
    model.index(150).data(ROW_ROLE)  # asks for the relevance page (queued on the search worker)
    # Before it arrives, the list shows the same word sorted by date.
    by_date = searcher.search(WORD, limit=FIRST_PAGE, sort="date", with_ids=True)
    model.set_result(by_date, lambda limit: searcher.ranked_ids(WORD, sort="date", limit=limit))
    win.search_worker.wait()
    gui_app.processEvents()  # the relevance page is delivered now, and dropped
    assert model.ordered_rows == FIRST_PAGE
    assert [model.article_id(r) for r in range(FIRST_PAGE + 1)] == [hit.id for hit in by_date.hits] + [""]

    model.index(150).data(ROW_ROLE)
    qtbot.waitUntil(lambda: model.ordered_rows > 150, timeout=WAIT_MS)
    assert [model.article_id(r) for r in range(100, 151)] == searcher.ranked_ids(WORD, sort="date", limit=151)[100:]
