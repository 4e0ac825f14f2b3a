"""The reading pane's layout: Persian body text aligned right and never letter-spaced; a very
long article laid out in parts (the rest behind "show more"), never all at once."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor

from viewer.core.article import Article, Block, BlockKind
from viewer.gui.article.pane import ArticlePane
from viewer.gui.article.view import SHOWN_CHARS

WORDS = ["خبرگزاری", "اصفهان", "می‌شود", "گزارش", "پرسپولیس", "ایران", "۱۴۰۲", "دانشگاه"]


def one_paragraph(chars: int, seed: int = 19) -> Article:
    print("seed", seed)
    rng = random.Random(seed)
    text = " ".join(rng.choice(WORDS) for _ in range(chars // 5))[:chars]
    return Article(title="مقالهٔ بلند", blocks=[Block(BlockKind.LEAD, "لید کوتاه"), Block(BlockKind.PARAGRAPH, text)],
                   id="long")


def test_body_paragraphs_are_aligned_right_and_never_justified(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(560, 600)
    pane.show()
    pane.show_article(one_paragraph(3000))
    doc = pane.view.document()
    block, bodies = doc.begin(), 0
    while block.isValid():
        alignment = block.blockFormat().alignment()
        assert not alignment & Qt.AlignmentFlag.AlignJustify, block.text()[:40]
        if "اصفهان" in block.text() or "گزارش" in block.text():
            bodies += 1
            assert alignment & (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTrailing)
        block = block.next()
    assert bodies == 1


def test_a_very_long_article_is_cut_with_a_notice_and_shows_more_on_request(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(560, 600)
    pane.show()
    article = one_paragraph(300_000)
    pane.show_article(article, "اصفهان")
    view = pane.view
    doc_chars = view.document().characterCount()
    assert doc_chars < SHOWN_CHARS + 2_000  # not the 300,000 characters
    assert view.layout_map.shown_chars == SHOWN_CHARS and view.layout_map.total_chars == len(article.text)
    plain = view.toPlainText()
    assert "۳۰٬۰۰۰" in plain and "۳۰۰٬۰۱۰" in plain  # the notice, in Persian digits
    assert view.hits and all(end <= SHOWN_CHARS for _start, end in view.hits)
    assert article.text[:SHOWN_CHARS] in plain

    view._on_anchor(QUrl("more:"))
    assert view.layout_map.shown_chars == 2 * SHOWN_CHARS
    assert article.text[:2 * SHOWN_CHARS] in view.toPlainText()

    # A note far past the cut is still reached: the pane lays out up to it.
    far = len(article.text) // 2
    view.select_offsets(far, far + 10)
    assert view.layout_map.shown_chars >= far + 10
    assert view.selection_offsets() == (far, far + 10)
    assert view.textCursor().selectedText() == article.text[far:far + 10]


def test_highlights_are_painted_in_place_without_laying_the_article_out_again(qtbot, gui_app) -> None:
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(one_paragraph(5000))
    view = pane.view
    layout = view.layout_map  # a rebuild makes a new one
    view.set_highlights([(10, 20, "#a5d6a7")])

    def background(offset: int) -> str:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.layout_map.to_position(offset) + 1)
        brush = cursor.charFormat().background()
        return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""

    assert background(12) == "#a5d6a7" and background(30) == ""
    view.set_highlights([(30, 40, "#fff176")])
    assert background(12) == "" and background(32) == "#fff176"
    assert view.layout_map is layout
