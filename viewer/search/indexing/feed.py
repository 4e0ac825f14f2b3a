"""Files prepared (read, parsed, analysed) ahead in worker processes, handed back in their order.

The index writer is Whoosh's, one per index and not thread-safe: it stays in the calling process
and is fed in file order, so the index is the same as a serial sync's. Workers are spawned, not
forked (the window's process has Qt threads), and only when there is enough to read to pay for
their start (~1 s each, importing the analyzer). At most `ahead` files, and about `AHEAD_BYTES`,
wait prepared: memory stays bounded whatever the archive's size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from viewer.search.indexing.prepare import PreparedFile, prepare_file

# Below this much to read, one process does it all: starting workers would cost more than they save.
PARALLEL_BYTES = 8 * 2**20
AHEAD_BYTES = 48 * 2**20


@dataclass(frozen=True)
class Job:
    """A file to prepare: its path, size, and the SHA-1 of the content already indexed, if any."""

    path: str
    size: int
    mtime_ns: int
    known_sha1: str | None
    # a WARC read before up to this byte, whose bytes up to it had this SHA-1 (read on from there)
    read_up_to: int = 0
    read_up_to_sha1: str = ""


def default_workers(jobs: list[Job]) -> int:
    if len(jobs) < 2 or sum(job.size for job in jobs) < PARALLEL_BYTES:
        return 0
    return _cpu_count()


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepared(jobs: Iterable[Job], workers: int) -> Generator[tuple[Job, PreparedFile], None, None]:
    """Each job with its prepared file, in the jobs' order. With `workers` 0, prepared here, one at a
    time as asked for. Closing the iterator early (a cancelled sync) drops the work not started."""
    if workers <= 0:
        for job in jobs:
            yield job, prepare_file(job.path, job.known_sha1, job.read_up_to, job.read_up_to_sha1)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        waiting: deque[tuple[Job, Future[PreparedFile]]] = deque()
        pending = iter(jobs)
        waiting_bytes = 0
        ahead = 2 * workers + 1
        while True:
            while len(waiting) < ahead and (not waiting or waiting_bytes < AHEAD_BYTES):
                upcoming = next(pending, None)
                if upcoming is None:
                    break
                waiting.append((upcoming, pool.submit(prepare_file, upcoming.path, upcoming.known_sha1,
                                                         upcoming.read_up_to, upcoming.read_up_to_sha1)))
                waiting_bytes += upcoming.size
            if not waiting:
                return
            job, future = waiting.popleft()
            waiting_bytes -= job.size
            yield job, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
