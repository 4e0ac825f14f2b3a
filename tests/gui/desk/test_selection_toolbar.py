"""Annotation at the selection (issue 26, item 2): a toolbar beside the selected text with the
highlight colours, Note, Copy and Copy as citation, by mouse and by keyboard; the last colour used
is what a plain Highlight uses, in later sessions too; hovering a highlight shows its note and
clicking it chooses that note in the notes panel. The real window on the sample archive, its real
notes store and clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from tests.gui.conftest import search, started_window, type_text
from viewer.app.settings import AUTHOR
from viewer.gui.article.selection_toolbar import GAP
from viewer.gui.article.view import ArticleView
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import HIGHLIGHT_COLOURS
from viewer.gui.research.citation import citation_line

pytestmark = pytest.mark.gui

# Words of the sample article the search «اصفهان» opens first.
WORDS = ("دیپلماسی", "کوروش", "بازرگانی", "یادبودی", "شورای")
TOOLBAR_KEYS = (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def open_article(qtbot, window) -> ArticleView:  # type: ignore[no-untyped-def]
    window.settings.set(AUTHOR, "مریم")  # no name asked in a modal dialog mid-test
    search(qtbot, window, "اصفهان")
    view = window.article_pane.view
    assert view.article is not None
    return view


def body_cursor(view: ArticleView, words: str, nth: int = 0) -> QTextCursor:
    """A cursor selecting the `nth` occurrence of `words` in the article's body (not its title)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layout_map.positions[0])
    for _ in range(nth + 1):
        cursor = view.document().find(words, cursor)
        assert not cursor.isNull(), words
    return cursor


def words_rect(view: ArticleView, cursor: QTextCursor) -> QRect:
    """Where the selected words are in the viewport, from the caret rectangles at their two ends."""
    start, end = QTextCursor(cursor), QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    end.setPosition(cursor.selectionEnd())
    return view.cursorRect(start).united(view.cursorRect(end))


def select_with_mouse(qtbot, view: ArticleView, words: str, nth: int = 0) -> QRect:  # type: ignore[no-untyped-def]
    """Double-clicks the word `words` (as a reader picks one word) in the middle of the pane; where
    the word is."""
    cursor = body_cursor(view, words, nth)
    view.setTextCursor(cursor)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + words_rect(view, cursor).center().y() - view.viewport().height() // 2)
    cursor.clearSelection()
    view.setTextCursor(cursor)  # nothing selected: the mouse selects
    rect = words_rect(view, body_cursor(view, words, nth))
    # A double click as a mouse makes it: press, release, press (the double click), release.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert view.textCursor().selectedText() == words
    return rect


def test_selecting_text_with_the_mouse_shows_the_toolbar_just_above_it(qtbot, window) -> None:
    view = open_article(qtbot, window)
    toolbar = view.toolbar
    assert not toolbar.isVisible()
    rect = select_with_mouse(qtbot, view, WORDS[1])
    assert view.textCursor().selectedText() == WORDS[1]
    qtbot.waitUntil(toolbar.isVisible)
    box = toolbar.geometry()  # in the viewport's coordinates, as `rect`
    print("selection", rect, "toolbar", box)
    assert view.viewport().rect().contains(box)
    assert rect.top() - 3 * GAP <= box.bottom() < rect.top(), "just above the selection"
    assert box.left() <= rect.center().x() <= box.right(), "over the selected words"
    # Buttons: the five colours named in the interface's language, then Note, Copy, Copy as citation.
    names = [button.accessibleName() for button in toolbar.buttons()]
    assert names[:5] == [fa for _colour, _en, fa in HIGHLIGHT_COLOURS]
    assert names[5:] == ["یادداشت بر متن برگزیده", "رونوشت", "رونوشت با ارجاع"]
    assert toolbar.accessibleName() == "نوار ابزار متن برگزیده"
    # In English, English names (and a left-to-right row).
    window.set_language("en")
    qtbot.waitUntil(lambda: toolbar.copy_button.accessibleName() == "Copy")  # on Qt's LanguageChange
    names = [button.accessibleName() for button in toolbar.buttons()]
    assert names == [en for _colour, en, _fa in HIGHLIGHT_COLOURS] + ["Note on the selection", "Copy", "Copy as citation"]
    assert toolbar.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # The selection cleared: the toolbar goes.
    view.setTextCursor(QTextCursor(view.document()))
    assert not toolbar.isVisible()


