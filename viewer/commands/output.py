"""Printing for the subcommands: JSON that keeps Persian readable, messages on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from viewer.core.errors import BayeganError

# What `add_subparsers()` gives each command module's `register`: argparse names no public type for it.
type Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def print_json(value: Any, *, compact: bool = False) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=None if compact else 2, default=str)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_rows[Row](rows: Sequence[Row], as_json: bool, json_of: Callable[[Row], object], line_of: Callable[[Row], str]) -> int:
    """A listing: one JSON list (`--json`), else a line a row. The command's exit code (0)."""
    if as_json:
        print_json([json_of(row) for row in rows])
    else:
        for row in rows:
            print(line_of(row))
    return 0


def print_error(error: BayeganError) -> None:
    sys.stderr.write(f"bayegan: {error.en}\nبایگان: {error.fa}\n")


class TerminalProgress:
    """A one-line progress display on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.enabled and total:
            sys.stderr.write(f"\r{done}/{total} articles {path[-50:]:<50}")
            if done == total and not path:  # the last report: every article read
                sys.stderr.write("\n")
            sys.stderr.flush()
