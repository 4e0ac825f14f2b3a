"""Near duplicates: a MinHash sketch (datasketch) of each article's text, and its LSH bands in an
SQLite file beside the index, so that a new article is compared with the stored sketches through
indexed band lookups — never a pass over the archive.

Two texts are near duplicates when their estimated Jaccard similarity of folded word 3-grams is at
least `NEAR_DUPLICATE`: a republished story (title changed, a paragraph cut, words edited) scores
0.6-0.95; another story on the same topic 0.0-0.1 (benchmarks/duplicates.py measures both).
"""

from __future__ import annotations

import sqlite3
import zlib
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from viewer.search.duplicates import folded_words

SKETCHES_NAME = "bayegan-sketches.sqlite3"
PERMUTATIONS = 64
# datasketch's MinHashLSH(threshold=0.4, num_perm=64) chooses these: 16 bands of 4 rows. The LSH
# threshold is below NEAR_DUPLICATE so that pairs just above it are not missed.
BANDS, ROWS = 16, 4
NEAR_DUPLICATE = 0.5
SHINGLE = 3
# A story's opening carries it: republications keep it and cut or edit further down, and two stories
# on one topic do not share its 3-grams. Sketching the opening only halves the cost of a long article.
SKETCH_WORDS = 200
MIN_SHINGLES = 10  # shorter texts (a caption, a one-line brief) are not sketched: too little to tell
_SEED = 1
_SCHEME = "affine32"  # datasketch 2's 32-bit scheme: signatures of 32-bit values

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sketch (id TEXT PRIMARY KEY, sig BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS band (key BLOB NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS band_key ON band (key);
CREATE INDEX IF NOT EXISTS band_id ON band (id);
"""


def shingles(words: list[str]) -> list[bytes]:
    """The word 3-grams of the first SKETCH_WORDS words (repeats kept: MinHash ignores them)."""
    words = words[:SKETCH_WORDS]
    return list(map(str.encode, map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False))))


@cache
def _permutations() -> object:
    """The MinHash permutations, drawn once (datasketch draws them per sketch: half its cost here)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME).permutations


def sketch_of(text: str, words: list[str] | None = None) -> bytes | None:
    """The MinHash signature of `text` (PERMUTATIONS 32-bit values), or None for a text too short.
    `words`: `folded_words(text)` when the caller has them already."""
    grams = shingles(folded_words(text) if words is None else words)
    if len(grams) < MIN_SHINGLES:
        return None
    from datasketch import MinHash

    # CRC-32 as the base hash: C speed (datasketch's default SHA-1 is a Python call per 3-gram, 4x the
    # cost); the scheme mixes its values before the permutations.
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED, hashfunc=zlib.crc32, permutations=_permutations(),
                      scheme=_SCHEME)
    minhash.update_batch(grams)
    return bytes(minhash.hashvalues.astype("=u4").tobytes())  # native order, as `array("I")` reads it


def _jaccard(one: bytes, other: bytes) -> float:
    """MinHash's estimate (datasketch's `MinHash.jaccard`: the share of equal minimums), read straight
    from two stored signatures: searching never imports datasketch and its scipy (0.5-3 s)."""
    first, second = array("I", one), array("I", other)
    return sum(a == b for a, b in zip(first, second, strict=True)) / PERMUTATIONS


def _band_keys(sig: bytes) -> list[bytes]:
    width = ROWS * 4
    return [bytes([band]) + sig[band * width:(band + 1) * width] for band in range(BANDS)]


class SketchStore:
    """The sketches of one index. Writes wait for `commit` (after the index's own commit)."""

    def __init__(self, index_dir: Path):
        self.path = index_dir / SKETCHES_NAME
        # Searches may run on a worker thread of the window; each store is used by one thread at a time.
        self._db = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    @classmethod
    def existing(cls, index_dir: Path) -> SketchStore | None:
        """The store when a sync has written one (reading never creates it); None if it is unreadable."""
        if not (index_dir / SKETCHES_NAME).exists():
            return None
        try:
            return cls(index_dir)
        except sqlite3.Error:
            return None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SketchStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def clear(self) -> None:
        self._db.execute("DELETE FROM band")
        self._db.execute("DELETE FROM sketch")

    def put(self, article_id: str, sig: bytes | None) -> None:
        self.put_all({article_id: sig})

    def put_all(self, sigs: dict[str, bytes | None], *, replace: bool = True) -> None:
        """Store (or with None, drop) these sketches; `replace=False` when none of the ids is stored yet
        (a rebuild), which skips looking for old rows."""
        if replace:
            self._db.executemany("DELETE FROM band WHERE id = ?", [(i,) for i in sigs])
            self._db.executemany("DELETE FROM sketch WHERE id = ?", [(i,) for i in sigs])
        kept = [(i, sig) for i, sig in sigs.items() if sig is not None]
        self._db.executemany("INSERT INTO sketch (id, sig) VALUES (?, ?)", kept)
        self._db.executemany("INSERT INTO band (key, id) VALUES (?, ?)",
                             [(key, i) for i, sig in kept for key in _band_keys(sig)])

    def remove(self, article_id: str) -> None:
        self._db.execute("DELETE FROM band WHERE id = ?", (article_id,))
        self._db.execute("DELETE FROM sketch WHERE id = ?", (article_id,))

    def commit(self) -> None:
        self._db.commit()

    def rollback(self) -> None:
        self._db.rollback()

    def similar(self, article_id: str, threshold: float = NEAR_DUPLICATE) -> list[tuple[str, float]]:
        """(id, estimated Jaccard) of the article's near duplicates, best first."""
        row = self._db.execute("SELECT sig FROM sketch WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        return [(other, score) for other, score in self.similar_to(row[0], threshold) if other != article_id]

    def similar_to(self, sig: bytes, threshold: float = NEAR_DUPLICATE) -> list[tuple[str, float]]:
        keys = _band_keys(sig)
        rows = self._db.execute(
            "SELECT DISTINCT s.id, s.sig FROM band b JOIN sketch s ON s.id = b.id "
            f"WHERE b.key IN ({','.join('?' * len(keys))})", keys).fetchall()
        scored = [(other, _jaccard(sig, other_sig)) for other, other_sig in rows]
        return sorted((p for p in scored if p[1] >= threshold), key=lambda p: (-p[1], p[0]))

    def ids(self) -> Iterable[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM sketch")]
