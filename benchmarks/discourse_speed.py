"""Concordance, trends and collocations (issue 28) at archive scale.

    .venv/bin/python benchmarks/discourse_speed.py --corpus DIR [--sizes 4000 40000] [--work DIR]

The corpus is speed.py's: the public dataset given with --corpus, scaled to each size with distinct
links, each article dated on a seeded day of 1398-1403 (the dataset has no dates). `--work DIR`
keeps each size's archive under DIR and reuses it on the next run (indexing 40,000 articles takes
minutes). Measured on one open Library, wall milliseconds, median of `--repeat` runs after a first
(cold) run that is reported apart:

- the first 100 concordance lines of a common word, oldest first (the window's first screen);
- its full concordance count (every matching article's text read and analysed);
- a 3-query trend by Jalali month (articles and occurrences per month, the archive per month);
- the collocations of the common word (span 5, top 20);
- peak memory (maxrss) of the process.

Each row gives the first (cold) run's wall time, then the median wall and CPU time of the warm runs:
on a shared machine compare the CPU time (the wall time waits for the other processes).

The load average is printed: the machine may be shared. The table goes to stdout and, with
`--out`, to a file (benchmarks/results/discourse_speed.md).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus_arg import add_corpus_argument  # noqa: E402
from speed import base_items, write_corpus  # noqa: E402

COMMON = "ایران"
TREND = ("ایران", "مجلس", "فوتبال")


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float, float, object]:
    """(cold wall ms, median warm wall ms, median warm CPU ms of this process, the last result).
    On a shared machine the CPU time is the figure to compare: the wall time waits for the others."""
    started = time.perf_counter()
    result = run()
    cold = (time.perf_counter() - started) * 1000
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    if not walls:
        return cold, cold, cold, result
    return cold, statistics.median(walls), statistics.median(cpus), result


def archive_of(size: int, corpus: Path, work: Path, seed: int) -> tuple[Path, float | None]:
    """The data folder of a `size`-article archive under `work`, indexed now when missing."""
    from viewer.app.library import Library
    from viewer.core.paths import DataPaths

    data = work / f"data-{size}"
    if (data / "ready").exists():
        return data, None
    rng = random.Random(seed)
    first = date(2019, 3, 21).toordinal()
    items = [dict(item, date=date.fromordinal(first + rng.randrange(6 * 365)).isoformat())
             for item in base_items(corpus)]
    folder = work / f"corpus-{size}"
    if not folder.exists():
        write_corpus(items, size, folder)
    started = time.perf_counter()
    with Library(DataPaths.resolve(data)) as library:
        library.sync([folder])
    (data / "ready").write_text("indexed\n")
    return data, time.perf_counter() - started


def measure(size: int, data: Path, repeat: int) -> list[tuple[str, float, float, float, str]]:
    from viewer.app.discourse import Discourse
    from viewer.app.library import Library
    from viewer.core.paths import DataPaths
    from viewer.search.discourse.concordance import iter_lines
    from viewer.search.discourse.matches import matches

    rows: list[tuple[str, float, float, float, str]] = []
    with Library(DataPaths.resolve(data)) as library, Discourse(library) as discourse:
        library.prepare_language()
        searcher = library._archive.searcher()

        def first_lines() -> int:
            lines = 0
            for _ in iter_lines(matches(searcher, COMMON)):
                lines += 1
                if lines == 100:
                    break
            return lines

        cold, warm, cpu, _ = timed(first_lines, repeat)
        found = matches(searcher, COMMON)
        rows.append((f"first 100 KWIC lines of `{COMMON}`", cold, warm, cpu, f"{len(found.docnums):,} matching articles"))
        cold, warm, cpu, result = timed(lambda: discourse.concordance(COMMON, limit=100), repeat)
        rows.append((f"full KWIC count of `{COMMON}` (and its first 100 lines)", cold, warm, cpu,
                     f"{getattr(result, 'total', 0):,} occurrences"))
        cold, warm, cpu, trend = timed(lambda: discourse.trend(list(TREND)), repeat)
        points = sum(len(s.points) for s in getattr(trend, "series", []))
        rows.append((f"trend of {', '.join(f'`{q}`' for q in TREND)} by Jalali month", cold, warm, cpu,
                     f"{points} points"))
        cold, warm, cpu, found_collocates = timed(lambda: discourse.collocates(COMMON), repeat)
        top = ", ".join(c.word for c in list(found_collocates)[:5])  # type: ignore[call-overload]
        rows.append((f"collocations of `{COMMON}` (span 5, top 20)", cold, warm, cpu, f"top: {top}"))
        searcher.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_corpus_argument(parser)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 40000])
    parser.add_argument("--work", type=Path, default=None, help="keep and reuse the archives here")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args()
    import tempfile

    print(f"seed {args.seed}")
    lines = ["| articles | measurement | cold wall ms | warm wall ms | warm CPU ms | |", "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            data, indexing = archive_of(size, args.corpus, work, args.seed)
            load = os.getloadavg()[0]
            if indexing is not None:
                print(f"{size:,} articles indexed in {indexing:.0f} s")
            for label, cold, warm, cpu, note in measure(size, data, args.repeat):
                lines.append(f"| {size:,} | {label} | {cold:.0f} | {warm:.0f} | {cpu:.0f} | {note} |")
            lines.append(f"| {size:,} | load average before (2 cores) | {load:.1f} | | | |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"\npeak memory (maxrss) {peak:.0f} MB")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
