"""Where a query occurs in a text: the one place that marks, counts and walks a query's hits, for the
snippets, the reading pane (through viewer.app.hit_marks), the PDF export and the discourse tools.

A query's `HitPattern` (`pattern_of`, from the parsed query the search ran) holds the keys of its
positive words and its phrases. The text is read as the index reads it: the analyzer's word
positions, each with its keys (surface and lemma). A word (Term leaf, every field but tags) matches a
position holding one of its keys; a prefix or fuzzy word matches its expanded terms; a phrase matches
consecutive positions (stopwords take no position, as at index time, so a phrase steps over them and
over punctuation as Whoosh's phrase query does), each holding its word's key, within the phrase's
slop. A word inside a phrase occurrence is part of it, not one more. NOT and AND NOT parts name what
must be absent, so they mark nothing."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import cast

from whoosh import query as wq
from whoosh.reading import IndexReader

from viewer.analysis.analyzer import LEMMA_PREFIX, positions_of, token_pattern, word_spans
from viewer.analysis.normalize import PRESENTATION_FORMS, coarse_fold
from viewer.core.results import HitPattern, PhraseKeys

_TOKEN = token_pattern()
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)  # the tokens kept between the rest
MAX_EXPANDED = 500  # prefix and fuzzy terms looked for
_CACHE_LIMIT = 200_000  # tokens remembered (their word spans; their hits for `count`)
_NEWLINE = re.compile("\n")

Occurrence = tuple[int, int, str]  # (start, end) in the text and what it is an occurrence of
_Marks = tuple[tuple[int, int, str], ...]  # a token's matching word positions: (start, end) in it, key


@dataclass(frozen=True)
class Position:
    """One word position of a text: where its word stands (the token, or the word's part of a token
    holding several: `یورو` of `یورو2020`) and its index keys."""

    start: int
    end: int
    keys: tuple[str, ...]


_TokenPositions = tuple[tuple[int, int, tuple[str, ...]], ...]
_token_positions: dict[str, _TokenPositions] = {}


def _positions_in(token: str) -> _TokenPositions:
    """(start, end, keys) inside `token` of each of its word positions; cached."""
    cached = _token_positions.get(token)
    if cached is not None:
        return cached
    keys = positions_of(token)
    whole = tuple((0, len(token), k) for k in keys)
    found = whole
    inner = word_spans(token) if keys else None
    if inner is not None:
        # Each word of the token on its own gives the token's positions in turn (`یورو2020`, `می سال`):
        # each position then marks its own word; otherwise (a number with separators) the whole token.
        parts = [(a, b, k) for a, b in inner for k in positions_of(token[a:b])]
        if tuple(k for _, _, k in parts) == keys:
            found = tuple(parts)
    if len(_token_positions) >= _CACHE_LIMIT:
        _token_positions.clear()
    _token_positions[token] = found
    return found


def word_positions(text: str, start: int = 0, end: int | None = None) -> list[Position]:
    """Every word position of `text` (of text[start:end], whole lines) in the analyzer's order."""
    found: list[Position] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        at = match.start()
        for a, b, keys in _positions_in(match.group()):
            found.append(Position(at + a, at + b, keys))
    return found


