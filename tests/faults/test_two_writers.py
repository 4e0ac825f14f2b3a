"""Two writers: while another process holds the index's writer, `bayegan index` waits, then says
clearly (in English and Persian, no traceback) that the index is busy; readers are not blocked; and a
writer killed with -9 leaves no lock behind."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults import child_cli, helpers, indexes

# Another Bayegan process in the middle of writing: the real Archive, its writer taken and held.
_HOLD_WRITER = r"""
import sys
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive

archive = Archive(DataPaths.resolve(sys.argv[1]).ensure())
writer = archive.ix.writer()
print("holding", flush=True)
sys.stdin.read()
writer.cancel()
"""


@pytest.fixture
def archive_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    helpers.write_archive(folder, helpers.corpus_items("fars-news-4.json", 20), per_file=10)
    return folder


@pytest.fixture
def writer_holder(tmp_path: Path, archive_folder: Path) -> Iterator[subprocess.Popen[str]]:
    indexes.index_here(tmp_path / "data", archive_folder)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_WRITER, str(tmp_path / "data")], env=child_cli.cli_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    yield holder
    if holder.poll() is None:
        holder.kill()
    holder.wait(timeout=30)
    for stream in (holder.stdin, holder.stdout):
        if stream:
            stream.close()


def test_second_writer_is_told_the_index_is_busy(tmp_path: Path, archive_folder: Path,
                                                  writer_holder: subprocess.Popen[str]) -> None:
    data = tmp_path / "data"
    more = tmp_path / "more"
    helpers.write_archive(more, helpers.corpus_items("varzesh3-4.json", 10), per_file=10)
    busy = child_cli.run_bayegan(data, "index", more)
    child_cli.assert_bilingual_error(busy)
    assert "busy" in busy.stderr and "در حال استفاده" in busy.stderr

    # Readers are not blocked by the writer.
    listed = child_cli.run_bayegan(data, "search", "فارس", "--json")
    child_cli.assert_no_traceback(listed)
    assert listed.returncode == 0, listed.stderr

    # The writer dies without cleaning up: its OS lock goes with it, and the next index just works.
    writer_holder.kill()
    writer_holder.wait(timeout=30)
    indexes.index_json(data, more)
    assert indexes.indexed_articles(data) == indexes.reference_index(tmp_path, archive_folder, more)


def test_damaged_index_is_not_rebuilt_under_a_working_writer(tmp_path: Path, archive_folder: Path,
                                                             writer_holder: subprocess.Popen[str]) -> None:
    """A process that finds the index unreadable while another one writes it must not wipe it."""
    data = tmp_path / "data"
    toc_files = sorted((data / "index").glob("*.toc"))
    saved = {p: p.read_bytes() for p in toc_files}
    for toc in toc_files:
        toc.write_bytes(b"")
    busy = child_cli.run_bayegan(data, "list", "--json")
    child_cli.assert_bilingual_error(busy)
    assert "busy" in busy.stderr
    assert sorted((data / "index").glob("*.seg")), "the segments were deleted while a writer held the index"

    for toc, content in saved.items():  # the writer's commit "completes"
        toc.write_bytes(content)
    assert writer_holder.stdin is not None
    writer_holder.stdin.close()
    writer_holder.wait(timeout=30)
    assert indexes.indexed_articles(data) == indexes.reference_index(tmp_path, archive_folder)
