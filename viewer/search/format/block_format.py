"""The bytes of one posting block (up to 128 postings of a term), as ArrayCodec writes and reads them.

    [weights kind: 1 byte][gap width: 1 byte][first id: uint32][n − 1 id gaps: 1, 2 or 4 bytes each]
    [weights: none | one float32 | n × uint8 | n × uint16 | n × float32]
    [value section, zlib-compressed when the block's compression byte says so:
        [value count: uint32][value lengths: count × uint32][values, concatenated]]

All numbers little-endian. Only the value section (word positions, which only phrases read) is
compressed: ids and weights are read straight from the file, with no inflating, and their gaps and
small whole-number weights take fewer bytes than deflate made of the uint32 arrays before (at
200,000 articles 2.4 bytes a posting against 2.8). Inflating the whole block was ~70% of the time of
a two-word query over 100,000 matches.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np

ALL_ONE, CONSTANT, FLOAT32, UINT8, UINT16 = 0, 1, 2, 3, 4
_WEIGHT_BYTES = {ALL_ONE: 0, CONSTANT: 0, FLOAT32: 4, UINT8: 1, UINT16: 2}  # per posting (CONSTANT: 4 once)
_HEAD = struct.Struct("<BBI")  # kind, gap width, first id
_COUNT = struct.Struct("<I")
Array = np.ndarray[Any, Any]


def pack_block(ids: Sequence[int] | Array, weights: Sequence[float] | Array, value_lengths: Sequence[int] | Array,
               values: bytes, compression: int) -> bytes:
    """A block's bytes from its postings (ids ascending) and their encoded values: each one's length,
    and all of them one after another."""
    id_array = np.asarray(ids, dtype=np.int64)
    weight_array = np.asarray(weights, dtype=np.float32)
    gaps = np.diff(id_array)
    widest = int(gaps.max()) if len(gaps) else 0
    width = 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
    kind, packed_weights = _packed_weights(weight_array)
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


def values_at(kind: int, width: int, count: int) -> int:
    """Where a block's value section begins."""
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
    section = value_section(data, count, compression)
    (stored,) = _COUNT.unpack_from(section)
    if not stored:
        return (None,) * count
    lengths = np.frombuffer(section, dtype="<u4", count=stored, offset=4).tolist()
    blob = section[4 + 4 * stored:]
    return tuple(blob[end - length:end] for end, length in zip(accumulate(lengths), lengths, strict=True))
