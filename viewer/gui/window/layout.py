"""Where the window's parts sit, and which are shown: the search bar on top (bands, such as the first
start's welcome, under it), then tags, results (the timeline over them) and the article side by side
in a splitter; the side panels (notes, research) dock beside them as tabs of one place.

The article is the room's centre: the splitter gives it every pixel the window grows by, and until
the researcher arranges the panels themselves the layout follows the window's width — on a wide
window tags, results, article and the side panels; below `WIDE_WINDOW` the results and the article
only (the other panels come back by their View-menu entries and keys). Reading mode hides everything
but the article and brings back, on leaving, what was shown before. What is shown, the splitter and
the docks are remembered in the settings (`save`, `restore`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.app.settings import READING_MODE, SHOWN_PANELS, SPLITTER, WINDOW_STATE, Settings
from viewer.gui.article.pane import ArticlePane
from viewer.gui.common import shortcuts
from viewer.gui.results.tag_panel import TagPanel

NOTES_DOCK = "dock-notes"
RESEARCH_DOCK = "dock-research"
TAGS, RESULTS, NOTES, RESEARCH = "tags", "results", "notes", "research"
PANELS = (TAGS, RESULTS, NOTES, RESEARCH)
# The default widths: narrow side columns, so that the article keeps half of a 1440-pixel window.
TAGS_WIDTH = 140
# The tags column widens to show its longest tag whole, up to this, with what the article's text
# column has beyond ARTICLE_SHARE of the window; narrower, a tag is elided in the middle.
TAGS_MOST_WIDTH = 260
ARTICLE_SHARE = 0.5
RESULTS_WIDTH = 280
SIDE_PANEL_WIDTH = 220
NOTES_DOCK_WIDTH = SIDE_PANEL_WIDTH
# Narrower than this, the default shows only the results and the article (a 1024-pixel netbook).
WIDE_WINDOW = 1200
# Reading mode centres the article in at most this width: lines of 1,400 pixels are hard to follow.
READING_WIDTH = 980


def _encoded(state: QByteArray) -> str:
    return bytes(state.toBase64().data()).decode("ascii")


def _decoded(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


@dataclass(frozen=True)
class Arrangement:
    """What is shown and how wide: the panels shown, the splitter's and the docks' Qt states."""

    shown: tuple[str, ...]
    splitter: str
    docks: str


class WindowLayout(QObject):
    def __init__(self, window: QMainWindow, search_bar: QWidget, tags: TagPanel, results: QWidget, article: ArticlePane):
        super().__init__(window)
        self.window = window
        self.tags = tags
        self.article = article
        # The search bar and the bands under it: one strip that reading mode hides at once.
        self.top = QWidget(window)
        self.top.setObjectName("topStrip")
        self._top_column = QVBoxLayout(self.top)
        self._top_column.setContentsMargins(0, 0, 0, 0)
        self._top_column.setSpacing(0)
        self._top_column.addWidget(search_bar)
        # The results with what narrows them (the timeline) over them, as one column of the splitter.
        self.results = QWidget(window)
        self.results.setObjectName("resultsColumn")
        self._results_column = QVBoxLayout(self.results)
        self._results_column.setContentsMargins(0, 0, 0, 0)
        self._results_column.setSpacing(0)
        self._results_column.addWidget(results, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(tags)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(article)
        # A wider window widens the article only; the lists keep their width.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(10)
        self.splitter.setSizes([TAGS_WIDTH, RESULTS_WIDTH, 800])
        # Small minimums so the window fits a 1024-pixel screen (and the 800×600 offscreen one).
        tags.setMinimumWidth(120)
        self.results.setMinimumWidth(200)
        # The article pane's minimum is its bar's (hit counter and buttons), so nothing there is cut.
        central = QWidget(window)
        self._central_column = QVBoxLayout(central)
        self._central_column.setContentsMargins(0, 0, 0, 0)
        self._central_column.setSpacing(0)
        self._central_column.addWidget(self.top)
        self._central_column.addWidget(self.splitter, 1)
        window.setCentralWidget(central)
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.docks: list[QDockWidget] = []
        self._docks_by_panel: dict[str, QDockWidget] = {}

        def action(name: str) -> QAction:
            act = shortcuts.bind(QAction(window), name)
            window.addAction(act)  # the keys work while the menu bar is hidden, and in reading mode
            return act

        self.reading_action = action("readingMode")
        self.reading_action.setCheckable(True)
        self.panel_actions = {TAGS: action("showTags"), RESULTS: action("showResults"),
                              NOTES: action("showNotes"), RESEARCH: action("showResearch")}
        for panel, act in self.panel_actions.items():
            act.setCheckable(True)
            act.setChecked(panel in (TAGS, RESULTS))
            act.setEnabled(panel in (TAGS, RESULTS))  # a side panel's, once it is docked
            act.triggered.connect(lambda shown, panel=panel: self._panel_chosen(panel, shown))
        self.reading_action.triggered.connect(self.set_reading)
        self.reading = False
        self._before_reading: Arrangement | None = None
        # Until the researcher arranges the panels (or an arrangement is restored), the default one
        # follows the window's width.
        self.follows_width = True
        self._arranging = False
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._customised())
        window.installEventFilter(self)
        tags.content_changed.connect(self.fit_tags)
        article.installEventFilter(self)  # the article resized (the docks settled): the tags' room is known
        self.retranslate()

    # -- the parts -------------------------------------------------------------------------------
    def add_band(self, widget: QWidget) -> None:
        """A strip across the window under the search bar (the first start's welcome)."""
        self._top_column.addWidget(widget)

    def add_over_results(self, widget: QWidget) -> None:
        """A strip over the results only (the timeline, which narrows them): the article keeps its height."""
        self._results_column.insertWidget(self._results_column.count() - 1, widget)

    def add_side_panel(self, widget: QWidget, title: str, name: str, width: int | None = None) -> QDockWidget:
        """Docks `widget` beside the article, as a tab of the side panels' place; `name` is the dock's
        object name, under which the window remembers where it is. The notes' and the research's docks
        are shown and hidden by their View-menu entries and keys."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        if self.docks:
            self.window.tabifyDockWidget(self.docks[0], dock)
            self.docks[0].raise_()  # the first docked (the notes) in front
        self.window.resizeDocks([dock], [width or SIDE_PANEL_WIDTH], Qt.Orientation.Horizontal)
        self.docks.append(dock)
        panel = {NOTES_DOCK: NOTES, RESEARCH_DOCK: RESEARCH}.get(name)
        if panel is not None:
            self._docks_by_panel[panel] = dock
            act = self.panel_actions[panel]
            act.setEnabled(True)
            act.setChecked(not dock.isHidden())
            # Closed with its ⊗ (or shown by Qt's own menu): the entry says so, and it is the researcher's choice.
            dock.toggleViewAction().toggled.connect(lambda shown, act=act: self._dock_toggled(act, shown))
        if self.follows_width:
            self.apply_default()
        return dock

    # -- what is shown -------------------------------------------------------------------------------
    def is_shown(self, panel: str) -> bool:
        """Whether `panel` is shown (a side panel behind another's tab counts as shown)."""
        if panel == TAGS:
            return not self.tags.isHidden()
        if panel == RESULTS:
            return not self.results.isHidden()
        dock = self._docks_by_panel.get(panel)
        return dock is not None and not dock.isHidden()

    def shown_panels(self) -> tuple[str, ...]:
        return tuple(panel for panel in PANELS if self.is_shown(panel))

    def set_shown(self, panel: str, shown: bool, to_front: bool = True) -> None:
        """Shows or hides `panel`; a side panel shown comes to the front of its place (unless not
        `to_front`: a restored arrangement keeps the tab it had in front)."""
        self._arranging = True
        try:
            if panel == TAGS:
                self.tags.setVisible(shown)
            elif panel == RESULTS:
                self.results.setVisible(shown)
            elif (dock := self._docks_by_panel.get(panel)) is not None:
                dock.setVisible(shown)
                if shown and to_front:
                    dock.raise_()
        finally:
            self._arranging = False
        self.panel_actions[panel].setChecked(self.is_shown(panel))

    def _panel_chosen(self, panel: str, shown: bool) -> None:
        self._customised()
        dock = self._docks_by_panel.get(panel)
        if not shown and dock is not None and not dock.isHidden() and dock.visibleRegion().isEmpty():
            shown = True  # behind another side panel's tab: its key brings it to the front, not away
        self.set_shown(panel, shown)

    def _dock_toggled(self, act: QAction, shown: bool) -> None:
        act.setChecked(shown)
        if not shown and self.window.isVisible():  # closed by its ⊗ (not the window closing)
            self._customised()

    def _customised(self) -> None:
        if not self._arranging:
            self.follows_width = False

    # -- the default arrangement -----------------------------------------------------------------
    def apply_default(self) -> None:
        """The arrangement for the window's width: tags, results, article and side panels on a wide
        window; results and article on a narrow one."""
        wide = self.window.width() >= WIDE_WINDOW
        for panel in PANELS:
            self.set_shown(panel, wide or panel == RESULTS)
        if self.docks:
            self.docks[0].raise_()
        self._arranging = True
        try:
            tags_width = max(TAGS_WIDTH, self.splitter.sizes()[0])  # as fitted to the tags (fit_tags)
            self.splitter.setSizes([tags_width, RESULTS_WIDTH, max(1, self.window.width())])
            shown_docks = [dock for dock in self.docks if not dock.isHidden()]
            if shown_docks:
                self.window.resizeDocks(shown_docks, [SIDE_PANEL_WIDTH] * len(shown_docks), Qt.Orientation.Horizontal)
        finally:
            self._arranging = False
        QTimer.singleShot(0, self.fit_tags)  # once the window's layout has given the splitter its width

    def fit_tags(self) -> None:
        """In the default arrangement, the tags column as wide as its longest tag needs (at least
        TAGS_WIDTH, at most TAGS_MOST_WIDTH), taken from the article only while its text column keeps
        ARTICLE_SHARE of the window. The article's text width is counted with its scroll bar, shown or
        not, so that a scroll bar coming and going never moves the columns."""
        if not self.follows_width or self.reading or self.tags.isHidden() or self.article.isHidden():
            return
        sizes = self.splitter.sizes()
        view = self.article.view
        text_column = view.maximumViewportSize().width() - view.verticalScrollBar().sizeHint().width()
        spare = text_column - math.ceil(ARTICLE_SHARE * self.window.width())
        # Never narrower for the tags of a new search (the columns would jump under the reader's eyes),
        # only to give the article its share back.
        wanted = max(sizes[0], min(TAGS_MOST_WIDTH, self.tags.content_width()))
        width = max(TAGS_WIDTH, min(wanted, TAGS_MOST_WIDTH, sizes[0] + spare))
        if width != sizes[0]:
            self._arranging = True
            try:
                self.splitter.setSizes([width, sizes[1], sizes[2] - (width - sizes[0]), *sizes[3:]])
            finally:
                self._arranging = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.article and event.type() == QEvent.Type.Resize:
            self.fit_tags()
        elif watched is self.window and event.type() == QEvent.Type.Resize:
            if self.reading:
                self._centre_article()
            elif self.follows_width:
                self.apply_default()
        return super().eventFilter(watched, event)

    def _centre_article(self) -> None:
        side = max(0, (self.window.width() - READING_WIDTH) // 2) if self.reading else 0
        self._central_column.setContentsMargins(side, 0, side, 0)  # (QSplitter's own margins break right to left)

    # -- reading mode ------------------------------------------------------------------------------
    def set_reading(self, on: bool) -> None:
        """Reading mode: the article alone in the window (the menu and status bars stay), centred in
        at most `READING_WIDTH`; leaving it brings back the panels and widths of before."""
        if on == self.reading:
            self.reading_action.setChecked(on)
            return
        if on:
            self._before_reading = self.arrangement()
            self.reading = True
            for panel in PANELS:
                self.set_shown(panel, False)
            self.top.hide()
            self._centre_article()
        else:
            self.reading = False
            self._centre_article()
            self.top.show()
            if self._before_reading is not None:
                self._arrange(self._before_reading)
            self._before_reading = None
        self.reading_action.setChecked(on)

    # -- remembered --------------------------------------------------------------------------------
    def arrangement(self) -> Arrangement:
        """What is shown now, or, in reading mode, what comes back on leaving it."""
        if self.reading and self._before_reading is not None:
            return self._before_reading
        return Arrangement(self.shown_panels(), _encoded(self.splitter.saveState()), _encoded(self.window.saveState()))

    def _arrange(self, arrangement: Arrangement) -> None:
        self._arranging = True
        try:
            if arrangement.docks:
                self.window.restoreState(_decoded(arrangement.docks))
            if arrangement.splitter:
                self.splitter.restoreState(_decoded(arrangement.splitter))
        finally:
            self._arranging = False
        for panel in PANELS:
            self.set_shown(panel, panel in arrangement.shown, to_front=False)

    def save(self, settings: Settings) -> None:
        arrangement = self.arrangement()
        settings.set(SHOWN_PANELS, list(arrangement.shown))
        settings.set(SPLITTER, arrangement.splitter)
        settings.set(WINDOW_STATE, arrangement.docks)
        settings.set(READING_MODE, self.reading)

    def restore(self, settings: Settings) -> None:
        """The arrangement of the last session; none remembered (a first start, or a version before
        the layout was remembered whole): the default for the window's width."""
        shown = settings.get(SHOWN_PANELS)
        if shown is None:
            self.follows_width = True
            self.apply_default()
        else:
            self.follows_width = False
            self._arrange(Arrangement(tuple(p for p in PANELS if p in shown), settings.get(SPLITTER),
                                      settings.get(WINDOW_STATE)))
        if settings.get(READING_MODE):
            self.set_reading(True)

    def retranslate(self) -> None:
        for act in (self.reading_action, *self.panel_actions.values()):
            shortcuts.retranslate(act)
        # The docks' tab bars name their scroll buttons once, when made; Qt does not name them again.
        for tab_bar in self.window.findChildren(QTabBar):
            for button, name in ((tab_bar.findChild(QToolButton, "ScrollLeftButton"), "Scroll Left"),
                                 (tab_bar.findChild(QToolButton, "ScrollRightButton"), "Scroll Right")):
                if button is not None:
                    button.setAccessibleName(QCoreApplication.translate("QTabBar", name))
