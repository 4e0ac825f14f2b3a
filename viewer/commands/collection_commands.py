"""collections create|add|remove|delete|list|show: a question's corpus, kept beside the notes."""

from __future__ import annotations

import argparse

from viewer.app.library import Library
from viewer.commands.named_lists import change_and_say, name_action
from viewer.commands.output import Subcommands, print_rows
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    top = subparsers.add_parser("collections", help="collections of articles (a question's corpus)",
                                description="Named lists of articles. Names may be Persian; two names that differ "
                                "only in ي/ی, ك/ک, a zero-width non-joiner or a space, digits or case are one name. "
                                "A collection is a search filter: search --collection NAME.")
    actions = top.add_subparsers(dest="action", metavar="ACTION", required=True)
    name_action(actions, "create", "make an empty collection", run_create)
    for action, helptext, done in (("add", "add articles by id (all must be in the archive)", "added"),
                                   ("remove", "take articles out by id", "removed")):
        p = name_action(actions, action, helptext, run_add_or_remove)
        p.add_argument("ids", nargs="+", metavar="ID")
        p.set_defaults(done=done)
    name_action(actions, "delete", "delete a collection (its articles stay in the archive)", run_delete)
    p = actions.add_parser("list", help="every collection with its number of articles")
    p.add_argument("--json", action="store_true", help='print [{"name", "count"}]')
    p.set_defaults(handler=run_list)
    p = name_action(actions, "show", "the articles of a collection, in the order they were added", run_show)
    p.add_argument("--json", action="store_true", help='print [{"id", "title"}] (title null: no longer in the archive)')


def run_create(args: argparse.Namespace, paths: DataPaths) -> int:
    return change_and_say(paths, lambda library: library.collections.create(args.name), lambda name: f"created: {name}")


def run_add_or_remove(args: argparse.Namespace, paths: DataPaths) -> int:
    def change(library: Library) -> int:
        collections = library.collections
        return (collections.add if args.action == "add" else collections.remove)(args.name, args.ids)

    return change_and_say(paths, change, lambda count: f"{args.done} {count}")


def run_delete(args: argparse.Namespace, paths: DataPaths) -> int:
    return change_and_say(paths, lambda library: library.collections.delete(args.name), lambda _: "deleted")


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
