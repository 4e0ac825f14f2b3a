"""The files of an article without the manifest read whole (issue 30: ~180 MB of JSON for a million
articles, parsed on the window's thread to list the files of the article it showed). Each save keeps
the few articles held in several files beside the manifest; an older Bayegan's archive, which has the
manifest alone, is converted once and keeps syncing."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.search.duplicate_articles import (
    RELATED,
    RELATED_TITLE,
    RELATED_URL,
    STORY,
    STORY_TITLE,
    STORY_URL,
    as_json_item,
    as_text,
)
from viewer.app.library import Library
from viewer.core.paths import DataPaths
from viewer.search.indexing.manifest import COPIED_FILES_NAME, MANIFEST_NAME


def _archive(folder: Path) -> Path:
    """A story saved twice (a dataset's JSON and a page saved as text) and an article in one file."""
    folder.mkdir()
    (folder / "a-story saved.txt").write_text(as_text(STORY_TITLE, STORY), "utf-8")
    (folder / "b-dataset.json").write_text(json.dumps([as_json_item(STORY_TITLE, STORY, STORY_URL)],
                                                      ensure_ascii=False), "utf-8")
    (folder / "c-related.json").write_text(json.dumps([as_json_item(RELATED_TITLE, RELATED, RELATED_URL)],
                                                      ensure_ascii=False), "utf-8")
    return folder


def _every_file(library: Library) -> dict[str, list[str]]:
    return {a.id: library.sources(a.id)[a.id] for a in library.articles()}


def _spoil_keeping_size_and_time(path: Path) -> None:
    """The manifest's bytes replaced by others of the same length, its time kept: a reader that
    parsed it now would find no JSON in it."""
    stat = path.stat()
    path.write_bytes(b"x" * stat.st_size)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_an_articles_files_are_found_without_reading_the_manifest(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    with Library(paths) as library:
        library.sync([archive])
        expected = _every_file(library)
    story = next(i for i, files in expected.items() if len(files) == 2)
    assert expected[story] == [str(archive / "a-story saved.txt"), str(archive / "b-dataset.json")]
    kept = json.loads((paths.index_dir / COPIED_FILES_NAME).read_text("utf-8"))
    assert kept["files"] == {story: expected[story]}  # the article held in one file is not in it

    _spoil_keeping_size_and_time(paths.index_dir / MANIFEST_NAME)
    with Library(paths) as library:
        library.open()
        assert _every_file(library) == expected
        assert library.copied_files() == {story: expected[story]}
        [group] = library.duplicate_groups()
        assert [a.sources for a in group.articles] == [expected[story]]


def test_an_older_archive_with_the_manifest_alone_is_converted_once_and_syncs(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    with Library(paths) as library:
        library.sync([archive])
        expected = _every_file(library)
    kept = paths.index_dir / COPIED_FILES_NAME
    kept.unlink()  # as an older Bayegan left it: the JSON manifest only

    with Library(paths) as library:
        library.open()
        assert kept.exists()  # converted when the library opened
        assert _every_file(library) == expected
        report = library.sync([archive])
        assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 2)
        assert _every_file(library) == expected

    (archive / "a-story saved.txt").unlink()
    with Library(paths) as library:  # the kept file follows the manifest the sync saves
        report = library.sync([archive])
        assert report.removed + report.relinked >= 1
        assert library.copied_files() == {}
        assert sorted(len(files) for files in _every_file(library).values()) == [1, 1]
        assert json.loads(kept.read_text("utf-8"))["files"] == {}
