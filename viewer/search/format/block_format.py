"""The bytes of one posting block (up to 128 postings of a term), as ArrayCodec writes and reads them.

    [weights kind: 1 byte, + POSITIONS][gap width: 1 byte][first id: uint32][n − 1 id gaps: 1, 2 or 4 bytes each]
    [weights: none | one float32 | n × uint8 | n × uint16 | n × float32]
    [value section: word positions (the kind byte has POSITIONS), uncompressed:
        [length width w: 1 byte][n × w bytes: each posting's bytes below][each posting's positions
         as LEB128 numbers: the first, then each one's step from the one before]
     or any other values, zlib-compressed when the block's compression byte says so:
        [value count: uint32][value lengths: count × uint32][values, concatenated]]

All numbers little-endian. A block takes the positions layout (schema 13) when each posting's value is
PersianPositions' own (`H` and two bytes a position, `I` and four when the last is past 65,535,
ascending): the values read back are then the same bytes. A phrase reads only the positions of the
documents it checks, found by the lengths, and every block's at once with numpy: a common word's
blocks were inflated whole (zlib, ~8 µs a block), ~90% of their positions in documents not checked.
The steps take ~1.3 bytes a position and the byte counts ~1 a posting: ~1.9 bytes a position in
all against ~1.6 for the deflated values (+14 MB, +2%, at 200,000 articles). Ids and weights are never
compressed: they are read straight from the file, and their gaps and small whole-number weights take
fewer bytes than deflate made of the uint32 arrays before (at 200,000 articles 2.4 bytes a posting
against 2.8). Inflating the whole block was ~70% of the time of
a two-word query over 100,000 matches.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np

ALL_ONE, CONSTANT, FLOAT32, UINT8, UINT16 = 0, 1, 2, 3, 4
POSITIONS = 0x80  # added to the weights kind: the value section holds word positions, packed as above
_KIND = 0x7F
_WEIGHT_BYTES = {ALL_ONE: 0, CONSTANT: 0, FLOAT32: 4, UINT8: 1, UINT16: 2}  # per posting (CONSTANT: 4 once)
_HEAD = struct.Struct("<BBI")  # kind, gap width, first id
_COUNT = struct.Struct("<I")
Array = np.ndarray[Any, Any]


_FIND = b""  # pack_block's `positions` when the caller has not looked: positions_section looks


def pack_block(ids: Sequence[int] | Array, weights: Sequence[float] | Array, value_lengths: Sequence[int] | Array,
               values: bytes, compression: int, positions: bytes | None = _FIND) -> bytes:
    """A block's bytes from its postings (ids ascending) and their encoded values: each one's length,
    and all of them one after another; `positions`: their positions section when the caller packed it
    already (positions_sections), None when they are not positions."""
    id_array = np.asarray(ids, dtype=np.int64)
    weight_array = np.asarray(weights, dtype=np.float32)
    gaps = np.diff(id_array)
    widest = int(gaps.max()) if len(gaps) else 0
    width = 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
    kind, packed_weights = _packed_weights(weight_array)
    section = positions_section(value_lengths, values, len(id_array)) if positions is _FIND else positions
    if section is not None:
        kind |= POSITIONS
    else:
        section = b"".join((_COUNT.pack(len(value_lengths)), np.asarray(value_lengths, dtype="<u4").tobytes(), values))
        if compression:
            section = zlib.compress(section, compression, wbits=_window_bits(len(section)))
    return b"".join((_HEAD.pack(kind, width, int(id_array[0])), gaps.astype(f"<u{width}").tobytes(),
                     packed_weights, section))


def _window_bits(size: int) -> int:
    """The smallest deflate window that reaches back over `size` bytes (every match a full window
    finds): zlib sets up and clears its window for each call, ~20 µs at the default 32 KB against
    ~3 µs for the few hundred bytes of most blocks. Any window inflates with zlib's default."""
    return max(9, min(15, (size + 262).bit_length()))


def _packed_weights(weights: Array) -> tuple[int, bytes]:
    first = weights[0]
    if np.all(weights == first):
        return (ALL_ONE, b"") if first == 1.0 else (CONSTANT, first.astype("<f4").tobytes())
    if np.all(weights == np.floor(weights)) and weights.min() >= 0:
        highest = weights.max()
        if highest < 0x100:
            return UINT8, weights.astype("<u1").tobytes()
        if highest < 0x10000:
            return UINT16, weights.astype("<u2").tobytes()
    return FLOAT32, weights.astype("<f4").tobytes()


