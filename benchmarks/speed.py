"""Speed at archive scale, Bayegan beside plain Whoosh on the same documents in the same run.

    .venv/bin/python benchmarks/speed.py            # 4,000, 40,000 and 200,000 articles (~35 min on 2 idle cores)
    .venv/bin/python benchmarks/speed.py --quick    # 1,000 and 4,000 articles (~1 min)
    .venv/bin/python benchmarks/speed.py --sizes 4000 40000 200000 1000000
        # adds 1,000,000 articles: ~2 h more on 2 cores (plain Whoosh alone indexes for ~50 min),
        # ~6 GB of temporary files (corpus, both indexes) and ~2 GB of RAM for plain Whoosh's search

The corpus is scaled from the public dataset given with --corpus DIR (articles deduplicated by link, then copied
with distinct links, so distinct ids) and written as JSON files to a temporary folder. Each
measurement runs in a fresh Python process (this script with `--worker`), so import, start-up and
memory are counted as a user meets them:

- indexing: plain Whoosh (StandardAnalyzer on title + text, both stored, plus tags) reading the
  same JSON files, against `Archive.sync` (importers, Persian analysis, manifest); wall and CPU
  seconds, median of alternating runs, and the ratio Bayegan / plain;
- an unchanged re-index (the same folder synced again) as a share of the first;
- search latency p50/p95 per query kind (word, two words, phrase, tag filter, prefix), 10 hits with
  snippets: Bayegan's `ArchiveSearcher.search` (which also counts tag facets over all matches)
  against Whoosh's parser + search + `highlights()`; queries are drawn from article titles;
- `bayegan --version` start, the window shown (offscreen), and peak memory (maxrss) of a process
  with the largest archive open and searched;
- how each figure grows from one size to the next (the exponent k of size^k: 1 is linear).

The load average is recorded before each step: other processes on the machine slow both sides alike,
so compare Bayegan with plain Whoosh within a run, not across runs.

The table goes to stdout and benchmarks/results/speed.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_arg import add_corpus_argument  # benchmarks/ is sys.path[0] when run as a script

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
FILE_SIZE = 400
KINDS = ("word", "two words", "phrase", "tag filter", "prefix")
QUERIES_PER_KIND = 40
_WORD = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")


# ---------------------------------------------------------------- corpus and queries

def base_items(corpus: Path) -> list[dict]:
    items, seen = [], set()
    for path in sorted(corpus.glob("*.json")):
        for item in json.loads(path.read_text("utf-8")):
            if item.get("link") and item["link"] not in seen:
                seen.add(item["link"])
                items.append(item)
    return items


def write_corpus(items: list[dict], size: int, folder: Path) -> None:
    folder.mkdir(parents=True)
    batch: list[dict] = []
    for n in range(size):
        item = dict(items[n % len(items)])
        copy = n // len(items)
        if copy:
            sep = "&" if "?" in item["link"] else "?"
            item["link"] = f"{item['link']}{sep}copy={copy}"
            if "code" in item:
                item["code"] = f"{item['code']}-{copy}"
            # A copy with the same title and text would be one article with several sources (issue 20):
            # a numbered title makes it an article of its own (a near duplicate of the original).
            item["title"] = f"{item['title']} ({copy})"
        batch.append(item)
        if len(batch) == FILE_SIZE or n == size - 1:
            (folder / f"part-{n // FILE_SIZE:04d}.json").write_text(json.dumps(batch, ensure_ascii=False), "utf-8")
            batch = []


def make_queries(items: list[dict], seed: int = 7) -> dict[str, list[dict]]:
    sys.path.insert(0, str(REPO))
    from viewer.analysis.analyzer import is_stopword
    from viewer.analysis.normalize import display_text

    rng = random.Random(seed)

    def words_of(item: dict) -> list[str]:
        return [w for w in display_text(item["title"]).split() if _WORD.fullmatch(w) and len(w) >= 3 and not is_stopword(w)]

    pool = [i for i in items if len(words_of(i)) >= 3]
    rng.shuffle(pool)
    queries: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for item in pool:
        words = words_of(item)
        if len(queries["word"]) < QUERIES_PER_KIND:
            queries["word"].append({"q": rng.choice(words)})
        elif len(queries["two words"]) < QUERIES_PER_KIND:
            queries["two words"].append({"q": " ".join(rng.sample(words, 2))})
        elif len(queries["phrase"]) < QUERIES_PER_KIND:
            title = [w for w in display_text(item["title"]).split() if _WORD.fullmatch(w)]
            pairs = [(a, b) for a, b in zip(title, title[1:], strict=False) if len(a) > 2 and len(b) > 2
                     and not is_stopword(a) and not is_stopword(b)]
            if pairs:
                queries["phrase"].append({"q": '"{} {}"'.format(*rng.choice(pairs))})
        elif len(queries["tag filter"]) < QUERIES_PER_KIND:
            tags = [t for t in item.get("tags") or [] if isinstance(t, str) and t.strip()]
            if tags:
                queries["tag filter"].append({"q": rng.choice(words), "tag": display_text(rng.choice(tags)).strip()})
        elif len(queries["prefix"]) < QUERIES_PER_KIND:
            long_words = [w for w in words if len(w) >= 6]
            if long_words:
                queries["prefix"].append({"q": rng.choice(long_words)[:4] + "*"})
        else:
            break
    return queries


# ---------------------------------------------------------------- workers (fresh processes)

def _usage() -> dict[str, float]:
    return {"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def worker_index_plain(index_dir: str, corpus: str) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    from whoosh import fields, index
    from whoosh.analysis import StandardAnalyzer

    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StandardAnalyzer(), stored=True),
        text=fields.TEXT(analyzer=StandardAnalyzer(), stored=True),
        tags=fields.KEYWORD(stored=True, commas=True),
    )
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    ix = index.create_in(index_dir, schema)
    writer = ix.writer()
    count = 0
    for path in sorted(Path(corpus).glob("*.json")):
        for item in json.loads(path.read_text("utf-8")):
            text = "\n".join([item.get("abstract") or "", *(item.get("paragraphs") or [])])
            tags = ",".join(t for t in item.get("tags") or [] if isinstance(t, str))
            writer.add_document(id=item["link"], title=item["title"], text=text, tags=tags)
            count += 1
    writer.commit()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "docs": count, **_usage()}


def worker_index_bayegan(data_dir: str, corpus: str) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    sys.path.insert(0, str(REPO))
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    archive = Archive(DataPaths.resolve(Path(data_dir)))
    report = archive.sync([Path(corpus)])
    archive.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the worker processes that read and analysed the files (0 when the sync ran in one process).
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu + children.ru_utime + children.ru_stime,
            "docs": report.added + report.updated, "unchanged": report.unchanged,
            "workers_rss_mb": children.ru_maxrss / 1024, **_usage()}


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def worker_search_bayegan(data_dir: str, queries_file: str) -> dict:
    sys.path.insert(0, str(REPO))
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    queries = json.loads(Path(queries_file).read_text("utf-8"))
    archive = Archive(DataPaths.resolve(Path(data_dir)))
    out: dict[str, object] = {}
    with archive.searcher() as searcher:
        for warm in ("ایران", "تهران فوتبال", "بازی"):
            searcher.search(warm)
        for kind, items in queries.items():
            times = []
            for item in items:
                started = time.perf_counter()
                result = searcher.search(item["q"], tags=[item["tag"]] if item.get("tag") else (), limit=10)
                times.append((time.perf_counter() - started) * 1000)
                assert all(hit.snippet for hit in result.hits)
            out[kind] = _percentiles(times)
    out.update(_usage())
    return out


def worker_search_plain(index_dir: str, queries_file: str) -> dict:
    from whoosh import index
    from whoosh import query as wq
    from whoosh.qparser import MultifieldParser

    queries = json.loads(Path(queries_file).read_text("utf-8"))
    ix = index.open_dir(index_dir)
    out: dict[str, object] = {}
    with ix.searcher() as searcher:
        parser = MultifieldParser(["title", "text"], ix.schema)
        for warm in ("ایران", "تهران فوتبال", "بازی"):
            searcher.search(parser.parse(warm), limit=10)
        for kind, items in queries.items():
            times = []
            for item in items:
                started = time.perf_counter()
                tag_filter = wq.Term("tags", item["tag"]) if item.get("tag") else None
                results = searcher.search(parser.parse(item["q"]), limit=10, filter=tag_filter, terms=True)
                for hit in results:
                    hit.highlights("text", top=2)
                times.append((time.perf_counter() - started) * 1000)
            out[kind] = _percentiles(times)
    out.update(_usage())
    return out


def worker_window(data_dir: str) -> dict:
    started = float(os.environ["BENCH_STARTED"])
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(REPO))
    from viewer.app.settings import Settings
    from viewer.core.paths import DataPaths
    from viewer.gui.app import application, prepare
    from viewer.gui.window.main_window import MainWindow

    app = application([])
    paths = DataPaths.resolve(Path(data_dir)).ensure()
    settings = Settings(paths.settings_path)
    family = prepare(app, settings, icons_dir=paths.config_dir / "theme-icons")
    window = MainWindow(paths, settings, family)
    window.show()
    app.processEvents()
    return {"shown": time.time() - started}


WORKERS = {"index-plain": worker_index_plain, "index-bayegan": worker_index_bayegan,
           "search-bayegan": worker_search_bayegan, "search-plain": worker_search_plain, "window": worker_window}


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def run_worker(*args: str) -> dict:
    env = {**os.environ, "BENCH_STARTED": repr(time.time()), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the run

def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        ram = f"{mem_kb / 2**20:.1f} GB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "RAM unknown"
    return (f"{os.cpu_count()} CPUs ({model or platform.processor() or 'unknown CPU'}), {ram}, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}; load average at start {load()}")


def cli_start() -> float:
    exe = Path(sys.executable).with_name("bayegan")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "viewer"]
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([*command, "--version"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def index_pair(size: int, corpus: Path, work: Path, reps: int) -> dict:
    plain, bayegan, reindex = [], [], []
    started_load = load()
    for rep in range(reps):
        plain.append(run_worker("index-plain", str(work / f"plain-{size}-{rep}"), str(corpus)))
        data = work / f"bayegan-{size}-{rep}"
        bayegan.append(run_worker("index-bayegan", str(data), str(corpus)))
        reindex.append(run_worker("index-bayegan", str(data), str(corpus)))
        if rep < reps - 1:
            shutil.rmtree(work / f"plain-{size}-{rep}")
            shutil.rmtree(data)

    def med(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return {
        "plain_wall": med(plain, "wall"), "plain_cpu": med(plain, "cpu"),
        "bayegan_wall": med(bayegan, "wall"), "bayegan_cpu": med(bayegan, "cpu"),
        "reindex_wall": med(reindex, "wall"), "docs": bayegan[-1]["docs"], "plain_docs": plain[-1]["docs"],
        "bayegan_rss": med(bayegan, "maxrss_mb"), "plain_rss": med(plain, "maxrss_mb"),
        "workers_rss": med(bayegan, "workers_rss_mb"), "load": started_load,
        "plain_dir": str(work / f"plain-{size}-{reps - 1}"), "bayegan_dir": str(work / f"bayegan-{size}-{reps - 1}"),
    }


def _growth(values: list[float], sizes: list[int]) -> str:
    """Each step's factor and its exponent k (value grows as size^k) between consecutive sizes."""
    steps = []
    for i in range(len(sizes) - 1):
        v0, v1, n0, n1 = values[i], values[i + 1], sizes[i], sizes[i + 1]
        if v0 > 0 and v1 > 0:
            steps.append(f"x{v1 / v0:.1f} (k={math.log(v1 / v0) / math.log(n1 / n0):.2f})")
        else:
            steps.append("–")
    return " · ".join(steps)


