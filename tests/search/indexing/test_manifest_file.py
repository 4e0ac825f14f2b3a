"""The manifest beside the index (viewer/search/indexing/manifest.py) is kept compressed (schema 13:
~178 bytes an article as JSON, about a third of it compressed); an archive an older Bayegan left
with the plain JSON manifest syncs on from it without reading its files again, and a damaged
manifest only means reading every file again."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zstandard

from tests.conftest import CORPUS_DIR, data_file
from viewer.core.paths import DataPaths
from viewer.core.results import SyncReport
from viewer.search.archive import Archive
from viewer.search.indexing.archive_index import INDEX_VERSION
from viewer.search.indexing.manifest import LEGACY_MANIFEST_NAME, MANIFEST_NAME, Manifest, copied_files

SEED = 3030


def _corpus(folder: Path, rng: random.Random) -> Path:
    """Real articles of the test corpus in files of seeded sizes, one file holding a copy of another's."""
    items: list[dict[str, Any]] = []
    for name in ("fars-news-2.json", "varzesh3-2.json"):
        items += json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    rng.shuffle(items)
    folder.mkdir()
    start, number = 0, 0
    while start < len(items):
        size = rng.randrange(5, 40)
        (folder / f"part-{number:03d}.json").write_text(json.dumps(items[start:start + size], ensure_ascii=False), "utf-8")
        start, number = start + size, number + 1
    (folder / "zz-copy.json").write_text(json.dumps(items[:3], ensure_ascii=False), "utf-8")
    return folder


def _synced(tmp_path: Path) -> tuple[Path, DataPaths, SyncReport]:
    """The seeded corpus synced into a new archive: its folder, the data paths and the sync's report."""
    print("seed", SEED)
    source = _corpus(tmp_path / "archive", random.Random(SEED))
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        report = archive.sync([source])
    return source, paths, report


def _plain(index_dir: Path) -> dict[str, Any]:
    """The manifest's JSON, as a plain reading of the compressed file gives it."""
    loaded: dict[str, Any] = json.loads(zstandard.ZstdDecompressor().decompress((index_dir / MANIFEST_NAME).read_bytes()))
    return loaded


def test_the_manifest_is_kept_compressed_and_reads_back_whole(tmp_path: Path) -> None:
    source, paths, report = _synced(tmp_path)
    assert report.added > 200
    index_dir = paths.index_dir
    assert not (index_dir / LEGACY_MANIFEST_NAME).exists()
    plain = _plain(index_dir)
    as_text = json.dumps(plain, ensure_ascii=False).encode("utf-8")
    assert (index_dir / MANIFEST_NAME).stat().st_size < 0.45 * len(as_text)
    loaded = Manifest.load(index_dir, INDEX_VERSION)
    assert not loaded.pending and len(loaded.files) == len(plain["files"]) == len(list(source.glob("*.json")))
    assert sum(len(record.articles) for record in loaded.files.values()) == report.added + 3
    assert len(copied_files(index_dir, INDEX_VERSION)) == 3


def test_an_archive_with_an_older_bayegans_plain_manifest_syncs_on_from_it(tmp_path: Path) -> None:
    source, paths, synced = _synced(tmp_path)
    added = synced.added
    index_dir = paths.index_dir
    plain = _plain(index_dir)
    (index_dir / LEGACY_MANIFEST_NAME).write_text(json.dumps(plain, ensure_ascii=False), "utf-8")
    (index_dir / MANIFEST_NAME).unlink()  # as an older Bayegan left it
    assert len(copied_files(index_dir, INDEX_VERSION)) == 3  # read from the plain one
    (source / "part-000.json").unlink()
    with Archive(paths) as archive:
        report = archive.sync([source])
    # only the file that went is read as changed: the others are known from the plain manifest
    assert report.added == report.updated == 0 and report.removed > 0
    assert report.unchanged + report.removed + 3 >= added
    assert (index_dir / MANIFEST_NAME).exists() and not (index_dir / LEGACY_MANIFEST_NAME).exists()
    assert len(_plain(index_dir)["files"]) == len(plain["files"]) - 1


@pytest.mark.parametrize("damage", ["cut short", "not zstd"])
def test_a_damaged_manifest_means_reading_every_file_again(tmp_path: Path, damage: str) -> None:
    source, paths, synced = _synced(tmp_path)
    added = synced.added
    manifest = paths.index_dir / MANIFEST_NAME
    kept = tmp_path / "manifest"
    shutil.copy(manifest, kept)
    raw = manifest.read_bytes()
    manifest.write_bytes(raw[: len(raw) // 2] if damage == "cut short" else b"{" + raw[1:])
    assert Manifest.load(paths.index_dir, INDEX_VERSION).pending
    with Archive(paths) as archive:
        report = archive.sync([source])  # every file read again: its articles count as added
        assert report.removed == 0 and report.files_read == len(list(source.glob("*.json")))
        with archive.searcher() as searcher:
            assert searcher.doc_count == added
    # the same records (a file written in the clock tick of its sync has its time taken again)
    assert _records(_plain(paths.index_dir)) == _records(json.loads(zstandard.ZstdDecompressor().decompress(kept.read_bytes())))


def _records(manifest: dict[str, Any]) -> dict[str, tuple[object, ...]]:
    return {path: (record["size"], record["sha1"], record["articles"], record["items"])
            for path, record in manifest["files"].items()}


def test_an_archive_schema_12_left_is_rebuilt_and_keeps_none_of_its_files(tmp_path: Path) -> None:
    """What schema 12 left beside its index: the plain JSON manifest, the copies tables with the
    signatures (`held`) and 64-bit keys, a word table of 3-byte numbering. The version file sends
    the archive to a rebuild from its folders; nothing of the old files is read or left."""
    source, paths, synced = _synced(tmp_path)
    added = synced.added
    index_dir = paths.index_dir
    old_version = re.sub(r"^schema\d+-", "schema12-", INDEX_VERSION)
    assert old_version != INDEX_VERSION
    plain = _plain(index_dir)
    (index_dir / LEGACY_MANIFEST_NAME).write_text(json.dumps(dict(plain, version=old_version), ensure_ascii=False), "utf-8")
    (index_dir / MANIFEST_NAME).unlink()
    (index_dir / "bayegan-index-version").write_text(old_version, "utf-8")
    state = next(index_dir.glob("bayegan-copies-*-labels.npy")).name.removesuffix("-labels.npy")
    for name, array in (("held", np.zeros((4, 64), dtype=np.uint32)), ("keys", np.arange(84, dtype=np.uint64)),
                        ("row_of", np.zeros(added, dtype=np.int64)), ("labels", np.arange(added, dtype=np.int64))):
        np.save(index_dir / f"{state}-{name}.npy", array)
    with Archive(paths) as archive:
        with archive.searcher() as searcher:
            assert searcher.doc_count == 0  # rebuilt: the old segments are gone
        report = archive.sync([source])
        assert report.added == added
        with archive.searcher() as searcher:
            assert searcher.doc_count == added
            assert len(searcher.stories().labels) == added
    assert (index_dir / "bayegan-index-version").read_text("utf-8") == INDEX_VERSION
    assert not (index_dir / LEGACY_MANIFEST_NAME).exists() and _plain(index_dir)["version"] == INDEX_VERSION
    kept = sorted(path.name.rsplit("-", 1)[1] for path in index_dir.glob("bayegan-copies-*"))
    assert kept == ["bounds.npy", "docs.npy", "keys.npy", "labels.npy"]
