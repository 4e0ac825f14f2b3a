"""A long step (a search, a sync, an export) asked whether it is still wanted, and telling how far it
has come. The step asks `cancel()` between its parts and stops with CancelledError; it reports
`progress(done, total, what)` as it goes."""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.errors import CancelledError

Cancel = Callable[[], bool]
Progress = Callable[[int, int, str], None]  # done, total, what is being done
# A sync reading a scan by OCR: done, total (as Progress), the file, its page about to be read, its pages.
PageProgress = Callable[[int, int, str, int, int], None]


def never() -> bool:
    """The `cancel` of a step nobody stops."""
    return False


def silent(done: int, total: int, what: str) -> None:
    """The `progress` of a step nobody watches."""
    return


def stop_if_cancelled(cancel: Cancel) -> None:
    if cancel():
        raise CancelledError()
