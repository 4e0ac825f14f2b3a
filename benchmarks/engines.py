"""Bayegan beside Xapian and tantivy: the same articles, the same folded terms, the same queries.

    .venv/bin/python benchmarks/engines.py --corpus CORPUS                      # 4,000 and 40,000 articles
    .venv/bin/python benchmarks/engines.py --corpus CORPUS --sizes 200000 --engines bayegan tantivy
    .venv/bin/python benchmarks/engines.py --corpus CORPUS --sizes 300 --queries 5 --output /tmp/x.md  # a smoke run

The corpus is built as benchmarks/speed.py builds it (--corpus DIR, copies with numbered titles). Then,
each step in a fresh process of its own:

1. Bayegan indexes the JSON files with `Archive.sync` (importers, Persian analysis, its Whoosh index).
2. The token stream: every article Bayegan indexed, read back from its index (so the peers hold the
   same articles, copies merged as Bayegan merges them), analysed by Bayegan's analyzer into
   (field, term, position) — a position holds a word's surface key and its lemma key — plus its tags
   as exact terms; written to a JSON-lines file. Its time is the analysis, shown apart: the peers'
   indexing time is reading that file and indexing it.
3. Bayegan searches: `ArchiveSearcher.search` as the window calls it (10 hits with snippets, the
   exact total, tag facets). Each query's parsed Whoosh query (the words' alternative keys, phrases,
   prefixes, the tag filter) is written down, outside the timing, as a small tree.
4. Xapian and tantivy index the token stream (positions for phrases, tags as boolean/exact terms) and
   run the same query trees: a term as a term, a phrase as their phrase operator, a prefix as their
   wildcard (Xapian) or regex (tantivy) query, the tag as a filter; 10 hits (their ids read) and an
   exact total (Xapian: `checkatleast` = every document; tantivy: `count=True`).

Debian's python3-xapian is built for the system Python (3.11), not the project's 3.12, and there is
no wheel of the bindings on PyPI: Xapian's steps run under --xapian-python (default /usr/bin/python3)
and are left out, said so, when it cannot import xapian. This file imports nothing outside the
standard library at the top, so that Python can run its workers.

Each search process warms up with three queries, then times >= 100 queries per kind (p50/p95). Peak
memory is the process's maxrss. The load average is written down before and after each step: other
people's processes slow every engine, so compare engines within a run.

The table goes to stdout and benchmarks/results/engines-<sizes>.md (or --output).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
ENGINES = ("bayegan", "xapian", "tantivy")
KINDS = ("word", "two words", "phrase", "tag filter", "prefix")
WARM = ("ایران", "تهران فوتبال", "بازی")


# ---------------------------------------------------------------- small helpers

def _usage() -> dict[str, float]:
    return {"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(started: tuple[float, float]) -> dict[str, float]:
    return {"wall": time.perf_counter() - started[0], "cpu": time.process_time() - started[1]}


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {"p50": 0.0, "p95": 0.0, "n": 0}
    middle = len(ordered) // 2
    p50 = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return {"p50": p50, "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], "n": len(ordered)}


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 1 else f"{value:.1f}"


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def _stream(path: str) -> Any:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _timed_queries(plans_file: str, run: Any) -> dict[str, Any]:
    """Run `run(tree, limit)` -> (total, ids) over every planned query after a warm-up; times per kind."""
    plans = json.loads(Path(plans_file).read_text("utf-8"))
    for tree in plans["warm"]:
        run(tree, 10)
    out: dict[str, Any] = {"kinds": {}, "answers": {}}
    for kind, queries in plans["kinds"].items():
        times, answers = [], []
        for tree in queries:
            started = time.perf_counter()
            total, ids = run(tree, 10)
            times.append((time.perf_counter() - started) * 1000)
            answers.append([total, ids])
        out["kinds"][kind] = _percentiles(times)
        out["answers"][kind] = answers
    return out


# ---------------------------------------------------------------- Bayegan (the project's venv)

def worker_index_bayegan(data_dir: str, corpus: str) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import speed

    return {**speed.worker_index_bayegan(data_dir, corpus), "size_mb": _size_mb(Path(data_dir))}


def worker_token_stream(data_dir: str, out_file: str) -> dict[str, Any]:
    """Bayegan's articles, read from its index, as (field, term, position) and tags, one JSON line each."""
    started = _clock()
    sys.path.insert(0, str(REPO))
    from viewer.analysis.analyzer import positions_of, token_pattern
    from viewer.analysis.normalize import normalize_tag
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    tokens = token_pattern()

    def keyed(value: str) -> list[list[str]]:
        return [list(keys) for text in tokens.findall(value) for keys in positions_of(text)]

    archive = Archive(DataPaths.resolve(Path(data_dir)))
    count = 0
    with archive.searcher() as searcher, open(out_file, "w", encoding="utf-8") as out:
        reader = searcher._searcher.reader()
        for docnum, stored in reader.iter_docs():
            tags = [t for t in (stored.get("tags") or "").split("\n") if t.strip()]
            text = stored.get("text") or ""
            if tags:  # as viewer/search/schema.py indexes it: the tags' words are words of the text
                text = text + "\n" + "\n".join(tags)
            doc = {"id": stored["id"], "n": docnum, "title": keyed(stored.get("title") or ""), "text": keyed(text),
                   "tags": sorted({t for t in (normalize_tag(x) for x in tags) if t})}
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    archive.close()
    return {**_since(started), "docs": count, "size_mb": Path(out_file).stat().st_size / 2**20, **_usage()}


