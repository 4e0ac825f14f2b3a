"""Rebuilds news-json/ from the full public dataset (see README.md): the first articles of each file,
plus the articles holding the spellings tests/search/conftest.py looks for. Files are otherwise unchanged.

    python tests/data/corpus/make_subset.py PATH/TO/exploring-datasets
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FIRST = {"fars-news-1.json": 300, "fars-news-2.json": 120, "fars-news-3.json": 40, "fars-news-4.json": 40,
         "varzesh3-1.json": 200, "varzesh3-2.json": 120, "varzesh3-3.json": 40, "varzesh3-4.json": 40}
SPELLINGS = ("کتاب‌های", "كتاب هاي", "كتاب‌هاي", "کتاب‌ها", "مي‌شود", "رئيس", "رييس", "پرسپوليس", "پرسپولیس", "ايران",
             "هسته‌اي")
PER_SPELLING = 3
SEARCH_FILES = ("fars-news-2.json", "varzesh3-2.json")
SEARCH_FIRST = 120


def holds(item: dict[str, object], word: str) -> bool:
    paragraphs = item.get("paragraphs") or []
    text = " ".join([str(item.get("title", "")), str(item.get("abstract", "")),
                     *map(str, paragraphs if isinstance(paragraphs, list) else [paragraphs])])
    return re.search(rf"(?<![\w\u200c]){re.escape(word)}(?![\w\u200c])", text) is not None


def main(source: Path, target: Path) -> None:
    full = {name: json.loads((source / name).read_text("utf-8")) for name in sorted(FIRST)}
    keep = {name: set(range(count)) for name, count in FIRST.items()}
    # The same choice as the search tests' fixture makes on the full dataset.
    links = {str(item["link"]) for name in SEARCH_FILES for item in full[name][:SEARCH_FIRST]}
    for word in SPELLINGS:
        found = [(name, n) for name in sorted(full) for n, item in enumerate(full[name])
                 if item["link"] not in links and holds(item, word)]
        for name, n in found[:PER_SPELLING]:
            keep[name].add(n)
            links.add(str(full[name][n]["link"]))
    target.mkdir(parents=True, exist_ok=True)
    for name, items in full.items():
        subset = [items[n] for n in sorted(keep[name])]
        (target / name).write_text(json.dumps(subset, ensure_ascii=False, indent=0) + "\n", "utf-8")
        print(f"{name}: {len(subset)} articles")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent / "news-json")
