"""A term's postings in chosen documents, read in bulk: ids and weights for scoring, and the word
positions a phrase needs.

ArrayCodec packs each block of up to 128 postings as id gaps and weights, then a section of each
posting's positions: since schema 13 each posting's byte count and its positions' steps as LEB128
numbers, uncompressed; before, the positions as PersianPositions.encode writes them, zlib-compressed
(block_format.py). Decoding a block at a time cost ~10 µs of numpy calls per block, and positions
posting by posting ~3 µs each: ~0.5 s for a phrase of two common words at 200,000 articles. Here the
blocks holding a wanted document are read in place, and every id, weight, length and position is
gathered from the term's bytes with numpy, whatever the number of blocks: of the positions only
those of the wanted documents (a phrase's common word has ~10 times as many in the blocks it reads).
"""

from __future__ import annotations

import sys
import zlib
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.matching.wrappers import FilterMatcher

from viewer.search.format.block_format import (
    CONSTANT,
    FLOAT32,
    POSITIONS,
    UINT8,
    UINT16,
    absolute_positions,
    block_ids,
    block_weights,
    counts_by_end,
    gathered_uints,
    leb128_numbers,
    local_numbers,
    values_at,
)
from viewer.search.format.codec import _INFO, _LENGTH, ArrayLeafMatcher, posting_blocks

Array = np.ndarray[Any, Any]
_H, _I = ord("H"), ord("I")
_FEW_BLOCKS = 4
_HEAD_SIZE = 6  # a block's weights kind, gap width and first id (block_format's _HEAD)
_COMPRESSION_AT = 16  # the compression byte in a block's info (codec's _INFO: count, max id, max weight, ...)
_NONE = np.zeros(0, dtype=np.int64)


