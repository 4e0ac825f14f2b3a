"""Researchers' desktops for the lab tests: a data folder each, driven through the real `bayegan` command
(in this process, or as a child process where it must be killed)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.cli_in_process import bayegan_json_here, run_bayegan_here
from viewer.core.paths import DataPaths
from viewer.notes.store import NotesStore

REPO = Path(__file__).resolve().parents[2]


class Desk:
    def __init__(self, folder: Path, name: str):
        self.folder = folder / name
        self.name = name

    def run(self, *args: str) -> tuple[int, str, str]:
        return run_bayegan_here(self.folder, *args)

    def json(self, *args: str) -> Any:
        return bayegan_json_here(self.folder, *args)

    def join(self, url: str) -> Any:
        return self.json("lab", "join", url, "--name", self.name)

    def sync(self) -> Any:
        return self.json("lab", "sync")

    def child(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        return subprocess.Popen([sys.executable, "-m", "viewer", "--data-dir", str(self.folder), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)

    def notes(self) -> NotesStore:
        paths = DataPaths.resolve(self.folder)
        return NotesStore(paths.notes_path, paths.backups_dir, backup=False)

    def rows(self) -> list[tuple[str, str, str, str | None]]:
        """(id, body, creator, deleted) of every note row, deleted ones included."""
        with sqlite3.connect(DataPaths.resolve(self.folder).notes_path) as db:
            return [tuple(r) for r in db.execute("SELECT id, body, creator, deleted FROM annotations ORDER BY id")]

    def versions(self, note_id: str) -> set[str]:
        with self.notes() as store:
            return {v.body for v in store.versions(note_id)}
