"""The research panels are handed the search and the archive, not the window (issue 31): composed in a
plain widget with the two controllers, they open with the archive, search in a collection, and follow
the timeline to a period."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from tests.gui.conftest import WAIT_MS
from tests.gui.research.conftest import DATED
from viewer.app.library import Library
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths
from viewer.gui.archive.controller import ArchiveController
from viewer.gui.article.pane import ArticlePane
from viewer.gui.common.tasks import TaskRunner
from viewer.gui.research.panels import ResearchPanels
from viewer.gui.results.empty_notice import EmptyNotice
from viewer.gui.results.model import ResultsModel
from viewer.gui.results.search_bar import SearchBar
from viewer.gui.results.search_controller import SearchController
from viewer.gui.results.tag_model import TagModel
from viewer.gui.results.view import ResultsView


def test_the_research_panels_work_on_the_controllers_alone(qtbot, gui_app: QApplication,  # type: ignore[no-untyped-def]
                                                           dated_paths: DataPaths) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    worker, background = TaskRunner(1, owner), TaskRunner(2, owner)
    archive = ArchiveController(Library(dated_paths, Settings(dated_paths.settings_path)), QStatusBar(owner),
                                background, auto_index=True, parent=owner)
    bar, tags = SearchBar(owner), TagModel(owner)
    view = ResultsView(ResultsModel(archive.article, owner, run=worker.run), owner)
    pane = ArticlePane(owner)
    search = SearchController(bar, tags, view, pane, EmptyNotice(view), worker, archive.opened_library, owner)
    archive.opened.connect(search.search_again)
    archive.synced.connect(lambda _report: search.search_again())  # as the window does after indexing
    search.results_shown.connect(lambda _result: archive.first_search_done())  # the sync at start, as the window
    messages: list[str] = []
    research = ResearchPanels(search, archive, worker.run, owner, messages.append)
    assert not research.panel.isEnabled()

    with qtbot.waitSignal(archive.synced, timeout=WAIT_MS):
        archive.open()
    qtbot.waitUntil(lambda: search.result is not None and search.result.total == len(DATED) and not search.pending,
                    timeout=WAIT_MS)
    assert research.panel.isEnabled() and research.library is archive.library

    ids = [hit.id for hit in search.result.hits[:2]]
    research.library.collections.create("تابستان")
    research.library.collections.add("تابستان", ids)
    research.collections.reload()
    research.collections.collection_chosen.emit("تابستان")
    qtbot.waitUntil(lambda: search.result.total == 2 and not search.pending, timeout=WAIT_MS)
    assert {hit.id for hit in search.result.hits} == set(ids)

    research.collections.collection_chosen.emit(None)
    qtbot.waitUntil(lambda: search.result.total == len(DATED) and not search.pending, timeout=WAIT_MS)
    research.timeline.range_chosen.emit("1402-08", "1402-09")  # 2023-11-21 and 2023-11-22
    qtbot.waitUntil(lambda: not search.pending and search.result.total == 2, timeout=WAIT_MS)
    assert "از:" in bar.box.text() or "from:" in bar.box.text()

    search.discard_pending()
    archive.stop_indexing()
    worker.wait()
    archive.close()
