"""Saved RSS 2.0, RSS 1.0 and Atom feeds, read by feedparser: one article per item (title, link,
summary as text, date, categories as tags)."""

from __future__ import annotations

from calendar import timegm
from datetime import UTC, datetime
from typing import Any

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line, clean_tag
from viewer.importers.common.markup_text import fragment_lines

FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")


def looks_like_feed(head: str) -> bool:
    """`head`: the first characters of the file, lower-cased."""
    start = head.find("<", head.find("?>") + 1 if head.startswith("<?xml") else 0)
    while head.startswith("<!--", start) or head.startswith("<!doctype", start) or head.startswith("<?", start):
        start = head.find("<", start + 1)
        if start < 0:
            return False
    return head.startswith(FEED_ROOTS, start)


def parse_feed(data: bytes) -> list[Article]:
    import feedparser  # imported on first use: most archives hold no feeds

    try:
        feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except (ValueError, TypeError, RecursionError, LookupError) as exc:
        raise ImportFailure(f"The feed cannot be read: {exc}.", f"خوراک خوانده نشد: {exc}.") from exc
    articles = [article for entry in feed.entries if (article := _article(entry))]
    if not articles:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        raise ImportFailure(f"The feed holds no items with a title and text{reason}.",
                            f"خوراک هیچ موردی با عنوان و متن ندارد{reason}.")
    return articles


def _article(entry: Any) -> Article | None:
    title = clean_line(str(entry.get("title") or ""))
    summary = str(entry.get("summary") or "")
    if not summary and entry.get("content"):
        summary = str(entry.content[0].get("value") or "")
    lines = fragment_lines(summary)
    if not title and lines:
        title, lines = lines[0], lines[1:]
    if not title or not lines:
        return None
    tags = [clean_tag(str(tag.get("label") or tag.get("term") or "")) for tag in entry.get("tags") or []]
    return Article(
        title=title,
        blocks=[Block(BlockKind.LEAD if i == 0 else BlockKind.PARAGRAPH, line) for i, line in enumerate(lines)],
        tags=list(dict.fromkeys(t for t in tags if t)),
        url=str(entry.get("link") or "").strip(),
        date=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _date(parsed: Any) -> datetime | None:
    """feedparser's time tuple, in UTC."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError, TypeError):
        return None
