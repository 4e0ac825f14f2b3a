"""Date filters and the timeline at archive scale, beside plain Whoosh ways of doing the same.

    .venv/bin/python benchmarks/research_speed.py --corpus DIR [--size 4000] [--repeat 20]

Indexes a scaled copy of the corpus given with --corpus DIR (as speed.py does), then measures, median ms
over `--repeat` runs on one open searcher:

- the date column read once per opened searcher (DocDates), which later filters and timelines reuse;
- a timeline of every article and of a common word's matches: the column cache against reading each
  match's stored date (the plain way);
- a word within a Jalali half-year: Bayegan's restriction (document numbers from the column) against
  Whoosh's own DateRange query joined to the search;
- the same word's search with and without `timeline=True` (what `search --json` adds).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus_arg import add_corpus_argument  # noqa: E402
from speed import base_items, write_corpus  # noqa: E402


def median_ms(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    add_corpus_argument(parser)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()

    import jdatetime
    from whoosh import query as wq

    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive
    from viewer.search.query.date_filter import split_date_bounds
    from viewer.search.query.doc_dates import DocDates
    from viewer.search.query.parser import parse_query

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        # The corpus has no dates: each article gets a day of 1398-1403 (2019-2025), seeded.
        rng = random.Random(args.seed)
        print(f"seed {args.seed}")
        first = date(2019, 3, 21).toordinal()
        items = [dict(item, date=date.fromordinal(first + rng.randrange(6 * 365)).isoformat())
                 for item in base_items(args.corpus)]
        write_corpus(items, args.size, folder)
        archive = Archive(DataPaths.resolve(Path(tmp) / "data").ensure())
        archive.sync([folder], progress=lambda *a: None, cancel=lambda: False)
        with archive.searcher() as searcher:
            whoosh = searcher.whoosh
            reader = whoosh.reader()
            word = "ایران"
            rows: list[tuple[str, float, float | None]] = []

            rows.append(("read the date column (once per opened searcher)",
                         median_ms(lambda: DocDates(reader), args.repeat), None))
            dates = DocDates(reader)

            def plain_timeline(docnums: list[int]) -> list[tuple[str, int]]:
                counts: Counter[str] = Counter()
                for n in docnums:
                    when = reader.stored_fields(n).get("date")
                    if isinstance(when, datetime):
                        j = jdatetime.date.fromgregorian(date=when.date())
                        counts[f"{j.year:04d}-{j.month:02d}"] += 1
                return sorted(counts.items())

            everything = list(reader.all_doc_ids())
            matches = searcher.search(word, limit=1, with_ids=True)
            matched = sorted(whoosh.document_number(id=i) for i in matches.doc_ids)
            assert dates.timeline(matched) == plain_timeline(matched)
            rows.append((f"timeline of all {len(everything):,} articles",
                         median_ms(lambda: dates.timeline(everything), args.repeat),
                         median_ms(lambda: plain_timeline(everything), max(3, args.repeat // 4))))
            rows.append((f"timeline of `{word}` ({len(matched):,} matches)",
                         median_ms(lambda: dates.timeline(matched), args.repeat),
                         median_ms(lambda: plain_timeline(matched), max(3, args.repeat // 4))))

            period = f"{word} از:1402/01/01 تا:1402/06/31"
            words, bounds = split_date_bounds(period)
            assert bounds.start is not None and bounds.end is not None
            start = datetime.combine(bounds.start, datetime.min.time())
            end = datetime.combine(bounds.end, datetime.max.time())
            q = wq.And([parse_query(words, whoosh.schema, reader), wq.DateRange("date", start, end)])
            ours = searcher.search(period, limit=10)
            theirs = whoosh.search(q, limit=10)
            assert ours.total == len(theirs), (ours.total, len(theirs))
            rows.append((f"`{word}` within 1402/01-1402/06, 10 hits ({ours.total:,} matches)",
                         median_ms(lambda: searcher.search(period, limit=10), args.repeat),
                         median_ms(lambda: len(whoosh.search(q, limit=10)), args.repeat)))
            rows.append((f"`{word}` with timeline=True (vs without)",
                         median_ms(lambda: searcher.search(word, limit=10, timeline=True), args.repeat),
                         median_ms(lambda: searcher.search(word, limit=10), args.repeat)))
        archive.close()

    print(f"{args.size:,} articles; median ms of {args.repeat} runs; baseline: plain Whoosh / stored fields\n")
    print("| measurement | Bayegan | baseline |")
    print("|---|---|---|")
    for label, ours_ms, base_ms in rows:
        print(f"| {label} | {ours_ms:.1f} | {'' if base_ms is None else f'{base_ms:.1f}'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
