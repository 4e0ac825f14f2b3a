"""A preparing worker's table of the tokens it has met, so that an article's postings and word groups
come from numpy gathers over numbered tokens instead of Python per token.

A news archive says the same words again and again: an article's ~400 tokens are nearly all known
from earlier articles. Each distinct token is analysed once (its word positions' keys,
`analyzer.positions_of`, and their collocation entries, `word_groups.token_entries`) and given a
number; its terms and entries are numbered too. An article is then its tokens' numbers (one dict
lookup each, at C speed) and a dozen array operations: its terms' positions grouped by term in order
of first appearance, packed as `PersianPositions.packed_positions` packs them, and its word groups'
value as `word_groups.token_sequence` writes it, byte for byte
(tests/search/indexing/test_token_table.py compares them on seeded and real texts).

The table is bounded: past `TOKEN_LIMIT` tokens it starts again empty (between articles only, so
an article's numbers stay valid while it is worked on).
"""

from __future__ import annotations

from array import array
from typing import Any

import numpy as np

from viewer.analysis.analyzer import positions_of
from viewer.analysis.word_groups import HEADER, index_width, token_entries
from viewer.search.format.packed import PackedPostings

TOKEN_LIMIT = 200_000  # distinct tokens kept: ~400 bytes each with their terms and entries (measured), ~80 MB
_H = ord("H")
_PLACE_TYPES = {1: "<u1", 2: "<u2", 4: "<u4"}
Array = np.ndarray[Any, Any]


class _Column:
    """A growable numpy array. A new token's values wait in a list until the array is next read: one
    copy per article, not one per token (a cold table meets dozens of new tokens an article)."""

    def __init__(self, dtype: Any):
        self.data: Array = np.zeros(1024, dtype=dtype)
        self.size = 0
        self.pending: list[int] = []

    def __len__(self) -> int:
        return self.size + len(self.pending)

    def add(self, values: list[int]) -> int:
        """Append `values`; where they start."""
        start = len(self)
        self.pending += values
        return start

    def array(self) -> Array:
        """The values so far (the array may be longer: read only the places handed out)."""
        if self.pending:
            start, end = self.size, len(self)
            if end > len(self.data):
                grown = np.zeros(max(end, 2 * len(self.data)), dtype=self.data.dtype)
                grown[:start] = self.data[:start]
                self.data = grown
            self.data[start:end] = self.pending
            self.size, self.pending = end, []
        return self.data


class TokenTable:
    def __init__(self, limit: int = TOKEN_LIMIT):
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.numbers: dict[str, int] = _Tokens(self)
        self.term_numbers: dict[str, int] = {}
        self.term_bytes: list[bytes] = []
        self.entry_numbers: dict[tuple[int, int], int] = {}
        self.entry_groups = _Column(np.uint64)
        self.entry_spellings = _Column(np.uint32)
        # per token: word positions, its (position, term) pairs' start and count, its entries' start
        self.positions = _Column(np.int64)
        self.pair_start = _Column(np.int64)
        self.pair_count = _Column(np.int64)
        self.entry_start = _Column(np.int64)
        # per pair: the word position within its token, the term; per position: the entry
        self.pair_offset = _Column(np.int64)
        self.pair_term = _Column(np.int64)
        self.position_entry = _Column(np.int64)

    def start(self) -> None:
        """Before an article: the table emptied when it has grown past its limit."""
        if len(self.numbers) >= self.limit:
            self.clear()

    def ids(self, tokens: list[str]) -> Array:
        """The tokens' numbers (a token not met before is analysed and numbered)."""
        return np.fromiter(map(self.numbers.__getitem__, tokens), dtype=np.int64, count=len(tokens))

    def add_token(self, token: str) -> int:
        """Number a token not met before, after analysing it."""
        found = positions_of(token)
        offsets: list[int] = []
        terms: list[int] = []
        term_numbers = self.term_numbers
        for offset, keys in enumerate(found):
            for key in keys:
                number = term_numbers.get(key)
                if number is None:
                    number = term_numbers[key] = len(self.term_bytes)
                    self.term_bytes.append(key.encode("utf-8"))
                offsets.append(offset)
                terms.append(number)
        entries: list[int] = []
        entry_numbers = self.entry_numbers
        for entry in token_entries(token):
            number = entry_numbers.get(entry)
            if number is None:
                number = entry_numbers[entry] = len(entry_numbers)
                self.entry_groups.add([entry[0]])
                self.entry_spellings.add([entry[1]])
            entries.append(number)
        assert len(entries) == len(found)
        self.positions.add([len(found)])
        self.pair_start.add([self.pair_offset.add(offsets)])
        self.pair_term.add(terms)
        self.pair_count.add([len(terms)])
        self.entry_start.add([self.position_entry.add(entries)])
        return len(self.positions) - 1

    def postings(self, ids: Array) -> PackedPostings:
        """The packed postings of a text whose tokens are `ids`, for a text of at most 65,535
        characters (every position fits two bytes)."""
        counts = self.positions.array()[ids]
        firsts = np.cumsum(counts) - counts  # each token's first word position
        pairs = self.pair_count.array()[ids]
        total = int(pairs.sum())
        if not total:
            return PackedPostings([], array("I"), array("I"), b"")
        at = np.repeat(self.pair_start.array()[ids] - (np.cumsum(pairs) - pairs), pairs) + np.arange(total)
        positions = np.repeat(firsts, pairs) + self.pair_offset.array()[at]
        terms = self.pair_term.array()[at]
        distinct, first_at, inverse = np.unique(terms, return_index=True, return_inverse=True)
        appearance = np.argsort(first_at)  # the terms in order of first appearance
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[appearance] = np.arange(len(distinct))
        group = rank[inverse]
        # a stable sort keeps each term's positions ascending (pairs come in position order)
        ordered = positions[np.argsort(group, kind="stable")].astype("=u2")
        freqs = np.bincount(group, minlength=len(distinct))
        starts = 2 * (np.cumsum(freqs) - freqs)
        blob = np.insert(ordered.view(np.uint8), starts, _H).tobytes()
        term_bytes = self.term_bytes
        return PackedPostings([term_bytes[n] for n in distinct[appearance].tolist()], _uints(freqs),
                           _uints(2 * freqs + 1), blob)

    def word_sequence(self, ids: Array) -> bytes:
        """`word_groups.token_sequence` of the tokens `ids`."""
        counts = self.positions.array()[ids]
        total = int(counts.sum())
        if not total:
            return HEADER.pack(0, 0)
        at = np.repeat(self.entry_start.array()[ids] - (np.cumsum(counts) - counts), counts) + np.arange(total)
        entries = self.position_entry.array()[at]
        distinct, first_at, inverse = np.unique(entries, return_index=True, return_inverse=True)
        appearance = np.argsort(first_at)
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[appearance] = np.arange(len(distinct))
        order = rank[inverse].astype(_PLACE_TYPES[index_width(len(distinct))])
        listed = distinct[appearance]
        return b"".join((HEADER.pack(len(distinct), total), self.entry_groups.array()[listed].astype("<u8").tobytes(),
                         self.entry_spellings.array()[listed].astype("<u4").tobytes(), order.tobytes()))


class _Tokens(dict[str, int]):
    """Token -> its number; a token not met before is analysed (TokenTable.add_token)."""

    def __init__(self, table: TokenTable):
        super().__init__()
        self.table = table

    def __missing__(self, token: str) -> int:
        number = self[token] = self.table.add_token(token)
        return number


def _uints(values: Array) -> array[int]:
    out = array("I")
    out.frombytes(values.astype(np.uintc).tobytes())
    return out

