"""kill -9 while a sync extends the archive's word table (viewer/search/indexing/word_table.py): at
every moment, before the table is written, with a torn record in it, after it is fsynced, inside
Whoosh's commit and after it, the index left behind names only entries the table holds, each
position's group and spelling are the analyzer's, and the next sync makes the index a clean one's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.child_cli import run_killed_sync
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_here
from tests.research.word_walk import walked_words
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.indexing.word_table import (
    TABLE_NAME,
    decoded,
    numbered_parts,
    numbers_of,
    read_table,
)

# Moments of writing the table, beside child_cli's moments of the commit.
_TABLE_HOOKS = r"""
from viewer.search.indexing import word_table

save = word_table.WordTable.save

def killing_save(self):
    if moment == "before-table":
        die()
    if moment == "torn-table":
        with open(self.folder / word_table.TABLE_NAME, "ab") as table:
            table.write(bytes(range(1, 8)))  # seven bytes of a twelve-byte record
            table.flush()
            os.fsync(table.fileno())
        die()
    save(self)
    if moment == "after-table":
        die()

word_table.WordTable.save = killing_save
"""


def _words(data_dir: Path) -> dict[str, tuple[list[int], list[int]]]:
    """Each article's words column, decoded with the table; every entry number checked to be in it and
    every position to be the analyzer's."""
    table = read_table(data_dir / "index")
    archive = Archive(DataPaths.resolve(data_dir))
    try:
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            column = reader.column_reader("words", translate=False)
            words = {}
            for docnum in reader.all_doc_ids():
                stored = reader.stored_fields(docnum)
                value = bytes(column[docnum])
                numbers = numbers_of([value], [numbered_parts(value)])
                highest = int(numbers.max()) if len(numbers) else -1
                assert highest < len(table[0]), f"{stored['id']}: entry {highest} of a {len(table[0])}-entry table"
                words[str(stored["id"])] = decoded(value, *table)
                assert words[str(stored["id"])] == walked_words(str(stored["text"])), stored["id"]
            return words
    finally:
        archive.close()


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["before-table", "torn-table", "after-table", "before-toc", "after-commit"])
def test_kill_9_while_the_word_table_grows_leaves_every_entry_in_it(tmp_path: Path, moment: str) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    write_archive(source, corpus_items("fars-news-2.json", 20), per_file=10)
    index_here(data, source)
    before = _words(data)
    # new words for the table: another agency's articles
    write_archive(tmp_path / "more", corpus_items("varzesh3-2.json", 20), per_file=10)
    for path in (tmp_path / "more").iterdir():
        path.rename(source / f"more-{path.name}")

    child = run_killed_sync(moment, data, source, _TABLE_HOOKS, timeout=300)
    assert child.returncode == -9, child.stderr
    assert (data / "index" / TABLE_NAME).stat().st_size >= 12 * len({g for w in before.values() for g in w[0]})

    left = _words(data)  # every committed entry number is in the table
    assert set(before) <= set(left)
    index_here(data, source)
    clean = tmp_path / "clean"
    index_here(clean, source)
    assert _words(data) == _words(clean)
