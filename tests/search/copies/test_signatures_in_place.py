"""The copies tables without a second copy of the signatures (schema 13): the near-duplicate lookups
read each article's MinHash signature from the segment's own `sketch` column (mapped where it lies,
near_duplicates.Signatures), and the kept band tables are each band's 32-bit keys with their
documents. The answers must be those of a plain comparison of every article's bands and signature,
whatever segments the index is in, with deletions and articles too short to sketch."""

from __future__ import annotations

import json
import mmap
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import columns, fields
from whoosh.filedb.filestore import FileStorage, RamStorage

from tests.conftest import CORPUS_DIR, data_file
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.copies.fingerprints import (
    BANDS,
    NEAR_DUPLICATE,
    PERMUTATIONS,
    SIGNATURE_BYTES,
    SIGNATURE_TYPE,
    band_keys,
    folded_words,
    sketch,
)
from viewer.search.copies.kept_tables import PREFIX, load_labels, load_tables
from viewer.search.copies.near_duplicates import NearDuplicates, Signatures

SEED = 1313


def _real_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for name in ("fars-news-1.json", "varzesh3-1.json"):
        items += json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    return items


def _variant(rng: random.Random, item: dict[str, Any], number: int) -> dict[str, Any]:
    """A republication: another link and title, a paragraph dropped or a word changed."""
    paragraphs = [str(p) for p in item.get("paragraphs") or []]
    if len(paragraphs) > 2 and rng.random() < 0.5:
        del paragraphs[rng.randrange(len(paragraphs))]
    elif paragraphs:
        at = rng.randrange(len(paragraphs))
        words = paragraphs[at].split()
        if words:
            words[rng.randrange(len(words))] = "بازنشر"
        paragraphs[at] = " ".join(words)
    return dict(item, title=f"{item.get('title', '')} (بازنشر {number})", link=f"https://example.org/again/{number}",
                paragraphs=paragraphs)


def _column_signatures(reader: Any) -> np.ndarray:
    """Every document's signature as Whoosh's column reader gives it, one document at a time."""
    rows: list[bytes] = []
    for leaf, _ in reader.leaf_readers():
        column = leaf.column_reader("sketch", translate=False) if leaf.has_column("sketch") else None
        rows += [bytes(column[n]) if column is not None else bytes(SIGNATURE_BYTES) for n in range(leaf.doc_count_all())]
    return np.frombuffer(b"".join(rows), dtype=SIGNATURE_TYPE).reshape(len(rows), PERMUTATIONS)


def _similar_plainly(signatures: np.ndarray, docnum: int, deleted: set[int]) -> list[tuple[int, float]]:
    """The near duplicates of a document by comparing its bands with every other document's."""
    mine = signatures[docnum]
    if not mine.any():
        return []
    has = np.flatnonzero(signatures.any(axis=1))
    shares = (band_keys(signatures[has]) == band_keys(mine[None, :])).any(axis=1)
    found = []
    for other in has[shares].tolist():
        score = np.count_nonzero(signatures[other] == mine) / PERMUTATIONS
        if other != docnum and other not in deleted and score >= NEAR_DUPLICATE:
            found.append((other, score))
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def test_near_duplicates_of_an_archive_in_several_segments_are_those_of_a_plain_comparison(tmp_path: Path) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    items = _real_items()
    rng.shuffle(items)
    variants = [_variant(rng, item, n) for n, item in enumerate(items[:60])]
    short = [{"title": "کوتاه", "paragraphs": ["دو کلمه"], "link": "https://example.org/short"}]  # no signature
    batches = [items[:70] + short, variants[:30], items[70:140] + variants[30:]]
    folder = tmp_path / "archive"
    folder.mkdir()
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        for number, batch in enumerate(batches):  # one sync a file: a segment each, until Whoosh merges them
            (folder / f"part-{number}.json").write_text(json.dumps(batch, ensure_ascii=False), "utf-8")
            archive.sync([folder])
        (folder / "part-1.json").write_text(json.dumps(variants[:20], ensure_ascii=False), "utf-8")  # ten deleted
        archive.sync([folder])
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            total = reader.doc_count_all()
            assert len(reader.leaf_readers()) > 1 and reader.has_deletions()
            deleted = {n for n in range(total) if reader.is_deleted(n)}
            kept = load_tables(paths.index_dir, reader)
            assert kept is not None  # mapped from the files the sync kept
            signatures = _column_signatures(reader)
            assert np.array_equal(kept.signatures.rows(np.arange(total)), signatures)
            near = NearDuplicates(searcher.whoosh, kept)
            similar = 0
            for docnum in range(total):
                if docnum in deleted:
                    continue
                expected = _similar_plainly(signatures, docnum, deleted)
                assert near.of(docnum) == expected, docnum
                similar += bool(expected)
            assert similar >= 40
            labels = load_labels(paths.index_dir, reader)
            assert labels is not None and np.array_equal(labels, searcher.stories().labels)
            live = int(np.count_nonzero(signatures.any(axis=1)))
        files = {path.name.rsplit("-", 1)[1]: path for path in paths.index_dir.glob(f"{PREFIX}*")}
        assert sorted(files) == ["bounds.npy", "docs.npy", "keys.npy", "labels.npy"]  # no signature kept twice
        keys, docs, bounds = (np.load(files[f"{name}.npy"]) for name in ("keys", "docs", "bounds"))
        assert keys.dtype == docs.dtype == np.uint32 and keys.shape == docs.shape and bounds.shape == (BANDS + 1,)
        # only the keys several articles share: an article without near-duplicate candidates keeps none
        assert 0 < len(keys) < BANDS * live
        for band in range(BANDS):
            band_keys_kept = keys[bounds[band]:bounds[band + 1]].tolist()
            assert band_keys_kept == sorted(band_keys_kept)
            assert all(band_keys_kept.count(key) > 1 for key in band_keys_kept)
        assert np.load(files["labels.npy"]).dtype == np.int32
        assert sum(path.stat().st_size for path in files.values()) <= 8 * len(keys) + 4 * total + 8 * (BANDS + 1) + 4 * 128


