"""An incremental index equals a clean index of the same files, whatever happened to them between
syncs: random edits, renames, copies across formats (.txt, .json, .html), byte copies, deletions and
touches on a small archive of real articles, checked after every round (issue 33, item 1)."""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tests.faults.helpers import corpus_items, fault_rng
from tests.search.duplicate_articles import as_html, as_json_item, as_text
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.indexing.word_table import decoded, read_table

ROUNDS = 14
FOLDERS = ("", "a", "a/b", "c")
FORMATS = ("json", "txt", "html")
EDIT_WORD = "طرابلس"
# an mtime of its own for every write and touch, far from now: no two states of a file share one
BASE_MTIME_NS = 1_600_000_000 * 10**9


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    url: str


def _pool() -> list[Story]:
    stories: list[Story] = []
    for item in corpus_items("fars-news-1.json", 40):
        given = item["paragraphs"]
        paragraphs = [str(p) for p in given if len(str(p)) > 60] if isinstance(given, list) else []
        if len(paragraphs) >= 2:
            # every other one without its URL: its id comes from its title, as a .txt copy's does
            url = str(item["link"]) if len(stories) % 2 else ""
            stories.append(Story(str(item["title"]), paragraphs[:3], url))
    return stories[:8]


class ArchiveUnderTest:
    """The files on disk and what each holds, changed at random."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng = root, rng
        self.files: dict[Path, tuple[str, list[Story]]] = {}
        self.clock = BASE_MTIME_NS

    def _stamp(self, path: Path) -> None:
        self.clock += 10**9
        os.utime(path, ns=(self.clock, self.clock))

    def _write(self, path: Path, fmt: str, stories: list[Story]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            items = [as_json_item(s.title, s.paragraphs, s.url) for s in stories]
            path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
        elif fmt == "txt":
            path.write_text(as_text(stories[0].title, stories[0].paragraphs), "utf-8")
        else:
            path.write_text(as_html(stories[0].title, stories[0].paragraphs), "utf-8")
        self.files[path] = (fmt, stories)
        self._stamp(path)

    def _new_path(self, fmt: str) -> Path:
        while True:
            path = self.root / self.rng.choice(FOLDERS) / f"f{self.rng.randrange(1000)}.{fmt}"
            if path not in self.files:
                return path

    def add(self, pool: list[Story]) -> str:
        fmt = self.rng.choice(FORMATS)
        stories = self.rng.sample(pool, self.rng.randint(1, 3) if fmt == "json" else 1)
        path = self._new_path(fmt)
        self._write(path, fmt, stories)
        return f"add {path.relative_to(self.root)}"

    def copy(self) -> str:
        """One article of a file again in another (or the same) format: an exact copy."""
        source = self.rng.choice(sorted(self.files))
        story = self.rng.choice(self.files[source][1])
        fmt = self.rng.choice(FORMATS)
        path = self._new_path(fmt)
        self._write(path, fmt, [story])
        return f"copy {source.relative_to(self.root)} -> {path.relative_to(self.root)}"

    def byte_copy(self) -> str:
        source = self.rng.choice(sorted(self.files))
        path = self._new_path(source.suffix[1:])
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
        self.files[path] = self.files[source]
        self._stamp(path)
        return f"byte copy {source.relative_to(self.root)} -> {path.relative_to(self.root)}"

    def _change_one_story(self, change: Callable[[Story], Story]) -> Path:
        """One article of a file (both chosen at random) replaced by `change` of it; the file's path."""
        path = self.rng.choice(sorted(self.files))
        fmt, stories = self.files[path]
        at = self.rng.randrange(len(stories))
        self._write(path, fmt, [*stories[:at], change(stories[at]), *stories[at + 1:]])
        return path

    def edit(self) -> str:
        """A word of one article replaced (its copies elsewhere keep the old text)."""

        def edited(story: Story) -> Story:
            line = self.rng.randrange(len(story.paragraphs))
            words = story.paragraphs[line].split()
            words[self.rng.randrange(len(words))] = EDIT_WORD
            return Story(story.title, [*story.paragraphs[:line], " ".join(words), *story.paragraphs[line + 1:]], story.url)

        return f"edit {self._change_one_story(edited).relative_to(self.root)}"

    def retitle(self) -> str:
        """A word added to one article's title: a title-based id changes with it."""
        path = self._change_one_story(lambda story: Story(f"{story.title} {EDIT_WORD}", story.paragraphs, story.url))
        return f"retitle {path.relative_to(self.root)}"

    def rename(self) -> str:
        source = self.rng.choice(sorted(self.files))
        path = self._new_path(source.suffix[1:])
        path.parent.mkdir(parents=True, exist_ok=True)
        source.rename(path)
        self.files[path] = self.files.pop(source)
        return f"rename {source.relative_to(self.root)} -> {path.relative_to(self.root)}"

    def delete(self) -> str:
        path = self.rng.choice(sorted(self.files))
        path.unlink()
        del self.files[path]
        return f"delete {path.relative_to(self.root)}"

    def touch(self) -> str:
        path = self.rng.choice(sorted(self.files))
        self._stamp(path)
        return f"touch {path.relative_to(self.root)}"


