"""The bulk writer (packed postings, term pool) writes the segment Whoosh's own writer writes: the
same terms, posting blocks byte for byte, term statistics, lengths and stored fields, whether its
pool stays in memory or spills chunks to temporary files."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from tests.search.generated_corpus import SEED, article
from viewer.core.article import Article, blocks_from_lines
from viewer.search.format import term_pool
from viewer.search.format.bulk_writer import BulkWriter
from viewer.search.format.codec import ArrayCodec
from viewer.search.indexing.prepare import PreparedArticle, analyzed
from viewer.search.schema import build_schema, document_of


def _articles(count: int) -> list[Article]:
    rng = random.Random(SEED)
    out = []
    for n in range(count):
        item: dict[str, Any] = article(rng, n)
        lines = [str(item["abstract"]), *item["paragraphs"]]
        if n == 14:  # a long text: positions past 65,535 characters
            lines.append("کتاب ایران تهران " * 25_000)
        out.append(Article(id=f"a{n}", title=str(item["title"]), blocks=blocks_from_lines("\n".join(lines), "p" * len(lines)),
                           tags=list(item["tags"]), source=f"/x/{n}.json"))
    return out


def _build(folder: Path, writer_class: type[SegmentWriter], docs: list[dict[str, Any]]) -> Any:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema(), indexname="articles")
    writer = writer_class(ix, codec=ArrayCodec())
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return ix


def _dump(ix: Any) -> dict[str, Any]:
    with ix.reader() as reader:
        segment_reader = reader.leaf_readers()[0][0] if hasattr(reader, "leaf_readers") else reader
        terms = segment_reader._terms
        postfile = terms._postfile
        out: dict[str, Any] = {"stored": [reader.stored_fields(n) for n in range(reader.doc_count_all())]}
        out["lengths"] = {f: [reader.doc_field_length(n, f) for n in range(reader.doc_count_all())]
                          for f in ("title", "text", "tags")}
        infos = {}
        for (fieldname, term), info in terms.items():
            row = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight(),
                   info.min_id(), info.max_id())
            if info.is_inlined():
                infos[(fieldname, term)] = (row, info._inlined)
            else:
                offset, length = info.extent()
                length = length[0] if isinstance(length, tuple) else length
                infos[(fieldname, term)] = (row, postfile.get(offset, length))
        out["terms"] = infos
        out["sketch"] = [bytes(v) for v in reader.column_reader("sketch", translate=False)]
        return out


@pytest.mark.parametrize("chunk", [term_pool.CHUNK_POSTINGS, 5_000])
def test_bulk_writer_writes_what_whoosh_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    print("seed", SEED)
    monkeypatch.setattr(term_pool, "CHUNK_POSTINGS", chunk)
    articles = _articles(400)
    plain = [document_of(a) | {"sketch": bytes(range(200, 256)) * 2 + bytes(16)} for a in articles]
    prepared = []
    for a in articles:
        indexed = document_of(a)
        item = PreparedArticle(a, a.content_hash(), analyzed("title", str(indexed["title"])),
                               analyzed("text", str(indexed["text"])), "", bytes(range(200, 256)) * 2 + bytes(16))
        prepared.append(item.document())
    wide = [v for v in analyzed("text", articles[14].text).packed.values() if v[:1] == b"I"]
    assert wide  # positions past 65,535 take 4 bytes
    whoosh = _dump(_build(tmp_path / "whoosh", SegmentWriter, plain))
    bulk_ix = _build(tmp_path / "bulk", BulkWriter, prepared)
    bulk = _dump(bulk_ix)
    assert len(whoosh["terms"]) > 100 and all(a.text for a in articles)
    assert bulk["stored"] == whoosh["stored"]
    assert bulk["lengths"] == whoosh["lengths"]
    assert bulk["sketch"] == whoosh["sketch"]
    assert bulk["terms"].keys() == whoosh["terms"].keys()
    for key, value in whoosh["terms"].items():
        assert bulk["terms"][key] == value, key
    assert not [p for p in (tmp_path / "bulk").rglob("*") if p.suffix in (".run", ".tmp")]


def test_spilled_chunks_merge_in_term_and_document_order(tmp_path: Path) -> None:
    pool = term_pool.TermPool(str(tmp_path), chunk_postings=3)
    rng = random.Random(SEED)
    expected: dict[tuple[str, bytes], list[int]] = {}
    for docnum in range(60):
        for term in rng.sample([b"a", b"b", b"c", b"d", "\u06a9".encode()], 3):
            field = rng.choice(["text", "title"])
            pool.add((field, term, docnum, 1.0, b"H" + bytes([docnum, 0])))
            expected.setdefault((field, term), []).append(docnum)
    assert len(pool.chunks) > 10
    got = {}
    for field, term, docs, _weights, lens, values in pool.terms():
        numbers = [int.from_bytes(docs[i:i + 4], "little") for i in range(0, len(docs), 4)]
        assert values == b"".join(b"H" + bytes([n, 0]) for n in numbers)
        assert len(lens) == 4 * len(numbers)
        got[(field, term)] = numbers
    assert list(got) == sorted(expected)
    assert got == expected
    pool.cleanup()
