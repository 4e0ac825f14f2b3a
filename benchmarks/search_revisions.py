"""Two revisions of Bayegan searching the same index with the same queries, in one run: the baseline a
change to the search path is judged against.

    .venv/bin/python benchmarks/search_revisions.py --corpus CORPUS --data DATA [--old REV] [--new REV] [--rounds 3]

DATA is a Bayegan data folder indexed from speed.py's scaled corpus (`engines.py --keep`, `speed.py
--keep` or `discourse_speed.py --work` leave one); both revisions must read its index (the same schema
version), or, when the new revision changes the index's bytes, --new-data is the same corpus indexed
by the new revision (the old one then searches DATA). Each revision is exported with `git archive`
(`--new` defaults to the working tree, uncommitted changes included) and runs engines.py's Bayegan
search worker (`ArchiveSearcher.search` as the window calls it: 10 hits with snippets and copies, the
exact total, the tag facets) in a fresh process. The rounds alternate old, new, old, new, ... so that
other work on the machine falls on both; each kind's figure is the median over the rounds of its p50
and p95. The two must find the same totals and the same
ten hits; any query where they do not is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import engines  # noqa: E402  (benchmarks/ is not a package)
import speed  # noqa: E402


def export(revision: str | None, into: Path) -> Path:
    """The tree of `revision` (None: the working tree as it is) in `into`."""
    into.mkdir(parents=True)
    if revision is None:
        files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                               capture_output=True, check=True).stdout.split(b"\0")
        for name in filter(None, files):
            source = REPO / name.decode()
            if source.is_file():
                target = into / name.decode()
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
        return into
    archive = subprocess.run(["git", "archive", revision], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def search_with(tree: Path, data: Path, queries_file: Path, plans_file: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree)}
    before = engines.load()
    done = subprocess.run([sys.executable, str(tree / "benchmarks" / "engines.py"), "--worker", "search-bayegan",
                           str(data), str(queries_file), str(plans_file)],
                          capture_output=True, text=True, env=env, cwd=tree, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"the search worker of {tree} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = f"{before} → {engines.load()}"
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="the dataset speed.py scaled (for the queries)")
    parser.add_argument("--data", type=Path, required=True, help="a Bayegan data folder indexed from it")
    parser.add_argument("--new-data", type=Path, help="the new revision's data folder (default: DATA)")
    parser.add_argument("--old", default="main", help="the baseline revision (default main)")
    parser.add_argument("--new", default=None, help="the revision measured (default: the working tree)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each revision, alternated (default 3)")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind (default 100)")
    args = parser.parse_args()
    speed.QUERIES_PER_KIND = args.queries
    names = {"old": args.old, "new": args.new or "working tree"}
    with tempfile.TemporaryDirectory(prefix="bayegan-revisions-") as work_dir:
        work = Path(work_dir)
        trees = {"old": export(args.old, work / "old"), "new": export(args.new, work / "new")}
        queries_file = work / "queries.json"
        queries_file.write_text(json.dumps(speed.make_queries(speed.base_items(args.corpus)), ensure_ascii=False), "utf-8")
        runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
        for round_number in range(args.rounds):
            for side in ("old", "new"):
                print(f"round {round_number + 1}: {names[side]} ...", file=sys.stderr)
                data = args.new_data if side == "new" and args.new_data else args.data
                runs[side].append(search_with(trees[side], data, queries_file, work / f"plans-{side}.json"))
    lines = [f"# Search: {names['new']} beside {names['old']} on the same index", "",
             f"`benchmarks/search_revisions.py --data DATA --rounds {args.rounds} --queries {args.queries}`; "
             f"{runs['new'][0].get('docs', 0):,} articles; load average (1/5/15 min) before → after each run: "
             + "; ".join(f"{names[side]} {run['load']}" for side in ("old", "new") for run in runs[side]) + ".", "",
             f"| query kind (n) | {names['old']} p50 / p95 ms | {names['new']} p50 / p95 ms | p95 new/old |",
             "|---|---:|---:|---:|"]
    for kind in engines.KINDS:
        figures = {side: {q: statistics.median(run["kinds"][kind][q] for run in runs[side]) for q in ("p50", "p95")}
                   for side in runs}
        n = runs["new"][0]["kinds"][kind]["n"]
        lines.append(f"| {kind} ({n}) | {figures['old']['p50']:.1f} / **{figures['old']['p95']:.1f}** | "
                     f"{figures['new']['p50']:.1f} / **{figures['new']['p95']:.1f}** | "
                     f"{figures['new']['p95'] / max(figures['old']['p95'], 1e-9):.2f} |")
    lines += ["", "peak memory searching (maxrss, median): " + ", ".join(
        f"{names[side]} {statistics.median(run['maxrss_mb'] for run in runs[side]):.0f} MB" for side in ("old", "new"))]
    differ = [f"{kind} #{n}: {old} ≠ {new}" for kind in engines.KINDS
              for n, (old, new) in enumerate(zip(runs["old"][0]["answers"][kind], runs["new"][0]["answers"][kind],
                                                 strict=True)) if old != new]
    lines += ["", f"Answers (total and ten hits) that differ: {len(differ)}", *[f"- {line}" for line in differ[:20]], ""]
    print("\n".join(lines))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
