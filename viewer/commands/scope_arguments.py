"""`--from`, `--to`, `--collection`, `--with-notes`: what a search is limited to, for every command
that searches."""

from __future__ import annotations

import argparse

from viewer.app.scope import Scope


def add_scope_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="only articles dated on or after DATE: Jalali 1402/05/01 (or ۱۴۰۲/۰۵/۰۱), "
                        "Gregorian 2023-07-23, or a month (1402/05) or year")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="only articles dated on or before DATE")
    parser.add_argument("--collection", metavar="NAME", help="only the articles of collection NAME")
    parser.add_argument("--with-notes", action="store_true", help="only articles with notes")


def scope_of(args: argparse.Namespace) -> Scope:
    return Scope(args.date_from, args.date_to, args.collection, args.with_notes)
