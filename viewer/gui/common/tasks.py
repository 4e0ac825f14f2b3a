"""One way to run background work (Anki's taskman): a plain function runs on a worker thread and
its result, or its exception, comes back on the UI thread.

`TaskRunner` owns a thread pool; a pool of one thread is a serial worker (index writes, searches).
`LatestOnly` wraps a runner so that only the newest request's result is delivered (a newer search
discards the one in flight, FeelUOwn's PreemptiveTaskSpec).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from viewer.core.errors import CancelledError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
# A TaskRunner's `run` as a part is handed it: runs the function off the UI thread, then one callback.
RunOffThread = Callable[[Callable[[], Any], Done, Failed], None]


class _Relay(QObject):
    """Lives on the UI thread; its signals carry results across threads (queued connection)."""

    finished = Signal(object, object)  # (result, callback)
    failed = Signal(object, object)  # (exception, callback)

    @Slot(object, object)
    def deliver(self, value: object, callback: object) -> None:
        if callable(callback):
            callback(value)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Done | None, on_error: Failed | None):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.on_done = on_done
        self.on_error = on_error
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is delivered to the UI thread
            self.relay.failed.emit(exc, self.on_error or _log_failure)
            return
        self.relay.finished.emit(value, self.on_done)


def _log_failure(exc: BaseException) -> None:
    log.error("background task failed", exc_info=exc)


class TaskRunner(QObject):
    """Runs functions off the UI thread; `max_threads=1` makes it a serial worker."""

    def __init__(self, max_threads: int = 1, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._relay.deliver)
        self._relay.failed.connect(self._relay.deliver)

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self.pool.start(_Job(fn, self._relay, on_done, on_error))

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


_SKIPPED = object()


class LatestOnly:
    """Delivers a result only if no newer request was made after it (stale ones are dropped)."""

    def __init__(self, runner: TaskRunner):
        self.runner = runner
        self.generation = 0

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        self.run_cancellable(lambda _stale: fn(), on_done, on_error)

    def run_cancellable(self, fn: Callable[[Callable[[], bool]], Any], on_done: Done,
                        on_error: Failed | None = None) -> None:
        """Like `run`, but `fn` is handed a `stale()` that turns true as soon as a newer request is
        made, so a long search can stop between its steps instead of finishing for nobody."""
        self.generation += 1
        mine = self.generation

        def stale() -> bool:
            return mine != self.generation

        def job() -> Any:
            # A request that became stale while queued is not run at all.
            if stale():
                return _SKIPPED
            try:
                return fn(stale)
            except CancelledError:
                if stale():
                    return _SKIPPED
                raise  # cancelled by something else: the caller is told

        def done(value: Any) -> None:
            if mine == self.generation and value is not _SKIPPED:
                on_done(value)

        def failed(exc: BaseException) -> None:
            if mine == self.generation and on_error is not None:
                on_error(exc)

        self.runner.run(job, done, failed)

    def discard_pending(self) -> None:
        self.generation += 1
