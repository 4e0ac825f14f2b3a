"""The reading pane's text: one article, right to left, search hits as ExtraSelections (the
document stays untouched), coloured highlights as char formats (they travel into exports).

For the notes panel: `selection_offsets()` gives the selection as (start, end) offsets into
`article.text`; `set_highlights([(start, end, colour), ...])` paints those ranges and
`set_highlight_tips([(start, end, text), ...])` says what hovering them shows. A selection made with
the mouse or the keyboard brings up the selection toolbar beside it; its colours and Note are asked
for with `highlight_requested` and `note_requested`, a click on a highlight says `highlight_clicked`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QFocusEvent,
    QGuiApplication,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from viewer.app.hit_marks import find_hits, query_pattern
from viewer.core.article import Article
from viewer.core.picture_places import picture_places
from viewer.core.results import HitPattern
from viewer.gui.article.document import MORE_HREF, TAG_SCHEME, ArticleLayout, Labels, fill_reading_document
from viewer.gui.article.pictures import (
    PICTURE_BLOCK,
    PICTURE_SCHEME,
    PictureDialog,
    PictureLabels,
    fit_pictures,
    insert_pictures,
)
from viewer.gui.article.selection_toolbar import Colour, SelectionToolbar
from viewer.gui.common import shortcuts
from viewer.gui.common.digits import number
from viewer.gui.common.fonts import BASE_POINT_SIZE, FONT_FAMILY
from viewer.gui.common.theme import colours

MIN_ZOOM, MAX_ZOOM = -4, 12
# Characters laid out at once: a one-paragraph article of megabytes took a minute and most of a
# gigabyte to lay out; 30,000 (a long feature) take a fraction of a second. "Show more" adds more.
SHOWN_CHARS = 30_000
HIGHLIGHTED_TEXT = QColor("#1b1b1b")  # on every highlight colour, in both themes
Highlight = tuple[int, int, "QColor | str"]
HighlightTip = tuple[int, int, str]  # (start, end, what hovering the highlight shows)
# Keys after which a selection made with the keyboard is offered the toolbar.
SELECTING_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                  Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_A}


def _line_x(line: QTextLine, position: int) -> float:
    """Where `position` (in the line's block) falls across `line`; PySide6 returns (x, position)."""
    found = line.cursorToX(position)
    return float(found[0]) if isinstance(found, tuple) else float(cast(float, found))


class ArticleView(QTextBrowser):
    tag_clicked = Signal(str)
    hits_changed = Signal(int, int)  # (current index or -1, count)
    highlight_requested = Signal(str)  # highlight the selection in this colour ("": the last one used)
    note_requested = Signal()  # highlight the selection and write a note on it
    highlight_clicked = Signal(int, int)  # (start, end) of the highlight clicked

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
        self.picture_labels = PictureLabels()
        self.family = FONT_FAMILY
        self.zoom = 0
        self.query = ""
        self.pattern = HitPattern()
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self.highlights: list[Highlight] = []
        self.shown_limit = SHOWN_CHARS
        self.selection_actions: list[QAction] = []  # highlight and note, offered on a selection
        self.highlight_tips: list[HighlightTip] = []
        self._picture_places: dict[int, list[int]] = {}  # boundary -> the article's pictures standing there
        self.cite: Callable[[Article], str] | None = None  # the article's citation line, for Copy as citation
        self.toolbar = SelectionToolbar(self.viewport())
        self.toolbar.colour_chosen.connect(self._highlight_from_toolbar)
        self.toolbar.note_requested.connect(self._note_from_toolbar)
        self.toolbar.copy_requested.connect(self.copy_selection)
        self.toolbar.citation_requested.connect(self.copy_selection_as_citation)
        self.toolbar.dismissed.connect(lambda: self.setFocus(Qt.FocusReason.OtherFocusReason))
        self.toolbar.set_citation_available(False)
        self.selectionChanged.connect(self._selection_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_selection())
        self.horizontalScrollBar().valueChanged.connect(lambda _value: self._follow_selection())
        # The toolbar from the keyboard, wherever the focus is in the window (the selection stays in
        # the text when the focus leaves it).
        self.toolbar_action = shortcuts.bind(QAction(self), "selectionToolbar")
        self.toolbar_action.triggered.connect(lambda: self.show_selection_toolbar(focus=True))
        self.addAction(self.toolbar_action)
        shortcuts.retranslate(self.toolbar_action)

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
        """Copy and Select all, and on a selection first of all Highlight, the highlight colours
        and Note."""
        menu = self.createStandardContextMenu(at)
        if self.textCursor().hasSelection() and self.selection_actions and menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, self.selection_actions)
            if self.toolbar.colours:
                colours = QMenu(self.tr("Highlight in colour"), menu)
                colours.setObjectName("highlightColours")
                for button in self.toolbar.colour_buttons:
                    colour = str(button.property("colour"))
                    colours.addAction(button.icon(), button.accessibleName(),
                                      lambda c=colour: self.highlight_requested.emit(c))
                menu.insertMenu(first, colours)
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
        self.highlight_tips = []
        self.current_hit = -1
        self.shown_limit = SHOWN_CHARS
        self.toolbar.hide()
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
            self._picture_places = picture_places(self.article.blocks, self.article.images)
            self.layout_map = fill_reading_document(self.document(), self.article, self.family,
                                                     self.base_size(), colours(), self.labels,
                                                     title_hits=find_hits(self.article.title, pattern),
                                                     limit=self.shown_limit, number=number,
                                                     between_blocks=self._insert_pictures)
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
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(colour)) if colour is not None else QBrush())
            # The palette's colours are light: on them the dark theme's light text could not be read.
            fmt.setForeground(QBrush(HIGHLIGHTED_TEXT) if colour is not None else QBrush())
            for first, last in self.layout_map.spans(start, end):  # a picture between two lines stays as it is
                cursor = QTextCursor(self.document())
                cursor.setPosition(first)
                cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    def set_highlight_tips(self, tips: list[HighlightTip]) -> None:
        """What hovering each highlight shows: (start, end, text) in article.text's offsets."""
        self.highlight_tips = list(tips)

    def set_highlight_colours(self, colours: Sequence[Colour]) -> None:
        """The colours the selection toolbar and the context menu offer (none without notes)."""
        self.toolbar.set_colours(colours)

    def set_citation(self, cite: Callable[[Article], str] | None) -> None:
        """How an article is cited, for the toolbar's Copy as citation (None: the button is not shown)."""
        self.cite = cite
        self.toolbar.set_citation_available(cite is not None)

    def highlight_at(self, point: QPoint) -> tuple[int, int] | None:
        """The (start, end) of the highlight under `point` (viewport coordinates), or None."""
        if self.article is None or not self.highlights:
            return None
        scrolled = QPointF(point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(scrolled, Qt.HitTestAccuracy.ExactHit)
        if position < 0 or not self.layout_map.holds(position):
            return None
        offset = self.layout_map.to_offset(position)
        # The last painted wins, as it is the one on top; a zero-width range is no highlight.
        for start, end, _colour in reversed(self.highlights):
            if start <= offset < end:
                return start, end
        return None

    def _tip_for(self, start: int, end: int) -> str:
        return next((tip for s, e, tip in self.highlight_tips if (s, e) == (start, end)), "")

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.highlight_at(event.pos())
            tip = self._tip_for(*found) if found is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
            QToolTip.hideText()
        return super().viewportEvent(event)

    # -- the selection toolbar --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.toolbar.hide()  # a new selection begins: the toolbar comes back when the mouse lets go
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            self.show_selection_toolbar()
        else:
            found = self.highlight_at(event.position().toPoint())
            if found is not None:
                self.highlight_clicked.emit(*found)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyReleaseEvent(event)
        if self.textCursor().hasSelection() and event.key() in SELECTING_KEYS and not event.isAutoRepeat():
            self.show_selection_toolbar()

    def selection_rect(self) -> QRect:
        """The selection's bounding box in viewport coordinates (empty without a selection)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return QRect()
        box = QRect()
        block = self.document().findBlock(cursor.selectionStart())
        layout_of = self.document().documentLayout()
        origin = QPoint(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        # Each selected line's own extent: a one-word selection's box is that word, not the paragraph.
        while block.isValid() and block.position() <= cursor.selectionEnd():
            top_left = layout_of.blockBoundingRect(block).topLeft().toPoint() + origin
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                first = block.position() + line.textStart()
                last = first + line.textLength()
                start, end = max(first, cursor.selectionStart()), min(last, cursor.selectionEnd())
                if start >= end:
                    continue
                x1 = _line_x(line, start - block.position())
                x2 = _line_x(line, end - block.position())
                left, right = min(x1, x2), max(x1, x2)
                piece = QRect(int(left), int(line.y()), max(1, int(right - left)), int(line.height()))
                box = box.united(piece.translated(top_left))
            block = block.next()
        return box

    def show_selection_toolbar(self, focus: bool = False) -> bool:
        """Shows the toolbar beside the selection (with the focus on its first button when `focus`);
        False when nothing is selected or the selection is scrolled out of sight."""
        rect = self.selection_rect()
        bounds = self.viewport().rect()
        if self.article is None or rect.isEmpty() or not rect.intersects(bounds):
            self.toolbar.hide()
            return False
        self.toolbar.place_beside(rect, bounds)
        if focus:
            self.toolbar.focus_first()
        return True

    def _selection_changed(self) -> None:
        if not self.textCursor().hasSelection():
            self.toolbar.hide()
        elif self.toolbar.isVisible():
            self._follow_selection()

    def _follow_selection(self) -> None:
        """Scrolled or re-laid out: the toolbar moves with the selection, and goes when it leaves sight."""
        if self.toolbar.isVisible():
            focused = QApplication.focusWidget()
            had_focus = focused is not None and self.toolbar.isAncestorOf(focused)
            if not self.show_selection_toolbar() and had_focus:
                self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _highlight_from_toolbar(self, colour: str) -> None:
        self.toolbar.hide()
        self.highlight_requested.emit(colour)
        # The selection goes (as in calibre's viewer) so that the new colour shows; the caret stays.
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _note_from_toolbar(self) -> None:
        self.toolbar.hide()
        self.note_requested.emit()

    def selected_text(self) -> str:
        """The selection as plain text, paragraphs on their own lines; the pictures standing in it and
        their captions left out."""
        selection = self.textCursor()
        start, end = selection.selectionStart(), selection.selectionEnd()
        lines = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            if not block.blockFormat().boolProperty(PICTURE_BLOCK):
                part = QTextCursor(block)
                part.setPosition(max(start, block.position()))
                part.setPosition(min(end, block.position() + block.length() - 1), QTextCursor.MoveMode.KeepAnchor)
                lines.append(part.selection().toPlainText())
            block = block.next()
        return "\n".join(lines)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """What Ctrl+C copies: a selection over a picture as its plain text, without the picture and its
        caption (Qt's rich copy would name the picture by a link nothing else can open)."""
        data = super().createMimeDataFromSelection()
        plain = self.selected_text()
        if data.text() == plain:  # no picture in it
            return data
        copied = QMimeData()
        copied.setText(plain)
        return copied

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        self.toolbar.hide()

    def copy_selection_as_citation(self) -> None:
        """The selection in guillemets, then the article's citation line."""
        text = " ".join(self.selected_text().split())
        if text and self.article is not None and self.cite is not None:
            QGuiApplication.clipboard().setText(f"«{text}»\n{self.cite(self.article)}")
        self.toolbar.hide()

    # -- links ------------------------------------------------------------------------------------
    def column_width(self) -> float:
        """The width the text runs in: the pictures are never wider."""
        return float(self.viewport().width()) - 2 * self.document().documentMargin()

    def _insert_pictures(self, cursor: QTextCursor, boundary: int) -> None:
        """The pictures that stand after the article's first `boundary` blocks."""
        if self.article is None:
            return
        shown = [(index, self.article.images[index]) for index in self._picture_places.get(boundary, [])]
        if shown:
            insert_pictures(cursor, shown, self.column_width(), self.base_size(), self.family, colours(),
                            self.picture_labels)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.article is not None and self.article.images:
            fit_pictures(self.document(), self.column_width())

    def enlarge_picture(self, index: int) -> PictureDialog | None:
        """Opens the article's picture number `index` large in a dialog (Esc closes it)."""
        if self.article is None or not 0 <= index < len(self.article.images):
            return None
        image = self.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"{PICTURE_SCHEME}:{index}"))
        if not isinstance(image, QImage) or image.isNull():
            return None
        dialog = PictureDialog(image, self.article.images[index].caption, self.article.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_anchor(self, url: QUrl) -> None:
        if url.toString() == MORE_HREF:
            self.show_more()
        elif url.scheme() == PICTURE_SCHEME and url.path().isdigit():
            self.enlarge_picture(int(url.path()))
        elif url.scheme() == TAG_SCHEME:
            encoded = bytes(url.toEncoded().data()).decode("ascii")
            self.tag_clicked.emit(unquote(encoded[len(TAG_SCHEME) + 1:]))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
