"""The words column's entry numbers (schema 13, viewer/search/indexing/word_table.py): an article keeps
its entry numbers below 2**16 first, two bytes each, and the others in three, so that an archive whose
table has grown past 65,536 pairs still keeps its common words small. Real articles are synced into
an archive whose table already holds ~65,000 pairs (as a large archive's would), so that their words
are numbered on both sides of 2**16: every position must still decode to the analyzer's word, and
the collocations must equal a position-by-position count."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import CORPUS_DIR, data_file
from tests.research.test_discourse_counts import _brute_force_collocates
from tests.research.word_walk import walked_words
from viewer.app.discourse import Discourse
from viewer.app.library import Library
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.indexing.word_table import NUMBERED_HEADER, RECORD, SHORT, TABLE_NAME, decoded, numbered_parts, read_table

SEED = 6553
FILLER = SHORT - 600  # pairs in the table before the second sync: its new words cross 2**16


def _items(name: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(data_file(CORPUS_DIR / name).read_text("utf-8"))
    return items


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    print("seed", SEED)
    rng = random.Random(SEED)
    root = tmp_path_factory.mktemp("numbers")
    source = root / "archive"
    source.mkdir()
    (source / "a.json").write_text(json.dumps(_items("fars-news-3.json")[:40], ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(root / "data")
    with Archive(paths) as archive:
        archive.sync([source])
    table = paths.index_dir / TABLE_NAME
    held = table.stat().st_size // RECORD.itemsize
    filler = np.zeros(FILLER - held, dtype=RECORD)  # pairs no article of this archive names
    filler["group"] = [rng.randrange(1, 2**64) for _ in range(len(filler))]
    filler["spelling"] = [rng.randrange(2**32) for _ in range(len(filler))]
    with open(table, "ab") as out:
        out.write(filler.tobytes())
    later = _items("varzesh3-3.json")[:40] + _items("fars-news-4.json")[:40]
    (source / "b.json").write_text(json.dumps(later, ensure_ascii=False), "utf-8")
    with Archive(paths) as archive:
        archive.sync([source])
    assert len(read_table(paths.index_dir)[0]) > SHORT + 1000
    return root / "data"


def test_words_numbered_on_both_sides_of_two_bytes_decode_to_the_analyzers(data_dir: Path) -> None:
    table = read_table(data_dir / "index")
    mixed = 0
    with Archive(DataPaths.resolve(data_dir)) as archive, archive.searcher() as searcher:
        reader = searcher.whoosh.reader()
        column = reader.column_reader("words", translate=False)
        for docnum in reader.all_doc_ids():
            value = bytes(column[docnum])
            text = str(reader.stored_fields(docnum)["text"])
            assert decoded(value, *table) == walked_words(text), docnum
            if not value:
                continue
            entries, positions, width, number_width, short = numbered_parts(value)
            assert number_width == 3
            # two bytes for each entry number below 2**16, three for the others, nothing else
            assert len(value) == NUMBERED_HEADER.size + 2 * short + 3 * (entries - short) + width * positions
            mixed += 0 < short < entries
    assert mixed >= 20


@pytest.mark.parametrize("query", ["گفت", "ایران"])
def test_collocations_of_words_numbered_on_both_sides_equal_a_position_by_position_count(
        data_dir: Path, query: str) -> None:
    with Library(DataPaths.resolve(data_dir)) as library, Discourse(library) as discourse:
        texts = [library.article(hit.id).text for hit in library.search(query, limit=1000).hits]
        found = discourse.collocates(query, span=4, top=100_000)
    expected = _brute_force_collocates(texts, query, 4)
    assert len(expected) > 10
    assert [(c.word, c.count, c.score, c.frequency) for c in found] == expected
