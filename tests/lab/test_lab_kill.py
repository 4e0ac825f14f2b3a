"""A `bayegan lab sync` killed with SIGKILL at seeded moments: the next sync ends with every note exactly
once, on the server and on every desktop."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.faults.helpers import fault_rng
from tests.lab.desks import Desk
from tests.lab.pg_server import PgServer
from tests.lab.test_lab_sync import server_note_ids

NOTES = 240
BATCH = {"BAYEGAN_LAB_BATCH": "7", "BAYEGAN_LAB_TRACE": "1"}


def kill_after_batches(desk: Desk, batches: int) -> bool:
    """Starts a sync, kills it with SIGKILL once it reported `batches` committed batches; False if it ended first."""
    proc = desk.child("lab", "sync", "--json", env=BATCH)
    assert proc.stderr is not None
    seen = 0
    while seen < batches:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line.startswith(b"lab: batch")
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    return killed and proc.returncode == -signal.SIGKILL


def test_killed_syncs_end_with_every_note_exactly_once(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    rng, _ = fault_rng("test_killed_syncs_end_with_every_note_exactly_once")
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    with ana.notes() as store:
        roots = [store.create_comment(f"article-{i % 40}", f"note {i}", creator="Ana") for i in range(NOTES)]
        for note in rng.sample(roots, 20):
            store.create_reply(note.id, "reply", creator="Ana")
    kills = 0
    for _ in range(4):  # sending, killed at random batches
        kills += kill_after_batches(ana, rng.randint(1, 8))
    for _ in range(4):  # receiving, killed at random batches
        kills += kill_after_batches(bahar, rng.randint(1, 8))
    assert kills >= 4
    ana.sync()
    bahar.sync()
    expected = sorted(r[0] for r in ana.rows())
    assert len(expected) == NOTES + 20
    assert server_note_ids(pg_server, lab_db) == expected
    assert sorted(r[0] for r in bahar.rows()) == expected
    assert sorted((r[0], r[1]) for r in bahar.rows()) == sorted((r[0], r[1]) for r in ana.rows())
    assert ana.sync()["sent"] == 0 and bahar.sync()["received"] == 0
