"""The scanned pages an article's text was read from by OCR, as PNG images for the reading pane: an
image file's pages as they are, an image-only PDF's pages rendered at screen resolution."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from viewer.core.article import Article
from viewer.core.errors import BayeganError

MAX_SHOWN_PAGES = 40  # a long scan shows its first pages; the text has all of them
SCREEN_DPI = 96
RENDER_SECONDS = 60


class PagesUnavailable(BayeganError):
    """The page images cannot be shown (the file is gone, or cannot be read or rendered)."""


def scanned_pages(article: Article) -> list[bytes]:
    """The pages of the file `article` was OCRed from, as PNG images (at most MAX_SHOWN_PAGES)."""
    path = Path(article.source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PagesUnavailable(f"the file {path.name or article.source} cannot be read ({exc.strerror or exc}).",
                               f"پرونده {path.name or article.source} خوانده نمی‌شود ({exc.strerror or exc}).") from exc
    if data.startswith(b"%PDF"):
        return _pdf_pages(path)
    # Pillow with it (~0.2 s): loaded for a scanned article's pages, not with the window.
    from viewer.importers.scans.image_format import page_images

    pages = []
    for page in page_images(data):  # refuses bombs and damaged files with a bilingual message
        pages.append(page)
        if len(pages) >= MAX_SHOWN_PAGES:
            break
    return pages


def _pdf_pages(path: Path) -> list[bytes]:
    program = shutil.which("pdftoppm")
    if program is None:
        raise PagesUnavailable("showing a PDF's pages needs poppler's pdftoppm (apt install poppler-utils).",
                               "نمایش صفحه‌های PDF به pdftoppm از poppler نیاز دارد (apt install poppler-utils).")
    with tempfile.TemporaryDirectory(prefix="bayegan-pages-") as folder:
        try:
            subprocess.run([program, "-q", "-r", str(SCREEN_DPI), "-gray", "-png", "-f", "1",
                           "-l", str(MAX_SHOWN_PAGES), str(path), str(Path(folder) / "page")],
                           capture_output=True, timeout=RENDER_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PagesUnavailable(f"the PDF's pages could not be rendered ({exc}).",
                                   f"صفحه‌های PDF آماده نشد ({exc}).") from exc
        # pdftoppm pads the page numbers to the same width, so the names sort in page order
        pages = [file.read_bytes() for file in sorted(Path(folder).glob("page*.png"))]
    if not pages:
        raise PagesUnavailable("the PDF is damaged and its pages cannot be rendered.",
                               "PDF آسیب دیده است و صفحه‌هایش آماده نمی‌شود.")
    return pages
