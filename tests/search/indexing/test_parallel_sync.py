"""A sync whose files are prepared by worker processes builds the same index as a serial one:
the same documents in the same order, the same terms, postings, weights, positions and lengths."""

from __future__ import annotations

import json
import random
from pathlib import Path

from whoosh.index import FileIndex

from tests.search.generated_corpus import SEED, article, write_corpus
from viewer.core.errors import CancelledError
from viewer.core.results import SyncReport
from viewer.search.indexing.archive_index import open_index
from viewer.search.indexing.sync import sync_sources


def _dump(ix: FileIndex) -> dict[str, object]:
    with ix.reader() as reader:
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        postings = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            items = []
            while matcher.is_active():
                items.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            postings[(fieldname, term)] = items
        lengths = {f: [reader.doc_field_length(n, f) for n in range(reader.doc_count_all())] for f in ("title", "text")}
        return {"stored": stored, "postings": postings, "lengths": lengths, "deleted": list(reader.all_doc_ids())}


def _sync(tmp_path: Path, name: str, corpus: Path, workers: int) -> tuple[SyncReport, dict[str, object]]:
    index_dir = tmp_path / name
    ix, _ = open_index(index_dir)
    report = sync_sources(ix, index_dir, [corpus], workers=workers)
    return report, _dump(ix)


def _report(report: SyncReport) -> dict[str, object]:
    return {**report.as_json(), "files_read": report.files_read, "changed": report.changed_ids}


def test_parallel_sync_builds_the_same_index_as_serial(tmp_path: Path) -> None:
    print("seed", SEED)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, random.Random(SEED))
    serial_report, serial = _sync(tmp_path, "serial", corpus, workers=0)
    parallel_report, parallel = _sync(tmp_path, "parallel", corpus, workers=2)
    assert serial_report.added > 100 and serial_report.duplicates == 1 and len(serial_report.failed) == 1
    assert _report(parallel_report) == _report(serial_report)
    assert parallel["stored"] == serial["stored"]
    assert all(type(doc[name]) is str for doc in parallel["stored"] for name in ("title", "text"))  # type: ignore[attr-defined]
    assert parallel["lengths"] == serial["lengths"]
    assert parallel["postings"] == serial["postings"]
    assert parallel == serial


def test_parallel_resync_of_changed_files_matches_serial(tmp_path: Path) -> None:
    print("seed", SEED + 1)
    rng = random.Random(SEED + 1)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, rng)
    dumps = []
    for name, workers in (("serial", 0), ("parallel", 2)):
        index_dir = tmp_path / name
        ix, _ = open_index(index_dir)
        sync_sources(ix, index_dir, [corpus], workers=workers)
        dumps.append(index_dir)
    # Change one file (an article edited, one dropped, one added) and remove another.
    part = corpus / "part-2.json"
    items = json.loads(part.read_text("utf-8"))
    items[0]["title"] = "عنوان تازه کتاب"
    items.pop()
    items.append(article(random.Random(SEED + 2), 10_000))
    part.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    (corpus / "part-5.json").unlink()
    results = []
    for index_dir, workers in zip(dumps, (0, 2), strict=True):
        ix, _ = open_index(index_dir)
        report = sync_sources(ix, index_dir, [corpus], workers=workers)
        results.append((_report(report), _dump(ix)))
    first_report = results[0][0]
    assert first_report["updated"] == 1
    assert isinstance(first_report["removed"], int) and first_report["removed"] > 1
    assert results[1] == results[0]


def test_cancelled_parallel_sync_leaves_the_index_empty(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, random.Random(SEED))
    index_dir = tmp_path / "index"
    ix, _ = open_index(index_dir)
    seen: list[int] = []

    def progress(done: int, total: int, path: str) -> None:
        seen.append(done)

    try:
        sync_sources(ix, index_dir, [corpus], workers=2, progress=progress, cancel=lambda: len(seen) >= 3)
    except CancelledError:
        pass
    else:
        raise AssertionError("the sync was not cancelled")
    # broken.json read (no article: its one unit of the progress done), part-0 read or still being
    # read (the wait for a worker asks `cancel` too): cancelled before its first article was written
    assert seen in ([0, 1, 1], [0, 1, 1, 1])
    with ix.reader() as reader:
        assert reader.doc_count_all() == 0
