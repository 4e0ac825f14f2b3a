"""PDFs read by OCR: scans without a text layer, and PDFs whose text layer is garbage (set in a legacy
non-Unicode Persian font, whose letters come out as Latin letters and symbols). Poppler's pdftoppm
renders each page grey in its own process with a time limit; ocr.py reads it. One article per file,
all its pages, paragraphs never running over a page break."""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.common.tools import run_tool
from viewer.importers.scans.ocr import PAGE_TIME_LIMIT_SECONDS, article_of_pages, missing_reason, read_pages, unavailable_failure

MAX_PAGES = 500
MAX_PIXELS = 40_000_000
DPI = 300
_PAGE_SIZE = re.compile(r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", re.M)
_PAGES = re.compile(r"^Pages:\s+(\d+)", re.M)
_PERSIAN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# What a legacy font's glyph codes come out as: Latin-1 letters and symbols, box and math signs.
_LEGACY = re.compile(r"[\u00a0-\u02ff\u2000-\u22ff\u2500-\u25ff]")


def garbage_text_layer(text: str) -> bool:
    """Whether a text layer is not the text it shows: almost no Persian letters and, in their place,
    mostly Latin-1 letters and symbols (plain English or French text has far fewer of them)."""
    visible = [c for c in text if not c.isspace() and not c.isdigit()]
    if len(visible) < 20:
        return False
    persian = sum(1 for c in visible if _PERSIAN.match(c))
    legacy = sum(1 for c in visible if _LEGACY.match(c))
    return persian < 0.1 * len(visible) and legacy > 0.3 * len(visible)


def ocr_pdf(data: bytes, reason: str, context: ReadingContext = NO_CONTEXT) -> Article:
    """The PDF's article read by OCR; `reason` is "scan" or "garbage" (said in the failure if OCR is
    not installed)."""
    if missing_reason():
        failure = unavailable_failure()
        if reason == "garbage":
            raise ImportFailure("The PDF's text layer is unreadable (a legacy non-Unicode font). " + failure.en,
                                "لایهٔ متن PDF خوانا نیست (قلم قدیمی غیریونیکد). " + failure.fa)
        raise failure
    handle, name = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as pdf:
            pdf.write(data)
        sizes = _page_sizes(name)
        if len(sizes) > MAX_PAGES:
            raise ImportFailure(f"The scanned PDF has {len(sizes)} pages; at most {MAX_PAGES} are read by OCR.",
                                f"PDF اسکن‌شده {len(sizes)} صفحه دارد؛ حداکثر {MAX_PAGES} صفحه نویسه‌خوانی می‌شود.")
        pages = read_pages(((len(sizes), _render(name, number, width, height))
                            for number, (width, height) in enumerate(sizes, 1)), context)
    finally:
        os.unlink(name)
    article = article_of_pages(pages)
    article.text_source = "ocr"
    article.pages = len(pages)
    return article


def _page_sizes(name: str) -> list[tuple[float, float]]:
    info = _poppler("pdfinfo", ["-f", "1", "-l", str(MAX_PAGES + 1), name]).decode("utf-8", "replace")
    count = _PAGES.search(info)
    sizes = [(float(w), float(h)) for _, w, h in _PAGE_SIZE.findall(info)]
    if count and int(count.group(1)) > len(sizes):
        return sizes + [sizes[-1] if sizes else (595.0, 842.0)] * (int(count.group(1)) - len(sizes))
    return sizes


def _render(name: str, number: int, width: float, height: float) -> bytes:
    """Page `number` as a grey PNG at 300 dpi, less for a page so large it would be a pixel bomb."""
    inches = max(width, 1.0) * max(height, 1.0) / (72 * 72)
    dpi = max(36, min(DPI, int(math.sqrt(MAX_PIXELS / inches))))
    return _poppler("pdftoppm", ["-q", "-f", str(number), "-l", str(number), "-r", str(dpi), "-gray", "-png",
                                 "-singlefile", name])


def _poppler(tool: str, arguments: list[str]) -> bytes:
    program = shutil.which(tool)
    if program is None:
        raise ImportFailure(f"Reading scanned PDFs needs poppler's {tool} (Debian/Ubuntu: apt install poppler-utils).",
                            f"خواندن PDF اسکن‌شده به {tool} از poppler نیاز دارد (دبیان/اوبونتو: apt install poppler-utils).")
    done = run_tool([program, *arguments], tool=tool, doing=("Rendering a PDF page", "آماده‌سازی یک صفحهٔ PDF"),
                    seconds=PAGE_TIME_LIMIT_SECONDS)
    if done.returncode != 0 or not done.stdout:
        raise ImportFailure("The PDF is damaged and cannot be read.", "PDF آسیب دیده است و خوانده نمی‌شود.")
    return done.stdout
