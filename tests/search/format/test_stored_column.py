"""The stored fields' column of schema 12 (viewer/search/format/stored_column.py): every document's
fields come back as written, with a dictionary trained at the start of the segment, at its end, or
none (a small sync); it is smaller than W3's zlib column for the same articles; and a segment written
with W3's column before schema 12 is still read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from whoosh import fields
from whoosh.codec.whoosh3 import STORED_COLUMN, W3Codec
from whoosh.filedb.filestore import FileStorage, RamStorage

from tests.conftest import CORPUS_DIR, data_file
from viewer.search.format.codec import ArrayCodec
from viewer.search.format.stored_column import MIN_TRAINING, ZstdStoredColumn, is_ours


def _documents(count: int) -> list[dict[str, object]]:
    """Stored fields as the index keeps them, from real articles of the test corpus."""
    items: list[dict[str, Any]] = []
    for name in ("fars-news-1.json", "varzesh3-1.json", "fars-news-2.json", "varzesh3-2.json"):
        items += json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    documents = [{"id": f"{number:016x}", "title": str(item.get("title", "")),
                  "text": "\n".join(str(p) for p in item.get("paragraphs") or []),
                  "tags": "\n".join(str(t) for t in item.get("tags") or []),
                  "url": str(item.get("link", "")), "pages": 0}
                 for number, item in enumerate(items)]
    assert len(documents) >= count
    return documents[:count]


def _written(column: object, documents: list[dict[str, object]], skipped: set[int], doccount: int) -> tuple[RamStorage, int]:
    storage = RamStorage()
    out = storage.create_file("column")
    writer = column.writer(out)  # type: ignore[attr-defined]
    for docnum, document in enumerate(documents):
        if docnum not in skipped:
            writer.add(docnum, document)
    writer.finish(doccount)
    length = out.tell()
    out.close()
    return storage, length


@pytest.mark.parametrize(("count", "train_documents"), [(600, 250), (400, 2000), (30, 2000)])
def test_every_document_reads_back_as_written(count: int, train_documents: int) -> None:
    # trained on the first 250 of 600 (then the rest written as they come), at the end on all 400,
    # or on none (fewer than MIN_TRAINING); documents 3 and the last two have no stored fields
    documents = _documents(count)
    skipped = {3}
    storage, length = _written(ZstdStoredColumn(train_documents), documents, skipped, count + 2)
    column_file = storage.open_file("column")
    assert is_ours(column_file, 0, length)
    reader = ZstdStoredColumn().reader(column_file, 0, length, count + 2)
    for docnum, document in enumerate(documents):
        assert reader[docnum] == (None if docnum in skipped else document), docnum
    assert reader[count] is None and reader[count + 1] is None


def test_smaller_than_whooshs_zlib_column() -> None:
    documents = _documents(700)
    _, ours = _written(ZstdStoredColumn(), documents, set(), len(documents))
    _, whooshs = _written(STORED_COLUMN, documents, set(), len(documents))
    print(f"{len(documents)} articles: {whooshs:,} bytes with W3's column, {ours:,} with zstd and a dictionary")
    assert len(documents) >= MIN_TRAINING
    assert ours < 0.8 * whooshs


def test_a_segment_written_with_whooshs_column_is_still_read(tmp_path: Path) -> None:
    # W3's own writer (its zlib column), read back by the codec of schema 12
    schema = fields.Schema(id=fields.ID(stored=True), text=fields.TEXT(stored=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    documents = _documents(5)
    writer = ix.writer(codec=W3Codec())
    for document in documents:
        writer.add_document(id=str(document["id"]), text=str(document["text"]))
    writer.commit()
    (segment,) = ix._segments()
    files = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
    reader = ArrayCodec().per_document_reader(files, segment)
    try:
        for docnum, document in enumerate(documents):
            assert reader.stored_fields(docnum) == {"id": document["id"], "text": document["text"]}
    finally:
        reader.close()
