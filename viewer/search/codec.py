"""Whoosh's W3 codec with posting blocks stored as packed arrays instead of pickled tuples.

W3 pickles each block of up to 128 postings as (delta-coded ids, weights, values) and decodes the
ids with a Python generator: reading one posting cost ~0.8 µs, so the ~60,000 postings of a pair of
common words (`ندارم مورد`: every form of داشتن beside مورد) took ~45 ms at 40,000 articles before any
scoring. Here a block is one zlib-compressed buffer of machine arrays:

    [weights kind: 1 byte][ids: n × uint32][weights: none | 1 float32 | n × float32]
    [value count: uint32][value lengths: count × uint32][values, concatenated]

so ids and weights decode with `array.frombytes`, and the values (word positions, needed only by
phrases) are cut out only when asked for. A block's info (postings, last id, highest weight, ...)
is a fixed struct, read with its length in one go, instead of W3's pickle. The framing, term infos
and everything else are W3's own. Whoosh pickles the codec into each segment: keep this module's
import path and class names. It subclasses W3's writer and matcher and uses their private
attributes, so whoosh-reloaded is pinned below 2.8.
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PerDocReader, W3PostingsWriter
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length, length_to_byte

_ALL_ONE, _CONSTANT, _PER_POSTING = 0, 1, 2
_COUNT = struct.Struct("<I")
# A block's length (negative for the last block; W3's framing), then its info: postings, last id,
# highest weight, compression, shortest and longest field length bytes. W3 pickles the info and
# unpickles it through ~20 one-byte file reads per block.
_LENGTH = struct.Struct("!i")
_INFO = struct.Struct("<IIdBBB")
_SWAP = sys.byteorder == "big"  # arrays are stored little-endian


def _packed(values: array) -> bytes:
    if _SWAP:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _unpacked(typecode: str, buffer: memoryview) -> array:
    values = array(typecode)
    values.frombytes(buffer)
    if _SWAP:
        values.byteswap()
    return values


def _window_bits(size: int) -> int:
    """The smallest deflate window that reaches back over `size` bytes (every match a full window
    finds): zlib sets up and clears its window for each call, ~20 µs at the default 32 KB against
    ~3 µs for the few hundred bytes of most blocks. Any window inflates with zlib's default."""
    return max(9, min(15, (size + 262).bit_length()))


