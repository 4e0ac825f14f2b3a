"""Pictures stand in the reading pane where they stood in the text (issue 27), at paragraph
boundaries, and take nothing from it: notes' highlights, selections and search hits anchor by offsets
into the article's text and land on the same words with pictures in between (an emoji before them
too: Qt counts UTF-16 units). A highlight across a picture leaves the picture and its caption as they are;
copied, the passage is the article's text without them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from tests.gui.notes.reading_desk import shown_article_view, shown_notes_panel
from viewer.app.library import Library
from viewer.core.article import Article, Block, BlockKind, Picture
from viewer.core.paths import DataPaths
from viewer.gui.article.pictures import picture_formats
from viewer.gui.article.view import ArticleView
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.note_format import HIGHLIGHT_COLOURS
from viewer.gui.notes.panel import NotesPanel

LEAD = "وزیر راه 🚢 امروز از طرح‌های تازهٔ بندر شهید رجایی بازدید کرد."
HEADING = "ساخت اسکله"
BODY = "به گفتهٔ او ساخت اسکلهٔ تازه تا پایان سال به پایان می‌رسد و ظرفیت بندر دو برابر می‌شود."
LAST = "کار ساخت دو اسکلهٔ دیگر نیز از بهار آینده آغاز خواهد شد."
CAPTION = "اسکلهٔ تازهٔ بندر در دست ساخت"
TEXT = "\n".join((LEAD, HEADING, BODY, LAST))


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths.resolve(tmp_path / "data").ensure()


@pytest.fixture
def article(tmp_path: Path) -> Article:
    photo, chart, banner = tmp_path / "photo.jpg", tmp_path / "chart.png", tmp_path / "banner.png"
    Image.new("RGB", (900, 500), (40, 90, 160)).save(photo)
    Image.new("RGB", (240, 160), (200, 120, 40)).save(chart)
    Image.new("RGB", (400, 90), (120, 40, 120)).save(banner)
    return Article("بازدید وزیر از بندر", [Block(BlockKind.LEAD, LEAD), Block(BlockKind.HEADING, HEADING),
                                          Block(BlockKind.PARAGRAPH, BODY), Block(BlockKind.PARAGRAPH, LAST)],
                   id="picture-places",
                   images=[Picture(str(banner), "", len(TEXT)),  # listed first, stood last
                           Picture(str(photo), CAPTION, len(LEAD) + 1),  # after the lead
                           Picture(str(chart), "Export chart", TEXT.index(BODY) + len(BODY) - 5)])  # late in the body


@pytest.fixture
def view(qtbot, article: Article) -> ArticleView:  # type: ignore[no-untyped-def]
    return shown_article_view(qtbot, article)


@pytest.fixture
def panel(qtbot, library: Library) -> Iterator[NotesPanel]:  # type: ignore[no-untyped-def]
    with shown_notes_panel(qtbot, library, "مریم", 460, 760) as shown:
        yield shown


@pytest.fixture
def controller(panel: NotesPanel, view: ArticleView, monkeypatch: pytest.MonkeyPatch) -> NotesController:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    tied = NotesController(panel, view)
    tied.article_shown("picture-places")
    return tied


def text_between(view: ArticleView, start: int, end: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layout_map.to_position(start))
    cursor.setPosition(view.layout_map.to_position(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def highlighted(view: ArticleView, colour: str) -> str:
    """The document's text painted in `colour`, block by block."""
    found = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == colour and fragment.charFormat().background().style():
                found.append(fragment.text())
            it += 1
        block = block.next()
    return "|".join(found)


def test_pictures_stand_at_their_paragraph_boundaries(view: ArticleView) -> None:
    doc = view.document()
    placed = []
    for position, fmt in picture_formats(doc):
        block = doc.findBlock(position)
        before = block.previous()
        while before.isValid() and not view.layout_map.holds(before.position()):
            before = before.previous()
        after = block.next()
        while after.isValid() and not (view.layout_map.holds(after.position()) and after.text()):
            after = after.next()
        placed.append((fmt.name(), before.text(), after.text() if after.isValid() else ""))
    assert placed == [("picture:1", LEAD, HEADING), ("picture:2", BODY, LAST), ("picture:0", LAST, "")]
    assert doc.findBlock(picture_formats(doc)[0][0]).next().text() == CAPTION
    # Every character of the text is where the map says, the pictures between notwithstanding.
    for line in TEXT.split("\n"):
        assert text_between(view, TEXT.index(line), TEXT.index(line) + len(line)) == line
    for offset in range(0, len(TEXT), 7):
        assert text_between(view, offset, offset + 1) == TEXT[offset:offset + 1]


def test_a_notes_highlight_lands_on_the_same_words_after_the_pictures(view: ArticleView, panel: NotesPanel,
                                                                    controller: NotesController) -> None:
    colour = HIGHLIGHT_COLOURS[1][0]
    panel.set_colour(colour)
    words = "دو اسکلهٔ دیگر"  # in the last line, after two pictures and an emoji
    cursor = view.document().find(words)  # selected as dragging the mouse over them would
    assert not cursor.isNull()
    view.setTextCursor(cursor)
    panel.highlight_action.trigger()
    (note,) = panel.store.highlights("picture-places")
    assert note.position is not None and note.quote is not None and note.quote.exact == words
    assert TEXT[note.position.start:note.position.end] == words
    assert highlighted(view, colour) == words
    # Shown again (another article in between): the saved note is painted on the same words.
    shown = view.article
    view.show_article(None)
    view.show_article(shown)
    controller.article_shown("picture-places")
    assert highlighted(view, colour) == words
    view.select_offsets(note.position.start, note.position.end)
    assert view.selected_text() == words and view.selection_offsets() == (note.position.start, note.position.end)


def test_a_highlight_across_a_picture_leaves_it_and_its_caption_alone(view: ArticleView) -> None:
    start, end = LEAD.index("شهید"), TEXT.index(HEADING) + len(HEADING)  # from the lead over the photo into the heading
    view.set_highlights([(start, end, "#ffeb3b")])
    assert highlighted(view, "#ffeb3b") == f"{LEAD[start:]}|{HEADING}"
    position, _fmt = picture_formats(view.document())[0]
    rect = view.document().documentLayout().blockBoundingRect(view.document().findBlock(position))
    on_picture = QPoint(int(rect.center().x()), int(rect.center().y()) - view.verticalScrollBar().value())
    assert view.anchorAt(on_picture) == "picture:1"
    assert view.highlight_at(on_picture) is None  # a click on the picture enlarges it, it picks no highlight
    view.set_highlights([])
    assert highlighted(view, "#ffeb3b") == ""
    # Copied, the same passage is the article's text: no picture, no caption.
    view.select_offsets(start, end)
    assert view.selected_text() == TEXT[start:end]
    assert view.createMimeDataFromSelection().text() == TEXT[start:end]


def test_search_hits_after_the_pictures_are_lit_and_reached(view: ArticleView, article: Article) -> None:
    view.show_article(article, "آینده")
    assert len(view.hits) == 1
    view.go_to_hit(0)
    start, end = view.hits[0]
    assert TEXT[start:end] == "آینده"
    cursor = view.textCursor()
    assert view.layout_map.to_offset(cursor.position()) == start
    [selection] = view.extraSelections()
    assert selection.cursor.selectedText() == "آینده"
