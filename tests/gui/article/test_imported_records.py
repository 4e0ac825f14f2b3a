"""Issue 32 items 2, 3 and 5 in the window, on files indexed by the window itself: a Chromium PDF
without a title listed under its heading, Telegram posts with their links, and an article whose
lead held a line break shown whole in the reading pane."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, search, started_window
from tests.importers.test_pdf import DATA, UNTITLED_PAGE_TITLE
from tests.importers.test_shown_as_indexed import FIRST, LAST, LEAD_FIRST, LEAD_SECOND, write_archive
from tests.importers.test_telegram import _write, signed_channel_export
from viewer.core.paths import DataPaths


@pytest.fixture
def records_window(qtbot, gui_app: QApplication, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    archive = write_archive(tmp_path / "archive")
    shutil.copy(DATA / "untitled-page-chromium.pdf", archive / "saved-page.pdf")
    telegram = _write(archive, signed_channel_export())
    assert telegram.parent.parent == archive
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    win = started_window(qtbot, paths, [str(archive)], until=lambda w: w.result.total == 7)
    yield win
    win.close()


def _shown(qtbot, win) -> str:  # type: ignore[no-untyped-def]
    pane = win.article_pane
    qtbot.waitUntil(lambda: pane.article is not None and pane.article.id == win.results_model.article_id(0),
                    timeout=WAIT_MS)
    return str(pane.view.toPlainText())


def test_the_reading_pane_shows_what_search_finds(qtbot, records_window) -> None:  # type: ignore[no-untyped-def]
    win = records_window
    search(qtbot, win, '"نیمی از لیست 55 نفره"')
    assert win.result.total == 1
    text = _shown(qtbot, win)
    assert f"{LEAD_FIRST} {LEAD_SECOND}" in text and FIRST in text and LAST in text
    assert win.article_pane.article.text == f"{LEAD_FIRST} {LEAD_SECOND}\n{FIRST}\n{LAST}"


def test_an_untitled_pdf_is_listed_under_its_heading(qtbot, records_window) -> None:  # type: ignore[no-untyped-def]
    win = records_window
    search(qtbot, win, "خواجو")
    assert [hit.title for hit in win.result.hits] == [UNTITLED_PAGE_TITLE]
    text = _shown(qtbot, win)
    assert "untitled-page.html" not in text and "file://" not in text


def test_telegram_posts_show_their_links(qtbot, records_window) -> None:  # type: ignore[no-untyped-def]
    win = records_window
    search(qtbot, win, "دلار")
    assert [hit.title for hit in win.result.hits] == ["قیمت دلار کاهش یافت"]
    text = _shown(qtbot, win)
    assert "https://t.me/SampleNews/11" in text