def posting_positions(matcher: Any, members: Array, offset: int = 0) -> tuple[Array, Array]:
    """(document number, position) of every occurrence of the matcher's term in the documents
    flagged in `members` (one bool per document number plus `offset`), as two arrays."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude and isinstance(matcher.child, ArrayLeafMatcher):
        # A segment with deletions: its deleted documents are left out of the members instead.
        deleted = np.fromiter(matcher._ids, dtype=np.int64, count=len(matcher._ids)) + offset
        members = members.copy()
        members[deleted[deleted < len(members)]] = False
        matcher = matcher.child
    if sys.byteorder == "big" or not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        # Positions are packed in the machine's order; the gathers below read them as little-endian.
        return positions_one_by_one(matcher, members, offset)
    blocks = _wanted_blocks(matcher, np.flatnonzero(members), offset, with_values=True)
    if not len(blocks.counts):
        return _NONE, _NONE
    packed = (blocks.kinds & POSITIONS) > 0
    if packed.all():
        return _packed_positions(blocks, members, offset)
    if not packed.any():
        return _deflated_positions(blocks, members, offset)
    # Blocks of both layouts (a block whose values are not PersianPositions' own): each document's
    # positions come from one block, so ordering by document keeps each one's in order.
    docs, positions = (np.concatenate(parts) for parts in zip(
        _packed_positions(blocks.subset(packed), members, offset),
        _deflated_positions(blocks.subset(~packed), members, offset), strict=True))
    order = np.argsort(docs, kind="stable")
    return docs[order], positions[order]


def _packed_positions(blocks: _Blocks, members: Array, offset: int, local: Array | None = None,
                      ids: Array | None = None) -> tuple[Array, Array]:
    """posting_positions of blocks in the positions layout: each wanted posting's numbers found by
    the byte counts of the postings before it in its block, and only those read (`local` and `ids`:
    the blocks' postings' places and document numbers plus `offset`, when read already)."""
    joined, counts, starts = blocks.joined, blocks.counts, blocks.section_starts
    if local is None or ids is None:
        local = local_numbers(counts)
        ids = blocks.ids(local) + offset
    widths = joined[starts].astype(np.int64)  # of the byte counts
    if np.all(widths == 1):
        sizes = joined[np.repeat(starts + 1, counts) + local].astype(np.int64)
    else:
        each = np.repeat(widths, counts)
        sizes = gathered_uints(joined, np.repeat(starts + 1, counts) + local * each, each)
    through = np.cumsum(sizes)
    block_first = np.cumsum(counts) - counts
    before = through - sizes - np.repeat(through[block_first] - sizes[block_first], counts)
    wanted = np.flatnonzero(members[ids] & (sizes > 0))
    at = (np.repeat(starts + 1 + widths * counts, counts) + before)[wanted]
    sizes, owners = sizes[wanted], ids[wanted]
    ends = np.cumsum(sizes)
    if not len(ends):
        return _NONE, _NONE
    data = joined[np.repeat(at - (ends - sizes), sizes) + np.arange(int(ends[-1]), dtype=np.int64)]
    if data[-1] >= 0x80:
        raise ValueError("word positions cut short")
    found = counts_by_end(data, ends)
    return np.repeat(owners, found), absolute_positions(leb128_numbers(data), found)


def _deflated_positions(blocks: _Blocks, members: Array, offset: int) -> tuple[Array, Array]:
    """posting_positions of blocks whose value sections were deflated (schema 12 and before)."""
    counts, sections, section_bases = blocks.counts, blocks.sections, blocks.section_bases
    if np.any(_u32(sections, section_bases) != counts):
        raise ValueError("a posting block without word positions")
    local = local_numbers(counts)
    ids = blocks.ids(local) + offset
    lengths = _u32(sections, np.repeat(section_bases + 4, counts) + 4 * local)
    before = np.cumsum(lengths) - lengths  # the bytes of the block's values before each posting's
    block_first = np.cumsum(counts) - counts
    starts = np.repeat(section_bases + 4 + 4 * counts - before[block_first], counts) + before
    wanted = np.flatnonzero(members[ids])
    starts, lengths, owners = starts[wanted], lengths[wanted], ids[wanted]
    codes = sections[starts]
    if not np.all((codes == _H) | (codes == _I)):
        raise ValueError("word positions in an unknown encoding")
    width = np.where(codes == _H, 2, 4)
    found = (lengths - 1) // width
    byte_at = np.repeat(starts + 1, found) + local_numbers(found) * np.repeat(width, found)
    return np.repeat(owners, found), gathered_uints(sections, byte_at, np.repeat(width, found))


class TermReading:
    """A term's postings in one segment (an active ArrayLeafMatcher), read once for a phrase: the
    document numbers (plus `offset`) and weights of the blocks holding one of `ordered` (None: every
    block), and later the word positions in some of those documents, without reading them again."""

    def __init__(self, matcher: ArrayLeafMatcher, ordered: Array | None, offset: int):
        self.offset = offset
        self.blocks = _wanted_blocks(matcher, ordered, offset, with_values=False)
        self.local = local_numbers(self.blocks.counts)
        self.ids: Array = self.blocks.ids(self.local) + offset if len(self.blocks.counts) else _NONE
        self.packed = sys.byteorder == "little" and bool(np.all(self.blocks.kinds & POSITIONS))

    def weights(self) -> Array:
        return self.blocks.weights(self.local) if len(self.blocks.counts) else _NONE.astype(np.float64)

    def weights_at(self, places: Array) -> Array:
        """`weights()[places]`, reading only those postings' weights."""
        counts = self.blocks.counts
        block = np.searchsorted(np.cumsum(counts) - counts, places, side="right") - 1
        return self.blocks.weights_of(block, self.local[places])

    def positions(self, members: Array) -> tuple[Array, Array] | None:
        """posting_positions in the documents flagged in `members` (all in these blocks' ranges); None
        when a block is not in the positions layout (read those with posting_positions)."""
        if not self.packed:
            return None
        if not len(self.blocks.counts):
            return _NONE, _NONE
        return _packed_positions(self.blocks, members, self.offset, self.local, self.ids)


def posting_weights(matcher: Any, ordered: Array | None, offset: int = 0) -> tuple[Array, Array]:
    """(document numbers plus `offset`, weights as float64) of a fresh posting matcher, deleted
    documents left out; with `ordered` (sorted document numbers plus `offset`), only the blocks
    holding one of them are read, and the caller keeps what it wants of their postings."""
    if not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        found: list[int] = []
        found_weights: list[float] = []
        for some_ids, some_weights in posting_blocks(matcher, None if ordered is None else ordered.tolist(), offset):
            found.extend(some_ids)
            found_weights.extend(some_weights)
        return np.asarray(found, dtype=np.int64) + offset, np.asarray(found_weights, dtype=np.float64)
    blocks = _wanted_blocks(matcher, ordered, offset, with_values=False)
    if not len(blocks.counts):
        return _NONE, _NONE.astype(np.float64)
    if len(blocks.counts) <= _FEW_BLOCKS:  # the gathers' fixed cost is more than a few blocks decoded one by one
        heads = blocks.heads()
        counts = blocks.counts.tolist()
        ids = np.concatenate([block_ids(head, count) for head, count in zip(heads, counts, strict=True)])
        weights = np.concatenate([block_weights(head, count) for head, count in zip(heads, counts, strict=True)])
        return ids + offset, weights
    local = local_numbers(blocks.counts)
    return blocks.ids(local) + offset, blocks.weights(local)


