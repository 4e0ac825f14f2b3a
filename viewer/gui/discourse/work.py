"""The discourse dialog's work off the UI thread: a request's concordance, then its collocations,
then its trend, each shown as soon as it comes, on a serial worker of the dialog's own.

One `Discourse` (with its own index searcher) serves a request's three steps and is closed on the
worker after the last; a newer request makes the older one's steps stop (`cancel`) and their
results be dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from viewer.app.scope import EVERYWHERE, Scope
from viewer.core.errors import CancelledError
from viewer.gui.crash_handler import user_message
from viewer.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from viewer.app.library import Library

SHOWN_LINES = 5000  # concordance lines listed (the total counts every one)


@dataclass(frozen=True)
class Request:
    query: str
    trend_queries: tuple[str, ...]
    tags: tuple[str, ...] = ()
    scope: Scope = EVERYWHERE
    by: str = "month"
    calendar: str = "jalali"
    per: int | None = None
    sort: str = "date"  # the concordance's: date, left or right


class DiscourseWork(QObject):
    concordance_found = Signal(object)  # Concordance
    collocates_found = Signal(object)  # list[Collocate]
    trend_found = Signal(object)  # Trend
    failed = Signal(str)  # what the researcher reads
    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = TaskRunner(max_threads=1, parent=self)
        self.generation = 0

    def start(self, library: Library, request: Request, *, concordance_only: bool = False) -> None:
        from viewer.app.discourse import Discourse

        self.generation += 1
        mine = self.generation

        def stale() -> bool:
            return mine != self.generation

        discourse = Discourse(library)  # opens its searcher on the worker, at its first step
        steps: list[tuple[Callable[[], Any], Any]] = [
            (lambda: discourse.concordance(request.query, request.tags, scope=request.scope, limit=SHOWN_LINES,
                                           sort=request.sort, cancel=stale), self.concordance_found),
            (lambda: discourse.collocates(request.query, request.tags, scope=request.scope, cancel=stale),
             self.collocates_found),
            (lambda: discourse.trend(request.trend_queries or (request.query,), request.tags, scope=request.scope,
                                     by=request.by, calendar=request.calendar, per=request.per, cancel=stale),
             self.trend_found),
        ]
        if concordance_only:
            del steps[1:]

        def done() -> None:
            self.runner.run(discourse.close)
            if not stale():
                self.finished.emit()

        def step(at: int) -> None:
            if stale() or at == len(steps):
                done()
                return
            work, signal = steps[at]

            def arrived(result: object) -> None:
                if not stale():
                    signal.emit(result)
                step(at + 1)

            self.runner.run(work, arrived, went_wrong)

        def went_wrong(exc: BaseException) -> None:
            self.runner.run(discourse.close)
            if not stale() and not isinstance(exc, CancelledError):
                self.failed.emit(user_message(exc))

        step(0)

    def stop(self) -> None:
        """Drops the request in flight (its current step stops at its next check)."""
        self.generation += 1

    def wait(self, msecs: int = -1) -> bool:
        return self.runner.wait(msecs)
