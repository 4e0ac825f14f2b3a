"""Worker processes that prepare files, each file under a time and a memory limit.

A reader can be made to hang (lxml parsing one tag with 200,000 attributes runs for hours) or to
take all memory. In a worker that costs one file: the parent kills a worker whose file is past its
deadline and starts another, and a worker's address space is capped while it reads (RLIMIT_AS, on
Linux), so the file fails alone with the reason and the sync goes on. A worker tells the parent of
each page it is about to read by OCR, and a scan's clock starts again there: its limit is per page.

Workers end with the indexer however it ends, SIGKILL included: on Linux the kernel kills them when
their parent dies (PR_SET_PDEATHSIG), and everywhere a thread in each waits on the parent's
sentinel. (PDEATHSIG follows the thread that started the worker: the pool lives within one call.)
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import io
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any

from viewer.core.article import Article, Block
from viewer.core.paths import DerivedFolders
from viewer.importers.common.reading_context import ReadingContext
from viewer.search.indexing.prepare import OUT_OF_MEMORY, PreparedFile, analyzed, prepare_file

TIME_LIMIT_VARIABLE = "BAYEGAN_READ_SECONDS"
MEMORY_LIMIT_VARIABLE = "BAYEGAN_READ_MEMORY_MB"
# A file gets the base time once more for every this many bytes: ~0.8 MB/s was measured on a busy
# 2-core machine, so a 64 MB file (the largest read) gets 700 s against ~85 s it needs there.
TIME_STEP_BYTES = 6 * 2**20
# ... and the base memory once more for every this many bytes (a 20 MB JSONL peaked at +200 MB).
MEMORY_STEP_BYTES = 40 * 2**20
_PR_SET_PDEATHSIG = 1
_READY = "ready"
_PAGE = "page"  # a worker's message (_PAGE, page, pages): its file's page is about to be read by OCR


@dataclass(frozen=True)
class ReadLimits:
    """How long, and how much memory beyond what the worker holds, reading one file may take."""

    seconds: float = 60.0
    memory_mb: int = 1024

    @classmethod
    def from_environment(cls) -> ReadLimits:
        """The defaults, or BAYEGAN_READ_SECONDS / BAYEGAN_READ_MEMORY_MB when set (tests lower them)."""
        defaults = cls()
        return cls(_positive(TIME_LIMIT_VARIABLE, defaults.seconds), int(_positive(MEMORY_LIMIT_VARIABLE, defaults.memory_mb)))

    def seconds_for(self, size: int) -> float:
        return self.seconds * (1 + size / TIME_STEP_BYTES)

    def memory_for(self, size: int) -> int:
        return int(self.memory_mb * 2**20 * (1 + size / MEMORY_STEP_BYTES))


def _positive(variable: str, default: float) -> float:
    try:
        value = float(os.environ.get(variable, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def too_slow(seconds: float) -> tuple[str, str]:
    return (f"Reading the file took longer than {seconds:.0f} s; it was stopped (a page built to hang a reader?).",
            f"خواندن پرونده بیش از {seconds:.0f} ثانیه طول کشید و متوقف شد.")


def crashed(exitcode: int | None) -> tuple[str, str]:
    return (f"The reader stopped unexpectedly while reading the file (exit code {exitcode}).",
            f"خواننده هنگام خواندن پرونده ناگهان متوقف شد (کد خروج {exitcode}).")


@dataclass
class Task:
    number: int
    path: str
    size: int
    arguments: tuple[str, str | None, int, str, DerivedFolders | None]


@cache
def _context() -> multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext:
    """Workers forked from a server started afresh, which loaded the analyzer once (reader_preload.py),
    where there is one (Linux, macOS; not in a frozen app); else spawned, each loading it (~1 s).
    Never forked from this process: the window's process has Qt threads."""
    if sys.platform != "win32" and not getattr(sys, "frozen", False):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["viewer.search.indexing.reader_preload"])
        return context
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, limits: ReadLimits) -> None:
        context = _context()
        self.limits = limits
        self.connection, child = context.Pipe()
        self.process: multiprocessing.process.BaseProcess = context.Process(
            target=_serve, args=(child, limits), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        # Sent, read in this order; the first is being read, and must be done by `deadline`.
        self.tasks: deque[Task] = deque()
        self.deadline = 0.0

    def give(self, task: Task) -> None:
        self.connection.send((task.size, task.arguments))
        if not self.tasks:
            self.deadline = time.monotonic() + self.limits.seconds_for(task.size)
        self.tasks.append(task)

    def took(self) -> Task:
        """The first task, done; the next one's clock starts (at the latest: now)."""
        task = self.tasks.popleft()
        if self.tasks:
            self.deadline = time.monotonic() + self.limits.seconds_for(self.tasks[0].size)
        return task

    def stop(self, *, kill: bool = False) -> None:
        """Asked to end when idle, else (or when it does not) killed."""
        if self.ready and not self.tasks and not kill:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class PreparePool:
    """Up to `size` workers; `put` hands a file to prepare, `finished` waits for some to be done.
    A worker holds two files, so it reads on while the caller is busy with what it gave back."""

    def __init__(self, size: int, limits: ReadLimits,
                 page_started: Callable[[int, int, int], None] | None = None) -> None:
        """`page_started(number, page, pages)`: task `number` is about to read `page` of its `pages` by OCR."""
        self.size = size
        self.limits = limits
        self.page_started = page_started
        self.workers: list[_Worker] = []
        self.queue: deque[Task] = deque()
        self.failed_starts = 0

    def put(self, task: Task) -> None:
        self.queue.append(task)

    def finished(self, at_most: float | None = None) -> Iterator[tuple[int, PreparedFile]]:
        """The (number, prepared file) of the tasks done by the time anything happened, or `at_most`
        seconds passed (None: however long)."""
        self._dispatch()
        if not self.workers:
            return
        deadlines = [w.deadline for w in self.workers if w.tasks]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        if at_most is not None:
            timeout = at_most if timeout is None else min(timeout, at_most)
        ready = set(wait([*(w.connection for w in self.workers), *(w.process.sentinel for w in self.workers)], timeout))
        happened = {w for w in self.workers if w.connection in ready or w.process.sentinel in ready}
        for worker in list(self.workers):
            if worker in happened and worker.connection.poll():
                yield from self._receive(worker)
            elif worker in happened or not worker.process.is_alive():
                yield from self._lose(worker, crashed(worker.process.exitcode))
            elif worker.tasks and time.monotonic() >= worker.deadline:
                yield from self._lose(worker, too_slow(self.limits.seconds_for(worker.tasks[0].size)))

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def _dispatch(self) -> None:
        starting = sum(1 for w in self.workers if not w.ready)
        while self.queue and len(self.workers) < self.size and starting < len(self.queue):
            self.workers.append(_Worker(self.limits))
            starting += 1
        for worker in self.workers:
            while worker.ready and len(worker.tasks) < 2 and self.queue:
                task = self.queue.popleft()
                try:
                    worker.give(task)
                except OSError:  # it died idle (killed from outside): its sentinel tells `finished`
                    self.queue.appendleft(task)
                    break

    def _receive(self, worker: _Worker) -> Iterator[tuple[int, PreparedFile]]:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            yield from self._lose(worker, crashed(worker.process.exitcode))
            return
        if message == _READY:
            worker.ready = True
            self.failed_starts = 0
        elif isinstance(message, tuple) and message[0] == _PAGE and worker.tasks:  # of the file being read
            task = worker.tasks[0]
            worker.deadline = max(worker.deadline, time.monotonic() + self.limits.seconds_for(task.size))
            if self.page_started is not None:
                self.page_started(task.number, message[1], message[2])
        elif worker.tasks:
            task = worker.took()
            if message.failure == OUT_OF_MEMORY:  # the worker ends itself after that: see _serve
                self._retire(worker)
            yield task.number, message

    def _lose(self, worker: _Worker, reason: tuple[str, str]) -> Iterator[tuple[int, PreparedFile]]:
        """A worker stopped or past its deadline: killed, and the file it was reading failed with `reason`."""
        task = worker.tasks.popleft() if worker.tasks else None
        self._retire(worker)
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                raise RuntimeError(f"The file readers cannot start (exit code {worker.process.exitcode}).")
        if task is not None:
            yield task.number, PreparedFile(failure=reason)

    def _retire(self, worker: _Worker) -> None:
        """The worker killed; the files it held but had not begun go to the others."""
        self.queue.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        worker.stop(kill=True)
        self.workers.remove(worker)


def _serve(connection: Connection, limits: ReadLimits) -> None:
    """A worker: prepares the files it is sent, one at a time, until sent None or its parent ends."""
    _end_with_parent()
    analyzed("text", "آماده")  # the analyzer's tables loaded before the first file's clock starts
    connection.send(_READY)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        size, (path, known_sha1, read_up_to, read_up_to_sha1, derived) = request
        _cap_memory(limits.memory_for(size))
        context = ReadingContext.of(derived, page_started=lambda page, pages: connection.send((_PAGE, page, pages)))
        try:
            ready = prepare_file(path, known_sha1, read_up_to, read_up_to_sha1, context)
        except MemoryError:  # reading the bytes already: prepare_file's own catch never started
            ready = PreparedFile(failure=OUT_OF_MEMORY)
        connection.send_bytes(handed_over(ready))
        if ready.failure == OUT_OF_MEMORY:
            return  # the next file in a fresh process, not in what an exhausted heap left


_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(Article))


