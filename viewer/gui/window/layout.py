"""Where the window's parts sit: the search bar on top, a band under it (the timeline), then tags,
results and the article side by side in a splitter; side panels (notes, research) dock beside them.
The layout owns the splitter and the docks, and so what is shown and how wide."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

NOTES_DOCK_WIDTH = 250


class WindowLayout:
    def __init__(self, window: QMainWindow, search_bar: QWidget, tags: QWidget, results: QWidget, article: QWidget):
        self.window = window
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(tags)
        self.splitter.addWidget(results)
        self.splitter.addWidget(article)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([190, 380, 560])
        self.splitter.setChildrenCollapsible(False)
        # Small minimums so the window fits a 1024-pixel screen (and the 800×600 offscreen one).
        tags.setMinimumWidth(130)
        results.setMinimumWidth(220)
        # The article pane's minimum is its bar's (hit counter and buttons), so nothing there is cut.
        central = QWidget(window)
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(search_bar)
        self._column.addWidget(self.splitter, 1)
        window.setCentralWidget(central)
        self.docks: list[QDockWidget] = []

    def add_band(self, widget: QWidget) -> None:
        """A strip across the window under the search bar, over the results (the timeline)."""
        self._column.insertWidget(self._column.indexOf(self.splitter), widget)

    def add_side_panel(self, widget: QWidget, title: str, name: str, width: int | None = None) -> QDockWidget:
        """Docks `widget` beside the article (the notes and research panels go here); `name` is the
        dock's object name, under which the window remembers where it is."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        if width is not None:
            self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        self.docks.append(dock)
        return dock

    def save_splitter(self) -> str:
        return bytes(self.splitter.saveState().toBase64().data()).decode("ascii")

    def restore_splitter(self, state: str) -> None:
        if state:
            self.splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))
