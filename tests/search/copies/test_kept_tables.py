"""Near-duplicate tables and stories kept beside the index (kept_tables.py): the indexer writes each
state's band tables and story labels after a sync, and a searcher of that state maps them instead of
working them out again (~3 s at 200,000 articles, on the way between opening the archive and its first
results). A searcher must never read another state's, and a missing or damaged file only means working
them out again."""

from __future__ import annotations

import json
import random
import shutil
import threading
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest

from tests.search import duplicate_articles as dup
from tests.search.generated_corpus import SEED, article
from viewer.app.library import ALL_ARTICLES
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.copies import near_duplicates
from viewer.search.copies.fingerprints import (
    BANDS,
    NEAR_DUPLICATE,
    PERMUTATIONS,
    SIGNATURE_BYTES,
    SIGNATURE_TYPE,
    band_keys,
)
from viewer.search.copies.kept_tables import PREFIX, kept_path, load_labels, load_tables
from viewer.search.copies.near_duplicates import BandTables, NearDuplicates, Signatures
from viewer.search.copies.stories import _candidate_pairs, group_labels
from viewer.search.indexing.archive_index import INDEX_VERSION
from viewer.search.indexing.manifest import MANIFEST_NAME, manifest_pending
from viewer.search.results.searcher import ArchiveSearcher

THIRD_TITLE = "اعتراض کشاورزان ورزنه به قطع حقابه"


