"""Field lengths read in one piece per segment (internals.length_bytes) are those Whoosh reads
document by document: across segments, with deletions, and for documents the column never reached
(a field missing from the last documents)."""

from __future__ import annotations

from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from viewer.search.format.codec import ArrayCodec
from viewer.search.format.internals import field_lengths, preload_field_lengths
from viewer.search.schema import TEXT_FIELDS, build_schema


def test_preloaded_lengths_are_the_documents_own(tmp_path: Path) -> None:
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    words = "خبر متن کوتاه بلند ایران تهران".split()
    parts = [range(12), range(12, 30), range(30, 34)]
    for part in parts:
        writer = ix.writer(codec=ArrayCodec())
        for n in part:
            text = " ".join(words[: 1 + n % len(words)] * (1 + n % 5))
            # the last documents of each segment have no title: its lengths column stops short
            writer.add_document(id=f"{n:016x}", title=" ".join(words[: n % 4]) if n % 10 < 7 else "", text=text)
        writer.commit(merge=False)
    writer = ix.writer(codec=ArrayCodec())
    writer.delete_by_term("id", f"{5:016x}")
    writer.commit(merge=False)
    with ix.searcher() as plain:
        expected = {field: [plain.reader().doc_field_length(n, field, 0) for n in range(34)] for field in TEXT_FIELDS}
    with ix.searcher() as searcher:
        preload_field_lengths(searcher, TEXT_FIELDS)
        for field in TEXT_FIELDS:
            found = []
            for leaf, _ in searcher.leaf_searchers():
                found += [int(x) for x in field_lengths(leaf.reader(), field)]
            live = [n for n in range(34) if n != 5]
            assert [found[n] for n in live] == [expected[field][n] or 0 for n in live], field
