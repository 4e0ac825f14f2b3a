"""The reading pane's text: one article, right to left, search hits as ExtraSelections (the
document stays untouched), coloured highlights as char formats (they travel into exports).

For the notes panel: `selection_offsets()` gives the selection as (start, end) offsets into
`article.text`; `set_highlights([(start, end, colour), ...])` paints those ranges."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QContextMenuEvent, QDesktopServices, QFocusEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from viewer.app.hit_marks import find_hits, query_pattern
from viewer.core.article import Article
from viewer.core.results import HitPattern
from viewer.gui.article.document import MORE_HREF, TAG_SCHEME, ArticleLayout, Labels, fill_reading_document
from viewer.gui.common.digits import number
from viewer.gui.common.fonts import BASE_POINT_SIZE, FONT_FAMILY
from viewer.gui.common.theme import colours

MIN_ZOOM, MAX_ZOOM = -4, 12
# Characters laid out at once: a one-paragraph article of megabytes took a minute and most of a
# gigabyte to lay out; 30,000 (a long feature) take a fraction of a second. "Show more" adds more.
SHOWN_CHARS = 30_000
Highlight = tuple[int, int, "QColor | str"]


class ArticleView(QTextBrowser):
    tag_clicked = Signal(str)
    hits_changed = Signal(int, int)  # (current index or -1, count)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        # A caret the keyboard moves and selects with (so text can be highlighted without a mouse);
        # links by mouse only, so Tab leaves the article rather than walking its tag chips.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setTabChangesFocus(True)
        self.setCursorWidth(2)
        self.anchorClicked.connect(self._on_anchor)
        self.article: Article | None = None
        self.layout_map = ArticleLayout()
        self.labels = Labels()
        self.family = FONT_FAMILY
        self.zoom = 0
        self.query = ""
        self.pattern = HitPattern()
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.highlights: list[Highlight] = []
        self.shown_limit = SHOWN_CHARS
        self.selection_actions: list[QAction] = []  # highlight and note, offered on a selection

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Tabbing in puts the caret at the start of the body text (not in the title) unless
        something is selected already."""
        super().focusInEvent(event)
        keyboard = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                                      Qt.FocusReason.ShortcutFocusReason)
        if keyboard and not self.textCursor().hasSelection() and self.layout_map.positions:
            cursor = self.textCursor()
            if cursor.position() < self.layout_map.positions[0]:
                cursor.setPosition(self.layout_map.positions[0])
                self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def selection_menu(self, at: QPoint) -> QMenu:
        """Copy and Select all, and on a selection first of all Highlight and Note."""
        menu = self.createStandardContextMenu(at)
        if self.textCursor().hasSelection() and self.selection_actions and menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, self.selection_actions)
            menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.selection_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- content -----------------------------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        """No remote or local resources: an article never makes the app touch the network."""
        return None

    def show_article(self, article: Article | None, query: str = "", pattern: HitPattern | None = None) -> None:
        """Shows `article` with the hits of `query` marked: `pattern` is what the search looked for
        (`SearchResult.pattern`: its words and phrases); without it, it is made from the query."""
        self.article = article
        self.query = query
        self.pattern = pattern if pattern is not None else query_pattern(query)
        self.highlights = []
        self.current_hit = -1
        self.shown_limit = SHOWN_CHARS
        self.rebuild()
        self.verticalScrollBar().setValue(0)

    def rebuild(self) -> None:
        """(Re)builds the document for the current article, zoom, theme and highlights."""
        scroll = self.verticalScrollBar().value()
        if self.article is None:
            self.document().clear()
            self.layout_map = ArticleLayout()
            self.hits = []
        else:
            pattern = self.pattern
            self.layout_map = fill_reading_document(self.document(), self.article, self.family,
                                                     self.base_size(), colours(), self.labels,
                                                     title_hits=find_hits(self.article.title, pattern),
                                                     limit=self.shown_limit, number=number)
            self.hits = find_hits(self.shown_text(), pattern)
            self._apply_highlight_formats()
            caret = QTextCursor(self.document())  # the caret at the body's start, not after the footer
            caret.setPosition(self.layout_map.to_position(0))
            self.setTextCursor(caret)
        if self.current_hit >= len(self.hits):
            self.current_hit = -1
        self._paint_hits()
        self.verticalScrollBar().setValue(scroll)

    def shown_text(self) -> str:
        """The part of article.text the document holds (all of it unless the article is very long)."""
        return self.article.text[:self.layout_map.shown_chars] if self.article is not None else ""

    def show_more(self) -> None:
        self.shown_limit += SHOWN_CHARS
        self.rebuild()

    def base_size(self) -> float:
        return max(6.0, BASE_POINT_SIZE + 1.5 + self.zoom)

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.rebuild()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    # -- hits ----------------------------------------------------------------------------------
    def _paint_hits(self) -> None:
        palette = colours()
        selections = []
        for i, (start, end) in enumerate(self.hits):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.layout_map.to_position(start))
            cursor.setPosition(self.layout_map.to_position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(palette["current_hit_bg"] if i == self.current_hit else palette["hit_bg"]))
            if i == self.current_hit:
                fmt.setForeground(QColor("#ffffff"))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self.hits_changed.emit(self.current_hit, len(self.hits))

    def go_to_hit(self, index: int) -> None:
        if not self.hits:
            return
        self.current_hit = index % len(self.hits)
        self._paint_hits()
        start, _end = self.hits[self.current_hit]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_map.to_position(start))
        self.setTextCursor(cursor)
        self._center_on(cursor)

    def _center_on(self, cursor: QTextCursor) -> None:
        """Scrolls so `cursor` sits in the middle of the pane (not at its edge)."""
        bar = self.verticalScrollBar()
        middle = self.cursorRect(cursor).center().y() + bar.value()
        bar.setValue(max(0, middle - self.viewport().height() // 2))

    def next_hit(self) -> None:
        self.go_to_hit(self.current_hit + 1)

    def previous_hit(self) -> None:
        self.go_to_hit(self.current_hit - 1 if self.current_hit >= 0 else -1)

    # -- selection and highlights (the notes panel's interface) ----------------------------
    def selection_offsets(self) -> tuple[int, int] | None:
        """The selection as (start, end) Python offsets into `article.text`, or None."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        start = self.layout_map.to_offset(cursor.selectionStart())
        end = self.layout_map.to_offset(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_offsets(self, start: int, end: int) -> None:
        if end > self.layout_map.shown_chars and self.shown_limit < end:  # a note past the cut
            self.shown_limit = end + SHOWN_CHARS
            self.rebuild()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_map.to_position(start))
        cursor.setPosition(self.layout_map.to_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_highlights(self, ranges: list[Highlight]) -> None:
        """Replaces the coloured highlights with `ranges` of (start, end, colour): the old ones are
        cleared and the new painted in place (rebuilding the document took seconds on long ones)."""
        old, self.highlights = self.highlights, list(ranges)
        if self.article is None:
            return
        self._format_ranges([(start, end, None) for start, end, _colour in old])
        self._apply_highlight_formats()

    def _apply_highlight_formats(self) -> None:
        self._format_ranges(self.highlights)

    def _format_ranges(self, ranges: Sequence[tuple[int, int, QColor | str | None]]) -> None:
        for start, end, colour in ranges:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.layout_map.to_position(start))
            cursor.setPosition(self.layout_map.to_position(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(colour)) if colour is not None else QBrush())
            cursor.mergeCharFormat(fmt)

    # -- links ------------------------------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        if url.toString() == MORE_HREF:
            self.show_more()
        elif url.scheme() == TAG_SCHEME:
            encoded = bytes(url.toEncoded().data()).decode("ascii")
            self.tag_clicked.emit(unquote(encoded[len(TAG_SCHEME) + 1:]))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
