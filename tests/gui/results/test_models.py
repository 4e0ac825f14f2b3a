"""The custom models pass qtmodeltester; the results model stays lazy at 40,000 rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from tests.gui.conftest import search
from viewer.core.results import Hit, SearchResult
from viewer.gui.results.delegate import ResultDelegate
from viewer.gui.results.model import ID_ROLE, ROW_ROLE, ResultsModel
from viewer.gui.results.tag_model import TAG_ROLE, TagModel


def test_results_model_passes_qtmodeltester(qtmodeltester, qtbot, window) -> None:
    search(qtbot, window, "تهران")
    assert window.results_model.rowCount() > 0
    qtmodeltester.check(window.results_model, force_py=True)


def test_tag_model_passes_qtmodeltester(qtmodeltester, qtbot, window) -> None:
    search(qtbot, window, "")
    window.tag_model.set_checked(window.result.facets[0][0], True)
    qtmodeltester.check(window.tag_model, force_py=True)


def test_tag_filter_proxy_passes_qtmodeltester(qtmodeltester, qtbot, window) -> None:
    search(qtbot, window, "")
    window.tag_panel.filter_box.setText("تهران")
    qtmodeltester.check(window.tag_panel.proxy, force_py=True)


@pytest.mark.no_window
def test_an_empty_tag_model_passes_qtmodeltester(qtmodeltester, gui_app) -> None:
    qtmodeltester.check(TagModel(), force_py=True)


@pytest.mark.no_window
def test_checked_tags_stay_listed_when_new_facets_lack_them(gui_app) -> None:
    model = TagModel()

    def listed() -> list[str]:
        return [model.index(r).data(TAG_ROLE) for r in range(model.rowCount())]

    model.set_facets([("ورزش", 5), ("فوتبال", 3)])
    model.set_checked("فوتبال")
    model.set_facets([("سیاست", 2)])  # the tick's own search: nothing moves
    assert listed() == ["ورزش", "فوتبال", "سیاست"]
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.set_facets([("سیاست", 2)])  # a new query: the checked tag first, then the facets
    assert listed() == ["فوتبال", "سیاست"]
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def big_result(count: int) -> SearchResult:
    hits = [Hit(id=f"id{i}", title=f"خبر رتبه {i}", score=1.0, tags=["ورزش"], snippet="<b>تهران</b> و اصفهان",
                source="a.json") for i in range(100)]
    ids = [f"id{i}" for i in range(count)]
    return SearchResult("تهران", hits, count, doc_ids=ids)


def test_forty_thousand_results_fetch_only_the_rows_on_screen(qtbot, gui_app) -> None:
    from viewer.core.article import Article, Block, BlockKind

    fetched: list[str] = []

    def fetch(article_id: str) -> Article:
        fetched.append(article_id)
        return Article(f"عنوان {article_id}", [Block(BlockKind.LEAD, "سرآغاز خبر")], tags=["شهر"], id=article_id)

    model = ResultsModel(fetch)
    view = _shown_results_view(model, qtbot)
    model.set_result(big_result(40_000))
    assert model.rowCount() == 40_000
    assert model.index(0).data(ID_ROLE) == "id0"
    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(fetched) > 0)
    assert len(fetched) < 60  # rows on screen, not 39,900
    last = model.index(39_999).data(ROW_ROLE)
    assert last.title == "عنوان id39999" and last.tags == ["شهر"]
    # Row data is cached: asking again does not fetch again.
    count = len(fetched)
    model.index(39_999).data(ROW_ROLE)
    assert len(fetched) == count


@pytest.mark.no_window
def test_results_model_over_a_big_result_passes_qtmodeltester(qtmodeltester, gui_app) -> None:
    from viewer.core.article import Article, Block, BlockKind

    model = ResultsModel(lambda i: Article(i, [Block(BlockKind.PARAGRAPH, "متن")], id=i))
    model.set_result(big_result(300))
    qtmodeltester.check(model, force_py=True)
    model.set_result(None)
    assert model.rowCount() == 0


def test_forty_thousand_ranked_results_page_in_a_few_requests_and_stay_lazy(qtmodeltester, qtbot, gui_app) -> None:
    from viewer.core.article import Article, Block, BlockKind
    from viewer.gui.common.tasks import TaskRunner

    fetched: list[str] = []
    limits: list[int] = []

    def fetch(article_id: str) -> Article:
        fetched.append(article_id)
        return Article(f"عنوان {article_id}", [Block(BlockKind.LEAD, "سرآغاز خبر")], id=article_id)

    result = big_result(40_000)
    ranked = list(result.doc_ids[:100]) + list(result.doc_ids[:99:-1])  # past the hits: reverse index order

    def pages(limit: int) -> list[str]:
        limits.append(limit)
        return ranked[:limit]

    runner = TaskRunner(max_threads=1)
    model = ResultsModel(fetch, run=runner.run)
    view = _shown_results_view(model, qtbot)
    model.set_result(result, pages)
    assert model.index(39_999).data(ID_ROLE) == ""  # a placeholder until its page comes
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.ordered_rows == 40_000)
    qtbot.waitUntil(lambda: len(fetched) > 0)
    assert len(limits) <= 3 and len(fetched) < 60
    assert model.index(39_999).data(ID_ROLE) == "id100"
    assert model.index(100).data(ID_ROLE) == "id39999"
    qtmodeltester.check(model, force_py=True)
    runner.wait()


def _shown_results_view(model: ResultsModel, qtbot) -> QListView:  # type: ignore[no-untyped-def]
    """A shown list view painting `model` with the window's delegate, as the results pane does."""
    view = QListView()
    view.setUniformItemSizes(True)
    view.setItemDelegate(ResultDelegate(view))
    view.setModel(model)
    view.resize(500, 700)
    qtbot.addWidget(view)
    view.show()
    return view