def member_posting_weights(matcher: Any, ordered: Array, members: Array, offset: int = 0) -> tuple[Array, Array]:
    """`posting_weights` of the postings of the documents flagged in `members` (one flag per document
    number plus `offset`; `ordered`: those documents, sorted): an AND's common word reads every id of
    the blocks it shares with the rarer words, but the weights of the few postings they keep only."""
    if not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        ids, weights = posting_weights(matcher, ordered, offset)
        keep = members[ids]
        return ids[keep], weights[keep]
    blocks = _wanted_blocks(matcher, ordered, offset, with_values=False)
    counts = blocks.counts
    if not len(counts):
        return _NONE, _NONE.astype(np.float64)
    local = local_numbers(counts)
    ids = blocks.ids(local) + offset
    kept = np.flatnonzero(members[ids])
    block = np.searchsorted(np.cumsum(counts) - counts, kept, side="right") - 1
    return ids[kept], blocks.weights_of(block, local[kept])


def posting_ids(matcher: Any, ordered: Array | None, offset: int = 0) -> Array:
    """The document numbers of `posting_weights`, without decoding the weights (a prefix's terms)."""
    if not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        return posting_weights(matcher, ordered, offset)[0]
    return _ids_of(_wanted_blocks(matcher, ordered, offset, with_values=False), offset)


def extent_ids(postfile: Any, start: int, length: int, ordered: Array | None, offset: int = 0) -> Array:
    """`posting_ids` of the term whose postings are the `length` bytes at `start` of an ArrayCodec
    segment's postings file (its term info's extent), deleted documents included: no matcher built,
    one read."""
    if postfile.get(start, len(WHOOSH3_HEADER_MAGIC)) != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not the start of a posting list")
    base = start + len(WHOOSH3_HEADER_MAGIC)
    return _ids_of(_blocks_in(postfile, base, start + length, ordered, offset, with_values=False), offset)


def _ids_of(blocks: _Blocks, offset: int) -> Array:
    if len(blocks.counts) <= _FEW_BLOCKS:
        counts = blocks.counts.tolist()
        parts = [block_ids(head, count) for head, count in zip(blocks.heads(), counts, strict=True)]
        return np.concatenate(parts) + offset if parts else _NONE
    ids: Array = blocks.ids(local_numbers(blocks.counts)) + offset
    return ids


