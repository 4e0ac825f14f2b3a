"""A real process killed with SIGKILL at random moments, during edits and during imports, loses nothing committed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.notes.store.crash_worker import BATCH, batch_document, batch_ids
from viewer.notes.store import NotesStore

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

WORKER = Path(__file__).with_name("crash_worker.py")
RUNS = 5
START_TIMEOUT_S = 30.0


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("BAYEGAN_DATA_DIR", None)
    return env


def kill_at_random(command: list[str], rng: random.Random, delay: tuple[float, float],
                   ready: Callable[[], bool] | None = None) -> tuple[list[str], bool]:
    """Start `command`, SIGKILL it a random `delay` after its first line (or after `ready()` holds).

    Returns every line it printed, and whether the kill hit it (it may have finished first).
    """
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               env=child_env())
    lines: list[str] = []
    first = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if ready is None:
        assert first.wait(START_TIMEOUT_S), "the worker never started"
    else:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not ready() and process.poll() is None:
            assert time.monotonic() < deadline, "the process never got going"
            time.sleep(0.002)
    time.sleep(rng.uniform(*delay))
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=START_TIMEOUT_S)
    reader.join(timeout=START_TIMEOUT_S)
    assert process.stdout is not None and process.stderr is not None
    errors = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    killed = process.returncode == -signal.SIGKILL
    assert killed or process.returncode == 0, errors
    return lines, killed


def assert_healthy(db_path: Path) -> None:
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_killed_during_edits_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(5)
    db_path = tmp_path / "notes.sqlite3"
    promised: set[str] = set()
    counters: dict[str, int] = {}
    for _ in range(RUNS):
        lines, killed = kill_at_random([sys.executable, str(WORKER), "edits", str(db_path)], rng, (0.05, 0.6))
        assert killed
        counter = next(line.split()[1] for line in lines if line.startswith("counter "))
        edits = [int(line.split()[1]) for line in lines if line.startswith("edited ")]
        counters[counter] = edits[-1] if edits else 0
        promised.update(line.split()[1] for line in lines if line.startswith("added "))
        assert_healthy(db_path)
        with NotesStore(db_path) as store:
            missing = [i for i in promised if store.get(i) is None]
            assert missing == [], f"{len(missing)} committed notes lost"
            for counter_id, last_printed in counters.items():
                value = int(store.require(counter_id).body)
                # The edit after the last printed one may have committed just before the kill; none may go back.
                assert last_printed <= value <= last_printed + 1
    assert len(promised) > RUNS  # the kills did land mid-stream, after real work


def test_killed_during_imports_keeps_every_batch_whole(tmp_path: Path) -> None:
    rng = random.Random(7)
    db_path = tmp_path / "notes.sqlite3"
    finished: set[int] = set()
    for _ in range(RUNS):
        lines, killed = kill_at_random([sys.executable, str(WORKER), "imports", str(db_path)], rng, (0.05, 0.6))
        assert killed
        finished.update(int(line.split()[1]) for line in lines if line.startswith("imported "))
        assert_healthy(db_path)
        db = sqlite3.connect(db_path)
        present = {row[0] for row in db.execute("SELECT id FROM annotations")}
        db.close()
        for batch in range(max(finished, default=0) + 2):
            found = sum(note_id in present for note_id in batch_ids(batch))
            assert found in (0, BATCH), f"batch {batch} half imported: {found}/{BATCH}"
            if batch in finished:
                assert found == BATCH, f"batch {batch} was reported imported but is missing"
    assert finished


def test_killed_bayegan_notes_import_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(11)
    items = [item for batch in range(400) for item in batch_document(batch)["first"]["items"]]  # type: ignore[index]
    export = tmp_path / "colleague.jsonld"
    export.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
                                  "first": {"items": items}}, ensure_ascii=False), "utf-8")

    def command(data_dir: Path) -> list[str]:
        return [sys.executable, "-m", "viewer", "--data-dir", str(data_dir), "notes", "import", str(export)]

    data_dir = tmp_path / "data"
    notes = data_dir / "notes.sqlite3"
    wal = data_dir / "notes.sqlite3-wal"

    def writing() -> bool:
        """The import's one transaction is under way: it is spilling pages into the write-ahead log."""
        return wal.exists() and wal.stat().st_size > 512 * 1024

    kills = 0
    for _attempt in range(12):
        _, killed = kill_at_random(command(data_dir), rng, (0.0, 0.25), ready=writing)
        assert_healthy(notes)  # also the last connection closing, which checkpoints and removes the log
        db = sqlite3.connect(notes)
        count = db.execute("SELECT COUNT(*) FROM annotations").fetchone()[0]
        db.close()
        if not killed:  # it finished first: start again from nothing
            assert count == len(items)
            notes.unlink()
            continue
        assert count in (0, len(items))
        kills += 1
        if kills == 3:
            break
    assert kills == 3
    finished = subprocess.run(command(data_dir), capture_output=True, text=True, encoding="utf-8", env=child_env(), timeout=120)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["added"] + report["skipped"] == len(items)
    with NotesStore(notes) as store:
        assert store.count() == len(items)
        assert store.integrity_ok()
