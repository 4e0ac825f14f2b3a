"""How the main window is laid out: the search bar over tags, results and the article side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QSplitter, QVBoxLayout, QWidget

from viewer.gui.results.delegate import ResultDelegate
from viewer.gui.results.model import ResultsModel

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow


def results_view(model: ResultsModel, parent: QWidget) -> QListView:
    view = QListView(parent)
    view.setObjectName("resultsView")
    view.setModel(model)
    view.setItemDelegate(ResultDelegate(view))
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    return view


def lay_out(window: MainWindow) -> QSplitter:
    """Puts the window's parts in place; returns the splitter (its state is remembered)."""
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(window.tag_panel)
    splitter.addWidget(window.results_view)
    splitter.addWidget(window.article_pane)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 2)
    splitter.setStretchFactor(2, 3)
    splitter.setSizes([190, 380, 560])
    splitter.setChildrenCollapsible(False)
    # Small minimums so the window fits a 1024-pixel screen (and the 800×600 offscreen one).
    window.tag_panel.setMinimumWidth(130)
    window.results_view.setMinimumWidth(220)
    # The article pane's minimum is its bar's (hit counter and buttons), so nothing there is cut.
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(window.search_bar)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    return splitter
