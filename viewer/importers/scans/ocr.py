"""Persian OCR of page images with Tesseract, run as the `tesseract` command.

Measured against pytesseract and tesserocr (benchmarks/ocr_quality.py --engines): pytesseract runs
the same command through temporary files (the same time and CER, one more dependency); tesserocr, in
process, was not reliably faster (0.45-1.04 s a page against 0.70-1.02 s over two runs) and its wheel's
own Tesseract read worse (median CER 0.020 against 0.010), and a page that hangs or crashes it would
take the worker down with it. So the command:
the page image goes in on stdin as PNG and Tesseract's TSV (word boxes) comes back on stdout, in its
own process with a time limit per page. Results are cached by the page image's hash
in the data folder (the reading context's `ocr_cache`): an unchanged page is never read twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line
from viewer.importers.common.reading_context import ReadingContext
from viewer.importers.common.tools import run_tool

LANGUAGE = "fas"
PAGE_TIME_LIMIT_SECONDS = 60
PACKAGES = "tesseract-ocr tesseract-ocr-fas"
CACHE_VERSION = "3"
# A heading is printed larger than the body: its line stands out from the median by this much.
_HEADING_SIZE = 1.25
_HEADING_LINES = 8
_PERSIAN_MARKS = {",": "،", ";": "؛", "?": "؟"}
_LATIN_MARK = re.compile(r"(?<=[\u0621-\u06d3\u200c])( ?)([,;?])")


@dataclass(frozen=True)
class OcrLine:
    text: str
    height: int
    paragraph: int  # lines of one paragraph share this number (unique within the page)


def missing_reason() -> str:
    """Why OCR cannot run here ("" when it can): Tesseract or its Persian model is not installed."""
    return _missing_reason()


@cache
def _missing_reason() -> str:
    program = shutil.which("tesseract")
    if program is None:
        return "tesseract"
    try:
        done = subprocess.run([program, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return "tesseract"
    languages = done.stdout.decode("utf-8", "replace").split()
    return "" if LANGUAGE in languages else LANGUAGE


def unavailable_failure() -> ImportFailure:
    missing = missing_reason()
    what_en = "Tesseract" if missing == "tesseract" else "Tesseract's Persian model"
    what_fa = "Tesseract" if missing == "tesseract" else "مدل فارسی Tesseract"
    return ImportFailure(
        f"A scan needs OCR, and {what_en} is not installed (Debian/Ubuntu: apt install {PACKAGES}).",
        f"اسکن به نویسه‌خوانی (OCR) نیاز دارد و {what_fa} نصب نیست (دبیان/اوبونتو: apt install {PACKAGES}).")


def read_pages(pages: Iterable[tuple[int, bytes]], context: ReadingContext) -> list[list[OcrLine]]:
    """The lines of each page image of a scan, given as (the scan's number of pages, PNG bytes) in page
    order; the context hears of each page before it is read, and may stop the reading between pages."""
    read: list[list[OcrLine]] = []
    for count, png in pages:
        context.next_page(len(read) + 1, count)
        read.append(read_page(png, context.ocr_cache))
    return read


def read_page(png: bytes, cache: Path | None = None) -> list[OcrLine]:
    """The lines Tesseract reads on one page image (PNG bytes), from `cache` (a folder) when it was read
    before, and kept there."""
    key = hashlib.sha256(CACHE_VERSION.encode() + b"\0" + png).hexdigest()
    cached = _cached(key, cache)
    if cached is not None:
        return cached
    if missing_reason():
        raise unavailable_failure()
    lines = lines_of_tsv(run_tesseract(png, "tsv"))
    _store(key, lines, cache)
    return lines


def run_tesseract(png: bytes, output: str, extra: tuple[str, ...] = ()) -> str:
    """Tesseract's `output` ("tsv" or "txt") for the image, with the time limit per page."""
    program = shutil.which("tesseract") or "tesseract"
    command = [program, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", *extra]
    if output == "tsv":
        command.append("tsv")
    env = os.environ | {"OMP_THREAD_LIMIT": "1"}  # workers are already one per core
    done = run_tool(command, tool="Tesseract", doing=("Reading a page by OCR", "نویسه‌خوانی یک صفحه"),
                    seconds=PAGE_TIME_LIMIT_SECONDS, stdin=png, env=env)
    if done.returncode != 0:
        raise ImportFailure("Tesseract could not read a page image.", "Tesseract تصویر صفحه را نخواند.")
    return done.stdout.decode("utf-8", "replace")


def lines_of_tsv(tsv: str) -> list[OcrLine]:
    """Lines of words from Tesseract's TSV: its level-4 rows give each line's box, level 5 its words."""
    lines: list[OcrLine] = []
    words: dict[tuple[int, int, int], list[str]] = {}
    heights: dict[tuple[int, int, int], int] = {}
    order: list[tuple[int, int, int]] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[0].isdigit():
            continue
        level, key = int(cells[0]), (int(cells[2]), int(cells[3]), int(cells[4]))
        if level == 4:
            heights[key] = int(cells[9])
            order.append(key)
        elif level == 5 and cells[11].strip():
            words.setdefault(key, []).append(cells[11].strip())
    paragraphs: dict[tuple[int, int], int] = {}
    for key in order:
        if key in words:
            number = paragraphs.setdefault(key[:2], len(paragraphs))
            lines.append(OcrLine(persian_punctuation(" ".join(words[key])), heights[key], number))
    return lines


def persian_punctuation(text: str) -> str:
    """The Persian comma, semicolon and question mark, which Tesseract often reads as their Latin
    look-alikes, restored after a Persian letter."""
    return _LATIN_MARK.sub(lambda match: match.group(1) + _PERSIAN_MARKS[match.group(2)], text)


def article_of_pages(pages: list[list[OcrLine]]) -> Article:
    """One article of the pages read: the title is the largest line among the first page's first lines,
    paragraphs as Tesseract found them, none running over a page break."""
    if not any(line.text.strip() for page in pages for line in page):
        raise ImportFailure("No text was found in the scan by OCR.", "نویسه‌خوانی (OCR) در اسکن متنی نیافت.")
    first = next(page for page in pages if page)
    title_lines = _title_lines(first)
    blocks: list[Block] = []
    for page in pages:
        current: list[str] = []
        paragraph = -1
        for line in page:
            if any(line is title_line for title_line in title_lines):
                continue
            if line.paragraph != paragraph and current:
                blocks.append(_block(current, not blocks))
                current = []
            paragraph = line.paragraph
            current.append(line.text)
        if current:
            blocks.append(_block(current, not blocks))
    title = clean_line(" ".join(line.text for line in title_lines))
    return Article(title=title, blocks=[b for b in blocks if b.text])


def _block(lines: list[str], first: bool) -> Block:
    return Block(BlockKind.LEAD if first else BlockKind.PARAGRAPH, clean_line(" ".join(lines)))


def _title_lines(page: list[OcrLine]) -> list[OcrLine]:
    """The largest line among the page's first lines, with the lines of its paragraph printed as large
    (a title wrapped over two lines); the first line when none stands out."""
    candidates = page[:_HEADING_LINES]
    largest = max(candidates, key=lambda line: line.height)
    # the body's type: the lines of the other paragraphs (a short page may be half title)
    heights = sorted(line.height for line in page if line.paragraph != largest.paragraph) or [largest.height]
    median = heights[len(heights) // 2]
    if largest.height < _HEADING_SIZE * median and len(page) > 1:
        return [page[0]]
    start = end = page.index(largest)
    while start > 0 and _same_heading(page[start - 1], largest):
        start -= 1
    while end + 1 < len(page) and _same_heading(page[end + 1], largest):
        end += 1
    return page[start:end + 1]


def _same_heading(line: OcrLine, largest: OcrLine) -> bool:
    return line.paragraph == largest.paragraph and line.height >= 0.8 * largest.height


def _cached(key: str, cache_dir: Path | None) -> list[OcrLine] | None:
    if cache_dir is None:
        return None
    try:
        rows = json.loads((cache_dir / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        return [OcrLine(str(text), int(height), int(paragraph)) for text, height, paragraph in rows]
    except (OSError, ValueError, TypeError):
        return None


def _store(key: str, lines: list[OcrLine], cache_dir: Path | None) -> None:
    if cache_dir is None:
        return
    folder = cache_dir / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump([[line.text, line.height, line.paragraph] for line in lines], out, ensure_ascii=False)
        os.replace(name, folder / f"{key}.json")
    except OSError:
        return  # a cache that cannot be written only costs time
