"""The window by keyboard alone: Tab goes through it in reading order, the article takes a caret
that selects text, and the selection is highlighted with the notes shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import search
from viewer.app.settings import AUTHOR
from viewer.gui.window.layout import TAGS


def test_tab_goes_through_the_window_in_reading_order(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    window.window_layout.set_shown(TAGS, True)  # an 800-pixel window shows the article and results only
    window.activateWindow()
    window.search_bar.box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_bar.box)
    visited = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    wanted = [window.search_bar.sort_box, window.tag_panel.filter_box, window.tag_panel.list,
              window.results_view, window.article_pane.view]
    positions = [visited.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_text_is_selected_and_highlighted_by_keyboard_alone(qtbot, window) -> None:
    window.settings.set(AUTHOR, "مریم")  # not asked in a modal dialog mid-test
    search(qtbot, window, "اصفهان")
    view = window.article_pane.view
    window.activateWindow()
    window.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.results_view.hasFocus())
    QTest.keyClick(window.results_view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.hasFocus())
    assert view.cursorWidth() > 0
    for _ in range(6):  # in right-to-left text Shift+Left moves forward
        QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_offsets() == (0, 6)
    article = view.article
    assert article is not None
    QTest.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    store = window.notes.panel.store
    (highlight,) = store.highlights(article.id)
    assert highlight.quote is not None and highlight.quote.exact == article.text[:6]


def test_the_context_menu_on_a_selection_offers_highlight_and_note(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    view = window.article_pane.view
    plain = view.selection_menu(view.viewport().rect().center())
    assert window.notes.panel.highlight_action not in plain.actions()
    view.select_offsets(0, 6)
    menu = view.selection_menu(view.viewport().rect().center())
    actions = menu.actions()
    assert actions[0] is window.notes.panel.highlight_action and actions[1] is window.notes.panel.note_action
