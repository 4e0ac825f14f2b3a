"""`bayegan notes ...`: highlights, comments and replies from the command line; W3C export and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.app.library import Library
from viewer.app.note_exchange import NOTES_FORMATS
from viewer.commands.output import Subcommands, print_json, print_rows, printable
from viewer.core.annotation import Annotation
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths

NOTES_HELP = """\
Notes live in notes.sqlite3 in the data folder (WAL, one transaction per edit, a backup a day in
backups/, the last seven kept, and one after changes, at closing and every 25 edits, the last five
kept). Offsets are Python character offsets into the `text` that `bayegan show ID --json` prints.
Ids of notes are urn:uuid:... strings.

  bayegan notes add ID --start S --end E [--note TEXT] [--color C]   highlight text[S:E] (with a note)
  bayegan notes add ID --note TEXT                                   comment on the whole article
  bayegan notes reply NOTE_ID TEXT                                   reply to a note or to a reply
  bayegan notes edit NOTE_ID [--note TEXT] [--color C]
  bayegan notes delete NOTE_ID                                       deletes its replies too
  bayegan notes list [ID] [--json]                                   threads in text order
  bayegan notes search WORDS [--json]                                note text, Persian spellings folded
  bayegan notes export [FILE] [--format markdown]                    W3C Web Annotation JSON-LD (stdout without FILE),
                                                                     or Markdown for writing
  bayegan notes import FILE [--json]                                 merge a colleague's export; prints a JSON summary
  bayegan notes backups [--json]                                     the daily backups (and copies made before restores)
  bayegan notes restore BACKUP                                       restore a backup (name, date or path); the
                                                                     current notes are copied aside first

