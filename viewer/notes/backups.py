"""Rotating daily copies of the notes database (SQLite's online backup API: consistent while in use)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date
from pathlib import Path

from viewer.core.atomic_write import atomic_replace

KEEP_BACKUPS = 7
PREFIX = "notes-"
SUFFIX = ".sqlite3"


def backup_files(backups_dir: Path) -> list[Path]:
    """Existing backups, oldest first (the names sort by date)."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(f"{PREFIX}????-??-??{SUFFIX}"))


def daily_backup(db: sqlite3.Connection, backups_dir: Path, today: date | None = None, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy the database once per day into `backups_dir`, keeping the newest `keep` copies.

    Returns the new copy, or None when today's copy already exists. Written to a temporary name and
    renamed, so a crash mid-copy never leaves a broken backup that looks whole.
    """
    day = today or date.today()
    target = backups_dir / f"{PREFIX}{day.isoformat()}{SUFFIX}"
    if target.exists():
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    with atomic_replace(target) as partial:
        copy = sqlite3.connect(partial)
        try:
            db.backup(copy)
        finally:
            copy.close()
    for old in backup_files(backups_dir)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target