def worker_count_docs(data_dir: str) -> dict[str, Any]:
    """The number of articles in Bayegan's index (a run without peers needs no token stream)."""
    sys.path.insert(0, str(REPO))
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    archive = Archive(DataPaths.resolve(Path(data_dir)))
    with archive.searcher() as searcher:
        count = searcher._searcher.reader().doc_count()
    archive.close()
    return {"docs": count}


def _tree(q: Any) -> dict[str, Any]:
    """A parsed Whoosh query as a plain tree the other engines can run."""
    from whoosh import query as wq

    boost = float(getattr(q, "boost", 1.0))
    if isinstance(q, wq.Prefix):
        return {"prefix": [q.fieldname, q.text], "boost": boost}
    if isinstance(q, wq.Term):
        return {"term": [q.fieldname, q.text], "boost": boost}
    if isinstance(q, wq.Phrase):
        return {"phrase": [q.fieldname, list(q.words), int(q.slop)], "boost": boost}
    if isinstance(q, (wq.And, wq.Require)):
        parts = q.subqueries if isinstance(q, wq.And) else [q.a, q.b]
        return {"and": [_tree(s) for s in parts], "boost": boost}
    if isinstance(q, (wq.Or, wq.DisjunctionMax)):
        return {"or": [_tree(s) for s in q.subqueries], "boost": boost}
    if isinstance(q, wq.AndMaybe):
        return {"and": [_tree(q.a)], "boost": boost}  # the optional part changes the order, not the matches
    if q is wq.NullQuery:
        return {"or": [], "boost": boost}
    return {"unsupported": repr(q)[:200]}


def worker_search_bayegan(data_dir: str, queries_file: str, plans_file: str) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    queries = json.loads(Path(queries_file).read_text("utf-8"))
    archive = Archive(DataPaths.resolve(Path(data_dir)))
    out: dict[str, Any] = {"kinds": {}, "answers": {}}
    plans: dict[str, Any] = {"warm": [], "kinds": {}}
    with archive.searcher() as searcher:
        reader = searcher._searcher.reader()
        for warm in WARM:
            searcher.search(warm)
            plans["warm"].append(_tree(searcher.prepare(warm).query))
        for kind, items in queries.items():
            times, answers, trees = [], [], []
            for item in items:
                tags = [item["tag"]] if item.get("tag") else []
                started = time.perf_counter()
                result = searcher.search(item["q"], tags=tags, limit=10)
                times.append((time.perf_counter() - started) * 1000)
                answers.append([result.total, [hit.id for hit in result.hits]])
                trees.append(_tree(searcher.prepare(item["q"], tags).query))
            out["kinds"][kind] = _percentiles(times)
            out["answers"][kind] = answers
            plans["kinds"][kind] = trees
        out["docs"] = reader.doc_count()
    archive.close()
    Path(plans_file).write_text(json.dumps(plans, ensure_ascii=False), "utf-8")
    return {**out, **_usage()}


