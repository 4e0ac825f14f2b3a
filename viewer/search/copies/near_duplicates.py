"""Near duplicates as the searcher gives them: an article's republished variants, and for search hits
the variants that match the same query.

The index holds each article's MinHash signature in a fixed-width column (no terms: band terms, nearly
all unique, cost Whoosh's writer a third more time). On first use a searcher reads the column in one
piece per segment and sorts its LSH band keys (12 bytes an article a band, ~50 MB at 200,000 articles);
an article's candidates are then one binary search for its bands, each checked with its signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from whoosh.searching import Searcher

from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.copies.fingerprints import BANDS, NEAR_DUPLICATE, PERMUTATIONS, ROWS, band_keys

SIGNATURE_BYTES = PERMUTATIONS * 4
_BAND_NUMBERS = np.arange(BANDS, dtype=np.uint64)[None, :]
_SHIFT = np.uint64(32)
_DOC_BITS = 64 - 32 - 5  # a packed (band, key, document) number: 5 bits of band, 32 of key, 27 of docnum
_DOC_SHIFT = np.uint64(_DOC_BITS)
_DOC_MASK = np.uint64((1 << _DOC_BITS) - 1)
_ROWS_AT_ONCE = 1 << 16  # signatures made band keys at a time (bounds the temporary arrays)


def _signatures(searcher: Searcher) -> npt.NDArray[np.uint32]:
    """Every document's signature (a row of zeros: none), by document number."""
    total = searcher.reader().doc_count_all()
    rows = np.zeros((total, PERMUTATIONS), dtype=np.uint32)
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if not reader.has_column("sketch"):
            continue
        column = reader.column_reader("sketch", translate=False)
        count = min(getattr(column, "_count", 0), reader.doc_count_all())
        dbfile, basepos = getattr(column, "_dbfile", None), getattr(column, "_basepos", None)
        if dbfile is not None and basepos is not None and count:  # FixedBytesColumn: a read per chunk
            for start in range(0, count, _ROWS_AT_ONCE):
                size = min(_ROWS_AT_ONCE, count - start)
                raw = dbfile.get(basepos + start * SIGNATURE_BYTES, size * SIGNATURE_BYTES)
                rows[offset + start:offset + start + size] = np.frombuffer(raw, dtype="<u4").reshape(size, PERMUTATIONS)
        else:
            count = reader.doc_count_all()
            raw = b"".join(column[n] for n in range(count))
            rows[offset:offset + count] = np.frombuffer(raw, dtype="<u4").reshape(count, PERMUTATIONS)
    return rows


