"""Incremental sync, stable ids, duplicates and the single writer, on a real Whoosh index."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import zstandard

from tests.conftest import write_items
from viewer.core.errors import IndexBusyError
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.indexing.manifest import MANIFEST_NAME


@pytest.fixture
def archive_dir(tmp_path: Path, corpus_items: dict, seed_path: Path) -> Path:
    folder = tmp_path / "archive"
    write_items(folder / "fars.json", corpus_items["fars-news-1.json"][:40])
    write_items(folder / "sport" / "varzesh3.json", corpus_items["varzesh3-1.json"][:30])
    shutil.copy(seed_path, folder / "seed.txt")
    return folder


def _archive(tmp_path: Path) -> Archive:
    return Archive(DataPaths.resolve(tmp_path / "data").ensure())


def _ids(archive: Archive) -> dict[str, str]:
    with archive.searcher() as searcher:
        return {a.id: a.title for a in searcher.articles()}


def _saved_long_ago(folder: Path) -> None:
    """A file changed within the last seconds is hashed again by the next sync (see the test below)."""
    for path in folder.rglob("*"):
        os.utime(path, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))


def test_first_sync_then_unchanged_reads_nothing(tmp_path: Path, archive_dir: Path) -> None:
    _saved_long_ago(archive_dir)
    archive = _archive(tmp_path)
    first = archive.sync([archive_dir])
    assert (first.added, first.updated, first.removed, first.failed) == (71, 0, 0, [])
    again = _archive(tmp_path).sync([archive_dir])
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 71)
    assert again.files_read == 0


def test_touched_but_identical_file_is_hashed_not_parsed(tmp_path: Path, archive_dir: Path) -> None:
    _saved_long_ago(archive_dir)
    archive = _archive(tmp_path)
    archive.sync([archive_dir])
    os.utime(archive_dir / "seed.txt", ns=(1, 1))
    report = archive.sync([archive_dir])
    assert report.files_read == 1 and report.added == report.updated == 0 and report.unchanged == 71


def test_an_edit_in_the_same_clock_tick_is_found(tmp_path: Path, archive_dir: Path) -> None:
    """An edit that keeps the size and lands in the clock tick of the version indexed (a coarse file
    system clock) leaves size and mtime as they were: the file is hashed again, not trusted."""
    seed = archive_dir / "seed.txt"
    tick = os.stat(seed).st_mtime_ns + 10**9  # a moment ago, to the file system's coarse clock
    os.utime(seed, ns=(tick, tick))
    archive = _archive(tmp_path)
    archive.sync([archive_dir])
    text = seed.read_text("utf-8")
    word = max(text.split(), key=len)
    seed.write_text(text.replace(word, word[::-1]), "utf-8")
    os.utime(seed, ns=(tick, tick))
    report = archive.sync([archive_dir])
    assert report.updated == 1, report
    with archive.searcher() as searcher:
        assert any(word[::-1] in a.text for a in searcher.articles())


def test_add_change_delete(tmp_path: Path, archive_dir: Path, corpus_items: dict) -> None:
    archive = _archive(tmp_path)
    archive.sync([archive_dir])
    before = _ids(archive)
    write_items(archive_dir / "new.json", corpus_items["fars-news-2.json"][:5])
    items = corpus_items["varzesh3-1.json"][:30]
    changed = [dict(items[0], paragraphs=[*items[0]["paragraphs"], "بند تازه‌ای که بعدا افزوده شد."]), *items[1:29]]
    write_items(archive_dir / "sport" / "varzesh3.json", changed)
    (archive_dir / "seed.txt").unlink()
    report = archive.sync([archive_dir])
    assert (report.added, report.updated, report.removed) == (5, 1, 2)
    after = _ids(archive)
    assert len(after) == len(before) + 5 - 2
    with archive.searcher() as searcher:
        assert searcher.search("بند تازه‌ای که بعدا افزوده شد").total == 1
        assert searcher.search("خواهرخواندگی").total == 0


def test_ids_survive_a_typo_fix_in_the_body(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    text = seed_path.read_text("utf-8").replace("کد خبر 427178\n", "")  # no code: the id comes from the title
    (folder / "seed.txt").write_text(text, "utf-8")
    archive = _archive(tmp_path)
    archive.sync([folder])
    [before] = _ids(archive)
    (folder / "seed.txt").write_text(text.replace("گفتوگو", "گفت‌وگو"), "utf-8")
    report = archive.sync([folder])
    assert report.updated == 1
    assert list(_ids(archive)) == [before]


def test_ids_are_the_same_on_another_machine(tmp_path: Path, archive_dir: Path) -> None:
    one = _archive(tmp_path / "one")
    one.sync([archive_dir])
    moved = shutil.copytree(archive_dir, tmp_path / "elsewhere" / "renamed")
    two = _archive(tmp_path / "two")
    two.sync([moved])
    assert _ids(one) == _ids(two)


def test_duplicates_and_shared_titles(tmp_path: Path, corpus_items: dict) -> None:
    folder = tmp_path / "dups"
    items = corpus_items["fars-news-1.json"][:3]
    write_items(folder / "a.json", items)
    write_items(folder / "b.json", items[:2])  # the same articles again: duplicates
    untitled = [
        {"title": "خبر کوتاه", "paragraphs": ["متن نخست دربارهٔ بازار کتاب."]},
        {"title": "خبر کوتاه", "paragraphs": ["متن دوم دربارهٔ مسابقهٔ فوتبال."]},
    ]
    write_items(folder / "c.json", untitled)  # same title, no url or code: different articles
    archive = _archive(tmp_path)
    report = archive.sync([folder])
    assert report.duplicates == 2
    assert report.added == 5
    ids = _ids(archive)
    assert sorted(ids.values()).count("خبر کوتاه") == 2
    again = _archive(tmp_path / "again")
    again.sync([folder])
    assert _ids(again) == ids


def test_bad_files_are_reported_and_the_rest_goes_in(tmp_path: Path, archive_dir: Path) -> None:
    (archive_dir / "empty.txt").write_bytes(b"")
    (archive_dir / "broken.json").write_text('[{"title": "ناتمام"', "utf-8")
    (archive_dir / "binary.html").write_bytes(bytes(range(256)) * 4)
    report = _archive(tmp_path).sync([archive_dir])
    assert report.added == 71
    assert {Path(f["path"]).name for f in report.failed} == {"empty.txt", "broken.json", "binary.html"}
    assert all(f["error"] for f in report.failed)


def test_second_writer_is_told_the_index_is_busy(tmp_path: Path, archive_dir: Path) -> None:
    archive = _archive(tmp_path)
    holder = archive.ix.writer()
    try:
        with pytest.raises(IndexBusyError) as caught:
            _archive(tmp_path).sync([archive_dir])
        assert "busy" in caught.value.en and caught.value.fa
    finally:
        holder.cancel()
    assert _archive(tmp_path).sync([archive_dir]).added == 71


def test_forget_a_folder(tmp_path: Path, archive_dir: Path) -> None:
    archive = _archive(tmp_path)
    archive.sync([archive_dir])
    report = archive.forget([archive_dir / "sport"])
    assert report.removed == 30
    assert len(_ids(archive)) == 41
    assert archive.roots == [archive_dir.resolve()]


def test_a_rebuilt_index_is_refilled_from_every_known_folder(tmp_path: Path, archive_dir: Path) -> None:
    archive = _archive(tmp_path)
    archive.sync([archive_dir / "sport"])
    archive.sync([archive_dir / "seed.txt"])
    assert len(_ids(archive)) == 31
    archive.close()
    (tmp_path / "data" / "index" / "bayegan-index-version").write_text("an older analyzer", "utf-8")
    rebuilt = _archive(tmp_path)
    assert len(_ids(rebuilt)) == 0
    report = rebuilt.sync([archive_dir / "seed.txt"])
    assert report.added == 31 and len(_ids(rebuilt)) == 31


def test_a_cut_off_sync_of_one_folder_keeps_the_other_folders_articles(tmp_path: Path, archive_dir: Path) -> None:
    archive = _archive(tmp_path)
    archive.sync([archive_dir / "sport"])
    archive.sync([archive_dir / "fars.json"])
    manifest = tmp_path / "data" / "index" / MANIFEST_NAME
    # As a kill between the commit and the manifest leaves it: marked pending.
    text = zstandard.ZstdDecompressor().decompress(manifest.read_bytes()).decode("utf-8")
    manifest.write_bytes(zstandard.ZstdCompressor().compress(text.replace('"pending": false', '"pending": true').encode()))
    report = _archive(tmp_path).sync([archive_dir / "fars.json"])
    assert report.removed == 0
    assert len(_ids(_archive(tmp_path))) == 70
