"""An error nobody foresaw: the CLI writes its traceback to the rotating log and prints a short
bilingual message with the log's path instead. The log itself never becomes a new failure."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.child_cli import assert_bilingual_error, run_bayegan
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_here
from viewer.core.logging_setup import LOG_BACKUPS, LOGGER_NAME, MAX_LOG_BYTES, log_unexpected, setup_logging
from viewer.core.paths import DataPaths
from viewer.search.indexing.manifest import MANIFEST_NAME


@pytest.fixture(autouse=True)
def _detach_log_handlers() -> Iterator[None]:
    """This process's `bayegan` logger goes back to how it was: no handler into a deleted tmp folder."""
    logger = logging.getLogger(LOGGER_NAME)
    before = list(logger.handlers)
    yield
    for handler in [h for h in logger.handlers if h not in before]:
        logger.removeHandler(handler)
        handler.close()


def test_cli_logs_the_traceback_and_prints_where(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    write_archive(source, corpus_items("varzesh3-4.json", 10), per_file=5)
    index_here(data, source)
    # Something no code path expects: the manifest's place taken by a folder.
    manifest = data / "index" / MANIFEST_NAME
    manifest.unlink()
    manifest.mkdir()
    (manifest / "something").write_text("x", "utf-8")
    write_archive(source / "more", corpus_items("varzesh3-4.json", 12)[10:], per_file=5)

    result = run_bayegan(data, "index", source)
    assert_bilingual_error(result)
    match = re.search(r"Details are in the log: (\S+)", result.stderr)
    assert match, result.stderr
    log_file = Path(match.group(1))
    assert log_file == data / "logs" / "bayegan.log"
    logged = log_file.read_text("utf-8")
    assert "Traceback" in logged and "IsADirectoryError" in logged and "bayegan index" in logged
    assert "جزئیات در گزارش‌نامه" in result.stderr


def test_log_rotates_and_is_set_up_once(tmp_path: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    first = setup_logging(paths)
    assert setup_logging(paths) == first
    logger = logging.getLogger(LOGGER_NAME)
    assert len(logger.handlers) == 1
    line = "پیام آزمایشی " * 40
    for _ in range(4 * MAX_LOG_BYTES // len(line.encode()) + 50):
        logger.info(line)
    logs = sorted(p.name for p in paths.log_dir.iterdir())
    assert logs == ["bayegan.log", *(f"bayegan.log.{n}" for n in range(1, LOG_BACKUPS + 1))]
    assert all(p.stat().st_size <= MAX_LOG_BYTES for p in paths.log_dir.iterdir())
    # Another data folder moves the log there instead of writing to both.
    other = DataPaths.resolve(tmp_path / "other")
    setup_logging(other)
    assert len(logger.handlers) == 1


def test_unwritable_log_still_gives_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("a file where the log folder should be", "utf-8")
    try:
        raise ValueError("boom")
    except ValueError as exc:
        error = log_unexpected(DataPaths.resolve(data), exc)
    assert error.log_file is None
    assert "could not be written" in error.en and error.fa
    assert (data / "logs").read_text("utf-8") == "a file where the log folder should be"


def test_commands_on_a_missing_article_and_bad_arguments_are_messages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for args in (("show", "no-such-id"), ("show", "\u202e\u200f"), ("search",), ("index", tmp_path / "nowhere"),
                 ("search", "ایران", "--limit", "-1"), ("tags", "--json")):
        result = run_bayegan(data, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        if result.returncode != 0:
            assert result.stderr.strip(), args
