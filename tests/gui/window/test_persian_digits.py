"""In the Persian interface every number the user sees is written in Persian digits: the status
bar's article count, the result count, news codes, dates, the indexing progress, About's version.
Paths, file names and URLs keep theirs (left-to-right runs), and so do the articles' own words."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_items
from tests.gui.conftest import WAIT_MS, search
from tests.gui.window.visible_text import latin_digits, visible_texts
from viewer.gui.dialogs.help_dialogs import about_text
from viewer.gui.results.model import ROW_ROLE


def _content(window) -> set[str]:  # type: ignore[no-untyped-def]
    model = window.results_model
    rows = [model.index(r).data(ROW_ROLE) for r in range(model.rowCount())]
    return {text for row in rows if row is not None for text in (row.title, *row.tags)}


def _header(window) -> str:  # type: ignore[no-untyped-def]
    """The article's title and its line of source, code, category and date."""
    return "\n".join(window.article_pane.view.toPlainText().splitlines()[:2])


def test_the_window_after_indexing_and_a_search_shows_no_latin_digit(qtbot, window, tmp_path: Path) -> None:
    # Indexing: the progress in the status bar, then what the status bar says when it is done.
    folder = tmp_path / "more"
    items = [{"title": f"گزارش رقم‌دار شمارهٔ {n}", "code": f"40213{n}", "cat": "politics", "subcat": "parliament",
              "date": "2024-03-02T10:00:00", "paragraphs": [f"متن آزمایشی رقم‌دار {n} با عدد 1402."]} for n in range(30)]
    write_items(folder / "dated.json", items)
    progress: list[str] = []
    window.indexer.progress.connect(lambda *_: progress.append(window.indexing_status.label.text()))
    with qtbot.waitSignal(window.indexer.finished, timeout=WAIT_MS):
        window.set_folders([*window.settings.folders, str(folder)])
    qtbot.waitUntil(lambda: not window.search_pending, timeout=WAIT_MS)
    assert len(progress) > 2
    seen = {**{f"progress{i}": text for i, text in enumerate(progress)}, **visible_texts(window)}
    assert latin_digits(seen, _content(window)) == {}

    search(qtbot, window, "رقم‌دار")
    qtbot.waitUntil(lambda: window.article_pane.article is not None)
    header = _header(window)
    assert "سیاسی / مجلس" in header and "politics" not in header  # the category in Persian
    assert "۴۰۲۱۳" in header and "۲۰۲۴-۰۳-۰۲" in header  # code and Gregorian date in Persian digits
    texts = {**visible_texts(window), "header": header}
    content = _content(window) | {window.article_pane.article.title}
    assert latin_digits(texts, content) == {}
    assert latin_digits({"about": about_text()}, {"Apache-2.0"}) == {}  # a licence's name, not a number
