"""The posting format of the text fields: Whoosh's `Positions`, fed by the analyzer's fast path.

Whoosh's own `Positions` runs the analyzer token by token and pickles each term's position list;
here the analyzer hands over {term: positions} in one call and positions are packed with `array` (absolute, 2 or 4 bytes each).
Whoosh pickles this class into the index as `viewer.search.postings.PersianPositions` (where it
lived first; that module still answers for it): keep that name.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.formats import Positions

from viewer.search.format.packed import PackedPostings, pack


class PersianPositions(Positions):
    __module__ = "viewer.search.postings"  # the name pickled into every index's schema

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        packed = getattr(value, "packed", None)
        if packed is not None:  # analysed in a worker process (prepare.AnalyzedText)
            yield from packed.postings(self.field_boost)
            return
        fast = getattr(analyzer, "term_positions", None)
        if fast is None or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        if len(value) <= 0xFFFF:  # fewer words than characters: every position fits two bytes
            yield from [(term, len(poslist), len(poslist) * boost, b"H" + array("H", poslist).tobytes())
                        for term, poslist in fast(value).items()]
            return
        encode = self.encode
        for term, poslist in fast(value).items():
            yield term, len(poslist), len(poslist) * boost, encode(poslist)

    def packed_values(self, value: str, analyzer: Any) -> PackedPostings:
        """The postings `word_values` gives, packed (see packed.py); for the analyzer's fast path."""
        return self.packed_positions(analyzer.term_positions(value), len(value))

    def packed_positions(self, found: dict[str, list[int]], length: int) -> PackedPostings:
        """`packed_values` of a text `length` characters long whose terms and positions the analyzer
        found already (`found`: its term_positions)."""
        poslists = list(found.values())
        if length <= 0xFFFF:
            values = [b"H" + array("H", poslist).tobytes() for poslist in poslists]
        else:
            values = list(map(self.encode, poslists))
        return pack(list(found), values, list(map(len, poslists)))

    def encode(self, poslist: list[int]) -> bytes:
        # Absolute positions, ascending: the last one says how wide they must be.
        if not poslist:
            return b"H"
        code = "H" if poslist[-1] <= 0xFFFF else "I"
        return code.encode() + array(code, poslist).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return array(chr(valuestring[0]), valuestring[1:]).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return (len(valuestring) - 1) // (2 if valuestring[:1] == b"H" else 4)
