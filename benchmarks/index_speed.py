"""Indexing wall time, CPU (the writer's process and the preparing workers) and peak memory by step,
for two source trees of Bayegan in the same run, alternated (a shared machine's load then falls on
both alike).

    python benchmarks/index_speed.py --corpus CORPUS --tree old=OLD_TREE --tree new=. --work DIR [--reps 1]

Each run is a fresh process that syncs CORPUS into an empty data folder (`Archive.sync`). A thread
samples every 0.2 s the resident memory of the process and of its descendants (the forkserver's
workers are not its children, so `getrusage` cannot count them), and their CPU from /proc. The steps
are told apart by wrapping the functions that run them: `sync` (reading, analysing, writing and the
commit), `copies` (the near-duplicate tables and stories kept beside the index) and `sources` (the
manifest read again). `--profile FILE` writes cProfile's statistics of the writer's process (one
tree, one run). Linux only (/proc)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        found.setdefault(parent, []).append(int(entry))
    return found


def _descendants(pid: int) -> list[int]:
    tree = _children()
    out, todo = [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _cpu_rss(pid: int) -> tuple[float, int]:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        statm = Path(f"/proc/{pid}/statm").read_text()
    except OSError:
        return 0.0, 0
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS, int(statm.split()[1]) * _PAGE


class Sampler(threading.Thread):
    """Peak resident memory of this process by step (its own /proc entry only: cheap)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.step = "start"
        self.peaks: dict[str, int] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.1):
            self.sample()

    def sample(self) -> None:
        rss = _cpu_rss(os.getpid())[1]
        self.peaks[self.step] = max(self.peaks.get(self.step, 0), rss)


class Workers(threading.Thread):
    """The CPU (last seen) and peak resident memory of a process's descendants, sampled from outside."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            for pid in _descendants(self.pid):
                cpu, rss = _cpu_rss(pid)
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
                self.peak = max(self.peak, rss)


def child(corpus: str, data_dir: str, profile: str | None) -> None:
    import resource

    import viewer.search.archive as archive_module
    import viewer.search.indexing.sync as sync_module
    from viewer.core.paths import DataPaths

    sampler = Sampler()
    sampler.start()
    timings: dict[str, float] = {}

    def timed(step: str, function):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            sampler.step = step
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[step] = timings.get(step, 0.0) + time.perf_counter() - began
                sampler.sample()
                sampler.step = "other"
        return run

    sync_module.sync_sources = timed("sync", sync_module.sync_sources)  # Archive.sync imports it when called
    archive_module.Archive._keep_copies = timed("copies", archive_module.Archive._keep_copies)
    archive_module.Archive.sources = timed("sources", archive_module.Archive.sources)
    archive = archive_module.Archive(DataPaths.resolve(Path(data_dir)))
    archive._sources = (0, {})  # as the window holds them: read again after the sync
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    began, cpu_began = time.perf_counter(), time.process_time()
    report = archive.sync([Path(corpus)])
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    sampler.stopped.set()
    sampler.join()
    archive.close()
    print(json.dumps({
        "added": report.added, "wall": wall, "cpu_main": cpu,
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "peaks": sampler.peaks, "steps": timings,
    }))


def _load(values: list[float]) -> str:
    return " / ".join(f"{value:.1f}" for value in values)


def render(rows: list[tuple[str, dict[str, Any]]]) -> str:
    """A markdown table of runs (tree name, result), in the order they ran."""
    mb = 2**20
    lines = ["| run | tree | wall | CPU writer | CPU workers | CPU total | peak memory (step) | sync step peak "
             "| copies step peak, time | index on disk | load before → after |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for number, (name, run) in enumerate(rows, 1):
        peaks, steps, load = run["peaks"], run["steps"], run["load"]
        top = max(peaks, key=peaks.get)
        lines.append(
            f"| {number} | {name} | {run['wall']:.0f} s | {run['cpu_main']:.0f} s | {run['cpu_workers']:.0f} s "
            f"| {run['cpu_main'] + run['cpu_workers']:.0f} s | {run['maxrss'] / mb:.0f} MB ({top}) "
            f"| {peaks.get('sync', 0) / mb:.0f} MB | {peaks.get('copies', 0) / mb:.0f} MB, {steps.get('copies', 0):.1f} s "
            f"| {run['size'] / mb:.0f} MB | {_load(load[:3])} → {_load(load[3:])} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH of a Bayegan source tree")
    parser.add_argument("--work", help="a folder for the data folders (emptied)")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--profile", help="cProfile statistics of the first tree's writer process to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--render", nargs="+", help="print the table of the runs these earlier outputs list")
    args = parser.parse_args()
    if args.render:
        rows = []
        for output in args.render:
            for line in Path(output).read_text("utf-8").splitlines():
                name, _rep, result = line.split(" ", 2) if not line.startswith("{") else ("", "", "")
                if name:
                    rows.append((name, json.loads(result)))
        print(render(rows))
        return 0
    if args.child:
        child(*args.child, args.profile)
        return 0
    trees = [tree.split("=", 1) for tree in args.tree]
    work = Path(args.work)
    runs: dict[str, list[dict[str, object]]] = {name: [] for name, _ in trees}
    for rep in range(args.reps):
        for name, path in trees:
            data = work / f"data-{name}"
            shutil.rmtree(data, ignore_errors=True)
            data.mkdir(parents=True)
            load = os.getloadavg()
            command = [sys.executable, str(Path(__file__).resolve()), "--corpus", args.corpus, "--tree", "x=.",
                       "--work", str(work), "--child", args.corpus, str(data)]
            if args.profile and rep == 0 and name == trees[0][0]:
                command += ["--profile", args.profile]
            process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(Path(path).resolve())},
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            workers = Workers(process.pid)
            workers.start()
            out, err = process.communicate()
            workers.stopped.set()
            workers.join()
            if process.returncode:
                print(err, file=sys.stderr)
                return 1
            result = json.loads(out.strip().splitlines()[-1])
            result["cpu_workers"] = sum(workers.cpu.values())
            result["worker_peak"] = workers.peak
            result["load"] = [*load, *os.getloadavg()]
            result["size"] = sum(f.stat().st_size for f in (data / "index").rglob("*") if f.is_file())
            runs[name].append(result)
            print(name, rep, json.dumps(result), flush=True)
    print(json.dumps(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
