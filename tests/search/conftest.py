"""A real archive for search tests: a few hundred corpus articles indexed once per session."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_items
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.results.searcher import ArchiveSearcher

# Spellings the tests search for; the articles holding them join the first ones of two files.
NEEDED = ("کتاب‌های", "كتاب هاي", "كتاب‌هاي", "کتاب‌ها", "مي‌شود", "می‌کند", "رئيس", "رييس", "پرسپوليس", "پرسپولیس", "ايران", "هسته‌اي")
FIRST = 120


def _has(item: dict, needle: str) -> bool:
    text = " ".join([str(item.get("title", "")), str(item.get("abstract", "")), *map(str, item.get("paragraphs") or [])])
    return re.search(rf"(?<![\w\u200c]){re.escape(needle)}(?![\w\u200c])", text) is not None


@pytest.fixture(scope="session")
def search_items(corpus_items: dict[str, list[dict]]) -> list[dict]:
    chosen = corpus_items["fars-news-2.json"][:FIRST] + corpus_items["varzesh3-2.json"][:FIRST]
    links = {item["link"] for item in chosen}
    for needle in NEEDED:
        extra = [i for items in corpus_items.values() for i in items if i["link"] not in links and _has(i, needle)]
        for item in extra[:3]:
            chosen.append(item)
            links.add(item["link"])
    return chosen


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory, search_items: list[dict]) -> Iterator[Archive]:
    root = tmp_path_factory.mktemp("search-archive")
    source = root / "sources"
    for n in range(0, len(search_items), 100):
        write_items(source / f"part-{n // 100}.json", search_items[n:n + 100])
    opened = Archive(DataPaths.resolve(root / "data"))
    opened.sync([source])
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def searcher(archive: Archive) -> Iterator[ArchiveSearcher]:
    with archive.searcher() as opened:
        yield opened


def small_archive(root: Path, items: list[dict]) -> Archive:
    write_items(root / "sources" / "items.json", items)
    opened = Archive(DataPaths.resolve(root / "data"))
    opened.sync([root / "sources"])
    return opened
