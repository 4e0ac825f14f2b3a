"""Issue 20's entries in the View menu: "Count each story once in tag counts" (remembered in the
settings; the tag counts are worked out by the Library) and "Duplicates…", the duplicates view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from viewer.app.settings import COUNT_STORIES_ONCE
from viewer.gui.common import shortcuts
from viewer.gui.research.duplicates_dialog import DuplicatesDialog

if TYPE_CHECKING:
    from viewer.gui.archive.controller import ArchiveController
    from viewer.gui.common.tasks import RunOffThread


class StoriesMenu(QObject):
    def __init__(self, archive: ArchiveController, search_again: Callable[[], None],
                 open_article: Callable[[str], object], run: RunOffThread, owner: QWidget):
        """`owner` holds the actions (their shortcuts work wherever the focus is in it) and parents the
        duplicates view; `run` finds the duplicate groups off the UI thread."""
        super().__init__(owner)
        self.archive = archive
        self.owner = owner
        self._search_again = search_again
        self._open_article = open_article
        self._run = run
        settings = archive.settings
        self.count_once = QAction(owner)
        self.count_once.setObjectName("countStoriesOnce")
        self.count_once.setCheckable(True)
        self.count_once.setChecked(settings.get(COUNT_STORIES_ONCE))
        archive.library.count_stories_once = self.count_once.isChecked()
        self.count_once.toggled.connect(self._count_once_toggled)
        self.duplicates = shortcuts.owned_action(owner, "showDuplicates", self.show_duplicates)
        self.dialog: DuplicatesDialog | None = None
        owner.installEventFilter(self)
        self._retranslate()

    def _count_once_toggled(self, checked: bool) -> None:
        self.archive.library.count_stories_once = checked
        self.archive.settings.set(COUNT_STORIES_ONCE, checked)
        self.archive.settings.save()
        self._search_again()  # the tags' counts again

    def show_duplicates(self) -> DuplicatesDialog:
        """Opens the duplicates view (its groups found on a background thread) and returns it."""
        if self.dialog is None:
            self.dialog = DuplicatesDialog(self.owner)
            self.dialog.open_requested.connect(self._open_article)
        library = self.archive.opened_library()
        if library is not None:
            self.dialog.load(library.duplicate_groups, self._run)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _retranslate(self) -> None:
        self.count_once.setText(self.tr("Count each story once in tag counts"))
        self.count_once.setToolTip(self.tr("A story and its republished copies (near duplicates) add one to a "
                                           "tag's count, not one each"))
        shortcuts.retranslate(self.duplicates)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.owner and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)
