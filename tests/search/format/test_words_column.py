"""The collocations' `words` column compressed by zstd with the segment's dictionary (schema 14,
stored_column.ZstdBytesColumn): every value reads back as written (b"" for a document without one),
with a dictionary trained at the start of the segment, at its end, or none (a small sync); a real
archive's column is smaller than its values; a damaged value is a clear error in both languages."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage, RamStorage

from tests.conftest import CORPUS_DIR, data_file
from viewer.analysis.word_groups import word_sequence
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.format.internals import fixed_column_place
from viewer.search.format.stored_column import DamagedColumnError, ZstdBytesColumn, is_ours
from viewer.search.schema import build_schema

SEED = 1415


def _values(count: int) -> list[bytes]:
    """word_sequence values of real articles of the test corpus (what the column is given, before
    the sync numbers them: the column is the same for any bytes)."""
    items: list[dict[str, Any]] = []
    for name in ("fars-news-1.json", "varzesh3-1.json", "fars-news-2.json", "varzesh3-2.json"):
        items += json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    values = [word_sequence("\n".join(str(p) for p in item.get("paragraphs") or [])) for item in items[:count]]
    assert len(values) == count
    return values


def _written(column: ZstdBytesColumn, values: list[bytes], skipped: set[int], doccount: int) -> tuple[RamStorage, int]:
    storage = RamStorage()
    out = storage.create_file("column")
    writer = column.writer(out)
    for docnum, value in enumerate(values):
        if docnum not in skipped:
            writer.add(docnum, value)
    writer.finish(doccount)
    length = out.tell()
    out.close()
    return storage, length


@pytest.mark.parametrize(("count", "train_documents"), [(600, 250), (400, 2000), (30, 2000)])
def test_every_value_reads_back_as_written(count: int, train_documents: int) -> None:
    # trained on the first 250 of 600, at the end on all 400, or on none (fewer than MIN_TRAINING);
    # document 3 has no value, document 5 an empty one, and the last two none
    values = _values(count)
    values[5] = b""
    storage, length = _written(ZstdBytesColumn(train_documents), values, {3}, count + 2)
    column_file = storage.open_file("column")
    assert is_ours(column_file, 0, length)
    reader = ZstdBytesColumn().reader(column_file, 0, length, count + 2)
    for docnum, value in enumerate(values):
        assert reader[docnum] == (b"" if docnum == 3 else value), docnum
    assert reader[count] == b"" and reader[count + 1] == b""
    if count >= 400:
        assert length < 0.8 * sum(map(len, values))


def test_a_damaged_value_is_a_clear_error_in_both_languages() -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    values = _values(300)
    storage, length = _written(ZstdBytesColumn(), values, set(), len(values))
    raw = bytearray(storage.open_file("column").read())
    reader = ZstdBytesColumn().reader(storage.open_file("column"), 0, length, len(values))
    docnum = rng.randrange(len(values))
    start, end = int(reader._offsets[docnum]), int(reader._offsets[docnum + 1])
    raw[start:end] = bytes(rng.randrange(256) for _ in range(end - start))  # its frame overwritten
    damaged = RamStorage()
    with damaged.create_file("column") as out:
        out.write(bytes(raw))
    reader = ZstdBytesColumn().reader(damaged.open_file("column"), 0, length, len(values))
    assert reader[docnum - 1 if docnum else docnum + 1] == values[docnum - 1 if docnum else docnum + 1]
    with pytest.raises(DamagedColumnError) as caught:
        reader[docnum]
    assert "damaged" in caught.value.message("en") and "words" in caught.value.message("en")
    assert "آسیب" in caught.value.message("fa")


def test_an_archive_keeps_its_words_compressed(tmp_path: Path) -> None:
    assert isinstance(build_schema()["words"].column_type, ZstdBytesColumn)
    items: list[dict[str, Any]] = json.loads(data_file(CORPUS_DIR / "fars-news-1.json").read_text("utf-8"))
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data")
    with Archive(paths) as archive:
        archive.sync([folder])
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            (leaf, _), = reader.leaf_readers()
            per_doc = leaf._perdoc
            column_file, offset, length = per_doc._get_column_file("words")
            assert is_ours(column_file, offset, length)
            values = [bytes(v) for v in leaf.column_reader("words", translate=False)]
            assert all(values) and length < sum(map(len, values))


def test_collocations_over_a_damaged_words_column_are_a_clear_error(run_cli: Callable[..., tuple[int, str, str]],
                                                                     tmp_path: Path) -> None:
    """Every compressed value of a real archive's words column overwritten in the segment file: the
    collocations command says the index is damaged, in a message, not a traceback."""
    print("seed", SEED)
    rng = random.Random(SEED)
    items: list[dict[str, Any]] = json.loads(data_file(CORPUS_DIR / "fars-news-1.json").read_text("utf-8"))
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    code, _, err = run_cli("index", str(folder))
    assert code == 0, err
    assert run_cli("collocates", "ایران", "--json")[0] == 0
    ix = FileStorage(str(tmp_path / "data" / "index"), supports_mmap=False).open_index("articles")
    with ix.reader() as reader:
        (leaf, _), = reader.leaf_readers()
        column = leaf.column_reader("words", translate=False)
        values_end = int(column._offsets[-1])
        _, place = fixed_column_place(leaf, "words")
    assert place is not None and values_end > 0
    path, start = place
    with open(path, "r+b") as segment:
        segment.seek(start)
        segment.write(bytes(rng.randrange(256) for _ in range(values_end)))
    code, out, err = run_cli("collocates", "ایران")
    assert code != 0 and "damaged" in err and "words" in err
    assert "Traceback" not in err + out