class _HandOver(ForkingPickler):
    """The pipe's pickler, with an article and its blocks rebuilt by their constructors: a slotted
    dataclass's own unpickling looks its fields up again for every object (~8 µs an article's
    block, a tenth of the writer's unpickling)."""

    def __init__(self, file: io.BytesIO):
        super().__init__(file)
        self.dispatch_table[Block] = _block_parts
        self.dispatch_table[Article] = _article_parts


def _block_parts(block: Block) -> tuple[type[Block], tuple[Any, ...]]:
    return Block, (block.kind, block.text)


def _article_parts(article: Article) -> tuple[type[Article], tuple[Any, ...]]:
    return Article, tuple(getattr(article, name) for name in _ARTICLE_FIELDS)


def handed_over(ready: PreparedFile) -> bytes:
    """A prepared file's bytes for the pipe (read back by `Connection.recv`: plain unpickling)."""
    buffer = io.BytesIO()
    _HandOver(buffer).dump(ready)
    return buffer.getvalue()


def _end_with_parent() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is not None:  # also covers a parent that died before prctl: its sentinel is ready at once
        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="parent-watch").start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)


def _cap_memory(allowance: int) -> None:
    """New allocations fail (MemoryError) past `allowance` bytes more than the process maps now."""
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # not Linux: RLIMIT_AS is not kept there anyway
        return
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    limit = mapped + allowance if hard == resource.RLIM_INFINITY else min(mapped + allowance, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
