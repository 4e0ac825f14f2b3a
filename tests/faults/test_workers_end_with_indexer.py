"""SIGTERM or SIGKILL of `bayegan index` while its workers read (one stuck at 100% CPU in a page built
to hang its reader): every process it started ends with it, none is left running."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.child_cli import bayegan_command, cli_env
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.test_one_bad_file import hanging_page
from viewer.search.indexing.prepare_pool import TIME_LIMIT_VARIABLE

WAIT = 120  # only a hang detector


def _descendants(pid: int) -> dict[int, str]:
    """The processes under `pid` (children, grandchildren...), each with its command line."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child in [c for c, p in parents.items() if p == parent]:
            try:
                found[child] = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            frontier.append(child)
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stuck_worker(indexer: subprocess.Popen[bytes]) -> int:
    """A worker of `indexer` that has run a while (past its start, ~0.6 s of CPU: reading the page).
    Polled: a process we did not start cannot tell us."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and indexer.poll() is None:
        busy = [pid for pid, command in _descendants(indexer.pid).items()
                if "multiprocessing" in command and _cpu_seconds(pid) >= 3]
        if busy:
            return busy[0]
        time.sleep(0.1)
    raise AssertionError(f"no worker got busy (indexer exit code {indexer.poll()})")


def _has_ended(pid: int, timeout: float) -> bool:
    """Whether process `pid` ends within `timeout` (waited on through a pidfd: no polling)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([handle], [], [], timeout)[0])
    finally:
        os.close(handle)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and waits on pidfds (Linux)")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_end_with_their_indexer(tmp_path: Path, stop: signal.Signals) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    write_archive(source, corpus_items("fars-news-2.json", 10), per_file=5)
    paragraph = "متن نخست خبر که به اندازهٔ کافی بلند است تا یک پاراگراف باشد و با نقطه تمام شود.\n\n"
    (source / "big.txt").write_text("عنوان پروندهٔ بزرگ\n\n" + paragraph * (9 * 2**20 // len(paragraph.encode())),
                                    "utf-8")  # past 8 MB: a worker per core, as on a large archive
    hanging_page(source / "hang.html")
    indexer = subprocess.Popen(bayegan_command(data, "index", source), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=cli_env() | {TIME_LIMIT_VARIABLE: "3600"})
    started: dict[int, str] = {}
    try:
        _stuck_worker(indexer)
        started = _descendants(indexer.pid)
        indexer.send_signal(stop)
        assert indexer.wait(WAIT) == -stop
        left = {pid: command for pid, command in started.items() if not _has_ended(pid, WAIT)}
        assert not left, f"still running after {stop.name} of their indexer: {left}"
    finally:
        indexer.kill()
        indexer.wait()
        for pid, command in started.items():  # after a failure: leave nothing behind
            if _descendants(1).get(pid) == command:
                os.kill(pid, signal.SIGKILL)