def test_the_toolbar_goes_when_its_selection_is_scrolled_away(qtbot, window) -> None:
    view = open_article(qtbot, window)
    window.resize(1024, 600)
    select_with_mouse(qtbot, view, WORDS[0])
    qtbot.waitUntil(view.toolbar.isVisible)
    bar = view.verticalScrollBar()
    assert bar.maximum() > view.viewport().height(), "the article is longer than the pane"
    bar.setValue(bar.maximum())
    assert not view.toolbar.isVisible()
    assert view.textCursor().hasSelection()


def test_each_colour_highlights_the_selection_in_that_colour(qtbot, window) -> None:
    view = open_article(qtbot, window)
    article = view.article
    store = window.notes.panel.store
    for i, (colour, _en, _fa) in enumerate(HIGHLIGHT_COLOURS):
        select_with_mouse(qtbot, view, WORDS[i])
        qtbot.waitUntil(view.toolbar.isVisible)
        qtbot.mouseClick(view.toolbar.colour_buttons[i], Qt.MouseButton.LeftButton)
        made = [n for n in store.highlights(article.id) if n.quote is not None and n.quote.exact == WORDS[i]]
        assert [n.color for n in made] == [colour], WORDS[i]
        painted = QTextCursor(view.document())
        painted.setPosition(body_cursor(view, WORDS[i]).selectionStart() + 2)
        assert painted.charFormat().background().color().name() == colour
        assert not view.toolbar.isVisible()
    # The context menu offers the colours too.
    view.setTextCursor(body_cursor(view, WORDS[4], nth=1))
    menu = view.selection_menu(view.viewport().rect().center())
    colours = menu.findChild(QMenu, "highlightColours")
    assert colours is not None and colours.menuAction() in menu.actions()
    assert [a.text() for a in colours.actions()] == [fa for _colour, _en, fa in HIGHLIGHT_COLOURS]
    colours.actions()[2].trigger()
    last = max(store.highlights(article.id), key=lambda n: n.created)
    assert last.color == HIGHLIGHT_COLOURS[2][0] and last.position is not None
    assert last.position.start > article.text.index(WORDS[4])


def test_note_opens_the_note_dialog_on_the_selection(qtbot, window) -> None:
    view = open_article(qtbot, window)
    select_with_mouse(qtbot, view, WORDS[0])
    qtbot.waitUntil(view.toolbar.isVisible)
    shown: list[str] = []

    def write_note() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        shown.append(dialog.context.text())
        type_text(dialog.editor, "پیوند دو شهر")
        dialog.accept()

    QTimer.singleShot(0, write_note)
    qtbot.mouseClick(view.toolbar.note_button, Qt.MouseButton.LeftButton)
    assert shown == [f"«{WORDS[0]}»"]
    (note,) = window.notes.panel.store.highlights(view.article.id)
    assert note.body == "پیوند دو شهر" and note.quote is not None and note.quote.exact == WORDS[0]


