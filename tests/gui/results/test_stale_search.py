"""A newer keystroke stops the search in flight: the window never waits for a result nobody will see."""

from __future__ import annotations

import threading

from tests.gui.conftest import WAIT_MS
from viewer.core.errors import CancelledError


def test_a_newer_query_cancels_the_search_still_running(qtbot, window, monkeypatch) -> None:
    library = window.library
    real_search = library.first_page
    entered, release = threading.Event(), threading.Event()
    outcomes: list[tuple[str, str]] = []

    def held_search(query, *args, **kwargs):  # type: ignore[no-untyped-def]
        if query == "تهران":  # the older search is held until the newer one has been asked for
            entered.set()
            release.wait(WAIT_MS / 1000)
        try:
            result = real_search(query, *args, **kwargs)
        except CancelledError:
            outcomes.append((query, "cancelled"))
            raise
        outcomes.append((query, "done"))
        return result

    monkeypatch.setattr(library, "first_page", held_search)
    shown: list[str] = []
    failures: list[str] = []
    window.first_page_shown.connect(lambda result: shown.append(result.query))
    window.results_shown.connect(lambda result: shown.append(result.query))
    window.search_failed.connect(failures.append)
    window.search("تهران")
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    window.search("اصفهان")
    release.set()
    qtbot.waitUntil(lambda: not window.search_pending, timeout=WAIT_MS)
    assert outcomes == [("تهران", "cancelled"), ("اصفهان", "done")]
    assert shown == ["اصفهان", "اصفهان"]  # its first rows, then its count
    assert window.result.query == "اصفهان"
    assert failures == []  # a cancelled search is not an error to show
