"""The Whoosh analyzer: the same at index and query time.

One regular expression finds the words of the stored text, detached `می`/`نمی` and plural or
comparative suffixes joined to their word (`می کند`, `کتاب ها`), so all three ZWNJ spellings give one
token; `startchar`/`endchar` point into the text as stored, so highlights and annotation offsets
stay exact, and only `token.text` changes: it becomes the word's search key (`word_keys`, cached),
and at index time a lemma token (`>lemma`) joins it at the same position when the lemma differs.

A match may hold more than one word (`positions_of`): a detached `می` that starts no verb (`ماه می
سال`) is dropped and the next word kept; letters glued to digits (`یورو2020`, `۹کیلومتر`) are two
words; a number with a decimal or date separator (`۱۲٫۵`, `12.5`, `۲/۵`, `۱۴۰۲/۰۵/۱۲`) is one key
(`12.5`) at its first part's position, each part keeping a position of its own.

`term_positions` is the indexing fast path (no Token objects): `PersianPositions` in
viewer/search/format/postings.py calls it. Classes keep no hazm object, so Whoosh can pickle them into the
index under this stable import path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from whoosh.analysis import Token, Tokenizer

from viewer.analysis.lemma import lemma_of, lemmatizer
from viewer.analysis.normalize import fold_word, lemma_form, normalize_tag
from viewer.core.persian_fold import ZWNJ

# Bump when tokens change: an index built with another version is rebuilt from its sources.
ANALYZER_VERSION = 5  # 4: split glued digits and a non-verb می, decimals, plurals, participles;
# 5: the indefinite ‑ای written apart joins its word, stretched letters (اعلاممممم) written as meant

LEMMA_PREFIX = ">"

_CHARS = r"\w\u064b-\u065f\u0670\u0640\u200d"
# normalize_query joins a detached می to its word with QUERY_JOINER: Whoosh splits at every space.
QUERY_JOINER = "\u2060"
_GAP = r"[ \u00a0\u200c\u200f\u200e\u2060]{1,3}"
_YEH = "[یي]"
_SUFFIXES = "|".join(s.replace("ی", _YEH) for s in sorted(
    ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "ترین"),
    key=len, reverse=True))
# The indefinite ‑ای written apart after a word ending in ه (`زمین لرزه ای`, `نامه ای`), as hazm's
# normaliser joins it; not after a two-letter word (`که ای کاش`: the vocative), nor before a plural
# written apart (`شارجه ای ها` keeps شارجه a word of its own, as before).
_INDEFINITE = rf"(?<=[{_CHARS}]{{2}}ه){_GAP}ا{_YEH}(?!{_GAP}(?:{_SUFFIXES})(?![{_CHARS}]))"
# [detached می/نمی + gap] word [gap + detached suffix]*; a word's inner ZWNJs belong to it.
_TOKEN = re.compile(
    rf"(?:ن?م{_YEH}{_GAP}(?=[{_CHARS}]))?"
    rf"[{_CHARS}]+(?:(?:\u200c+|(?<=\d)[.\u066b/](?=\d))[{_CHARS}]+)*"
    rf"(?:(?:{_GAP}(?:{_SUFFIXES})|{_INDEFINITE})(?![{_CHARS}]))*"
)
# A letter written three times or more in a row: stretched for emphasis (`اعلاممممم`). Two in a row
# is spelling (`الله`, `ممد`), never touched.
_STRETCHED = re.compile("([آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك])\\1{2,}")

# Function words only (Lucene's Persian list and hazm's hold content words too: رشد, نشست, جدید).
# They are dropped at index and query time and take no position; می/نمی alone are affixes whose
# verb is missing (a query cut after `نمی`).
_FUNCTION_WORDS = """
و در به از که این را با یا هم بر نیز اما هر یک ای ها های هایی
خود وی او ما من تو شما آنها آنان ایشان دیگر یکی همه همین همچنین روی بین پس تنها البته ولی
چه حتی بدون برخی هنوز چنین چون نه چرا وقتی فقط اگر آیا بلکه شاید مانند مثل آنچه زیرا
بنابراین آنجا اینکه آنکه سپس لذا درباره طی میان باید می نمی آن برای تا
"""
# The auxiliaries, every one-word form, affirmative and negative (a passive or a future is negated
# on its auxiliary: دیده نشد): بودن (است, هست, باشد …), شدن (شد, شده, شود, می‌شود …), future خواستن
# (خواهد …), داشتن (دارد, داشت …), the perfect endings written apart (داده اند) and the auxiliary
# participles with them (شده‌اند).
_PAST = ("م", "ی", "", "یم", "ید", "ند")
_PRESENT = ("م", "ی", "د", "یم", "ید", "ند")
_ENDINGS = ("ام", "ای", "است", "ایم", "اید", "اند")
_NEGATABLE = (
    [f"{pre}{stem}{p}" for pre in ("", "می") for stem in ("بود", "شد", "داشت") for p in _PAST]
    + [f"{pre}{stem}{p}" for pre in ("", "می") for stem in ("باش", "شو", "دار") for p in _PRESENT]
    + [f"خواه{p}" for p in _PRESENT] + ["باش", "شو", "بوده", "شده", "میشده", "داشته"]
)
_AUXILIARIES = (
    _NEGATABLE + ["ن" + form for form in _NEGATABLE] + [f"بشو{p}" for p in _PRESENT] + ["بشو"]
    + ["است", "هست"] + [f"هست{p}" for p in _PAST if p] + [f"نیست{p}" for p in _PAST]
    + list(_ENDINGS) + [f"{pre}{aux}{end}" for aux in _NEGATABLE if aux.endswith("ه")
                             for pre in ("", "ن") for end in _ENDINGS]
)
STOPWORDS = frozenset(fold_word(w) for w in _FUNCTION_WORDS.split() + _AUXILIARIES)

_MAX_WORD = 64
_CACHE_LIMIT = 200_000  # entries per cache: ~40 MB at most
_keys: dict[str, tuple[str, str | None]] = {}
# The keys of a token as found, one tuple per word position (surface first, then ">lemma" or a
# number's first part); () for a stopword. A cache of `positions_of`.
Positions = tuple[tuple[str, ...], ...]
_token_keys: dict[str, Positions] = {}
_surfaces: dict[str, tuple[str, ...]] = {}  # token as found -> its surface keys, for snippets (no lemma lookup)

_DETACHED = re.compile(r"^(ن?م[یي])[ \u00a0\u2060]+")
_GLUED = re.compile(r"(?<=[^\W\d_a-zA-Z])(?=\d)|(?<=\d)(?=[^\W\d_a-zA-Z])")
_NUMBER = re.compile(r"\d+(?:[.\u066b/]\d+)+")
_SEPARATOR = re.compile(r"[.\u066b/]")


def _unspaced(text: str) -> str:
    """`text` with the spaces a token may hold (`کتاب ها`) written as the ZWNJ they stand for (its key
    drops it, its lemma sees the boundary); str.replace runs in C, translate does not."""
    if " " in text or "\u00a0" in text or "\u2060" in text:
        return text.replace(" ", ZWNJ).replace("\u00a0", ZWNJ).replace("\u2060", ZWNJ)
    return text


def unstretched(word: str) -> str:
    """`word` with letters stretched for emphasis written once or twice, as hazm's normaliser does:
    the spelling its word list knows when only one of the two is known, else twice (`اعلاممممم` is
    اعلام, `ههههه` هه); `word` itself when nothing is stretched or hazm knows it as written."""
    if not _STRETCHED.search(word):
        return word
    written = lemma_form(word)
    known = lemmatizer().words
    if written in known:
        return written
    once, twice = _STRETCHED.sub(r"\1", written), _STRETCHED.sub(r"\1\1", written)
    return once if once in known and twice not in known else twice


def word_keys(word: str) -> tuple[str, str | None]:
    """(surface key, lemma key or None when it equals the surface) of one word, cached."""
    cached = _keys.get(word)
    if cached is not None:
        return cached
    word = unstretched(word)
    surface = fold_word(word)
    lemma_key: str | None = None
    if not surface.isascii():
        written = lemma_form(word)
        joined = written.replace(ZWNJ, "")
        base, _, ending = written.rpartition(ZWNJ)
        if ending == "ای" and len(base) > 2 and base.endswith("ه"):
            # ‑ای set apart after ه (زمین‌لرزه‌ای, نامه ای): the word's ending, never part of a plural
            # ‑های (joined, نامهای reads as نام+های)
            lemma = lemma_of(base)
        else:
            lemma = lemma_of(joined)
            if lemma == joined and written != joined:  # hazm's list writes compounds with their ZWNJ
                lemma = lemma_of(written)
        lemma_key = fold_word(lemma) or None
        if lemma_key == surface:
            lemma_key = None
    if len(_keys) >= _CACHE_LIMIT:
        _keys.clear()
    _keys[word] = (surface, lemma_key)
    return surface, lemma_key


def _is_verb(word: str, rest: str) -> bool:
    """Whether a detached می and `rest` make a verb: the joined word has a verb lemma, or `rest`
    may be a verb form (`می توان`); `ماه می سال` has none."""
    lemma = word_keys(_unspaced(word)[:_MAX_WORD])[1]
    return (lemma is not None and "#" in lemma) or lemmatizer().may_start_verb(lemma_form(rest))


def words_of(text: str, lemmas: bool = True) -> list[str]:
    """The words one token as found holds (see the module docstring). Without `lemmas`, a detached
    `می` is kept when it may start a verb (no lemma is looked up)."""
    detached = _DETACHED.match(text)
    rest = text[detached.end():] if detached else ""
    if detached and (not lemmas or not _is_verb(text, rest)):
        parts = [rest] if lemmas else [text, rest]
    else:
        parts = [text]
    words: list[str] = []
    for part in parts:
        words += _GLUED.split(part) if part[-1:].isdigit() or part[:1].isdigit() or _GLUED.search(part) else [part]
    return words


def word_spans(text: str) -> list[tuple[int, int]] | None:
    """Where the words of a token holding more than one (`یورو2020`, `می سال`) sit inside it, or
    None for a token of one word."""
    words = words_of(text)
    if words == [text]:
        return None
    spans: list[tuple[int, int]] = []
    at = 0
    for word in words:
        start = text.find(word, at)
        spans.append((start, start + len(word)))
        at = start + len(word)
    return spans


def number_keys(word: str) -> tuple[str, ...] | None:
    """A number written with separators (`۱۲٫۵`, `2/5`): its key (`12.5`) and its parts, or None."""
    if not _NUMBER.fullmatch(word):
        return None
    parts = [fold_word(p) for p in _SEPARATOR.split(word)]
    return (".".join(parts), *parts)


def positions_of(text: str) -> Positions:
    """The keys of a token as found, one tuple per word position; cached."""
    cached = _token_keys.get(text)
    if cached is not None:
        return cached
    out: list[tuple[str, ...]] = []
    for word in words_of(text):
        numbers = number_keys(word)
        if numbers is not None:
            out.append(numbers[:2])
            out += [(part,) for part in numbers[2:]]
            continue
        surface, lemma = word_keys(_unspaced(word)[:_MAX_WORD])
        if surface and surface not in STOPWORDS:
            out.append((surface, LEMMA_PREFIX + lemma) if lemma else (surface,))
    if len(_token_keys) >= _CACHE_LIMIT:
        _token_keys.clear()
    positions = _token_keys[text] = tuple(out)
    return positions


def term_positions(value: str) -> dict[str, list[int]]:
    """Index terms of `value` (surface and lemma keys) with their word positions; stopwords take
    no position, so a phrase steps over them as the query side does."""
    return token_term_positions(_TOKEN.findall(value))


def token_term_positions(tokens: Iterable[str]) -> dict[str, list[int]]:
    """`term_positions` of a text whose tokens (`token_pattern().findall`) are `tokens`: the indexer
    finds them once for the postings and the word groups (word_groups.token_sequence)."""
    found: dict[str, list[int]] = {}
    cache = _token_keys
    get = found.get
    pos = 0
    for text in tokens:
        for keys in cache[text] if text in cache else positions_of(text):
            for key in keys:
                known = get(key)
                if known is None:
                    found[key] = [pos]
                else:
                    known.append(pos)
            pos += 1
    return found


def surface_keys(text: str) -> tuple[str, ...]:
    """The surface keys a token as found may have (stopwords left out), without looking up lemmas."""
    surfaces = _surfaces.get(text)
    if surfaces is None:
        keys: list[str] = []
        for word in words_of(text, lemmas=False):
            numbers = number_keys(word)
            if numbers is not None:
                keys += numbers
                continue
            surface = fold_word(unstretched(_unspaced(word)[:_MAX_WORD]))
            if surface and surface not in STOPWORDS:
                keys.append(surface)
        if len(_surfaces) >= _CACHE_LIMIT:
            _surfaces.clear()
        surfaces = _surfaces[text] = tuple(keys)
    return surfaces


def spaced_keys(word: str) -> tuple[str, ...]:
    """The surface keys, in order, of `word` written with a space at each of its ZWNJs, as an archive
    that spaces compounds indexes it (`زمین‌لرزه‌ای`: زمین, لرزهای); () when that is one word
    (`کتاب‌ها`, `می‌کند`) or a part is a stopword, which no phrase can step over."""
    if ZWNJ not in word:
        return ()
    tokens = _TOKEN.findall(word.replace(ZWNJ, " "))
    keys: list[str] = []
    for token in tokens:
        found = positions_of(token)
        if len(words_of(token)) != len(found):
            return ()
        keys += [position[0] for position in found]
    return tuple(keys) if len(keys) > 1 else ()


def lemma_keys(text: str) -> tuple[str, ...]:
    """The ">lemma" keys of a token as found."""
    return tuple(key for keys in positions_of(text) for key in keys[1:] if key.startswith(LEMMA_PREFIX))


def token_pattern() -> re.Pattern[str]:
    """The expression that finds tokens as written (spans into the text), before any key is computed;
    no token crosses a line."""
    return _TOKEN


def token_spans(value: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, surface key, ">lemma" key or None) of each word position of `value` (a token
    holding two words gives its span twice)."""
    for match in _TOKEN.finditer(value):
        for keys in positions_of(match.group()):
            lemma = keys[1] if len(keys) > 1 and keys[1].startswith(LEMMA_PREFIX) else None
            yield match.start(), match.end(), keys[0], lemma


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
        with_lemma = mode == "index"
        pos = start_pos
        for match in _TOKEN.finditer(value):
            text = match.group()
            words = positions_of(text)
            if not words and removestops:
                continue
            if keeporiginal:
                token.original = text
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            token.stopped = not words
            if not words:
                token.pos = pos
                token.text = fold_word(_unspaced(text))
                yield token
                continue
            for keys in words:
                token.pos = pos
                token.text = keys[0]
                yield token
                if with_lemma:
                    for extra in keys[1:]:
                        token.text = extra
                        yield token
                pos += 1


