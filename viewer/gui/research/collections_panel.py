"""The collections of the side panel: each with its number of articles; choosing one limits the
results to it (a collection is a filter), "All articles" takes the limit off. A name typed in the
box and Enter makes a new one; Delete removes the chosen one (its articles stay in the archive).
Results dropped on a collection are added to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from viewer.app.collection_cases import CollectionCases
from viewer.core.bidi import isolated
from viewer.core.errors import BayeganError
from viewer.gui.common.article_ids_mime import ids_of
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.delete_key import DeleteKey
from viewer.gui.common.digits import number
from viewer.gui.research.named_list_panel import NamedListPanel

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # None: "All articles"


class CollectionList(QListWidget):
    """The list, taking dropped results onto the collection under the pointer."""

    ids_dropped = Signal(str, list)  # collection name, article ids

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _target(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        item = self.itemAt(event.position().toPoint())
        return item.data(NAME_ROLE) if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if ids_of(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if ids_of(event.mimeData()) and self._target(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        name, ids = self._target(event), ids_of(event.mimeData())
        if name and ids:
            event.acceptProposedAction()
            self.ids_dropped.emit(name, ids)


class CollectionsPanel(NamedListPanel):
    collection_chosen = Signal(object)  # the collection's name, or None for every article
    export_requested = Signal(str)  # the collection's name

    def __init__(self, collections: Callable[[], CollectionCases], parent: QWidget | None = None):
        self.list: CollectionList
        super().__init__("collectionsPanel", CollectionList(), "newCollectionName", parent)
        self._collections = collections
        self.chosen: str | None = None
        self.list.setObjectName("collectionList")
        self.list.setMinimumHeight(84)  # three rows: the fields and messages under it fit a 600-pixel screen
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.ids_dropped.connect(self.add)
        DeleteKey(self.list, self.delete_chosen)
        self.name_box.returnPressed.connect(self.create_from_box)
        self.create_button = self.name_button
        self.create_button.clicked.connect(self.create_from_box)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.chosen and self.export_requested.emit(self.chosen))
        self.message.setObjectName("collectionMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.export_button)
        self.column.addLayout(buttons)
        self.finish_layout()
        self._enable_buttons()

    def names(self) -> list[str]:
        return [n for n in (self.list.item(r).data(NAME_ROLE) for r in range(self.list.count())) if n]

    def reload(self) -> None:
        """The list as stored now (after a change, here or by `bayegan collections`)."""
        self.list.blockSignals(True)
        self.list.clear()
        everything = QListWidgetItem(self.tr("All articles"))
        everything.setData(NAME_ROLE, None)
        self.list.addItem(everything)
        current = everything
        for info in self._collections().all():
            item = QListWidgetItem(f"{isolated(info.name)} ({number(info.count)})")  # "(3)" keeps its place
            item.setData(NAME_ROLE, info.name)
            self.list.addItem(item)
            if info.name == self.chosen:
                current = item
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        if current.data(NAME_ROLE) != self.chosen:  # the chosen one was deleted elsewhere
            self._current_changed(current, None)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self.delete_button.setEnabled(self.chosen is not None)
        self.export_button.setEnabled(self.chosen is not None)

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        name = item.data(NAME_ROLE) if item is not None else None
        if name != self.chosen:
            self.chosen = name
            self._enable_buttons()
            self.collection_chosen.emit(name)

    def choose(self, name: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(NAME_ROLE) == name:
                self.list.setCurrentRow(row)

    def create_from_box(self) -> None:
        name = self.name_box.text().strip()
        if name and self._run(lambda: self._collections().create(name)):
            self.name_box.clear()
            self.show_message(self.tr("Collection created: {name}").format(name=isolated(name)))

    def delete_chosen(self) -> None:
        name = self.chosen
        if name is not None and self._run(lambda: self._collections().delete(name)):
            self.show_message(self.tr("Collection deleted: {name}").format(name=isolated(name)))

    def add(self, name: str, ids: list[str]) -> None:
        if ids and self._run(lambda: self._collections().add(name, ids)):
            self.show_message(self.tr("{count} articles added to {name}").format(count=number(len(ids)), name=isolated(name)))
            if name == self.chosen:
                self.collection_chosen.emit(name)  # the filter shows the new articles

    def _run(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except BayeganError as exc:
            self.show_message(user_message(exc))
            return False
        self.reload()
        return True

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def retranslate(self) -> None:
        self.set_panel_texts(self.tr("Collections"), self.tr("Collections: choosing one shows only its articles"),
                             self.tr("New collection name"), self.tr("Create"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the chosen collection…"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen collection"))
        if self.list.count():
            self.list.item(0).setText(self.tr("All articles"))
