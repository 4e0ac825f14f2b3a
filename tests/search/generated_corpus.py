"""Made-up Persian news articles in JSON files (seeded), for tests that need many of them."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from viewer.search.indexing.archive_index import open_index
from viewer.search.indexing.sync import sync_sources
from viewer.search.results.searcher import ArchiveSearcher

SEED = 2121
WORDS = ("کتاب", "کتاب‌ها", "کتابهای", "می‌رود", "رفتند", "نمی‌روم", "ایران", "تهران", "فوتبال", "بازی‌ها",
         "بين‌المللی", "رئیس", "مسئول", "۱۴۰۲", "1402", "دانشگاه", "دانشجویان", "انتخابات", "مجلس", "گفت",
         "خواهد", "شد", "است", "و", "در", "به", "اقتصاد", "نفت", "قیمت‌ها", "بازار", "خبرگزاری", "كتاب")


def article(rng: random.Random, n: int) -> dict[str, object]:
    def words(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    return {"title": f"{words(rng.randint(2, 7))} {n}", "link": f"https://example.org/news/{n}",
            "abstract": words(rng.randint(5, 20)),
            "paragraphs": [words(rng.randint(3, 60)) for _ in range(rng.randint(1, 6))],
            "tags": rng.sample(["اقتصاد", "ورزش", "سیاست", "فرهنگ"], rng.randint(0, 2))}


def write_corpus(folder: Path, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    n = 0
    for part in range(9):
        items = []
        for _ in range(rng.randint(5, 30)):
            items.append(article(rng, n))
            n += 1
        if part == 4:
            items.append(dict(items[0]))  # a duplicate link: counted once
        (folder / f"part-{part}.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    (folder / "broken.json").write_bytes(b"\x00\x01\x02 not text")


@contextmanager
def generated_archive(root: Path) -> Iterator[ArchiveSearcher]:
    """A searcher on the seeded corpus written and indexed under `root`."""
    print("seed", SEED)
    write_corpus(root / "corpus", random.Random(SEED))
    ix, _ = open_index(root / "index")
    sync_sources(ix, root / "index", [root / "corpus"], workers=0)
    with ArchiveSearcher(ix) as opened:
        yield opened
