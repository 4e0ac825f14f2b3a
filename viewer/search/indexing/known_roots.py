"""The folders and files this archive was ever synced from, kept apart from the index so that a
rebuilt index (new analyzer, damage) can be refilled from all of them, not just the last ones."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from viewer.core.atomic_write import write_text_atomically

ROOTS_NAME = "bayegan-roots.json"


def load_roots(index_dir: Path) -> list[Path]:
    try:
        return [Path(p) for p in json.loads((index_dir / ROOTS_NAME).read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def save_roots(index_dir: Path, roots: Iterable[Path]) -> None:
    unique = sorted({str(Path(r)) for r in roots})
    write_text_atomically(index_dir / ROOTS_NAME, json.dumps(unique, ensure_ascii=False))