class _Blocks:
    """Chosen blocks of one term: the term's bytes with where each chosen block's data starts, its
    weights kind (POSITIONS included), gap width, postings and value section; with `with_values` the
    deflated value sections among them inflated and joined (padded so that a gather of four bytes
    never runs off the end)."""

    def __init__(self, joined: Array, bases: Array, kinds: Array, widths: Array, counts: Array,
                 sections: list[bytes], section_starts: Array | None = None):
        self.joined = joined
        self.bases = bases
        self.kinds = kinds
        self.widths = widths
        self.counts = counts
        self._section_starts = section_starts
        self._inflated = sections
        self.sections = np.frombuffer(b"".join(sections) + bytes(4), dtype=np.uint8)
        self.section_bases = np.cumsum([0, *map(len, sections[:-1])], dtype=np.int64) if sections else _NONE

    @property
    def section_starts(self) -> Array:
        """Where each block's value section begins (after its ids and weights)."""
        if self._section_starts is None:
            weight_kinds = self.kinds & ~POSITIONS
            self._section_starts = self.bases + _HEAD_SIZE + self.widths * (self.counts - 1) + np.where(
                weight_kinds == CONSTANT, 4, _WEIGHT_BYTES[weight_kinds] * self.counts)
        return self._section_starts

    def subset(self, chosen: Array) -> _Blocks:
        """The chosen blocks (flags) of these; the inflated sections are those of the deflated blocks."""
        deflated = np.flatnonzero(~((self.kinds & POSITIONS) > 0))
        kept = set(np.flatnonzero(chosen[deflated]).tolist())
        return _Blocks(self.joined, self.bases[chosen], self.kinds[chosen], self.widths[chosen], self.counts[chosen],
                       [s for n, s in enumerate(self._inflated) if n in kept], self.section_starts[chosen])

    def heads(self) -> list[bytes]:
        """Each chosen block's id and weight part (a few blocks, decoded one by one)."""
        data = self.joined
        return [data[base:base + values_at(kind, width, count)].tobytes() for base, kind, width, count
                in zip(self.bases.tolist(), self.kinds.tolist(), self.widths.tolist(), self.counts.tolist(), strict=True)]

    def ids(self, local: Array) -> Array:
        counts, widths, joined = self.counts, self.widths, self.joined
        if not len(counts):
            return _NONE
        # The n-th gap (n >= 1) is at 6 + (n - 1) * width; the first posting is the block's first id.
        if widths.min() == widths.max():  # a common word's blocks: one gather per byte of the width
            width = int(widths[0])
            at = np.repeat(self.bases + 6 - width, counts) + local * width
            steps = joined[at].astype(np.int64)
            for byte in range(1, width):
                steps |= joined[at + byte].astype(np.int64) << (8 * byte)
        else:
            steps = gathered_uints(joined, np.repeat(self.bases + 6 - widths, counts) + local * np.repeat(widths, counts),
                                   np.repeat(widths, counts))
        # One running sum over all blocks: each block's first step goes from the last id before it.
        block_first = np.cumsum(counts) - counts
        steps[block_first] = 0
        firsts = _u32(joined, self.bases + 2)
        lasts = firsts + np.add.reduceat(steps, block_first)
        steps[block_first] = firsts - np.concatenate(([0], lasts[:-1]))
        ids: Array = np.cumsum(steps)
        return ids

    def weights(self, local: Array) -> Array:
        counts = self.counts
        return self._weights(self.kinds, counts, self.bases + 6 + (counts - 1) * self.widths, local)

    def weights_of(self, block: Array, local: Array) -> Array:
        """`weights` of some postings only: each one's block (among these) and place in it."""
        counts = self.counts[block]
        return self._weights(self.kinds[block], None, self.bases[block] + 6 + (counts - 1) * self.widths[block], local)

    def _weights(self, kinds: Array, counts: Array | None, at: Array, local: Array) -> Array:
        """Weights of postings whose blocks' weights kinds are `kinds` and whose weights begin at `at`:
        one of each per posting, or per block with `counts` its postings."""
        term_kinds = self.kinds & ~POSITIONS
        if counts is not None:
            at = np.repeat(at, counts)
        if len(term_kinds) and term_kinds.min() == term_kinds.max():  # a common word's blocks: no sorting out
            return self._weights_of_kind(int(term_kinds[0]), at, local)
        kinds = (kinds if counts is None else np.repeat(kinds, counts)) & ~POSITIONS
        weights = np.ones(len(local), dtype=np.float64)
        for kind, (width, step) in _KIND_LAYOUT.items():
            chosen = kinds == kind
            if chosen.any():
                raw = gathered_uints(self.joined, at[chosen] + step * local[chosen], np.full(int(chosen.sum()), width))
                weights[chosen] = raw.astype(np.uint32).view(np.float32) if width == 4 else raw
        return weights

    def _weights_of_kind(self, kind: int, at: Array, local: Array) -> Array:
        """`_weights` of postings whose blocks all have weights of one kind."""
        width, step = _KIND_LAYOUT.get(kind, (0, 0))
        if not width:
            return np.ones(len(local), dtype=np.float64)
        places = at + step * local
        raw = self.joined[places].astype(np.int64)
        for byte in range(1, width):
            raw |= self.joined[places + byte].astype(np.int64) << (8 * byte)
        weights: Array = raw.astype(np.uint32).view(np.float32).astype(np.float64) if width == 4 else raw.astype(np.float64)
        return weights


