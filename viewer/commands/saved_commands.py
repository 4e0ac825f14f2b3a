"""saved add|list|open|delete: searches kept under a name, each telling how many matches are new."""

from __future__ import annotations

import argparse

from viewer.app.library import Library
from viewer.commands.archive_commands import print_result
from viewer.commands.named_lists import change_and_say, name_action
from viewer.commands.output import Subcommands, print_rows
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    top = subparsers.add_parser("saved", help="saved searches and their new matches",
                                description="Searches kept under a name. `new` counts the matches that were not "
                                "there when the search was last opened (or saved), after any re-indexing.")
    actions = top.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = name_action(actions, "add", "save a search (what it finds now counts as seen)", run_add)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only articles with TAG (repeatable)")
    p = actions.add_parser("list", help="every saved search with its total and new matches")
    p.add_argument("--json", action="store_true", help='print [{"name", "query", "tags", "total", "new"}]')
    p.set_defaults(handler=run_list)
    p = name_action(actions, "open", "run a saved search (its new count goes back to 0)", run_open)
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to return (default 10)")
    p.add_argument("--json", action="store_true", help="print the search's JSON, as search --json does")
    name_action(actions, "delete", "forget a saved search", run_delete)


def run_add(args: argparse.Namespace, paths: DataPaths) -> int:
    return change_and_say(paths, lambda library: library.saved_searches.add(args.name, args.query, args.tag),
                          lambda saved: f"saved: {saved.name}")


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        rows = library.saved_searches.all()
    return print_rows(rows, args.json, lambda row: row.as_json(),
                      lambda row: f"{row.total:6d} {row.new:6d} new  {row.name}  ({row.query})")


def run_open(args: argparse.Namespace, paths: DataPaths) -> int:
    with Library(paths) as library:
        result = library.saved_searches.open(args.name, limit=args.limit)
    print_result(result, as_json=args.json)
    return 0


def run_delete(args: argparse.Namespace, paths: DataPaths) -> int:
    return change_and_say(paths, lambda library: library.saved_searches.delete(args.name), lambda _: "deleted")
