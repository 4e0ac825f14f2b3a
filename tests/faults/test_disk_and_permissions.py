"""A data folder that cannot be written (a regular file in its place, a read-only mount) or a full
disk: a clear bilingual message, a non-zero exit, no traceback and no partial state — the index
holds what it held, and the next run with room to write completes."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faults.child_cli import assert_bilingual_error, assert_no_traceback, run_bayegan
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_here, index_json, indexed_articles, reference_index
from viewer.search.indexing.archive_index import INDEX_VERSION
from viewer.search.indexing.manifest import MANIFEST_NAME, manifest_pending


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """A small RAM file system of our own: a real full disk and a real read-only mount, which chmod
    cannot give (the tests may run as root). Skipped where mounting is not allowed."""
    mounts: list[Path] = []

    def mount(size: str = "20m") -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        result = _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point))
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {result.stderr.strip()}")
        mounts.append(point)
        return point

    yield mount
    for point in mounts:
        if subprocess.run(["umount", str(point)], capture_output=True, timeout=30).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30)


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (the lock file aside: an empty file whose OS lock is all that matters)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("WRITELOCK")}


@pytest.fixture
def small_and_large(tmp_path: Path) -> tuple[Path, Path]:
    small, large = tmp_path / "small", tmp_path / "large"
    write_archive(small, corpus_items("fars-news-1.json", 10), per_file=10)
    write_archive(large, corpus_items("fars-news-1.json", 300)[10:], per_file=145)
    return small, large


@pytest.mark.parametrize("where", ["is a file", "is under a file"])
def test_data_folder_that_is_a_file(tmp_path: Path, small_and_large: tuple[Path, Path], where: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", "utf-8")
    data = blocker if where == "is a file" else blocker / "data"
    for args in (("index", small_and_large[0]), ("list", "--json"), ("search", "فارس"), ("tags",)):
        result = run_bayegan(data, *args)
        assert_bilingual_error(result)
        assert str(blocker) in result.stderr
    assert blocker.read_text("utf-8") == "a file where the data folder should be"


def test_read_only_data_folder(tmp_path: Path, tmpfs: Callable[..., Path], small_and_large: tuple[Path, Path]) -> None:
    small, large = small_and_large
    mount_point = tmpfs()
    data = mount_point / "data"
    index_here(data, small)
    some_id = next(iter(indexed_articles(data)))
    assert run_bayegan(data, "notes", "add", some_id, "--note", "پیش از فقط‌خواندنی").returncode == 0
    before = _snapshot(data)
    articles = indexed_articles(data)
    assert _mount("-o", "remount,ro", str(mount_point)).returncode == 0

    # Reading a write-protected archive (a locked USB stick) works ...
    listed = run_bayegan(data, "list", "--json")
    assert listed.returncode == 0 and some_id in listed.stdout, listed.stderr
    found = run_bayegan(data, "search", "فارس", "--json")
    assert found.returncode == 0, found.stderr
    # ... writing says why it cannot, in both languages.
    refused = run_bayegan(data, "index", large)
    assert_bilingual_error(refused)
    assert "Read-only" in refused.stderr or "read-only" in refused.stderr
    for args in (("notes", "add", some_id, "--note", "نوشته نمی‌شود"), ("notes", "list", "--json")):
        notes = run_bayegan(data, *args)
        assert_no_traceback(notes)
        if notes.returncode != 0:
            assert_bilingual_error(notes)

    assert _mount("-o", "remount,rw", str(mount_point)).returncode == 0
    assert _snapshot(data) == before
    assert indexed_articles(data) == articles


def test_disk_full_leaves_the_index_as_it_was(tmp_path: Path, tmpfs: Callable[..., Path],
                                              small_and_large: tuple[Path, Path]) -> None:
    small, large = small_and_large
    mount_point = tmpfs("600k")
    data = mount_point / "data"
    index_here(data, small)
    articles = indexed_articles(data)
    manifest = (data / "index" / MANIFEST_NAME).read_bytes()

    full = run_bayegan(data, "index", large)
    assert_bilingual_error(full)
    assert "disk is full" in full.stderr and "دیسک پر است" in full.stderr
    assert indexed_articles(data) == articles
    # The disk fills before the manifest is saved or at the commit after it (which of the two depends
    # on the index's sizes): the manifest is as it was, or says that a sync was cut off, so the next
    # one reads every folder again rather than trusting records the index does not hold.
    assert (data / "index" / MANIFEST_NAME).read_bytes() == manifest or manifest_pending(data / "index", INDEX_VERSION)
    assert not list((data / "index").glob("*.tmp")), os.listdir(data / "index")

    # With room again, the same command completes: the archive is both folders, nothing half-written.
    assert _mount("-o", "remount,size=64m", str(mount_point)).returncode == 0
    index_json(data, large)
    assert indexed_articles(data) == reference_index(tmp_path, small, large)
