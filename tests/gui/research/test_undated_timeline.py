"""Issue 32 item 1 in the window: a saved page whose sentences mention years gets no date, so the
timeline keeps to the dated matches and says how many have none ("undated: N")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import search, started_window
from tests.gui.research.conftest import DATED, write_articles
from tests.importers.test_page_dates import NEWS_PAGE
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths


@pytest.fixture
def window_with_saved_page(qtbot, gui_app: QApplication, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    archive = write_articles(tmp_path / "archive", DATED)
    # A saved page about water whose sentences mention 2001, 2003 and «۱۱ دی ۱۳۸۶», with no date of its own.
    (archive / "saved-page.html").write_text(NEWS_PAGE.format(head="", date_line="").replace("کتاب", "آب"), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    settings = Settings(paths.settings_path)
    settings.set("folders", [str(archive)])
    settings.save()
    win = started_window(qtbot, paths, until=lambda w: w.result.total == len(DATED) + 1)
    yield win
    win.close()


def test_the_timeline_counts_the_undated_matches_apart(qtbot, window_with_saved_page) -> None:  # type: ignore[no-untyped-def]
    win = window_with_saved_page
    search(qtbot, win, "آب")
    assert win.result.total == 7
    timeline = win.research.timeline
    assert timeline.isVisible()
    # The saved page did not stretch the timeline back to 1379 (2001): the dated JSON articles' months only.
    assert timeline.months == ["1402-04", "1402-05", "1402-06", "1402-07", "1402-08", "1402-09"]
    assert timeline.undated == 2  # the saved page and the JSON article without a date
    assert timeline.undated_text() == "بی‌تاریخ: ۲"
    assert timeline.accessibleDescription() == "بی‌تاریخ: ۲"