class QueryPattern:
    """A `HitPattern` with the means to find it: its occurrences in a text, their count."""

    def __init__(self, shape: HitPattern):
        self.shape = shape
        self.words = shape.words
        self.phrases = shape.phrases
        # token as found -> (start, end, key) in it of its word positions that match (words only)
        self._token_marks: dict[str, _Marks] = {}
        self._needles = _needles(shape.words)
        self._phrase_needles = [[_needles(keys) for keys in phrase.words] for phrase in shape.phrases]

    def __bool__(self) -> bool:
        return bool(self.shape)

    def count(self, text: str) -> int:
        """The number of occurrences in `text`: len(self.occurrences(text)), without building positions
        when the pattern has no phrase (each distinct token is looked at once)."""
        if self.phrases:
            return len(self.occurrences(text))
        marks = self._marks
        total = 0
        for token in _TOKEN.findall(text):
            total += len(marks(token))
        return total

    def spans(self, positions: list[Position]) -> list[tuple[int, int]]:
        """(first, last) position index of each occurrence among `positions`, in reading order."""
        return [(first, last) for first, last, _label in self._found(positions)]

    def occurrences(self, text: str) -> list[Occurrence]:
        """(start, end, label) in `text` of each occurrence, in reading order: the word's key that
        matched, or the phrase (`"` and its number) an occurrence is of."""
        if not self:
            return []
        folded = _Folded(text, self.shape.keys())
        phrases = any(all(folded.holds(needles) for needles in words) for words in self._phrase_needles)
        if phrases and any(phrase.slop > 1 for phrase in self.phrases):
            ranges = [(0, len(text))]  # words between a phrase's words: every position may count
        elif phrases:
            # Each position of an occurrence holds one of its words, so stands on a line holding a
            # needle; one that runs on into the next line joins those lines (and any between them
            # holding no word position) into one range.
            needles = self._needles.union(*(n for words in self._phrase_needles for n in words))
            ranges = _joined_lines(text, folded.lines_holding(needles))
        elif self.words:
            ranges = folded.lines_holding(self._needles)
        else:
            return []
        found: list[Occurrence] = []
        if not phrases:
            for start, end in ranges:
                found += self._word_occurrences(text, start, end)
            return found
        for start, end in ranges:
            positions = word_positions(text, start, end)
            found += [(positions[first].start, positions[last].end, label)
                      for first, last, label in self._found(positions, phrases=phrases)]
        return found

    def _word_occurrences(self, text: str, start: int, end: int) -> list[Occurrence]:
        """`occurrences` of the words in text[start:end] when no phrase is looked for: what `_found`
        gives, without building every position (each distinct token is looked at once).

        A common needle (a verb's lemma stem) can put every line of a long article in the range: the
        tokens and the text between them come from one split, their marks from the cache by `map`, and
        only the marked tokens' offsets are worked out, not a match object per token."""
        parts = _TOKEN_SPLIT.split(text[start:end])  # between, token, between, ..., between
        tokens = parts[1::2]
        cached = list(map(self._token_marks.get, tokens))
        marks = cast("list[_Marks]", cached) if None not in cached else [
            found if found is not None else self._marks(token) for found, token in zip(cached, tokens, strict=True)]
        marked = list(compress(range(len(tokens)), marks))
        if not marked:
            return []
        ends = list(accumulate(map(len, parts), initial=start))  # ends[2n + 1]: where token n starts
        found: list[Occurrence] = []
        for n in marked:
            at = ends[2 * n + 1]
            found += [(at + a, at + b, label) for a, b, label in marks[n]]
        return found

    def _marks(self, token: str) -> _Marks:
        """(start, end, key) inside `token` of each of its word positions holding one of the words
        looked for (the key that matched); cached, each distinct token looked up once."""
        marks = self._token_marks.get(token)
        if marks is None:
            if len(self._token_marks) >= _CACHE_LIMIT:
                self._token_marks.clear()
            wanted = self.words
            marks = self._token_marks[token] = tuple((a, b, next(key for key in keys if key in wanted))
                                                     for a, b, keys in _positions_in(token)
                                                     if not wanted.isdisjoint(keys))
        return marks

    def _found(self, positions: list[Position], phrases: bool = True) -> list[tuple[int, int, str]]:
        taken: set[int] = set()
        found: list[tuple[int, int, str]] = []
        if phrases:
            for n, phrase in enumerate(self.phrases):
                found += [(first, last, f'"{n}') for first, last in _phrase_spans(positions, phrase, taken)]
        wanted = self.words
        if wanted:
            for at, position in enumerate(positions):
                if at not in taken and not wanted.isdisjoint(position.keys):
                    found.append((at, at, next(key for key in position.keys if key in wanted)))
        found.sort()
        return found


