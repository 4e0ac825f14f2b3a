"""The writer's postings, gathered by term in flat arrays instead of Whoosh's sorting pool.

Whoosh's `PostingPool` keeps one tuple per posting, sorts them all and, past its memory limit,
pickles each into a run file and merges the runs a posting at a time: at 200,000 articles that was
most of the writer process's time, the serial part of indexing. Documents arrive in order, so a
term's postings are already in document order; only the terms need sorting. Here postings are
appended to flat arrays (term number, document, weight, value length, value bytes); a chunk of
`CHUNK_POSTINGS` is put in term order with numpy (a stable sort: documents stay in order) and
written to a temporary file as raw arrays; at the end the chunks are merged term by term, a term's
postings of each chunk read in one piece. Memory stays about a chunk, whatever the archive's size.
"""

from __future__ import annotations

import heapq
import io
import tempfile
from array import array
from collections.abc import Iterator
from itertools import groupby, repeat
from typing import IO, Any

import numpy as np

from viewer.search.packed import PackedPostings

CHUNK_POSTINGS = 2_000_000  # ~40 MB of arrays; about 12,000 articles
_SLICE = 1 << 18  # postings whose value bytes are reordered at a time (bounds the index arrays)

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
    """A sorted chunk: its terms in order with their posting counts and value byte counts, and four
    streams read in step, a term at a time."""

    def __init__(self, keys: list[TermKey], counts: list[int], sizes: list[int], streams: list[IO[bytes]]):
        self.keys, self.counts, self.sizes, self.streams = keys, counts, sizes, streams

    def read(self, at: int) -> tuple[bytes, bytes, bytes, bytes]:
        count, size = self.counts[at], self.sizes[at]
        docs, weights, lens, values = self.streams
        return docs.read(4 * count), weights.read(8 * count), lens.read(4 * count), values.read(size)

    def close(self) -> None:
        for stream in self.streams:
            stream.close()


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

    def _sorted(self) -> tuple[list[TermKey], list[int], list[int], list[bytes]]:
        """The current chunk in term order: keys, counts, value byte counts and the four arrays' bytes."""
        names = self.names
        order = sorted(range(len(names)), key=names.__getitem__)
        rank = np.empty(len(names), dtype=np.int64)
        rank[order] = np.arange(len(names))
        ranks = rank[np.frombuffer(self.tids, dtype=np.uint32)]
        perm = np.argsort(ranks, kind="stable")
        counts = np.bincount(ranks, minlength=len(names))
        lens = np.frombuffer(self.lens, dtype=np.uint32).astype(np.int64)
        starts = np.cumsum(lens) - lens
        sizes = np.bincount(ranks, weights=lens, minlength=len(names)).astype(np.int64)
        blob = np.frombuffer(self.blob, dtype=np.uint8)
        parts = []
        for at in range(0, len(perm), _SLICE):
            piece = perm[at:at + _SLICE]
            plens = lens[piece]
            if not plens.sum():
                continue
            ends = np.cumsum(plens)
            index = np.repeat(starts[piece] - (ends - plens), plens) + np.arange(ends[-1])
            parts.append(blob[index].tobytes())
        arrays = [np.frombuffer(self.docs, dtype=np.uint32)[perm].astype("<u4").tobytes(),
                  np.frombuffer(self.weights, dtype=np.float64)[perm].astype("<f8").tobytes(),
                  lens[perm].astype("<u4").tobytes(), b"".join(parts)]
        return [names[i] for i in order], counts.tolist(), sizes.tolist(), arrays

    def _spill(self) -> None:
        keys, counts, sizes, arrays = self._sorted()
        self._reset()
        streams: list[IO[bytes]] = []
        for data in arrays:
            stream = tempfile.TemporaryFile(dir=self.folder)
            stream.write(data)
            stream.seek(0)
            streams.append(stream)
        self.chunks.append(_Chunk(keys, counts, sizes, streams))

    def __len__(self) -> int:
        return len(self.tids) + sum(sum(chunk.counts) for chunk in self.chunks)

    def terms(self) -> Iterator[TermPostings]:
        """Every term in (field name, term bytes) order with its postings in document order."""
        chunks = list(self.chunks)
        if self.tids:
            keys, counts, sizes, arrays = self._sorted()
            self._reset()
            chunks.append(_Chunk(keys, counts, sizes, [io.BytesIO(data) for data in arrays]))
        self.chunks = chunks
        merged = heapq.merge(*(zip(chunk.keys, repeat(n), range(len(chunk.keys))) for n, chunk in enumerate(chunks)))
        for key, group in groupby(merged, key=_first):
            pieces = [chunks[n].read(at) for _, n, at in group]
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


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]
