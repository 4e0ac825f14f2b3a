"""A scan read by OCR counts its pages in a sync's progress (issue 27): each page is told before it is
read, from this process and from a worker, with the page and the scan's pages; `done` and the total
never go back, and the last report has every article and every page done. A cancel heard of a page
stops the scan there: the pages after it are not read. The cache, cancel and page listener are the
reading's own (a ReadingContext), not module settings."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

from tests.importers.scans import render_page
from viewer.core.errors import CancelledError
from viewer.core.paths import DataPaths
from viewer.importers.common.reading_context import ReadingContext
from viewer.search.indexing.archive_index import open_index
from viewer.search.indexing.prepare import PreparedFile, prepare_file
from viewer.search.indexing.sync import sync_sources

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")

PAGES = 3
LINES = ["کتابخانهٔ ملی ایران پس از دو سال مرمت بازگشایی شد.", "بخش نسخه‌های خطی تا پایان سال باز می‌شود.",
         "تالار مطبوعات قدیمی دوباره به روی پژوهشگران باز است."]
ITEMS = [{"title": f"خبر کوتاه شمارهٔ {n}", "paragraphs": [f"متن خبر کوتاه {n} دربارهٔ بایگانی."]} for n in range(4)]


def _archive(folder: Path, pages: int) -> None:
    """A folder of a TIFF scan of `pages` small pages (OCR is a fraction of a second a page) and a
    JSONL file of four articles after it."""
    folder.mkdir()
    images = [render_page("گزارش بازگشایی کتابخانه" if n == 0 else "", [LINES[n % len(LINES)]], width=800)
              for n in range(pages)]
    scan = folder / "edition.tif"
    images[0].save(scan, save_all=True, append_images=images[1:])
    (folder / "news.jsonl").write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in ITEMS), "utf-8")


Report = tuple[int, int, str, int, int]


def _sync(tmp_path: Path, workers: int, seen: list[Report], pages: int = PAGES, stop_at_page: int = 0) -> Path:
    """A sync of an archive with a scan of `pages` pages, its reports into `seen` (a plain one with
    page 0); the OCR cache. With `stop_at_page`, the sync is cancelled once that page has been told."""
    folder = tmp_path / "archive"
    _archive(folder, pages)
    derived = DataPaths.resolve(tmp_path / "data").derived
    ix, _ = open_index(tmp_path / "index")

    def page_told(done: int, total: int, path: str, page: int, pages: int) -> None:
        seen.append((done, total, path, page, pages))

    def cancelled() -> bool:
        return 0 < stop_at_page <= max((report[3] for report in seen), default=0)

    try:
        sync_sources(ix, tmp_path / "index", [folder], workers=workers, derived=derived,
                     progress=lambda done, total, path: seen.append((done, total, path, 0, 0)),
                     page_progress=page_told, cancel=cancelled)
    finally:
        ix.close()
    return derived.ocr_cache


@pytest.mark.parametrize("workers", [0, 1], ids=["in-process", "worker"])
def test_a_scans_pages_are_counted_one_by_one(tmp_path: Path, workers: int) -> None:
    seen: list[Report] = []
    cache = _sync(tmp_path, workers, seen)
    pages = [(Path(path).name, page, pages) for _done, _total, path, page, pages in seen if page]
    assert pages == [("edition.tif", n, PAGES) for n in range(1, PAGES + 1)], seen
    dones = [report[0] for report in seen]
    totals = [report[1] for report in seen]
    assert dones == sorted(dones), seen  # never goes back
    assert totals == sorted(totals), seen  # nor does the total
    assert all(done <= total for done, total, *_ in seen), seen
    # each page told counts the one before it as done
    told = [done for done, _total, _path, page, _pages in seen if page]
    assert all(later > earlier for earlier, later in itertools.pairwise(told)), seen
    articles = len(ITEMS) + 1
    assert seen[-1][:2] == (articles + PAGES, articles + PAGES), seen
    assert len(list(cache.rglob("*.json"))) == PAGES


@pytest.mark.parametrize("workers", [0, 1], ids=["in-process", "worker"])
def test_a_cancel_heard_of_a_page_stops_the_scan_before_it(tmp_path: Path, workers: int) -> None:
    """Cancelled when page 2 is told: page 1 was read and cached; page 2 is not read here, and a worker
    reading it is stopped with the pool; the pages after it are never begun, and the index stays as it was."""
    seen: list[Report] = []
    pages = 6
    with pytest.raises(CancelledError):
        _sync(tmp_path, workers, seen, pages, stop_at_page=2)
    assert [page for *_rest, page, _pages in seen if page] == [1, 2], seen
    read = len(list(DataPaths.resolve(tmp_path / "data").derived.ocr_cache.rglob("*.json")))
    if workers == 0:
        assert read == 1  # asked between pages in this process: only the page before
    else:
        assert 1 <= read < pages  # the worker was stopped while it read page 2, not left to read on
    ix, _ = open_index(tmp_path / "index")
    with ix.reader() as reader:
        assert reader.doc_count_all() == 0
    ix.close()


def test_a_reading_inside_another_keeps_to_its_own_context(tmp_path: Path) -> None:
    """What a reading may use travels with it, not as module settings: a file read (without a cache)
    while another is between two of its pages neither writes to the other's cache nor leaves it
    without one for its next page (settings set per file and reset after did both)."""
    _archive(tmp_path / "archive", 2)
    photo = tmp_path / "photo.png"
    render_page("", ["خبر تازه‌ای از تالار مطبوعات رسید."], width=800).save(photo)
    cache = tmp_path / "cache"
    told: list[tuple[int, int]] = []
    inner: list[PreparedFile] = []

    def page_started(page: int, pages: int) -> None:
        told.append((page, pages))
        if page == 1:
            inner.append(prepare_file(str(photo), None))  # in the middle of the scan, no context of its own

    ready = prepare_file(str(tmp_path / "archive" / "edition.tif"), None,
                         context=ReadingContext(ocr_cache=cache, page_started=page_started))
    assert told == [(1, 2), (2, 2)]
    assert ready.articles and ready.articles[0].article.pages == 2
    assert inner[0].articles and "تالار" in inner[0].articles[0].article.title
    assert len(list(cache.rglob("*.json"))) == 2  # both pages of the scan, and nothing of the photo
