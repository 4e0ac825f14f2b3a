"""Web archives: WARC and WARC.GZ files (read by warcio) and WACZ packages (a ZIP of WARCs).

One article per HTML response: a `response` record whose HTTP status is 200 and whose type is
text/html, with the record's target URI as url. Its date is the page's own (what the page states: see
page_dates.py), never the record's WARC-Date, which says when the page was captured. Images, CSS, scripts, redirects,
revisits and a second capture of a URL or of the same payload are ignored as articles; the pictures a
page shows are found among the image records of the same file (`warc_pictures`, `picture_payload`).
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml import html as lxml_html

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.encoding import decode
from viewer.importers.common.figures import image_caption, picture_offsets
from viewer.importers.common.zip_parts import open_zip, read_member
from viewer.importers.text.html_format import parse_html

MAX_PAGE_BYTES = 16 * 1024 * 1024
# What a damaged or hostile record raises inside warcio (a 20-digit Content-Length: OverflowError).
_RECORD_ERRORS = (ArithmeticError, ValueError, EOFError, OSError, TypeError, AttributeError, IndexError, KeyError,
                  UnicodeDecodeError, AssertionError, zlib.error)


@dataclass
class WarcRead:
    articles: list[Article] = field(default_factory=list)
    # Offset just past the last whole record: a crawler appending to the file starts there.
    end: int = 0
    pages: int = 0
    failures: int = 0


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def parse_warc(data: bytes, start: int = 0) -> WarcRead:
    """The articles of the records that begin at or after byte `start`."""
    read = WarcRead(end=start)
    # warcio writes a warning to stderr for each record whose length is off; the outcome says enough.
    with contextlib.redirect_stderr(io.StringIO()):
        _read_records(data, start, read)
    if not read.articles and start == 0:
        raise ImportFailure("The web archive holds no HTML page with article text.",
                            "بایگانی وب هیچ صفحهٔ HTML با متن خبری ندارد.")
    return read


def _read_records(data: bytes, start: int, read: WarcRead) -> None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen: set[str] = set()
    try:
        records = ArchiveIterator(io.BytesIO(data[start:]), arc2warc=True)  # offsets count from `start`
        for record in records:
            article = _article(record, seen, read)
            records.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                break  # shorter than its Content-Length: the crawler is still writing it
            read.end = start + records.get_record_offset() + records.get_record_length()
            while data[read.end:read.end + 2] == b"\r\n":  # an uncompressed record's closing blank lines
                read.end += 2
            if article is not None:
                read.articles.append(article)
    except OverflowError as exc:  # a Content-Length of 20 digits: warcio cannot even seek past it
        if not read.articles:
            raise ImportFailure("The web archive (WARC) is damaged: a record's length is impossibly large.",
                                "بایگانی وب (WARC) آسیب دیده است: طول یکی از رکوردها ناممکن است.") from exc
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, TypeError, AttributeError, IndexError, KeyError,
            UnicodeDecodeError, AssertionError, zlib.error) as exc:
        # A file cut off while a crawler writes it: the whole records before the cut still count.
        if not read.articles:
            raise ImportFailure(f"The web archive (WARC) is damaged: {exc or type(exc).__name__}.",
                                f"بایگانی وب (WARC) آسیب دیده است: {exc or type(exc).__name__}.") from exc


def parse_wacz(data: bytes) -> list[Article]:
    archive = open_zip(data)
    articles: list[Article] = []
    for name in sorted(n for n in archive.namelist() if n.startswith("archive/") and n.endswith((".warc", ".warc.gz"))):
        try:
            articles += parse_warc(read_member(archive, name)).articles
        except ImportFailure:
            continue
    if not articles:
        raise ImportFailure("The WACZ package holds no HTML page with article text.",
                            "بستهٔ WACZ هیچ صفحهٔ HTML با متن خبری ندارد.")
    return articles


def _article(record: Any, seen: set[str], read: WarcRead) -> Article | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(("text/html", "application/xhtml")):
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    if uri in seen or (digest and digest in seen):
        return None
    seen.update(key for key in (uri, digest) if key)
    body = record.content_stream().read(MAX_PAGE_BYTES)
    read.pages += 1
    try:
        [article] = parse_html(_html_text(body, content_type))[:1]
    except ImportFailure:
        read.failures += 1
        return None
    article.url = uri or article.url
    return article


def _html_text(body: bytes, content_type: str) -> str:
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip('"') if "charset=" in content_type else ""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


@dataclass
class WarcPictures:
    # Page URI -> the pictures its HTML shows, in order: (absolute URL without fragment, caption, where
    # it stood in the page's article's text or None).
    shown: dict[str, list[tuple[str, str, int | None]]] = field(default_factory=dict)
    # Image URI -> offset of the first whole `response` record (HTTP 200, image/*) holding it.
    records: dict[str, int] = field(default_factory=dict)


def warc_pictures(data: bytes, articles: Mapping[str, Article] | None = None) -> WarcPictures:
    """The pictures the HTML pages of a WARC show, and where the image records that hold them begin;
    each placed in the text of the page's article in `articles` (by URL without fragment).
    A damaged record ends the search: what was found before it still counts."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pictures = WarcPictures()
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            records = ArchiveIterator(io.BytesIO(data), arc2warc=True)
            for record in records:
                found = _pictures_of(record, articles or {})
                records.read_to_end(record)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    break  # cut off: its bytes are not all there
                if found is None:
                    continue
                uri, shown = found
                if shown is None:
                    pictures.records.setdefault(uri, records.get_record_offset())
                else:
                    pictures.shown.setdefault(uri, shown)
        except (ArchiveLoadFailed, *_RECORD_ERRORS):
            pass
    return pictures


