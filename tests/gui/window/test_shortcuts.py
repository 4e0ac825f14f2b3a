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


def test_every_shortcut_is_defined_once_in_the_table(window) -> None:
    """Each action's keys are its entry's in common/shortcuts.py, no key does two things, and no other
    module of the window writes a key sequence of its own."""
    import ast
    from pathlib import Path

    from PySide6.QtGui import QAction

    from viewer.gui.common.shortcuts import SHORTCUTS, shortcut

    keys = [sequence.toString() for entry in SHORTCUTS for sequence in entry.sequences()]
    assert len(keys) == len(set(keys)), keys
    bound = [action for action in window.findChildren(QAction) if action.shortcuts()]
    assert len(bound) >= 20
    for action in bound:
        table = [sequence.toString() for sequence in shortcut(action.objectName()).sequences()]
        assert [sequence.toString() for sequence in action.shortcuts()] == table, action.objectName()
    gui = Path(__file__).resolve().parents[3] / "viewer" / "gui"
    written = [f"{path.name}:{node.lineno}" for path in gui.rglob("*.py") if path.name != "shortcuts.py"
               for node in ast.walk(ast.parse(path.read_text("utf-8")))
               if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(("QKeySequence", "setShortcut"))
               and node.args and isinstance(node.args[0], ast.Constant | ast.Attribute)]
    assert not written
