"""The Research menu's "Concordance and trends…" (Ctrl+Shift+K): opens the discourse dialog on the
current search (its words, tags and scope) and shows the article of a chosen line at its match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from viewer.gui.discourse.dialog import DiscourseDialog

if TYPE_CHECKING:
    from viewer.gui.main_window import MainWindow


class DiscourseMenu(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("showDiscourse")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.action.triggered.connect(self.show_dialog)
        window.addAction(self.action)  # its shortcut works while the menu bar is hidden
        window.research.menu.addSeparator()
        window.research.menu.addAction(self.action)
        self.dialog: DiscourseDialog | None = None
        window.installEventFilter(self)
        self._retranslate()

    def show_dialog(self) -> DiscourseDialog:
        window = self.window
        if self.dialog is None:
            self.dialog = DiscourseDialog(window)
            self.dialog.hit_requested.connect(self.open_hit)
            window.library_closing.connect(self._library_closing)
        self.dialog.prepare(window.library, window.search_bar.box.text(),
                            list(window.tag_model.checked), window.research.scope())
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
        if self.window.open_article(article_id):
            view = self.window.article_pane.view
            if view.article is not None and view.article.id == article_id:
                view.select_offsets(start, end)

    def _retranslate(self) -> None:
        self.action.setText(self.tr("Concordance and trends…"))
        self.action.setToolTip(self.tr("Every occurrence of a word in context, the words around it, and "
                                       "its trend over time"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)


def install_discourse(window: MainWindow) -> DiscourseMenu:
    return DiscourseMenu(window)