class ArrayCodec(W3Codec):
    """W3 with array-packed posting blocks (see the module docstring); vectors stay W3's."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        writer_class = W3PostingsWriter if byteids else ArrayPostingsWriter
        return writer_class(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                            compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return LoadedLengthsReader(storage, segment)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None) -> Matcher:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class LoadedLengthsReader(W3PerDocReader):
    """Field lengths (one byte per document) read whole into memory the first time one is asked for:
    the writer asks for every posting's (a seek and a read each, ~8% of indexing), a search for every
    document it scores."""

    def _cached_reader(self, fieldname: str, column: Any) -> Any:
        reader = super()._cached_reader(fieldname, column)
        if fieldname.endswith("_len") and reader is not None and not isinstance(reader, bytes) and hasattr(reader, "load"):
            reader = self._readers[fieldname] = bytes(reader.load())
        return reader


class ArrayPostingsWriter(W3PostingsWriter):
    def _block_data(self) -> bytes:
        ids, weights = self._ids, self._weights
        parts = []
        if all(w == 1.0 for w in weights):
            parts.append(bytes((_ALL_ONE,)))
        elif all(w == weights[0] for w in weights):
            parts.append(bytes((_CONSTANT,)))
            weights = array("f", weights[:1])
        else:
            parts.append(bytes((_PER_POSTING,)))
        parts.append(_packed(array("I", ids)))
        if parts[0][0] != _ALL_ONE:
            parts.append(_packed(array("f", weights)))
        lengths, blob = self._value_parts()
        parts.append(_COUNT.pack(len(lengths)))
        parts.append(_packed(lengths))
        parts.append(blob)
        return b"".join(parts)

    def _value_parts(self) -> tuple[array, bytes]:
        """The block's values: their lengths and their bytes one after the other."""
        values = self._values
        return array("I", map(len, values)), b"".join(values)

    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block with the block data packed by `_block_data`.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = self._block_data()
        comp = self._compression
        if comp:
            databytes = zlib.compress(databytes, comp, wbits=_window_bits(len(databytes)))
        ids = self._ids
        infobytes = _INFO.pack(len(ids), ids[-1], self._maxweight, comp,
                               length_to_byte(self._minlength), length_to_byte(self._maxlength))
        blocklength = len(infobytes) + len(databytes)
        postfile = self._postfile
        postfile.write_int(-blocklength if last else blocklength)
        postfile.write(infobytes)
        postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    """Reads ArrayPostingsWriter's blocks; ids and weights are `array`s, values are cut on demand."""

    _data: Any
    _ids: Any
    _weights: Any
    _values: Any

    def _goto(self, position: int) -> None:
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        head = self._postfile.get(position, _LENGTH.size + _INFO.size)
        (length,) = _LENGTH.unpack_from(head)
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + _LENGTH.size + length
        self._dataoffset = position + _LENGTH.size + _INFO.size
        (self._blocklength, self._maxid, self._maxweight, self._compression,
         minlength, maxlength) = _INFO.unpack_from(head, _LENGTH.size)
        self._minlength = byte_to_length(minlength)
        self._maxlength = byte_to_length(maxlength)

    def _read_data(self) -> None:
        data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        if self._compression:
            data = zlib.decompress(data)
        self._data = memoryview(data)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = _unpacked("I", self._data[1:1 + 4 * self._blocklength])

    def _weights_end(self) -> int:
        kind = self._data[0]
        count = 0 if kind == _ALL_ONE else 1 if kind == _CONSTANT else self._blocklength
        return 1 + 4 * self._blocklength + 4 * count

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        kind, n = self._data[0], self._blocklength
        start = 1 + 4 * n
        if kind == _PER_POSTING:
            self._weights = _unpacked("f", self._data[start:start + 4 * n])
        else:
            weight = _unpacked("f", self._data[start:start + 4])[0] if kind == _CONSTANT else 1.0
            self._weights = array("f", (weight,)) * n

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        data = self._data
        start = self._weights_end()
        (count,) = _COUNT.unpack_from(data, start)
        lengths = _unpacked("I", data[start + 4:start + 4 + 4 * count])
        blob = bytes(data[start + 4 + 4 * count:])
        if not count:
            self._values = (None,) * self._blocklength
            return
        ends = list(accumulate(lengths))
        self._values = tuple(blob[end - length:end] for end, length in zip(ends, lengths, strict=True))


