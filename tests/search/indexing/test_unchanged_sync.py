"""A sync of the same folders with nothing changed is done from a few bytes beside the index
(viewer/search/indexing/unchanged.py) without loading the manifest; anything changed, added, gone,
another folder or another commit since takes the whole sync, and finds what it found before."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

from tests.conftest import CORPUS_DIR, data_file
from viewer.core.paths import DataPaths
from viewer.core.results import SyncReport
from viewer.search.archive import Archive
from viewer.search.indexing.manifest import MANIFEST_NAME
from viewer.search.indexing.unchanged import UNCHANGED_NAME

SEED = 4411


def _corpus(folder: Path) -> Path:
    """Real articles of the test corpus in seeded files of 5 to 30."""
    print("seed", SEED)
    rng = random.Random(SEED)
    items: list[dict[str, Any]] = json.loads(data_file(CORPUS_DIR / "fars-news-2.json").read_text("utf-8"))
    rng.shuffle(items)
    folder.mkdir()
    start, number = 0, 0
    while start < len(items):
        size = rng.randrange(5, 30)
        (folder / f"part-{number:03d}.json").write_text(json.dumps(items[start:start + size], ensure_ascii=False), "utf-8")
        start, number = start + size, number + 1
    return folder


def _sync(paths: DataPaths, *roots: Path) -> SyncReport:
    with Archive(paths) as archive:
        return archive.sync(list(roots))


def _ids(paths: DataPaths) -> list[str]:
    """The ids of the index's live articles."""
    with Archive(paths) as archive, archive.ix.reader() as reader:
        return sorted(str(fields["id"]) for fields in reader.all_stored_fields())


def _manifest_identity(paths: DataPaths) -> tuple[int, int]:
    stat = (paths.index_dir / MANIFEST_NAME).stat()
    return stat.st_ino, stat.st_mtime_ns


def _age(folder: Path, later: int = 0) -> None:
    """Every file's time set back (by its name) to a year ago, `later` seconds on: none was written in
    the clock tick of the sync that reads it (a sync reads such a file again the next time)."""
    for path in folder.iterdir():
        seconds = 1_765_000_000 + later + int(path.stem.rsplit("-", 1)[-1]) if path.stem[-1].isdigit() else 1_765_000_000
        os.utime(path, ns=(path.stat().st_atime_ns, seconds * 10**9))


def test_a_sync_with_nothing_changed_leaves_the_manifest_unread_and_unwritten(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "news")
    _age(source)
    paths = DataPaths.resolve(tmp_path / "data")
    first = _sync(paths, source)
    assert first.added > 100 and (paths.index_dir / UNCHANGED_NAME).exists()
    before = _manifest_identity(paths)
    again = _sync(paths, source)
    # the manifest is written anew (a new file by rename) by every whole sync; not by this one
    assert _manifest_identity(paths) == before
    assert (again.added, again.updated, again.removed, again.files_read) == (0, 0, 0, 0)
    assert again.unchanged == first.added


def test_every_change_takes_the_whole_sync_and_finds_what_a_clean_sync_finds(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "news")
    _age(source)
    other = tmp_path / "other"
    other.mkdir()
    (source / "part-001.json").rename(other / "moved.json")
    paths = DataPaths.resolve(tmp_path / "data")
    _sync(paths, source)
    files = sorted(source.glob("*.json"))

    files[0].unlink()  # a file gone
    gone = _sync(paths, source)
    assert gone.removed > 0

    files[1].write_text(files[2].read_text("utf-8"), "utf-8")  # a file changed to another's articles
    os.utime(files[1], ns=(0, 1_765_500_000 * 10**9))
    changed = _sync(paths, source)
    assert changed.files_read == 1 and changed.removed > 0

    added = _sync(paths, source, other)  # another folder
    assert added.added > 0

    stat = files[3].stat()  # the same size and another time: read again, its articles the same
    os.utime(files[3], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    touched = _sync(paths, source, other)
    assert touched.files_read == 1 and (touched.added, touched.removed) == (0, 0)

    quiet = _sync(paths, source, other)
    assert quiet.files_read == 0
    clean = DataPaths.resolve(tmp_path / "clean")
    _sync(clean, source, other)
    assert _ids(paths) == _ids(clean)


def test_a_rebuilt_index_is_filled_whatever_was_left_beside_it(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "news")
    _age(source)
    paths = DataPaths.resolve(tmp_path / "data")
    first = _sync(paths, source)
    kept = (paths.index_dir / UNCHANGED_NAME).read_text("utf-8")
    (paths.index_dir / "bayegan-index-version").write_text("0", "utf-8")  # another schema's: rebuilt
    with Archive(paths) as archive:
        (paths.index_dir / UNCHANGED_NAME).write_text(kept, "utf-8")  # as if the rebuild had left it
        again = archive.sync([source])
    assert again.added == first.added
    assert len(_ids(paths)) == first.added
