"""Issue 20's entries in the View menu: "Count each story once in tag counts" (remembered in the
settings; the tag counts are worked out by the Library) and "Duplicates…", the duplicates view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from viewer.app.duplicates import COUNT_STORIES_KEY
from viewer.gui.research.duplicates_dialog import DuplicatesDialog

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow


class StoriesMenu(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.count_once = QAction(window)
        self.count_once.setObjectName("countStoriesOnce")
        self.count_once.setCheckable(True)
        self.count_once.setChecked(bool(window.settings.get(COUNT_STORIES_KEY)))
        window.unopened_library.count_stories_once = self.count_once.isChecked()
        self.count_once.toggled.connect(self._count_once_toggled)
        self.duplicates = QAction(window)
        self.duplicates.setObjectName("showDuplicates")
        self.duplicates.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.duplicates.triggered.connect(self.show_duplicates)
        window.addAction(self.duplicates)  # its shortcut works while the menu bar is hidden
        menu = window.window_actions.view_menu
        first_zoom = window.window_actions.zoom_in
        menu.insertActions(first_zoom, [self.count_once, self.duplicates])
        menu.insertSeparator(first_zoom)
        self.dialog: DuplicatesDialog | None = None
        window.installEventFilter(self)
        self._retranslate()

    def _count_once_toggled(self, checked: bool) -> None:
        self.window.unopened_library.count_stories_once = checked
        self.window.settings.set(COUNT_STORIES_KEY, checked)
        self.window.settings.save()
        self.window.search(self.window.search_bar.box.text())  # the tags' counts again

    def show_duplicates(self) -> DuplicatesDialog:
        """Opens the duplicates view (its groups found on a background thread) and returns it."""
        if self.dialog is None:
            self.dialog = DuplicatesDialog(self.window)
            self.dialog.open_requested.connect(self.window.open_article)
        library = self.window.library
        if library is not None:
            self.dialog.load(library.duplicate_groups, self.window.background.run)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _retranslate(self) -> None:
        self.count_once.setText(self.tr("Count each story once in tag counts"))
        self.count_once.setToolTip(self.tr("A story and its republished copies (near duplicates) add one to a "
                                           "tag's count, not one each"))
        self.duplicates.setText(self.tr("Duplicates…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)
