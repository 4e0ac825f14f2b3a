"""Opening an archive (issue 30): the first search's rows come before the sync of the folders starts
(on a large archive that sync read the whole manifest beside the search, seconds before the first
rows), the sync still runs after it, and an older Bayegan's archive (its JSON manifest alone) shows
the files of its articles."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gui.conftest import WAIT_MS
from tests.search.duplicate_articles import STORY, STORY_TITLE, STORY_URL, as_json_item, as_text
from viewer.app.library import Library
from viewer.app.settings import FOLDERS, Settings
from viewer.core.paths import DataPaths
from viewer.search.indexing.manifest import COPIED_FILES_NAME


def test_the_first_rows_come_before_the_sync_and_an_older_archive_lists_its_files(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.window.main_window import MainWindow

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a-story saved.txt").write_text(as_text(STORY_TITLE, STORY), "utf-8")
    (archive / "b-dataset.json").write_text(json.dumps([as_json_item(STORY_TITLE, STORY, STORY_URL)],
                                                       ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    with Library(paths) as library:
        library.sync([archive])
    (paths.index_dir / COPIED_FILES_NAME).unlink()  # as an older Bayegan left the archive
    (archive / "c-new.txt").write_text(as_text("خبری که پس از بستن پنجره رسید", ["متن کوتاه خبر تازه دربارهٔ باران."]),
                                       "utf-8")
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(archive)])
    settings.save()

    win = MainWindow(paths, Settings(paths.settings_path))
    qtbot.addWidget(win)
    indexing_at_first_rows: list[bool] = []
    win.first_page_shown.connect(lambda _result: indexing_at_first_rows.append(
        win.indexer is not None and (win.indexer.busy or win.indexer.running > 0)))
    win.show()
    win.start(query="")
    qtbot.waitUntil(lambda: bool(indexing_at_first_rows), timeout=WAIT_MS)
    assert indexing_at_first_rows[0] is False
    assert win.article_pane.article is not None and win.article_pane.article.title == STORY_TITLE
    assert [Path(p).name for p in win.article_pane.copies.sources] == ["a-story saved.txt", "b-dataset.json"]

    # The sync follows the first search, and its new article is searched for again.
    qtbot.waitUntil(lambda: win.library is not None and win.library.article_count == 2 and not win.indexer.busy
                    and not win.search_pending and win.result is not None and win.result.total == 2, timeout=WAIT_MS)
    win.close()
