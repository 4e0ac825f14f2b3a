"""Saved searches in the side panel: each with its number of matches and, after an indexing, how
many of them are new. Opening one (Enter or a double click) runs it in the search box and makes its
matches seen; a name typed in the box and Enter saves the current search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from viewer.core.bidi import isolated
from viewer.core.errors import BayeganError
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.delete_key import DeleteKey
from viewer.gui.common.digits import number
from viewer.gui.common.tasks import RunOffThread
from viewer.gui.research.named_list_panel import NamedListPanel

if TYPE_CHECKING:
    from viewer.app.saved_search_cases import SavedSearchCases, SavedSearchStatus

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
# (work, on_done, on_error): runs `work` on the window's search thread (the Library's searcher is its)


class SavedSearchesPanel(NamedListPanel):
    search_opened = Signal(str, list)  # the saved query as typed, its tags

    def __init__(self, saved: Callable[[], SavedSearchCases], current_search: Callable[[], tuple[str, list[str]]],
                 run: RunOffThread, parent: QWidget | None = None):
        super().__init__("savedSearchesPanel", QListWidget(), "savedSearchName", parent)
        self._saved = saved
        self._current_search = current_search
        self._run = run
        self.statuses: list[SavedSearchStatus] = []
        self.list.setObjectName("savedSearchList")
        self.list.setMinimumHeight(56)
        self.list.itemActivated.connect(lambda item: self.open(item.data(NAME_ROLE)))
        DeleteKey(self.list, self.delete_current)
        self.name_box.returnPressed.connect(self.save_current)
        self.save_button = self.name_button
        self.save_button.clicked.connect(self.save_current)
        self.finish_layout()

    def refresh(self) -> None:
        """Counts the matches and the new ones afresh (after each indexing), off the UI thread."""
        saved = self._saved
        self._run(lambda: saved().all(), self._show, self._failed)

    def _show(self, statuses: Sequence[SavedSearchStatus]) -> None:
        self.statuses = list(statuses)
        current = self.list.currentItem().data(NAME_ROLE) if self.list.currentItem() else None
        self.list.clear()
        for status in self.statuses:
            item = QListWidgetItem(self._label(status))
            item.setData(NAME_ROLE, status.name)
            item.setToolTip(status.query)
            self.list.addItem(item)
            if status.name == current:
                self.list.setCurrentItem(item)

    def _label(self, status: SavedSearchStatus) -> str:
        if status.new:
            return self.tr("{name} ({total}, {new} new)").format(
                name=isolated(status.name), total=number(status.total), new=number(status.new))
        return self.tr("{name} ({total})").format(name=isolated(status.name), total=number(status.total))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(user_message(exc))

    def save_current(self) -> None:
        name = self.name_box.text().strip()
        if not name:
            return
        query, tags = self._current_search()
        try:
            self._saved().add(name, query or "*", tags)
        except BayeganError as exc:
            self.message.setText(user_message(exc))
            return
        self.name_box.clear()
        self.message.setText(self.tr("Search saved: {name}").format(name=isolated(name)))
        self.refresh()

    def open(self, name: str) -> None:
        saved = self._saved

        def opened(_result: object) -> None:
            query = saved().get(name)
            self.search_opened.emit(query.query, list(query.tags))
            self.refresh()  # its "new" is back to 0

        self._run(lambda: saved().open(name, limit=1), opened, self._failed)

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self._saved().delete(item.data(NAME_ROLE))
        except BayeganError as exc:
            self.message.setText(user_message(exc))
            return
        self.refresh()

    def retranslate(self) -> None:
        self.set_panel_texts(self.tr("Saved searches"), self.tr("Saved searches"),
                             self.tr("Name for the current search"), self.tr("Save search"))
        self.list.setToolTip(self.tr("Enter opens a search; Delete removes it."))
        self.list.setAccessibleDescription(self.tr("Enter opens a search; Delete removes it."))
        self._show(self.statuses)
