"""Where a query's words occur in an article's text, by the same keys the index matched them.

Offsets are Python str offsets into `article.text`; `Utf16Map` turns them into Qt positions
(Qt counts UTF-16 code units, so a character outside the BMP counts twice)."""

from __future__ import annotations

import re
from bisect import bisect_right

_FIELD = re.compile(r"^(\w+):")
_NON_TEXT_FIELDS = ("tags:",)
_OPERATORS = {"AND", "OR", "NOT"}


def query_words(query: str) -> list[str]:
    """The words of a query that look for text (not tags, not negated, not operators)."""
    from viewer.search.query import normalize_query

    words: list[str] = []
    normalized = normalize_query(query)
    negate_next = False
    for raw in re.split(r"[\s()\"']+", normalized):
        if not raw:
            continue
        if raw == "NOT":
            negate_next = True
            continue
        if raw in _OPERATORS:
            continue
        if negate_next or raw.startswith("-"):
            negate_next = False
            continue
        if raw.startswith(_NON_TEXT_FIELDS):
            continue
        word = _FIELD.sub("", raw).lstrip("+").rstrip("*~?")
        if word and word != "*":
            words.append(word)
    return words


def hit_keys(query: str) -> set[str]:
    """Every index key a document token may have to count as a hit for `query`."""
    from viewer.analysis.analyzer import LEMMA_PREFIX, query_keys

    keys: set[str] = set()
    for word in query_words(query):
        surface, lemma = query_keys(word)
        if not surface:
            continue
        keys.add(surface)
        keys.add(LEMMA_PREFIX + (lemma or surface))
        if lemma:
            keys.add(lemma)
    return keys


def find_hits(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """(start, end) spans of `text` whose token (surface or lemma) is one of `keys`, in order."""
    if not keys or not text:
        return []
    from viewer.analysis.analyzer import persian_analyzer

    spans: list[tuple[int, int]] = []
    for token in persian_analyzer()(text, chars=True, mode="index"):
        if token.text in keys:
            span = (token.startchar, token.endchar)
            if not spans or spans[-1] != span:
                spans.append(span)
    return spans


class Utf16Map:
    """Python str offsets ↔ UTF-16 offsets for one string."""

    def __init__(self, text: str):
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_right(self._wide, offset - 1)

    def from_utf16(self, position: int) -> int:
        offset = position
        for wide in self._wide:
            if self.to_utf16(wide) < position:
                offset -= 1
            else:
                break
        return max(0, min(offset, self._length))