def render(sizes: list[int], index: dict, search: dict, extras: dict, about: str) -> str:
    lines = ["# Speed: Bayegan beside plain Whoosh", "", f"Machine: {about}.", "",
             "## Indexing (fresh index, same JSON files; median of runs)", "",
             "CPU is the indexing process's plus its worker processes'; Bayegan reads, parses and analyses "
             "files in one worker per core while the main process feeds Whoosh's writer.", "",
             "| articles | plain Whoosh | Bayegan | ratio (wall) | ratio (CPU) | articles/s plain → Bayegan | "
             "unchanged re-index | peak memory plain / Bayegan main + largest worker | load (1/5/15 min) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for size in sizes:
        r = index[size]
        lines.append(
            f"| {r['docs']:,} | {r['plain_wall']:.1f} s ({r['plain_cpu']:.1f} s CPU) | {r['bayegan_wall']:.1f} s "
            f"({r['bayegan_cpu']:.1f} s CPU) | **{r['bayegan_wall'] / r['plain_wall']:.2f}x** | "
            f"{r['bayegan_cpu'] / r['plain_cpu']:.2f}x | {r['plain_docs'] / r['plain_wall']:.0f} → "
            f"{r['docs'] / r['bayegan_wall']:.0f} | {r['reindex_wall']:.2f} s "
            f"({100 * r['reindex_wall'] / r['bayegan_wall']:.1f}% of first) | {r['plain_rss']:.0f} / "
            f"{r['bayegan_rss']:.0f} + {r['workers_rss']:.0f} MB | {r['load']} |")
    lines += ["", "## Search latency, 10 hits with snippets (ms, p50 / p95)", "",
              "| articles | query kind | plain Whoosh | Bayegan (with tag facets) | ratio p95 | load before (1/5/15 min) |",
              "|---:|---|---:|---:|---:|---|"]
    for size in sizes:
        plain, ours = search[size]["plain"], search[size]["bayegan"]
        for kind in KINDS:
            p, b = plain[kind], ours[kind]
            lines.append(f"| {index[size]['docs']:,} | {kind} ({b['n']}) | {p['p50']:.1f} / {p['p95']:.1f} | "
                         f"{b['p50']:.1f} / **{b['p95']:.1f}** | {b['p95'] / p['p95']:.2f}x | {search[size]['load']} |")
    lines += ["", "| articles | peak memory searching, plain Whoosh | Bayegan |", "|---:|---:|---:|"]
    for size in sizes:
        lines.append(f"| {index[size]['docs']:,} | {search[size]['plain']['maxrss_mb']:.0f} MB | "
                     f"{search[size]['bayegan']['maxrss_mb']:.0f} MB |")
    if len(sizes) > 1:
        steps = " · ".join(f"{a:,} → {b:,}" for a, b in zip(sizes, sizes[1:], strict=False))
        lines += ["", f"## Growth with size ({steps}: factor, and k where the figure grows as size^k)", "",
                  "| measure | plain Whoosh | Bayegan |", "|---|---|---|",
                  f"| indexing wall | {_growth([index[n]['plain_wall'] for n in sizes], sizes)} | "
                  f"{_growth([index[n]['bayegan_wall'] for n in sizes], sizes)} |",
                  f"| indexing peak memory | {_growth([index[n]['plain_rss'] for n in sizes], sizes)} | "
                  f"{_growth([index[n]['bayegan_rss'] for n in sizes], sizes)} |"]
        for kind in KINDS:
            lines.append(f"| p95 {kind} | {_growth([search[n]['plain'][kind]['p95'] for n in sizes], sizes)} | "
                         f"{_growth([search[n]['bayegan'][kind]['p95'] for n in sizes], sizes)} |")
        lines.append(f"| peak memory searching | {_growth([search[n]['plain']['maxrss_mb'] for n in sizes], sizes)} | "
                     f"{_growth([search[n]['bayegan']['maxrss_mb'] for n in sizes], sizes)} |")
    largest = sizes[-1]
    lines += ["", "## Start", "", "| measure | value |", "|---|---:|",
              f"| `bayegan --version` (median of 5) | {extras['cli']:.3f} s |",
              f"| window shown with the {index[largest]['docs']:,}-article archive (offscreen, process start → "
              f"`MainWindow` shown) | {extras['window']} |",
              "", "Queries are drawn from article titles (seeded); Bayegan's search also counts the tag facets of every "
              "match and looks for a suggestion when fewer than three match, which plain Whoosh does not.", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 and 4,000 articles, one indexing run each")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 4000 40000 200000)")
    parser.add_argument("--reps", type=int, default=None, help="indexing runs per size below 10,000 (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    if "--worker" not in sys.argv:
        add_corpus_argument(parser)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(WORKERS[args.worker[0]](*args.worker[1:])))
        return 0

    sizes = args.sizes or ([1000, 4000] if args.quick else [4000, 40000, 200_000])
    reps = args.reps or (1 if args.quick else 3)
    about = machine()
    RESULTS.mkdir(exist_ok=True)
    name = "speed-quick" if args.quick else "speed" if not args.sizes else "speed-" + "-".join(map(str, sizes))
    output = RESULTS / f"{name}.md"
    work = Path(tempfile.mkdtemp(prefix="bayegan-speed-"))
    try:
        items = base_items(args.corpus)
        queries_file = work / "queries.json"
        queries_file.write_text(json.dumps(make_queries(items), ensure_ascii=False), "utf-8")
        index, search = {}, {}
        for size in sizes:
            corpus = work / f"corpus-{size}"
            write_corpus(items, size, corpus)
            print(f"indexing {size} ...", file=sys.stderr)
            index[size] = index_pair(size, corpus, work, reps if size < 10_000 else 1)
            print(f"searching {size} ...", file=sys.stderr)
            search[size] = {"load": load(),
                            "plain": run_worker("search-plain", index[size]["plain_dir"], str(queries_file)),
                            "bayegan": run_worker("search-bayegan", index[size]["bayegan_dir"], str(queries_file))}
            # What is measured so far, kept should a long run be stopped.
            done = [n for n in sizes if n in search]
            output.write_text(render(done, index, search, {"cli": 0.0, "window": "not measured yet"}, about), "utf-8")
        extras: dict[str, object] = {"cli": cli_start()}
        try:
            extras["window"] = f"{run_worker('window', index[sizes[-1]]['bayegan_dir'])['shown']:.2f} s"
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            extras["window"] = "skipped: " + str(exc).splitlines()[-1][:80]
        table = render(sizes, index, search, extras, about)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table)
    output.write_text(table, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
