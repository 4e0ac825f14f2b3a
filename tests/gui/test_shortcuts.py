"""Application shortcuts work wherever the focus is in the window, the text boxes included; F1
lists every shortcut the window has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser, QWidget


def _focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_window_shortcuts_fire_from_the_search_box_and_the_notes_search(qtbot, window) -> None:
    fired: list[str] = []
    actions = window.window_actions
    for action in (actions.export_pdf, actions.next_result, actions.zoom_in, actions.focus_search):
        name = action.objectName()
        action.triggered.disconnect()
        action.triggered.connect(lambda _c=False, name=name: fired.append(name))
    notes_search = window.findChild(QWidget, "notesSearch")
    for widget in (window.search_bar.box, notes_search, window.article_pane.view):
        fired.clear()
        _focus(qtbot, widget)
        QTest.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert fired == ["exportPdf", "nextResult", "zoomIn", "focusSearch"], widget.objectName()


def test_f1_lists_every_shortcut_of_the_window(qtbot, window) -> None:
    window.window_actions.shortcuts.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None
    listed = dialog.findChild(QTextBrowser).toPlainText()
    for action in window.actions():
        for key in action.shortcuts():
            assert key.toString() in listed, action.text()
    for keys in ("Ctrl+Shift+H", "Ctrl+Shift+N", "Esc", "Ctrl+Z", "Ctrl+Enter"):
        assert keys in listed
    dialog.close()
