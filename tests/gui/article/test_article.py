"""The reading pane: opening an article, its layout, hits and their navigation, selection offsets
and highlights for the notes panel, links and zoom."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from tests.gui.conftest import WAIT_MS, search
from viewer.analysis.normalize import fold_word
from viewer.core.article import Article, Block, BlockKind
from viewer.core.persian_numbers import PERSIAN_DIGITS
from viewer.gui.article.pane import ArticlePane


def test_clicking_a_result_opens_its_article_right_to_left(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    view = window.results_view
    index = window.results_model.index(1)
    wanted = window.results_model.article_id(1)
    with qtbot.waitSignal(window.article_pane.article_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert shown.args == [wanted]
    article = window.article_pane.article
    assert article is not None and article.id == wanted
    text = window.article_pane.view.toPlainText()
    assert article.title in text
    for block in article.blocks:
        assert block.text in text
    doc = window.article_pane.view.document()
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert "Vazirmatn" in doc.defaultFont().family()


def test_hits_are_marked_and_f3_steps_through_them(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    pane = window.article_pane
    view = pane.view
    qtbot.waitUntil(lambda: pane.article is not None)
    hits = view.hits
    assert len(hits) >= 2
    assert all(fold_word(pane.article.text[a:b]) == fold_word("اصفهان") for a, b in hits)
    assert len(view.extraSelections()) == len(hits)
    assert pane.counter.text() == f"0/{len(hits)}".translate(PERSIAN_DIGITS)

    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert pane.hit_counter_text() == f"1/{len(hits)}"
    assert view.textCursor().position() == view.layout_map.to_position(hits[0][0])
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert pane.hit_counter_text() == f"2/{len(hits)}"
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.hit_counter_text() == f"{len(hits)}/{len(hits)}"  # wraps around
    assert view.textCursor().position() == view.layout_map.to_position(hits[-1][0])


def test_every_spelling_of_an_inflected_word_is_marked(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    text_block = "کتاب‌ها را خواندم. کتابهای تازه و کتاب ها آمد؛ کتابخانه نه."
    pane.show_article(Article("عنوان", [Block(BlockKind.PARAGRAPH, text_block)], id="x"), "کتاب")
    marked = [text_block[a:b] for a, b in pane.view.hits]
    assert marked == ["کتاب‌ها", "کتابهای", "کتاب ها"]


def article_with_emoji() -> Article:
    return Article(
        title="آزمون 😀 عنوان",
        blocks=[Block(BlockKind.LEAD, "سرآغاز با 😀 شکلک"), Block(BlockKind.HEADING, "میان‌تیتر"),
                Block(BlockKind.PARAGRAPH, "بند 😀😀 اول اصفهان"), Block(BlockKind.PARAGRAPH, "بند دوم اصفهان زیبا")],
        tags=["اصفهان", "شهر"], url="https://example.com/news/1", code="427178",
        date=datetime(2024, 3, 2, 10, 0), source="/x/archive/news.txt", id="emoji")


def test_selection_offsets_are_python_offsets_into_article_text(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    article = article_with_emoji()
    pane.show_article(article, "اصفهان")
    view = pane.view
    text = article.text
    for word in ("اصفهان زیبا", "اول", "شکلک", "میان‌تیتر"):
        start = text.index(word)
        view.select_offsets(start, start + len(word))
        assert view.textCursor().selectedText() == word
        assert view.selection_offsets() == (start, start + len(word))
    # Across a block boundary, the selection maps back to the "\n"-joined text.
    start, end = text.index("اول"), text.index("دوم") + 3
    view.select_offsets(start, end)
    assert view.selection_offsets() == (start, end)
    assert [text[a:b] for a, b in view.hits] == ["اصفهان", "اصفهان"]


def test_highlights_are_char_formats_on_the_given_ranges(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    article = article_with_emoji()
    pane.show_article(article)
    start = article.text.index("اول")
    pane.view.set_highlights([(start, start + 3, "#ffeb3b")])
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.layout_map.to_position(start) + 1)
    assert cursor.charFormat().background().color() == QColor("#ffeb3b")
    cursor.setPosition(pane.view.layout_map.to_position(start + 4) + 1)
    assert cursor.charFormat().background().color() != QColor("#ffeb3b")
    pane.view.set_highlights([])
    cursor.setPosition(pane.view.layout_map.to_position(start) + 1)
    assert cursor.charFormat().background().color() != QColor("#ffeb3b")


def test_the_pane_shows_meta_jalali_date_and_loads_nothing_remote(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show_article(article_with_emoji())
    view = pane.view
    text = view.toPlainText()
    assert "۱۲ اسفند ۱۴۰۲" in text and "۲۰۲۴-۰۳-۰۲" in text  # Persian UI: Persian digits, Gregorian too
    assert "۴۲۷۱۷۸" in text and "news.txt" in text and "https://example.com/news/1" in text
    assert view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("https://example.com/a.png")) is None
    assert not view.openLinks() and not view.openExternalLinks()


def test_zoom_changes_the_text_size(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show_article(article_with_emoji())
    before = pane.view.document().defaultFont().pointSizeF()
    pane.zoom_in_button.click()
    assert pane.view.document().defaultFont().pointSizeF() > before
    pane.zoom_out_button.click()
    pane.zoom_out_button.click()
    assert pane.view.document().defaultFont().pointSizeF() < before


def test_article_shown_is_emitted_with_the_id(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.article_shown) as blocker:
        pane.show_article(article_with_emoji())
    assert blocker.args == ["emoji"]


def test_open_id_at_start_shows_that_article_even_outside_the_results(qtbot, gui_app, data_paths) -> None:
    from viewer.app.settings import Settings
    from viewer.gui.window.main_window import MainWindow
    from viewer.search.archive import Archive

    archive = Archive(data_paths)
    with archive.searcher() as searcher:
        matching = set(searcher.search("اصفهان", limit=1, with_ids=True).doc_ids)
        outside = next(a.id for a in searcher.articles() if a.id not in matching)
    archive.close()
    window = MainWindow(data_paths, Settings(data_paths.settings_path), auto_index=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.start(query="اصفهان", open_id=outside)
    assert window.results_model.row_of(outside) < 0
    assert window.article_pane.article is not None and window.article_pane.article.id == outside
    window.close()


def test_escape_clears_the_query_and_shows_every_article(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    few = window.result.total
    window.search_bar.box.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClick(window.search_bar.box, Qt.Key.Key_Escape)
    assert window.search_bar.box.text() == ""
    assert window.result.total > few


def test_a_prefix_query_marks_the_words_it_matched(qtbot, window) -> None:
    search(qtbot, window, "اصفه*")
    pane = window.article_pane
    qtbot.waitUntil(lambda: pane.article is not None)
    marked = {pane.article.text[a:b] for a, b in pane.view.hits}
    assert marked and all(fold_word(word).startswith(fold_word("اصفه")) for word in marked)
