"""A folder or file Bayegan may not read is not a deleted one: its articles stay in the index and the
run says what it could not read (issue 33, item 3). The tests run as root, who reads everything, so
the command runs without the capabilities that override file permissions (`setpriv`), as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.faults.child_cli import CLI_TIMEOUT, assert_no_traceback, bayegan_command, cli_env
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_here, index_json, listed_articles

_NO_OVERRIDE = "-dac_override,-dac_read_search"


def _index_as_a_user(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) is needed to run the command without root's rights"
    command = [setpriv, f"--bounding-set={_NO_OVERRIDE}", f"--inh-caps={_NO_OVERRIDE}",
               *bayegan_command(data_dir, "index", *args)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=CLI_TIMEOUT,
                            env=cli_env())
    assert_no_traceback(result)
    return result


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    items = corpus_items("fars-news-1.json", 12)
    write_archive(root / "open", items[:6], per_file=3)
    write_archive(root / "locked", items[6:], per_file=3)
    return root


def test_an_unreadable_folder_keeps_its_articles_and_is_reported(tmp_path: Path, archive: Path) -> None:
    data = tmp_path / "data"
    assert index_here(data, archive)["added"] == 12
    before = listed_articles(data)
    locked = archive / "locked"
    locked.chmod(0)
    try:
        result = _index_as_a_user(data, "--json", archive)
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["removed"] == 0
        assert [f["path"] for f in summary["failed"]] == [str(locked)]
        assert "Cannot read the folder" in summary["failed"][0]["error"]
        assert listed_articles(data) == before
        plain = _index_as_a_user(data, archive)
        assert "removed 0" in plain.stdout and f"failed: {locked}: Cannot read the folder" in plain.stderr
    finally:
        locked.chmod(0o755)
    assert index_json(data, archive)["unchanged"] == 12
    assert listed_articles(data) == before


def test_an_unreadable_file_keeps_its_articles_and_is_reported(tmp_path: Path, archive: Path) -> None:
    data = tmp_path / "data"
    index_here(data, archive)
    before = listed_articles(data)
    unreadable = archive / "open" / "part-000.json"
    unreadable.chmod(0)
    unreadable.touch()  # changed since: the sync must read it, and cannot
    try:
        result = _index_as_a_user(data, "--json", archive)
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["removed"] == 0 and [f["path"] for f in summary["failed"]] == [str(unreadable)]
        assert listed_articles(data) == before
    finally:
        unreadable.chmod(0o644)
