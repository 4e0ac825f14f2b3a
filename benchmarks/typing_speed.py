"""Search as you type in the real window on a large archive, beside plain Whoosh on the same queries.

    .venv/bin/python benchmarks/speed.py --corpus DIR --sizes 200000 --keep   # builds both indexes
    .venv/bin/python benchmarks/typing_speed.py --corpus DIR --work /tmp/bayegan-speed-XXXX --size 200000

Opens the main window (offscreen) on the Bayegan index speed.py kept, and types speed.py's seeded
queries (word, two words, phrase, prefix) into the search box one character at a time, a key every
`--key-ms` milliseconds (a fast typist), as a user would. For each query it records:

- the time from the last keystroke to the window showing that query's first rows (the search box's
  debounce included: it is what the user waits; `rows_shown`, painted before their article is laid
  out, where the window has it), to the rows with their article (`first_page_shown`), and to its
  count, tag facets and timeline (issue 21: they may come after the first rows; a window without
  `first_page_shown` shows both at once);
- the longest stall of the UI thread while typing and waiting (a 5 ms timer's longest gap): the
  window must take every keystroke while searches run on the worker;
- every result (first rows or count) the window showed whose query was no longer the box's text
  (stale; must be none).

`--index` and `--archive` name another Bayegan data folder and the folder it indexed (a copy: the
window writes its settings and syncs the archive at start); without a plain index the baseline is left out.

Before typing, it opens the archive in a fresh process per run (`--opens` runs of each case, alternated)
and records the time from `MainWindow.start` (the window already up) to the first rows and to the count,
and from the process's launch to the first rows (the window begins the engine's work before `start`):
with an empty box (every article), with a word given at start (`bayegan gui --query`), and with "count each
story once" ticked. `--baseline-tree DIR` (e.g. `git archive main | tar -x -C DIR`) runs the same cases
with that tree's code on the same index, in the same run: the old path beside the new.

The baseline is plain Whoosh answering the same final queries on the plain index of the same run
(parse, 10 hits, highlights), in the same process. Writes benchmarks/results/typing-SIZE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RESULTS = Path(__file__).resolve().parent / "results"
KINDS = ("word", "two words", "phrase", "prefix")


def _p(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def plain_latencies(index_dir: Path, queries: list[str]) -> list[float]:
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    ix = index.open_dir(str(index_dir))
    times = []
    with ix.searcher() as searcher:
        parser = MultifieldParser(["title", "text"], ix.schema)
        for q in queries:
            started = time.perf_counter()
            for hit in searcher.search(parser.parse(q), limit=10, terms=True):
                hit.highlights("text", top=2)
            times.append((time.perf_counter() - started) * 1000)
    return times


def type_in_window(data_dir: Path, corpus_dir: Path, queries: list[tuple[str, str]], key_ms: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest

    from viewer.app.settings import FOLDERS, Settings
    from viewer.core.paths import DataPaths
    from viewer.gui.app import application, prepare
    from viewer.gui.results.search_controller import searched_text
    from viewer.gui.window.main_window import MainWindow

    app = application([])
    paths = DataPaths.resolve(data_dir).ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(corpus_dir)])
    settings.save()
    prepare(app, settings, icons_dir=paths.config_dir / "theme-icons")
    window = MainWindow(paths, settings)
    window.show()
    window.start(query="")

    def wait_until(condition, limit_s: float = 600.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + limit_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not answer")
            QTest.qWait(2)

    wait_until(lambda: window.library is not None and window.result is not None and not window.search_pending
               and not window.indexer.busy)
    box = window.search_bar.box
    stale: list[tuple[str, str]] = []
    shown_at: dict[str, dict[str, float]] = {"rows": {}, "page": {}, "count": {}}  # query -> when it was last shown

    def shown(step: str, r) -> None:  # type: ignore[no-untyped-def]
        shown_at[step][r.query] = time.perf_counter()
        if r.query != searched_text(box.text()):
            stale.append((r.query, box.text()))

    window.results_shown.connect(lambda r: shown("count", r))
    first_page = getattr(window, "first_page_shown", None)  # issue 21: the first rows before the count
    # issue 30: the rows painted before their article is laid out (older trees: with it)
    first_rows = getattr(window, "rows_shown", None) or first_page
    (first_rows or window.results_shown).connect(lambda r: shown("rows", r))
    (first_page or window.results_shown).connect(lambda r: shown("page", r))
    clock, gaps = QElapsedTimer(), [0]
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def beat() -> None:
        gaps[0] = max(gaps[0], clock.restart())

    heartbeat.timeout.connect(beat)
    per_kind: dict[str, list[float]] = {}
    counted: dict[str, list[float]] = {}
    with_article: dict[str, list[float]] = {}
    stalls: list[float] = []
    for kind, query in queries:
        box.setFocus()
        box.selectAll()
        QTest.keyClick(box, Qt.Key.Key_Backspace)
        for step in shown_at.values():
            step.pop(query, None)
        clock.start()
        gaps[0] = 0
        heartbeat.start()
        for ch in query:
            QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
            QTest.qWait(key_ms)
        last_key = time.perf_counter()
        wait_until(lambda q=query: window.result is not None and window.result.query == q and not window.search_pending)
        per_kind.setdefault(kind, []).append((shown_at["rows"][query] - last_key) * 1000 + key_ms)
        with_article.setdefault(kind, []).append((shown_at["page"][query] - last_key) * 1000 + key_ms)
        counted.setdefault(kind, []).append((shown_at["count"][query] - last_key) * 1000 + key_ms)
        print(f"{kind}\t{query}\t{per_kind[kind][-1]:.0f} ms\t{counted[kind][-1]:.0f} ms", file=sys.stderr)
        heartbeat.stop()
        stalls.append(float(gaps[0]))
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return {"per_kind": per_kind, "with_article": with_article, "counted": counted, "stalls": stalls,
            "stale": stale, "maxrss_mb": maxrss}


OPEN_CASES = ("empty box", "a word given at start", "count each story once")


def open_window(data_dir: Path, corpus_dir: Path, case: str, word: str, launched: float | None = None) -> dict:
    """In a fresh process: the window opened on the archive as a user opens it, and the time from
    `start` to the first search's first rows and to its count, tags and timeline; with `launched` (the
    wall clock when the process was started), also from the launch to the first rows."""
    from PySide6.QtTest import QTest

    from viewer.app.settings import COUNT_STORIES_ONCE, FOLDERS, Settings
    from viewer.core.paths import DataPaths
    from viewer.gui import app as gui_app
    from viewer.gui.app import application, prepare

    app = application([])
    load_engine = getattr(gui_app, "load_engine_beside", None)  # as run_gui does (not in older trees)
    if load_engine is not None:
        load_engine(word if case == "a word given at start" else "")
    paths = DataPaths.resolve(data_dir).ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(corpus_dir)])
    settings.set(COUNT_STORIES_ONCE, case == "count each story once")
    settings.save()
    prepare(app, settings, icons_dir=paths.config_dir / "theme-icons")
    from viewer.gui.window.main_window import MainWindow  # after `prepare`, as run_gui imports it

    window = MainWindow(paths, settings)
    window.show()
    app.processEvents()
    seen: dict[str, float] = {}
    rows_shown = getattr(window, "rows_shown", window.first_page_shown)  # issue 30: before their article
    rows_shown.connect(lambda _r: (seen.setdefault("rows", time.perf_counter()), seen.setdefault("rows_wall", time.time())))
    window.results_shown.connect(lambda _r: seen.setdefault("count", time.perf_counter()))
    started = time.perf_counter()
    window.start(query=word if case == "a word given at start" else "")
    deadline = time.monotonic() + 600
    while "count" not in seen or "rows" not in seen:
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not answer")
        QTest.qWait(1)
    done = {"rows_ms": (seen["rows"] - started) * 1000, "count_ms": (seen["count"] - started) * 1000,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if launched is not None:
        done["launch_rows_ms"] = (seen["rows_wall"] - launched) * 1000
    while window.indexer is None or window.indexer.busy:
        QTest.qWait(5)  # the sync at start (it may begin after the first search), before closing
    done["synced_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return done


def open_runs(data_dir: Path, corpus_dir: Path, word: str, runs: int, baseline: Path | None,
              baseline_index: Path | None = None) -> dict:
    """`runs` fresh-process openings per case and tree, alternated: {(tree, case): [results]}. The old
    tree opens `baseline_index` when given (a copy of the same index: each code keeps its own files
    beside it, as a user's archive would)."""
    trees = [("new", REPO, data_dir)] + ([("old", baseline, baseline_index or data_dir)] if baseline is not None else [])
    found: dict[tuple[str, str], list[dict]] = {}
    for _ in range(runs):
        for case in OPEN_CASES:
            for name, tree, index in trees:
                done = subprocess.run([sys.executable, __file__, "--open-worker", str(tree), str(index), str(corpus_dir),
                                       case, word, repr(time.time())], capture_output=True, text=True, timeout=900)
                if done.returncode != 0:
                    raise RuntimeError(f"opening failed ({name}, {case}):\n{done.stderr[-3000:]}")
                result = json.loads(done.stdout.strip().splitlines()[-1])
                found.setdefault((name, case), []).append(result)
                print(f"open\t{name}\t{case}\t{result['rows_ms']:.0f} ms\t{result['count_ms']:.0f} ms\t"
                      f"launch → rows {result.get('launch_rows_ms', 0):.0f} ms", file=sys.stderr)
    return found


def open_table(found: dict, runs: int) -> list[str]:
    lines = ["", f"## Opening the archive (fresh process each, median of {runs})", "",
             "From `MainWindow.start` (the window is up) to the first search's rows and to its count, tags and "
             "timeline; and from the launch of the process (`python` started: its imports, Qt, the window built) "
             "to the first rows. The unchanged sync of the folders follows, as it does for a user.", "",
             "| first search | code | start → first rows, ms | start → count, ms | launch → first rows, ms | "
             "peak memory at the count | peak after the sync at start |", "|---|---|---:|---:|---:|---:|---:|"]
    for case in OPEN_CASES:
        for name in ("old", "new"):
            runs_of = found.get((name, case))
            if runs_of:
                lines.append(f"| {case} | {name} | {statistics.median(r['rows_ms'] for r in runs_of):.0f} | "
                             f"{statistics.median(r['count_ms'] for r in runs_of):.0f} | "
                             f"{statistics.median(r.get('launch_rows_ms', 0) for r in runs_of):.0f} | "
                             f"{statistics.median(r['maxrss_mb'] for r in runs_of):.0f} MB | "
                             f"{statistics.median(r.get('synced_maxrss_mb', 0) for r in runs_of):.0f} MB |")
    return lines


def main() -> int:
    if sys.argv[1:2] == ["--open-worker"]:
        tree, data_dir, corpus_dir, case, word = sys.argv[2:7]
        launched = float(sys.argv[7]) if len(sys.argv) > 7 else None
        sys.path.insert(0, tree)  # this tree's viewer, before the repository's
        for name in [m for m in sys.modules if m == "viewer" or m.startswith("viewer.")]:
            del sys.modules[name]
        print(json.dumps(open_window(Path(data_dir), Path(corpus_dir), case, word, launched)))
        return 0
    from speed import base_items, make_queries  # benchmarks/ is sys.path[0] when run as a script

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="the dataset speed.py scaled")
    parser.add_argument("--work", type=Path, required=True, help="the folder `speed.py --keep` left")
    parser.add_argument("--size", type=int, required=True, help="which of its sizes to type against")
    parser.add_argument("--per-kind", type=int, default=15, help="queries typed per kind (default 15)")
    parser.add_argument("--key-ms", type=int, default=80, help="time between keystrokes (default 80 ms)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--index", type=Path, help="the Bayegan data folder (default WORK/bayegan-SIZE-0)")
    parser.add_argument("--archive", type=Path, help="the folder it indexed (default WORK/corpus-SIZE)")
    parser.add_argument("--opens", type=int, default=3, help="openings of the archive per case and code (default 3)")
    parser.add_argument("--baseline-tree", type=Path, help="another tree of this repository (the old code) to open with")
    parser.add_argument("--baseline-index", type=Path, help="the old code's copy of the data folder (default: --index)")
    parser.add_argument("--only-open", action="store_true", help="the openings only, no typing")
    args = parser.parse_args()
    print("seed", args.seed, file=sys.stderr)
    rng = random.Random(args.seed)
    made = make_queries(base_items(args.corpus), seed=args.seed)
    queries = [(kind, item["q"]) for kind in KINDS for item in rng.sample(made[kind], min(args.per_kind, len(made[kind])))]
    data_dir = args.index or args.work / f"bayegan-{args.size}-0"
    archive = args.archive or args.work / f"corpus-{args.size}"
    opened = (open_runs(data_dir, archive, queries[0][1], args.opens, args.baseline_tree, args.baseline_index)
              if args.opens else {})
    if args.only_open:
        print("\n".join(open_table(opened, args.opens)))
        return 0
    window = type_in_window(data_dir, archive, queries, args.key_ms)
    plain_dir = args.work / f"plain-{args.size}-0"
    plain = plain_latencies(plain_dir, [q for _, q in queries]) if plain_dir.is_dir() else []
    plain_by_kind: dict[str, list[float]] = {}
    for (kind, _), ms in zip(queries, plain, strict=False):
        plain_by_kind.setdefault(kind, []).append(ms)
    lines = [f"# Typing in the window at {args.size:,} articles", "",
             f"seed {args.seed}; a key every {args.key_ms} ms; {args.per_kind} queries per kind; offscreen; "
             f"load average at the end {' / '.join(f'{x:.1f}' for x in os.getloadavg())}.", "",
             "| query kind | last key → first rows shown, p50 / p95 ms (debounce included) | "
             "last key → the rows and their article, p50 / p95 ms | "
             "last key → count, tags and timeline shown, p50 / p95 ms | "
             "plain Whoosh, same query, p50 / p95 ms (search only) |", "|---|---:|---:|---:|---:|"]

    def pair(samples: list[float]) -> str:
        return f"{statistics.median(samples):.0f} / {_p(samples, 0.95):.0f}" if samples else "not measured"

    for kind in KINDS:
        mine = window["per_kind"].get(kind, [])
        if mine:
            lines.append(f"| {kind} | {pair(mine)} | {pair(window['with_article'].get(kind, []))} | "
                         f"{pair(window['counted'].get(kind, []))} | "
                         f"{pair(plain_by_kind.get(kind, []))} |")
    lines += ["", f"Longest UI-thread stall while typing a query and waiting for it: p50 "
              f"{statistics.median(window['stalls']):.0f} ms, max {max(window['stalls']):.0f} ms. "
              f"Stale results shown: {len(window['stale'])}. Peak memory of the window's process (maxrss) after "
              f"typing them: {window['maxrss_mb']:.0f} MB."]
    if opened:
        lines += open_table(opened, args.opens)
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"typing-{args.size}.md").write_text(table, "utf-8")
    return 0 if not window["stale"] else 1


if __name__ == "__main__":
    sys.exit(main())
