"""The writer's postings, gathered by term in flat arrays instead of Whoosh's sorting pool.

Whoosh's `PostingPool` keeps one tuple per posting, sorts them all and, past its memory limit,
pickles each into a run file and merges the runs a posting at a time: at 200,000 articles that was
most of the writer process's time, the serial part of indexing. Documents arrive in order, so a
term's postings are already in document order; only the terms need sorting. Here postings are
appended to flat arrays (term number, document, weight, value length, value bytes); a chunk of
`CHUNK_POSTINGS` is put in term order with numpy (a stable sort: documents stay in order) and
written to temporary files as raw arrays, its terms too; at the end the chunks are merged term by
term, a term's postings of each chunk read in one piece. Memory stays about a chunk, whatever the
archive's size.
"""

from __future__ import annotations

import heapq
import marshal
import tempfile
from array import array
from collections.abc import Iterator
from itertools import groupby
from typing import IO, Any

import numpy as np

from viewer.search.format.packed import PackedPostings

CHUNK_POSTINGS = 1_500_000  # ~37 MB of arrays (~9,000 articles), about as much again to sort them
_SLICE = 1 << 18  # postings whose value bytes are reordered at a time (bounds the index arrays)
_ENTRIES = 8192  # terms of a spilled chunk written (and read back) at a time

TermKey = tuple[str, bytes]  # field name, term bytes
# field name, term, then its postings: documents (uint32), weights (float64), value lengths (uint32), values
TermPostings = tuple[str, bytes, bytes, bytes, bytes, bytes]


class _Numbers(dict[bytes, int]):
    """Term bytes -> the term's number in the current chunk, numbered as first seen."""

    def __init__(self, fieldname: str, names: list[TermKey]):
        super().__init__()
        self.fieldname, self.names = fieldname, names

    def __missing__(self, term: bytes) -> int:
        number = self[term] = len(self.names)
        self.names.append((self.fieldname, term))
        return number


class _Chunk:
    """A sorted chunk: its terms in order with their posting counts and value byte counts (`entries`),
    and four streams read in step, a term at a time. A spilled chunk keeps its terms on disk too:
    the terms of a dozen chunks would outgrow the postings kept in memory."""

    def __init__(self, entries: Iterator[tuple[TermKey, int, int]], streams: list[IO[bytes]]):
        self.entries, self.streams = entries, streams

    def read(self, count: int, size: int) -> tuple[bytes, bytes, bytes, bytes]:
        docs, weights, lens, values = self.streams[:4]
        return docs.read(4 * count), weights.read(8 * count), lens.read(4 * count), values.read(size)

    def close(self) -> None:
        for stream in self.streams:
            stream.close()


def _stored_entries(stream: IO[bytes]) -> Iterator[tuple[TermKey, int, int]]:
    stream.seek(0)
    while True:
        try:
            keys, counts, sizes = marshal.load(stream)
        except EOFError:
            return
        yield from zip(keys, counts, sizes, strict=True)


