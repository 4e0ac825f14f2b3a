"""Where a search's keys occur in an article's text (what the reading pane marks), without Qt.

The keys come with the search (`SearchResult.keys`, computed on the search thread); `word_keys`
derives them from a query's words alone, for an article shown without a search result."""

from __future__ import annotations

import re

_FIELD = re.compile(r"^(\w+):")
_NON_TEXT_FIELDS = ("tags:",)
_QUOTED_TAG = re.compile(r"tags:'[^']*'")
_OPERATORS = {"AND", "OR", "NOT"}


def query_words(query: str) -> list[str]:
    """The words of a query that look for text (not tags, not negated, not operators)."""
    from viewer.search.query.parser import normalize_query

    words: list[str] = []
    negate_next = False
    for raw in re.split(r"[\s()\"']+", _QUOTED_TAG.sub(" ", normalize_query(query))):
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


def word_keys(query: str) -> set[str]:
    """The index keys a document token may have to count as a hit for `query`, from its words
    alone (the parser's alternatives; prefixes are not expanded)."""
    from viewer.analysis.analyzer import query_words as words_of_term
    from viewer.analysis.analyzer import search_keys

    keys: set[str] = set()
    for term in query_words(query):
        for word in words_of_term(term):
            keys.update(search_keys(word))
    return keys


def find_hits(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """(start, end) spans of `text` whose token (surface or lemma key) is one of `keys`, in order."""
    if not keys or not text:
        return []
    from viewer.search.results.snippets import matched_spans

    return [(start, end) for start, end, _key in matched_spans(text, keys)]