def test_copy_and_copy_as_citation_put_the_selection_on_the_clipboard(qtbot, window) -> None:
    view = open_article(qtbot, window)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    select_with_mouse(qtbot, view, WORDS[1])
    qtbot.waitUntil(view.toolbar.isVisible)
    qtbot.mouseClick(view.toolbar.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == WORDS[1]
    select_with_mouse(qtbot, view, WORDS[2])
    qtbot.waitUntil(view.toolbar.isVisible)
    qtbot.mouseClick(view.toolbar.citation_button, Qt.MouseButton.LeftButton)
    article = view.article
    assert article is not None
    assert clipboard.text() == f"«{WORDS[2]}»\n{citation_line(article)}"
    assert article.title in clipboard.text()


def press(key: Qt.Key) -> None:
    """The key, pressed where the focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key)


def test_the_toolbar_by_keyboard_alone(qtbot, window) -> None:
    view = open_article(qtbot, window)
    window.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    for _ in range(6):  # in right-to-left text Shift+Left selects forward
        QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_offsets() == (0, 6)
    toolbar = view.toolbar
    assert toolbar.isVisible() and view.hasFocus(), "offered beside a keyboard selection, the caret kept"
    QTest.keyClick(view, *TOOLBAR_KEYS)
    buttons = toolbar.buttons()
    qtbot.waitUntil(lambda: buttons[0].hasFocus())
    assert toolbar.isVisible()
    press(Qt.Key.Key_Left)  # a right-to-left row: Left goes on
    assert buttons[1].hasFocus()
    press(Qt.Key.Key_Tab)
    assert buttons[2].hasFocus()
    press(Qt.Key.Key_Backtab)
    press(Qt.Key.Key_Right)
    assert buttons[0].hasFocus()
    press(Qt.Key.Key_Escape)
    assert not toolbar.isVisible() and view.hasFocus() and view.selection_offsets() == (0, 6)
    QTest.keyClick(view, *TOOLBAR_KEYS)
    qtbot.waitUntil(lambda: buttons[0].hasFocus())
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Return)
    (note,) = window.notes.panel.store.highlights(view.article.id)
    assert note.color == HIGHLIGHT_COLOURS[1][0] and note.quote is not None
    assert note.quote.exact == view.article.text[:6]
    assert not toolbar.isVisible() and view.hasFocus()
    # The shortcut is in the one table F1 lists.
    from viewer.gui.common import shortcuts
    assert shortcuts.keys_of("selectionToolbar")[0].toString() == "Ctrl+Shift+M"


def test_the_last_colour_is_what_a_plain_highlight_uses_after_a_restart(qtbot, window, data_paths) -> None:
    view = open_article(qtbot, window)
    pink = HIGHLIGHT_COLOURS[3][0]
    select_with_mouse(qtbot, view, WORDS[0])
    qtbot.waitUntil(view.toolbar.isVisible)
    qtbot.mouseClick(view.toolbar.colour_buttons[3], Qt.MouseButton.LeftButton)
    window.close()
    reopened = started_window(qtbot, data_paths)
    view = open_article(qtbot, reopened)
    view.setTextCursor(body_cursor(view, WORDS[1]))
    reopened.notes.panel.highlight_action.trigger()  # Ctrl+Shift+H, and the context menu's Highlight
    colours = {n.quote.exact: n.color for n in reopened.notes.panel.store.highlights(view.article.id) if n.quote}
    assert colours == {WORDS[0]: pink, WORDS[1]: pink}
    reopened.close()


def hover(view: ArticleView, cursor: QTextCursor) -> str:
    """Sends the tooltip event a resting mouse sends over the selected words; the tooltip's text."""
    QToolTip.hideText()
    point = words_rect(view, cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if event.isAccepted() else ""  # ignored: no tooltip (the old one fading)


def test_hovering_a_highlight_shows_its_note_and_clicking_it_chooses_the_note(qtbot, window) -> None:
    view = open_article(qtbot, window)
    article = view.article
    panel = window.notes.panel
    first = panel.add_highlight(article.text, *find(article.text, WORDS[0]), HIGHLIGHT_COLOURS[1][0],
                                body="پیمان <b>خواهرخواندگی</b>")
    second = panel.add_highlight(article.text, *find(article.text, WORDS[1]), HIGHLIGHT_COLOURS[2][0])
    assert first is not None and second is not None
    panel.reply_to(first.id, "پاسخ سارا")
    tip = hover(view, body_cursor(view, WORDS[0]))
    assert "پیمان &lt;b&gt;خواهرخواندگی&lt;/b&gt;" in tip and "— مریم" in tip and "پاسخ سارا" in tip
    without = QCoreApplication.translate("NotesController", "Highlight without a note")
    assert without != "Highlight without a note", "said in Persian"
    assert hover(view, body_cursor(view, WORDS[1])) == without
    plain_start = view.document().find(WORDS[3], view.layout_map.positions[0])
    assert hover(view, plain_start) == ""
    # A click (no drag) on the second highlight chooses its note; then on the first, its note.
    for note, words in ((second, WORDS[1]), (first, WORDS[0])):
        cursor = body_cursor(view, words)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        point = words_rect(view, cursor).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert panel.selected_id() == note.id
        assert not view.toolbar.isVisible()
    # And the way back: activating a note in the panel selects its passage in the article.
    panel.activate(second.id)
    assert view.selection_offsets() == find(article.text, WORDS[1])


def find(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)
