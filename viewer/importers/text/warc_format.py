"""Web archives: WARC and WARC.GZ files (read by warcio) and WACZ packages (a ZIP of WARCs).

One article per HTML response: a `response` record whose HTTP status is 200 and whose type is
text/html, with the record's target URI as url. Its date is the page's own (what the page states: see
page_dates.py), never the record's WARC-Date, which says when the page was captured. Images, CSS, scripts, redirects,
revisits and a second capture of a URL or of the same payload are ignored.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from dataclasses import dataclass, field
from typing import Any

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.encoding import decode
from viewer.importers.common.zip_parts import open_zip, read_member
from viewer.importers.text.html_format import parse_html

MAX_PAGE_BYTES = 16 * 1024 * 1024


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