def query_keys(word: str) -> tuple[str, str | None]:
    """The surface key and lemma key a typed word is searched by (the parser's alternatives)."""
    return word_keys(_unspaced(word)[:_MAX_WORD])


def query_words(text: str) -> list[str]:
    """The words of a query term as typed, as the index splits them: punctuation dropped
    (`تهران.` `«تهران»`), letters and digits apart (`یورو2020`), a non-verb `می` dropped."""
    return [word for match in _TOKEN.finditer(text) for word in words_of(match.group())]


def verb_alternatives(word: str) -> tuple[str, ...]:
    """More keys a typed verb form finds: its verb's lemma token when hazm's word list also knows
    the form as a word (`گفت`, `داشت` are left whole at index time), and the past stem written
    alone (`داشت` for `داشتم`, whose own lemma token is `>داشت#دار`)."""
    surface, lemma = query_keys(word)
    keys: list[str] = []
    verb = lemma if lemma and "#" in lemma else None
    if verb is None and lemma is None and surface and not surface.isascii():
        known = lemmatizer().verbs.get(lemma_form(_unspaced(word)))
        if known:
            verb = fold_word(known)
            keys.append(LEMMA_PREFIX + verb)
    if verb:
        past = verb.split("#")[0]
        if past and past != surface and past not in STOPWORDS:
            keys.append(past)
        keys += sorted(LEMMA_PREFIX + fold_word(other) for other in lemmatizer().related_verbs(_verb_written(verb)))
    return tuple(keys)


def _verb_written(verb_key: str) -> str:
    """The lemma as hazm writes it (آ kept) of a folded verb key, or the key."""
    return _written_verbs().get(verb_key, verb_key)


_written: dict[str, str] = {}


def _written_verbs() -> dict[str, str]:
    if not _written:
        _written.update({fold_word(lemma): lemma for lemma in set(lemmatizer().verbs.values())})
    return _written


def search_keys(word: str) -> tuple[str, ...]:
    """The keys one typed word (one of `query_words`) finds, its own key first (ranked first), or
    () for a stopword: its lemma token, its lemma written as a word, its verb's other keys."""
    numbers = number_keys(word)
    if numbers is not None:
        return numbers[:1]
    surface, lemma = query_keys(word)
    if not surface or surface in STOPWORDS:  # never indexed, so never required
        return ()
    # its own lemma token too: the plural زدگان has the lemma زده, while زده typed reads as the verb
    keys = [surface, LEMMA_PREFIX + (lemma or surface), LEMMA_PREFIX + surface]
    if lemma and "#" not in lemma:  # a verb's lemma (رفت#رو) is never written as a word
        keys.append(lemma)
    keys += verb_alternatives(word)
    return tuple(dict.fromkeys(keys))


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
