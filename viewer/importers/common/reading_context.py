"""What one reading of a file may use beside its bytes, handed down the importer dispatch to the readers
that need it: where OCR results are cached and pictures are taken out to, whether the reading is still
wanted, and who hears of each page read by OCR. The default reads without any of them (a file read
outside a sync: nothing written to the data folder, never cancelled)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from viewer.core.errors import CancelledError
from viewer.core.paths import DerivedFolders
from viewer.core.steps import Cancel, never


def _unheard(page: int, pages: int) -> None:
    return


@dataclass(frozen=True)
class ReadingContext:
    ocr_cache: Path | None = None  # page results by the page image's hash (None: not cached)
    pictures: Path | None = None  # pictures inside containers (MHTML, DOCX, WARC) taken out to (None: left in)
    cancel: Cancel = never  # asked before each page read by OCR: a long scan stops at the next page
    page_started: Callable[[int, int], None] = _unheard  # (page, pages) of a scan, before the page is read

    @classmethod
    def of(cls, derived: DerivedFolders | None, cancel: Cancel = never,
           page_started: Callable[[int, int], None] = _unheard) -> ReadingContext:
        """The context of a sync: the data folder's derived folders (None: none kept)."""
        if derived is None:
            return cls(cancel=cancel, page_started=page_started)
        return cls(derived.ocr_cache, derived.images, cancel, page_started)

    def next_page(self, page: int, pages: int) -> None:
        """Page `page` of `pages` is about to be read: said, then stopped here when the reading is no
        longer wanted (a cancel heard of the page stops before it)."""
        self.page_started(page, pages)
        if self.cancel():
            raise CancelledError()


NO_CONTEXT = ReadingContext()
