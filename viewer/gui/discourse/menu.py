"""The Research menu's "Concordance and trends…" (Ctrl+Shift+K): opens the discourse dialog on the
current search (its words, tags and scope) and shows the article of a chosen line at its match."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from viewer.gui.common import shortcuts

if TYPE_CHECKING:
    from viewer.app.scope import Scope
    from viewer.gui.archive.controller import ArchiveController
    from viewer.gui.discourse.dialog import DiscourseDialog
    from viewer.gui.results.search_controller import SearchController


class DiscourseMenu(QObject):
    def __init__(self, search: SearchController, archive: ArchiveController, scope: Callable[[], Scope],
                 owner: QWidget):
        """`scope` is where the search looks (the research panels'); `owner` holds the action (its
        shortcut works wherever the focus is in it) and parents the dialog."""
        super().__init__(owner)
        self.search = search
        self.archive = archive
        self.scope = scope
        self.owner = owner
        self.action = shortcuts.owned_action(owner, "showDiscourse", self.show_dialog)
        self.dialog: DiscourseDialog | None = None
        owner.installEventFilter(self)
        self._retranslate()

    def show_dialog(self) -> DiscourseDialog:
        if self.dialog is None:
            # Its modules (the chart, QtSvg) load with the dialog, not before the window's first rows.
            from viewer.gui.discourse.dialog import DiscourseDialog

            self.dialog = DiscourseDialog(self.owner)
            self.dialog.hit_requested.connect(self.open_hit)
            self.archive.closing.connect(self._library_closing)
        text, tags = self.search.current_search()
        self.dialog.prepare(self.archive.opened_library(), text, tags, self.scope())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        if self.dialog.query_box.text().strip() and self.dialog.findings is None:
            self.dialog.start()
        return self.dialog

    def _library_closing(self) -> None:
        """The window is closing its Library: the work in flight stops and its searcher is closed first."""
        if self.dialog is not None:
            self.dialog.work.stop()
            self.dialog.work.wait()

    def open_hit(self, article_id: str, start: int, end: int) -> None:
        """Shows the article in the reading pane with the match selected and in view."""
        if self.search.open_article(article_id):
            view = self.search.pane.view
            if view.article is not None and view.article.id == article_id:
                view.select_offsets(start, end)

    def _retranslate(self) -> None:
        shortcuts.retranslate(self.action)
        self.action.setToolTip(self.tr("Every occurrence of a word in context, the words around it, and "
                                       "its trend over time"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.owner and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)
