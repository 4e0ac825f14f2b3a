"""Indexing from the window: progress and cancel in the status bar, changed files picked up at
start, the bundled sample shown when no folder is chosen."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import write_items
from tests.gui.conftest import WAIT_MS, opened_window, started_window
from viewer.app.settings import LAST_QUERY, Settings
from viewer.core.paths import DataPaths
from viewer.core.persian_numbers import PERSIAN_DIGITS
from viewer.gui.window.main_window import MainWindow

FILES = 8
PER_FILE = 6


@pytest.fixture
def corpus_folder(tmp_path: Path, corpus_items: dict[str, list[dict]]) -> Path:
    items = [item for name in sorted(corpus_items) for item in corpus_items[name][:30]]
    folder = tmp_path / "archive"
    for i in range(FILES):
        write_items(folder / f"part-{i:02d}.json", items[i * PER_FILE:(i + 1) * PER_FILE])
    return folder


def open_window(qtbot, paths: DataPaths, folders: list[str], auto_index: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    return started_window(qtbot, paths, folders, auto_index=auto_index)


def test_indexing_shows_progress_and_can_be_cancelled(qtbot, gui_app, tmp_path: Path, corpus_folder: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(corpus_folder)], auto_index=False)
    indexer, status = window.indexer, window.indexing_status
    assert indexer is not None and window.library is not None
    # Hold the worker inside its first progress report until the cancel button was clicked.
    gate = threading.Event()
    indexer.progress.connect(lambda *_: gate.wait(WAIT_MS / 1000), Qt.ConnectionType.DirectConnection)
    window.index_folders()
    qtbot.waitUntil(lambda: status.isVisible() and status.bar.maximum() == FILES, timeout=WAIT_MS)
    assert "part-00.json" in status.label.text()
    with qtbot.waitSignal(indexer.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        assert not status.cancel_button.isEnabled()
        gate.set()
    assert not status.isVisible()
    assert window.library.article_count == 0  # cancelled: the index is as it was
    # ... and the window says so: a new archive stays empty (not "the index is as it was").
    assert "خالی" in window.statusBar().currentMessage()

    with qtbot.waitSignal(indexer.finished, timeout=WAIT_MS) as done:
        window.index_folders()
    assert done.args[0].added == FILES * PER_FILE
    assert window.library.article_count == FILES * PER_FILE
    qtbot.waitUntil(lambda: window.result is not None and window.result.total == FILES * PER_FILE and not window.search_pending,
                    timeout=WAIT_MS)
    assert window.archive.article_count_label.text().startswith(str(FILES * PER_FILE).translate(PERSIAN_DIGITS))
    window.close()


def test_changed_files_are_picked_up_at_start(qtbot, gui_app, tmp_path: Path, corpus_folder: Path,
                                             corpus_items: dict[str, list[dict]]) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(corpus_folder)], auto_index=False)
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.index_folders()
    window.close()

    changed = corpus_folder / "part-03.json"
    items = json.loads(changed.read_text("utf-8"))
    extra = corpus_items[sorted(corpus_items)[-1]][-1]
    write_items(changed, [*items, extra])
    window = open_window(qtbot, paths, [str(corpus_folder)], auto_index=False)
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as done:
        window.index_folders()
    report = done.args[0]
    assert report.added == 1 and report.removed == 0
    assert report.unchanged == FILES * PER_FILE
    window.close()


def test_with_no_folder_the_bundled_sample_is_indexed_and_shown(qtbot, gui_app, tmp_path: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = opened_window(qtbot, paths, "اصفهان")
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as done:
        pass
    assert done.args[0].added > 40
    qtbot.waitUntil(lambda: window.result is not None and window.result.total > 3 and not window.search_pending, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.article_pane.article is not None)
    window.close()
    assert Settings(paths.settings_path).get(LAST_QUERY) == "اصفهان"


def test_replacing_the_folders_reindexes_without_the_old_ones(qtbot, gui_app, tmp_path: Path,
                                                             corpus_items: dict[str, list[dict]]) -> None:
    names = sorted(corpus_items)
    first, second = tmp_path / "first", tmp_path / "second"
    write_items(first / "a.json", corpus_items[names[0]][:5])
    write_items(second / "b.json", corpus_items[names[-1]][:7])
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(first)], auto_index=False)
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.index_folders()
    assert window.library.article_count == 5
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.set_folders([str(second)])
    assert Settings(paths.settings_path).folders == [str(second)]
    assert window.library.article_count == 7
    qtbot.waitUntil(lambda: window.result is not None and window.result.total == 7 and not window.search_pending, timeout=WAIT_MS)
    assert {window.results_model.row_data(r).source for r in range(7)} == {str((second / "b.json").resolve())}
    window.close()


def test_the_folders_dialog_adds_and_removes(qtbot, gui_app, tmp_path: Path) -> None:
    from viewer.gui.archive.folders_dialog import FoldersDialog

    dialog = FoldersDialog(["/a"])
    qtbot.addWidget(dialog)
    dialog.add_folder(str(tmp_path))
    dialog.add_folder(str(tmp_path))
    assert dialog.folders() == ["/a", str(tmp_path)]
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.folders() == [str(tmp_path)]


def test_folders_indexed_from_the_command_line_become_the_windows_folders(qtbot, gui_app, tmp_path: Path,
                                                                        corpus_items: dict[str, list[dict]]) -> None:
    from viewer.search.archive import Archive

    folder = tmp_path / "cli-archive"
    write_items(folder / "a.json", corpus_items[sorted(corpus_items)[0]][:4])
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    archive = Archive(paths)
    archive.sync([folder])
    archive.close()
    window = opened_window(qtbot, paths)
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as done:
        pass
    assert done.args[0].added == 0  # the sample was not mixed in
    assert Settings(paths.settings_path).folders == [str(folder.resolve())]
    assert window.library.article_count == 4
    window.close()


def test_files_not_taken_in_are_listed_with_their_reasons(qtbot, gui_app, tmp_path: Path,
                                                          corpus_items: dict[str, list[dict]]) -> None:
    from viewer.core.results import SyncReport
    from viewer.gui.archive.import_problems import ImportProblemsDialog

    folder = tmp_path / "archive"
    write_items(folder / "good.json", corpus_items[sorted(corpus_items)[0]][:3])
    (folder / "broken.json").write_text('[{"title": "نیمه', "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(folder)], auto_index=False)
    button = window.archive.problems_button
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.index_folders()
    assert button.isVisible() and button.text().startswith("۱")
    dialog = button.show_list()  # the window's child, deleted when closed
    ((path, reason),) = dialog.listed()
    assert path.endswith("broken.json") and reason
    assert dialog.tree.topLevelItem(0).child(0).text(0).startswith("\u2066")  # a left-to-right run
    dialog.close()
    # Files of a type Bayegan does not read come in the report's `skipped` list: listed too.
    report = SyncReport(failed=[{"path": "/a/broken.json", "error": "Not JSON."}],
                        skipped=[{"path": "/a/scan.pdf", "reason": "PDF is not read."}])
    button.show_report(report)
    assert button.text().startswith("۱ پرونده خوانده نشد؛ از ۱ پرونده گذشتیم")  # each named as the list names it
    listed = ImportProblemsDialog(report.failed, report.skipped, window)
    assert listed.listed() == [("/a/broken.json", "Not JSON."), ("/a/scan.pdf", "PDF is not read.")]
    with qtbot.waitSignal(window.indexer.started, timeout=WAIT_MS):
        window.index_folders()
    assert not button.isVisible()  # a new run: the old list is gone
    qtbot.waitUntil(lambda: not window.indexer.busy, timeout=WAIT_MS)
    window.close()


def test_cancel_is_not_offered_once_only_saving_is_left(qtbot, gui_app, tmp_path: Path, corpus_folder: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(corpus_folder)], auto_index=False)
    status = window.indexing_status
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.index_folders()
        status._started()
        status._progress(1058, 1062, str(corpus_folder / "part-03.json"))
        assert status.cancel_button.isEnabled()
        assert "۱٬۰۵۸" in status.label.text() and "۱٬۰۶۲" in status.label.text()  # Persian digits
        status._progress(FILES, FILES, "")  # every file read: the index is being written
        assert not status.cancel_button.isEnabled() and status.label.text() == "نوشتن نمایه…"
    with qtbot.waitSignal(window.indexer.cancelled, timeout=WAIT_MS):
        window.set_folders([str(corpus_folder), str(tmp_path)])
        window.indexer.cancel()
    assert "۴۸" in window.statusBar().currentMessage()  # the articles that are on disk
    window.close()


def test_progress_in_the_status_bar_counts_the_articles_of_one_large_file(qtbot, gui_app, tmp_path: Path,
                                                                        corpus_items: dict[str, list[dict]]) -> None:
    """One JSONL file of many articles: the bar advances article by article (it used to stay at
    0 of 1 file until the whole file was written), in Persian digits."""
    items = [item for name in sorted(corpus_items) for item in corpus_items[name]][:80]
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "news.jsonl").write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in items), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(folder)], auto_index=False)
    status = window.indexing_status
    seen: list[tuple[int, int, str]] = []
    window.indexer.progress.connect(lambda done, total, _path: seen.append((done, total, status.label.text())))
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as finished:
        window.index_folders()
    articles = finished.args[0].added + finished.args[0].duplicates
    assert articles > 40
    dones = [done for done, _total, _text in seen]
    assert dones == sorted(dones) and seen[-1][:2] == (articles, articles)
    assert len(set(dones)) > articles // 2
    assert status.bar.maximum() == articles and status.bar.value() == articles
    middle = next(text for done, _total, text in seen if 0 < done < articles)
    assert "news.jsonl" in middle and not any(ch.isascii() and ch.isdigit() for ch in middle.replace("news.jsonl", ""))
    window.close()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_a_scan_read_by_ocr_shows_its_pages_in_the_status_bar(qtbot, gui_app, tmp_path: Path) -> None:
    """A two-page scan: the status bar says which page OCR reads, in Persian digits, and its bar
    counts the pages (the total only grows; the last report is the article and its two pages)."""
    from tests.importers.scans import render_page

    folder = tmp_path / "scans"
    folder.mkdir()
    first = render_page("بازگشایی کتابخانهٔ ملی", ["کتابخانهٔ ملی ایران پس از مرمت بازگشایی شد."], width=800)
    second = render_page("", ["تالار مطبوعات قدیمی دوباره باز می‌شود."], width=800)
    first.save(folder / "edition.tif", save_all=True, append_images=[second])
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    window = open_window(qtbot, paths, [str(folder)], auto_index=False)
    status = window.indexing_status
    told: list[str] = []
    totals: list[int] = []
    window.indexer.page_progress.connect(lambda *_: told.append(status.label.text()))
    window.indexer.page_progress.connect(lambda _done, total, *_: totals.append(total))
    window.indexer.progress.connect(lambda _done, total, _path: totals.append(total))
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS) as finished:
        window.index_folders()
    assert finished.args[0].added == 1
    print(told)
    assert [text.split(" — ")[0] for text in told] == ["نویسه‌خوانی صفحهٔ ۱ از ۲", "نویسه‌خوانی صفحهٔ ۲ از ۲"]
    assert all("edition.tif" in text for text in told)
    assert totals == sorted(totals) and totals[-1] == 3, totals
    assert status.bar.maximum() == 3 and status.bar.value() == 3
    window.close()
