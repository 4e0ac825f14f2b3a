"""Listing the notes backups and restoring one, safely: the current notes are copied aside first."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from viewer.notes.backups import PREFIX, SUFFIX, backup_files
from viewer.notes.errors import NotesError

SAFETY_PREFIX = "before-restore-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str  # "daily", or "before-restore" (the notes as they were when a backup was restored)
    notes: int | None  # None when the copy cannot be read

    def as_json(self) -> dict[str, object]:
        return {"name": self.path.name, "path": str(self.path), "kind": self.kind, "notes": self.notes,
                "bytes": self.path.stat().st_size}


def _count(path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT COUNT(*) FROM annotations WHERE deleted IS NULL").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Daily backups (oldest first), then the copies made before restores."""
    daily = [BackupInfo(p, "daily", _count(p)) for p in backup_files(backups_dir)]
    safety = sorted(backups_dir.glob(f"{SAFETY_PREFIX}*{SUFFIX}")) if backups_dir.is_dir() else []
    return daily + [BackupInfo(p, "before-restore", _count(p)) for p in safety]


def find_backup(backups_dir: Path, name: str) -> Path:
    """A backup named by path, file name, or date (YYYY-MM-DD)."""
    for candidate in (Path(name), backups_dir / name, backups_dir / f"{PREFIX}{name}{SUFFIX}"):
        if candidate.is_file():
            return candidate
    raise NotesError(f"No backup {name!r} (see `bayegan notes backups`).",
                     f"پشتیبانی با نام {name!r} نیست (فهرست: ‎bayegan notes backups‎).")


def _check(path: Path) -> None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_notes = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone() is not None
        finally:
            db.close()
    except sqlite3.Error:
        ok, has_notes = False, False
    if not (ok and has_notes):
        raise NotesError(f"{path} is not a readable notes backup; nothing was changed.",
                         f"{path} پشتیبان سالمی از یادداشت‌ها نیست؛ چیزی تغییر نکرد.")


def restore_backup(notes_path: Path, backups_dir: Path, name: str, now: datetime | None = None) -> tuple[Path, Path | None]:
    """Replace the notes with a backup; returns (the backup, the copy of the notes as they were)."""
    backup = find_backup(backups_dir, name)
    _check(backup)
    safety: Path | None = None
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%S")
    live = sqlite3.connect(notes_path, timeout=15.0)
    try:
        if notes_path.stat().st_size > 0:
            backups_dir.mkdir(parents=True, exist_ok=True)
            safety = backups_dir / f"{SAFETY_PREFIX}{stamp}{SUFFIX}"
            n = 1
            while safety.exists():  # two restores in one second: never overwrite an earlier copy
                n += 1
                safety = backups_dir / f"{SAFETY_PREFIX}{stamp}-{n}{SUFFIX}"
            copy = sqlite3.connect(safety)
            try:
                live.backup(copy)
            finally:
                copy.close()
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(live)
        finally:
            source.close()
    finally:
        live.close()
    return backup, safety