def posting_arrays(matcher: Any, candidates: Sequence[int] | None = None, offset: int = 0,
                   ) -> Iterator[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    """`posting_blocks` as numpy arrays (document numbers without `offset`, weights as float64). A
    term's blocks are read from the file in one go instead of two reads each."""
    if not isinstance(matcher, ArrayLeafMatcher) or not matcher.is_active():
        for block_ids, block_weights in posting_blocks(matcher, candidates, offset):
            yield np.asarray(block_ids, dtype=np.int64), np.asarray(block_weights, dtype=np.float64)
        return
    start, length = matcher._baseoffset, matcher._length
    length = length[0] if isinstance(length, tuple) else length  # W3's term info unpacks it as a 1-tuple
    buffer = matcher._postfile.get(start, matcher._startoffset + length - start)
    at, first, end = 0, 0, len(buffer)
    while at < end:
        (length,) = _LENGTH.unpack_from(buffer, at)
        last, length = length < 0, abs(length)
        count, maxid, _, compression, _, _ = _INFO.unpack_from(buffer, at + _LENGTH.size)
        data_at, at = at + _LENGTH.size + _INFO.size, at + _LENGTH.size + length
        if candidates is not None:
            found = bisect_left(candidates, first + offset)
            if found == len(candidates):
                return
            wanted = candidates[found] <= maxid + offset
        else:
            wanted = True
        first = maxid + 1
        if wanted:
            data = buffer[data_at:at]
            if compression:
                data = zlib.decompress(data)
            ids = np.frombuffer(data, dtype="<u4", count=count, offset=1).astype(np.int64)
            kind = data[0]
            if kind == _PER_POSTING:
                weights = np.frombuffer(data, dtype="<f4", count=count, offset=1 + 4 * count).astype(np.float64)
            else:
                weight = float(np.frombuffer(data, dtype="<f4", count=1, offset=1 + 4 * count)[0]) if kind == _CONSTANT else 1.0
                weights = np.full(count, weight, dtype=np.float64)
            yield ids, weights
        if last:
            return


def posting_positions(matcher: Any, members: np.ndarray[Any, Any], offset: int = 0,
                      ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(document number, position) of every occurrence of the matcher's term in the documents
    flagged in `members` (one bool per document number plus `offset`), as two arrays."""
    docs: list[np.ndarray[Any, Any]] = []
    positions: list[np.ndarray[Any, Any]] = []
    if not isinstance(matcher, ArrayLeafMatcher):
        m = matcher.child if isinstance(matcher, FilterMatcher) else matcher
        while matcher.is_active():
            docnum = matcher.id() + offset
            if members[docnum]:
                found = m.format.decode_positions(matcher.value())
                docs.append(np.full(len(found), docnum, dtype=np.int64))
                positions.append(np.asarray(found, dtype=np.int64))
            matcher.next()
    else:
        m = matcher
        ordered = np.flatnonzero(members)
        first = 0  # the lowest document number the current block can hold
        while m.is_active():
            # A block whose range holds no wanted document is never decompressed.
            lo, hi = np.searchsorted(ordered, (first + offset, m._maxid + offset + 1))
            first = m._maxid + 1
            if lo == hi:
                if lo == len(ordered):
                    break
                m._next_block()
                continue
            m._read_ids()
            wanted = np.flatnonzero(members[np.asarray(m._ids, dtype=np.int64) + offset])
            if len(wanted):
                m._read_values()
                decode = m.format.decode_positions
                for i in wanted.tolist():
                    found = decode(m._values[i])
                    docs.append(np.full(len(found), m._ids[i] + offset, dtype=np.int64))
                    positions.append(np.asarray(found, dtype=np.int64))
            m._next_block()
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(docs), np.concatenate(positions)


def posting_blocks(matcher: Any, candidates: Sequence[int] | None = None, offset: int = 0,
                   ) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(document numbers, weights) of a fresh posting matcher, a block at a time, deleted documents
    left out. With sorted `candidates` (numbers plus `offset`), blocks holding none are not decoded."""
    deleted: Any = ()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:  # a segment with deletions
        deleted, matcher = matcher._ids, matcher.child
    if not isinstance(matcher, ArrayLeafMatcher):
        ids, weights = [], []
        while matcher.is_active():
            if matcher.id() not in deleted:
                ids.append(matcher.id())
                weights.append(matcher.weight())
            matcher.next()
        yield ids, weights
        return
    m = matcher
    first = 0  # the lowest document number the current block can hold
    while m.is_active():
        if candidates is not None:
            at = bisect_left(candidates, first + offset)
            if at == len(candidates):
                return
            if candidates[at] > m._maxid + offset:
                first = m._maxid + 1
                m._next_block()
                continue
        m._read_ids()
        m._read_weights()
        ids, weights = m._ids, m._weights
        if deleted:
            kept = [i for i, n in enumerate(ids) if n not in deleted]
            ids, weights = [ids[i] for i in kept], [weights[i] for i in kept]
        yield ids, weights
        first = m._maxid + 1
        m._next_block()
