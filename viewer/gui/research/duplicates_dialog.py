"""The duplicates view: every story told by several articles (near duplicates) and every article
saved in several files, across the archive, each article openable (Enter or a double click).

The groups are worked out by `Library.duplicate_groups` on a background thread (it walks the LSH
bands of the index, never every pair of articles); the dialog shows "Finding duplicates…" meanwhile
and stays open beside the window (not modal), so the researcher can go through the groups."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.core.source_names import file_name
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.dates import from_iso, jalali
from viewer.gui.common.digits import number
from viewer.gui.common.tasks import RunOffThread
from viewer.gui.common.translations import current_language

if TYPE_CHECKING:
    from viewer.app.duplicates import DuplicateGroup

ID_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesDialog(QDialog):
    open_requested = Signal(str)  # article id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setModal(False)
        self.resize(640, 480)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicateGroups")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # titles take what the files leave
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.groups: list[DuplicateGroup] | None = None
        self._items: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        self._error = ""
        self._retranslate()

    def load(self, find_groups: Callable[[], list[DuplicateGroup]], run: RunOffThread) -> None:
        """Finds the groups off the UI thread (`run`) and lists them when they come."""
        self.groups, self._error, self._items = None, "", []
        self.tree.clear()
        self._retranslate()
        run(find_groups, self.show_groups, self._failed)

    def show_groups(self, groups: list[DuplicateGroup]) -> None:
        self.groups, self._items = groups, []
        self.tree.clear()
        for group in groups:
            top = QTreeWidgetItem(self.tree)
            top.setData(0, ID_ROLE, group.articles[0].id)
            children = []
            for article in group.articles:
                item = QTreeWidgetItem(top)
                item.setData(0, ID_ROLE, article.id)
                item.setToolTip(0, "\n".join(article.sources))
                children.append(item)
            self._items.append((top, children))
        self._retranslate()
        if self._items:
            self.tree.setCurrentItem(self._items[0][0])

    def _failed(self, exc: BaseException) -> None:
        self._error = user_message(exc)
        self._retranslate()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, ID_ROLE)
        if article_id:
            self.open_requested.emit(str(article_id))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Duplicates"))
        self.tree.setHeaderLabels([self.tr("Story or article"), self.tr("Date and files")])
        self.tree.setAccessibleName(self.tr("Duplicates: Enter opens an article"))
        if self._error:
            self.summary.setText(self._error)
        elif self.groups is None:
            self.summary.setText(self.tr("Finding duplicates…"))
        elif not self.groups:
            self.summary.setText(self.tr("No duplicates: every article is one story in one file."))
        else:
            stories = sum(1 for g in self.groups if len(g.articles) > 1)
            self.summary.setText(self.tr("{stories} stories told by several articles, {files} articles saved in "
                                         "several files. Enter or a double click opens an article.").format(
                stories=number(stories), files=number(len(self.groups) - stories)))
        for group, (top, children) in zip(self.groups or [], self._items, strict=True):
            first = group.articles[0]
            if len(group.articles) > 1:
                top.setText(0, self.tr("{count} articles: {title}").format(count=number(len(group.articles)),
                                                                           title=first.title))
            else:
                top.setText(0, first.title)
            top.setText(1, self.tr("{count} files").format(count=number(group.files)))
            for article, item in zip(group.articles, children, strict=True):
                item.setText(0, article.title or article.id)
                comma = "، " if current_language() == "fa" else ", "
                files = comma.join(file_name(path) for path in article.sources)
                when = _day(article.date)
                item.setText(1, " · ".join(t for t in (when, files) if t))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _day(iso: str) -> str:
    day = from_iso(iso)
    if day is None:
        return ""
    return jalali(day) if current_language() == "fa" else day.isoformat()
