"""The near-duplicate tables and stories kept beside the index, so that opening a large archive does
not work them out again.

A searcher's near-duplicate lookups need every signature read and every LSH band key sorted, and the
stories need every candidate pair checked (together ~3 s at 200,000 articles, more than the rest of
opening the archive): too long to stand between opening the archive and its first results. The indexer
therefore writes them for each committed state at the end of its sync (`Archive.sync`), and a searcher
of that state maps them (`np.load(mmap_mode="r")`: opening costs milliseconds, and only the pages a
lookup touches are read into memory, shared by the searchers of the process). The signatures the
lookups compare are not among them: they are mapped from the index's own `sketch` column
(near_duplicates.Signatures).

The files' names hold the index generation and a digest of its segments and their deletions, so a
searcher never reads another state's tables (a rebuilt index starts its generations again). A missing,
damaged or foreign file only means working them out again; the next sync writes them. The index's
own files are untouched (Whoosh deletes only the files it names)."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt
from whoosh.reading import IndexReader

from viewer.search.copies.near_duplicates import BandTables, Signatures

PREFIX = "bayegan-copies-"
_TABLES = ("keys", "docs", "bounds")  # BandTables' arrays
_mapped: dict[Path, BandTables] = {}  # the tables last mapped, by their keys file (one state)
_mapping = threading.Lock()


def _state(reader: IndexReader) -> str | None:
    """A name for the committed state the reader sees; None for an empty index."""
    generation = reader.generation()
    leaves = [leaf.segment() for leaf, _ in reader.leaf_readers()]
    if generation is None or generation < 0 or not leaves or any(segment is None for segment in leaves):
        return None
    segments = ";".join(f"{segment.segment_id()}:{segment.deleted_count()}" for segment in leaves)
    return f"{generation}-{hashlib.sha1(segments.encode()).hexdigest()[:16]}"


def kept_path(folder: Path, reader: IndexReader, name: str) -> Path | None:
    """Where the array `name` (labels, keys, docs, bounds) of the reader's state is kept (None:
    an empty index keeps none)."""
    state = _state(reader)
    return folder / f"{PREFIX}{state}-{name}.npy" if state is not None else None


def _load(folder: Path, reader: IndexReader, name: str, mapped: bool) -> npt.NDArray[np.generic] | None:
    path = kept_path(folder, reader, name)
    if path is None:
        return None
    try:
        found: npt.NDArray[np.generic] = np.load(path, mmap_mode="r" if mapped else None, allow_pickle=False)
    except (OSError, ValueError, EOFError):  # missing, cut short by a full disk, not an array
        return None
    return found


def load_labels(folder: Path, reader: IndexReader) -> npt.NDArray[np.int64] | None:
    """The story labels kept for the reader's state (stories.py), or None when there are none to trust."""
    labels = _load(folder, reader, "labels", mapped=False)
    if labels is None or labels.dtype != np.int32 or labels.shape != (reader.doc_count_all(),):
        return None  # missing, damaged, or schema 12's int64 labels (kept again by the next sync)
    return labels.astype(np.int64)


def load_tables(folder: Path, reader: IndexReader) -> BandTables | None:
    """The band tables kept for the reader's state, mapped from their files, or None. The searchers of a
    state in one process share one mapping (a window has two: its search worker's and its reading pane's):
    each mapping's pages count in the process's memory again, and a lookup's binary searches touch
    most of them (the kernel maps 64 KB around each page read)."""
    path = kept_path(folder, reader, "keys")
    if path is None:
        return None
    with _mapping:
        shared = _mapped.get(path)
        if shared is None or not shared.fit(reader.doc_count_all()):
            shared = _map_tables(folder, reader)
            if shared is None:
                return None
            _mapped.clear()  # the tables of one state at a time: a sync's new searchers drop the old one
            _mapped[path] = shared
        return shared


def _map_tables(folder: Path, reader: IndexReader) -> BandTables | None:
    keys, docs, bounds = (_load(folder, reader, name, mapped=True) for name in _TABLES)
    if keys is None or docs is None or bounds is None:
        return None
    # Typed as the tables hold them; `fit` checks that they are.
    tables = BandTables(cast("npt.NDArray[np.uint32]", keys), cast("npt.NDArray[np.uint32]", docs),
                        cast("npt.NDArray[np.int64]", bounds), Signatures.of_reader(reader))
    return tables if tables.fit(reader.doc_count_all()) else None


def is_kept(folder: Path, reader: IndexReader) -> bool:
    """The reader's state has its stories and band tables kept, readable."""
    return load_labels(folder, reader) is not None and load_tables(folder, reader) is not None


def save(folder: Path, reader: IndexReader, labels: npt.NDArray[np.int64], tables: BandTables) -> None:
    """Keeps the stories and band tables of the reader's state, and drops those of every other state.
    Each file is written whole under a temporary name first: a reader never sees half a file. A
    folder that cannot be written keeps nothing, and is no error."""
    if len(labels) >= 1 << 31:  # labels are docnums, kept as int32: past that, searchers group them
        return
    arrays = {"labels": np.asarray(labels, dtype=np.int32), **{name: np.asarray(getattr(tables, name)) for name in _TABLES}}
    written: list[Path] = []
    for name, array in arrays.items():
        path = kept_path(folder, reader, name)
        if path is None:
            return
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as out:
                np.save(out, array, allow_pickle=False)
            os.replace(temporary, path)
        except OSError:  # a full disk, a read-only folder: searchers work them out themselves
            temporary.unlink(missing_ok=True)
            for done in written:
                done.unlink(missing_ok=True)
            return
        written.append(path)
    for old in folder.glob(f"{PREFIX}*"):
        if old not in written and not (old.suffix == ".tmp" and _recent(old)):
            try:
                old.unlink(missing_ok=True)
            except OSError:  # mapped by another process's searcher (Windows): the next sync drops it
                pass


def _recent(path: Path) -> bool:
    """A temporary file another process may still be writing (less than a minute old); older ones
    are what a crash left."""
    try:
        return time.time() - path.stat().st_mtime < 60
    except OSError:
        return False
