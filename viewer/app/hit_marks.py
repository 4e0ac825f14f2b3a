"""Where a search's hits are in an article's text (what the reading pane marks, counts and walks with
F3, and what a PDF of the results marks), without Qt.

The pattern comes with the search (`SearchResult.pattern`, made on the search thread from the query
it ran); `query_pattern` makes it from a query's text alone, for an article shown without a search
result. The hits themselves are found by the engine's one occurrence finder
(viewer/search/query/occurrences.py), the one the snippets and the concordance use: a phrase is a
hit only where its words stand in a row."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from viewer.core.errors import QueryError
from viewer.core.results import HitPattern

if TYPE_CHECKING:
    from whoosh.fields import Schema


def query_pattern(query: str) -> HitPattern:
    """What `query` marks, parsed without an index (prefixes are not expanded, compounds typed with a
    space not joined); an empty pattern for a query that cannot be parsed."""
    from viewer.search.query.occurrences import pattern_of
    from viewer.search.query.parser import parse_query
    from viewer.search.query.restriction import NO_RESTRICTION, split_query

    if not query.strip():
        return HitPattern()
    try:
        words, _restriction = split_query(query, NO_RESTRICTION)
        return pattern_of(parse_query(words, _schema()), None) if words.strip() else HitPattern()
    except QueryError:
        return HitPattern()


@cache
def _schema() -> Schema:
    from viewer.search.schema import build_schema

    return build_schema()


def find_hits(text: str, pattern: HitPattern) -> list[tuple[int, int]]:
    """(start, end) spans of `text` of each occurrence of `pattern`, in reading order."""
    if not pattern or not text:
        return []
    from viewer.search.query.occurrences import QueryPattern

    return [(start, end) for start, end, _label in QueryPattern(pattern).occurrences(text)]
