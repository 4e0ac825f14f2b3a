"""The one shape every importer produces and every consumer reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple


class BlockKind(StrEnum):
    LEAD = "lead"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str


class Picture(NamedTuple):
    """A picture kept with an article: its file, its caption and where it stood in `Article.text`
    (a character offset; None when that is not known: it is shown after the lead)."""

    path: str
    caption: str
    offset: int | None = None


@dataclass(slots=True)
class Article:
    """One article. `text` is the readable text the pane shows; annotation offsets refer to it."""

    title: str
    blocks: list[Block]
    tags: list[str] = field(default_factory=list)
    category: str = ""
    url: str = ""
    code: str = ""
    date: datetime | None = None
    source: str = ""
    id: str = ""
    text_source: str = "file"  # "ocr" (read from page images), "text layer" (a PDF's) or "file"
    pages: int = 0  # a PDF's or a multi-page scan's pages (0: not paged)
    images: list[Picture] = field(default_factory=list)  # pictures kept with it

    @property
    def lead(self) -> str:
        return next((b.text for b in self.blocks if b.kind is BlockKind.LEAD), "")

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def block_kinds(self) -> str:
        """One letter per line of `text`: l(ead), h(eading), p(aragraph)."""
        return "".join(b.kind.value[0] for b in self.blocks)

    def content_hash(self) -> str:
        digest = hashlib.sha1()
        for part in (self.title, self.text, "\x1f".join(self.tags), self.category, self.url):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


def blocks_from_lines(text: str, kinds: str) -> list[Block]:
    """Inverse of `Article.text` + `Article.block_kinds`. Every line of `text` is kept: a line
    without its letter (an index written when a block could hold a line break) is a paragraph."""
    by_letter = {kind.value[0]: kind for kind in BlockKind}
    lines = text.split("\n") if text else []
    return [Block(by_letter.get(kinds[i] if i < len(kinds) else "p", BlockKind.PARAGRAPH), line)
            for i, line in enumerate(lines)]