def _held(sorted_keys: npt.NDArray[np.uint64], docs: npt.NDArray[np.uint32],
          total: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """The documents that share a band key with another (ascending), and each document's row among
    them (-1: none). Their signatures are kept in memory (none in an archive without near duplicates):
    a hit's copies are then scored in one numpy step instead of a column read each (~40 ms for ten
    hits with 60 copies each at 200,000 articles)."""
    same = sorted_keys[1:] == sorted_keys[:-1]
    shared = np.zeros(len(sorted_keys), dtype=bool)
    shared[1:] |= same
    shared[:-1] |= same
    marked = np.zeros(total, dtype=bool)
    marked[docs[shared]] = True
    held = np.flatnonzero(marked)  # np.unique would sort, or hash: seconds at 200,000 articles
    row_of = np.full(total, -1, dtype=np.int64)
    row_of[held] = np.arange(len(held))
    return held, row_of


def _compacted(signatures: npt.NDArray[np.uint32], held: npt.NDArray[np.intp]) -> npt.NDArray[np.uint32]:
    """`signatures[held]` (`held` ascending), moved to the first rows in place when most are held,
    rather than copied: the copy would double the largest array of the step."""
    if 2 * len(held) < len(signatures):
        return signatures[held]
    for start in range(0, len(held), _ROWS_AT_ONCE):  # row held[i] >= i: no row is overwritten before it is read
        rows = held[start:start + _ROWS_AT_ONCE]
        signatures[start:start + len(rows)] = signatures[rows]
    return signatures[:len(held)]


@dataclass(frozen=True)
class BandTables:
    """What a searcher's near-duplicate lookups read: every (band, key) sorted with its document, and
    the signatures of the documents that share a band key with another (`held`, row `row_of[docnum]`,
    -1 for the others). Worked out from the index's signatures (`of_searcher`), or as the indexer kept
    them (kept_tables.py)."""

    keys: npt.NDArray[np.uint64]
    docs: npt.NDArray[np.uint32]
    row_of: npt.NDArray[np.int64]
    held: npt.NDArray[np.uint32]

    @classmethod
    def of_searcher(cls, searcher: Searcher, cancel: Cancel = never) -> BandTables:
        """Worked out from the index's signatures, asking `cancel` between chunks (CancelledError).
        Memory: the signatures, one packed (band, key, document) number per band of each, and the
        tables (~600 bytes an article at the peak, against ~1.5 KB sorting keys and an argsort)."""
        signatures = _signatures(searcher)
        total = len(signatures)
        stop_if_cancelled(cancel)
        if total >= 1 << _DOC_BITS:  # more documents than the packed number holds a place for
            return cls._of_signatures_argsorted(signatures)
        # (band << 32 | key) << _DOC_BITS | docnum, sorted: the (band, key) order of the tables, equal
        # keys by document as a stable sort of the keys kept them.
        packed = np.empty((total, BANDS), dtype=np.uint64)
        filled = 0  # the documents with a signature, packed in document order
        for start in range(0, total, _ROWS_AT_ONCE):
            stop_if_cancelled(cancel)
            rows = signatures[start:start + _ROWS_AT_ONCE]
            live = np.flatnonzero(rows.any(axis=1))
            part = packed[filled:filled + len(live)]
            part[:] = band_keys(rows[live])
            part |= _BAND_NUMBERS << _SHIFT
            part <<= _DOC_SHIFT
            part |= (live + start).astype(np.uint64)[:, None]
            filled += len(live)
        sorted_keys = packed[:filled].reshape(-1)
        stop_if_cancelled(cancel)
        sorted_keys.sort()
        stop_if_cancelled(cancel)
        docs = sorted_keys.astype(np.uint32)  # the low 32 bits: 5 of the key, then the docnum
        docs &= np.uint32(_DOC_MASK)
        sorted_keys >>= _DOC_SHIFT
        held, row_of = _held(sorted_keys, docs, total)
        return cls(sorted_keys, docs, row_of, _compacted(signatures, held))

    @classmethod
    def _of_signatures_argsorted(cls, signatures: npt.NDArray[np.uint32]) -> BandTables:
        has_signature = signatures.any(axis=1)
        live = np.flatnonzero(has_signature).astype(np.uint32)
        keys = band_keys(signatures[live]) if len(live) else np.zeros((0, BANDS), dtype=np.uint32)
        combined = (_BAND_NUMBERS << _SHIFT) | keys.astype(np.uint64)
        order = np.argsort(combined, axis=None, kind="stable")
        sorted_keys = combined.ravel()[order]
        docs = np.repeat(live, BANDS)[order]
        held, row_of = _held(sorted_keys, docs, len(signatures))
        return cls(sorted_keys, docs, row_of, signatures[held])

    def fit(self, total: int) -> bool:
        """Whether the tables are whole and made for an index of `total` documents (kept ones are checked)."""
        return (self.keys.dtype == np.uint64 and self.docs.dtype == np.uint32 and self.row_of.dtype == np.int64
                and self.held.dtype == np.uint32 and self.keys.shape == self.docs.shape and self.keys.ndim == 1
                and self.row_of.shape == (total,) and self.held.ndim == 2 and self.held.shape[1] == PERMUTATIONS
                and (not len(self.held) or int(self.row_of.max()) == len(self.held) - 1))


class NearDuplicates:
    """Lookups on one searcher's view of the index (make a new one when the searcher is refreshed)."""

    def __init__(self, searcher: Searcher, tables: BandTables | None = None):
        self.searcher = searcher
        self._reader = searcher.reader()
        self.tables = tables if tables is not None else BandTables.of_searcher(searcher)
        self._keys, self._docs = self.tables.keys, self.tables.docs
        self._row_of, self._held = self.tables.row_of, self.tables.held

    def held_signatures(self, docnums: npt.NDArray[np.int64]) -> npt.NDArray[np.uint32]:
        """The signatures (one a row) of documents that share a band key with another (every
        candidate of `band_runs` does)."""
        rows = self._row_of[docnums]
        if len(rows) and int(rows.min()) < 0:
            raise ValueError("a document that shares no band key")
        return self._held[rows]

    def band_runs(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32]]:
        """Every (band, key) sorted, and the document of each: equal neighbours are candidates (stories.py)."""
        return self._keys, self._docs

    def of(self, docnum: int, threshold: float = NEAR_DUPLICATE,
           among: Sequence[int] | npt.NDArray[np.int64] | None = None) -> list[tuple[int, float]]:
        """(docnum, estimated similarity 0..1) of the document's near duplicates, best first; with
        `among` (sorted document numbers), only those in it."""
        row = int(self._row_of[docnum]) if 0 <= docnum < len(self._row_of) else -1
        if row < 0:  # no band shared with another article, or no signature
            return []
        mine = self._held[row]
        wanted = (_BAND_NUMBERS[0] << _SHIFT) | band_keys(mine[None, :])[0].astype(np.uint64)
        starts = np.searchsorted(self._keys, wanted, side="left")
        ends = np.searchsorted(self._keys, wanted, side="right")
        candidates = np.unique(np.concatenate([self._docs[start:end] for start, end
                                               in zip(starts.tolist(), ends.tolist(), strict=True) if end - start > 1]
                                              or [np.zeros(0, dtype=np.uint32)])).astype(np.int64)
        candidates = candidates[candidates != docnum]
        if among is not None and len(candidates):
            chosen = np.asarray(among, dtype=np.int64)
            at = np.minimum(np.searchsorted(chosen, candidates), max(len(chosen) - 1, 0))
            candidates = candidates[chosen[at] == candidates] if len(chosen) else candidates[:0]
        if self._reader.has_deletions():
            candidates = candidates[[not self._reader.is_deleted(int(other)) for other in candidates.tolist()]]
        if not len(candidates):
            return []
        scores = np.count_nonzero(self._held[self._row_of[candidates]] == mine, axis=1) / len(mine)
        keep = scores >= threshold
        return sorted(zip(candidates[keep].tolist(), scores[keep].tolist(), strict=True),
                      key=lambda pair: (-pair[1], pair[0]))

    def docnum(self, article_id: str) -> int | None:
        found = self.searcher.document_number(id=article_id)
        return int(found) if found is not None else None


assert BANDS * ROWS <= PERMUTATIONS and BANDS <= 32  # 5 bits of band in a packed number
