"""A text's word positions as numbers numpy reads without Python per word: what the index stores for
the collocations (viewer/search/discourse/collocations.py) so that a question reads arrays instead
of analysing the matching texts.

Each word position (the analyzer's: function words take none) gets its group, the key the
collocations group forms by (its lemma when the analyzer has one, else its search key; none for a
stopword of hazm's list or a number), as a 64-bit hash (0: no group), and the spelling it is shown
by (`display_text` of the token), as a 32-bit hash. The hashes depend on the words alone, so an
article's value is the same whichever sync wrote it and no archive-wide word table is kept. Two
groups sharing a 64-bit hash would be counted as one: among a million distinct groups the chance
is about 1 in 30 million. A spelling hash only tells the spellings of one group apart.

The value of a text: a header (`<II`: entries, positions), its distinct (group, spelling) pairs in
order of first appearance (the groups as `<u8`, then the spellings as `<u4`), then each position's
entry number, one byte each when there are at most 256 entries, two when at most 65,536, else four.
The index stores it numbered (schema 12, viewer/search/indexing/word_table.py): the sync replaces the
pairs by their 3-byte numbers in the archive's table of pairs, kept beside the index."""

from __future__ import annotations

import hashlib
import struct
import sys
from array import array
from functools import cache
from itertools import chain
from pathlib import Path

from viewer.analysis.analyzer import LEMMA_PREFIX, positions_of, token_pattern
from viewer.analysis.normalize import display_text, fold_word

_TOKEN = token_pattern()
HEADER = struct.Struct("<II")
NO_GROUP = 0
_CACHE_LIMIT = 200_000  # tokens whose entries are remembered
_token_entries: dict[str, tuple[tuple[int, int], ...]] = {}


@cache
def hazm_stopwords() -> frozenset[str]:
    """hazm's stopword list (its data/stopwords.dat), folded; read as a file: importing hazm.utils
    loads the whole of hazm (~1.5 s)."""
    import importlib.util

    spec = importlib.util.find_spec("hazm")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        listed = Path(folder) / "data" / "stopwords.dat"
        if listed.exists():
            words = listed.read_text("utf-8").split("\n")
            return frozenset(fold_word(word.strip()) for word in words if word.strip())
    from hazm.utils import stopwords_list

    return frozenset(fold_word(word) for word in stopwords_list())


def group_of(keys: tuple[str, ...]) -> str | None:
    """The key a word position's forms are grouped by (its lemma, else its surface key), None for a
    stopword or a number."""
    surface = keys[0]
    stop = hazm_stopwords()
    if surface in stop or surface.isdigit():
        return None
    lemma = next((key for key in keys[1:] if key.startswith(LEMMA_PREFIX)), None)
    if lemma is None:
        return surface
    written = lemma[1:].split("#")[0] or surface
    return None if written in stop else lemma


def group_hash(group: str) -> int:
    """A group's 64-bit number, never NO_GROUP."""
    number = int.from_bytes(hashlib.blake2b(group.encode("utf-8"), digest_size=8).digest(), "little")
    return number or 1


def spelling_hash(spelling: str) -> int:
    """A spelling's 32-bit number (`spelling` as display_text gives it)."""
    return int.from_bytes(hashlib.blake2b(spelling.encode("utf-8"), digest_size=4).digest(), "little")


def token_entries(token: str) -> tuple[tuple[int, int], ...]:
    """(group hash, spelling hash) of each word position of a token as found (not cached)."""
    spelling = spelling_hash(display_text(token))
    entries = []
    for keys in positions_of(token):
        group = group_of(keys)
        entries.append((NO_GROUP, 0) if group is None else (group_hash(group), spelling))
    return tuple(entries)


def index_width(entries: int) -> int:
    """The bytes of a position's entry number in a value with this many entries."""
    return 1 if entries <= 0x100 else 2 if entries <= 0x10000 else 4


_INDEX_CODES = {1: "B", 2: "H", 4: "I"}


def word_sequence(text: str) -> bytes:
    """The stored value of `text` (see the module docstring)."""
    return token_sequence(_TOKEN.findall(text))


def token_sequence(tokens: list[str]) -> bytes:
    """`word_sequence` of a text whose tokens (`token_pattern().findall`) are `tokens` (the indexer
    finds them once for the postings too). Python works once per distinct token and entry; the walk
    over the positions is map and chain."""
    cache = _token_entries
    fresh = set(tokens).difference(cache)
    if len(cache) + len(fresh) > _CACHE_LIMIT:
        cache.clear()
        fresh = set(tokens)
    for token in fresh:
        cache[token] = token_entries(token)
    positions = list(chain.from_iterable(map(cache.__getitem__, tokens)))
    numbers = {entry: number for number, entry in enumerate(dict.fromkeys(positions))}
    order = array(_INDEX_CODES[index_width(len(numbers))], map(numbers.__getitem__, positions))
    groups = array("Q", (group for group, _ in numbers))
    spellings = array("I", (spelling for _, spelling in numbers))
    if sys.byteorder == "big":
        for part in (order, groups, spellings):
            part.byteswap()
    return b"".join((HEADER.pack(len(numbers), len(order)), groups.tobytes(), spellings.tobytes(), order.tobytes()))


def sequence_parts(value: bytes) -> tuple[int, int, int]:
    """(entries, positions, index width) of a stored value; (0, 0, 1) for an empty or missing one."""
    if len(value) < HEADER.size:
        return 0, 0, 1
    entries, positions = HEADER.unpack_from(value)
    return entries, positions, index_width(entries)


def read_sequence(value: bytes) -> tuple[list[int], list[int], list[int]]:
    """Each position's group hash, spelling hash and entry number, as lists (for tests and checks;
    the collocations read the value with numpy)."""
    entries, positions, width = sequence_parts(value)
    if not positions:
        return [], [], []
    groups = list(struct.unpack_from(f"<{entries}Q", value, HEADER.size))
    spellings = list(struct.unpack_from(f"<{entries}I", value, HEADER.size + 8 * entries))
    order = list(struct.unpack_from(f"<{positions}{_INDEX_CODES[width]}", value, HEADER.size + 12 * entries))
    return [groups[n] for n in order], [spellings[n] for n in order], order
