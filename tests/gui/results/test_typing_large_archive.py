"""Typing against a large archive: every keystroke reaches the box, each shown result belongs to what
the box says at that moment (never an older query's), and the last keystroke's result is shown."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, started_window, type_text
from tests.search.generated_corpus import article
from viewer.core.paths import DataPaths
from viewer.gui.results.search_bar import DEBOUNCE_MS
from viewer.gui.results.search_controller import searched_text

pytestmark = pytest.mark.slow
SEED = 2126
ARTICLES = 4000
QUERIES = ("کتاب‌های دانشگاه", "رئیس مجلس", "بازار نفت ایران", '"قیمت‌ها بازار"', "فوتبال بازی‌ها", "انتخابات -مجلس")


@pytest.fixture(scope="module")
def large_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(corpus folder, data folder) of ARTICLES generated articles, indexed once."""
    from viewer.search.archive import Archive

    print("seed", SEED)
    rng = random.Random(SEED)
    root = tmp_path_factory.mktemp("large")
    corpus = root / "corpus"
    corpus.mkdir()
    per_file = 500
    for part in range(ARTICLES // per_file):
        items = [article(rng, part * per_file + i) for i in range(per_file)]
        (corpus / f"part-{part}.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    data = root / "data"
    archive = Archive(DataPaths.resolve(data).ensure())
    report = archive.sync([corpus])
    archive.close()
    assert report.added == ARTICLES
    return corpus, data


@pytest.fixture
def large_window(qtbot, gui_app: QApplication, large_archive: tuple[Path, Path], tmp_path: Path):  # type: ignore[no-untyped-def]
    corpus, data = large_archive
    target = tmp_path / "data"
    shutil.copytree(data, target)
    return started_window(qtbot, DataPaths.resolve(target).ensure(), [str(corpus)])


def test_typing_shows_only_results_of_what_the_box_says(qtbot, large_window) -> None:
    window = large_window
    box = window.search_bar.box
    rng = random.Random(SEED)
    shown: list[tuple[str, str]] = []  # (the result's query, the box's query when it was shown)
    for signal in (window.first_page_shown, window.results_shown):  # the first rows, then the count and facets
        signal.connect(lambda result: shown.append((result.query, searched_text(box.text()))))
    for query in QUERIES:
        box.setFocus()
        box.selectAll()
        before = len(shown)
        for ch in query:
            type_text(box, ch)
            # Some keys come faster than the debounce, some slower, so searches start mid-word and
            # are overtaken by the next key.
            qtbot.wait(rng.randint(0, 2 * DEBOUNCE_MS))
        assert box.text() == query  # no keystroke lost
        qtbot.waitUntil(lambda q=query: window.result is not None and window.result.query == q
                        and not window.search_pending, timeout=WAIT_MS)
        assert len(shown) > before
        assert shown[-1][0] == query
        assert window.result.total > 0, query
    stale = [(got, wanted) for got, wanted in shown if got != wanted]
    assert stale == []
