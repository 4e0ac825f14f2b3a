"""Keeps the window's shortcuts working wherever the focus is: a text box claims some of them for
editing (on X11 a line edit takes Ctrl+E as "end of line"), so Ctrl+E did nothing after a search.
The window's own shortcuts win over such claims inside the window; other windows are untouched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class ShortcutGuard(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _window_keys(self) -> set[QKeySequence]:
        return {key for action in self.window.actions() if action.isEnabled() for key in action.shortcuts()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and isinstance(watched, QWidget) and watched.window() is self.window
                and QKeySequence(event.keyCombination()) in self._window_keys()):
            event.ignore()  # not claimed by the focus widget: the shortcut map runs the action
            return True
        return False
