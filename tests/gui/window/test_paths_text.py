"""Paths, file names and URLs inside the right-to-left interface stay left-to-right runs (Unicode
isolates): the folder list, the indexing label, the reading pane's source line and the PDF's
running header; one folder given twice (with a trailing slash) is one folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from viewer.core.article import Article, Block, BlockKind
from viewer.export.pdf import header_option
from viewer.gui.archive.folders_dialog import FoldersDialog
from viewer.gui.article.pane import ArticlePane

LRI, PDI = "\u2066", "\u2069"


def test_the_folder_list_shows_paths_as_left_to_right_runs_and_once(qtbot, gui_app, tmp_path: Path) -> None:
    folder = tmp_path / "آرشیو" / "news"
    folder.mkdir(parents=True)
    dialog = FoldersDialog([str(folder)])
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == f"{LRI}{folder}{PDI}"
    assert dialog.folders() == [str(folder)]
    dialog.add_folder(str(folder) + "/")
    dialog.add_folder(str(tmp_path / "آرشیو" / "." / "news"))
    assert dialog.folders() == [str(folder)]


def test_the_window_keeps_one_entry_for_a_folder_given_twice(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    before = list(window.settings.folders)
    window.set_folders([*before, str(folder), str(folder) + "/"])
    assert window.settings.folders == [*before, str(folder)]
    qtbot.waitUntil(lambda: not window.indexer.busy, timeout=60_000)


def test_file_names_in_the_reading_pane_and_the_pdf_header_are_isolated(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    article = Article(title="خبر", blocks=[Block(BlockKind.PARAGRAPH, "متن")], source="/home/me/خبرها/000_fc9a.txt",
                      url="https://example.org/a?b=1", id="a")
    pane.show_article(article)
    text = pane.view.toPlainText()
    assert f"{LRI}000_fc9a.txt{PDI}" in text and f"{LRI}https://example.org/a?b=1{PDI}" in text
    assert header_option("000_fc9a.txt").textDirection() == Qt.LayoutDirection.LeftToRight
    assert header_option("روابط تجاری اصفهان").textDirection() == Qt.LayoutDirection.RightToLeft
    assert header_option("000_fc9a.txt").alignment() & Qt.AlignmentFlag.AlignRight
