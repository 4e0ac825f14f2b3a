"""What a sync left behind, in a few bytes: the folders it synced, the size and time of every file
under them as the manifest records it, and the index and manifest it wrote. The next sync of the same
folders walks them (a `stat` a file) and, when every file is as recorded, is done without loading the
manifest: at 1,000,000 articles loading it and placing every file again as unchanged took 15 s and
2.7 GB at each start of the window.

Anything else (another folder, a file added, changed, gone or failing, a folder that cannot be listed,
another commit or manifest since, a file changed in the clock tick of the last sync, another schema)
takes the whole sync, as before."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from viewer.core.atomic_write import write_text_atomically
from viewer.search.indexing.manifest import Manifest, manifest_path

UNCHANGED_NAME = "bayegan-unchanged.json"

FileStat = tuple[str, int, int]  # path, size, mtime in ns


def files_digest(stats: Iterable[FileStat]) -> str:
    """One digest of files' paths, sizes and times, whatever their order."""
    digest = hashlib.sha256()
    for path, size, mtime_ns in sorted(stats):
        digest.update(f"{path}\0{size}\0{mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _state(index_dir: Path, version: str, generation: int, roots: list[Path], digest: str) -> dict[str, Any]:
    stat = manifest_path(index_dir).stat()
    return {"version": version, "generation": generation, "manifest": [stat.st_size, stat.st_mtime_ns],
            "roots": sorted(str(root) for root in roots), "files": digest}


_ARTICLES = "articles"  # the articles the index held from the files: the next sync's `unchanged`


def remember(index_dir: Path, version: str, generation: int, roots: list[Path], manifest: Manifest,
             under: Iterable[str], articles: int) -> None:
    """After a sync whose manifest is saved and trusted: the files of `under` (its records under the
    synced roots) as the manifest holds them, and the number of articles indexed."""
    digest = files_digest((path, manifest.files[path].size, manifest.files[path].mtime_ns) for path in under)
    state = {**_state(index_dir, version, generation, roots, digest), _ARTICLES: articles}
    write_text_atomically(index_dir / UNCHANGED_NAME, json.dumps(state))


def forget(index_dir: Path) -> None:
    """Before a sync that may change the index: the next one must not take the old state for its own."""
    (index_dir / UNCHANGED_NAME).unlink(missing_ok=True)


def articles_if_unchanged(index_dir: Path, version: str, generation: int, roots: list[Path],
                          found: Iterable[Path]) -> int | None:
    """The number of articles indexed when the files `found` under `roots` are every file the last
    sync of the same roots left recorded, each with the same size and time, and the index and the
    manifest are still that sync's; otherwise None."""
    try:
        kept = json.loads((index_dir / UNCHANGED_NAME).read_text("utf-8"))
        if not isinstance(kept, dict) or not isinstance(articles := kept.pop(_ARTICLES, None), int):
            return None
        stats = []
        for path in found:
            stat = path.stat()
            stats.append((str(path), stat.st_size, stat.st_mtime_ns))
        return articles if kept == _state(index_dir, version, generation, roots, files_digest(stats)) else None
    except (OSError, ValueError):
        return None
