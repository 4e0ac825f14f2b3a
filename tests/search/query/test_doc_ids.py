"""Every document's id read once, in one piece per segment, is what one column read each gives:
fixed-width hashes, ids of several lengths, Persian ids, several segments, deleted documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index

from viewer.search.format.codec import ArrayCodec
from viewer.search.results.doc_ids import DocIds
from viewer.search.schema import build_schema


def _index(folder: Path, batches: list[list[str]], deleted: tuple[str, ...] = ()) -> Index:
    ix = FileStorage(str(folder)).create_index(build_schema())
    for batch in batches:  # one segment each
        with ix.writer(codec=ArrayCodec()) as writer:
            writer.merge = False
            for article_id in batch:
                writer.add_document(id=article_id, title=f"خبر {article_id}", text="متن خبر")
    if deleted:
        with ix.writer(codec=ArrayCodec()) as writer:
            writer.merge = False
            for article_id in deleted:
                writer.delete_by_term("id", article_id)
    return ix


@pytest.mark.parametrize("ids", [[f"{n:016x}" for n in range(40)], [f"خبر-{n}" for n in range(40)],
                                 [f"a{n}" for n in range(40)]])
def test_every_id_as_the_column_has_it(tmp_path: Path, ids: list[str]) -> None:
    with _index(tmp_path, [ids]).reader() as reader:
        column = reader.column_reader("id")
        chosen = [39, 0, 7, 7, 12]
        assert DocIds(reader).of(chosen) == [column[n] for n in chosen] == [ids[n] for n in chosen]


@pytest.mark.parametrize("second", [[f"{n:016x}" for n in range(100, 130)], [f"خبر-{n}" for n in range(30)],
                                    [f"{n:012x}" for n in range(30)]])
def test_several_segments_and_deleted_documents(tmp_path: Path, second: list[str]) -> None:
    first = [f"{n:016x}" for n in range(50)]
    third = [f"{n:016x}" for n in range(200, 220)]
    ix = _index(tmp_path, [first, second, third], deleted=(first[3], second[5], third[0]))
    with ix.reader() as reader:
        assert len(list(reader.leaf_readers())) == 3
        column = reader.column_reader("id")
        every = list(range(reader.doc_count_all()))
        assert DocIds(reader).of(every) == [column[n] for n in every]
        live = list(reader.all_doc_ids())
        assert sorted(DocIds(reader).of(live)) == sorted(set(first + second + third) - {first[3], second[5], third[0]})
