"""PDFs with a text layer (printed by a browser or a word processor, or made by Bayegan's own
exporter): one article per file. Text is extracted by poppler's pdftotext, which measured best on
Persian PDFs (logical order and ZWNJ kept where other extractors lost them), run as a separate
process with a time limit so that a hostile PDF can neither crash nor hang indexing. PDFs without
a text layer (scans), and those whose text layer is garbage (a legacy non-Unicode Persian font),
are read by OCR (pdf_scan.py).

The Title in the document information is not always a title: Chromium's "Save as PDF" of a page
without <title> writes the page's file name there, and word processors write "Untitled" or
"Microsoft Word - report.docx". Such a title gives way to the first line of the text. A browser also
prints a header and footer on each page (the date and time, the page's address, "1/2"), which are
not the article's text."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from html import unescape
from pathlib import PurePath

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line, clean_tag, looks_like_heading
from viewer.importers.common.dates import parse_date
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.common.tools import run_tool
from viewer.importers.documents.pdf_text import paragraphs, repair_lines
from viewer.importers.scans.pdf_scan import garbage_text_layer, ocr_pdf

TIME_LIMIT_SECONDS = 60
_META = re.compile(r'<meta name="([A-Za-z]+)" content="([^"]*)"/>')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_PRE = re.compile(r"<pre>\n?(.*)</pre>", re.S)
# The header lines Bayegan's exporter writes under each title, read back into the article.
_LABELS = {"نشانی": "url", "برچسب‌ها": "tags", "تاریخ": "date", "کد خبر": "code", "منبع": "source"}
_LABELLED = re.compile(r"^(نشانی|برچسب‌ها|تاریخ|کد خبر|منبع)\s*:\s*(.*)$")
_PAGE_NUMBER = re.compile(r"^(صفحهٔ|صفحه)\s*[۰-۹0-9]+\s*از\s*[۰-۹0-9]+$|^[۰-۹0-9]+$")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_FILE_NAME = re.compile(r"\.(html?|xhtml|mht|mhtml|php|aspx?|jsp|pdf|docx?|odt|rtf|txt|pptx?|xlsx?)$", re.I)
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled(\s*(document|\d+))?|document\s*\d*|doc\d+|new document|بی‌?\s*عنوان|سند\s*\d*)$"
    r"|^microsoft (word|powerpoint|excel) - ", re.I)
_ADDRESS = re.compile(r"^(https?|file)://\S*$|^(www\.)?[\w-]+(\.[\w-]+)+/\S*$", re.I)
_BROWSERS = re.compile(r"chrom|mozilla|firefox|safari|webkit|skia/pdf|edg/", re.I)
# The browser's header and footer lines: date and time in any locale, and the page counter.
_PRINT_TIME = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,،]?\s+\d{1,2}:\d{2}(:\d{2})?(\s*([AaPp]\.?[Mm]\.?|ق\.?ظ|ب\.?ظ))?$")
_PAGE_COUNTER = re.compile(r"^\d+\s*/\s*\d+$")
_LINE_BOX = re.compile(r'<line xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">')
_HEADING_LINES = 12  # the title is among the first lines of the first page
_HEADING_SIZE = 1.2  # and printed larger than most lines


def parse_pdf(data: bytes, name: str = "", context: ReadingContext = NO_CONTEXT) -> list[Article]:
    """The article of a PDF's bytes; `name` is the file's name (a Title equal to it is no title);
    `context` is for the pages read by OCR."""
    title, meta, body = _extract(data)
    keywords = meta.get("keywords", "")
    title = title if is_real_title(title, name) else ""
    lines = [line for line in repair_lines(body) if not _PAGE_NUMBER.match(line)]
    if _BROWSERS.search(f"{meta.get('creator', '')} {meta.get('producer', '')}"):
        lines = _without_print_margins(lines, title)
    if not lines or garbage_text_layer(body):
        scanned = ocr_pdf(data, "garbage" if lines else "scan", context)
        scanned.tags = [clean_tag(k) for k in re.split("[,،;]", keywords) if clean_tag(k)]
        return [scanned]
    title = clean_line(repair_lines(title)[0]) if title.strip() and repair_lines(title) else ""
    lines = _without_title(lines, title)
    if not title and (heading := _largest_first_line(data, body)) in lines:
        title = clean_line(heading)
        lines.remove(heading)
    if not title:
        title, lines = clean_line(lines[0]), lines[1:]
    article = Article(title=title, blocks=[], tags=[clean_tag(k) for k in re.split("[,،;]", keywords) if clean_tag(k)])
    body_lines = [line for line in lines if not _labelled(line, article)]
    for text in paragraphs(body_lines):
        text = clean_line(text)
        kind = BlockKind.HEADING if looks_like_heading(text) else BlockKind.PARAGRAPH
        if kind is BlockKind.PARAGRAPH and not article.blocks:
            kind = BlockKind.LEAD
        article.blocks.append(Block(kind, text))
    article.tags = list(dict.fromkeys(article.tags))
    article.text_source = "text layer"
    article.pages = body.rstrip("\f").count("\f") + 1
    return [article]


def is_real_title(title: str, file_name: str = "") -> bool:
    """Whether a PDF's Title names its article: not a file name or address, not the PDF's own name,
    not a placeholder ("Untitled", "Document1", "Microsoft Word - …")."""
    text = " ".join(title.split())
    if not text:
        return False
    own = PurePath(file_name).name if file_name else ""
    if own and text.casefold() in (own.casefold(), PurePath(own).stem.casefold()):
        return False
    return not (_FILE_NAME.search(text) or _ADDRESS.match(text) or _PLACEHOLDER_TITLE.search(text))


def _without_print_margins(lines: list[str], title: str) -> list[str]:
    """A browser's printout without its header and footer on each page: the date and time, the
    page's title, its address and the page counter."""
    header_title = " ".join(title.split())
    kept: list[str] = []
    for line in lines:
        bare = " ".join(line.translate(_DIGITS).split())
        if _PRINT_TIME.match(bare) or _PAGE_COUNTER.match(bare) or _ADDRESS.match(bare):
            continue
        if header_title and bare == header_title and kept:  # the title the header repeats on each page
            continue
        kept.append(line)
    return kept


