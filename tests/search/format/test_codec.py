"""The packed posting blocks hold exactly what Whoosh's W3 blocks hold, after merges too."""

from __future__ import annotations

import random
from array import array
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.filedb.filestore import FileStorage

from viewer.importers.reader import read_articles
from viewer.search.copies.identity import primary_id
from viewer.search.format import bulk_postings
from viewer.search.format.block_format import POSITIONS
from viewer.search.format.bulk_postings import (
    member_posting_weights,
    positions_one_by_one,
    posting_positions,
    posting_weights,
)
from viewer.search.format.codec import ArrayCodec, ArrayLeafMatcher, ArrayPostingsWriter
from viewer.search.format.postings import PersianPositions
from viewer.search.schema import build_schema, document_of


def _index(folder: Path, codec: object, articles: list) -> object:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema())
    # Three commits, the last one merging everything: blocks are written, then read back and rewritten.
    for part in (articles[:40], articles[40:90], articles[90:]):
        with ix.writer(codec=codec) as writer:
            for article in part:
                writer.add_document(**document_of(article))
    with ix.writer(codec=codec) as writer:
        writer.optimize = True
        writer.delete_by_term("id", articles[3].id)
    return ix


def _postings(ix: object) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    out = {}
    with ix.reader() as reader:  # type: ignore[attr-defined]
        for fieldname, text in reader.all_terms():
            if fieldname in ("title", "text", "tags"):
                m, rows = reader.postings(fieldname, text), []
                while m.is_active():
                    rows.append((m.id(), m.weight(), m.value()))
                    m.next()
                out[fieldname, text] = rows
    return out


def test_packed_blocks_read_back_as_w3_blocks(tmp_path: Path, corpus_dir: Path) -> None:
    articles = [replace(a, id=primary_id(a)) for a in read_articles(corpus_dir / "varzesh3-1.json")[:160]]
    packed = _index(tmp_path / "packed", ArrayCodec(), articles)
    plain = _index(tmp_path / "w3", W3Codec(), articles)
    with packed.reader() as reader:  # type: ignore[attr-defined]
        long_term = max(reader.all_terms(), key=lambda t: reader.doc_frequency(*t))
        assert isinstance(reader.postings(*long_term), ArrayLeafMatcher)
        assert reader.doc_frequency(*long_term) > 128  # several blocks
    ours, theirs = _postings(packed), _postings(plain)
    assert len(ours) > 3000
    assert ours == theirs


@pytest.mark.parametrize("few_blocks", [0, 1000])
def test_bulk_reads_are_the_matchers(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                     few_blocks: int) -> None:
    """posting_weights gathers a term's ids and weights from its blocks at once (or, for a few blocks,
    one by one): the same as the matcher's, and within chosen documents the same ones."""
    monkeypatch.setattr(bulk_postings, "_FEW_BLOCKS", few_blocks)
    articles = [replace(a, id=primary_id(a)) for a in read_articles(corpus_dir / "varzesh3-1.json")[:160]]
    packed = _index(tmp_path / "packed", ArrayCodec(), articles)
    rng = random.Random(11)
    with packed.reader() as reader:  # type: ignore[attr-defined]
        total = reader.doc_count_all()
        for (fieldname, text), rows in _postings(packed).items():
            if fieldname == "tags":
                continue
            ids, weights = posting_weights(reader.postings(fieldname, text), None)
            assert ids.tolist() == [row[0] for row in rows] and weights.tolist() == [row[1] for row in rows]
            chosen = np.array(sorted(rng.sample(range(total), rng.randint(1, 20))), dtype=np.int64)
            some, _ = posting_weights(reader.postings(fieldname, text), chosen)
            assert set(some.tolist()) & set(chosen.tolist()) == {row[0] for row in rows} & set(chosen.tolist())


