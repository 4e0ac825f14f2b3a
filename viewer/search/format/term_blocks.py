"""The posting blocks and term infos of many terms of one field at once, with numpy.

At commit the writer wrote each term through Whoosh's field writer: a term info object, a postings
writer's block statistics and `pack_block` per block, `to_bytes` and the terms table's `add` per
term. That Python per term and per block was a third of the writer's process (at 40,000 articles
~180,000 terms, ~200,000 blocks, most of one or two postings). Here a batch of terms is laid out
together: every block's fixed part (W3's block length, ArrayCodec's block info, block_format's head),
its id gaps and weights are scattered into one byte array, the positions sections are packed as
`positions_sections` packs them, other value sections deflated as `pack_block` deflates them, and the
term infos and the terms table's records are one structured array each. The bytes are those the
field writer and `ArrayPostingsWriter` write (tests/search/format/test_bulk_writer.py compares the
segment files with Whoosh's own writer's).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from hashlib import md5
from itertools import pairwise
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import byte_to_length, length_to_byte

from viewer.search.format.block_format import (
    ALL_ONE,
    CONSTANT,
    FLOAT32,
    POSITIONS,
    UINT8,
    UINT16,
    local_numbers,
    positions_sections,
)

Array = np.ndarray[Any, Any]
TermPostings = tuple[str, bytes, bytes, bytes, bytes, bytes]  # term_pool.TermPostings

# A block's fixed part: W3's block length (negative for a term's last block), ArrayCodec's block info
# (codec._INFO) and block_format's head (_HEAD), in the order they are written.
_BLOCK = np.dtype([("length", ">i4"), ("count", "<u4"), ("last_id", "<u4"), ("max_weight", "<f8"),
                   ("compression", "u1"), ("min_length", "u1"), ("max_length", "u1"),
                   ("kind", "u1"), ("width", "u1"), ("first_id", "<u4")])
_INFO_AND_HEAD = _BLOCK.itemsize - 4  # the block length counts what follows it
# W3TermInfo.to_bytes of a term written to the postings file: "!BfIBBfII", then its extent ("!q", "!i").
_TERM_INFO = np.dtype([("inlined", "u1"), ("weight", ">f4"), ("df", ">u4"), ("min_length", "u1"),
                       ("max_length", "u1"), ("max_weight", ">f4"), ("min_id", ">u4"), ("max_id", ">u4"),
                       ("offset", ">i8"), ("length", ">i4")])
_RECORD_HEAD = np.dtype([("key_length", ">i4"), ("value_length", ">i4")])  # HashWriter.add's "!ii"
_MAGIC = np.frombuffer(WHOOSH3_HEADER_MAGIC, dtype=np.uint8)
# length_to_byte(byte_to_length(b)) (the block and term statistics keep lengths rounded to a byte)
_ROUNDED = np.array([length_to_byte(byte_to_length(b)) for b in range(256)], dtype=np.uint8)
_WEIGHT_WIDTH = np.array([0, 0, 4, 1, 2], dtype=np.int64)  # bytes a posting, by kind (CONSTANT: 4 once)
SECTION_POSTINGS = 1 << 14  # postings whose positions are packed together (bounds the memory it takes)
_DEFLATED_KEPT = 4096  # small value sections deflated, remembered (most blocks of the id and tag fields)


class TermWriter:
    """Writes batches of terms of one field to a W3 field writer's postings file and terms table."""

    def __init__(self, fieldwriter: Any, limit: int, compression: int):
        self.fieldwriter = fieldwriter
        self.limit = limit
        self.compression = compression
        self._deflated: dict[bytes, bytes] = {}

    def write(self, fieldid: int, batch: Sequence[TermPostings], positions: bool, field_lengths: bytes | None) -> None:
        """The terms of `batch` (in key order, after any the field writer has), each with its postings
        in document order; `positions`: the field's values are word positions (PersianPositions);
        `field_lengths`: the field's length byte per document (None: the field keeps none)."""
        if not batch:
            return
        counts = np.fromiter((len(entry[2]) >> 2 for entry in batch), dtype=np.int64, count=len(batch))
        docs = np.frombuffer(b"".join([entry[2] for entry in batch]), dtype=np.uint32).astype(np.int64)
        weights = np.frombuffer(b"".join([entry[3] for entry in batch]), dtype=np.float64)
        lens = np.frombuffer(b"".join([entry[4] for entry in batch]), dtype=np.uint32).astype(np.int64)
        values = b"".join([entry[5] for entry in batch])
        blocks = _Blocks(counts, self.limit)
        narrow = weights.astype(np.float32)  # the block's weights as W3 keeps them (array "f")

        kind, weight_bytes = _weight_kinds(narrow, blocks)
        gaps = np.diff(docs, prepend=0)
        gaps[blocks.starts] = 0
        widest = np.maximum.reduceat(gaps, blocks.starts)
        width = np.where(widest < 0x100, 1, np.where(widest < 0x10000, 2, 4))
        gap_bytes = width * (blocks.sizes - 1)

        weight_width = _WEIGHT_WIDTH[kind]
        found: list[bytes | None] = [None] * blocks.count
        if positions:
            found = _positions_sections(lens, values, blocks.starts)
        kind[np.array([n for n, section in enumerate(found) if section is not None], dtype=np.intp)] |= POSITIONS
        sections = self._with_other_sections(found, lens, values, blocks)
        section_bytes = np.fromiter(map(len, sections), dtype=np.int64, count=blocks.count)

        # Each block: the magic before a term's first, the fixed part, the gaps, the weights (its section after).
        middle = gap_bytes + weight_bytes
        prefix = np.where(blocks.first, len(_MAGIC), 0) + _BLOCK.itemsize + middle
        prefix_ends = np.cumsum(prefix)
        prefix_starts = prefix_ends - prefix
        out = np.zeros(int(prefix_ends[-1]) if blocks.count else 0, dtype=np.uint8)
        magic_at = prefix_starts[blocks.first]
        for at, byte in enumerate(_MAGIC.tolist()):
            out[magic_at + at] = byte
        fixed_at = prefix_starts + np.where(blocks.first, len(_MAGIC), 0)

        lengths = field_lengths_of(field_lengths, docs)
        fixed = np.zeros(blocks.count, dtype=_BLOCK)
        block_length = _INFO_AND_HEAD + middle + section_bytes
        fixed["length"] = np.where(blocks.last, -block_length, block_length)
        fixed["count"] = blocks.sizes
        fixed["last_id"] = docs[blocks.ends - 1]
        top = np.maximum.reduceat(weights, blocks.starts)
        fixed["max_weight"] = np.where(top > 0, top, 0.0)
        fixed["compression"] = self.compression
        shortest = _shortest(lengths, blocks.starts)
        fixed["min_length"] = _ROUNDED[shortest]
        longest = np.maximum.reduceat(lengths, blocks.starts)
        fixed["max_length"] = _ROUNDED[longest]
        fixed["kind"] = kind
        fixed["width"] = width
        fixed["first_id"] = docs[blocks.starts]
        out[fixed_at[:, None] + np.arange(_BLOCK.itemsize)] = fixed.view(np.uint8).reshape(-1, _BLOCK.itemsize)

        # The gaps: a block's posting i > 0 at (i - 1) × width after the fixed part.
        posting_width = width[blocks.block_of]
        within = local_numbers(blocks.sizes)
        gaps_at = (fixed_at + _BLOCK.itemsize)[blocks.block_of] + (within - 1) * posting_width
        _scatter(out, gaps_at, gaps, np.where(within > 0, posting_width, 0))
        # The weights: after the gaps, each posting's bytes (a constant's first only).
        weights_at = (fixed_at + _BLOCK.itemsize + gap_bytes)[blocks.block_of] + within * weight_width[blocks.block_of]
        posting_kind = kind[blocks.block_of] & 0x7F  # without POSITIONS
        codes = np.where((posting_kind == UINT8) | (posting_kind == UINT16),
                         np.where(posting_kind >= UINT8, narrow, 0).astype(np.int64),
                         narrow.astype("<f4").view("<u4").astype(np.int64))
        widths = np.where(posting_kind == CONSTANT, np.where(within == 0, 4, 0), weight_width[blocks.block_of])
        _scatter(out, weights_at, codes, widths)

        postfile = self.fieldwriter._postfile
        start = postfile.tell()
        block_bytes = prefix + section_bytes
        term_bytes = np.add.reduceat(block_bytes, blocks.first_of_term)
        term_ends = np.cumsum(term_bytes)
        data = out.tobytes()
        pieces: list[bytes] = []
        for begin, end, section in zip(prefix_starts.tolist(), prefix_ends.tolist(), sections, strict=True):
            pieces.append(data[begin:end])
            pieces.append(section)
        postfile.write(b"".join(pieces))

        infos = np.zeros(len(batch), dtype=_TERM_INFO)
        infos["weight"] = _term_weights(narrow, blocks)
        infos["df"] = counts
        term_shortest = _shortest(lengths, blocks.term_starts)
        infos["min_length"] = _ROUNDED[term_shortest]
        infos["max_length"] = _ROUNDED[np.maximum.reduceat(lengths, blocks.term_starts)]
        heaviest = np.maximum.reduceat(weights, blocks.term_starts)
        infos["max_weight"] = np.where(heaviest > 0, heaviest, 0.0)
        infos["min_id"] = docs[blocks.term_starts]
        infos["max_id"] = docs[blocks.term_starts + counts - 1]
        infos["offset"] = start + term_ends - term_bytes
        infos["length"] = term_bytes
        self._add_terms(fieldid, [entry[1] for entry in batch], infos.tobytes())

    def _with_other_sections(self, found: list[bytes | None], lens: Array, values: bytes, blocks: _Blocks,
                             ) -> list[bytes]:
        """The positions sections `found`, and those of the blocks whose values are not word positions
        (None there): `pack_block`'s value count, lengths (the non-empty values') and values, deflated
        with the codec's compression."""
        out = [section if section is not None else b"" for section in found]
        missing = [n for n, section in enumerate(found) if section is None]
        if not missing:
            return out
        value_ends = np.cumsum(lens)
        value_starts = value_ends - lens
        starts, ends = blocks.starts[missing], blocks.ends[missing]
        firsts, lasts = value_starts[starts].tolist(), value_ends[ends - 1].tolist()
        kept = lens[lens > 0]
        kept_before = np.cumsum(lens > 0) - (lens > 0)
        kept_firsts = kept_before[starts].tolist()
        kept_counts = (kept_before[ends - 1] + (lens[ends - 1] > 0) - kept_before[starts]).tolist()
        kept_bytes = kept.astype("<u4").tobytes()
        for n, first, last, kept_first, kept_count in zip(missing, firsts, lasts, kept_firsts, kept_counts, strict=True):
            section = b"".join((kept_count.to_bytes(4, "little"),
                                kept_bytes[4 * kept_first:4 * (kept_first + kept_count)], values[first:last]))
            out[n] = self._deflate(section)
        return out

    def _deflate(self, section: bytes) -> bytes:
        if not self.compression:
            return section
        known = self._deflated.get(section)
        if known is None:
            known = zlib.compress(section, self.compression, wbits=_window_bits(len(section)))
            if len(section) <= 64:
                if len(self._deflated) >= _DEFLATED_KEPT:
                    self._deflated.clear()
                self._deflated[section] = known
        return known

    def _add_terms(self, fieldid: int, terms: list[bytes], infos: bytes) -> None:
        """HashWriter.add of each term's key and info, as OrderedHashWriter does it, in one write."""
        table = self.fieldwriter._tindex
        prefix = fieldid.to_bytes(2, "big")
        keys = [prefix + term for term in terms]
        if keys[0] <= table.lastkey:
            raise ValueError(f"Keys must increase: {table.lastkey!r}..{keys[0]!r}")
        size = _TERM_INFO.itemsize
        heads = np.zeros(len(keys), dtype=_RECORD_HEAD)
        key_lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        heads["key_length"] = key_lengths
        heads["value_length"] = size
        record_ends = np.cumsum(key_lengths + _RECORD_HEAD.itemsize + size)
        dbfile = table.dbfile
        base = dbfile.tell()
        positions = (base + record_ends - (key_lengths + _RECORD_HEAD.itemsize + size)).tolist()
        head_bytes = heads.tobytes()
        pieces = []
        for n, key in enumerate(keys):
            pieces.append(head_bytes[8 * n:8 * n + 8])
            pieces.append(key)
            pieces.append(infos[size * n:size * (n + 1)])
        dbfile.write(b"".join(pieces))
        index, buckets = table.index, table.buckets
        hashes = _hashes(table, keys)
        for key_hash, position in zip(hashes, positions, strict=True):
            index.append(position)
            buckets[key_hash & 255].append((key_hash, position))
        table.lastkey = keys[-1]


