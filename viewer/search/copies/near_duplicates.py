"""Near duplicates as the searcher gives them: an article's republished variants, and for search hits
the variants that match the same query.

The index holds each article's MinHash signature in a fixed-width column (no terms: band terms, nearly
all unique, cost Whoosh's writer a third more time). The indexer sorts each band's LSH keys once a
sync (8 bytes a band for each article that shares the band's key with another, kept beside the
index: kept_tables.py); an article's candidates are then one binary search a band, each checked with its
signature, read from the column where it lies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.copies.fingerprints import (
    BANDS,
    NEAR_DUPLICATE,
    PERMUTATIONS,
    ROWS,
    SIGNATURE_BYTES,
    SIGNATURE_TYPE,
    band_keys,
)
from viewer.search.format.internals import fixed_column_place

_SHIFT = np.uint64(32)
_DOC_MASK = np.uint64(0xFFFFFFFF)
_ROWS_AT_ONCE = 1 << 16  # signatures made band keys at a time (bounds the temporary arrays)


class Signatures:
    """Every document's signature by document number, read where the index keeps them: each segment's
    `sketch` column, mapped from the segment's file (`np.memmap`: only the pages a lookup touches are
    read), so that no copy of them is kept beside the index (schema 12 kept the signatures of nearly
    every article a second time, 256 bytes each). A column that cannot be mapped (an index in memory)
    is read whole instead; one of another width (a segment of another schema, or damaged) gives no
    signatures: its articles have no near duplicates until the index is rebuilt."""

    def __init__(self, parts: list[tuple[int, npt.NDArray[np.uint16]]], total: int):
        self._parts = parts  # (first docnum, the segment's signatures: (rows the column holds, PERMUTATIONS))
        self._starts = np.array([start for start, _ in parts], dtype=np.int64)
        self.total = total

    @classmethod
    def of_reader(cls, reader: IndexReader) -> Signatures:
        parts = [(offset, _column_rows(leaf)) for leaf, offset in reader.leaf_readers() if leaf.has_column("sketch")]
        return cls(parts, reader.doc_count_all())

    def rows(self, docnums: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.uint16]:
        """The signatures of `docnums` (one a row; zeros: a document without one)."""
        docnums = np.asarray(docnums, dtype=np.int64)
        if len(self._parts) == 1 and self._parts[0][0] == 0:
            part = self._parts[0][1]
            if not len(docnums) or int(docnums.max()) < len(part):
                return np.asarray(part[docnums])
        found = np.zeros((len(docnums), PERMUTATIONS), dtype=np.uint16)
        if not self._parts:
            return found
        segment = np.searchsorted(self._starts, docnums, side="right") - 1
        for number, (start, part) in enumerate(self._parts):
            places = np.flatnonzero(segment == number)
            local = docnums[places] - start
            inside = local < len(part)
            found[places[inside]] = part[local[inside]]
        return found

    def chunk(self, start: int, stop: int) -> npt.NDArray[np.uint16]:
        """The signatures of documents start..stop-1, in order."""
        return self.rows(np.arange(start, stop, dtype=np.int64))


def _column_rows(leaf: IndexReader) -> npt.NDArray[np.uint16]:
    """A segment's signatures as an array of (rows the column holds, PERMUTATIONS): mapped from the
    file that holds the column when there is one, else read; none (no rows) when its values are not
    signatures of this width."""
    count, place = fixed_column_place(leaf, "sketch")
    column = leaf.column_reader("sketch", translate=False)
    if getattr(column, "_fixedlen", SIGNATURE_BYTES) != SIGNATURE_BYTES:
        return np.zeros((0, PERMUTATIONS), dtype=np.uint16)
    if place is not None and count:
        path, offset = place
        try:
            mapped = np.memmap(path, dtype=SIGNATURE_TYPE, mode="r", offset=offset, shape=(count, PERMUTATIONS))
            return cast("npt.NDArray[np.uint16]", mapped.view(np.ndarray))
        except (OSError, ValueError):  # a file that is not what its segment says: read it as Whoosh does
            pass
    raw = b"".join(bytes(column[n]) for n in range(count))
    if len(raw) != count * SIGNATURE_BYTES:
        return np.zeros((0, PERMUTATIONS), dtype=np.uint16)
    return np.frombuffer(raw, dtype=SIGNATURE_TYPE).reshape(count, PERMUTATIONS).astype(np.uint16)


@dataclass(frozen=True)
class BandTables:
    """What a searcher's near-duplicate lookups read: each band's keys that more than one document
    has, sorted with their documents (equal keys by document), the bands one after the other
    (`keys[bounds[band]:bounds[band + 1]]`, 32-bit: no key of one band is ever taken for another's);
    and every document's signature, as the index holds them (`signatures`). A key only one document
    has makes no candidate, so it is not kept: the tables grow with the near-duplicate candidates,
    not with the archive. Worked out from the index's signatures (`of_searcher`), or as the indexer
    kept them (kept_tables.py)."""

    keys: npt.NDArray[np.uint32]
    docs: npt.NDArray[np.uint32]
    bounds: npt.NDArray[np.int64]
    signatures: Signatures

    @classmethod
    def of_searcher(cls, searcher: Searcher, cancel: Cancel = never) -> BandTables:
        """Worked out from the index's signatures, asking `cancel` between chunks (CancelledError).
        Memory: every band's keys and documents (8 bytes a band of each document with a signature),
        one band's (key, document) numbers at a time to sort them, and the tables."""
        signatures = Signatures.of_reader(searcher.reader())
        total = signatures.total
        keys = np.empty((BANDS, total), dtype=np.uint32)
        docs = np.empty((BANDS, total), dtype=np.uint32)
        filled = 0  # the documents with a signature, in document order
        for start in range(0, total, _ROWS_AT_ONCE):
            stop_if_cancelled(cancel)
            rows = signatures.chunk(start, min(start + _ROWS_AT_ONCE, total))
            live = np.flatnonzero(rows.any(axis=1))
            keys[:, filled:filled + len(live)] = band_keys(rows[live]).T
            docs[:, filled:filled + len(live)] = (live + start).astype(np.uint32)[None, :]
            filled += len(live)
        kept_keys: list[npt.NDArray[np.uint32]] = []
        kept_docs: list[npt.NDArray[np.uint32]] = []
        for band in range(BANDS):
            stop_if_cancelled(cancel)
            # (key << 32 | docnum), sorted: the band's keys in order, equal keys by document
            packed = keys[band, :filled].astype(np.uint64) << _SHIFT
            packed |= docs[band, :filled]
            packed.sort()
            band_keys_sorted = (packed >> _SHIFT).astype(np.uint32)
            same = band_keys_sorted[1:] == band_keys_sorted[:-1]
            shared = np.zeros(len(packed), dtype=bool)
            shared[1:] |= same
            shared[:-1] |= same
            kept_keys.append(band_keys_sorted[shared])
            kept_docs.append((packed[shared] & _DOC_MASK).astype(np.uint32))
        bounds = np.zeros(BANDS + 1, dtype=np.int64)
        bounds[1:] = np.cumsum([len(part) for part in kept_keys])
        return cls(np.concatenate(kept_keys), np.concatenate(kept_docs), bounds, signatures)

    def band(self, band: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
        """The band's shared keys sorted, and the document of each."""
        start, end = int(self.bounds[band]), int(self.bounds[band + 1])
        return self.keys[start:end], self.docs[start:end]

    def fit(self, total: int) -> bool:
        """Whether the tables are whole and made for an index of `total` documents (kept ones are checked)."""
        bounds = self.bounds
        return (self.keys.dtype == np.uint32 and self.docs.dtype == np.uint32 and self.keys.ndim == 1
                and self.keys.shape == self.docs.shape and bounds.dtype == np.int64 and bounds.shape == (BANDS + 1,)
                and int(bounds[0]) == 0 and int(bounds[-1]) == len(self.keys) and bool((np.diff(bounds) >= 0).all())
                and self.signatures.total == total)


class NearDuplicates:
    """Lookups on one searcher's view of the index (make a new one when the searcher is refreshed)."""

    def __init__(self, searcher: Searcher, tables: BandTables | None = None):
        self.searcher = searcher
        self._reader = searcher.reader()
        self.tables = tables if tables is not None else BandTables.of_searcher(searcher)
        self._signatures = self.tables.signatures

    def signatures_of(self, docnums: npt.NDArray[np.int64]) -> npt.NDArray[np.uint16]:
        """The signatures (one a row; zeros: none) of documents."""
        return self._signatures.rows(docnums)

    def band_runs(self) -> list[tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]]:
        """Each band's shared keys sorted, and the document of each: equal neighbours are candidates
        (stories.py)."""
        return [self.tables.band(band) for band in range(BANDS)]

    def of(self, docnum: int, threshold: float = NEAR_DUPLICATE,
           among: Sequence[int] | npt.NDArray[np.int64] | None = None) -> list[tuple[int, float]]:
        """(docnum, estimated similarity 0..1) of the document's near duplicates, best first; with
        `among` (sorted document numbers), only those in it."""
        if not 0 <= docnum < self._signatures.total:
            return []
        mine = self._signatures.rows(np.array([docnum], dtype=np.int64))[0]
        if not mine.any():  # no signature: a text too short to sketch
            return []
        wanted = band_keys(mine[None, :])[0]
        runs = []
        for band in range(BANDS):
            keys, docs = self.tables.band(band)
            start = int(np.searchsorted(keys, wanted[band], side="left"))
            end = int(np.searchsorted(keys, wanted[band], side="right"))
            if end - start > 1:
                runs.append(docs[start:end])
        candidates = np.unique(np.concatenate(runs or [np.zeros(0, dtype=np.uint32)])).astype(np.int64)
        candidates = candidates[candidates != docnum]
        if among is not None and len(candidates):
            chosen = np.asarray(among, dtype=np.int64)
            at = np.minimum(np.searchsorted(chosen, candidates), max(len(chosen) - 1, 0))
            candidates = candidates[chosen[at] == candidates] if len(chosen) else candidates[:0]
        if self._reader.has_deletions():
            candidates = candidates[[not self._reader.is_deleted(int(other)) for other in candidates.tolist()]]
        if not len(candidates):
            return []
        scores = np.count_nonzero(self._signatures.rows(candidates) == mine, axis=1) / len(mine)
        keep = scores >= threshold
        return sorted(zip(candidates[keep].tolist(), scores[keep].tolist(), strict=True),
                      key=lambda pair: (-pair[1], pair[0]))

    def docnum(self, article_id: str) -> int | None:
        found = self.searcher.document_number(id=article_id)
        return int(found) if found is not None else None


assert BANDS * ROWS <= PERMUTATIONS
