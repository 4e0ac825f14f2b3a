"""A saved page's publication date, only where the page states it: its metadata
(`article:published_time`, JSON-LD `datePublished`, `<time datetime>`, Dublin Core) or the site's own
date line with day, month and year (Jalali or Gregorian, Persian or Latin digits).

Never from the article's sentences: a year or a date mentioned in the text («سال‌های 2001، 2003»,
«در ۱۱ دی ۱۳۸۶») is not when the article was published, and trafilatura's date search (htmldate)
guesses from exactly those."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from datetime import datetime

import jdatetime
from lxml import etree

from viewer.core.jalali import GREGORIAN_MONTHS, JALALI_MONTHS
from viewer.importers.common.dates import parse_date, plausible_date

# <meta property|name|itemprop=...> naming the publication date, lower case.
_META_NAMES = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date",
})
# A date line: an element the site marks as one, or a short line led by a date label.
_DATE_LINE_MARK = re.compile(r"date|time|publish|tarikh|zaman", re.I)
_DATE_LABEL = re.compile(r"^\s*(تاریخ|زمان|انتشار|منتشر|published|posted|date)", re.I)
# The site's clock in its header («امروز: شنبه ۱۶ آذر ۱۴۰۵») is the day the page was saved.
_TODAY = re.compile(r"امروز|today", re.I)
_LINE_TAGS = frozenset({"div", "span", "p", "li", "small", "time", "em", "strong", "b", "td", "header"})
_DATE_LINE_LENGTH = 120

_LETTERS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكة", "01234567890123456789یکه")
_JALALI = {name: n for n, name in enumerate(JALALI_MONTHS, 1)}
_GREGORIAN = {name: n for n, name in enumerate(GREGORIAN_MONTHS, 1)} | {
    "می": 5, "جولای": 7, "آگوست": 8, "اگوست": 8}
_ENGLISH = {name: n for n, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
_ENGLISH |= {name[:3]: n for name, n in list(_ENGLISH.items())} | {"sept": 9}
_MONTH_WORDS = "|".join(sorted((*_JALALI, *_GREGORIAN, *_ENGLISH), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:ام)?\s+({_MONTH_WORDS})\.?\s*[,،]?\s*(\d{{4}})(?!\d)", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})(?!\d)", re.I)
_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?!\d)")


def page_date(tree: etree._Element) -> datetime | None:
    """The publication date the page states, or None (never a guess)."""
    for candidate in (_meta_date(tree), _json_ld_date(tree), _time_element_date(tree), _date_line(tree)):
        if candidate is not None:
            return candidate
    return None


def _meta_date(tree: etree._Element) -> datetime | None:
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _META_NAMES and (when := parse_date(meta.get("content") or "")) is not None:
            return when
    return None


def _json_ld_date(tree: etree._Element) -> datetime | None:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for node in _json_nodes(data):
            if (when := parse_date(node.get("datePublished"))) is not None:
                return when
    return None


def _json_nodes(data: object) -> Iterator[dict[str, object]]:
    """Every object of a JSON-LD block, outer ones first (a page's own item before those it cites)."""
    queue = deque([data])
    while queue:
        item = queue.popleft()
        if isinstance(item, dict):
            yield item
            queue.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            queue.extend(item)


def _time_element_date(tree: etree._Element) -> datetime | None:
    times = [t for t in tree.iter("time") if t.get("datetime")]
    times.sort(key=lambda t: (t.get("itemprop") or "").lower() != "datepublished")  # stable: published first
    for element in times:
        if (when := parse_date(element.get("datetime"))) is not None:
            return when
    for element in tree.xpath('//*[translate(@itemprop, "DP", "dp")="datepublished"]'):
        if (when := parse_date(element.get("content") or "")) is not None:
            return when
        if (when := date_in_line(_text(element))) is not None:
            return when
    return None


def _date_line(tree: etree._Element) -> datetime | None:
    """The first date line of the article itself (<article>, <main>), else of the page."""
    for scope in [*tree.iter("article", "main"), tree]:
        if (when := _first_date_line(scope)) is not None:
            return when
    return None


def _first_date_line(scope: etree._Element) -> datetime | None:
    for element in scope.iter(*_LINE_TAGS):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        text = _text(element)
        if not text or len(text) > _DATE_LINE_LENGTH or _TODAY.search(text):
            continue
        if element.tag == "time" or _DATE_LINE_MARK.search(marks) or _DATE_LABEL.match(text):
            if (when := date_in_line(text)) is not None:
                return when
    return None


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def date_in_line(line: str) -> datetime | None:
    """The date of a site's date line («شنبه ۱۱ دی ۱۳۸۶ - ۱۰:۳۰», «1402/05/12», «3 August 2023»):
    day, month and year, with the time when the line has one; None for anything less."""
    text = line.translate(_LETTERS)
    day_of = _full_date(text)
    if day_of is None:
        return None
    clock = _CLOCK.search(text[:day_of[1]] + " " + text[day_of[2]:])
    hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
    return plausible_date(day_of[0].replace(hour=hour, minute=minute))


def _full_date(text: str) -> tuple[datetime, int, int] | None:
    """The first day-month-year in `text` with where it stands."""
    found: list[tuple[int, int, int, int, int, str]] = []  # start, end, year, month, day, calendar
    if match := _DAY_MONTH_YEAR.search(text):
        month, calendar = _month(match.group(2))
        found.append((match.start(), match.end(), int(match.group(3)), month, int(match.group(1)), calendar))
    if match := _MONTH_DAY_YEAR.search(text):
        month, calendar = _month(match.group(1))
        found.append((match.start(), match.end(), int(match.group(3)), month, int(match.group(2)), calendar))
    if match := _YEAR_FIRST.search(text):
        year = int(match.group(1))
        found.append((match.start(), match.end(), year, int(match.group(2)), int(match.group(3)),
                      "jalali" if year < 1700 else "gregorian"))
    if match := _DAY_FIRST.search(text):
        year = int(match.group(3))
        found.append((match.start(), match.end(), year, int(match.group(2)), int(match.group(1)),
                      "jalali" if year < 1700 else "gregorian"))
    for start, end, year, month, day, calendar in sorted(found):
        try:
            if calendar == "jalali":
                gregorian = jdatetime.date(year, month, day).togregorian()
                return datetime(gregorian.year, gregorian.month, gregorian.day), start, end
            return datetime(year, month, day), start, end
        except ValueError:
            continue
    return None


def _month(word: str) -> tuple[int, str]:
    lowered = word.lower()
    if lowered in _JALALI:
        return _JALALI[lowered], "jalali"
    return (_GREGORIAN.get(lowered) or _ENGLISH[lowered]), "gregorian"
