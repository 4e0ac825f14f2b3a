"""export-pdf: articles with their highlights and notes as one PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from viewer.app.library import Library
from viewer.commands.output import Subcommands, TerminalProgress, print_json, printable
from viewer.core.article import Article
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    p = subparsers.add_parser(
        "export-pdf", help="export articles with their highlights and notes as a PDF",
        description="Write articles to one A4, right-to-left PDF: each article from a new page with its "
        "source, news code, URL, dates and tags, highlights in their colours, numbered notes with their "
        "replies as endnotes, and a bookmark. Choose the articles by ID, by --query (with --tag), or "
        "--all-with-notes.")
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids (see `bayegan list` / `search --json`)")
    p.add_argument("--query", metavar="Q", help="export every article that matches the search Q, in result order, its hits marked")
    p.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help="only articles with TAG (repeatable; alone, every article with the tags)")
    p.add_argument("--all-with-notes", action="store_true", help="export every article that has notes")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF to write")
    p.add_argument("--without-notes", action="store_true", help="leave out highlights and notes")
    p.add_argument("--title", metavar="TEXT", help="the PDF's document title (default: the article's title)")
    p.add_argument("--author", metavar="NAME", help="the PDF's author (default: the notes' author name, else your user name)")
    p.add_argument("--json", action="store_true", help="print {path, articles, pages, notes} as JSON")
    p.set_defaults(handler=run_export_pdf)


def _choose_articles(args: argparse.Namespace, library: Library) -> list[Article]:
    chosen = sum(bool(x) for x in (args.ids, args.query is not None or args.tag, args.all_with_notes))
    if chosen != 1:
        raise BayeganError("Give article IDs, or --query/--tag, or --all-with-notes (one of them).",
                           "شناسهٔ خبرها، یا ‎--query/--tag‎، یا ‎--all-with-notes‎ را بدهید (فقط یکی).")
    if args.ids:
        return library.require_articles(args.ids)
    if args.all_with_notes:
        found = library.noted_articles()
        if not found:
            raise BayeganError("No article has notes.", "هیچ خبری یادداشت ندارد.")
        return found
    found = library.matching_articles(args.query, args.tag)
    if not found:
        raise BayeganError("No article matches.", "هیچ خبری پیدا نشد.")
    return found


def run_export_pdf(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        articles = _choose_articles(args, library)
        report = library.export_pdf([a.id for a in articles], args.out, with_notes=not args.without_notes,
                                    title=args.title, author=args.author or None, progress=TerminalProgress(),
                                    query=args.query or "")
    if args.json:
        print_json({"path": str(Path(report.path).resolve()), "articles": len(articles), "pages": report.pages,
                    "notes": report.notes})
    else:
        print(f"wrote {printable(str(report.path))}: {len(articles)} articles, {report.pages} pages, {report.notes} notes")
    return 0
