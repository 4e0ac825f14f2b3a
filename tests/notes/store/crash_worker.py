"""Run by the kill tests in a child process: commit notes in a loop, printing each commit's key after it.

    python crash_worker.py edits DB      add a note, reply to it, edit a counter note; forever
    python crash_worker.py imports DB    import batches of 40 notes (with replies) as W3C JSON; forever

A line is printed only after its transaction committed, so every printed key must survive a SIGKILL.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from viewer.notes.store import NotesStore
from viewer.notes.webanno import import_data

BATCH = 40
SEED_ARTICLE = "a" * 16


def batch_ids(batch: int) -> list[str]:
    return [f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bayegan-crash-{batch}-{i}')}" for i in range(BATCH)]


def batch_document(batch: int) -> dict[str, object]:
    ids = batch_ids(batch)
    items: list[dict[str, object]] = []
    for i, note_id in enumerate(ids):
        item: dict[str, object] = {"id": note_id, "type": "Annotation",
                                   "body": {"type": "TextualBody", "value": f"دستهٔ {batch} یادداشت {i}"}}
        if i % 4 == 0:
            item.update(motivation="commenting", target={"source": f"{SEED_ARTICLE}-{batch % 7}"})
        else:  # replies to the batch's last root, and replies to those
            item.update(motivation="replying", target=ids[i - 1])
        items.append(item)
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"items": items}}


def run_edits(store: NotesStore) -> None:
    counter = store.create_comment(SEED_ARTICLE, "0")
    print(f"counter {counter.id}", flush=True)
    step = 0
    while True:
        step += 1
        note = store.create_comment(SEED_ARTICLE, f"یادداشت {step}")
        print(f"added {note.id}", flush=True)
        reply = store.create_reply(note.id, f"پاسخ {step}")
        print(f"added {reply.id}", flush=True)
        store.edit(counter.id, body=str(step))
        print(f"edited {step}", flush=True)


def run_imports(store: NotesStore) -> None:
    batch = store.count() // BATCH  # batches are whole, so this is the first one not yet imported
    while True:
        report = import_data(store, batch_document(batch))
        assert report.added == BATCH, report
        print(f"imported {batch}", flush=True)
        batch += 1


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    with NotesStore(db) as store:
        print("ready", flush=True)
        {"edits": run_edits, "imports": run_imports}[mode](store)


if __name__ == "__main__":
    main()
