"""A term's postings in chosen documents, read in bulk: ids and weights for scoring, and the word
positions a phrase needs.

ArrayCodec packs each block of up to 128 postings as ids, weights, then each posting's positions (a
code byte, H or I for two or four bytes each, as PersianPositions.encode writes them). Decoding a
block at a time cost ~10 µs of numpy calls per block, and positions posting by posting ~3 µs each:
~0.5 s for a phrase of two common words at 200,000 articles, and ~20 ms for a word in most articles.
Here the blocks holding a wanted document are decompressed and joined, and every id, weight, length
and position is gathered from the joined bytes with numpy, whatever the number of blocks.
"""

from __future__ import annotations

import sys
import zlib
from typing import Any

import numpy as np
from whoosh.matching.wrappers import FilterMatcher

from viewer.search.codec import _ALL_ONE, _CONSTANT, _INFO, _LENGTH, _PER_POSTING, ArrayLeafMatcher, posting_blocks

Array = np.ndarray[Any, Any]
_H, _I = ord("H"), ord("I")
_NONE = np.zeros(0, dtype=np.int64)


def posting_positions(matcher: Any, members: Array, offset: int = 0) -> tuple[Array, Array]:
    """(document number, position) of every occurrence of the matcher's term in the documents
    flagged in `members` (one bool per document number plus `offset`), as two arrays."""
    if sys.byteorder == "big" or not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        # Positions are packed in the machine's order; the gathers below read them as little-endian.
        return positions_one_by_one(matcher, members, offset)
    joined, bases, counts = _wanted_blocks(matcher, np.flatnonzero(members), offset)
    if not len(counts):
        return _NONE, _NONE
    kinds = joined[bases]
    values_at = 1 + 4 * counts + 4 * np.where(kinds == _ALL_ONE, 0, np.where(kinds == _CONSTANT, 1, counts))
    if np.any(_u32(joined, bases + values_at) != counts):
        raise ValueError("a posting block without word positions")
    local = _local(counts)
    ids = _u32(joined, np.repeat(bases + 1, counts) + 4 * local) + offset
    lengths = _u32(joined, np.repeat(bases + values_at + 4, counts) + 4 * local)
    before = np.cumsum(lengths) - lengths  # the bytes of the block's values before each posting's
    block_first = np.cumsum(counts) - counts
    starts = np.repeat(bases + values_at + 4 + 4 * counts - before[block_first], counts) + before
    wanted = np.flatnonzero(members[ids])
    starts, lengths, owners = starts[wanted], lengths[wanted], ids[wanted]
    codes = joined[starts]
    if not np.all((codes == _H) | (codes == _I)):
        raise ValueError("word positions in an unknown encoding")
    width = np.where(codes == _H, 2, 4)
    found = (lengths - 1) // width
    nth = np.arange(int(found.sum()), dtype=np.int64) - np.repeat(np.cumsum(found) - found, found)
    byte_at = np.repeat(starts + 1, found) + nth * np.repeat(width, found)
    positions = joined[byte_at].astype(np.int64) | (joined[byte_at + 1].astype(np.int64) << 8)
    wide = np.repeat(width == 4, found)
    if wide.any():
        at = byte_at[wide]
        positions[wide] |= (joined[at + 2].astype(np.int64) << 16) | (joined[at + 3].astype(np.int64) << 24)
    return np.repeat(owners, found), positions


def posting_weights(matcher: Any, ordered: Array | None, offset: int = 0) -> tuple[Array, Array]:
    """(document numbers plus `offset`, weights as float64) of a fresh posting matcher, deleted
    documents left out; with `ordered` (sorted document numbers plus `offset`), only the blocks
    holding one of them are read, and the caller keeps what it wants of their postings."""
    if sys.byteorder == "big" or not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        found: list[int] = []
        found_weights: list[float] = []
        for block_ids, block_weights in posting_blocks(matcher, None if ordered is None else ordered.tolist(), offset):
            found.extend(block_ids)
            found_weights.extend(block_weights)
        return np.asarray(found, dtype=np.int64) + offset, np.asarray(found_weights, dtype=np.float64)
    joined, bases, counts = _wanted_blocks(matcher, ordered, offset)
    if not len(counts):
        return _NONE, _NONE.astype(np.float64)
    local = _local(counts)
    ids_at = np.repeat(bases + 1, counts) + 4 * local
    kinds = np.repeat(joined[bases], counts)
    weights_at = ids_at + 4 * np.repeat(counts, counts) - 4 * local * (kinds != _PER_POSTING)
    weights = _u32(joined, weights_at).astype(np.uint32).view(np.float32).astype(np.float64)
    weights[kinds == _ALL_ONE] = 1.0
    return _u32(joined, ids_at) + offset, weights


def _local(counts: Array) -> Array:
    """0, 1, ... count - 1 for each block's postings, one after another."""
    numbers: Array = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return numbers


def _wanted_blocks(matcher: ArrayLeafMatcher, ordered: Array | None, offset: int) -> tuple[Array, Array, Array]:
    """The term's blocks whose range holds a wanted document (None: every block), decompressed and
    joined: the bytes, and for each block where it starts and its postings."""
    start, length = matcher._baseoffset, matcher._length
    length = length[0] if isinstance(length, tuple) else length  # W3's term info unpacks it as a 1-tuple
    buffer = matcher._postfile.get(start, matcher._startoffset + length - start)
    blocks: list[tuple[int, int, int, int]] = []  # where its data starts and ends, postings, compression
    maxids: list[int] = []
    at, end = 0, len(buffer)
    while at < end:
        (length,) = _LENGTH.unpack_from(buffer, at)
        last, length = length < 0, abs(length)
        count, maxid, _, compression, _, _ = _INFO.unpack_from(buffer, at + _LENGTH.size)
        blocks.append((at + _LENGTH.size + _INFO.size, at + _LENGTH.size + length, count, compression))
        maxids.append(maxid)
        at += _LENGTH.size + length
        if last:
            break
    if ordered is None:
        chosen: list[int] = list(range(len(blocks)))
    else:
        highest = np.asarray(maxids, dtype=np.int64) + offset
        lowest = np.concatenate(([offset], highest[:-1] + 1))
        # A block whose range holds no wanted document is never decompressed.
        chosen = np.flatnonzero(np.searchsorted(ordered, highest, side="right")
                                > np.searchsorted(ordered, lowest)).tolist()
    datas: list[bytes] = []
    bases, counts = [], []
    base = 0
    for number in chosen:
        data_at, data_end, count, compression = blocks[number]
        data = zlib.decompress(buffer[data_at:data_end]) if compression else bytes(buffer[data_at:data_end])
        datas.append(data)
        bases.append(base)
        counts.append(count)
        base += len(data)
    joined = np.frombuffer(b"".join(datas), dtype=np.uint8)
    return joined, np.asarray(bases, dtype=np.int64), np.asarray(counts, dtype=np.int64)


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