def worker_profile_bayegan(data_dir: str, queries_file: str, kind: str, out_file: str) -> dict[str, Any]:
    """cProfile of one kind's searches (after a warm-up), the top functions by own and by total time."""
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(REPO))
    from viewer.core.paths import DataPaths
    from viewer.search.archive import Archive

    items = json.loads(Path(queries_file).read_text("utf-8"))[kind]
    archive = Archive(DataPaths.resolve(Path(data_dir)))
    with archive.searcher() as searcher:
        for warm in WARM:
            searcher.search(warm)
        profile = cProfile.Profile()
        profile.enable()
        for item in items:
            searcher.search(item["q"], tags=[item["tag"]] if item.get("tag") else [], limit=10)
        profile.disable()
    archive.close()
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)
    Path(out_file).write_text(text.getvalue(), "utf-8")
    return {"queries": len(items)}


# ---------------------------------------------------------------- Xapian (the system Python)

def worker_index_xapian(index_dir: str, stream_file: str) -> dict[str, Any]:
    started = _clock()
    import xapian

    db = xapian.WritableDatabase(index_dir, xapian.DB_CREATE_OR_OVERWRITE)
    count = 0
    for doc in _stream(stream_file):
        entry = xapian.Document()
        entry.set_data(doc["id"])
        for prefix, field in (("XT", "title"), ("XB", "text")):
            for pos, keys in enumerate(doc[field], 1):
                for key in keys:
                    entry.add_posting(prefix + key, pos)
        for tag in doc["tags"]:
            entry.add_boolean_term("XK" + tag)
        db.add_document(entry)
        count += 1
    db.commit()
    db.close()
    return {**_since(started), "docs": count, "size_mb": _size_mb(Path(index_dir)), **_usage()}


def worker_search_xapian(index_dir: str, plans_file: str) -> dict[str, Any]:
    import xapian

    db = xapian.Database(index_dir)
    prefixes = {"title": "XT", "text": "XB", "tags": "XK"}
    every = db.get_doccount()

    def build(tree: dict[str, Any]) -> Any:
        if "term" in tree:
            field, text = tree["term"]
            q = xapian.Query(prefixes[field] + text)
        elif "phrase" in tree:
            field, words, slop = tree["phrase"]
            q = xapian.Query(xapian.Query.OP_PHRASE, [prefixes[field] + w for w in words], len(words) + slop - 1)
        elif "prefix" in tree:
            field, text = tree["prefix"]
            q = xapian.Query(xapian.Query.OP_WILDCARD, prefixes[field] + text, 0, xapian.Query.WILDCARD_LIMIT_ERROR)
        elif "and" in tree:
            parts = [build(s) for s in tree["and"]]
            q = xapian.Query(xapian.Query.OP_AND, parts) if parts else xapian.Query()
        elif "or" in tree:
            q = xapian.Query(xapian.Query.OP_OR, [build(s) for s in tree["or"]])
        else:
            raise ValueError(tree.get("unsupported"))
        if tree.get("boost", 1.0) != 1.0:
            q = xapian.Query(xapian.Query.OP_SCALE_WEIGHT, q, tree["boost"])
        return q

    enquire = xapian.Enquire(db)

    def run(tree: dict[str, Any], limit: int) -> tuple[int, list[str]]:
        enquire.set_query(build(tree))
        found = enquire.get_mset(0, limit, every)
        return found.get_matches_estimated(), [m.document.get_data().decode("utf-8") for m in found]

    return {**_timed_queries(plans_file, run), "docs": every, **_usage()}


# ---------------------------------------------------------------- tantivy (the project's venv)

def _tantivy_schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", tokenizer_name="raw", index_option="position")
    builder.add_text_field("text", tokenizer_name="raw", index_option="position")
    builder.add_text_field("tags", tokenizer_name="raw", index_option="basic")
    return builder.build()


