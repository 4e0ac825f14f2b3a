"""The stored fields of each document, compressed by zstd with a dictionary trained on the segment's
own first documents (schema 12).

Whoosh's W3 keeps a document's stored fields (the text, title, tags, ...) pickled and compressed by
zlib (level 3) one document at a time: at ~3 KB, a news article is too short for zlib to find much
to repeat (~1.3 KB each, the largest part of the index). A dictionary of what articles share (words,
phrases, the field names of the pickle) gives zstd that context: 35% smaller on distinct articles of
the corpus, and faster to read back (see benchmarks/results/index-size.md).

The column, the `_stored` file of a segment: each document's compressed pickle end to end, the
dictionary, the offsets of the values (`doccount + 1`, `<u4` or `<u8`), then a trailer (`<QQB`:
where the dictionary starts, its length, the offsets' width, and `BZS1`). The first `TRAIN_DOCUMENTS`
values are held back until the dictionary is trained on them; a segment with fewer documents than
`MIN_TRAINING` (a small sync) is compressed without one. A segment written before schema 12 keeps
Whoosh's column: `is_ours` tells them apart by the trailer (Whoosh's ends with a typecode letter).

The collocations' `words` column is kept in the same format since schema 14 (`ZstdBytesColumn`: the
values are bytes, not pickled; 461 -> 360 bytes an article in the benchmark). A value zstd cannot
read back is a `DamagedColumnError` (a message in both languages), not a traceback."""

from __future__ import annotations

import pickle
import struct
import threading
from array import array
from typing import Any, cast

import numpy as np
import numpy.typing as npt
import zstandard
from whoosh.columns import Column, ColumnReader, ColumnWriter

from viewer.core.errors import BayeganError

MAGIC = b"BZS1"
_TRAILER = struct.Struct("<QQB4s")
LEVEL = 3  # level 9 is ~8% smaller and writes 2-5 times slower
# The dictionary: 1/50 of the samples' bytes, between these bounds (schema 14: at most 512 KB trained
# on 8,000 articles, -6% on the benchmark's stored fields against 64 KB on 2,000; training ~1.6 s once
# a segment, compressing as fast: benchmarks/results/index-size.md)
DICTIONARY_BYTES = 512 * 1024
SMALLEST_DICTIONARY = 64 * 1024
TRAIN_DOCUMENTS = 8000
MIN_TRAINING = 200  # fewer samples train no useful dictionary (zstd may refuse them)
DAMAGED = ("The index is damaged: a value of its {} column cannot be read. Index the folders again into a "
           "new data folder (or delete bayegan-index-version in the index folder: the next sync rebuilds it).",
           "نمایه آسیب دیده است: مقداری از ستون {} آن خوانده نمی‌شود. پوشه‌ها را دوباره در پوشهٔ دادهٔ تازه‌ای "
           "نمایه کنید (یا پروندهٔ bayegan-index-version را در پوشهٔ نمایه پاک کنید تا همگام‌سازی بعدی آن را از نو بسازد).")


class DamagedColumnError(BayeganError):
    """A compressed value that zstd cannot read back (a damaged segment file)."""

    def __init__(self, column: str):
        super().__init__(DAMAGED[0].format(column), DAMAGED[1].format(column))


def is_ours(dbfile: Any, basepos: int, length: int) -> bool:
    """Whether the column file holds this format (not Whoosh's pickled, zlib-compressed one)."""
    return length >= _TRAILER.size and bytes(dbfile.get(basepos + length - len(MAGIC), len(MAGIC))) == MAGIC


class ZstdStoredColumn(Column):  # type: ignore[misc]  # whoosh is untyped: its base classes are Any
    """Pickled values (dicts of stored fields), zstd-compressed with a per-segment dictionary trained
    on the first `train_documents` values."""

    def __init__(self, train_documents: int = TRAIN_DOCUMENTS):
        self.train_documents = train_documents

    def writer(self, dbfile: Any) -> ColumnWriter:
        return _Writer(dbfile, self.train_documents)

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> ColumnReader:
        return _Reader(dbfile, basepos, length, doccount)


class ZstdBytesColumn(ZstdStoredColumn):
    """A COLUMN field's byte strings in the same format, not pickled (the collocations' `words`,
    schema 14): b"" for a document without one (kept as no bytes at all)."""

    _default = b""

    def writer(self, dbfile: Any) -> ColumnWriter:
        return _Writer(dbfile, self.train_documents, pickled=False)

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> ColumnReader:
        return _Reader(dbfile, basepos, length, doccount, pickled=False)


