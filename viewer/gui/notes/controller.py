"""Ties the notes panel to the reading pane: highlights the pane's selection (from the panel, the
window's actions or the selection toolbar), paints the article's highlights in their colours with
their notes shown on hover, scrolls to a note's passage, selects the note of a highlight clicked, and
remembers the highlight colour last used (what a plain Highlight uses)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, SignalInstance

from viewer.app.settings import HIGHLIGHT_COLOUR, Settings
from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.gui.common.digits import digits
from viewer.gui.notes.note_format import DEFAULT_COLOUR, HIGHLIGHT_COLOURS
from viewer.gui.notes.panel import Highlight, NotesPanel

if TYPE_CHECKING:
    from viewer.app.types import Thread

TIP_CHARS = 300  # of a note's text in a highlight's tooltip
TIP_NOTES = 3  # notes of a thread in the tooltip, the rest counted


class ReadingView(Protocol):
    """What the controller needs of the article view (viewer.gui.article.view.ArticleView has it)."""

    article: Article | None

    def selection_offsets(self) -> tuple[int, int] | None: ...

    def select_offsets(self, start: int, end: int) -> None: ...

    def set_highlights(self, ranges: list[Any]) -> None: ...  # [(start, end, colour)]

    def set_highlight_tips(self, tips: list[tuple[int, int, str]]) -> None: ...

    def set_highlight_colours(self, colours: Sequence[tuple[str, str, str]]) -> None: ...

    @property
    def highlight_requested(self) -> SignalInstance: ...  # (colour): from the selection toolbar or menu

    @property
    def note_requested(self) -> SignalInstance: ...

    @property
    def highlight_clicked(self) -> SignalInstance: ...  # (start, end)


class NotesController(QObject):
    def __init__(self, panel: NotesPanel, view: ReadingView, settings: Settings | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.panel, self.view, self.settings = panel, view, settings
        panel.highlight_requested.connect(self.highlight_selection)
        panel.highlights_changed.connect(self.paint)
        panel.anchor_activated.connect(self.view.select_offsets)
        view.set_highlight_colours(HIGHLIGHT_COLOURS)
        view.highlight_requested.connect(lambda colour: self.highlight_selection(colour))
        view.note_requested.connect(lambda: self.highlight_selection(with_note=True))
        view.highlight_clicked.connect(self.select_highlight)
        if settings is not None:  # the highlight colour last chosen comes back
            panel.set_colour(str(settings.get(HIGHLIGHT_COLOUR) or ""))
            panel.colour_chosen.connect(lambda _colour: self._remember_colour())

    def _remember_colour(self) -> None:
        if self.settings is not None:
            self.settings.set(HIGHLIGHT_COLOUR, self.panel.colour())
            self.settings.save()

    def last_colour(self) -> str:
        """The highlight colour last used or chosen (kept in the settings across sessions)."""
        if self.settings is not None and self.settings.get(HIGHLIGHT_COLOUR) in {c for c, _en, _fa in HIGHLIGHT_COLOURS}:
            return self.settings.get(HIGHLIGHT_COLOUR)
        return self.panel.colour() or DEFAULT_COLOUR

    def use_colour(self, colour: str) -> None:
        """`colour` becomes the one a plain Highlight uses, now and in later sessions."""
        self.panel.set_colour(colour)
        if self.settings is not None and self.settings.get(HIGHLIGHT_COLOUR) != colour:
            self.settings.set(HIGHLIGHT_COLOUR, colour)
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
            self.view.set_highlight_tips(self._tips(article.id))

    def _tips(self, article_id: str) -> list[tuple[int, int, str]]:
        """Each highlight's hover text: its note and replies with their authors, or that it has none."""
        if self.panel.closed:
            return []
        tips = []
        for thread in self.panel.store.threads(article_id):
            root = thread.annotation
            if root.position is not None and not root.orphaned:
                tips.append((root.position.start, root.position.end, self._tip(thread)))
        return tips

    def _tip(self, thread: Thread) -> str:
        written = [note for _depth, note in thread.walk() if note.body.strip()]
        if not written:
            return html.escape(self.tr("Highlight without a note"))
        paragraphs = []
        for note in written[:TIP_NOTES]:
            body = " ".join(note.body.split())
            body = body if len(body) <= TIP_CHARS else body[:TIP_CHARS - 1] + "…"
            author = note.creator or self.tr("unknown")
            paragraphs.append(f"<p>{html.escape(body)}<br>— {html.escape(author)}</p>")
        if len(written) > TIP_NOTES:
            more = digits(self.tr("and {count} more").format(count=len(written) - TIP_NOTES))
            paragraphs.append(f"<p>{html.escape(more)}</p>")
        return "".join(paragraphs)

    def select_highlight(self, start: int, end: int) -> bool:
        """A highlight clicked in the article: its note becomes the panel's chosen one."""
        article = self.view.article
        if article is None or article.id != self.panel.article_id or self.panel.closed:
            return False
        for note in self.panel.store.highlights(article.id):
            if note.position is not None and (note.position.start, note.position.end) == (start, end):
                return self.panel.select_note(note.id)
        return False

    def highlight_selection(self, colour: str = "", with_note: bool = False) -> Annotation | None:
        """Highlights the pane's selection in `colour` (the last used when ""), with a note when asked."""
        colour = colour or self.last_colour()
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
        made = self.panel.add_highlight(article.text, offsets[0], offsets[1], colour, body)
        if made is not None:
            self.use_colour(colour)
        return made