def _positions_sections(lens: Array, values: bytes, starts: Array) -> list[bytes | None]:
    """positions_sections of the blocks, about `SECTION_POSTINGS` postings at a time: it holds ~80
    bytes a position while it works (tracemalloc), and a batch holds the commonest word's postings
    whole (a word 25 times in each of 200,000 articles: 403 MB, 45 MB in slices)."""
    count = len(lens)
    if count <= SECTION_POSTINGS:
        return positions_sections(lens, values, starts)
    value_starts = np.cumsum(lens) - lens
    bounds = np.unique(np.searchsorted(starts, np.arange(0, count, SECTION_POSTINGS), side="right") - 1)
    block_ends = np.append(bounds[1:], len(starts)).tolist()
    found: list[bytes | None] = []
    whole = memoryview(values)
    for first, last in zip(bounds.tolist(), block_ends, strict=True):
        begin = int(starts[first])
        end = int(starts[last]) if last < len(starts) else count
        low = int(value_starts[begin])
        high = int(value_starts[end]) if end < count else len(values)
        found += positions_sections(lens[begin:end], bytes(whole[low:high]), starts[first:last] - begin)
    return found


def _hashes(table: Any, keys: list[bytes]) -> list[int]:
    """The terms table's hash of each key (md5's low 32 bits for Whoosh's default table)."""
    if table.hashtype != 0:
        return [table.hashfn(key) for key in keys]
    return [int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big") for key in keys]


class _Blocks:
    """Where the blocks of a batch's terms begin and end among its postings (`limit` postings each,
    a term's last block fewer)."""

    def __init__(self, counts: Array, limit: int):
        term_ends = np.cumsum(counts)
        self.term_starts = term_ends - counts
        per_term = -(-counts // limit)
        term_of = np.repeat(np.arange(len(counts)), per_term)
        number = local_numbers(per_term)
        self.starts = self.term_starts[term_of] + number * limit
        self.ends = np.minimum(self.starts + limit, term_ends[term_of])
        self.sizes = self.ends - self.starts
        self.count = len(self.starts)
        self.first = number == 0
        self.last = number == per_term[term_of] - 1
        self.first_of_term = np.flatnonzero(self.first)
        self.block_of = np.repeat(np.arange(self.count), self.sizes)


def _weight_kinds(weights: Array, blocks: _Blocks) -> tuple[Array, Array]:
    """Each block's weights kind (block_format._packed_weights) and its weights' bytes."""
    starts = blocks.starts
    first = weights[starts]
    same = np.minimum.reduceat(weights == first[blocks.block_of], starts)
    whole = np.minimum.reduceat(weights == np.floor(weights), starts)
    lowest = np.minimum.reduceat(weights, starts)
    highest = np.maximum.reduceat(weights, starts)
    counted = whole & (lowest >= 0)
    kind = np.where(same, np.where(first == 1.0, ALL_ONE, CONSTANT),
                    np.where(counted & (highest < 0x100), UINT8,
                             np.where(counted & (highest < 0x10000), UINT16, FLOAT32))).astype(np.uint8)
    size = np.where(kind == CONSTANT, 4, _WEIGHT_WIDTH[kind] * blocks.sizes)
    return kind, size


def _scatter(out: Array, at: Array, numbers: Array, widths: Array) -> None:
    """`widths` little-endian bytes (0 to 4) of each of `numbers`, at `at` in `out`."""
    for byte in range(4):
        chosen = widths > byte
        if not chosen.any():
            break
        out[at[chosen] + byte] = (numbers[chosen] >> (8 * byte)) & 0xFF


def field_lengths_of(field_lengths: bytes | None, docs: Array) -> Array:
    """Each posting's document's field length byte (0 for a field that keeps none)."""
    if field_lengths is None:
        return np.zeros(len(docs), dtype=np.int64)
    return np.frombuffer(field_lengths, dtype=np.uint8)[docs].astype(np.int64)


def _shortest(lengths: Array, starts: Array) -> Array:
    """The smallest non-zero length byte from each start to the next (0 when there is none)."""
    lowest = np.minimum.reduceat(np.where(lengths == 0, 256, lengths), starts)
    found: Array = np.where(lowest == 256, 0, lowest)
    return found


def _term_weights(weights: Array, blocks: _Blocks) -> Array:
    """Each term's total weight as W3TermInfo adds it up: Python's `sum` of each block's float32
    weights, added block after block. Every weight is a whole multiple of the smallest one's float32
    unit; while the batch's total stays below 2**53 of those units, every partial sum is exact in
    float64 (the usual case: frequencies times a boost), so any order gives those bits and numpy
    adds them. Otherwise Python does, in W3's order."""
    wide = weights.astype(np.float64)
    present = wide[wide != 0]
    if not len(present):
        return np.zeros(len(blocks.term_starts), dtype=np.float64)
    _mantissas, exponents = np.frexp(present)
    unit = 2.0 ** (int(exponents.min()) - 24)
    if np.isfinite(present).all() and float(np.abs(present).sum()) < unit * 2.0**53:
        exact: Array = np.add.reduceat(wide, blocks.term_starts)
        return exact
    block_sums = [sum(wide[start:end].tolist()) for start, end in zip(blocks.starts.tolist(), blocks.ends.tolist(),
                                                                       strict=True)]
    totals = []
    for begin, end in pairwise(np.append(blocks.first_of_term, blocks.count).tolist()):
        total = 0.0
        for value in block_sums[begin:end]:
            total += value
        totals.append(total)
    return np.array(totals, dtype=np.float64)


def _window_bits(size: int) -> int:
    """block_format._window_bits."""
    return max(9, min(15, (size + 262).bit_length()))
