"""A text field's postings for one document as a few flat buffers, not a list of tuples.

The prepare workers analyse each article and send its postings to the writer's process, which
is the serial part of indexing: a list of (term, frequency, weight, positions) tuples costs a
pickled object per value there (4 per posting, ~1.6 million postings per 10,000 articles). Packed,
a field is one list of encoded terms and three buffers, unpickled at C speed, and the writer's
term pool (`term_pool.py`) takes them in bulk.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import accumulate


class PackedPostings:
    """`terms[i]` (UTF-8) occurs `freqs[i]` times; its encoded positions are `lens[i]` bytes of `blob`,
    one term after the other. The weight of a posting is its frequency times the format's boost."""

    __slots__ = ("blob", "freqs", "lens", "terms")

    def __init__(self, terms: list[bytes], freqs: array[int], lens: array[int], blob: bytes):
        self.terms, self.freqs, self.lens, self.blob = terms, freqs, lens, blob

    def __reduce__(self) -> tuple[object, ...]:
        return (PackedPostings, (self.terms, self.freqs, self.lens, self.blob))

    def __len__(self) -> int:
        return len(self.terms)

    def values(self) -> list[bytes]:
        blob = self.blob
        return [blob[end - length:end] for end, length in zip(accumulate(self.lens), self.lens, strict=True)]

    def postings(self, boost: float) -> Iterator[tuple[str, int, float, bytes]]:
        """As Whoosh's `Format.word_values` gives them: (term, frequency, weight, encoded positions)."""
        for term, freq, value in zip(self.terms, self.freqs, self.values(), strict=True):
            yield term.decode("utf-8"), freq, freq * boost, value


def pack(terms: list[str], values: list[bytes], freqs: list[int]) -> PackedPostings:
    return PackedPostings(list(map(str.encode, terms)), array("I", freqs), array("I", map(len, values)),
                          b"".join(values))
