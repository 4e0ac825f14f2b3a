"""Notes in a read-only data folder (a write-protected USB stick): the message says the folder is
read-only, not that the file cannot be opened with backups beside it, which reads as damage (issue 33,
item 11). A real read-only mount: chmod cannot refuse root."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.child_cli import assert_bilingual_error, run_bayegan
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_here, indexed_articles


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "stick"
    point.mkdir()
    result = _mount("-t", "tmpfs", "-o", "size=20m,mode=0755", "tmpfs", str(point))
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {result.stderr.strip()}")
    yield point
    if subprocess.run(["umount", str(point)], capture_output=True, timeout=30).returncode != 0:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30)


def test_notes_in_a_read_only_folder_say_read_only(tmp_path: Path, mount_point: Path) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, corpus_items("fars-news-1.json", 5), per_file=5)
    data = mount_point / "data"
    index_here(data, archive)
    some_id = next(iter(indexed_articles(data)))
    assert run_bayegan(data, "notes", "add", some_id, "--note", "پیش از قفل").returncode == 0
    assert _mount("-o", "remount,ro", str(mount_point)).returncode == 0
    for args in (("notes", "list"), ("notes", "add", some_id, "--note", "نوشته نمی‌شود")):
        result = run_bayegan(data, *args)
        assert_bilingual_error(result)
        assert "read-only" in result.stderr and "فقط‌خواندنی" in result.stderr, result.stderr
        assert "Backups are in" not in result.stderr
