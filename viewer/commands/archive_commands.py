"""index, list, show, search, tags: the archive from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from viewer.commands.output import TerminalProgress, print_error, print_json
from viewer.core.errors import BayeganError, QueryError
from viewer.core.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("index", help="import and index folders of articles (incremental)",
                              description="Import .txt, .json, .jsonl and .html articles from PATHs "
                              "(folders recursively) into the index. Re-running reads only new and "
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
        "(also عنوان: and برچسب:); word* prefix; word~ fuzzy."))
    p.add_argument("query", nargs="?", default=None, metavar="QUERY")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only articles with TAG (repeatable)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to return (default 10)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help='print {"hits": [...], "total": N}')
    p.add_argument("--stdin", action="store_true",
                   help="read one query per line; print one JSON line per query")
    p.set_defaults(handler=run_search)

    p = subparsers.add_parser("tags", help="tags with their article counts", description="List tags with article counts.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_tags)


def _archive(paths: DataPaths):  # type: ignore[no-untyped-def]
    from viewer.search.archive import Archive

    return Archive(paths.ensure())


def run_index(args: argparse.Namespace, paths: DataPaths) -> int:
    archive = _archive(paths)
    report = archive.sync(args.paths, progress=TerminalProgress())
    if report.changed_ids or report.removed:
        _reanchor_notes(archive, paths, report.changed_ids)
    if args.json:
        print_json(report.as_json())
    else:
        print(f"added {report.added}, updated {report.updated}, removed {report.removed}, "
              f"unchanged {report.unchanged}, duplicates {report.duplicates}, failed {len(report.failed)}")
        for failure in report.failed:
            print(f"  failed: {failure['path']}: {failure['error']}", file=sys.stderr)
    return 0


def _reanchor_notes(archive, paths: DataPaths, changed_ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Notes follow their text when a source file changes (a no-op until notes exist)."""
    try:
        from viewer.notes.reanchor import reanchor_articles
    except ImportError:
        return
    if not paths.notes_path.exists():
        return
    with archive.searcher() as searcher:
        reanchor_articles(paths.notes_path, changed_ids, searcher.article)


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    archive = _archive(paths)
    sources = archive.sources()
    with archive.searcher() as searcher:
        rows = [{"id": a.id, "title": a.title, "tags": a.tags, **_sources(a, sources)} for a in searcher.articles()]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']}  {row['title']}")
    return 0


def _sources(article, sources: dict[str, list[str]]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """`source` (the file indexed) and `sources` (every file holding the same text)."""
    held = sources.get(article.id) or [article.source]
    return {"source": held[0], "sources": held}


def article_json(article, sources: dict[str, list[str]] | None = None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": article.id, "title": article.title, "lead": article.lead, "text": article.text,
        "tags": article.tags, "category": article.category, **_sources(article, sources or {}),
        "url": article.url, "code": article.code,
        "date": article.date.isoformat() if article.date else None,
    }


def run_similar(args: argparse.Namespace, paths: DataPaths) -> int:
    archive = _archive(paths)
    with archive.searcher() as searcher:
        if searcher.article(args.id) is None:
            print_error(BayeganError(f"No article with id {args.id}.", f"خبری با شناسهٔ {args.id} نیست."))
            return 1
        rows = [{"id": other, "title": article.title, "score": round(score, 3)}
                for other, score in archive.similar(args.id) if (article := searcher.article(other)) is not None]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']}  {row['score']:.2f}  {row['title']}")
    return 0


def run_show(args: argparse.Namespace, paths: DataPaths) -> int:
    archive = _archive(paths)
    with archive.searcher() as searcher:
        article = searcher.article(args.id)
    if article is None:
        print_error(BayeganError(f"No article with id {args.id}.", f"خبری با شناسهٔ {args.id} نیست."))
        return 1
    if args.json:
        print_json(article_json(article, archive.sources()))
    else:
        print(article.title)
        print()
        print(article.text)
        if article.tags:
            print()
            print("برچسب‌ها: " + "، ".join(article.tags))
    return 0


def run_search(args: argparse.Namespace, paths: DataPaths) -> int:
    with _archive(paths).searcher() as searcher:
        if args.stdin:
            for line in sys.stdin:
                query = line.rstrip("\n")
                started = time.perf_counter()
                try:
                    result = searcher.search(query, args.tag, args.limit, args.sort)
                    print_json({"query": query, "hits": [h.as_json() for h in result.hits],
                                "total": result.total,
                                "took_ms": round((time.perf_counter() - started) * 1000, 2)}, compact=True)
                except BayeganError as exc:
                    print_json({"query": query, "error": exc.en}, compact=True)
            return 0
        if args.query is None:
            print_error(QueryError("Give a QUERY, or --stdin.", "عبارت جست‌وجو یا ‎--stdin‎ را بدهید."))
            return 2
        try:
            result = searcher.search(args.query, args.tag, args.limit, args.sort)
        except QueryError as exc:
            if args.json:
                print_json({"query": args.query, "error": exc.en})
            else:
                print_error(exc)
            return 1
    if args.json:
        payload: dict[str, object] = {"hits": [h.as_json() for h in result.hits], "total": result.total}
        if result.suggestion:
            payload["suggestion"] = result.suggestion
        payload["facets"] = [{"tag": t, "count": c} for t, c in result.facets[:50]]
        print_json(payload)
    else:
        print(f"{result.total} results")
        if result.suggestion:
            print(f"did you mean: {result.suggestion}")
        for hit in result.hits:
            print(f"{hit.id}  {hit.score:.2f}  {hit.title}")
    return 0


def run_tags(args: argparse.Namespace, paths: DataPaths) -> int:
    with _archive(paths).searcher() as searcher:
        counts = searcher.tag_counts()
    if args.json:
        print_json([{"tag": tag, "count": count} for tag, count in counts])
    else:
        for tag, count in counts:
            print(f"{count:6d}  {tag}")
    return 0
