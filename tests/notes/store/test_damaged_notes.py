"""A damaged notes file (truncated, or garbage written over its pages with real bytes): a clear message
naming the backups, a restore that works over it and keeps it byte for byte, and backups that hold
the day's later notes (issue 33, item 4)."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.faults.helpers import fault_rng
from tests.notes.archives import indexed, write_json
from viewer.core.paths import DataPaths
from viewer.notes.backups import KEEP_RECENT, BackupKeeper, recent_backup, recent_files
from viewer.notes.store import NotesStore
from viewer.search.archive import Archive

Cli = Callable[..., tuple[int, str, str]]
PAGE = 4096
BTREE_PAGE_TYPES = {2, 5, 10, 13}  # index interior, table interior, index leaf, table leaf


def _notes_in_sessions(paths: DataPaths, sessions: int = 3) -> list[str]:
    """A few sessions of notes (bodies long enough for the file to span many pages); returns the bodies."""
    bodies: list[str] = []
    for session in range(sessions):
        with NotesStore(paths.notes_path, paths.backups_dir) as store:
            for n in range(4):
                body = f"یادداشت {session}-{n} " + "متن بلند " * 300
                store.create_comment(f"article-{n}", body)
                bodies.append(body)
    return bodies


def _assert_damage_message(code: int, err: str, backups_dir: Path) -> None:
    assert code == 1 and "Traceback" not in err and "Unexpected" not in err, err
    english, persian = err.strip().split("\n")
    assert "is damaged" in english and str(backups_dir) in english and "bayegan notes restore recent-" in english
    assert persian.startswith("بایگان: ") and "آسیب دیده" in persian and "bayegan notes restore" in persian
    newest = recent_files(backups_dir)[-1].name
    assert newest in english and newest in persian


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return indexed(tmp_path / "data", write_json(tmp_path / "files"))


@pytest.fixture
def article_id(paths: DataPaths) -> str:
    with Archive(paths).searcher() as searcher:
        return next(iter(searcher.articles())).id


@pytest.mark.parametrize("by", ["day", "newest"])
def test_restore_works_over_a_truncated_file_and_keeps_it_byte_for_byte(run_cli: Cli, paths: DataPaths, article_id: str,
                                                                        by: str) -> None:
    bodies = _notes_in_sessions(paths)
    assert paths.notes_path.stat().st_size > 40_000
    os.truncate(paths.notes_path, 20_000)
    damaged = paths.notes_path.read_bytes()

    for command in (("notes", "list"), ("notes", "add", article_id, "--note", "x")):
        code, _out, err = run_cli(*command)
        _assert_damage_message(code, err, paths.backups_dir)
    assert paths.notes_path.read_bytes() == damaged  # refused before anything was written into it

    name = date.today().isoformat() if by == "day" else recent_files(paths.backups_dir)[-1].name
    code, out, err = run_cli("notes", "restore", name)
    assert code == 0, err
    safety = paths.backups_dir / out.split("the previous notes are in ")[1].strip()
    assert safety.read_bytes() == damaged  # kept aside as it was, never a 0-byte copy
    code, out, err = run_cli("notes", "list", "--json")
    assert code == 0, err
    restored = [n["body"] for n in json.loads(out)]
    expected = bodies[:4] if by == "day" else bodies  # the day's copy: as first opened with notes that day
    assert sorted(restored) == sorted(expected)
    assert run_cli("notes", "add", article_id, "--note", "پس از بازگردانی")[0] == 0


def _btree_pages(data: bytes) -> list[int]:
    """The pages of tables and indexes (SQLite's quick check visits each); the first holds the schema."""
    return [page for page in range(len(data) // PAGE)
            if data[page * PAGE + (100 if page == 0 else 0)] in BTREE_PAGE_TYPES]


def test_garbage_over_a_table_page_gives_the_message_on_every_command(run_cli: Cli, paths: DataPaths,
                                                                       article_id: str) -> None:
    _notes_in_sessions(paths)
    good = paths.notes_path.read_bytes()
    rng, _seed = fault_rng("garbage over notes table pages")
    pages = _btree_pages(good)
    for page in [0, *rng.sample(pages[1:], min(4, len(pages) - 1))]:
        start = page * PAGE + (100 if page == 0 else 0)  # the page's header: its type byte first
        junk = bytes([rng.choice([b for b in range(256) if b not in BTREE_PAGE_TYPES])]) + rng.randbytes(PAGE // 2)
        paths.notes_path.write_bytes(good[:start] + junk + good[start + len(junk):])
        for command in (("notes", "list"), ("notes", "add", article_id, "--note", "x"), ("notes", "search", "متن")):
            code, _out, err = run_cli(*command)
            _assert_damage_message(code, err, paths.backups_dir)
    paths.notes_path.write_bytes(good)
    assert run_cli("notes", "list")[0] == 0


def test_garbage_anywhere_is_never_an_unexpected_error(run_cli: Cli, paths: DataPaths, article_id: str) -> None:
    """Garbage SQLite cannot see (inside a note's text, still UTF-8: it keeps no checksums) lets the
    commands work; any other gives the message. Never a traceback or an unexpected error."""
    _notes_in_sessions(paths)
    good = paths.notes_path.read_bytes()
    rng, _seed = fault_rng("garbage anywhere in notes")
    for _ in range(6):
        offset = rng.randrange(0, len(good) - 64)
        junk = rng.randbytes(rng.choice([8, 512, PAGE]))
        paths.notes_path.write_bytes((good[:offset] + junk + good[offset + len(junk):])[:len(good)])
        for command in (("notes", "list"), ("notes", "add", article_id, "--note", "x")):
            code, _out, err = run_cli(*command)
            if code != 0:
                _assert_damage_message(code, err, paths.backups_dir)


def test_the_notes_of_a_session_are_backed_up_when_it_closes(paths: DataPaths) -> None:
    bodies = _notes_in_sessions(paths)
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        store.create_comment("article-9", "آخرین یادداشت روز")
    newest = recent_files(paths.backups_dir)[-1]
    with NotesStore(newest, paths.backups_dir / "unused", backup=False) as copy:
        assert sorted(a.body for a in copy.all()) == sorted([*bodies, "آخرین یادداشت روز"])


def test_a_long_session_is_backed_up_every_few_edits(paths: DataPaths) -> None:
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        every = store._backups.every
        for n in range(every + 1):
            store.create_comment("article-0", f"یادداشت {n}")
        taken = recent_files(paths.backups_dir)
        assert len(taken) == 1  # after `every` edits, before the session closes
        with NotesStore(taken[0], paths.backups_dir / "unused", backup=False) as copy:
            assert copy.count() == every


def test_recent_backups_keep_the_last_few(paths: DataPaths) -> None:
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        store.create_comment("article-0", "یک")
        start = datetime(2026, 1, 1, tzinfo=UTC)
        for minute in range(KEEP_RECENT + 3):
            recent_backup(store._db, paths.backups_dir, now=start + timedelta(minutes=minute))
    names = [p.name for p in recent_files(paths.backups_dir)]
    made = KEEP_RECENT + 3
    kept = [f"recent-2026-01-01T00-{minute:02}-00.sqlite3" for minute in range(made - KEEP_RECENT + 1, made)]
    assert names[:-1] == kept and names[-1] > kept[-1]  # and the one taken at closing, now


def test_a_damaged_file_never_pushes_good_backups_out(paths: DataPaths) -> None:
    _notes_in_sessions(paths, sessions=1)
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        for day in range(1, KEEP_RECENT + 1):
            recent_backup(store._db, paths.backups_dir, now=datetime(2026, 1, day, tzinfo=UTC))
    before = {p.name: p.read_bytes() for p in recent_files(paths.backups_dir)}
    assert len(before) == KEEP_RECENT
    good = paths.notes_path.read_bytes()
    paths.notes_path.write_bytes(good[:PAGE] + bytes(range(256)) * (PAGE // 256) + good[2 * PAGE:])
    db = sqlite3.connect(paths.notes_path)
    try:
        assert BackupKeeper(db, paths.backups_dir).save() is None
    finally:
        db.close()
    assert {p.name: p.read_bytes() for p in recent_files(paths.backups_dir)} == before