def _queries(pool: list[Story]) -> list[str]:
    words = [max(story.paragraphs[0].split(), key=len) for story in pool[:4]]
    return [EDIT_WORD, *words, f"{words[0]} OR {words[1]}"]


@dataclass
class IndexState:
    articles: Mapping[str, tuple[object, ...]]  # id -> every stored field but the sketch
    sources: dict[str, list[str]]
    totals: dict[str, int]
    # id -> its collocation arrays (the words column) as each position's group and spelling hash: the
    # entry numbers into the archive's word table depend on the order the syncs met the words
    words: Mapping[str, tuple[list[int], list[int]]]


def _state(data_dir: Path, queries: list[str]) -> IndexState:
    archive = Archive(DataPaths.resolve(data_dir))
    try:
        with archive.searcher() as searcher:
            articles = {a.id: (a.title, a.text, a.date, a.source, a.url, a.code, tuple(a.tags), a.block_kinds)
                        for a in searcher.articles()}
            totals = {q: searcher.search(q, limit=1).total for q in queries}
            reader = searcher.whoosh.reader()
            column = reader.column_reader("words", translate=False)
            table = read_table(data_dir / "index")
            words = {str(reader.stored_fields(n)["id"]): decoded(bytes(column[n]), *table) for n in reader.all_doc_ids()}
        return IndexState(articles, archive.sources(), totals, words)
    finally:
        archive.close()


def _sync(data_dir: Path, root: Path) -> None:
    archive = Archive(DataPaths.resolve(data_dir))
    try:
        report = archive.sync([root])
        assert report.failed == [], report.failed
    finally:
        archive.close()


def test_incremental_index_equals_a_clean_one(tmp_path: Path) -> None:
    rng, seed = fault_rng("test_incremental_index_equals_a_clean_one")
    pool = _pool()
    assert len(pool) >= 6
    root = tmp_path / "archive"
    files = ArchiveUnderTest(root, rng)
    for _ in range(4):
        files.add(pool)
    files.copy()
    queries = _queries(pool)
    incremental = tmp_path / "incremental"
    history: list[str] = []
    for round_number in range(ROUNDS):
        operations = [files.edit, files.retitle, files.rename, files.copy, files.byte_copy, files.delete, files.touch,
                      lambda: files.add(pool)]
        for _ in range(rng.randint(1, 3)):
            operation = rng.choice(operations)
            if not files.files and operation is not operations[-1]:
                continue
            history.append(f"round {round_number}: {operation()}")
        _sync(incremental, root)
        clean = tmp_path / f"clean-{round_number}"
        _sync(clean, root)
        got, want = _state(incremental, queries), _state(clean, queries)
        shutil.rmtree(clean)
        context = f"seed {seed}, after:\n" + "\n".join(history)
        assert sorted(got.articles) == sorted(want.articles), context
        assert got.sources == want.sources, context
        assert got.articles == want.articles, context
        assert got.totals == want.totals, context
        assert got.words == want.words, context
        assert all(len(groups) > 2 for groups, _ in got.words.values()), context  # each text's words are stored
