"""A damaged index (segments or table of contents truncated, deleted or overwritten) is detected when
opened and rebuilt from the source folders by the next `bayegan index`; the notes file is untouched."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.child_cli import assert_no_traceback, run_bayegan
from tests.faults.helpers import corpus_items, fault_rng, seed_text, write_archive
from tests.faults.indexes import index_here, index_json, indexed_articles, reference_index


def _truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _overwrite_middle(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 3)
        rng, _ = fault_rng(f"overwrite {path.name}")
        handle.write(rng.randbytes(size // 3))


DAMAGE: dict[str, tuple[str, Callable[[Path], object]]] = {
    "segments truncated": ("*.seg", _truncate_half),
    "segments deleted": ("*.seg", Path.unlink),
    "segments overwritten": ("*.seg", _overwrite_middle),
    "table of contents truncated": ("*.toc", lambda p: os.truncate(p, 10)),
    "table of contents deleted": ("*.toc", Path.unlink),
    "version file garbled": ("bayegan-index-version", lambda p: p.write_bytes(b"\xff\xfe garbage")),
}


def _notes_files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("notes.sqlite3*"))}


@pytest.fixture(scope="session")
def two_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sources, written once: no test changes them."""
    root = tmp_path_factory.mktemp("corrupt-sources")
    first, second = root / "first", root / "second"
    write_archive(first, corpus_items("fars-news-3.json", 30), per_file=10)
    write_archive(second, corpus_items("varzesh3-3.json", 20), per_file=10)
    (second / "seed.txt").write_text(seed_text(), "utf-8")
    return first, second


@pytest.fixture(scope="session")
def indexed_with_a_note(tmp_path_factory: pytest.TempPathFactory, two_folders: tuple[Path, Path]) -> tuple[Path, str]:
    """A data folder with both folders indexed and a note on one article, built once by the real commands;
    each test damages its own copy (the index holds no path of its data folder)."""
    data = tmp_path_factory.mktemp("corrupt-data") / "data"
    index_here(data, *two_folders)
    some_id = next(iter(indexed_articles(data)))
    added = run_bayegan(data, "notes", "add", some_id, "--note", "یادداشتی که نباید گم شود")
    assert added.returncode == 0, added.stderr
    return data, some_id


@pytest.fixture(scope="session")
def clean_index(tmp_path_factory: pytest.TempPathFactory,
                two_folders: tuple[Path, Path]) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    return reference_index(tmp_path_factory.mktemp("corrupt-reference"), *two_folders)


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_index_is_rebuilt_from_the_sources_and_notes_stay(
        tmp_path: Path, two_folders: tuple[Path, Path], indexed_with_a_note: tuple[Path, str],
        clean_index: dict[str, tuple[str, str, tuple[str, ...]]], damage: str) -> None:
    first, _ = two_folders
    data = tmp_path / "data"
    shutil.copytree(indexed_with_a_note[0], data)
    some_id = indexed_with_a_note[1]
    notes_before = _notes_files(data)
    assert "notes.sqlite3" in notes_before

    pattern, spoil = DAMAGE[damage]
    victims = sorted((data / "index").glob(pattern))
    assert victims, f"nothing matched {pattern}"
    for victim in victims:
        spoil(victim)

    # Opening notices the damage (no traceback, no crash) ...
    listed = run_bayegan(data, "list", "--json")
    assert_no_traceback(listed)
    assert listed.returncode == 0, listed.stderr
    assert isinstance(json.loads(listed.stdout), list)
    # ... and the next index of one folder brings back the whole archive, from both folders.
    index_json(data, first)
    assert indexed_articles(data) == clean_index
    assert _notes_files(data) == notes_before
    notes = run_bayegan(data, "notes", "list", some_id, "--json")
    assert notes.returncode == 0 and "یادداشتی که نباید گم شود" in notes.stdout, notes.stderr
