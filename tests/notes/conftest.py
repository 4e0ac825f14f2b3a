"""Fixtures for the notes tests: a real index of the seed article (a tmp copy) and a notes store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.notes.store import NotesStore
from viewer.search.archive import Archive


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths.resolve(tmp_path / "data").ensure()


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[NotesStore]:
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as opened:
        yield opened


@pytest.fixture
def source_dir(tmp_path: Path, seed_path: Path) -> Path:
    """A folder holding a copy of the seed article that the test may edit."""
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(seed_path, folder / seed_path.name)
    return folder


def index_folder(paths: DataPaths, folder: Path) -> None:
    Archive(paths).sync([folder])


def load_article(paths: DataPaths, article_id: str | None = None) -> Article:
    with Archive(paths).searcher() as searcher:
        if article_id is None:
            return next(iter(searcher.articles()))
        article = searcher.article(article_id)
    assert article is not None
    return article


@pytest.fixture
def seed_article(data_paths: DataPaths, source_dir: Path) -> Article:
    """The seed article as the real index gives it back (its `text` is what offsets refer to)."""
    index_folder(data_paths, source_dir)
    return load_article(data_paths)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed article's `text` from a real index (built once per session)."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("seed-index")).ensure()
    folder = tmp_path_factory.mktemp("seed-archive")
    shutil.copy(seed_path, folder / seed_path.name)
    index_folder(paths, folder)
    return load_article(paths).text
