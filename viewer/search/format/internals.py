"""The private parts of Whoosh objects the rest of the engine needs, each read here once.

Whoosh keeps some of what a fast reader or writer needs behind private attributes: the field
lengths its per-document reader caches, the expanded terms of a prefix, a numeric column's raw
bytes, BM25F's per-field B, a writer's clean-up. Everything outside viewer/search/format calls these
functions instead (tests/search/format/test_fork_point.py checks it), so a Whoosh upgrade is read against
this package alone. Mirrors whoosh-reloaded 2.7.5."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader
from whoosh.columns import NumericColumn
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage, OverlayStorage
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def _lengths_name(fieldname: str) -> str:
    return f"_{fieldname}_len"  # W3's name for a field's lengths column (whoosh3._lenfield)


def preload_field_lengths(searcher: Searcher, fieldnames: Iterable[str]) -> None:
    """BM25 reads each scored document's field length; without mmap every read is a seek. One byte
    per document and field, held in memory instead (80 KB at 40,000 articles), where W3's reader
    caches its columns."""
    for leaf, _ in searcher.leaf_searchers():
        perdoc = getattr(leaf.reader(), "_perdoc", None)
        if not isinstance(perdoc, W3PerDocReader):
            continue
        for fieldname in fieldnames:
            name = _lengths_name(fieldname)
            column = perdoc._cached_reader(name, LENGTHS_COLUMN)
            if column is not None and not isinstance(column, bytes) and hasattr(column, "load"):
                perdoc._readers[name] = length_bytes(column, perdoc._doccount)


def length_bytes(column: Any, count: int) -> bytes:
    """A field-lengths column (one byte a document) as bytes, read in one piece: its own `load` reads
    document by document (~1 s for the two text fields of 200,000 articles, at each searcher opened)."""
    if isinstance(column, NumericColumn.Reader) and column._typecode == "B" and column._default == 0:
        stored = min(column._count, count)
        return bytes(column._dbfile.get(column._basepos, stored)) + bytes(count - stored)
    return bytes(column.load())


def field_lengths(reader: Any, fieldname: str) -> np.ndarray[Any, Any]:
    """Each document's length of the field in one segment (as BM25F reads it, from its length byte),
    from the bytes `preload_field_lengths` keeps; read document by document when they are not kept."""
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._readers.get(_lengths_name(fieldname)) if perdoc is not None else None
    count = reader.doc_count_all()
    if isinstance(column, bytes) and len(column) == count:
        lengths: np.ndarray[Any, Any] = _BYTE_LENGTHS[np.frombuffer(column, dtype=np.uint8)]
        return lengths
    return np.array([reader.doc_field_length(n, fieldname, 1) or 1 for n in range(count)], dtype=np.float64)


def bm25_field_b(weighting: BM25F, fieldname: str) -> float:
    """BM25F's B for a field (its per-field value, else the default)."""
    b: float = weighting._field_B.get(fieldname, weighting.B)
    return b


def expanded_terms(q: Any, reader: Any) -> Iterable[bytes]:
    """The index terms (bytes) a multi-term query (prefix, wildcard, fuzzy term) stands for in one reader."""
    terms: Iterable[bytes] = q._btexts(reader)
    return terms


def numeric_column_values(column: Any, count: int) -> list[object] | None:
    """A numeric column's `count` raw values in one read (a per-document read costs ~20 µs), documents
    past the written ones given the column's default; None for another kind of column."""
    if not isinstance(column, NumericColumn.Reader):
        return None
    stored = min(column._count, count)
    values = array(column._typecode, column._dbfile.get(column._basepos, stored * column._fixedlen))
    if sys.byteorder == "little":
        values.byteswap()  # written big-endian ("!")
    return [*values, *([column._default] * (count - stored))]


def fixed_column_place(leaf: Any, name: str) -> tuple[int, tuple[Path, int] | None]:
    """How many values a segment's fixed-width column `name` holds, and (file, where its values start
    in it) when it lies on disk as written (None: read it through Whoosh, as an index in memory)."""
    column = leaf.column_reader(name, translate=False)
    count = min(getattr(column, "_count", 0), leaf.doc_count_all())
    basepos = getattr(column, "_basepos", None)
    if basepos is None:
        return count, None
    segment, storage = leaf.segment(), leaf.storage()
    filename = W3Codec.column_filename(segment, name)
    if isinstance(storage, OverlayStorage):  # a compound segment: its one file, beside the index's
        compound, folder = storage.a, getattr(storage.b, "folder", None)
        if isinstance(compound, CompoundStorage) and folder is not None and compound.file_exists(filename):
            place = Path(folder) / segment.make_filename(segment.COMPOUND_EXT), int(compound.range(filename)[0])
            return count, (place[0], place[1] + basepos)
        storage = storage.b
    folder = getattr(storage, "folder", None)
    if isinstance(storage, FileStorage) and folder is not None and storage.file_exists(filename):
        return count, (Path(folder) / filename, basepos)
    return count, None


def release_writer(writer: Any) -> None:
    """A writer's own clean-up (its temporary files, the index lock) without committing or cancelling:
    for when cancelling failed too."""
    writer._finish()


__all__ = ["bm25_field_b", "expanded_terms", "field_lengths", "fixed_column_place", "numeric_column_values",
           "preload_field_lengths", "release_writer"]
