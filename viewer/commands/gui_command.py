"""`bayegan gui` (and `bayegan` alone): the window. Qt is imported only when the command runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from viewer.commands.output import Subcommands
from viewer.core.paths import DataPaths


def register(subparsers: Subcommands) -> None:
    p = subparsers.add_parser("gui", help="open the window (the default with no command)",
                              description="Open the Bayegan window. With --screenshot, render it offscreen in the "
                              "given state, save a PNG once the results and the article are shown, and exit.")
    p.add_argument("--query", metavar="Q", default=None, help="search for Q at start")
    p.add_argument("--open", metavar="ID", dest="open_id", default=None, help="show the article ID at start")
    p.add_argument("--theme", choices=("light", "dark"), default=None, help="colour theme (remembered)")
    p.add_argument("--lang", choices=("fa", "en"), default=None, help="interface language (remembered)")
    p.add_argument("--screenshot", metavar="FILE", type=Path, default=None,
                   help="render offscreen, save the window as a PNG to FILE and exit")
    p.add_argument("--size", metavar="WxH", type=window_size, default=None,
                   help="with --screenshot: the window's size, e.g. 1024x600 (default 1440x900)")
    p.set_defaults(handler=run_gui_command)


def window_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 320 <= int(width) <= 8000 and 240 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError(f"not a window size such as 1024x600: {text!r}")
    return int(width), int(height)


def run_gui_command(args: argparse.Namespace, paths: DataPaths) -> int:
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from viewer.gui.app import run_gui

    return run_gui(paths, query=args.query, open_id=args.open_id, theme=args.theme, language=args.lang,
                   screenshot=args.screenshot, screenshot_size=args.size)
