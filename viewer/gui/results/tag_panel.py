"""The tag filter panel: a box to filter the list, the checkable tags with counts, clear-all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from viewer.gui.common.accessible import name_clear_button
from viewer.gui.common.retranslating import Retranslating
from viewer.gui.results.tag_model import TAG_ROLE, TagModel


class TagPanel(Retranslating, QWidget):
    # Other tags are listed: the width that shows them whole (`content_width`) may have changed.
    content_changed = Signal()

    def __init__(self, model: TagModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(TAG_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setObjectName("tagList")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        # No selection colour: on a checkable list the current row looked ticked; focus shows it.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long tag keeps its count
        self.list.clicked.connect(self._toggle)
        self.list.installEventFilter(self)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearTags")
        self.clear_button.clicked.connect(model.clear_checked)
        model.checked_changed.connect(self._update_clear)
        model.modelReset.connect(self._restore_current)
        for listed in (model.modelReset, model.rowsInserted):
            listed.connect(self.content_changed)
        self._current_tag = ""

        # The clear button under the list, full width: beside the title it was cut on a small screen.
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.clear_button)
        self.retranslate()
        self._update_clear([])

    def content_width(self) -> int:
        """The panel's width that shows every listed tag whole (its box, name and count): the widest
        row, the list's frame and scroll bar, the panel's margins."""
        margins = self._column.contentsMargins()
        return (self._widest_row() + 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
                + margins.left() + margins.right())

    def _widest_row(self) -> int:
        """The row width under which the style elides the longest tag. Measured as the style draws (the
        text's place beside the box, less its margins): the delegate's size hint is a few pixels short."""
        rows = [self.proxy.index(r, 0) for r in range(self.proxy.rowCount())]
        delegate = self.list.itemDelegate()
        if not rows or not isinstance(delegate, QStyledItemDelegate):
            return 0
        metrics = self.list.fontMetrics()
        longest = max(rows, key=lambda index: metrics.horizontalAdvance(str(index.data())))
        option = QStyleOptionViewItem()
        self.list.initViewItemOption(option)
        delegate.initStyleOption(option, longest)
        option.rect = QRect(0, 0, 10_000, self.list.sizeHintForIndex(longest).height())
        style = self.list.style()
        text_place = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.list).width()
        text_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.list) + 1
        return option.rect.width() - text_place + option.fontMetrics.horizontalAdvance(option.text) + 2 * text_margin + 1

    def _toggle(self, proxy_index: QModelIndex) -> None:
        """A click anywhere on the row (not just the small box) toggles the tag."""
        tag = proxy_index.data(TAG_ROLE)
        if tag and self.model.can_toggle(self.proxy.mapToSource(proxy_index).row()):
            self._current_tag = tag
            self.model.set_checked(tag, tag not in self.model.checked)

    def _restore_current(self) -> None:
        """New facets reset the model: keep the keyboard on the tag last toggled."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(TAG_ROLE) == self._current_tag:
                self.list.setCurrentIndex(index)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Space or Enter toggles the current tag, as a click does."""
        if (watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.list.currentIndex().isValid()):
            self._toggle(self.list.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _update_clear(self, checked: list[str]) -> None:
        self.clear_button.setEnabled(bool(checked))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tags"))
        self.filter_box.setPlaceholderText(self.tr("Filter tags…"))
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Uncheck every tag"))
        self.filter_box.setAccessibleName(self.tr("Filter the tags"))
        name_clear_button(self.filter_box)
        self.list.setAccessibleName(self.tr("Tags of the results: Space ticks a tag to show only its articles"))
