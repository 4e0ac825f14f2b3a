"""export-pdf: articles with their highlights and notes as one PDF."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from viewer.commands.output import TerminalProgress, print_json
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "export-pdf", help="export articles with their highlights and notes as a PDF",
        description="Write articles to one A4, right-to-left PDF: each article from a new page with its "
        "source, news code, URL, dates and tags, highlights in their colours, numbered notes with their "
        "replies as endnotes, and a bookmark. Choose the articles by ID, by --query (with --tag), or "
        "--all-with-notes.")
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids (see `bayegan list` / `search --json`)")
    p.add_argument("--query", metavar="Q", help="export every article that matches the search Q, in result order")
    p.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help="only articles with TAG (repeatable; alone, every article with the tags)")
    p.add_argument("--all-with-notes", action="store_true", help="export every article that has notes")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF to write")
    p.add_argument("--without-notes", action="store_true", help="leave out highlights and notes")
    p.add_argument("--title", metavar="TEXT", help="the PDF's document title (default: the article's title)")
    p.add_argument("--author", metavar="NAME", help="the PDF's author (default: the notes' author name, else your user name)")
    p.add_argument("--json", action="store_true", help="print {path, articles, pages, notes} as JSON")
    p.set_defaults(handler=run_export_pdf)


def _choose_articles(args: argparse.Namespace, paths: DataPaths):  # type: ignore[no-untyped-def]
    from viewer.analysis.normalize import normalize_tag
    from viewer.export.notes_source import article_ids_with_notes
    from viewer.search.archive import Archive

    chosen = sum(bool(x) for x in (args.ids, args.query is not None or args.tag, args.all_with_notes))
    if chosen != 1:
        raise BayeganError("Give article IDs, or --query/--tag, or --all-with-notes (one of them).",
                           "شناسهٔ خبرها، یا ‎--query/--tag‎، یا ‎--all-with-notes‎ را بدهید (فقط یکی).")
    with Archive(paths.ensure()).searcher() as searcher:
        if args.ids:
            articles = [searcher.article(i) for i in args.ids]
            missing = [i for i, a in zip(args.ids, articles, strict=True) if a is None]
            if missing:
                raise BayeganError(f"No article with id {', '.join(missing)}.", f"خبری با شناسهٔ {'، '.join(missing)} نیست.")
            return articles
        if args.all_with_notes:
            ids = article_ids_with_notes(paths.notes_path, paths.backups_dir)
            found = [a for a in (searcher.article(i) for i in ids) if a is not None]
            if not found:
                raise BayeganError("No article has notes.", "هیچ خبری یادداشت ندارد.")
            return sorted(found, key=lambda a: (a.date is None, a.date, a.title))
        if args.query is not None:
            first = searcher.search(args.query, args.tag, limit=1)
            result = searcher.search(args.query, args.tag, limit=max(1, first.total))
            found = [a for a in (searcher.article(h.id) for h in result.hits) if a is not None]
        else:
            wanted = {normalize_tag(t) for t in args.tag}
            found = [a for a in searcher.articles() if wanted <= {normalize_tag(t) for t in a.tags}]
        if not found:
            raise BayeganError("No article matches.", "هیچ خبری پیدا نشد.")
        return found


def _researcher_name(paths: DataPaths) -> str | None:
    """The name the window asked for when the first note was written (settings' "author"), if any."""
    try:
        settings = json.loads(paths.settings_path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    name = settings.get("author") if isinstance(settings, dict) else None
    return name if isinstance(name, str) and name.strip() else None


def run_export_pdf(args: argparse.Namespace, paths: DataPaths) -> int:
    articles = _choose_articles(args, paths)
    notes = {}
    if not args.without_notes:
        from viewer.export.notes_source import load_notes

        notes = load_notes(paths.notes_path, paths.backups_dir, [a.id for a in articles])
    from viewer.export.pdf import export_pdf  # makes an offscreen QGuiApplication when there is no display

    report = export_pdf(articles, notes, args.out, with_notes=not args.without_notes, progress=TerminalProgress(),
                        title=args.title, author=args.author or _researcher_name(paths))
    note_count = sum(len(n) for n in notes.values())
    if args.json:
        print_json({"path": str(Path(report.path).resolve()), "articles": len(articles), "pages": report.pages,
                    "notes": note_count})
    else:
        print(f"wrote {report.path}: {len(articles)} articles, {report.pages} pages, {note_count} notes")
    return 0
