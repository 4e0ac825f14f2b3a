"""Ids of many matches come from every document's id read once: the same as one column read each."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from viewer.search.format.codec import ArrayCodec
from viewer.search.results import searcher as searcher_module
from viewer.search.results.doc_ids import DocIds
from viewer.search.results.searcher import ArchiveSearcher
from viewer.search.schema import build_schema


@pytest.mark.parametrize("ids", [[f"{n:016x}" for n in range(40)], [f"خبر-{n}" for n in range(40)]])
def test_every_id_as_the_column_has_it(tmp_path: Path, ids: list[str]) -> None:
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    with ix.writer(codec=ArrayCodec()) as writer:
        for n, article_id in enumerate(ids):
            writer.add_document(id=article_id, title=f"خبر {n}", text="متن خبر")
    with ix.reader() as reader:
        column = reader.column_reader("id")
        chosen = [39, 0, 7, 7, 12]
        assert DocIds(reader).of(chosen) == [column[n] for n in chosen] == [ids[n] for n in chosen]


def test_a_search_gives_the_same_ids_either_way(searcher: ArchiveSearcher, monkeypatch: pytest.MonkeyPatch) -> None:
    one_by_one = searcher.search("ایران", with_ids=True).doc_ids
    monkeypatch.setattr(searcher_module, "_MANY_IDS", 0)
    assert len(one_by_one) > 20
    assert searcher.search("ایران", with_ids=True).doc_ids == one_by_one


def test_every_id_across_segments_and_deletions(tmp_path: Path) -> None:
    """The ids read in one piece per segment (every id of one width) are the column's, document by document."""
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    ids = [f"{n:016x}" for n in range(30)]
    for part in (ids[:10], ids[10:25], ids[25:]):
        writer = ix.writer(codec=ArrayCodec())
        for article_id in part:
            writer.add_document(id=article_id, title="خبر", text="متن خبر")
        writer.commit(merge=False)
    writer = ix.writer(codec=ArrayCodec())
    writer.delete_by_term("id", ids[3])
    writer.commit(merge=False)
    with ix.reader() as reader:
        assert len(list(reader.leaf_readers())) == 3
        column = reader.column_reader("id")
        every = list(range(reader.doc_count_all()))
        assert DocIds(reader).of(every) == [column[n] for n in every] == ids