def _small_index(storage: Any, rng: random.Random) -> tuple[Any, list[bytes]]:
    """An index of real articles' signatures in three segments: one of separate files, one compound,
    one whose last documents have none (its column ends early); some documents deleted."""
    schema = fields.Schema(id=fields.ID(stored=True, unique=True),
                           sketch=fields.COLUMN(columns.FixedBytesColumn(SIGNATURE_BYTES)))
    ix = storage.create_index(schema)
    texts = ["\n".join(str(p) for p in item.get("paragraphs") or []) for item in _real_items()]
    expected: list[bytes] = []
    number = 0
    for compound, count, bare_tail in ((False, 40, 0), (True, 25, 0), (True, 30, 5)):
        writer = ix.writer(compound=compound)
        for at in range(count):
            signature = sketch(folded_words(texts[number % len(texts)])) if at < count - bare_tail and rng.random() < 0.9 else None
            writer.add_document(id=str(number), **({"sketch": signature} if signature else {}))
            expected.append(signature or bytes(SIGNATURE_BYTES))
            number += 1
        writer.commit(merge=False)
    writer = ix.writer()
    for doc in rng.sample(range(number), 7):
        writer.delete_by_term("id", str(doc))
    writer.commit(merge=False)
    return ix, expected


def _mapped(array: np.ndarray) -> bool:
    base = array.base
    while base is not None and not isinstance(base, mmap.mmap):
        base = getattr(base, "base", None) if isinstance(base, np.ndarray) else getattr(base, "_mmap", None)
    return isinstance(base, mmap.mmap)


@pytest.mark.parametrize("where", ["files", "memory"])
def test_signatures_are_read_where_each_segment_keeps_them(tmp_path: Path, where: str) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    storage = FileStorage(str(tmp_path), supports_mmap=False) if where == "files" else RamStorage()
    ix, expected = _small_index(storage, rng)
    with ix.reader() as reader:
        assert [leaf.segment().is_compound() for leaf, _ in reader.leaf_readers()] == [False, True, True]
        signatures = Signatures.of_reader(reader)
        assert all(_mapped(part) == (where == "files") for _, part in signatures._parts)
        whole = np.frombuffer(b"".join(expected), dtype=SIGNATURE_TYPE).reshape(len(expected), PERMUTATIONS)
        assert np.array_equal(_column_signatures(reader), whole)
        assert np.array_equal(signatures.rows(np.arange(len(expected))), whole)
        picked = np.array([rng.randrange(len(expected)) for _ in range(200)], dtype=np.int64)
        assert np.array_equal(signatures.rows(picked), whole[picked])
        assert np.array_equal(signatures.chunk(30, 70), whole[30:70])
