"""kwic, trend, collocates: discourse research from the command line (viewer/app/discourse.py)."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from viewer.app.discourse import (
    CALENDARS,
    DEFAULT_SPAN,
    DEFAULT_TOP,
    DEFAULT_WIDTH,
    KWIC_SORTS,
    TREND_PERIODS,
    Discourse,
)
from viewer.app.library import Library
from viewer.commands.output import Subcommands, print_error, print_json
from viewer.commands.scope_arguments import add_scope_arguments, scope_of
from viewer.core.errors import QueryError
from viewer.core.paths import DataPaths

if TYPE_CHECKING:
    from viewer.app.discourse import Collocate, Concordance, Trend

_SCOPE_NOTE = ("Articles are those the search finds (the same query language), limited by --from/--to, "
               "--tag, --collection and --with-notes; --stories counts a story and its republished copies once.")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r} (عدد درست مثبت نیست)")
    return value


def _common(p: argparse.ArgumentParser, handler: Callable[[argparse.Namespace, DataPaths], int]) -> None:
    """The options every discourse command takes, and its handler."""
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only articles with TAG (repeatable)")
    p.add_argument("--stories", action="store_true",
                   help="count each story once: of near duplicates (republished copies) only the first article")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_scope_arguments(p)
    p.set_defaults(handler=handler)


def register(subparsers: Subcommands) -> None:
    p = subparsers.add_parser("kwic", help="concordance: every occurrence of a query with its context", description=(
        "A concordance (keyword in context): every occurrence of QUERY in the text of the matching articles. "
        "A word finds every spelling and form the search conflates (ي/ی, with or without ZWNJ, plurals, verb "
        "forms); a quoted phrase finds the phrase only. LEFT is the text before the match in reading order "
        "(on screen, to the right of Persian text), RIGHT the text after it. " + _SCOPE_NOTE))
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--width", type=_positive, default=DEFAULT_WIDTH, metavar="N",
                   help=f"about N characters of context each side, cut at word boundaries (default {DEFAULT_WIDTH})")
    p.add_argument("--limit", type=_positive, default=None, metavar="N", help="print the first N lines (default all)")
    p.add_argument("--sort", choices=KWIC_SORTS, default="date",
                   help="date (oldest first), left (the words before the match), right (the words after)")
    p.add_argument("--csv", action="store_true", help="print CSV: id,title,date,left,match,right,start,end")
    _common(p, _Answered(_concordance, _show_concordance))

    p = subparsers.add_parser("trend", help="matching articles and occurrences of queries per month or year",
                              description="For each QUERY, its matching articles and its occurrences per period, "
                              "and the archive's articles per period (Jalali periods unless --calendar gregorian). "
                              "Undated articles are counted apart. " + _SCOPE_NOTE)
    p.add_argument("queries", nargs="+", metavar="QUERY")
    p.add_argument("--by", choices=TREND_PERIODS, default="month")
    p.add_argument("--calendar", choices=CALENDARS, default="jalali")
    p.add_argument("--per", type=_positive, default=None, metavar="N",
                   help="also give the matching articles per N articles of the period (e.g. 10000)")
    _common(p, _Answered(_trend, _show_trend))

    p = subparsers.add_parser("collocates", help="words that occur near a word, ranked by log-likelihood",
                              description="The words within --span word positions of WORD's occurrences, ranked by "
                              "log-likelihood (Dunning's G²); stopwords left out, forms grouped as the search groups "
                              "them, each shown in its most frequent spelling. " + _SCOPE_NOTE)
    p.add_argument("word", metavar="WORD")
    p.add_argument("--span", type=_positive, default=DEFAULT_SPAN, metavar="N",
                   help=f"word positions each side (default {DEFAULT_SPAN})")
    p.add_argument("--top", type=_positive, default=DEFAULT_TOP, metavar="N", help=f"collocates to give (default {DEFAULT_TOP})")
    _common(p, _Answered(_collocates, _show_collocates))


class _Answered[T]:
    """A discourse command's handler: `ask` the archive, then `show` what it found."""

    def __init__(self, ask: Callable[[Discourse, argparse.Namespace], T], show: Callable[[argparse.Namespace, T], None]):
        self.ask = ask
        self.show = show

    def __call__(self, args: argparse.Namespace, paths: DataPaths) -> int:
        """The exit code: 1 when the query is refused (the reason printed)."""
        with Library(paths) as library, Discourse(library) as discourse:
            try:
                found = self.ask(discourse, args)
            except QueryError as exc:
                if args.json:
                    print_json({"error": exc.en, "error_fa": exc.fa})
                else:
                    print_error(exc)
                return 1
        self.show(args, found)
        return 0


def _concordance(discourse: Discourse, args: argparse.Namespace) -> Concordance:
    return discourse.concordance(args.query, args.tag, scope=scope_of(args), width=args.width, limit=args.limit,
                                 sort=args.sort, stories_once=args.stories)


def _show_concordance(args: argparse.Namespace, found: Concordance) -> None:
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["id", "title", "date", "left", "match", "right", "start", "end"])
        for line in found.lines:
            writer.writerow([line.id, line.title, line.date, line.left, line.match, line.right, line.start, line.end])
    elif args.json:
        print_json({"total": found.total, "lines": [line.as_json() for line in found.lines]})
    else:
        print(f"{found.total} occurrences")
        for line in found.lines:
            print(f"{line.date or '-':10}  {line.left[-40:]:>40} [{line.match}] {line.right[:40]}")


def _trend(discourse: Discourse, args: argparse.Namespace) -> Trend:
    return discourse.trend(args.queries, args.tag, scope=scope_of(args), by=args.by, calendar=args.calendar,
                           per=args.per, stories_once=args.stories)


def _show_trend(args: argparse.Namespace, found: Trend) -> None:
    if args.json:
        print_json(found.as_json())
        return
    archive = dict(found.archive)
    for series in found.series:
        print(series.query)
        for point in series.points:
            if point.articles:
                print(f"  {point.period}  {point.articles:6d} articles  {point.occurrences:7d} occurrences"
                      f"  of {archive[point.period]}")
        if series.undated_articles:
            print(f"  undated  {series.undated_articles:6d} articles  {series.undated_occurrences:7d} occurrences")


def _collocates(discourse: Discourse, args: argparse.Namespace) -> list[Collocate]:
    return discourse.collocates(args.word, args.tag, scope=scope_of(args), span=args.span, top=args.top,
                                stories_once=args.stories)


def _show_collocates(args: argparse.Namespace, found: list[Collocate]) -> None:
    if args.json:
        print_json([c.as_json() for c in found])
    else:
        for c in found:
            print(f"{c.score:10.2f}  {c.count:6d}  {c.word}")
