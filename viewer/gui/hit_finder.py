"""Where a query's words occur in an article's text, by the same keys the index matched them.

Offsets are Python str offsets into `article.text`; `Utf16Map` turns them into Qt positions
(Qt counts UTF-16 code units, so a character outside the BMP counts twice)."""

from __future__ import annotations

import re
from bisect import bisect_right

_FIELD = re.compile(r"^(\w+):")
_NON_TEXT_FIELDS = ("tags:",)
_QUOTED_TAG = re.compile(r"tags:'[^']*'")
_OPERATORS = {"AND", "OR", "NOT"}


def query_words(query: str) -> list[str]:
    """The words of a query that look for text (not tags, not negated, not operators)."""
    from viewer.search.query import normalize_query

    words: list[str] = []
    normalized = _QUOTED_TAG.sub(" ", normalize_query(query))
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
    """The index keys a document token may have to count as a hit for `query`, from the words
    alone (the parser's alternatives); `index_hit_keys` also expands prefixes against the index."""
    from viewer.analysis.analyzer import query_words as words_of_term
    from viewer.analysis.analyzer import search_keys

    keys: set[str] = set()
    for term in query_words(query):
        for word in words_of_term(term):
            keys.update(search_keys(word))
    return keys


def index_hit_keys(query: str, ix, limit: int = 200) -> set[str]:  # type: ignore[no-untyped-def]
    """Every text term the parsed query looks for in index `ix` (prefix and fuzzy terms expanded),
    so the pane marks what the search matched; falls back to `hit_keys` for unparsable queries."""
    from whoosh import query as wq

    from viewer.core.errors import QueryError
    from viewer.search.query import parse_query
    from viewer.search.schema import TEXT_FIELDS

    with ix.reader() as reader:
        try:
            parsed = parse_query(query, ix.schema, reader)
        except QueryError:
            return hit_keys(query)
        keys = {text for field, text in parsed.iter_all_terms() if field in TEXT_FIELDS and isinstance(text, str)}
        for leaf in parsed.leaves():
            if isinstance(leaf, wq.MultiTerm) and leaf.field() in TEXT_FIELDS:
                for _, (_field, term) in zip(range(limit), leaf.expanded_terms(reader), strict=False):
                    keys.add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return keys


def find_hits(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """(start, end) spans of `text` whose token (surface or lemma key) is one of `keys`, in order."""
    if not keys or not text:
        return []
    from viewer.search.snippets import matched_spans

    return [(start, end) for start, end, _key in matched_spans(text, keys)]


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