def _write(folder: Path, name: str, items: list[dict[str, object]]) -> Path:
    path = folder / name
    path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A story told by three agencies (two files) and a related article that is another story."""
    folder = tmp_path / "archive"
    folder.mkdir()
    _write(folder, "agencies.json", [
        dup.as_json_item(dup.STORY_TITLE, dup.STORY, dup.STORY_URL),
        dup.as_json_item(dup.RELATED_TITLE, dup.RELATED, dup.RELATED_URL),
    ])
    _write(folder, "republished.json", [
        dup.as_json_item(dup.REPUBLISHED_TITLE, dup.REPUBLISHED, dup.REPUBLISHED_URL),
        dup.as_json_item(THIRD_TITLE, [p.replace("نزدیک به چهل هزار", "حدود چهل هزار") for p in dup.REPUBLISHED],
                         "https://www.mehrnews.com/news/5912345/"),
    ])
    return folder


def _kept(index_dir: Path) -> list[Path]:
    """The kept labels (one file per state; the band tables beside them)."""
    return sorted(index_dir.glob(f"{PREFIX}*-labels.npy"))


def _same_tables(one: BandTables, other: BandTables) -> bool:
    return all(np.array_equal(getattr(one, name), getattr(other, name)) for name in ("keys", "docs", "bounds"))


def _grouped_now(searcher: ArchiveSearcher) -> np.ndarray:
    return group_labels(NearDuplicates(searcher.whoosh))


def _story_titles(searcher: ArchiveSearcher) -> list[set[str]]:
    """The stories of several articles among every article, as sets of titles."""
    result = searcher.search(ALL_ARTICLES, limit=50, with_ids=True)
    titles = {hit.id: hit.title for hit in result.hits}
    stories: dict[int, set[str]] = {}
    for article_id, story in result.story_of.items():
        stories.setdefault(story, set()).add(titles[article_id])
    return sorted(stories.values(), key=len)


STORY = {dup.STORY_TITLE, dup.REPUBLISHED_TITLE, THIRD_TITLE}


def test_a_sync_keeps_the_stories_of_the_index_it_leaves(tmp_path: Path, sources: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        [first] = _kept(paths.index_dir)
        with archive.searcher() as searcher:
            kept = load_labels(paths.index_dir, searcher.whoosh.reader())
            assert kept is not None
            assert np.array_equal(kept, _grouped_now(searcher))
            tables = load_tables(paths.index_dir, searcher.whoosh.reader())
            assert tables is not None and _same_tables(tables, BandTables.of_searcher(searcher.whoosh))
            assert _story_titles(searcher) == [STORY]
        # one agency's file goes: its two articles leave the story, the kept stories follow
        (sources / "republished.json").unlink()
        archive.sync([sources])
        [second] = _kept(paths.index_dir)
        assert second != first
        assert len(list(paths.index_dir.glob(f"{PREFIX}*"))) == 4  # the old state's files are gone
        with archive.searcher() as searcher:
            kept = load_labels(paths.index_dir, searcher.whoosh.reader())
            assert kept is not None
            assert np.array_equal(kept, _grouped_now(searcher))
            assert _story_titles(searcher) == []


def test_a_searcher_reads_the_kept_stories(tmp_path: Path, sources: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        with archive.searcher() as searcher:
            path = kept_path(paths.index_dir, searcher.whoosh.reader(), "labels")
            total = searcher.whoosh.reader().doc_count_all()
        assert path is not None and path.exists()
        # Labels the grouping would never give (every article a story of its own): read, not regrouped.
        np.save(path, np.arange(total, dtype=np.int32))
        with archive.searcher() as searcher:
            assert _story_titles(searcher) == []


@pytest.mark.parametrize("damage", ["missing", "cut short", "another length", "not an array"])
def test_without_trustworthy_kept_stories_a_searcher_groups_them(tmp_path: Path, sources: Path, damage: str) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        [path] = _kept(paths.index_dir)
        if damage == "missing":
            path.unlink()
        elif damage == "cut short":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        elif damage == "another length":
            np.save(path, np.arange(2, dtype=np.int64))
        else:
            path.write_text("not numpy", "utf-8")
        with archive.searcher() as searcher:
            assert load_labels(paths.index_dir, searcher.whoosh.reader()) is None
            assert _story_titles(searcher) == [STORY]
        archive.sync([sources])  # nothing changed: the sync keeps the stories again
        [kept] = _kept(paths.index_dir)
        with archive.searcher() as searcher:
            assert np.array_equal(np.load(kept), _grouped_now(searcher))


def test_a_rebuilt_index_never_reads_the_old_ones_stories(tmp_path: Path, sources: Path) -> None:
    """A rebuilt index counts its generations from the start again: the old state's file, put back
    beside it, has another name (the segments differ) and is not read."""
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        [old] = _kept(paths.index_dir)
        saved = tmp_path / old.name
        shutil.copy(old, saved)
    shutil.rmtree(paths.index_dir)
    (sources / "republished.json").unlink()
    with Archive(paths) as archive:
        archive.sync([sources])
        shutil.copy(saved, paths.index_dir / saved.name)
        with archive.searcher() as searcher:
            path = kept_path(paths.index_dir, searcher.whoosh.reader(), "labels")
            assert path is not None and path.name != saved.name
            assert _story_titles(searcher) == []


def test_searchers_opened_while_another_thread_syncs_see_their_own_states_stories(tmp_path: Path, sources: Path) -> None:
    """One thread syncs the archive again and again (an agency's file goes and comes back), another opens
    searchers meanwhile: each searcher's stories are those of the state it opened, whether it read
    them from a file or grouped them itself."""
    paths = DataPaths.resolve(tmp_path / "data")
    republished = sources / "republished.json"
    content = republished.read_bytes()
    with Archive(paths) as writing, Archive(paths) as reading:
        writing.sync([sources])
        done = threading.Event()
        failures: list[BaseException] = []

        def sync_again_and_again() -> None:
            try:
                for round_ in range(6):
                    if round_ % 2 == 0:
                        republished.unlink()
                    else:
                        republished.write_bytes(content)
                    writing.sync([sources])
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                failures.append(exc)
            finally:
                done.set()

        syncing = threading.Thread(target=sync_again_and_again)
        syncing.start()
        seen = 0
        while not done.is_set() or seen < 2:
            with reading.searcher() as searcher:
                stories = searcher.stories().labels
                assert np.array_equal(stories, _grouped_now(searcher))
                titles = _story_titles(searcher)
                assert titles in ([], [STORY])
                assert (titles == [STORY]) == (searcher.doc_count == 4)
            seen += 1
        syncing.join()
        assert not failures, failures


def _similar_titles(searcher: ArchiveSearcher, title: str) -> list[str]:
    article_id = next(hit.id for hit in searcher.search(ALL_ARTICLES, limit=50).hits if hit.title == title)
    return sorted(s.title for s in searcher.similar(article_id))


def test_a_searcher_maps_the_kept_band_tables(tmp_path: Path, sources: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            kept = {name: kept_path(paths.index_dir, reader, name) for name in ("keys", "docs", "bounds")}
            assert _similar_titles(searcher, dup.STORY_TITLE) == sorted([dup.REPUBLISHED_TITLE, THIRD_TITLE])
        # Tables in which no two articles share a band key: mapped, not worked out again.
        for name, path in kept.items():
            assert path is not None
            np.save(path, np.zeros(BANDS + 1, dtype=np.int64) if name == "bounds" else np.zeros(0, dtype=np.uint32))
        with archive.searcher() as searcher:
            assert _similar_titles(searcher, dup.STORY_TITLE) == []


@pytest.mark.parametrize("damage", ["keys cut short", "docs of another shape", "docs missing"])
def test_without_trustworthy_band_tables_a_searcher_works_them_out(tmp_path: Path, sources: Path, damage: str) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([sources])
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            name = damage.split()[0]
            path = kept_path(paths.index_dir, reader, name)
        assert path is not None
        if damage == "keys cut short":
            path.write_bytes(path.read_bytes()[: path.stat().st_size - 16])
        elif damage == "docs of another shape":
            np.save(path, np.zeros(3, dtype=np.uint32))
        else:
            path.unlink()
        with archive.searcher() as searcher:
            assert load_tables(paths.index_dir, searcher.whoosh.reader()) is None
            assert _similar_titles(searcher, dup.STORY_TITLE) == sorted([dup.REPUBLISHED_TITLE, THIRD_TITLE])
            assert _story_titles(searcher) == [STORY]
        archive.sync([sources])  # nothing changed: the sync keeps them again
        with archive.searcher() as searcher:
            assert load_tables(paths.index_dir, searcher.whoosh.reader()) is not None


def test_a_cancel_during_the_copies_step_keeps_the_synced_index_and_the_next_sync_finishes_it(
        tmp_path: Path, sources: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    manifest = paths.index_dir / MANIFEST_NAME

    def cancel_once_committed() -> bool:
        """True once the sync's commit and manifest are done: the copies step comes next."""
        return manifest.exists() and not manifest_pending(paths.index_dir, INDEX_VERSION)

    with Archive(paths) as archive:
        report = archive.sync([sources], cancel=cancel_once_committed)
        assert report.added == 4  # the sync itself stands
        assert _kept(paths.index_dir) == []  # the copies step stopped, nothing half written
        assert not list(paths.index_dir.glob(f"{PREFIX}*"))
        with archive.searcher() as searcher:
            assert searcher.search(ALL_ARTICLES, limit=50).total == 4
            assert _story_titles(searcher) == [STORY]  # grouped by the searcher itself
        archive.sync([sources])  # nothing changed: only the copies step is left to do
        assert len(_kept(paths.index_dir)) == 1
        with archive.searcher() as searcher:
            kept = load_labels(paths.index_dir, searcher.whoosh.reader())
            assert kept is not None and np.array_equal(kept, _grouped_now(searcher))
            assert _story_titles(searcher) == [STORY]


def _all_signatures(searcher: Any) -> np.ndarray:
    """Every document's signature read through Whoosh's column reader, one document at a time."""
    rows = []
    for leaf, _ in searcher.reader().leaf_readers():
        column = leaf.column_reader("sketch", translate=False) if leaf.has_column("sketch") else None
        rows += [bytes(column[n]) if column is not None else bytes(SIGNATURE_BYTES) for n in range(leaf.doc_count_all())]
    return np.frombuffer(b"".join(rows), dtype=SIGNATURE_TYPE).reshape(len(rows), PERMUTATIONS)


def _tables_sorting_keys(searcher: Any) -> BandTables:
    """The band tables as a stable argsort of each band's keys gives them, the keys only one document
    has left out: the reference the packed sort must give byte for byte."""
    signatures = _all_signatures(searcher)
    live = np.flatnonzero(signatures.any(axis=1)).astype(np.uint32)
    every = band_keys(signatures[live]).T
    keys, docs, bounds = [], [], [0]
    for band in range(BANDS):
        order = np.argsort(every[band], kind="stable")
        band_keys_sorted, band_docs = every[band][order], live[order]
        counts = {key: list(band_keys_sorted).count(key) for key in set(band_keys_sorted.tolist())}
        shared = np.array([counts[key] > 1 for key in band_keys_sorted.tolist()], dtype=bool)
        keys.append(band_keys_sorted[shared])
        docs.append(band_docs[shared])
        bounds.append(bounds[-1] + int(shared.sum()))
    return BandTables(np.concatenate(keys).astype(np.uint32), np.concatenate(docs).astype(np.uint32),
                      np.array(bounds, dtype=np.int64), Signatures.of_reader(searcher.reader()))


def _every_band_pairs(tables: BandTables) -> set[tuple[int, int]]:
    return set().union(*(_pairs_brute(*tables.band(band)) for band in range(BANDS)))


def _pairs_brute(keys: np.ndarray, docs: np.ndarray) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for at in range(1, len(keys)):
        if keys[at] != keys[at - 1]:
            continue
        start = at
        while start > 0 and keys[start - 1] == keys[at]:
            start -= 1
        for other in (int(docs[start]), int(docs[at - 1])):
            if other != int(docs[at]):
                pairs.add((min(other, int(docs[at])), max(other, int(docs[at]))))
    return pairs


def _labels_of_all_pairs(searcher: Any, tables: BandTables) -> np.ndarray:
    """The stories as the candidate pairs of every band at once, checked and joined (union-find)."""
    signatures = _all_signatures(searcher)
    parent = list(range(len(signatures)))

    def root(doc: int) -> int:
        while parent[doc] != doc:
            doc = parent[doc]
        return doc

    for one, other in _every_band_pairs(tables):
        if np.count_nonzero(signatures[one] == signatures[other]) >= NEAR_DUPLICATE * PERMUTATIONS:
            low, high = sorted((root(one), root(other)))
            parent[high] = low
    return np.array([root(doc) for doc in range(len(parent))], dtype=np.int64)


def test_packed_band_tables_and_candidate_pairs_are_those_of_the_plain_sort(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    folder = tmp_path / "archive"
    folder.mkdir()
    items = [article(rng, n) for n in range(150)]
    variants = [dict(item, title=f"بازنشر {n}", link=f"https://example.org/again/{n}",
                     paragraphs=[*cast("list[str]", item["paragraphs"]), "افزوده"]) for n, item in enumerate(items) if n % 3 == 0]
    _write(folder, "news.json", items)
    _write(folder, "variants.json", variants)
    _write(folder, "short.json", [dup.as_json_item("کوتاه", ["دو کلمه"], "https://example.org/short")])  # no signature
    monkeypatch.setattr(near_duplicates, "_ROWS_AT_ONCE", 7)  # many chunks
    with Archive(DataPaths.resolve(tmp_path / "data")) as archive:
        archive.sync([folder])
        with archive.searcher() as searcher:
            whoosh = searcher.whoosh
            packed, plain = BandTables.of_searcher(whoosh), _tables_sorting_keys(whoosh)
            assert len(_every_band_pairs(plain)) > 20 and not _all_signatures(whoosh).all(axis=1).all()
            assert _same_tables(packed, plain)
            labels = _grouped_now(searcher)
            assert np.count_nonzero(labels != np.arange(len(labels))) > 20  # stories of several articles
            assert np.array_equal(labels, _labels_of_all_pairs(whoosh, plain))
            assert len(packed.keys) < BANDS * len(np.flatnonzero(_all_signatures(whoosh).any(axis=1)))
            for band in range(BANDS):
                first, second = _candidate_pairs(*packed.band(band))
                pairs = list(zip(first.tolist(), second.tolist(), strict=True))
                assert pairs == sorted(_pairs_brute(*plain.band(band)))
    for _ in range(50):
        keys = np.sort(np.array([rng.randrange(12) for _ in range(rng.randrange(0, 40))], dtype=np.uint64))
        docs = np.array([rng.randrange(30) for _ in range(len(keys))], dtype=np.uint32)
        first, second = _candidate_pairs(keys, docs)
        assert list(zip(first.tolist(), second.tolist(), strict=True)) == sorted(_pairs_brute(keys, docs))