def _phrase_spans(positions: list[Position], phrase: PhraseKeys, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) of each occurrence of `phrase` not overlapping `taken`, left to right; their
    positions join `taken`."""
    words, slop = phrase.words, max(1, phrase.slop)
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


def _joined_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`lines` (sorted (start, end) of whole lines) with those next to each other, or apart only by
    lines holding no word position, joined into one range."""
    ranges: list[tuple[int, int]] = []
    for start, end in lines:
        if ranges and not any(positions_of(token) for token in _TOKEN.findall(text, ranges[-1][1], start)):
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def _needles(keys: frozenset[str]) -> frozenset[str]:
    """Strings one of which a token's coarse fold holds when it has one of `keys`: a surface key
    itself, a lemma key's stems (`کتاب` of `>کتاب`, `رفت` and `رو` of `>رفت#رو`), a -ه stem without
    its ه (نماینده, نمایندگان)."""
    stems = {stem for key in keys if key.startswith(LEMMA_PREFIX) for stem in key[1:].split("#") if stem}
    stems |= {stem[:-1] for stem in stems if stem.endswith("ه") and len(stem) > 3}
    return frozenset(stems | {key for key in keys if not key.startswith(LEMMA_PREFIX)})


@lru_cache(maxsize=64)
def _folded_needles(needles: frozenset[str]) -> frozenset[str]:
    """The coarse folds of a query's needles: once per query, not per hit (a prefix's are hundreds)."""
    return frozenset(coarse_fold(needle) for needle in needles)


class _Folded:
    """The coarse fold of a text, to skip the lines that cannot hold a hit: the fold runs in C while
    the tokenizer does not (a 47,000-character article holds a two-word query's hits in a few of its
    ~100 lines). Tokens never cross a line, and the fold keeps every newline."""

    def __init__(self, text: str, keys: frozenset[str]):
        self.text = text
        self.whole = bool(PRESENTATION_FORMS.search(text))  # the fold does not cover them: read it all
        cased = any(key != key.upper() for key in keys)
        self.folded = "" if self.whole else coarse_fold(text.lower() if cased else text)

    def holds(self, needles: frozenset[str]) -> bool:
        return self.whole or any(needle in self.folded for needle in _folded_needles(needles))

    def lines_holding(self, needles: frozenset[str]) -> list[tuple[int, int]]:
        """(start, end) of the lines of the text that may hold a token with one of `needles`."""
        text, folded = self.text, self.folded
        if self.whole:
            return [(0, len(text))]
        folded_ends = [m.start() for m in _NEWLINE.finditer(folded)]
        wanted: set[int] = set()
        for needle in _folded_needles(needles):
            at = folded.find(needle)
            while at != -1:
                line = bisect_left(folded_ends, at)
                wanted.add(line)
                if line == len(folded_ends):
                    break
                at = folded.find(needle, folded_ends[line] + 1)
        if not wanted:
            return []
        ends = [m.start() for m in _NEWLINE.finditer(text)] + [len(text)]
        return [(ends[line - 1] + 1 if line else 0, ends[line]) for line in sorted(wanted)]


def pattern_of(query: wq.Query, reader: IndexReader | None, expand: int = MAX_EXPANDED) -> HitPattern:
    """The positive words and phrases of a parsed query (see the module docstring); up to `expand`
    terms of each prefix or fuzzy word (none without a reader)."""
    words: set[str] = set()
    phrases: list[PhraseKeys] = []
    _collect(query, reader, expand, words, phrases)
    singles = {key for phrase in phrases if len(phrase.words) == 1 for key in phrase.words[0]}
    kept = tuple(dict.fromkeys(phrase for phrase in phrases if len(phrase.words) > 1))
    return HitPattern(frozenset(words | singles), kept)


def _collect(query: wq.Query, reader: IndexReader | None, expand: int, words: set[str],
             phrases: list[PhraseKeys]) -> None:
    if isinstance(query, wq.Not):
        return
    if isinstance(query, wq.AndNot):
        _collect(query.a, reader, expand, words, phrases)
        return
    if isinstance(query, wq.AndMaybe):
        _collect(query.a, reader, expand, words, phrases)
        _collect(query.b, reader, expand, words, phrases)
        return
    if isinstance(query, wq.Phrase):
        if query.field() != "tags" and query.words:
            phrases.append(PhraseKeys(tuple(frozenset({_text(word)}) for word in query.words), max(1, int(query.slop))))
        return
    if isinstance(query, wq.MultiTerm):
        if query.field() != "tags" and reader is not None:
            for _, (_, term) in zip(range(expand), query.expanded_terms(reader), strict=False):
                words.add(_text(term))
        return
    if isinstance(query, wq.Term):
        if query.field() != "tags":
            words.add(_text(query.text))
        return
    if query.is_leaf():
        return
    for child in query.children():
        _collect(child, reader, expand, words, phrases)


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