def worker_index_tantivy(index_dir: str, stream_file: str) -> dict[str, Any]:
    started = _clock()
    import tantivy

    Path(index_dir).mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_tantivy_schema(), path=index_dir)
    writer = index.writer(heap_size=256_000_000, num_threads=0)
    count = 0
    for doc in _stream(stream_file):
        entry = tantivy.Document()
        entry.add_text("id", doc["id"])
        for field in ("title", "text"):
            tokens = [tantivy.Token(key, pos, 0) for pos, keys in enumerate(doc[field]) for key in keys]
            if tokens:
                entry.add_pre_tokenized_text(field, tantivy.PreTokenizedString("", tokens))
        for tag in doc["tags"]:
            entry.add_text("tags", tag)
        writer.add_document(entry)
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return {**_since(started), "docs": count, "size_mb": _size_mb(Path(index_dir)), **_usage()}


def worker_search_tantivy(index_dir: str, plans_file: str) -> dict[str, Any]:
    import re

    import tantivy

    schema = _tantivy_schema()
    index = tantivy.Index.open(index_dir)
    searcher = index.searcher()
    must, should = tantivy.Occur.Must, tantivy.Occur.Should

    def build(tree: dict[str, Any]) -> Any:
        if "term" in tree:
            field, text = tree["term"]
            q = tantivy.Query.term_query(schema, field, text)
        elif "phrase" in tree:
            field, words, slop = tree["phrase"]
            q = tantivy.Query.phrase_query(schema, field, words, slop - 1)
        elif "prefix" in tree:
            field, text = tree["prefix"]
            q = tantivy.Query.regex_query(schema, field, re.escape(text) + ".*")
        elif "and" in tree:
            q = tantivy.Query.boolean_query([(must, build(s)) for s in tree["and"]])
        elif "or" in tree:
            q = tantivy.Query.boolean_query([(should, build(s)) for s in tree["or"]])
        else:
            raise ValueError(tree.get("unsupported"))
        if tree.get("boost", 1.0) != 1.0:
            q = tantivy.Query.boost_query(q, float(tree["boost"]))
        return q

    def run(tree: dict[str, Any], limit: int) -> tuple[int, list[str]]:
        found = searcher.search(build(tree), limit, count=True)
        return found.count, [searcher.doc(address)["id"][0] for _, address in found.hits]

    return {**_timed_queries(plans_file, run), "docs": searcher.num_docs, **_usage()}


WORKERS = {
    "index-bayegan": worker_index_bayegan, "token-stream": worker_token_stream, "count-docs": worker_count_docs,
    "search-bayegan": worker_search_bayegan,
    "profile-bayegan": worker_profile_bayegan, "index-xapian": worker_index_xapian, "search-xapian": worker_search_xapian,
    "index-tantivy": worker_index_tantivy, "search-tantivy": worker_search_tantivy,
}


# ---------------------------------------------------------------- the run

def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def run_worker(python: str, *args: str) -> dict[str, Any]:
    before = load()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([python, __file__, "--worker", *args], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=3 * 3600)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load_before": before, "load_after": load()}


