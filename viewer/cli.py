"""`bayegan`: with no arguments it opens the window; subcommands script everything else."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from viewer import __version__
from viewer.commands import (
    archive_commands,
    collection_commands,
    discourse_commands,
    export_commands,
    gui_command,
    lab_commands,
    list_export_command,
    notes_commands,
    saved_commands,
)
from viewer.commands.output import print_error
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths

COMMAND_MODULES = (archive_commands, notes_commands, export_commands, gui_command, collection_commands,
                   saved_commands, list_export_command, discourse_commands, lab_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bayegan",
        description="Bayegan (بایگان): an offline archive viewer for Persian news articles. "
        "With no command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"bayegan {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="keep the index, notes, settings and logs in DIR "
                        "(also BAYEGAN_DATA_DIR; default: the user data folder)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        try:
            args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "gui"])
        except SystemExit:
            parser.print_help()
            return 0
    if isinstance(sys.stdin, io.TextIOWrapper):  # a query file in another encoding must not stop --stdin
        sys.stdin.reconfigure(errors="replace")
    paths: DataPaths | None = None
    try:
        paths = DataPaths.resolve(args.data_dir)
        return int(args.handler(args, paths))
    except BayeganError as exc:
        print_error(exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last resort: the traceback goes to the log, never to the user
        from viewer.core.logging_setup import log_unexpected

        print_error(log_unexpected(paths or DataPaths.resolve(), exc, f"bayegan {args.command}"))
        return 1
