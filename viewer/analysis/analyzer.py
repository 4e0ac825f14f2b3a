"""The Whoosh analyzers: the same chain at index and query time.

The tokenizer reads the stored text and sets `startchar`/`endchar` on it, so highlights and
annotation offsets stay exact; the filter changes only `token.text`. Classes keep no hazm object,
so Whoosh can pickle them into the index under this stable import path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Composable, Filter, Token, Tokenizer

from viewer.analysis.lemma import lemma_of
from viewer.analysis.normalize import ZWNJ, fold_word, lemma_form, normalize_tag

# Bump when tokens change: an index built with another version is rebuilt from its sources.
ANALYZER_VERSION = 1

LEMMA_PREFIX = ">"

_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640\u200c\u200d]+")
_JOINABLE_GAP = re.compile(r"[ \u00a0\u200c\u200f\u200e]{1,3}")

# Affixes archives write detached (`می کند`, `کتاب ها`): joined to their word, as with a ZWNJ.
_DETACHED_PREFIXES = frozenset({"می", "نمی"})
_DETACHED_SUFFIXES = frozenset({
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "ترین",
})

STOPWORDS = frozenset(fold_word(w) for w in """
و در به از که این را با است آن برای تا یا هم شد شده شود بر نیز اما هر یک ای ها های
""".split())

_MAX_WORD = 64
_CACHE_LIMIT = 400_000
_keys: dict[str, tuple[str, str | None]] = {}


def word_keys(word: str) -> tuple[str, str | None]:
    """(surface key, lemma key or None when it equals the surface) of one word, cached."""
    cached = _keys.get(word)
    if cached is not None:
        return cached
    surface = fold_word(word)
    lemma_key: str | None = None
    if not surface.isascii():
        lemma_key = fold_word(lemma_of(lemma_form(word).replace(ZWNJ, ""))) or None
        if lemma_key == surface:
            lemma_key = None
    if len(_keys) >= _CACHE_LIMIT:
        _keys.clear()
    _keys[word] = (surface, lemma_key)
    return surface, lemma_key


def _affix(word: str) -> str:
    return word.replace(ZWNJ, "").replace("ي", "ی")


class PersianTokenizer(Tokenizer):
    """Words of the stored text, with detached `می`/`نمی` and plural/comparative suffixes
    joined to their word, so all three ZWNJ spellings give one token."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "", **kwargs: object,
                 ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        pos = start_pos
        for start, end in _joined_spans(value):
            token.text = value[start:end]
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text
            if positions:
                token.pos = pos
                pos += 1
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def _joined_spans(value: str) -> Iterator[tuple[int, int]]:
    spans = []
    for match in _WORD.finditer(value):
        start, end = match.span()
        while start < end and value[start] == ZWNJ:
            start += 1
        while end > start and value[end - 1] == ZWNJ:
            end -= 1
        if start < end:
            spans.append((start, end))
    pending: tuple[int, int] | None = None
    for start, end in spans:
        if pending is not None:
            gap = value[pending[1]:start]
            pending_word = _affix(value[pending[0]:pending[1]])
            if _JOINABLE_GAP.fullmatch(gap) and (
                pending_word in _DETACHED_PREFIXES or _affix(value[start:end]) in _DETACHED_SUFFIXES
            ):
                pending = (pending[0], end)
                continue
            yield pending
        pending = (start, end)
    if pending is not None:
        yield pending


class PersianFoldFilter(Filter):
    """Token text becomes the word's search key; at index time a lemma token (`>lemma`) joins it
    at the same position when hazm knows a different lemma. Stopwords are dropped."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        renumber = 0
        for token in tokens:
            word = token.text.replace(" ", "").replace("\u00a0", "")[:_MAX_WORD]
            surface, lemma = word_keys(word)
            if token.positions:
                token.pos -= renumber
            if not surface or surface in STOPWORDS:
                renumber += 1
                if token.removestops:
                    continue
                token.stopped = True
            token.text = surface
            yield token
            if lemma is not None and token.mode == "index":
                token.text = LEMMA_PREFIX + lemma
                yield token


def query_keys(word: str) -> tuple[str, str | None]:
    """The surface key and lemma key a typed word is searched by (the parser's alternatives)."""
    return word_keys(word.replace(" ", "")[:_MAX_WORD])


class TagTokenizer(Tokenizer):
    """Tags arrive one per line; each becomes one term, in the form it is shown."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "", **kwargs: object,
                 ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, line in enumerate(value.split("\n")):
            tag = normalize_tag(line)
            if not tag:
                continue
            token.text = tag
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token


def persian_analyzer() -> Composable:
    return PersianTokenizer() | PersianFoldFilter()


def tag_analyzer() -> Composable:
    return TagTokenizer()
