"""Printing for the subcommands: JSON that keeps Persian readable, messages on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from viewer.core.errors import BayeganError

# What `add_subparsers()` gives each command module's `register`: argparse names no public type for it.
type Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

# Characters a terminal acts on instead of showing: control characters (a newline in a file name
# would start a forged line) and the bidi embeddings, overrides and isolates (U+202E turns
# "txt.exe" around). Printed as escapes instead; marks a Persian text needs (ZWNJ, RLM) stay.
_ACTED_ON = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {code: ascii(chr(code))[1:-1] for code in _ACTED_ON}


def printable(text: str) -> str:
    """`text` (a path, or a message that may quote one) as a terminal line shows it: one line, in order."""
    return text.translate(_ESCAPES)


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
    sys.stderr.write(f"bayegan: {printable(error.en)}\nبایگان: {printable(error.fa)}\n")


class TerminalProgress:
    """A one-line progress display on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.counted = "articles"  # what done and total count: a sync that read scans counts their pages too

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.enabled and total:
            sys.stderr.write(f"\r{done}/{total} {self.counted} {printable(path)[-50:]:<50}")
            if done == total and not path:  # the last report: every article read
                sys.stderr.write("\n")
            sys.stderr.flush()

    def page(self, done: int, total: int, path: str, page: int, pages: int) -> None:
        """A scan's page about to be read by OCR (a page takes seconds: the line says which)."""
        self.counted = "articles and pages"
        if self.enabled and total:
            sys.stderr.write(f"\r{done}/{total} OCR page {page} of {pages} — {printable(PurePath(path).name)[-40:]:<40}")
            sys.stderr.flush()