def test_a_term_of_both_position_layouts(tmp_path: Path) -> None:
    """A term whose blocks mix the positions layout and deflated values (one block holds a value not
    as PersianPositions packs it): its positions in chosen documents are the matcher's, in order."""
    print("seed", 23)
    rng = random.Random(23)
    storage = FileStorage(str(tmp_path))
    postfile = storage.create_file("term.pst")
    positions_format = PersianPositions()
    writer = ArrayPostingsWriter(postfile, blocklimit=128, compression=3, inlinelimit=1)
    info = W3TermInfo()
    writer.start_postings(positions_format, info)
    ids = sorted(rng.sample(range(5_000), 400))
    for n, docnum in enumerate(ids):
        found = sorted(rng.sample(range(70_000 if n % 50 == 0 else 2_000), rng.choice([1, 1, 2, 5])))
        value = positions_format.encode(found)
        if n == 200:  # four bytes wide though small: this block keeps the deflated layout
            value = b"I" + array("I", found).tobytes()
        writer.add_posting(docnum, float(len(found)), value, 10)
    info = writer.finish_postings()
    postfile.close()
    offset, length = info.extent()
    reader_file = storage.open_file("term.pst")

    def matcher() -> ArrayLeafMatcher:
        return ArrayLeafMatcher(reader_file, offset, length, positions_format)

    layouts = bulk_postings._wanted_blocks(matcher(), None, 0, with_values=False).kinds & POSITIONS
    assert sorted(set((layouts > 0).tolist())) == [False, True]
    for share in (1.0, 0.3, 0.01):
        members = np.zeros(5_000, dtype=bool)
        members[[d for d in ids if rng.random() < share]] = True
        docs, positions = posting_positions(matcher(), members)
        expected = positions_one_by_one(matcher(), members, 0)
        assert docs.tolist() == expected[0].tolist() and positions.tolist() == expected[1].tolist()
    reader_file.close()


def _spread_term_index(folder: Path) -> object:
    """One segment whose word `کتاب` fills the first block of documents in a row (one-byte gaps, each
    once) and then stands every 300 documents (two-byte gaps) with the word twice or three times."""
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema())
    with ix.writer(codec=ArrayCodec()) as writer:
        for n in range(1600):
            text = "باران آمد"
            if n < 128:
                text = "کتاب خواندیم"
            elif n % 300 == 0:
                text = " ".join(["کتاب"] * (2 + n // 300 % 2) + ["دفتر"])
            writer.add_document(id=f"doc-{n}", text=text)
    return ix


def test_blocks_of_several_gap_widths_and_weights_kinds(tmp_path: Path) -> None:
    """The bulk read of a term whose blocks differ in gap width and weights kind is the matcher's,
    and `member_posting_weights` keeps exactly the chosen documents' postings with their weights."""
    ix = _spread_term_index(tmp_path / "spread")
    with ix.reader() as reader:  # type: ignore[attr-defined]
        term = ("text", "کتاب".encode())
        matcher = reader.postings(*term)
        rows = []
        while matcher.is_active():
            rows.append((matcher.id(), matcher.weight()))
            matcher.next()
        assert len(rows) == 128 + 5 and {weight for _, weight in rows} == {1.0, 2.0, 3.0}
        blocks = bulk_postings._wanted_blocks(reader.postings(*term), None, 0, with_values=False)
        assert blocks.widths.tolist() == [1, 2] and len(set((blocks.kinds & ~POSITIONS).tolist())) == 2
        ids, weights = posting_weights(reader.postings(*term), None)
        assert list(zip(ids.tolist(), weights.tolist(), strict=True)) == rows
        members = np.zeros(reader.doc_count_all(), dtype=bool)
        members[[5, 127, 600, 900, 1000]] = True
        kept_ids, kept_weights = member_posting_weights(reader.postings(*term), np.flatnonzero(members), members)
        assert list(zip(kept_ids.tolist(), kept_weights.tolist(), strict=True)) == [
            (n, w) for n, w in rows if members[n]]
        assert kept_ids.tolist() == [5, 127, 600, 900]
