"""Memory while searching: what each of a window's searching steps adds to the process, at one or more sizes.

    .venv/bin/python benchmarks/search_memory.py --index WORK/bayegan-40000-0 --index WORK/bayegan-200000-0

Each index (a Bayegan data folder, e.g. those `speed.py --keep` leaves) is opened in a fresh process
(`--worker`), which does what a window does through its `Library`, without Qt: opens the archive, asks
for the first rows and then the count of every article (`first_page` and `summarize` with every id and
the timeline), then of five queries of each kind, and reads an article, its near duplicates and its
files as the reading pane does. After each step it records the resident memory (VmRSS: anonymous
memory and the mapped files' pages read so far) and its growth; the peak (maxrss) closes the table.
With two sizes or more, the peak is carried on linearly to 1,000,000 articles from the two largest.
`--baseline-tree DIR` (e.g. `git archive main | tar -x -C DIR`) runs the same steps with that tree's code
right after, on `--baseline-index` (a copy of the last `--index`: each code keeps its own files beside the
index), in a column of its own. Writes benchmarks/results/search-memory.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
QUERIES = ("ایران", "تهران فوتبال", '"مجلس شورای"', "اقتص*", "بازی")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker(data_dir: str, tree: str) -> dict:
    sys.path.insert(0, tree)
    from viewer.app.library import Library
    from viewer.core.paths import DataPaths

    steps: list[tuple[str, float, float]] = []

    def step(name: str, run):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        out = run()
        steps.append((name, (time.perf_counter() - started) * 1000, _rss_mb()))
        return out

    library = Library(DataPaths.resolve(Path(data_dir)))
    step("imports, hazm's lemmatizer", library.prepare_language)
    step("open the index", library.open)
    articles = library.article_count
    first = step("first rows of every article", lambda: library.first_page("*", limit=20))
    step("count of every article (every id, stories, timeline)",
         lambda: library.summarize("*", hit_ids=[h.id for h in first.hits], with_ids=True, timeline=True))
    for query in QUERIES:
        first = step(f"first rows of {query}", lambda q=query: library.first_page(q, limit=20))
        step(f"count of {query}", lambda q=query, f=first: library.summarize(
            q, hit_ids=[h.id for h in f.hits], with_ids=True, timeline=True))
    shown = first.hits[0].id
    step("an article (the reading pane's searcher)", lambda: library.article(shown))
    step("its near duplicates", lambda: library.similar(shown))
    step("its files", lambda: library.sources(shown))
    library.close()
    return {"articles": articles, "steps": steps, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, action="append", help="a Bayegan data folder (repeat for sizes)")
    parser.add_argument("--baseline-tree", type=Path, help="another tree of this repository (the old code)")
    parser.add_argument("--baseline-index", type=Path, help="the old code's copy of the last --index")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--tree", default=str(REPO), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.tree)))
        return 0
    if not args.index:
        parser.error("give at least one --index")

    def run(data_dir: Path, tree: Path) -> dict:
        done = subprocess.run([sys.executable, __file__, "--worker", str(data_dir), "--tree", str(tree)],
                              capture_output=True, text=True, check=False, timeout=3600)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-3000:])
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    runs = sorted((run(data_dir, REPO) for data_dir in args.index), key=lambda found: found["articles"])
    baseline = run(args.baseline_index or args.index[-1], args.baseline_tree) if args.baseline_tree else None
    columns = [*runs, baseline] if baseline is not None else runs
    heads = [f"{r['articles']:,} articles: ms, resident MB (+growth)" for r in runs]
    if baseline is not None:
        heads.append(f"old code, {baseline['articles']:,} articles")
    lines = ["# Memory while searching", "",
             f"Load average at the end {' / '.join(f'{x:.1f}' for x in os.getloadavg())}; one fresh process per size.", "",
             "| step | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(columns)]
    for at, (name, _, _) in enumerate(runs[0]["steps"]):
        cells = []
        for found in columns:
            _, ms, rss = found["steps"][at]
            before = found["steps"][at - 1][2] if at else 0.0
            cells.append(f"{ms:.0f} ms, {rss:.0f} MB (+{rss - before:.0f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **peak (maxrss)** | " + " | ".join(f"**{r['maxrss_mb']:.0f} MB**" for r in columns) + " |")
    if len(runs) >= 2:
        small, large = runs[-2], runs[-1]
        per_article = (large["maxrss_mb"] - small["maxrss_mb"]) / (large["articles"] - small["articles"])
        projected = large["maxrss_mb"] + per_article * (1_000_000 - large["articles"])
        lines += ["", f"Carried on linearly from {small['articles']:,} and {large['articles']:,} articles "
                  f"({per_article * 1000:.2f} MB per 1,000 articles): about {projected:.0f} MB at 1,000,000."]
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "search-memory.md").write_text(table, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
