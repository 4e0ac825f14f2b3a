"""What stands between opening the window and its first rows (issue 30): the index and its searchers
open off the UI thread, begun while the window is built; the saved searches' counts (a search each,
on the search worker) wait until the first search is shown; and an index changed between building
the window and starting it is searched as it is now, not as it was when the opening began."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.gui.conftest import WAIT_MS
from tests.search.duplicate_articles import as_json_item
from viewer.app.library import Library
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths
from viewer.search.results import searcher as searcher_module


def test_no_searcher_is_opened_on_the_ui_thread_before_the_first_rows(  # type: ignore[no-untyped-def]
        qtbot, gui_app, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.gui.window.main_window import MainWindow

    opened_on_ui_thread: list[bool] = []
    real_init = searcher_module.ArchiveSearcher.__init__

    def noting_thread(self, ix) -> None:  # type: ignore[no-untyped-def]
        opened_on_ui_thread.append(threading.current_thread() is threading.main_thread())
        real_init(self, ix)

    monkeypatch.setattr(searcher_module.ArchiveSearcher, "__init__", noting_thread)
    win = MainWindow(data_paths, Settings(data_paths.settings_path))
    qtbot.addWidget(win)
    shown: list[int] = []
    win.first_page_shown.connect(lambda _result: shown.append(len(opened_on_ui_thread)))
    win.show()
    win.start(query="")
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert win.article_pane.article is not None  # the first row's article is shown with the rows
    assert opened_on_ui_thread[:shown[0]] and not any(opened_on_ui_thread[:shown[0]])
    qtbot.waitUntil(lambda: not win.search_pending and not win.indexer.busy, timeout=WAIT_MS)
    win.close()


def test_the_saved_searches_are_counted_after_the_first_rows(qtbot, gui_app, data_paths: DataPaths) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.window.main_window import MainWindow

    with Library(data_paths) as library:
        library.saved_searches.add("تهران", "تهران")
        library.saved_searches.add("همه", "*")
    win = MainWindow(data_paths, Settings(data_paths.settings_path))
    qtbot.addWidget(win)
    happened: list[str] = []
    win.first_page_shown.connect(lambda _result: happened.append("rows"))
    saved_list = win.research.saved.list
    saved_list.model().rowsInserted.connect(lambda *_args: happened.append("saved"))
    win.show()
    win.start(query="")
    qtbot.waitUntil(lambda: saved_list.count() == 2, timeout=WAIT_MS)
    assert happened[0] == "rows"
    qtbot.waitUntil(lambda: not win.search_pending and not win.indexer.busy, timeout=WAIT_MS)
    win.close()


def test_an_index_changed_after_the_window_was_built_is_searched_as_it_is_now(  # type: ignore[no-untyped-def]
        qtbot, gui_app, data_paths: DataPaths, tmp_path: Path) -> None:
    """The opening begins when the window is built; `bayegan index` may change the index before the
    window is started (or a test may): the first search must not come from the older searchers."""
    from viewer.gui.window.main_window import MainWindow

    win = MainWindow(data_paths, Settings(data_paths.settings_path), auto_index=False)
    qtbot.addWidget(win)
    win.background.wait()  # the opening began with the window: its searchers are open
    later = tmp_path / "later"
    later.mkdir()
    (later / "late.json").write_text(json.dumps([as_json_item(
        "خبری دربارهٔ زرافه‌های باغ وحش", ["زرافه‌ها امروز به باغ وحش تازه رسیدند و مردم به دیدنشان رفتند."],
        "https://example.com/giraffes")], ensure_ascii=False), "utf-8")
    with Library(data_paths) as other:
        other.sync([later])
    win.show()
    with qtbot.waitSignal(win.first_page_shown, timeout=WAIT_MS) as shown:
        win.start(query="زرافه")
    assert [hit.title for hit in shown.args[0].hits] == ["خبری دربارهٔ زرافه‌های باغ وحش"]
    qtbot.waitUntil(lambda: not win.search_pending, timeout=WAIT_MS)
    win.close()
