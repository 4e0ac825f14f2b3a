"""Helpers for the fault tests: their seeded random source, and small archives cut from the real corpus in
tests/data. The command run as a child is in child_cli.py, what an index holds in indexes.py."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from tests.conftest import CORPUS_DIR, SEED, data_file

DEFAULT_FAULT_SEED = 14


def fault_rng(test: str) -> tuple[random.Random, int]:
    """The random source of one fault test and its seed, printed (pytest shows it when the test fails).
    Every run draws the same choices; BAYEGAN_FAULT_SEED=N replays or varies them."""
    seed = int(os.environ.get("BAYEGAN_FAULT_SEED", DEFAULT_FAULT_SEED))
    print(f"{test}: random seed {seed} (BAYEGAN_FAULT_SEED={seed} repeats this run)")
    return random.Random(seed), seed


def corpus_file(name: str) -> Path:
    """A file of the corpus in tests/data (a missing one fails the test)."""
    return data_file(CORPUS_DIR / name)


def seed_text() -> str:
    return data_file(SEED).read_text("utf-8")


def corpus_items(name: str, count: int) -> list[dict[str, object]]:
    items = json.loads(corpus_file(name).read_text("utf-8"))
    return items[:count]


def write_archive(folder: Path, items: list[dict[str, object]], per_file: int) -> list[Path]:
    """`items` as JSON files of `per_file` articles each: the archive a researcher points us at."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, len(items), per_file):
        path = folder / f"part-{start // per_file:03d}.json"
        path.write_text(json.dumps(items[start:start + per_file], ensure_ascii=False), "utf-8")
        files.append(path)
    return files
