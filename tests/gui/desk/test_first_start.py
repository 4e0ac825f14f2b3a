"""First start (issue 26, item 8): on a fresh data folder the window indexes the bundled sample and
says so with a welcome that offers the researcher's own folder; the sample's licence and readme
(not articles) raise no warning; adding the first folder says in words what was added and that the
sample's articles left the index; the status bar's count of files not taken in agrees with its
list; the progress total never goes back."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import WAIT_MS, opened_window, started_window
from viewer.core.paths import DataPaths

ITEMS = [{"title": f"گزارش آزمایشی شمارهٔ {n} از بایگان پژوهشگر", "link": f"https://example.org/mine/{n}",
          "paragraphs": [f"متن خبر آزمایشی {n} دربارهٔ کتابخانهٔ ملی و بایگانی اسناد."]} for n in range(6)]


def persian(count: int) -> str:
    return str(count).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def _first_start(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on a fresh data folder (no folder chosen), the sample indexed."""
    paths = DataPaths.resolve(tmp_path / "fresh-data").ensure()
    return started_window(qtbot, paths, auto_index=True)


def test_first_start_welcomes_with_the_sample_and_warns_of_nothing(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _first_start(qtbot, tmp_path)
    # The sample's licence and readme are not articles, and not the researcher's problem.
    assert not window.archive.problems_button.isVisible(), window.archive.problems_button.text()
    assert "نمونه" in window.statusBar().currentMessage()  # "51 sample articles added"
    # The welcome names the sample and offers the researcher's folder.
    welcome = window.archive.welcome
    assert welcome.isVisible()
    assert "نمونه" in welcome.text.text() and "نمونه" in welcome.explore_button.text()
    assert welcome.add_button.text() == "افزودن پوشهٔ بایگانی شما…"
    assert welcome.add_button.accessibleName() and welcome.explore_button.accessibleName()
    window.close()


def test_the_first_folder_replaces_the_sample_and_says_so(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _first_start(qtbot, tmp_path)
    sample_count = window.library.article_count
    assert sample_count > 40
    # The researcher's first folder: one article file, one broken file, one of a type not read.
    folder = tmp_path / "my-archive"
    folder.mkdir()
    (folder / "news.jsonl").write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in ITEMS), "utf-8")
    (folder / "broken.json").write_bytes(b"\x00\x01 not a json file")
    (folder / "scan-list.xyz").write_text("not an article", "utf-8")
    totals: list[int] = []
    window.indexer.progress.connect(lambda _done, total, _path: totals.append(total))
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as finished:
        window.set_folders([str(folder)])
    report = finished.args[0]
    assert report.added == len(ITEMS) and report.removed == sample_count  # the sample left the index
    message = window.statusBar().currentMessage()
    print(message)
    assert "۶ خبر افزوده شد" in message
    assert persian(sample_count) + " خبر نمونه از نمایه برداشته شد" in message
    assert "پوشه‌های شما جای نمونه را گرفتند" in message
    assert totals and totals == sorted(totals), totals  # the total never went back

    # The status bar's button and the list it opens say the same numbers in the same words.
    button = window.archive.problems_button
    assert button.isVisible()
    dialog = button.show_list()
    heading = next(label for label in dialog.findChildren(QLabel) if "پرونده" in label.text())
    assert button.text().rstrip("…") == heading.text().rstrip("."), (button.text(), heading.text())
    assert button.text().startswith("۱ پرونده خوانده نشد؛ از ۱ پرونده گذشتیم")
    assert len(dialog.listed()) == 2
    dialog.close()
    window.close()


def test_explore_the_sample_puts_the_welcome_away(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _first_start(qtbot, tmp_path)
    welcome = window.archive.welcome
    assert welcome.isVisible()
    qtbot.mouseClick(welcome.explore_button, Qt.MouseButton.LeftButton)
    assert not welcome.isVisible()
    assert window.archive.shows_sample  # still the sample, only the notice went
    window.close()


def test_while_the_sample_is_indexed_the_list_does_not_call_the_archive_empty(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The first seconds: the sample is being indexed and the list is empty — it says so, not that the
    archive is empty (under a welcome that says it holds the sample)."""
    paths = DataPaths.resolve(tmp_path / "fresh-data").ensure()
    window = opened_window(qtbot, paths)  # back once the archive is open and indexing has started
    notice = window.empty_notice
    assert window.indexer.busy and notice.indexing
    notice.show_for("", 0)  # what a search of the still empty index shows
    empty = QCoreApplication.translate("EmptyNotice", "The archive is empty. Add a folder of articles from the File menu.")
    assert notice.text() != empty and "نمایه" in notice.text()
    qtbot.waitUntil(lambda: not window.indexer.busy and window.result is not None and not window.search_pending,
                    timeout=WAIT_MS)
    assert not notice.indexing and not notice.isVisible()  # the sample's articles are listed
    notice.show_for("", 0)
    assert notice.text() == empty
    window.close()