_KIND_LAYOUT = {CONSTANT: (4, 0), FLOAT32: (4, 4), UINT8: (1, 1), UINT16: (2, 2)}  # weights kind: (bytes, step)
_WEIGHT_BYTES = np.zeros(256, dtype=np.int64)  # per posting, by weights kind (values_at's table)
_WEIGHT_BYTES[[FLOAT32, UINT8, UINT16]] = (4, 1, 2)


def _wanted_blocks(matcher: ArrayLeafMatcher, ordered: Array | None, offset: int, with_values: bool) -> _Blocks:
    """The term's blocks whose range holds a wanted document (`ordered` None: every block), with
    `with_values` their value sections inflated.

    Only the walk from one block's length to the next is a Python loop; each block's counts, last
    id, kind and gap width are then gathered from the term's bytes with numpy (a common word's
    thousands of blocks at a million articles), and its id and weight part is read in place."""
    length = matcher._length
    length = length[0] if isinstance(length, tuple) else length  # W3's term info unpacks it as a 1-tuple
    return _blocks_in(matcher._postfile, matcher._baseoffset, matcher._startoffset + length, ordered, offset,
                      with_values)


def _blocks_in(postfile: Any, start: int, stop: int, ordered: Array | None, offset: int, with_values: bool) -> _Blocks:
    """`_wanted_blocks` of the blocks in postfile[start:stop]."""
    buffer = postfile.get(start, stop - start)
    starts: list[int] = []
    unpack = _LENGTH.unpack_from
    step = _LENGTH.size
    at, end = 0, len(buffer)
    while at < end:
        (size,) = unpack(buffer, at)
        starts.append(at)
        if size < 0:
            at += step - size
            break
        at += step + size
    # Read in place: every gather below stays inside a block's head, and a value section follows each.
    joined = np.frombuffer(buffer, dtype=np.uint8)
    heads = np.asarray(starts, dtype=np.int64)
    info = heads + step
    counts = _u32(joined, info)
    maxids = _u32(joined, info + 4)
    ends = np.asarray([*starts[1:], at], dtype=np.int64) if starts else _NONE  # where each block's data ends
    if ordered is not None and len(heads) > 1:
        highest = maxids + offset
        lowest = np.concatenate(([offset], highest[:-1] + 1))
        # A block whose range holds no wanted document is never read further.
        chosen = np.flatnonzero(np.searchsorted(ordered, highest, side="right") > np.searchsorted(ordered, lowest))
        info, counts, ends = info[chosen], counts[chosen], ends[chosen]
    bases = info + _INFO.size
    kinds = joined[bases].astype(np.int64)
    widths = joined[bases + 1].astype(np.int64)
    sections: list[bytes] = []
    blocks = _Blocks(joined, bases, kinds, widths, counts, sections)
    if not with_values:
        return blocks
    deflated = np.flatnonzero((kinds & POSITIONS) == 0)
    if len(deflated):
        compressed = joined[info + _COMPRESSION_AT]
        view = memoryview(buffer)
        for section_at, data_end, compression in zip(blocks.section_starts[deflated].tolist(), ends[deflated].tolist(),
                                                     compressed[deflated].tolist(), strict=True):
            section = view[section_at:data_end]
            sections.append(zlib.decompress(section) if compression else bytes(section))
        blocks = _Blocks(joined, bases, kinds, widths, counts, sections, blocks.section_starts)
    return blocks


def _u32(joined: Array, at: Array) -> Array:
    """The little-endian unsigned 32-bit numbers at byte offsets `at`."""
    numbers: Array = (joined[at].astype(np.int64) | (joined[at + 1].astype(np.int64) << 8)
                      | (joined[at + 2].astype(np.int64) << 16) | (joined[at + 3].astype(np.int64) << 24))
    return numbers


def positions_one_by_one(matcher: Any, members: Array, offset: int) -> tuple[Array, Array]:
    """posting_positions through Whoosh's matcher interface (W3's own blocks, deleted documents)."""
    docs: list[int] = []
    positions: list[int] = []
    m = matcher.child if isinstance(matcher, FilterMatcher) else matcher
    while matcher.is_active():
        docnum = matcher.id() + offset
        if members[docnum]:
            found = m.format.decode_positions(matcher.value())
            docs.extend([docnum] * len(found))
            positions.extend(found)
        matcher.next()
    return np.asarray(docs, dtype=np.int64), np.asarray(positions, dtype=np.int64)