def _without_title(lines: list[str], title: str) -> list[str]:
    """The body without the title printed at its top (often wrapped over two lines)."""
    if not title:
        return lines
    target = title.replace(" ", "")
    seen = ""
    for count, line in enumerate(lines[:4], start=1):
        seen += line.replace(" ", "")
        if seen == target:
            return lines[count:]
        if not target.startswith(seen):
            break
    return lines


def _labelled(line: str, article: Article) -> bool:
    match = _LABELLED.match(line)
    if not match:
        return False
    field, value = _LABELS[match.group(1)], match.group(2).strip()
    if field == "url" and value.startswith(("http://", "https://")):
        article.url = value
    elif field == "tags":
        article.tags += [tag for part in value.split("،") if (tag := clean_tag(part))]
    elif field == "date":
        article.date = parse_date(value)
    elif field == "code":
        article.code = value.translate(_DIGITS)
    return True


def _largest_first_line(data: bytes, body: str) -> str:
    """The line of the first page printed in the largest type, among its first lines (a heading
    under a breadcrumb or a site's name), or "" when no line stands out or the lines do not match
    up. Line heights come from pdftotext's word boxes, in the order of its text."""
    try:
        boxes = _pdftotext(data, ["-bbox-layout", "-f", "1", "-l", "1"])
    except ImportFailure:
        return ""
    heights = [float(bottom) - float(top) for top, bottom in _LINE_BOX.findall(boxes)]
    page_one = repair_lines(body.split("\f")[0])
    if not heights or len(heights) != len(page_one):
        return ""
    first = heights[:_HEADING_LINES]
    largest = max(first)
    if largest < _HEADING_SIZE * sorted(heights)[len(heights) // 2]:
        return ""
    return page_one[first.index(largest)]


def _extract(data: bytes) -> tuple[str, dict[str, str], str]:
    """Title and the rest of the document information (keywords, creator, producer: lower-case
    keys), and the text of every page."""
    output = _pdftotext(data, ["-htmlmeta"])
    pre = _PRE.search(output)
    if pre is None:
        raise ImportFailure("The PDF is damaged and cannot be read.", "PDF آسیب دیده است و خوانده نمی‌شود.")
    meta = {key.lower(): unescape(value) for key, value in _META.findall(output[:pre.start()])}
    title = _TITLE.search(output[:pre.start()])
    return unescape(title.group(1)) if title else "", meta, unescape(pre.group(1))


def _pdftotext(data: bytes, options: list[str]) -> str:
    """pdftotext's output for the PDF with these options, in its own process with a time limit."""
    program = shutil.which("pdftotext")
    if program is None:
        raise ImportFailure("Reading PDFs needs poppler's pdftotext (Debian/Ubuntu: apt install poppler-utils).",
                            "خواندن PDF به pdftotext از poppler نیاز دارد (دبیان/اوبونتو: apt install poppler-utils).")
    handle, name = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as pdf:
            pdf.write(data)
        done = run_tool([program, "-q", "-enc", "UTF-8", *options, name, "-"], tool="pdftotext",
                        doing=("Reading the PDF", "خواندن PDF"), seconds=TIME_LIMIT_SECONDS)
    finally:
        os.unlink(name)
    if done.returncode != 0:
        raise ImportFailure("The PDF is damaged and cannot be read.", "PDF آسیب دیده است و خوانده نمی‌شود.")
    return done.stdout.decode("utf-8", "replace").replace("\x00", "")