Deleted notes are purged for good 30 days after their deletion.
The author is --author, else "author" in settings.json, else the login name."""


def register(subparsers: Subcommands) -> None:
    notes = subparsers.add_parser("notes", help="highlights, comments and replies; W3C export/import",
                                  description=NOTES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = notes.add_subparsers(dest="notes_command", metavar="NOTES_COMMAND", required=True)

    p = commands.add_parser("add", help="highlight a passage (optionally with a note) or comment on an article",
                            description="Highlight text[START:END] of article ID, with --note a comment on it; "
                            "without --start/--end, --note comments on the whole article. Prints the new note's id.")
    p.add_argument("article_id", metavar="ID")
    p.add_argument("--start", type=int, metavar="S", help="first character (offset into show --json's text)")
    p.add_argument("--end", type=int, metavar="E", help="one past the last character")
    p.add_argument("--note", default="", metavar="TEXT", help="the note's text")
    p.add_argument("--color", default="", metavar="C",
                   help="highlight colour: yellow, green, blue, pink, orange (or زرد، سبز، آبی، صورتی، نارنجی), "
                        "another CSS colour name, or #rrggbb")
    _author_and_json(p)
    p.set_defaults(handler=run_add)

    p = commands.add_parser("reply", help="reply to a note or a reply", description="Reply to NOTE_ID. Prints the reply's id.")
    p.add_argument("parent_id", metavar="NOTE_ID")
    p.add_argument("text", metavar="TEXT")
    _author_and_json(p)
    p.set_defaults(handler=run_reply)

    p = commands.add_parser("edit", help="change a note's text or colour", description="Change a note's text or colour.")
    p.add_argument("annotation_id", metavar="NOTE_ID")
    p.add_argument("--note", default=None, metavar="TEXT")
    p.add_argument("--color", default=None, metavar="C", help="as for notes add: a palette name, a CSS colour name or #rrggbb")
    p.add_argument("--json", action="store_true", help="print the edited note as JSON")
    p.set_defaults(handler=run_edit)

    p = commands.add_parser("delete", help="delete a note and its replies", description="Delete a note and its replies.")
    p.add_argument("annotation_id", metavar="NOTE_ID")
    p.set_defaults(handler=run_delete)

    p = commands.add_parser("list", help="notes of one article, or of all, in text order",
                            description="List notes: of article ID, or of every article; threads in text order.")
    p.add_argument("article_id", nargs="?", default=None, metavar="ID")
    p.add_argument("--orphans", action="store_true", help="only notes that could not be placed")
    p.add_argument("--json", action="store_true", help="print a JSON list of notes (with depth in their thread)")
    p.set_defaults(handler=run_list)

    p = commands.add_parser("search", help="find notes by their text", description="Notes whose text or passage holds every word.")
    p.add_argument("query", metavar="WORDS")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_search)

    p = commands.add_parser("export", help="write every note as W3C Web Annotation JSON-LD (or Markdown)",
                            description="Write every note as a W3C Web Annotation AnnotationCollection "
                            "(@context http://www.w3.org/ns/anno.jsonld) to FILE, or to stdout. A note's target is "
                            "its article's URL, else urn:bayegan:article:ID. --format markdown writes, per article, "
                            "its title, each quoted passage, the note and its replies.")
    p.add_argument("file", nargs="?", type=Path, default=None, metavar="FILE")
    p.add_argument("--format", choices=NOTES_FORMATS, default="jsonld")
    p.set_defaults(handler=run_export)

    p = commands.add_parser("import", help="merge a colleague's W3C Web Annotation export",
                            description="Merge a W3C Web Annotation file (an annotation, a list, or an "
                            "AnnotationCollection with items or pages). Articles are found by URL, news code, "
                            "Bayegan IRI or id, then by the quoted passage. What the model forbids is refused per "
                            "annotation, naming the field; the rest is merged in one transaction. A note edited on "
                            "both sides keeps both texts. Prints {added, updated, skipped, conflicts, orphaned, "
                            "refused: [{annotation, field, reason, reason_fa}], warnings: [{annotation, field, reason}]}. "
                            "Exit 3 when any annotation was refused (the others are merged).")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the summary as JSON (the default)")
    p.set_defaults(handler=run_import)

    p = commands.add_parser("backups", help="list the notes backups", description="List the daily backups of the "
                            "notes (the last seven), those after changes (the last five) and the copies made before a restore.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_backups)

    p = commands.add_parser("restore", help="restore a notes backup", description="Replace the notes with BACKUP "
                            "(a name from `notes backups`, a date YYYY-MM-DD, or a path). The current notes are "
                            "copied to backups/before-restore-TIME.sqlite3 first.")
    p.add_argument("backup", metavar="BACKUP")
    p.set_defaults(handler=run_restore)


def _author_and_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--author", default=None, metavar="NAME", help="the author (default: settings, else login name)")
    p.add_argument("--json", action="store_true", help="print the new note as JSON")


def annotation_json(a: Annotation, depth: int = 0) -> dict[str, object]:
    return {
        "id": a.id, "article_id": a.article_id, "motivation": a.motivation.value, "body": a.body, "color": a.color,
        "exact": a.quote.exact if a.quote else None,
        "start": a.position.start if a.position else None, "end": a.position.end if a.position else None,
        "parent_id": a.parent_id, "depth": depth, "creator": a.creator, "created": a.created, "modified": a.modified,
        "orphaned": a.orphaned,
    }


def _print_note(args: argparse.Namespace, note: Annotation) -> None:
    if args.json:
        print_json(annotation_json(note))
    else:
        print(note.id)


def run_add(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        library.require_articles([args.article_id])  # an unknown article is reported before the arguments
        if args.start is None and args.end is None:
            if not args.note.strip():
                raise BayeganError("Give --start and --end to highlight, or --note to comment on the article.",
                                   "برای برجسته‌سازی ‎--start‎ و ‎--end‎ و برای یادداشت بر کل خبر ‎--note‎ را بدهید.")
            note = library.add_comment(args.article_id, args.note, color=args.color, author=args.author)
        elif args.start is None or args.end is None:
            raise BayeganError("Give both --start and --end.", "هر دو ‎--start‎ و ‎--end‎ را بدهید.")
        else:
            note = library.add_highlight(args.article_id, args.start, args.end, body=args.note,
                                         color=args.color, author=args.author)
    _print_note(args, note)
    return 0


def run_reply(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        note = library.reply(args.parent_id, args.text, author=args.author)
    _print_note(args, note)
    return 0


def run_edit(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        edit = library.notes.edit(args.annotation_id, body=args.note, color=args.color)
    _print_note(args, edit.after)
    return 0


def run_delete(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        ids = library.notes.delete(args.annotation_id)
    print(f"deleted {len(ids)}")
    return 0


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        if args.orphans:
            rows = [(0, a) for a in library.notes.orphans() if args.article_id in (None, a.article_id)]
        else:
            rows = [pair for thread in library.threads(args.article_id or None) for pair in thread.walk()]
    if args.json:
        print_json([annotation_json(a, depth) for depth, a in rows])
        return 0
    for depth, a in rows:
        where = "orphan" if a.orphaned else f"{a.position.start}-{a.position.end}" if a.position else a.motivation.value
        quote = f" «{a.quote.exact[:40]}»" if a.quote and depth == 0 else ""
        print(f"{'  ' * depth}{a.id}  {a.article_id}  {where}{quote}  {a.creator}: {a.body}")
    return 0


def run_search(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        found = library.notes.search(args.query)
    return print_rows(found, args.json, annotation_json, lambda a: f"{a.id}  {a.article_id}  {a.creator}: {a.body}")


def run_export(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        if args.file is None:
            text, _count = library.notes_text(args.format)
            sys.stdout.write(text)
            sys.stdout.flush()
            return 0
        count = library.export_notes(args.file, args.format)
    print(f"exported {count} notes to {printable(str(args.file))}", file=sys.stderr)
    return 0


IMPORT_REFUSED_EXIT = 3  # 1 is an error that changed nothing, 2 a usage error


def run_import(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        report = library.import_notes(args.file)
    print_json(report.as_json())
    if report.refused:  # the rest is merged; the exit code lets a script tell that something was left out
        count = len(report.refused)
        sys.stderr.write(f"bayegan: {count} annotation(s) refused, not imported (see \"refused\" above).\n"
                         f"بایگان: {count} یادداشت رد شد و وارد نشد (بخش «refused» در بالا را ببینید).\n")
        return IMPORT_REFUSED_EXIT
    return 0


def run_backups(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        found = library.notes_backups()
    if args.json:
        print_json([b.as_json() for b in found])
        return 0
    for b in found:
        print(f"{b.path.name}  {b.kind}  {'?' if b.notes is None else b.notes} notes")
    return 0


def run_restore(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        restored = library.restore_notes(args.backup)
    previous = f"; the previous notes are in {restored.previous.name}" if restored.previous else ""
    print(f"restored {restored.count} notes from {restored.backup.name}{previous}")
    return 0
