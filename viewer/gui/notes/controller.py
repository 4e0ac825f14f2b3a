"""Ties the notes panel to the reading pane: highlights the pane's selection, paints the article's
highlights in their colours, scrolls to a note's passage, and remembers the highlight colour."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject

from viewer.app.settings import HIGHLIGHT_COLOUR, Settings
from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.gui.notes.panel import Highlight, NotesPanel


class ReadingView(Protocol):
    """What the controller needs of the article view (viewer.gui.article.view.ArticleView has it)."""

    article: Article | None

    def selection_offsets(self) -> tuple[int, int] | None: ...

    def select_offsets(self, start: int, end: int) -> None: ...

    def set_highlights(self, ranges: list[Any]) -> None: ...  # [(start, end, colour)]


class NotesController(QObject):
    def __init__(self, panel: NotesPanel, view: ReadingView, settings: Settings | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.panel, self.view, self.settings = panel, view, settings
        panel.highlight_requested.connect(self.highlight_selection)
        panel.highlights_changed.connect(self.paint)
        panel.anchor_activated.connect(self.view.select_offsets)
        if settings is not None:  # the highlight colour last chosen comes back
            panel.set_colour(str(settings.get(HIGHLIGHT_COLOUR) or ""))
            panel.colour_chosen.connect(lambda _colour: self._remember_colour())

    def _remember_colour(self) -> None:
        if self.settings is not None:
            self.settings.set(HIGHLIGHT_COLOUR, self.panel.colour())
            self.settings.save()

    def article_shown(self, article_id: str) -> None:
        self.panel.show_article(article_id)

    def refresh(self) -> None:
        """After a re-index moved notes: list and paint them again."""
        self.panel.refresh()

    def paint(self, ranges: list[Highlight]) -> None:
        article = self.view.article
        if article is not None and article.id == self.panel.article_id:
            self.view.set_highlights(ranges)

    def highlight_selection(self, colour: str = "", with_note: bool = False) -> Annotation | None:
        article = self.view.article
        offsets = self.view.selection_offsets()
        if article is None or offsets is None or article.id != self.panel.article_id:
            self.panel.show_message(self.tr("Select some text in the article first."))
            return None
        if self.panel.author() is None:  # the name on notes, asked the first time: cancelled
            return None
        body = ""
        if with_note:
            asked = self.panel.ask_text(self.tr("Note"), self.tr("Your note on the selected text:"),
                                        context=article.text[offsets[0]:offsets[1]])
            if asked is None:
                return None
            body = asked
        return self.panel.add_highlight(article.text, offsets[0], offsets[1], colour, body)
