"""A second `index` started while the first still runs (it opened the new, empty index before the
first finished) waits for the write lock and then finds the first one's work done, instead of reading
every file again and reporting every article added (issue 33, item 11)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_json
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive

SAVED_NS = 1_600_000_000 * 10**9


def test_a_second_index_started_before_the_first_ended_redoes_nothing(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    for path in write_archive(archive_dir, corpus_items("fars-news-1.json", 30), per_file=10):
        os.utime(path, ns=(SAVED_NS, SAVED_NS))  # not just now: a file changed within seconds is hashed again
    data = tmp_path / "data"
    second = Archive(DataPaths.resolve(data))  # opened first: the index is new and empty
    try:
        first = index_json(data, archive_dir)  # the other process, start to end
        assert first["added"] == 30
        report = second.sync([archive_dir])
        assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 30)
        assert report.files_read == 0
    finally:
        second.close()