def picture_payload(data: bytes, offset: int, limit: int) -> bytes | None:
    """The HTTP payload (chunked transfer and gzip/deflate/brotli content encodings undone) of the record
    at `offset`, or None when it is damaged or longer than `limit` bytes."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = io.BytesIO(data)
    stream.seek(offset)
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            record = next(iter(ArchiveIterator(stream, arc2warc=True)))
            payload: bytes = record.content_stream().read(limit + 1)
        except (ArchiveLoadFailed, StopIteration, *_RECORD_ERRORS):
            return None
    return payload if len(payload) <= limit else None


def _pictures_of(record: Any, articles: Mapping[str, Article]) -> tuple[str, list[tuple[str, str, int | None]] | None] | None:
    """(uri, the pictures it shows) for an HTML page, (uri, None) for an image, None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    uri = urldefrag((record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>"))[0]
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not uri:
        return None
    if content_type.startswith("image/"):
        return uri, None
    if not content_type.startswith(("text/html", "application/xhtml")):
        return None
    return uri, _shown_pictures(_html_text(record.content_stream().read(MAX_PAGE_BYTES), content_type), uri,
                                articles.get(uri))


def _shown_pictures(page: str, uri: str, article: Article | None) -> list[tuple[str, str, int | None]]:
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    base = uri
    for element in tree.iter("base"):
        if element.get("href"):
            base = urljoin(uri, str(element.get("href")).strip())
        break
    offsets = picture_offsets(tree, [block.text for block in article.blocks]) if article is not None else {}
    shown: list[tuple[str, str, int | None]] = []
    for element in tree.iter("img"):
        src = str(element.get("src") or "").strip()
        if not src or src.startswith("data:"):
            src = str(element.get("data-src") or "").strip()  # a picture loaded when scrolled to
        if not src or src.startswith("data:"):
            continue
        absolute = urldefrag(urljoin(base, src))[0]
        if all(absolute != known for known, _caption, _offset in shown):
            shown.append((absolute, image_caption(element), offsets.get(element)))
    return shown
