"""The MinHash signatures at 16 bits a value (schema 14, b-bit MinHash: copies/fingerprints.py): the
index's `sketch` column keeps the low 16 bits of each 32-bit minimum, 128 bytes an article instead
of 256; the near duplicates and stories come from them. A segment whose column holds values of
another width (schema 13's 256 bytes, or damage) gives no signatures, never an error."""

from __future__ import annotations

import json
import random
import shutil
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import columns, fields
from whoosh.filedb.filestore import FileStorage

from tests.conftest import CORPUS_DIR, data_file
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.copies.fingerprints import (
    NEAR_DUPLICATE,
    PERMUTATIONS,
    SIGNATURE_BYTES,
    folded_words,
    signature_values,
    similarity,
    sketch,
)
from viewer.search.copies.near_duplicates import BandTables, NearDuplicates, Signatures

SEED = 1414


def _texts() -> list[str]:
    items: list[dict[str, Any]] = []
    for name in ("fars-news-1.json", "varzesh3-1.json"):
        items += json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    return ["\n".join(str(p) for p in item.get("paragraphs") or []) for item in items]


def _full_minimums(words: list[str]) -> np.ndarray:
    """The 32-bit MinHash minimums of the words' 3-grams worked out plainly, one 3-gram at a time
    with Python's integers (the same hashes as fingerprints.sketch: seeded multiply-shift)."""
    a, b = _permutation_constants()
    gram = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
    mask = (1 << 64) - 1
    hashes = [zlib.crc32(word.encode()) for word in words[:1000]]
    minimums = [1 << 64] * PERMUTATIONS
    for first, second, third in zip(hashes, hashes[1:], hashes[2:], strict=False):
        value = (first * gram[0] + second * gram[1] + third * gram[2]) & mask
        value ^= value >> 32
        for at in range(PERMUTATIONS):
            minimums[at] = min(minimums[at], (value * a[at] + b[at]) & mask)
    return np.array([m >> 32 for m in minimums], dtype=np.uint64)


def _permutation_constants() -> tuple[list[int], list[int]]:
    rng = random.Random(20)  # fingerprints._SEED
    a = [rng.randrange(1, 2**63) * 2 + 1 for _ in range(PERMUTATIONS)]
    b = [rng.randrange(0, 2**63) for _ in range(PERMUTATIONS)]
    return a, b


def test_a_signature_is_the_low_16_bits_of_each_minimum() -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    for text in rng.sample(_texts(), 5):
        words = folded_words(text)
        signature = sketch(words)
        assert signature is not None and len(signature) == SIGNATURE_BYTES == 2 * PERMUTATIONS
        assert signature_values(signature).tolist() == (_full_minimums(words) & 0xFFFF).tolist()
        assert similarity(signature, signature) == 1.0


def test_a_signature_of_another_width_is_a_clear_error() -> None:
    signature = sketch(folded_words(_texts()[0]))
    assert signature is not None
    with pytest.raises(ValueError, match=f"{SIGNATURE_BYTES} bytes, not {2 * SIGNATURE_BYTES}"):
        signature_values(signature + signature)
    assert similarity(signature, b"") == 0.0


