"""Saved searches with their new matches after an indexing; citations on the clipboard and
reference lists written from the window; the results limited to articles with notes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.gui.conftest import WAIT_MS, search, type_text
from tests.gui.research.conftest import DATED, write_articles
from viewer.core.bidi import isolated


def _labels(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def test_a_saved_search_counts_new_matches_after_indexing_and_opening_resets_them(qtbot, dated_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    panel = win.research.saved
    search(qtbot, win, "سد")
    panel.name_box.setFocus()
    type_text(panel.name_box, "سدها")
    QTest.keyClick(panel.name_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _labels(panel) == [f"{isolated('سدها')} (۲)"], timeout=WAIT_MS)

    write_articles(tmp_path / "archive", [{"title": "سد لار پر شد", "text": ["سد لار پس از بارش پر شد."],
                                           "date": "2024-03-01"}], name="more.json")
    with qtbot.waitSignal(win.indexer.finished, timeout=WAIT_MS):
        win.index_folders()
    qtbot.waitUntil(lambda: _labels(panel) == [f"{isolated('سدها')} (۳، ۱ تازه)"], timeout=WAIT_MS)

    search(qtbot, win, "")
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert win.search_bar.box.text() == "سد"
    assert win.result.total == 3
    qtbot.waitUntil(lambda: _labels(panel) == [f"{isolated('سدها')} (۳)"], timeout=WAIT_MS)


def test_copy_citation_puts_a_persian_line_on_the_clipboard(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    search(qtbot, win, "تهران")
    win.results_view.setFocus()
    win.results_view.selectAll()
    assert win.research.actions.copy_citation.shortcut().toString() == "Ctrl+Shift+C"
    QTest.keySequence(win.results_view, win.research.actions.copy_citation.shortcut())
    text = QGuiApplication.clipboard().text()
    assert text == "ایسنا (۰۱ مرداد ۱۴۰۲ / 2023-07-23). «کم‌آبی در تهران». https://www.isna.ir/news/1402050100001"
    bibtex = win.research.actions.copy_as("bibtex")
    assert "title = {کم‌آبی در تهران}" in bibtex and QGuiApplication.clipboard().text() == bibtex


def test_the_selected_results_export_in_each_list_format(qtbot, dated_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    search(qtbot, win, "آب")
    win.results_view.selectAll()
    actions = win.research.actions
    chosen = win.research.library.require_articles(win.selected_ids())
    assert len(chosen) == win.result.total == len(DATED)
    assert actions.export_to(tmp_path / "list.csv", "csv", chosen) == len(DATED)
    rows = list(csv.DictReader((tmp_path / "list.csv").read_text("utf-8-sig").splitlines()))
    assert {r["title"] for r in rows} == {str(a["title"]) for a in DATED}
    actions.export_to(tmp_path / "list.json", "csl-json", chosen)
    items = json.loads((tmp_path / "list.json").read_text("utf-8"))
    assert {i["type"] for i in items} == {"article-newspaper"} and len(items) == len(DATED)
    actions.export_to(tmp_path / "list.ris", "ris", chosen)
    assert (tmp_path / "list.ris").read_text("utf-8").count("TY  - NEWS") == len(DATED)
    actions.export_to(tmp_path / "list.bib", "bibtex", chosen)
    assert (tmp_path / "list.bib").read_text("utf-8").count("@article{") == len(DATED)
    assert actions.export_to(tmp_path / "no-such-folder" / "x.csv", "csv", chosen) == 0  # a message, no traceback
    assert win.statusBar().currentMessage()


def test_only_articles_with_notes(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    library = win.research.library
    noted = next(a for a in library.articles() if a.title == "آب شهریور")
    library.add_comment(noted.id, "برای فصل دوم", author="آزمون")
    box = win.research.notes_only
    box.setFocus()
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        QTest.keyClick(box, Qt.Key.Key_Space)
    assert [hit.title for hit in win.result.hits] == ["آب شهریور"]
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        QTest.keyClick(box, Qt.Key.Key_Space)
    assert win.result.total == len(DATED)
