"""export-list: articles (by id, by search or a collection) as CSV, CSL-JSON, RIS or BibTeX."""

from __future__ import annotations

import argparse
from pathlib import Path

from viewer.app.library import LIST_FORMATS, Library
from viewer.app.scope import Scope
from viewer.commands.output import Subcommands, printable
from viewer.core.article import Article
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    p = subparsers.add_parser("export-list", help="a list of articles for Zotero, a spreadsheet or BibTeX",
                              description="Write articles (given by id, found by a search, or a collection) as "
                              "CSV (id, title, date, site, url, tags), CSL-JSON, RIS or BibTeX, UTF-8.")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--query", metavar="QUERY", help="the articles this search finds (in its order)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="with --query: only articles with TAG")
    p.add_argument("--collection", metavar="NAME", help="the articles of collection NAME")
    p.add_argument("--format", choices=LIST_FORMATS, required=True)
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler=run_export_list)


def _chosen(library: Library, args: argparse.Namespace) -> list[Article]:
    given = sum((bool(args.ids), args.query is not None, args.collection is not None))
    if given != 1:
        raise BayeganError("Give article IDs, or --query, or --collection (one of them).",
                           "شناسهٔ خبرها یا ‎--query‎ یا ‎--collection‎ را بدهید (فقط یکی).")
    if args.ids:
        return library.require_articles(args.ids)
    if args.collection is not None:
        return library.collections.articles(args.collection)
    return library.matching_articles(args.query, args.tag, scope=Scope())


def run_export_list(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        articles = _chosen(library, args)
        count = library.export_list(articles, args.format, args.out)
    print(f"wrote {count} articles to {printable(str(args.out))}")
    return 0