def xapian_python(python: str) -> str | None:
    """`python` when it can import xapian, else None."""
    try:
        done = subprocess.run([python, "-c", "import xapian"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return python if done.returncode == 0 else None


def disagreements(search: dict[str, Any], queries: dict[str, list[dict]], engines: list[str]) -> list[str]:
    """Queries whose exact totals differ between Bayegan and a peer."""
    lines = []
    for kind in KINDS:
        for i, item in enumerate(queries.get(kind, [])):
            totals = {e: search[e]["answers"][kind][i][0] for e in engines if e in search}
            if len(set(totals.values())) > 1:
                query = item["q"] + (f" + tag «{item['tag']}»" if item.get("tag") else "")
                lines.append(f"{kind}: `{query}` " + ", ".join(f"{e} {n}" for e, n in totals.items()))
    return lines


def render(sizes: list[int], runs: dict[int, dict[str, Any]], engines: list[str], about: str, notes: list[str]) -> str:
    lines = ["# Engines: Bayegan beside Xapian and tantivy", "", f"Machine: {about}.", "",
             "Other engineers were running tests and benchmarks on the same two cores during this run: the load "
             "average (1/5/15 min) is written down before and after each step; compare engines within a row, "
             "not across runs.", "", *notes, "",
             "## Indexing", "",
             "Bayegan: `Archive.sync` of the JSON files (reading, Persian analysis, its index). Xapian and tantivy: "
             "reading the token stream (Bayegan's analysis, done once, in the column *analysis*) and indexing it. "
             "CPU counts every thread and worker process.", "",
             "| articles | engine | wall | CPU | size on disk | peak memory | load before → after |",
             "|---:|---|---:|---:|---:|---:|---|"]
    for size in sizes:
        run = runs[size]
        stream = run["stream"]
        if "wall" in stream:
            lines.append(f"| {run['docs']:,} | *analysis (token stream)* | {stream['wall']:.1f} s | "
                         f"{stream['cpu']:.1f} s | {stream['size_mb']:.0f} MB | {stream['maxrss_mb']:.0f} MB | "
                         f"{stream['load_before']} → {stream['load_after']} |")
        for engine in engines:
            r = run["index"].get(engine)
            if r is None:
                continue
            memory = f"{r['maxrss_mb']:.0f} MB" + (f" + {r['workers_rss_mb']:.0f} MB worker" if "workers_rss_mb" in r else "")
            lines.append(f"| {run['docs']:,} | {engine} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {r['size_mb']:.0f} MB | "
                         f"{memory} | {r['load_before']} → {r['load_after']} |")
    lines += ["", "## Search latency (ms, p50 / p95; 10 hits and the exact total)", "",
              "Bayegan's figure is `ArchiveSearcher.search` as the window calls it: 10 hits *with snippets*, the exact "
              "total, the tag facets of every match (and a suggestion when fewer than three match). The peers "
              "return the 10 hits' ids and the exact total, nothing more.", "",
              "| articles | query kind (n) | " + " | ".join(engines) + " | totals agree |",
              "|---:|---|" + "---:|" * len(engines) + "---:|"]
    for size in sizes:
        run = runs[size]
        for kind in KINDS:
            cells = []
            for engine in engines:
                k = run["search"][engine]["kinds"].get(kind)
                cells.append(f"{_ms(k['p50'])} / **{_ms(k['p95'])}**" if k else "–")
            n = run["search"]["bayegan"]["kinds"][kind]["n"]
            agree = n - sum(1 for line in run["disagree"] if line.startswith(kind + ":"))
            lines.append(f"| {run['docs']:,} | {kind} ({n}) | " + " | ".join(cells) + f" | {agree}/{n} |")
    lines += ["", "| articles | peak memory searching: " + " | ".join(engines) + " | load before → after (Bayegan) |",
              "|---:|" + "---:|" * len(engines) + "---|"]
    for size in sizes:
        s = runs[size]["search"]
        lines.append(f"| {runs[size]['docs']:,} | " + " | ".join(f"{s[e]['maxrss_mb']:.0f} MB" for e in engines)
                     + f" | {s['bayegan']['load_before']} → {s['bayegan']['load_after']} |")
    for size in sizes:
        disagree = runs[size]["disagree"]
        lines += ["", f"### Totals that differ at {runs[size]['docs']:,} articles ({len(disagree)})", ""]
        lines += [f"- {line}" for line in disagree[:40]] or ["None: every engine found the same number of articles."]
        if len(disagree) > 40:
            lines.append(f"- … and {len(disagree) - 40} more")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 40000], help="corpus sizes (default 4000 40000)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES), help="bayegan always runs")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind (default 100)")
    parser.add_argument("--xapian-python", default="/usr/bin/python3", help="a Python that imports xapian")
    parser.add_argument("--profile", nargs="+", choices=KINDS, default=[], metavar="KIND",
                        help="cProfile these query kinds' Bayegan searches at the largest size (<output>.profile-<kind>.txt)")
    parser.add_argument("--output", type=Path, help="the results file (default benchmarks/results/engines-<sizes>.md)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (each size's corpus and data folder)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    if "--worker" in sys.argv:
        args = parser.parse_args()
        print(json.dumps(WORKERS[args.worker[0]](*args.worker[1:])))
        return 0
    sys.path.insert(0, str(HERE))
    import speed
    from corpus_arg import add_corpus_argument

    add_corpus_argument(parser)
    args = parser.parse_args()
    engines = ["bayegan", *(e for e in ENGINES if e != "bayegan" and e in args.engines)]
    notes = []
    xapian = xapian_python(args.xapian_python) if "xapian" in engines else None
    if "xapian" in engines and xapian is None:
        engines.remove("xapian")
        notes.append(f"Xapian left out: {args.xapian_python} cannot import xapian (Debian: apt install python3-xapian).")
    elif xapian is not None:
        version = subprocess.run([xapian, "-c", "import sys, xapian; print(xapian.version_string(), sys.version.split()[0])"],
                                 capture_output=True, text=True).stdout.split()
        notes.append(f"Xapian {version[0]} through Debian's python3-xapian under the system Python {version[1]} "
                     "(the bindings do not load in the project's Python 3.12; PyPI has no wheel of them), reading "
                     "the same token stream file.")
    if "tantivy" in engines:
        import importlib.metadata

        notes.append(f"tantivy {importlib.metadata.version('tantivy')} (PyPI wheel) in the project's Python.")
    about = speed.machine()
    speed.QUERIES_PER_KIND = args.queries
    output = args.output or RESULTS / ("engines-" + "-".join(map(str, args.sizes)) + ".md")
    work = Path(tempfile.mkdtemp(prefix="bayegan-engines-"))
    python = {"bayegan": sys.executable, "tantivy": sys.executable, "xapian": xapian or ""}
    table = ""
    try:
        items = speed.base_items(args.corpus)
        queries = speed.make_queries(items)
        queries_file = work / "queries.json"
        queries_file.write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
        runs: dict[int, dict[str, Any]] = {}
        for size in args.sizes:
            corpus = work / f"corpus-{size}"
            speed.write_corpus(items, size, corpus)
            run: dict[str, Any] = {"index": {}, "search": {}}
            print(f"{size}: Bayegan indexing ...", file=sys.stderr)
            data = work / f"bayegan-{size}"
            run["index"]["bayegan"] = run_worker(sys.executable, "index-bayegan", str(data), str(corpus))
            stream_file, plans_file = work / f"stream-{size}.jsonl", work / f"plans-{size}.json"
            if len(engines) > 1:
                run["stream"] = run_worker(sys.executable, "token-stream", str(data), str(stream_file))
            else:  # no peer to hand the analysis to: the articles are only counted
                run["stream"] = run_worker(sys.executable, "count-docs", str(data))
            run["docs"] = run["stream"]["docs"]
            print(f"{size}: Bayegan searching ...", file=sys.stderr)
            run["search"]["bayegan"] = run_worker(sys.executable, "search-bayegan", str(data), str(queries_file),
                                                  str(plans_file))
            for engine in engines[1:]:
                print(f"{size}: {engine} ...", file=sys.stderr)
                folder = work / f"{engine}-{size}"
                run["index"][engine] = run_worker(python[engine], f"index-{engine}", str(folder), str(stream_file))
                run["search"][engine] = run_worker(python[engine], f"search-{engine}", str(folder), str(plans_file))
                shutil.rmtree(folder, ignore_errors=True)
            run["disagree"] = disagreements(run["search"], queries, engines)
            for line in run["disagree"]:
                print(f"{size}: totals differ: {line}", file=sys.stderr)
            runs[size] = run
            table = render([n for n in args.sizes if n in runs], runs, engines, about, notes)
            output.write_text(table, "utf-8")  # kept should a long run be stopped
            for kind in args.profile if size == args.sizes[-1] else []:
                profile_file = output.with_name(f"{output.stem}.profile-{kind.replace(' ', '-')}.txt")
                run_worker(sys.executable, "profile-bayegan", str(data), str(queries_file), kind, str(profile_file))
                print(f"profile of {kind}: {profile_file}", file=sys.stderr)
            if not args.keep:
                shutil.rmtree(data, ignore_errors=True)
                shutil.rmtree(corpus, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
