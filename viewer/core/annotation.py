"""A researcher's highlight, comment or reply, anchored to an article's `text` (W3C Web Annotation shape)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

CONTEXT_CHARS = 32


class Motivation(StrEnum):
    HIGHLIGHTING = "highlighting"
    COMMENTING = "commenting"
    REPLYING = "replying"


# The highlight colours, light enough for dark text in both themes; a name given for a note's colour
# means one of them (viewer/core/colours.py).
HIGHLIGHT_PALETTE: dict[str, str] = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f48fb1",
    "orange": "#ffcc80",
}


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The highlighted text with up to CONTEXT_CHARS characters either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Python str offsets into `Article.text` (code points, not Qt's UTF-16 units)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """One note. A reply has `parent_id` and no selectors; a comment on a whole article has neither.

    `article_id` of a reply is its thread's article. `orphaned` marks a note whose text (or article)
    could not be found after the archive changed: it is kept and shown, never deleted.
    """

    id: str
    article_id: str
    motivation: Motivation
    body: str = ""
    color: str = ""
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    parent_id: str | None = None
    creator: str = ""
    created: str = ""
    modified: str = ""
    orphaned: bool = False

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def is_anchored(self) -> bool:
        """True for a note on a passage (it has selectors), false for replies and article comments."""
        return self.quote is not None

    def with_changes(self, **changes: Any) -> Annotation:
        return replace(self, **changes)


def new_annotation_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def utc_now() -> str:
    """UTC ISO 8601 with milliseconds and a Z, e.g. 2026-11-25T17:52:27.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_utc(value: str) -> datetime | None:
    """A timestamp as written by `utc_now` (or any ISO 8601 with a zone); None if unreadable."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
