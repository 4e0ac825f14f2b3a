"""Plain data the PDF export reads: notes as the renderer needs them, free of the notes store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

DEFAULT_HIGHLIGHT = "#fff176"


@dataclass(frozen=True, slots=True)
class ExportReply:
    body: str
    author: str = ""
    created: datetime | None = None
    replies: tuple[ExportReply, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportNote:
    """One note and its replies. `start`/`end` index `Article.text` (Python characters); both None for a
    comment on the whole article. `quote` is the text it marked (what an orphaned note still shows)."""

    start: int | None
    end: int | None
    body: str = ""
    colour: str = DEFAULT_HIGHLIGHT
    author: str = ""
    created: datetime | None = None
    replies: tuple[ExportReply, ...] = ()
    orphaned: bool = False
    quote: str = ""

    @property
    def placed(self) -> bool:
        """Drawn in the text: it has a position that still fits the article."""
        return self.start is not None and self.end is not None and not self.orphaned

    @property
    def has_note(self) -> bool:
        """Worth an endnote: a bare highlight (no words, no replies) is only coloured in the text."""
        return bool(self.body.strip() or self.replies)


@dataclass(slots=True)
class ExportReport:
    """What was written: pages in all, the first page (0-based) of each article, and the number of
    notes (threads) shown."""

    path: str
    pages: int = 0
    article_pages: list[tuple[str, int]] = field(default_factory=list)
    notes: int = 0
