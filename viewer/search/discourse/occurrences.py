"""Where a query occurs in an article's text: the word positions the analyzer gives, matched
against the keys of the query the search parses.

A word (Term leaf, every field but tags) matches a position holding one of its keys; a prefix or
fuzzy word matches its expanded terms; a phrase matches consecutive positions (stopwords take no
position, as at index time), each holding its word's key, within the phrase's slop. NOT and AND NOT
parts name what must be absent, so they mark nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.reading import IndexReader

from viewer.analysis.analyzer import positions_of, token_pattern

_TOKEN = token_pattern()
_MAX_EXPANDED = 500  # prefix and fuzzy terms looked for
_CACHE_LIMIT = 200_000  # tokens whose hits a pattern remembers


@dataclass(frozen=True)
class Position:
    """One word position of a text: the span of the token holding it and its index keys."""

    start: int
    end: int
    keys: tuple[str, ...]


def word_positions(text: str) -> list[Position]:
    """Every word position of `text` in the analyzer's order (the index's positions)."""
    found: list[Position] = []
    for match in _TOKEN.finditer(text):
        for keys in positions_of(match.group()):
            found.append(Position(match.start(), match.end(), keys))
    return found


@dataclass
class QueryPattern:
    """The keys a query's positive words look for, and its phrases (one key set per word, slop)."""

    words: set[str] = field(default_factory=set)
    phrases: list[tuple[tuple[frozenset[str], ...], int]] = field(default_factory=list)
    # token as found -> how many of its word positions match (words only), for `count`
    _token_hits: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def needles(self) -> set[str]:
        """Every key looked for."""
        out = set(self.words)
        for words, _slop in self.phrases:
            for keys in words:
                out |= keys
        return out

    def count(self, text: str) -> int:
        """The number of occurrences in `text`: len(spans(word_positions(text))), without building
        positions when the pattern has no phrase (each distinct token is looked at once)."""
        if self.phrases:
            return len(self.spans(word_positions(text)))
        hits = self._token_hits
        wanted = self.words
        total = 0
        for token in _TOKEN.findall(text):
            found = hits.get(token)
            if found is None:
                if len(hits) >= _CACHE_LIMIT:
                    hits.clear()
                found = hits[token] = sum(1 for keys in positions_of(token) if not wanted.isdisjoint(keys))
            total += found
        return total

    def spans(self, positions: list[Position]) -> list[tuple[int, int]]:
        """(first, last) position index of each occurrence, in reading order; a word inside a phrase
        occurrence is part of it, not one more."""
        taken: set[int] = set()
        found: list[tuple[int, int]] = []
        for words, slop in self.phrases:
            found += _phrase_spans(positions, words, slop, taken)
        if self.words:
            wanted = self.words
            for at, position in enumerate(positions):
                if at not in taken and not wanted.isdisjoint(position.keys):
                    found.append((at, at))
        found.sort()
        return found


def _phrase_spans(positions: list[Position], words: tuple[frozenset[str], ...], slop: int,
                  taken: set[int]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    count = len(positions)
    at = 0
    while at < count:
        if at in taken or words[0].isdisjoint(positions[at].keys):
            at += 1
            continue
        last = at
        ok = True
        for keys in words[1:]:
            nxt = next((p for p in range(last + 1, min(count, last + slop + 1))
                        if p not in taken and not keys.isdisjoint(positions[p].keys)), None)
            if nxt is None:
                ok = False
                break
            last = nxt
        if ok:
            found.append((at, last))
            taken.update(range(at, last + 1))
            at = last + 1
        else:
            at += 1
    return found


def pattern_of(query: wq.Query, reader: IndexReader) -> QueryPattern:
    """The positive words and phrases of a parsed query (see the module docstring)."""
    pattern = QueryPattern()
    _collect(query, reader, pattern)
    return pattern


def _collect(query: wq.Query, reader: IndexReader, pattern: QueryPattern) -> None:
    if isinstance(query, wq.Not):
        return
    if isinstance(query, wq.AndNot):
        _collect(query.a, reader, pattern)
        return
    if isinstance(query, wq.AndMaybe):
        _collect(query.a, reader, pattern)
        _collect(query.b, reader, pattern)
        return
    if isinstance(query, wq.Phrase):
        if query.field() != "tags" and query.words:
            words = tuple(frozenset({_text(word)}) for word in query.words)
            if len(words) == 1:
                pattern.words |= words[0]
            else:
                pattern.phrases.append((words, max(1, int(query.slop))))
        return
    if isinstance(query, wq.MultiTerm):
        if query.field() != "tags":
            for _, (_, term) in zip(range(_MAX_EXPANDED), query.expanded_terms(reader), strict=False):
                pattern.words.add(_text(term))
        return
    if isinstance(query, wq.Term):
        if query.field() != "tags":
            pattern.words.add(_text(query.text))
        return
    if query.is_leaf():
        return
    for child in query.children():
        _collect(child, reader, pattern)


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
