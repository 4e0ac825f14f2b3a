"""The stories kept beside the index, so that opening a large archive does not group them again.

Grouping the near duplicates into stories reads every signature and sorts every band key (1.6 s at
200,000 articles): too long to stand between opening the archive and its first count. The indexer
therefore writes each committed state's labels (docnum -> its story's smallest docnum, stories.py)
to a file of the index folder, and a searcher of that state reads them back in milliseconds.

The file's name holds the index generation and a digest of its segments and their deletions, so a
searcher never reads the labels of another state (a rebuilt index starts its generations again). A
missing, damaged or foreign file only means grouping again; the next sync writes it. The index's
own files are untouched (Whoosh deletes only the files it names)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt
from whoosh.reading import IndexReader

PREFIX = "bayegan-stories-"


def _state(reader: IndexReader) -> str | None:
    """A name for the committed state the reader sees; None for an empty index."""
    generation = reader.generation()
    leaves = [leaf.segment() for leaf, _ in reader.leaf_readers()]
    if generation is None or generation < 0 or not leaves or any(segment is None for segment in leaves):
        return None
    segments = ";".join(f"{segment.segment_id()}:{segment.deleted_count()}" for segment in leaves)
    return f"{generation}-{hashlib.sha1(segments.encode()).hexdigest()[:16]}"


def stories_path(folder: Path, reader: IndexReader) -> Path | None:
    """Where the stories of the reader's state are kept (None: an empty index keeps none)."""
    state = _state(reader)
    return folder / f"{PREFIX}{state}.npy" if state is not None else None


def load_labels(folder: Path, reader: IndexReader) -> npt.NDArray[np.int64] | None:
    """The labels kept for the reader's state, or None when there are none to trust."""
    path = stories_path(folder, reader)
    if path is None:
        return None
    try:
        labels = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError):  # missing, cut short by a full disk, not an array
        return None
    if labels.dtype != np.int64 or labels.shape != (reader.doc_count_all(),):
        return None
    kept: npt.NDArray[np.int64] = labels
    return kept


def save_labels(folder: Path, reader: IndexReader, labels: npt.NDArray[np.int64]) -> None:
    """Keeps the labels of the reader's state, and drops those of every other state. Written whole
    under a temporary name first: a reader never sees half a file. A folder that cannot be written
    keeps nothing, and is no error."""
    path = stories_path(folder, reader)
    if path is None:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as out:
            np.save(out, np.asarray(labels, dtype=np.int64), allow_pickle=False)
        os.replace(temporary, path)
    except OSError:  # a full disk, a read-only folder: searchers group the stories themselves
        temporary.unlink(missing_ok=True)
        return
    for old in folder.glob(f"{PREFIX}*"):
        if old != path and not (old.suffix == ".tmp" and _recent(old)):
            old.unlink(missing_ok=True)


def _recent(path: Path) -> bool:
    """A temporary file another process may still be writing (less than a minute old); older ones
    are what a crash left."""
    try:
        return time.time() - path.stat().st_mtime < 60
    except OSError:
        return False
