"""Helpers for the fault tests: the real `bayegan` command in a subprocess, and small
archives cut from the real corpus in tests/data."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.conftest import CORPUS_DIR, SEED, data_file

# Only a hang detector: generous, so a machine busy with other jobs (300 queries took 65 s alone and more
# than 120 s beside a package build) does not fail a test that is not hung.
CLI_TIMEOUT = 600
DEFAULT_FAULT_SEED = 14


def fault_rng(test: str) -> tuple[random.Random, int]:
    """The random source of one fault test and its seed, printed (pytest shows it when the test fails).
    Every run draws the same choices; BAYEGAN_FAULT_SEED=N replays or varies them."""
    seed = int(os.environ.get("BAYEGAN_FAULT_SEED", DEFAULT_FAULT_SEED))
    print(f"{test}: random seed {seed} (BAYEGAN_FAULT_SEED={seed} repeats this run)")
    return random.Random(seed), seed


def corpus_file(name: str) -> Path:
    """A file of the corpus in tests/data (a missing one fails the test)."""
    return data_file(CORPUS_DIR / name)


def seed_text() -> str:
    return data_file(SEED).read_text("utf-8")


def corpus_items(name: str, count: int) -> list[dict[str, object]]:
    items = json.loads(corpus_file(name).read_text("utf-8"))
    return items[:count]


def write_archive(folder: Path, items: list[dict[str, object]], per_file: int) -> list[Path]:
    """`items` as JSON files of `per_file` articles each: the archive a researcher points us at."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, len(items), per_file):
        path = folder / f"part-{start // per_file:03d}.json"
        path.write_text(json.dumps(items[start:start + per_file], ensure_ascii=False), "utf-8")
        files.append(path)
    return files


def bayegan_command(data_dir: Path, *args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "viewer", "--data-dir", str(data_dir), *map(str, args)]


def run_bayegan(data_dir: Path, *args: str | os.PathLike[str], stdin: str | None = None,
                timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run the real command; a hang fails the test (TimeoutExpired) instead of stalling the suite."""
    return subprocess.run(bayegan_command(data_dir, *args), input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, env=cli_env())


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BAYEGAN_DATA_DIR", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout


def assert_bilingual_error(result: subprocess.CompletedProcess[str]) -> None:
    """A failure the user can read: non-zero exit, English and Persian lines, no traceback."""
    assert_no_traceback(result)
    assert result.returncode != 0, result
    lines = result.stderr.splitlines()
    assert any(line.startswith("bayegan: ") for line in lines), result.stderr
    assert any(line.startswith("بایگان: ") for line in lines), result.stderr


def listed_articles(data_dir: Path) -> list[tuple[str, str]]:
    result = run_bayegan(data_dir, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    return sorted((row["id"], row["title"]) for row in json.loads(result.stdout))


def index_json(data_dir: Path, *roots: Path) -> dict[str, object]:
    result = run_bayegan(data_dir, "index", "--json", *roots)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ids_of(rows: Sequence[tuple[str, str]]) -> set[str]:
    return {row[0] for row in rows}


def indexed_articles(data_dir: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Every article in the index, read with the real searcher: id -> (title, text, tags)."""
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    archive = Archive(DataPaths.resolve(data_dir))
    try:
        with archive.searcher() as searcher:
            return {a.id: (a.title, a.text, tuple(a.tags)) for a in searcher.articles()}
    finally:
        archive.close()


def reference_index(tmp_path: Path, *roots: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """What a clean index of the same files holds, built by the real command in a fresh data folder."""
    clean = tmp_path / f"clean-{len(list(tmp_path.glob('clean-*')))}"
    index_json(clean, *roots)
    return indexed_articles(clean)