_H, _I = ord("H"), ord("I")
_SHORT = 0xFFFF  # the last position a two-byte (`H`) value holds


def positions_section(value_lengths: Sequence[int] | Array, values: bytes, count: int) -> bytes | None:
    """The positions layout of a block's values (the module docstring), or None when they are not
    word positions as PersianPositions packs them."""
    if len(value_lengths) != count or not count or values[:1] not in (b"H", b"I"):
        return None
    return positions_sections(np.asarray(value_lengths, dtype=np.int64), values, np.zeros(1, dtype=np.int64))[0]


def positions_sections(lengths: Array, values: bytes, block_starts: Array) -> list[bytes | None]:
    """`positions_section` of many blocks at once (the writer's numpy calls per block cost more than
    deflating a block did): `lengths` of every posting's value, the values one after another, and
    where each block's postings begin."""
    count = len(lengths)
    blob = np.frombuffer(values, dtype=np.uint8)
    if sys.byteorder == "big" or not len(blob):
        return [None] * len(block_starts)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    block_sizes = np.diff(np.append(block_starts, count))
    block_of = np.repeat(np.arange(len(block_starts)), block_sizes)
    # The usual block: every posting two bytes a position (`H`), none without positions.
    usual = (blob[np.minimum(starts, len(blob) - 1)] == _H) & ((lengths & 1) == 1) & (lengths > 1)
    usual_blocks = np.minimum.reduceat(usual, block_starts) if count else np.zeros(0, dtype=bool)
    sections: list[bytes | None] = [None] * len(block_starts)
    for block in np.flatnonzero(~usual_blocks).tolist():
        start, size = int(block_starts[block]), int(block_sizes[block])
        sections[block] = _any_width_section(lengths[start:start + size],
                                             blob[starts[start]:starts[start] + int(lengths[start:start + size].sum())])
    if usual_blocks.all():
        kept, kept_lengths, kept_starts = blob, lengths, starts
    else:
        chosen = usual_blocks[block_of]
        kept = blob[np.repeat(chosen, lengths)]
        kept_lengths = lengths[chosen]
        kept_starts = np.cumsum(kept_lengths) - kept_lengths
    if not len(kept_lengths):
        return sections
    is_position = np.ones(len(kept), dtype=bool)
    is_position[kept_starts] = False
    positions = kept[is_position].view("<u2").astype(np.int64)
    firsts = (kept_starts - np.arange(len(kept_lengths))) >> 1  # the codes before each posting's first
    kept_blocks = np.flatnonzero(usual_blocks)
    postings = block_sizes[kept_blocks]
    for block, section in zip(kept_blocks.tolist(), _packed_sections(positions, firsts, postings), strict=True):
        sections[block] = section
    return sections


def _any_width_section(lengths: Array, blob: Array) -> bytes | None:
    """positions_section of one block whose values are not all two bytes a position."""
    if int(lengths.min()) < 1:
        return None
    starts = np.cumsum(lengths) - lengths
    codes = blob[starts]
    wide = codes == _I
    widths = np.where(wide, 4, 2)
    if not np.all(wide | (codes == _H)) or np.any((lengths - 1) % widths):
        return None
    counts = (lengths - 1) // widths
    at = np.repeat(starts + 1, counts) + local_numbers(counts) * np.repeat(widths, counts)
    positions = gathered_uints(blob, at, np.repeat(widths, counts))
    firsts = np.cumsum(counts) - counts
    present = counts > 0
    lasts = positions[(firsts + counts - 1)[present]]
    if np.any(wide[present] != (lasts > _SHORT)) or np.any(wide[~present]):
        return None  # not the width PersianPositions.encode gives: it would not read back the same
    return _packed_sections(positions, firsts, np.asarray([len(lengths)]))[0]


