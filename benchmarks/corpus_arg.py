"""The `--corpus DIR` argument both benchmarks take: a folder of the public dataset's JSON files."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = ("folder holding the public dataset's fars-news-*.json and varzesh3-*.json (see benchmarks/README.md); "
        "tests/data/corpus/news-json is a 904-article subset for a quick try")


def corpus_folder(value: str) -> Path:
    folder = Path(value)
    if not any(folder.glob("*.json")):
        raise argparse.ArgumentTypeError(f"no *.json files in {folder}: see benchmarks/README.md for the dataset")
    return folder


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=corpus_folder, required=True, metavar="DIR", help=HELP)