class TermPool:
    def __init__(self, folder: str | None = None, chunk_postings: int | None = None):
        self.folder = folder
        self.chunk_postings = chunk_postings or CHUNK_POSTINGS
        self.chunks: list[_Chunk] = []
        self.fieldnames: set[str] = set()
        self._reset()

    def _reset(self) -> None:
        self.names: list[TermKey] = []
        self.numbers: dict[str, _Numbers] = {}
        self.tids, self.docs, self.lens = array("I"), array("I"), array("I")
        self.weights = array("d")
        self.blob = bytearray()

    def _numbers(self, fieldname: str) -> _Numbers:
        numbers = self.numbers.get(fieldname)
        if numbers is None:
            numbers = self.numbers[fieldname] = _Numbers(fieldname, self.names)
            self.fieldnames.add(fieldname)
        return numbers

    def add_packed(self, fieldname: str, docnum: int, packed: PackedPostings, boost: float) -> None:
        """A document's postings of one field; weights are frequency × boost (as Whoosh computes them)."""
        count = len(packed.terms)
        if not count:
            return
        self.tids.extend(map(self._numbers(fieldname).__getitem__, packed.terms))
        self.docs.extend(array("I", (docnum,)) * count)
        self.weights.frombytes((np.frombuffer(packed.freqs, dtype=np.uint32) * boost).tobytes())
        self.lens.extend(packed.lens)
        self.blob += packed.blob
        if len(self.tids) >= self.chunk_postings:
            self._spill()

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting, as Whoosh's pool takes it: (field name, term bytes, document, weight, value)."""
        fieldname, term, docnum, weight, value = item
        self.tids.append(self._numbers(fieldname)[term])
        self.docs.append(docnum)
        self.weights.append(weight)
        self.lens.append(len(value) if value else 0)
        if value:
            self.blob += value
        if len(self.tids) >= self.chunk_postings:
            self._spill()

    def _spill(self) -> None:
        """The current chunk in term order to temporary files: the four arrays (native byte order,
        read back by this process only) and its terms with their posting and value byte counts."""
        names = self.names
        if not names:
            return
        order = sorted(range(len(names)), key=names.__getitem__)
        rank = np.empty(len(names), dtype=np.int32)
        rank[order] = np.arange(len(names), dtype=np.int32)
        ranks = rank[np.frombuffer(self.tids, dtype=np.uint32)]
        perm = np.argsort(ranks, kind="stable")
        counts = np.bincount(ranks, minlength=len(names)).tolist()
        lens = np.frombuffer(self.lens, dtype=np.uint32)
        sizes = np.bincount(ranks, weights=lens, minlength=len(names)).astype(np.int64).tolist()
        del ranks
        streams: list[IO[bytes]] = [tempfile.TemporaryFile(dir=self.folder) for _ in range(5)]
        for source, dtype, stream in ((self.docs, np.uint32, streams[0]), (self.weights, np.float64, streams[1]),
                                      (self.lens, np.uint32, streams[2])):
            np.frombuffer(source, dtype=dtype)[perm].tofile(stream)
        wide = lens.astype(np.int64)
        starts = np.cumsum(wide) - wide
        blob = np.frombuffer(self.blob, dtype=np.uint8)
        for at in range(0, len(perm), _SLICE):
            piece = perm[at:at + _SLICE]
            plens = wide[piece]
            ends = np.cumsum(plens)
            if ends[-1]:
                index = np.repeat(starts[piece] - (ends - plens), plens) + np.arange(ends[-1])
                blob[index].tofile(streams[3])
        del perm, wide, starts, blob, lens
        keys = [names[i] for i in order]
        self._reset()
        for at in range(0, len(keys), _ENTRIES):
            marshal.dump((keys[at:at + _ENTRIES], counts[at:at + _ENTRIES], sizes[at:at + _ENTRIES]), streams[4])
        for stream in streams[:4]:
            stream.flush()
            stream.seek(0)
        self.chunks.append(_Chunk(_stored_entries(streams[4]), streams))

    def terms(self) -> Iterator[TermPostings]:
        """Every term in (field name, term bytes) order with its postings in document order."""
        self._spill()
        chunks = self.chunks
        merged = heapq.merge(*(_numbered(n, chunk.entries) for n, chunk in enumerate(chunks)))
        for key, group in groupby(merged, key=_first):
            pieces = [chunks[n].read(count, size) for _, n, count, size in group]
            if len(pieces) == 1:
                docs, weights, lens, values = pieces[0]
            else:
                docs, weights, lens, values = (b"".join(column) for column in zip(*pieces, strict=True))
            yield key[0], key[1], docs, weights, lens, values

    def cleanup(self) -> None:
        for chunk in self.chunks:
            chunk.close()
        self.chunks = []
        self._reset()


def _numbered(n: int, entries: Iterator[tuple[TermKey, int, int]]) -> Iterator[tuple[TermKey, int, int, int]]:
    for key, count, size in entries:
        yield key, n, count, size


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]
