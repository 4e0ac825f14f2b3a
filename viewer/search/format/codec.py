"""Whoosh's W3 codec with posting blocks stored as packed arrays instead of pickled tuples.

W3 pickles each block of up to 128 postings as (delta-coded ids, weights, values) and decodes the
ids with a Python generator: reading one posting cost ~0.8 µs, so the ~60,000 postings of a pair of
common words (`ندارم مورد`: every form of داشتن beside مورد) took ~45 ms at 40,000 articles before any
scoring. Here a block is machine arrays (block_format.py): id gaps and weights read straight from
the file with numpy, and the values (word positions, needed only by phrases) in a section of their
own: since schema 13 each posting's positions as LEB128 steps, uncompressed, any other values
zlib-compressed; decoded and cut only when asked for. A block's info (postings, last id, highest weight, ...)
is a fixed struct, read with its length in one go, instead of W3's pickle. The framing, term infos
and everything else are W3's own. Whoosh pickles the codec into each segment by the name
`viewer.search.codec.ArrayCodec` (the module it lived in first, still there): keep that name. It
subclasses W3's writer and matcher and uses their private attributes, so whoosh-reloaded is pinned
below 2.8.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PerDocReader,
    W3PerDocWriter,
    W3PostingsWriter,
)
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length, length_to_byte

from viewer.search.format.block_format import block_ids, block_values, block_weights, pack_block, positions_section
from viewer.search.format.internals import length_bytes
from viewer.search.format.stored_column import ZstdStoredColumn, is_ours

# A block's length (negative for the last block; W3's framing), then its info: postings, last id,
# highest weight, compression, shortest and longest field length bytes. W3 pickles the info and
# unpickles it through ~20 one-byte file reads per block.
_LENGTH = struct.Struct("!i")
_INFO = struct.Struct("<IIdBBB")


class ArrayCodec(W3Codec):
    """W3 with array-packed posting blocks (see the module docstring); vectors stay W3's."""

    __module__ = "viewer.search.codec"  # the name pickled into every segment (viewer/search/codec.py)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        writer_class = W3PostingsWriter if byteids else ArrayPostingsWriter
        return writer_class(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                            compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_writer(self, storage: Any, segment: Any) -> W3PerDocWriter:
        return ZstdStoredWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return LoadedLengthsReader(storage, segment)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None) -> Matcher:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class ZstdStoredWriter(W3PerDocWriter):
    """W3's per-document writer with the stored fields in stored_column.py's column (schema 12)."""

    def _create_column(self, fieldname: str, column: Any) -> None:
        super()._create_column(fieldname, ZstdStoredColumn() if fieldname == "_stored" else column)


class LoadedLengthsReader(W3PerDocReader):
    """Field lengths (one byte per document) read whole into memory the first time one is asked for:
    the writer asks for every posting's (a seek and a read each, ~8% of indexing), a search for every
    document it scores. The stored fields are read by their column's format (W3's before schema 12)."""

    def _cached_reader(self, fieldname: str, column: Any) -> Any:
        if fieldname == "_stored" and fieldname not in self._readers and self.has_column(fieldname):
            if fieldname not in self._colfiles:
                self._colfiles[fieldname] = self._get_column_file(fieldname)
            colfile, offset, length = self._colfiles[fieldname]
            if is_ours(colfile, offset, length):
                column = ZstdStoredColumn()
        reader = super()._cached_reader(fieldname, column)
        if fieldname.endswith("_len") and reader is not None and not isinstance(reader, bytes) and hasattr(reader, "load"):
            reader = self._readers[fieldname] = length_bytes(reader, self._doccount)
        return reader


class ArrayPostingsWriter(W3PostingsWriter):
    def _value_parts(self) -> tuple[Sequence[int], bytes]:
        """The block's values: their lengths and their bytes one after the other."""
        values = self._values
        return [len(value) for value in values], b"".join(values)

    def _positions_section(self, value_lengths: Sequence[int], values: bytes) -> bytes | None:
        """The block's values packed as word positions (block_format.py), None when they are not."""
        return positions_section(value_lengths, values, len(self._ids))

    def _write_block(self, last: bool = False) -> None:
        # W3PostingsWriter._write_block with the block packed by block_format.pack_block.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        comp = self._compression
        lengths, values = self._value_parts()
        databytes = pack_block(self._ids, self._weights, lengths, values, comp, self._positions_section(lengths, values))
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
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = block_ids(self._data, self._blocklength).tolist()

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        self._weights = block_weights(self._data, self._blocklength).tolist()

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        self._values = block_values(self._data, self._blocklength, self._compression)


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
