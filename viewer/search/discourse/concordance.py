"""The concordance (KWIC): every occurrence of a query in the matching articles, with the text
before and after it, cut at word boundaries.

`left` is the text before the match in reading order (for Persian it stands to the right on screen),
`right` the text after it. Lines come article by article, oldest first (undated last), each article's
in reading order; sorting by the words before or after needs every line, sorting by date does not, so
the first lines of a long concordance come as soon as they are found and the rest is counted on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from viewer.analysis.normalize import fold_word
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.matches import MatchedArticle, Matches
from viewer.search.discourse.posting_counts import Docnums
from viewer.search.query.occurrences import QueryPattern

SORTS = ("date", "left", "right")
DEFAULT_WIDTH = 60
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ConcordanceLine:
    id: str
    title: str
    date: str  # ISO day, "" when undated
    left: str
    match: str
    right: str
    start: int  # the match's span in the article's text
    end: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "date": self.date, "left": self.left, "match": self.match,
                "right": self.right, "start": self.start, "end": self.end}


@dataclass
class Concordance:
    total: int
    lines: list[ConcordanceLine]


def left_context(text: str, start: int, width: int) -> str:
    begin = max(0, start - width)
    piece = text[begin:start]
    if begin > 0 and not text[begin - 1].isspace():
        cut = _SPACES.search(piece)
        piece = piece[cut.end():] if cut else ""
    return _SPACES.sub(" ", piece).strip()


def right_context(text: str, end: int, width: int) -> str:
    stop = min(len(text), end + width)
    piece = text[end:stop]
    if stop < len(text) and not text[stop].isspace():
        spaces = list(_SPACES.finditer(piece))
        piece = piece[:spaces[-1].start()] if spaces else ""
    return _SPACES.sub(" ", piece).strip()


def lines_of(article: MatchedArticle, pattern: QueryPattern, width: int) -> list[ConcordanceLine]:
    text = article.text
    day = article.day.isoformat() if article.day else ""
    return [ConcordanceLine(article.id, article.title, day, left_context(text, start, width),
                            _SPACES.sub(" ", text[start:end]), right_context(text, end, width), start, end)
            for start, end, _label in pattern.occurrences(text)]


def in_date_order(found: Matches) -> Docnums:
    """The matching docnums oldest first, undated last, ties in index order."""
    days = found.days()
    undated = days == 0
    order = np.lexsort((found.docnums, days, undated))
    return found.docnums[order]


def iter_lines(found: Matches, width: int = DEFAULT_WIDTH, *, cancel: Cancel = never) -> Iterator[ConcordanceLine]:
    """Every line, article by article in date order."""
    for article in found.articles(in_date_order(found)):
        stop_if_cancelled(cancel)
        yield from lines_of(article, found.pattern, width)


def _words_key(text: str) -> list[str]:
    return [fold_word(word) for word in text.split()]


def concordance(found: Matches, *, width: int = DEFAULT_WIDTH, limit: int | None = None, sort: str = "date",
                cancel: Cancel = never) -> Concordance:
    """The total number of occurrences and the first `limit` lines (None: all) in `sort` order:
    date, `left` (the words before the match, nearest first) or `right` (the words after it)."""
    if sort not in SORTS:
        raise ValueError(sort)
    lines: list[ConcordanceLine] = []
    total = 0
    if sort == "date" and limit is not None:
        # Lines until the limit, then only the count of the rest (from the postings for words).
        ordered = in_date_order(found)
        read = 0
        for article in found.articles(ordered):
            stop_if_cancelled(cancel)
            if len(lines) >= limit:
                break
            more = lines_of(article, found.pattern, width)
            total += len(more)
            lines += more[:limit - len(lines)]
            read += 1
        rest = ordered[read:]
        if len(rest):
            total += int(found.counts(rest, cancel).sum())
        return Concordance(total, lines)
    for line in iter_lines(found, width, cancel=cancel):
        total += 1
        lines.append(line)
    if sort == "left":
        lines.sort(key=lambda line: (_words_key(line.left)[::-1], line.date == "", line.date))
    elif sort == "right":
        lines.sort(key=lambda line: (_words_key(line.right), line.date == "", line.date))
    return Concordance(total, lines if limit is None else lines[:limit])
