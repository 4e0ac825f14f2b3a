"""What the commands on named lists (collections, saved searches) share: actions on a NAME, and changes
made on the Library and then said."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from viewer.app.library import Library
from viewer.commands.output import Subcommands
from viewer.core.paths import DataPaths

type Handler = Callable[[argparse.Namespace, DataPaths], int]


def name_action(actions: Subcommands, action: str, helptext: str, handler: Handler) -> argparse.ArgumentParser:
    """The subcommand `action` taking the list's NAME, run by `handler`; the caller adds its other arguments."""
    parser = actions.add_parser(action, help=helptext)
    parser.add_argument("name", metavar="NAME")
    parser.set_defaults(handler=handler)
    return parser


def change_and_say[Done](paths: DataPaths, change: Callable[[Library], Done], said: Callable[[Done], str]) -> int:
    """`change` made on the Library at `paths`, then `said` of what it returned printed: the exit code (0)."""
    with Library(paths) as library:
        done = change(library)
    print(said(done))
    return 0
