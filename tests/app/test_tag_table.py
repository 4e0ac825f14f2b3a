"""The tag facets' table (issue 30), now read from each tag's posting list in one walk of each segment's
term table instead of a matcher per tag: over several segments and deleted articles, every tag's count
is the number of live articles carrying it, as their stored tags say, and a search's facets count its
matches only."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from tests.search.generated_corpus import article
from viewer.analysis.normalize import normalize_tag
from viewer.app.library import Library
from viewer.core.paths import DataPaths
from viewer.search.results.facets import _tag_documents

SEED = 3030
TAGS = ["اقتصاد", "ورزش", "سیاست", "فرهنگ", "محیط زیست", "کتاب", "فوتبال", "انتخابات"]


def _items(rng: random.Random, first: int, count: int) -> list[dict[str, object]]:
    items = []
    for n in range(first, first + count):
        item = article(rng, n)
        item["tags"] = rng.sample(TAGS, rng.randint(0, 3))
        items.append(item)
    return items


def test_the_tag_table_counts_live_articles_over_segments_and_deletions(tmp_path: Path) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(_items(rng, 0, 40), ensure_ascii=False), "utf-8")
    with Library(DataPaths.resolve(tmp_path / "data")) as library:
        library.sync([folder])
        (folder / "b.json").write_text(json.dumps(_items(rng, 40, 25), ensure_ascii=False), "utf-8")
        library.sync([folder])  # a second segment
        kept = json.loads((folder / "a.json").read_text("utf-8"))[7:]
        (folder / "a.json").write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
        report = library.sync([folder])  # seven articles deleted from the first segment
        assert report.removed == 7

        reader = library.open_searcher()
        try:
            leaves = reader.whoosh.reader().leaf_readers()
            assert len(leaves) > 1 and any(leaf.has_deletions() for leaf, _ in leaves)
            assert _tag_documents(reader.whoosh.reader()) is not None  # the table is read the new way
        finally:
            reader.close()
        live = library.articles()
        assert len(live) == 58
        expected = Counter(normalize_tag(tag) for a in live for tag in set(a.tags))
        assert dict(library.tag_counts()) == dict(expected)

        result = library.search("*", ["فوتبال"], limit=100)
        tagged = [a for a in live if "فوتبال" in a.tags]
        assert result.total == len(tagged)
        assert dict(result.facets) == dict(Counter(normalize_tag(t) for a in tagged for t in set(a.tags)))
