"""The folders and files this archive was ever synced from, kept apart from the index so that a
rebuilt index (new analyzer, damage) can be refilled from all of them, not just the last ones."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

ROOTS_NAME = "bayegan-roots.json"


def load_roots(index_dir: Path) -> list[Path]:
    try:
        return [Path(p) for p in json.loads((index_dir / ROOTS_NAME).read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def save_roots(index_dir: Path, roots: Iterable[Path]) -> None:
    unique = sorted({str(Path(r)) for r in roots})
    temporary = index_dir / (ROOTS_NAME + ".tmp")
    temporary.write_text(json.dumps(unique, ensure_ascii=False), "utf-8")
    os.replace(temporary, index_dir / ROOTS_NAME)
