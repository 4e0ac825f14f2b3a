"""index, list, show, similar, search, tags: the archive from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from viewer.app.library import ALL_ARTICLES, Library, no_such_articles
from viewer.commands.output import Subcommands, TerminalProgress, print_error, print_json, print_rows, printable
from viewer.commands.scope_arguments import add_scope_arguments, scope_of
from viewer.core.article import Article
from viewer.core.errors import BayeganError, QueryError
from viewer.core.paths import DataPaths
from viewer.core.results import SearchResult
from viewer.core.source_names import SOURCE_SUFFIXES


def register(subparsers: Subcommands) -> None:
    p = subparsers.add_parser("index", help="import and index folders of articles (incremental)",
                              description="Import articles from PATHs (folders recursively) into the index: "
                              f"{', '.join(sorted(SOURCE_SUFFIXES))} files. Re-running reads only new and "
                              "changed files and removes articles of deleted files.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON summary object")
    p.set_defaults(handler=run_index)

    p = subparsers.add_parser("list", help="list every article", description="List every article.")
    p.add_argument("--json", action="store_true", help="print a JSON list of {id, title, tags, source, sources}")
    p.set_defaults(handler=run_list)

    p = subparsers.add_parser("show", help="show one article", description="Show one article by id.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print the article as one JSON object")
    p.set_defaults(handler=run_show)

    p = subparsers.add_parser("similar", help="near duplicates of one article (republished variants)",
                              description="List the articles that are near duplicates of ID: the same story "
                              "republished with small edits, another title or agency, a paragraph cut.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help='print a JSON list of {"id", "title", "score"}, best first')
    p.set_defaults(handler=run_similar)

    p = subparsers.add_parser("search", help="search the archive", description=(
        "Search the archive. AND by default; \"phrases\"; -word or NOT; OR; title: and tag: "
        "(also عنوان: and برچسب:); word* prefix; word~ fuzzy; از:DATE تا:DATE (from:/to:) dates."))
    p.add_argument("query", nargs="?", default=None, metavar="QUERY")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only articles with TAG (repeatable)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to return (default 10)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help='print {"hits": [...], "total": N, "timeline": [...], "undated": N}')
    p.add_argument("--stdin", action="store_true",
                   help="read one query per line; print one JSON line per query")
    add_scope_arguments(p)
    p.set_defaults(handler=run_search)

    p = subparsers.add_parser("tags", help="tags with their article counts", description="List tags with article counts.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_tags)


def run_index(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        progress = TerminalProgress()
        report = library.sync(args.paths, progress=progress, page_progress=progress.page)
    if args.json:
        print_json(report.as_json())
    else:
        print(f"added {report.added}, updated {report.updated}, removed {report.removed}, "
              f"unchanged {report.unchanged}, duplicates {report.duplicates}, failed {len(report.failed)}")
        for failure in report.failed:
            print(f"  failed: {printable(failure['path'])}: {printable(failure['error'])}", file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        sources = library.copied_files()  # any other article's one file is its `source`
        rows = [{"id": a.id, "title": a.title, "tags": a.tags, **_sources(a, sources)} for a in library.articles()]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']}  {row['title']}")
    return 0


def _sources(article: Article, sources: dict[str, list[str]]) -> dict[str, object]:
    """`source` (the file the article is indexed from) and `sources` (every file holding its text)."""
    held = sources.get(article.id) or [article.source]
    return {"source": held[0], "sources": held}


def article_json(article: Article, sources: dict[str, list[str]] | None = None) -> dict[str, object]:
    return {
        "id": article.id, "title": article.title, "lead": article.lead, "text": article.text,
        "tags": article.tags, "category": article.category, **_sources(article, sources or {}),
        "url": article.url, "code": article.code,
        "date": article.date.isoformat() if article.date else None,
        "text_source": article.text_source, "pages": article.pages or None,
        "images": [{"path": path, "caption": caption, "offset": offset} for path, caption, offset in article.images],
    }


def run_show(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        article = library.article(args.id)
        sources = library.sources(args.id)
    if article is None:
        print_error(no_such_articles([args.id]))
        return 1
    if args.json:
        print_json(article_json(article, sources))
    else:
        print(article.title)
        print()
        print(article.text)
        if article.tags:
            print()
            print("برچسب‌ها: " + "، ".join(article.tags))
    return 0


def run_similar(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        if library.article(args.id) is None:
            print_error(no_such_articles([args.id]))
            return 1
        found = library.similar(args.id)
    return print_rows(found, args.json, lambda s: {"id": s.id, "title": s.title, "score": round(s.score, 3)},
                      lambda s: f"{s.id}  {s.score:.2f}  {s.title}")


def run_search(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        if args.stdin:
            for line in sys.stdin:
                query = line.rstrip("\n")
                started = time.perf_counter()
                try:
                    result = library.search(query, args.tag, limit=args.limit, sort=args.sort, scope=scope_of(args))
                    print_json({"query": query, "hits": [h.as_json() for h in result.hits],
                                "total": result.total,
                                "took_ms": round((time.perf_counter() - started) * 1000, 2)}, compact=True)
                except BayeganError as exc:
                    print_json({"query": query, "error": exc.en, "error_fa": exc.fa}, compact=True)
            return 0
        if args.query is None and scope_of(args):
            args.query = ALL_ARTICLES
        if args.query is None:
            print_error(QueryError("Give a QUERY, or --stdin.", "عبارت جست‌وجو یا ‎--stdin‎ را بدهید."))
            return 2
        try:
            result = library.search(args.query, args.tag, limit=args.limit, sort=args.sort, scope=scope_of(args),
                                    timeline=args.json)
        except QueryError as exc:
            if args.json:
                print_json({"query": args.query, "error": exc.en, "error_fa": exc.fa})
            else:
                print_error(exc)
            return 1
    print_result(result, as_json=args.json)
    return 0


def print_result(result: SearchResult, *, as_json: bool) -> None:
    if as_json:
        payload: dict[str, object] = {"hits": [h.as_json() for h in result.hits], "total": result.total}
        if result.suggestion:
            payload["suggestion"] = result.suggestion
        payload["facets"] = [{"tag": t, "count": c} for t, c in result.facets[:50]]
        payload["timeline"] = [{"month": month, "count": count} for month, count in result.timeline]
        payload["undated"] = result.undated
        print_json(payload)
    else:
        print(f"{result.total} results")
        if result.suggestion:
            print(f"did you mean: {result.suggestion}")
        for hit in result.hits:
            print(f"{hit.id}  {hit.score:.2f}  {hit.title}")


def run_tags(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        counts = library.tag_counts()
    if args.json:
        print_json([{"tag": tag, "count": count} for tag, count in counts])
    else:
        for tag, count in counts:
            print(f"{count:6d}  {tag}")
    return 0
