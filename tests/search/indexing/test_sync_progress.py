"""A sync's progress counts articles: a single JSONL file of many articles moves the bar article by
article (it used to report 0 of 1 and then 1 of 1 files), `done` never goes back nor passes the
total, the total never goes back either (it used to be extrapolated and jumped), and the last report
is every article of every file (a file that gave none counts as one)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.search.generated_corpus import SEED, article
from viewer.search.indexing.archive_index import open_index
from viewer.search.indexing.sync import sync_sources

ARTICLES = 120


def _jsonl(path: Path, first: int, count: int) -> None:
    rng = random.Random(SEED + first)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(article(rng, n), ensure_ascii=False) for n in range(first, first + count)),
                    "utf-8")


def _reports(tmp_path: Path, corpus: Path, workers: int = 0) -> list[tuple[int, int, str]]:
    index_dir = tmp_path / "index"
    ix, _ = open_index(index_dir)
    seen: list[tuple[int, int, str]] = []
    sync_sources(ix, index_dir, [corpus], workers=workers, progress=lambda *report: seen.append(report))
    return seen


def _check(seen: list[tuple[int, int, str]], articles: int) -> None:
    dones = [done for done, _total, _path in seen]
    assert dones == sorted(dones), dones  # never goes back
    totals = [total for _done, total, _path in seen]
    assert totals == sorted(totals), totals  # nor does the total
    assert all(done <= total for done, total, _path in seen), seen
    assert seen[-1][:2] == (articles, articles)


def test_one_large_jsonl_file_is_counted_article_by_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _jsonl(corpus / "export.jsonl", 0, ARTICLES)
    seen = _reports(tmp_path, corpus)
    _check(seen, ARTICLES)
    assert len({done for done, _total, _path in seen}) > ARTICLES // 2  # not just "0 of 1, 1 of 1"
    assert {total for _done, total, path in seen if path} >= {ARTICLES}
    assert all(path.endswith("export.jsonl") for _done, _total, path in seen[:-1])


def test_several_files_unchanged_ones_and_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    sizes = [40, 5, 70, 1, 33]
    first = 0
    for i, size in enumerate(sizes):
        _jsonl(corpus / f"part-{i}.jsonl", first, size)
        first += size
    (corpus / "broken.json").write_bytes(b"\x00\x01 not text")
    seen = _reports(tmp_path, corpus, workers=2)
    _check(seen, sum(sizes) + 1)  # broken.json gave no article: its one unit

    assert len({done for done, _total, _path in seen}) > len(sizes) + 2
    # A second sync with one new file: the unchanged files count as done at once, the new one by article.
    _jsonl(corpus / "part-9.jsonl", first, 25)
    again = _reports(tmp_path, corpus)
    _check(again, sum(sizes) + 1 + 25)
    assert len({done for done, _total, _path in again}) > 10


def test_the_total_never_goes_back_when_files_differ_in_density(tmp_path: Path) -> None:
    """A first file dense in articles and long one-article files after it: the old total, extrapolated
    from the articles per byte seen so far, leapt up and then fell (63 → 2,374 → 791 on a real archive)."""
    corpus = tmp_path / "corpus"
    rng = random.Random(SEED)
    print("seed", SEED)
    dense = [{"title": f"خبر کوتاه {n}", "paragraphs": [f"متن {n}"]} for n in range(60)]
    (corpus / "a-dense.jsonl").parent.mkdir(parents=True, exist_ok=True)
    (corpus / "a-dense.jsonl").write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in dense), "utf-8")
    for n in range(8):
        body = " ".join(rng.choice(["اصفهان", "تهران", "مجلس", "انتخابات", "ورزش"]) for _ in range(3000))
        (corpus / f"b-long-{n}.txt").write_text(f"گزارش بلند {n}\n\n{body}\n", "utf-8")
    seen = _reports(tmp_path, corpus)
    _check(seen, 60 + 8)
