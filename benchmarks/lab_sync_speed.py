"""Syncing a lab's notes (issue 29): 10,000 notes sent by one member, then received by a fresh one.

    .venv/bin/python benchmarks/lab_sync_speed.py [--notes 10000] [--articles 1000] [--out FILE]

Starts its own PostgreSQL 15 (as the lab tests do: initdb into a temporary folder, a free port on
127.0.0.1; Debian's postgresql-15 must be installed). One member makes the notes (a tenth of them
replies) and joins: the first sync sends them. A fresh member then joins: its first sync receives them
all (and marks as orphans the notes of articles it does not have: its archive is empty). As the floor,
the same number of rows written with one COPY and read back with one SELECT on the same server.
Wall and CPU seconds of this process (the server's own CPU is not in the CPU column). The target is a
fresh member's sync of 10,000 notes within 10 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.lab.pg_server import PgServer
from viewer.app import lab
from viewer.app.library import Library
from viewer.core.annotation import Annotation, Motivation, new_annotation_id, utc_now
from viewer.core.paths import DataPaths
from viewer.notes.store import NotesStore


def timed(action: object) -> tuple[float, float, object]:
    assert callable(action)
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(29)
    server = PgServer()
    rows: list[tuple[str, float, float, str]] = []
    try:
        database = server.new_database()
        with tempfile.TemporaryDirectory(prefix="bayegan-lab-bench-") as work:
            sender = Library(DataPaths.resolve(Path(work) / "sender"))
            notes: list[Annotation] = []
            for i in range(args.notes):  # made in one transaction: the benchmark is of the sync
                if notes and i % 10 == 9:
                    parent = rng.choice(notes)
                    notes.append(Annotation(new_annotation_id(), parent.article_id, Motivation.REPLYING, f"پاسخ {i}",
                                            parent_id=parent.id, creator="Ana", created=utc_now(), modified=utc_now()))
                else:
                    notes.append(Annotation(new_annotation_id(), f"article-{rng.randrange(args.articles)}",
                                            Motivation.COMMENTING, f"یادداشت شمارهٔ {i} دربارهٔ این خبر",
                                            creator="Ana", created=utc_now(), modified=utc_now()))
            with sender.notes.transaction() as db:
                for note in notes:
                    NotesStore.insert(db, note)
            wall, cpu, sent = timed(lambda: lab.join(sender, server.url(database), "Ana"))
            assert isinstance(sent, dict) and sent["sent"] == args.notes, sent
            rows.append((f"first member's join: sends {args.notes:,} notes", wall, cpu, ""))
            sender.close()
            receiver = Library(DataPaths.resolve(Path(work) / "receiver"))
            wall, cpu, got = timed(lambda: lab.join(receiver, server.url(database, "lab_member"), "Bahar"))
            assert isinstance(got, dict) and got["received"] == args.notes, got
            verdict = "within 10 s" if wall <= 10 else "OVER 10 s"
            rows.append((f"fresh member's join: receives {args.notes:,} notes", wall, cpu, verdict))
            assert receiver.notes.count() == args.notes
            wall, cpu, _ = timed(lambda: lab.sync(receiver))
            rows.append(("the next sync (nothing new)", wall, cpu, ""))
            receiver.close()
        with server.admin(database) as db:
            db.execute("CREATE TABLE floor (id TEXT PRIMARY KEY, body TEXT)")

            def copy_and_read() -> int:
                with db.cursor() as cursor:
                    with cursor.copy("COPY floor (id, body) FROM STDIN") as copy:
                        for i in range(args.notes):
                            copy.write_row((f"n{i}", f"یادداشت شمارهٔ {i}"))
                    return len(cursor.execute("SELECT id, body FROM floor").fetchall())

            wall, cpu, _ = timed(copy_and_read)
            rows.append((f"floor: one COPY of {args.notes:,} rows and one SELECT", wall, cpu, ""))
    finally:
        server.close()
    load = os.getloadavg()[0]
    lines = [f"# Lab sync speed ({args.notes:,} notes on {args.articles:,} articles)", "",
             f"Load average at the end: {load:.2f} (a shared machine: compare CPU seconds).", "",
             "| step | wall s | CPU s | |", "|---|---:|---:|---|"]
    lines += [f"| {name} | {wall:.2f} | {cpu:.2f} | {note} |" for name, wall, cpu, note in rows]
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