class _Writer(ColumnWriter):  # type: ignore[misc]  # whoosh is untyped: its base classes are Any
    def __init__(self, dbfile: Any, train_documents: int, pickled: bool = True):
        super().__init__(dbfile)
        self._train_documents = train_documents
        self._pickled = pickled
        self._held: list[tuple[int, bytes]] = []  # (docnum, pickle) until the dictionary is trained
        self._dictionary = b""
        self._compressor: zstandard.ZstdCompressor | None = None
        self._ends = array("Q")  # each docnum's end offset (so far)
        self._written = 0

    def add(self, docnum: int, value: object) -> None:
        raw = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if self._pickled else bytes(cast("bytes", value))
        if self._compressor is None:
            self._held.append((docnum, raw))
            if len(self._held) >= self._train_documents:
                self._start()
            return
        self._write(docnum, raw)

    def _start(self) -> None:
        """Train the dictionary on the held values (when there are enough) and write them."""
        samples: list[bytes | bytearray | memoryview[int]] = [raw for _, raw in self._held if raw]
        dictionary = None
        if len(samples) >= MIN_TRAINING:
            try:
                size = min(DICTIONARY_BYTES, max(SMALLEST_DICTIONARY, sum(map(len, samples)) // 50))
                dictionary = zstandard.train_dictionary(size, samples, level=LEVEL)
            except zstandard.ZstdError:  # samples zstd cannot learn from: no dictionary
                dictionary = None
        self._dictionary = dictionary.as_bytes() if dictionary is not None else b""
        self._compressor = zstandard.ZstdCompressor(level=LEVEL, dict_data=dictionary, write_checksum=False,
                                                    write_content_size=True, write_dict_id=False)
        held, self._held = self._held, []
        for docnum, raw in held:
            self._write(docnum, raw)

    def _write(self, docnum: int, raw: bytes) -> None:
        assert self._compressor is not None
        packed = self._compressor.compress(raw) if raw or self._pickled else b""
        ends = self._ends
        if docnum > len(ends):  # documents without stored fields: empty values
            ends.extend(array("Q", [self._written]) * (docnum - len(ends)))
        self._dbfile.write(packed)
        self._written += len(packed)
        ends.append(self._written)

    def finish(self, doccount: int) -> None:
        if self._compressor is None:
            self._start()
        ends = self._ends
        if doccount > len(ends):
            ends.extend(array("Q", [self._written]) * (doccount - len(ends)))
        dictionary_at = self._written
        self._dbfile.write(self._dictionary)
        wide = dictionary_at >= 2**32
        offsets = np.concatenate(([0], np.frombuffer(ends, np.uint64)[:doccount])).astype("<u8" if wide else "<u4")
        self._dbfile.write(offsets.tobytes())
        self._dbfile.write(_TRAILER.pack(dictionary_at, len(self._dictionary), 8 if wide else 4, MAGIC))


class _Reader(ColumnReader):  # type: ignore[misc]  # whoosh is untyped: its base classes are Any
    def __init__(self, dbfile: Any, basepos: int, length: int, doccount: int, pickled: bool = True):
        super().__init__(dbfile, basepos, length, doccount)
        self._pickled = pickled
        dictionary_at, dictionary_length, width, _ = _TRAILER.unpack(
            bytes(dbfile.get(basepos + length - _TRAILER.size, _TRAILER.size)))
        offsets_at = basepos + dictionary_at + dictionary_length
        self._offsets: npt.NDArray[np.uint64] = np.frombuffer(
            bytes(dbfile.get(offsets_at, (doccount + 1) * width)), f"<u{width}").astype(np.uint64)
        dictionary = bytes(dbfile.get(basepos + dictionary_at, dictionary_length)) if dictionary_length else b""
        self._decompressor = zstandard.ZstdDecompressor(
            dict_data=zstandard.ZstdCompressionDict(dictionary) if dictionary else None)
        self._decompressing = threading.Lock()  # a zstd decompressor is for one thread at a time

    def __getitem__(self, docnum: int) -> object:
        start, end = int(self._offsets[docnum]), int(self._offsets[docnum + 1])
        if start == end:
            return None if self._pickled else b""
        packed = bytes(self._dbfile.get(self._basepos + start, end - start))
        try:
            with self._decompressing:
                raw = self._decompressor.decompress(packed)
        except zstandard.ZstdError as exc:
            raise DamagedColumnError("stored fields" if self._pickled else "words") from exc
        return pickle.loads(raw) if self._pickled else raw
