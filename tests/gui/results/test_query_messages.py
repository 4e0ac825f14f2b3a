"""The window says why a query was not searched (issue 33, item 5): too long, or an operator with no
word to apply to; the message comes from viewer/app, as on the command line."""

from __future__ import annotations

import pytest

from tests.gui.conftest import WAIT_MS


@pytest.mark.parametrize(("query", "persian"), [
    ("اصفهان OR", "«یا» (OR) پس از خود واژه‌ای ندارد"),
    ("NOT NOT NOT", "«بجز بجز»"),
    (" OR ".join(["اصفهان"] * 150), "بیشینه ۱٬۰۰۰ نویسه"),
])
def test_the_status_says_why_a_query_was_not_searched(qtbot, window, query: str, persian: str) -> None:
    with qtbot.waitSignal(window.search_failed, timeout=WAIT_MS) as blocker:
        window.search(query)
    assert persian in blocker.args[0]
    assert window.search_bar.count_label.text() == blocker.args[0]
