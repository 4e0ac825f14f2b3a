"""collections create|add|remove|delete|list|show: a question's corpus, kept beside the notes."""

from __future__ import annotations

import argparse

from viewer.app.library import Library
from viewer.commands.output import Subcommands, print_rows
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    top = subparsers.add_parser("collections", help="collections of articles (a question's corpus)",
                                description="Named lists of articles. Names may be Persian; two names that differ "
                                "only in ي/ی, ك/ک, a zero-width non-joiner or a space, digits or case are one name. "
                                "A collection is a search filter: search --collection NAME.")
    actions = top.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("create", help="make an empty collection")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=run_create)
    for action, helptext, done in (("add", "add articles by id (all must be in the archive)", "added"),
                                   ("remove", "take articles out by id", "removed")):
        p = actions.add_parser(action, help=helptext)
        p.add_argument("name", metavar="NAME")
        p.add_argument("ids", nargs="+", metavar="ID")
        p.set_defaults(handler=run_add_or_remove, done=done)
    p = actions.add_parser("delete", help="delete a collection (its articles stay in the archive)")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=run_delete)
    p = actions.add_parser("list", help="every collection with its number of articles")
    p.add_argument("--json", action="store_true", help='print [{"name", "count"}]')
    p.set_defaults(handler=run_list)
    p = actions.add_parser("show", help="the articles of a collection, in the order they were added")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help='print [{"id", "title"}] (title null: no longer in the archive)')
    p.set_defaults(handler=run_show)


def run_create(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        print(f"created: {library.collections.create(args.name)}")
    return 0


def run_add_or_remove(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        change = library.collections.add if args.action == "add" else library.collections.remove
        print(f"{args.done} {change(args.name, args.ids)}")
    return 0


def run_delete(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        library.collections.delete(args.name)
    print("deleted")
    return 0


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        rows = library.collections.all()
    return print_rows(rows, args.json, lambda row: {"name": row.name, "count": row.count},
                      lambda row: f"{row.count:6d}  {row.name}")


def run_show(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        entries = library.collections.entries(args.name)
    return print_rows(entries, args.json, lambda entry: {"id": entry.id, "title": entry.title},
                      lambda entry: f"{entry.id}  {entry.title if entry.title is not None else '(not in the archive)'}")
