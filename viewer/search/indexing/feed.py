"""Files prepared (read, parsed, analysed) ahead in worker processes, handed back in their order.

The index writer is Whoosh's, one per index and not thread-safe: it stays in the calling process
and is fed in file order, so the index is the same as a serial sync's. Workers are spawned, not
forked (the window's process has Qt threads): one for a little to read, one per core when there is
enough to pay for their start (~1 s each, importing the analyzer). Each file is read within a time
and memory limit (prepare_pool.py), so a file that hangs its reader fails alone. At most `ahead`
files, and about `AHEAD_BYTES`, wait prepared: memory stays bounded whatever the archive's size.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from functools import partial

from viewer.core.errors import CancelledError
from viewer.core.paths import DerivedFolders
from viewer.core.steps import never
from viewer.importers.common.reading_context import ReadingContext
from viewer.search.indexing.prepare import PreparedFile, prepare_file
from viewer.search.indexing.prepare_pool import PreparePool, ReadLimits, Task

# Below this much to read, one worker does it all: starting more would cost more than they save.
PARALLEL_BYTES = 8 * 2**20
AHEAD_BYTES = 48 * 2**20
CANCEL_POLL_SECONDS = 0.25


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
    """One worker for a little to read (a file that hangs its reader must not hang the sync), one
    per core when there is enough to pay for their start."""
    if not jobs:
        return 0
    if len(jobs) < 2 or sum(job.size for job in jobs) < PARALLEL_BYTES:
        return 1
    return _cpu_count()


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Told that a job's page `page` of `pages` is about to be read by OCR (the job may be ahead of the one
# handed back next: workers read ahead).
PageStarted = Callable[[Job, int, int], None]


def _unheard(job: Job, page: int, pages: int) -> None:
    return


def prepared(jobs: Iterable[Job], workers: int,
             limits: ReadLimits | None = None, *, derived: DerivedFolders | None = None,
             cancel: Callable[[], bool] | None = None,
             page_started: PageStarted = _unheard) -> Generator[tuple[Job, PreparedFile], None, None]:
    """Each job with its prepared file, in the jobs' order. With `workers` 0, prepared here, one at a
    time as asked for and without limits; else in worker processes, each file within `limits` (by
    default ReadLimits.from_environment()). Closing the iterator early (a cancelled sync) drops the
    work not started and stops the work under way. `derived`: where OCR results and pictures taken out
    of files are kept (None: nowhere); `cancel` is asked before each page read by OCR here, and while
    waiting for the workers (a cancelled sync stops a long scan at once). `page_started` hears of each
    page read by OCR, here or in a worker, before it is read."""
    if workers <= 0:
        for job in jobs:
            context = ReadingContext.of(derived, cancel or never, partial(page_started, job))
            yield job, prepare_file(job.path, job.known_sha1, job.read_up_to, job.read_up_to_sha1, context)
        return
    given: dict[int, Job] = {}
    pool = PreparePool(workers, limits or ReadLimits.from_environment(),
                       lambda number, page, pages: page_started(given[number], page, pages))
    try:
        done: dict[int, PreparedFile] = {}
        pending = iter(jobs)
        waiting_bytes = 0
        ahead = 2 * workers + 1
        following = 0  # the number of the next job to hand back
        while True:
            while len(given) < ahead and (not given or waiting_bytes < AHEAD_BYTES):
                upcoming = next(pending, None)
                if upcoming is None:
                    break
                number = following + len(given)
                given[number] = upcoming
                pool.put(Task(number, upcoming.path, upcoming.size, (upcoming.path, upcoming.known_sha1,
                                                                      upcoming.read_up_to, upcoming.read_up_to_sha1,
                                                                      derived)))
                waiting_bytes += upcoming.size
            if not given:
                return
            while following not in done:
                if cancel is not None and cancel():
                    raise CancelledError()  # the workers stop with the pool: a long scan is not waited for
                done.update(pool.finished(CANCEL_POLL_SECONDS if cancel is not None else None))
            job = given.pop(following)
            waiting_bytes -= job.size
            following += 1
            yield job, done.pop(following - 1)
    finally:
        pool.close()
