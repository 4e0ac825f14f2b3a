"""Where a term stands in chosen documents: the word positions a phrase needs, read in bulk.

A posting's positions are a code byte (H or I: two or four bytes each, PersianPositions.encode) and
the positions, packed in ArrayCodec's blocks behind the ids and weights. Decoding them posting by
posting cost ~3 µs each, ~0.5 s for a phrase of two common words at 200,000 articles. Here the
blocks holding a wanted document are decompressed and joined, and every id, length and position
is gathered from the joined bytes with numpy, whatever the number of blocks.
"""

from __future__ import annotations

import sys
import zlib
from typing import Any

import numpy as np
from whoosh.matching.wrappers import FilterMatcher

from viewer.search.codec import _ALL_ONE, _CONSTANT, _COUNT, _INFO, _LENGTH, ArrayLeafMatcher

Array = np.ndarray[Any, Any]
_H, _I = ord("H"), ord("I")
_NONE = np.zeros(0, dtype=np.int64)


def posting_positions(matcher: Any, members: Array, offset: int = 0) -> tuple[Array, Array]:
    """(document number, position) of every occurrence of the matcher's term in the documents
    flagged in `members` (one bool per document number plus `offset`), as two arrays."""
    if sys.byteorder == "big" or not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        # Positions are packed in the machine's order; the gathers below read them as little-endian.
        return positions_one_by_one(matcher, members, offset)
    joined, bases, counts, values_at = _wanted_blocks(matcher, np.flatnonzero(members), offset)
    if not len(counts):
        return _NONE, _NONE
    local = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
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


def _wanted_blocks(matcher: ArrayLeafMatcher, ordered: Array, offset: int) -> tuple[Array, Array, Array, Array]:
    """The term's blocks whose range holds a wanted document, decompressed and joined: the bytes, and
    for each block where it starts, its postings and where its values begin."""
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
    highest = np.asarray(maxids, dtype=np.int64) + offset
    lowest = np.concatenate(([offset], highest[:-1] + 1))
    # A block whose range holds no wanted document is never decompressed.
    chosen = np.flatnonzero(np.searchsorted(ordered, highest, side="right") > np.searchsorted(ordered, lowest))
    datas: list[bytes] = []
    bases, counts, values_at = [], [], []
    base = 0
    for number in chosen.tolist():
        data_at, data_end, count, compression = blocks[number]
        data = zlib.decompress(buffer[data_at:data_end]) if compression else bytes(buffer[data_at:data_end])
        kind = data[0]
        at = 1 + 4 * count + 4 * (0 if kind == _ALL_ONE else 1 if kind == _CONSTANT else count)
        if _COUNT.unpack_from(data, at)[0] != count:
            raise ValueError("a posting block without word positions")
        datas.append(data)
        bases.append(base)
        counts.append(count)
        values_at.append(at)
        base += len(data)
    joined = np.frombuffer(b"".join(datas), dtype=np.uint8)
    return (joined, np.asarray(bases, dtype=np.int64), np.asarray(counts, dtype=np.int64),
            np.asarray(values_at, dtype=np.int64))


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