def test_the_index_keeps_128_bytes_an_article_and_finds_the_same_near_duplicates(tmp_path: Path) -> None:
    """A republished article (a paragraph cut) is still the near duplicate of its original, with the
    score the two 16-bit signatures give, read from the column that keeps 128 bytes an article."""
    print("seed", SEED)
    rng = random.Random(SEED)
    items: list[dict[str, Any]] = json.loads(data_file(CORPUS_DIR / "fars-news-1.json").read_text("utf-8"))
    long_items = [item for item in items if len(item.get("paragraphs") or []) >= 4][:8]
    variants = []
    for number, item in enumerate(long_items):
        paragraphs = list(item["paragraphs"])
        del paragraphs[rng.randrange(1, len(paragraphs))]
        variants.append(dict(item, title=f"{item.get('title', '')} (بازنشر)", link=f"https://example.org/v/{number}",
                             paragraphs=paragraphs))
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(items + variants, ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([folder])
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            (leaf, _), = reader.leaf_readers()
            column = leaf.column_reader("sketch", translate=False)
            values = [bytes(column[n]) for n in range(reader.doc_count_all())]
            assert {len(value) for value in values} == {SIGNATURE_BYTES}
            docnum_of = {str(fields_.get("url", "")): n for n, fields_ in enumerate(reader.all_stored_fields())}
            near = NearDuplicates(searcher.whoosh)
            found = 0
            for item, original in zip(variants, long_items, strict=True):
                mine = docnum_of[item["link"]]
                similar = near.of(mine)
                assert docnum_of[original["link"]] in [other for other, _ in similar], item["title"]
                for other, score in similar:
                    assert score == similarity(values[mine], values[other]) >= NEAR_DUPLICATE
                found += 1
            assert found == len(variants)


def _index_with_sketch_width(folder: Path, width: int, texts: list[str]) -> Any:
    schema = fields.Schema(id=fields.ID(stored=True, unique=True), sketch=fields.COLUMN(columns.FixedBytesColumn(width)))
    ix = FileStorage(str(folder)).create_index(schema)
    writer = ix.writer()
    for number, text in enumerate(texts):
        signature = sketch(folded_words(text))
        assert signature is not None
        writer.add_document(id=str(number), sketch=(signature * 2)[:width])
    writer.commit()
    return ix


@pytest.mark.parametrize("width", [2 * SIGNATURE_BYTES, SIGNATURE_BYTES // 2])
def test_a_segment_of_another_signature_width_has_no_near_duplicates_and_no_error(tmp_path: Path, width: int) -> None:
    """Schema 13's 256-byte signatures (an index not yet rebuilt, read by another process) or a
    column of any other width: read as no signatures, so no near duplicates, not garbage."""
    texts = [text for text in _texts() if len(text.split()) > 50][:6]
    ix = _index_with_sketch_width(tmp_path, width, texts + texts)  # each text twice: near duplicates if read
    with ix.searcher() as searcher:
        signatures = Signatures.of_reader(searcher.reader())
        assert not signatures.rows(np.arange(len(texts) * 2)).any()
        tables = BandTables.of_searcher(searcher)
        assert len(tables.keys) == 0
        assert NearDuplicates(searcher, tables).of(0) == []


def test_a_schema_13_archive_is_rebuilt_with_the_short_signatures(tmp_path: Path) -> None:
    """tests/data/kept-index: one article (tests/data/seeds) indexed by schema 13 (256-byte
    signatures, the words column uncompressed). Opened by this code it is rebuilt empty; the next
    sync of its folder indexes the article again, with schema 14's columns, and it answers."""
    from viewer.search.format.stored_column import ZstdBytesColumn
    from viewer.search.indexing.archive_index import INDEX_VERSION

    root = Path(__file__).resolve().parents[2] / "data"
    paths = DataPaths.resolve(tmp_path / "data")
    shutil.copytree(root / "kept-index", paths.index_dir)
    assert (paths.index_dir / "bayegan-index-version").read_text("utf-8").startswith("schema13-")
    seeds = tmp_path / "seeds"
    shutil.copytree(root / "seeds", seeds)
    with Archive(paths) as archive:
        with archive.searcher() as searcher:
            assert searcher.doc_count == 0  # rebuilt: the old segment is gone
        assert archive.sync([seeds]).added == 1
        with archive.searcher() as searcher:
            assert searcher.search("دیپلماسی شهری", limit=5).total == 1
            reader = searcher.whoosh.reader()
            (leaf, _), = reader.leaf_readers()
            assert len(bytes(leaf.column_reader("sketch", translate=False)[0])) == SIGNATURE_BYTES
            assert isinstance(leaf.schema["words"].column_type, ZstdBytesColumn)
            assert len(searcher.stories().labels) == 1
    assert (paths.index_dir / "bayegan-index-version").read_text("utf-8") == INDEX_VERSION
