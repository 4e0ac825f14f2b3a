"""What an index holds, asked through the real command (a child process) or read with the real searcher,
and what a clean index of the same files would hold."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tests.cli_in_process import run_bayegan_here
from tests.faults.child_cli import assert_no_traceback, run_bayegan


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


def index_here(data_dir: Path, *roots: Path) -> dict[str, object]:
    """`bayegan index --json ROOTS` run in this process, for a test whose subject comes after the index
    (a child would cost an interpreter and a file readers' server; this process keeps one for all)."""
    code, out, err = run_bayegan_here(data_dir, "index", "--json", *map(str, roots))
    assert "Traceback" not in err, err
    assert code == 0, err
    return json.loads(out)


def reference_index(tmp_path: Path, *roots: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """What a clean index of the same files holds, built by the real command (in this process: the
    reference is not what is under test) in a fresh data folder."""
    clean = tmp_path / f"clean-{len(list(tmp_path.glob('clean-*')))}"
    index_here(clean, *roots)
    return indexed_articles(clean)
