"""Writes the manual page bayegan(1) from the command's own argparse help, so it never drifts from it.

    python packaging/make_manpage.py OUT.1      # the date is SOURCE_DATE_EPOCH's (reproducible)
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from pathlib import Path

from viewer import __version__
from viewer.cli import build_parser

WIDTH = "78"


def roff(text: str) -> str:
    """Plain help text as literal roff lines (Persian words kept: man-db reads UTF-8 pages)."""
    lines = []
    for line in text.rstrip().splitlines():
        line = line.replace("\\", "\\e").replace("-", "\\-")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public accessor for subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def page(parser: argparse.ArgumentParser, date: str) -> str:
    description = re.sub(r"\s+", " ", parser.description or "").strip()
    parts = [
        f'.TH BAYEGAN 1 "{date}" "bayegan {__version__}" "User Commands"',
        ".SH NAME",
        "bayegan \\- offline archive viewer for Persian news articles",
        ".SH SYNOPSIS",
        ".B bayegan",
        "[\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR...]]",
        ".SH DESCRIPTION",
        roff(description),
        ".SH OPTIONS",
        ".nf",
        roff(parser.format_help()),
        ".fi",
        ".SH COMMANDS",
    ]
    for name, sub in sorted(subcommands(parser).items()):
        parts += [f".SS {roff(name)}", ".nf", roff(sub.format_help()), ".fi"]
        for sub_name, nested in sorted(subcommands(sub).items()):
            parts += [f".SS {roff(name)} {roff(sub_name)}", ".nf", roff(nested.format_help()), ".fi"]
    parts += [
        ".SH ENVIRONMENT",
        ".TP",
        ".B BAYEGAN_DATA_DIR",
        "the data folder, as \\fB\\-\\-data\\-dir\\fR",
        ".SH FILES",
        "The index, notes (\\fInotes.sqlite3\\fR), settings and logs live in the user data folder,",
        "\\fI~/.local/share/Bayegan\\fR, unless \\fB\\-\\-data\\-dir\\fR moves them.",
        ".SH SEE ALSO",
        "The README in \\fI/usr/share/doc/bayegan\\fR.",
    ]
    return "\n".join(parts) + "\n"


def main(out: Path) -> int:
    os.environ["COLUMNS"] = WIDTH  # argparse wraps help to the terminal; the page must not depend on it
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    date = datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%d")
    out.write_text(page(build_parser(), date), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
