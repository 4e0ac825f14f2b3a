"""The Whoosh analyzer: the same at index and query time.

One regular expression finds the words of the stored text, detached `می`/`نمی` and plural or
comparative suffixes joined to their word (`می کند`, `کتاب ها`), so all three ZWNJ spellings give one
token; `startchar`/`endchar` point into the text as stored, so highlights and annotation offsets
stay exact, and only `token.text` changes: it becomes the word's search key (`word_keys`, cached),
and at index time a lemma token (`>lemma`) joins it at the same position when the lemma differs.

`term_positions` is the indexing fast path (no Token objects): `PersianPositions` in
viewer/search/postings.py calls it. Classes keep no hazm object, so Whoosh can pickle them into the
index under this stable import path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from viewer.analysis.lemma import lemma_of, lemmatizer
from viewer.analysis.normalize import ZWNJ, fold_word, lemma_form, normalize_tag

# Bump when tokens change: an index built with another version is rebuilt from its sources.
ANALYZER_VERSION = 3

LEMMA_PREFIX = ">"

_CHARS = r"\w\u064b-\u065f\u0670\u0640\u200d"
_GAP = r"[ \u00a0\u200c\u200f\u200e]{1,3}"
_YEH = "[یي]"
_SUFFIXES = "|".join(s.replace("ی", _YEH) for s in sorted(
    ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "ترین"),
    key=len, reverse=True))
# [detached می/نمی + gap] word [gap + detached suffix]*; a word's inner ZWNJs belong to it.
_TOKEN = re.compile(
    rf"(?:ن?م{_YEH}{_GAP}(?=[{_CHARS}]))?"
    rf"[{_CHARS}]+(?:\u200c+[{_CHARS}]+)*"
    rf"(?:{_GAP}(?:{_SUFFIXES})(?![{_CHARS}]))*"
)

# Function words only (Lucene's Persian list and hazm's hold content words too: رشد, نشست, جدید).
# They are dropped at index and query time and take no position; می/نمی alone are affixes whose
# verb is missing (a query cut after `نمی`).
STOPWORDS = frozenset(fold_word(w) for w in """
و در به از که این را با است آن برای تا یا هم شد شده شود بر نیز اما هر یک ای ها های هایی
خود وی او ما من تو شما آنها آنان ایشان دیگر یکی همه همین همچنین روی بین پس تنها البته ولی
چه حتی بدون برخی هنوز چنین چون نه چرا وقتی فقط اگر آیا بلکه شاید مانند مثل آنچه زیرا
بنابراین آنجا اینکه آنکه سپس لذا درباره طی میان بود باشد دارد باید هستند نیست اند می نمی
""".split())

_MAX_WORD = 64
_CACHE_LIMIT = 200_000  # entries per cache: ~40 MB at most
_keys: dict[str, tuple[str, str | None]] = {}
# token text as found -> (surface, ">lemma" or None), or None for a stopword; a cache of `word_keys`.
_token_keys: dict[str, tuple[str, str | None] | None] = {}
_surfaces: dict[str, str] = {}  # token text as found -> surface key, for snippets (no lemma lookup)


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


def _token_keys_of(text: str) -> tuple[str, str | None] | None:
    surface, lemma = word_keys(text.replace(" ", "").replace("\u00a0", "")[:_MAX_WORD])
    keys = None if not surface or surface in STOPWORDS else (surface, LEMMA_PREFIX + lemma if lemma else None)
    if len(_token_keys) >= _CACHE_LIMIT:
        _token_keys.clear()
    _token_keys[text] = keys
    return keys


def term_positions(value: str) -> dict[str, list[int]]:
    """Index terms of `value` (surface and lemma keys) with their word positions; stopwords take
    no position, so a phrase steps over them as the query side does."""
    found: dict[str, list[int]] = {}
    cache = _token_keys
    pos = 0
    for text in _TOKEN.findall(value):
        keys = cache[text] if text in cache else _token_keys_of(text)
        if keys is None:
            continue
        surface, lemma = keys
        if surface in found:
            found[surface].append(pos)
        else:
            found[surface] = [pos]
        if lemma is not None:
            if lemma in found:
                found[lemma].append(pos)
            else:
                found[lemma] = [pos]
        pos += 1
    return found


def surface_key(text: str) -> str:
    """The surface key of a token as found ("" for a stopword), without looking up its lemma."""
    keys = _token_keys.get(text)
    if keys is not None:
        return keys[0]
    surface = _surfaces.get(text)
    if surface is None:
        surface = fold_word(text.replace(" ", "").replace("\u00a0", "")[:_MAX_WORD])
        if surface in STOPWORDS:
            surface = ""
        if len(_surfaces) >= _CACHE_LIMIT:
            _surfaces.clear()
        _surfaces[text] = surface
    return surface


def lemma_key(text: str) -> str | None:
    """The ">lemma" key of a token as found, or None."""
    keys = _token_keys[text] if text in _token_keys else _token_keys_of(text)
    return keys[1] if keys is not None else None


def token_pattern() -> re.Pattern[str]:
    """The expression that finds tokens as written (spans into the text), before any key is computed;
    no token crosses a line."""
    return _TOKEN


def token_spans(value: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, surface key, ">lemma" key or None) of each non-stopword token of `value`."""
    cache = _token_keys
    for match in _TOKEN.finditer(value):
        text = match.group()
        keys = cache[text] if text in cache else _token_keys_of(text)
        if keys is not None:
            yield match.start(), match.end(), keys[0], keys[1]


class PersianAnalyzer(Tokenizer):
    """Tokens of the stored text with search keys as their text (see the module docstring)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def term_positions(self, value: str) -> dict[str, list[int]]:
        return term_positions(value)

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "", **kwargs: object,
                 ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        if not tokenize:
            token.original = token.text = value
            token.pos = start_pos
            token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        cache = _token_keys
        with_lemma = mode == "index"
        pos = start_pos
        for match in _TOKEN.finditer(value):
            text = match.group()
            keys = cache[text] if text in cache else _token_keys_of(text)
            token.stopped = keys is None
            if keys is None and removestops:
                continue
            if keeporiginal:
                token.original = text
            token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if keys is None:
                token.text = fold_word(text)
                yield token
                continue
            token.text = keys[0]
            yield token
            if with_lemma and keys[1] is not None:
                token.text = keys[1]
                yield token
            pos += 1


def query_keys(word: str) -> tuple[str, str | None]:
    """The surface key and lemma key a typed word is searched by (the parser's alternatives)."""
    return word_keys(word.replace(" ", "")[:_MAX_WORD])


def verb_alternatives(word: str) -> tuple[str, ...]:
    """More keys a typed verb form finds: its verb's lemma token when hazm's word list also knows
    the form as a word (`گفت`, `داشت` are left whole at index time), and the past stem written
    alone (`داشت` for `داشتم`, whose own lemma token is `>داشت#دار`)."""
    surface, lemma = query_keys(word)
    keys: list[str] = []
    verb = lemma if lemma and "#" in lemma else None
    if verb is None and lemma is None and surface and not surface.isascii():
        known = lemmatizer().verbs.get(lemma_form(word.replace(" ", "")))
        if known:
            verb = fold_word(known)
            keys.append(LEMMA_PREFIX + verb)
    if verb:
        past = verb.split("#")[0]
        if past and past != surface and past not in STOPWORDS:
            keys.append(past)
    return tuple(keys)


def is_stopword(word: str) -> bool:
    return fold_word(word) in STOPWORDS


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


def persian_analyzer() -> PersianAnalyzer:
    return PersianAnalyzer()


def tag_analyzer() -> TagTokenizer:
    return TagTokenizer()