def _packed_sections(positions: Array, firsts: Array, postings: Array) -> list[bytes | None]:
    """The sections of blocks of `postings` postings each, one after another, whose postings' positions
    are `positions`, each posting's first at `firsts` (None for a block whose positions go down)."""
    steps = positions.copy()
    steps[1:] -= positions[:-1]
    present = np.flatnonzero(np.diff(np.append(firsts, len(positions))) > 0)
    steps[firsts[present]] = positions[firsts[present]]
    numbers, number_ends = _leb128(steps)
    # Each posting's bytes: the numbers' bytes through its last position, less those before its first.
    through = np.zeros(len(firsts) + 1, dtype=np.int64)
    if len(number_ends):
        through[1:] = np.concatenate(([0], number_ends))[np.append(firsts[1:], len(positions))]
    posting_bytes = np.diff(through)
    block_ends = np.cumsum(postings)
    block_starts = block_ends - postings
    widest = np.maximum.reduceat(posting_bytes, block_starts)
    falling = np.zeros(len(postings), dtype=bool)
    down = np.flatnonzero(steps < 0)
    if len(down):
        falling[np.searchsorted(block_ends, np.searchsorted(firsts, down, side="right") - 1, side="right")] = True
    narrow = posting_bytes.astype(np.uint8).tobytes()
    sections: list[bytes | None] = []
    for start, end, top, bad in zip(block_starts.tolist(), block_ends.tolist(), widest.tolist(), falling.tolist(),
                                    strict=True):
        if bad:
            sections.append(None)
            continue
        data = numbers[int(through[start]):int(through[end])]
        if top < 0x100:
            sections.append(b"".join((b"\x01", narrow[start:end], data)))
        else:
            width = 2 if top < 0x10000 else 4
            sections.append(b"".join((bytes((width,)), posting_bytes[start:end].astype(f"<u{width}").tobytes(), data)))
    return sections


def local_numbers(counts: Array) -> Array:
    """0, 1, ... count - 1 for each count, one after another."""
    numbers: Array = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return numbers


def gathered_uints(data: Array, at: Array, widths: Array) -> Array:
    """The little-endian unsigned numbers of `widths` bytes (1, 2 or 4) at byte offsets `at` of `data`."""
    numbers: Array = data[at].astype(np.int64)
    for byte in (1, 2, 3):
        longer = widths > byte
        if longer.all():
            numbers |= data[at + byte].astype(np.int64) << (8 * byte)
        elif longer.any():
            numbers[longer] |= data[at[longer] + byte].astype(np.int64) << (8 * byte)
    return numbers


def _leb128(numbers: Array) -> tuple[bytes, Array]:
    """The LEB128 bytes of non-negative numbers (below 2**35), and where each one's bytes end."""
    if not len(numbers):
        return b"", numbers
    top = int(numbers.max())
    if top < 0x80:
        return numbers.astype(np.uint8).tobytes(), np.arange(1, len(numbers) + 1)
    more = numbers >= 0x80
    sizes = more + 1
    for bits in (14, 21, 28):
        if top >> bits:
            sizes += numbers >= 1 << bits
    ends = np.cumsum(sizes)
    out = np.empty(int(ends[-1]), dtype=np.uint8)
    out[ends - sizes] = (numbers & 0x7F) | (more << 7)
    longer = np.flatnonzero(more)
    rest, at, left = numbers[longer] >> 7, ends[longer] - sizes[longer], sizes[longer] - 1
    while len(rest):
        at += 1
        out[at] = (rest & 0x7F) | ((left > 1) << 7)
        keep = left > 1
        rest, at, left = rest[keep] >> 7, at[keep], left[keep] - 1
    return out.tobytes(), ends


def leb128_numbers(data: Array) -> Array:
    """The numbers of LEB128 bytes one after another (a uint8 array): each byte's low 7 bits, a
    number's later bytes folded into its first from its last (few numbers take two bytes)."""
    follows = data >= 0x80  # another byte of the same number follows
    low = (data & 0x7F).astype(np.int64)
    linked = np.flatnonzero(follows)
    if not len(linked):
        return low
    pending = linked
    while len(pending):
        ready = ~follows[pending + 1]  # the next byte ends its number, or has had its own next folded in
        done = pending[ready]
        low[done] += low[done + 1] << 7
        follows[done] = False
        pending = pending[~ready]
    first = np.ones(len(data), dtype=bool)
    first[linked + 1] = False
    numbers: Array = low[first]
    return numbers


