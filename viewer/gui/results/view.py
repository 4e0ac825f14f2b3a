"""The results list: one row per story (its copies under it when expanded), its keys (story_keys.py),
dragging the chosen results out (drag.py) and the context menu a caller hands it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from viewer.gui.common.retranslating import Retranslating
from viewer.gui.results.delegate import ResultDelegate
from viewer.gui.results.drag import ResultsDrag
from viewer.gui.results.model import ResultsModel
from viewer.gui.results.story_keys import StoryKeys


class ResultsView(Retranslating, QListView):
    open_requested = Signal()  # Enter on a row: its article in the reading pane, the keyboard there

    def __init__(self, model: ResultsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.setModel(model)
        self.results = model
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.story_keys = StoryKeys(self, model, self.open_requested.emit)
        self.drag: ResultsDrag | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Search results"))
        self.setAccessibleDescription(self.tr("Enter opens the article; + and − show and hide a story's copies"))

    def current_row(self) -> int:
        return self.currentIndex().row()

    def current_article_id(self) -> str:
        """The current row's article ("" for none, or a placeholder row)."""
        return self.results.article_id(self.current_row())

    def rows_on_screen(self) -> int | None:
        """How many rows the view shows at its height, the last one cut included; None while it has no
        row to measure (rows are all one height)."""
        height = self.sizeHintForRow(0)
        if height <= 0:
            return None
        return max(1, -(-self.viewport().height() // height))

    def select_row(self, row: int) -> None:
        """Makes `row` the current and only selected row, scrolled into view."""
        index = self.results.index(row)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def selected_article_ids(self) -> list[str]:
        """The selected rows' articles in list order (placeholder rows have none yet)."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [i for i in (self.results.article_id(r) for r in rows) if i]

    def drag_out(self, chosen_ids: Callable[[], list[str]]) -> None:
        """Lets the researcher drag `chosen_ids()` out of the list (onto a collection)."""
        self.drag = ResultsDrag(self, chosen_ids)

    def set_context_menu(self, make_menu: Callable[[QWidget], QMenu]) -> None:
        """A right click on the list opens the menu `make_menu` builds."""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: make_menu(self).exec(self.viewport().mapToGlobal(QPoint(pos))))
