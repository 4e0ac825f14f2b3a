"""The commit lays out many terms' blocks and term infos at once (term_blocks.py): the segment's
postings file and terms table are, byte for byte, those Whoosh's own writer writes, for Bayegan's
schema (word positions, the id, date and tag fields) and for fields that take the other paths: weights
of every kind (one, a constant, small and large whole numbers, fractions whose sums are not exact),
other values, gaps of two bytes, terms over many blocks."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import fields
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from tests.search.format.test_bulk_writer import _articles
from tests.search.generated_corpus import SEED
from viewer.search.copies.fingerprints import SIGNATURE_BYTES
from viewer.search.format import bulk_writer, term_blocks
from viewer.search.format.bulk_writer import BulkWriter
from viewer.search.format.codec import ArrayCodec
from viewer.search.indexing.prepare import PreparedArticle, analyzed
from viewer.search.schema import build_schema, document_of

_SEGMENT_FILES = (".trm", ".pst")  # the terms table and the postings


def _segment_files(folder: Path, schema: fields.Schema, writer_class: type[SegmentWriter],
                   docs: list[dict[str, Any]]) -> dict[str, bytes]:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(schema, indexname="articles")
    writer = writer_class(ix, codec=ArrayCodec(), compound=False)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    found = {path.suffix: path.read_bytes() for path in folder.iterdir() if path.suffix in _SEGMENT_FILES}
    assert sorted(found) == sorted(_SEGMENT_FILES)
    return found


def _assert_archive_segments_equal(tmp_path: Path, sketch: bytes | None) -> None:
    """300 seeded articles written by Whoosh's writer and by BulkWriter from their prepared documents
    (with `sketch`, or none): the same segment files, byte for byte."""
    articles = _articles(300)
    plain = [document_of(a) | ({"sketch": sketch} if sketch is not None else {}) for a in articles]
    prepared = []
    for a in articles:
        indexed = document_of(a)
        prepared.append(PreparedArticle(a, a.content_hash(), analyzed("title", str(indexed["title"])),
                                        analyzed("text", str(indexed["text"])), "", sketch).document())
    whoosh = _segment_files(tmp_path / "whoosh", build_schema(), SegmentWriter, plain)
    bulk = _segment_files(tmp_path / "bulk", build_schema(), BulkWriter, prepared)
    for suffix in _SEGMENT_FILES:
        assert bulk[suffix] == whoosh[suffix], suffix


@pytest.mark.parametrize("batch_terms", [bulk_writer._BATCH_TERMS, 7])
def test_archive_segment_is_whoosh_writers_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          batch_terms: int) -> None:
    print("seed", SEED)
    monkeypatch.setattr(bulk_writer, "_BATCH_TERMS", batch_terms)  # a field's terms over many batches
    _assert_archive_segments_equal(tmp_path, (bytes(range(200, 256)) * 5)[:SIGNATURE_BYTES])


def _other_schema() -> fields.Schema:
    words = SpaceSeparatedTokenizer()
    return fields.Schema(
        key=fields.ID(stored=True),
        plain=fields.TEXT(analyzer=words),  # Whoosh's positions: not word positions as Bayegan packs them
        fraction=fields.TEXT(analyzer=words, field_boost=0.3, phrase=False),  # float32 weights, inexact sums
        double=fields.KEYWORD(field_boost=2.0, scorable=True),  # constant weights
        count=fields.KEYWORD(scorable=True),  # whole-number weights past 255
        number=fields.NUMERIC(stored=True),
    )


def _other_docs(rng: random.Random, count: int) -> list[dict[str, Any]]:
    vocabulary = [f"w{n}" for n in range(40)]
    docs = []
    for n in range(count):
        doc: dict[str, Any] = {"key": f"d{n}", "number": rng.randint(-5, 10**6)}
        doc["plain"] = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30)))
        doc["fraction"] = " ".join(rng.choice(vocabulary[:8]) for _ in range(rng.randint(1, 12)))
        doc["double"] = " ".join(rng.sample(vocabulary, rng.randint(1, 5)))
        repeated = "many " * (70_000 if n == 5 else rng.choice([1, 3, 300])) if rng.random() < 0.2 or n == 5 else ""
        rare = "rare" if n % 301 == 0 else ""  # two-byte gaps
        doc["count"] = f"{repeated}{rare} {rng.choice(vocabulary)}".strip()
        docs.append(doc)
    return docs


def test_other_fields_are_whoosh_writers_byte_for_byte(tmp_path: Path) -> None:
    print("seed", SEED)
    docs = _other_docs(random.Random(SEED), 900)
    whoosh = _segment_files(tmp_path / "whoosh", _other_schema(), SegmentWriter, docs)
    bulk = _segment_files(tmp_path / "bulk", _other_schema(), BulkWriter, docs)
    for suffix in _SEGMENT_FILES:
        assert bulk[suffix] == whoosh[suffix], suffix


def _w3_total(block_weights: list[list[float]]) -> float:
    """W3TermInfo's total weight: `sum` of each block's weights, added block after block."""
    total = 0.0
    for block in block_weights:
        total += sum(block)
    return total


@pytest.mark.parametrize("scale", [1.0, 1e-30, 1e30])
def test_term_weights_add_up_as_w3_adds_them(scale: float) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    counts = [1, 3, 128, 129, 300, 2]
    weights = []
    for count in counts:
        # mostly a frequency times a boost; some terms' weights far apart (inexact sums in float64)
        wide = rng.random() < 0.5
        weights += [rng.randint(1, 90) * 0.3 * (scale if wide and rng.random() < 0.5 else 1.0) for _ in range(count)]
    narrow = np.array(weights, dtype=np.float32)
    blocks = term_blocks._Blocks(np.array(counts), 128)
    got = term_blocks._term_weights(narrow, blocks)
    expected, at = [], 0
    for count in counts:
        values = narrow[at:at + count].astype(np.float64).tolist()
        expected.append(_w3_total([values[n:n + 128] for n in range(0, count, 128)]))
        at += count
    assert got.tolist() == expected


def test_positions_packed_a_few_blocks_at_a_time_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commonest words' positions are packed a slice of their blocks at a time (bounded memory):
    the same segment as Whoosh's writer, slices ending inside a term, at its end, and across terms."""
    print("seed", SEED)
    monkeypatch.setattr(term_blocks, "SECTION_POSTINGS", 100)
    _assert_archive_segments_equal(tmp_path, None)
