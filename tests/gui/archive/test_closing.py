"""Closing the window while it indexes: the sync is cancelled (also inside a large file), nothing
touches the closed archive afterwards, and the index on disk is the one from before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import write_items
from tests.gui.conftest import WAIT_MS, opened_window
from viewer.app.settings import FOLDERS, Settings
from viewer.core.errors import CancelledError
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive


def _count(archive: Archive) -> int:
    with archive.searcher() as searcher:
        count = searcher.doc_count
    archive.close()
    return count


@pytest.fixture
def big_file(tmp_path: Path, corpus_items: dict[str, list[dict]]) -> Path:
    items = [item for name in sorted(corpus_items) for item in corpus_items[name]]
    return write_items(tmp_path / "incoming" / "everything.json", items)


@pytest.mark.no_window
def test_a_sync_is_cancelled_between_the_articles_of_one_file(tmp_path: Path, big_file: Path) -> None:
    archive = Archive(DataPaths.resolve(tmp_path / "data").ensure())
    asked = []

    def cancel() -> bool:  # asked once before the file; cancelled when asked again, inside it
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(CancelledError):
        archive.sync([big_file.parent], cancel=cancel)
    assert len(json.loads(big_file.read_text("utf-8"))) > len(asked)
    assert _count(archive) == 0


def test_closing_while_indexing_cancels_and_leaves_the_index_as_it_was(
        qtbot, gui_app, data_paths: DataPaths, big_file: Path) -> None:
    count_before = _count(Archive(data_paths))
    assert count_before > 0
    settings = Settings(data_paths.settings_path)
    settings.set(FOLDERS, [*settings.folders, str(big_file.parent)])
    settings.save()
    window = opened_window(qtbot, data_paths, auto_index=False)
    indexer = window.indexer
    assert indexer is not None
    failures: list[object] = []
    indexer.failed.connect(failures.append)
    finished: list[object] = []
    indexer.finished.connect(finished.append)
    # The worker waits in its first report until the window asks it to stop.
    indexer.progress.connect(lambda *_: indexer._cancel.wait(WAIT_MS / 1000), Qt.ConnectionType.DirectConnection)
    window.index_folders()
    qtbot.waitUntil(lambda: window.indexing_status.isVisible(), timeout=WAIT_MS)
    window.close()
    assert window.library is None and not window.isVisible()
    qtbot.wait(200)  # late results of the worker are delivered now: none may touch the closed archive
    assert failures == [] and finished == []
    assert _count(Archive(data_paths)) == count_before