def section_positions(section: Array, count: int) -> tuple[Array, Array]:
    """(each posting's number of positions, every position one posting after another) of a block's
    positions section (a uint8 array)."""
    width = int(section[0])
    posting_bytes = section[1:1 + width * count].view(f"<u{width}").astype(np.int64)
    data = section[1 + width * count:]
    numbers = leb128_numbers(data)
    counts = counts_by_end(data, np.cumsum(posting_bytes))
    return counts, absolute_positions(numbers, counts)


def counts_by_end(data: Array, ends: Array) -> Array:
    """The LEB128 numbers in each run of `data` (a uint8 array) ending at `ends` (each posting's
    positions): those ended by its last byte or before, less those before its first."""
    through = np.zeros(len(data) + 1, dtype=np.int64)
    np.cumsum(data < 0x80, out=through[1:])
    counts: Array = np.diff(through[ends], prepend=0)
    return counts


def absolute_positions(steps: Array, counts: Array) -> Array:
    """Positions from the steps of each posting's positions (the first one whole)."""
    total = np.cumsum(steps)
    before = np.cumsum(counts) - counts  # where each posting's first step is
    present = counts > 0
    offsets = np.zeros(len(counts), dtype=np.int64)
    offsets[present] = total[before[present]] - steps[before[present]]
    positions: Array = total - np.repeat(offsets, counts)
    return positions


def values_at(kind: int, width: int, count: int) -> int:
    """Where a block's value section begins."""
    kind &= _KIND
    weights = 4 if kind == CONSTANT else _WEIGHT_BYTES[kind] * count
    return _HEAD.size + width * (count - 1) + weights


def block_ids(data: bytes | memoryview, count: int) -> Array:
    """The block's document numbers (int64)."""
    _kind, width, first = _HEAD.unpack_from(data)
    gaps = np.frombuffer(data, dtype=f"<u{width}", count=count - 1, offset=_HEAD.size).astype(np.int64)
    ids = np.empty(count, dtype=np.int64)
    ids[0] = first
    np.cumsum(gaps, out=ids[1:])
    ids[1:] += first
    return ids


def block_weights(data: bytes | memoryview, count: int) -> Array:
    """The block's weights (float64)."""
    kind, width, _first = _HEAD.unpack_from(data)
    kind &= _KIND
    at = _HEAD.size + width * (count - 1)
    if kind == ALL_ONE:
        return np.ones(count, dtype=np.float64)
    if kind == CONSTANT:
        return np.full(count, np.frombuffer(data, dtype="<f4", count=1, offset=at)[0], dtype=np.float64)
    dtype = {FLOAT32: "<f4", UINT8: "<u1", UINT16: "<u2"}[kind]
    return np.frombuffer(data, dtype=dtype, count=count, offset=at).astype(np.float64)


def value_section(data: bytes | memoryview, count: int, compression: int) -> bytes:
    """The block's value section, inflated."""
    kind, width, _first = _HEAD.unpack_from(data)
    section = data[values_at(kind, width, count):]
    return zlib.decompress(section) if compression else bytes(section)


def block_values(data: bytes | memoryview, count: int, compression: int) -> tuple[bytes | None, ...]:
    """Each posting's encoded value (None for every posting of a format without values)."""
    kind, width, _first = _HEAD.unpack_from(data)
    if kind & POSITIONS:
        packed = np.frombuffer(data, dtype=np.uint8, offset=values_at(kind, width, count))
        counts, positions = section_positions(packed, count)
        values = []
        for some in np.split(positions, np.cumsum(counts)[:-1]):
            if len(some) and some[-1] > _SHORT:
                values.append(b"I" + some.astype("<u4").tobytes())
            else:
                values.append(b"H" + some.astype("<u2").tobytes())
        return tuple(values)
    section = value_section(data, count, compression)
    (stored,) = _COUNT.unpack_from(section)
    if not stored:
        return (None,) * count
    lengths = np.frombuffer(section, dtype="<u4", count=stored, offset=4).tolist()
    blob = section[4 + 4 * stored:]
    return tuple(blob[end - length:end] for end, length in zip(accumulate(lengths), lengths, strict=True))
