"""kill -9 while `bayegan index` runs: the next run completes and the index holds exactly the archive's
articles (same ids, titles, text and tags as a clean index of the same files); no stale lock."""

from __future__ import annotations

import json
import random
import subprocess
import time
from pathlib import Path

import pytest

from tests.faults.child_cli import bayegan_command, cli_env, run_killed_sync
from tests.faults.helpers import corpus_items, fault_rng, write_archive
from tests.faults.indexes import index_here, index_json, indexed_articles, reference_index

KILLS = 8
MAX_ROUNDS = 60  # a run that ends before its kill halves the next delays, so kills come well before this


def _edit(path: Path, note: str, drop_last: bool) -> None:
    items = json.loads(path.read_text("utf-8"))
    items[0]["paragraphs"] = [*items[0].get("paragraphs", []), f"اصلاحیه {note}"]
    if drop_last:
        items.pop()
    path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["before-commit", "before-toc", "after-commit"])
@pytest.mark.parametrize("scenario", ["first-index", "files-changed"])
def test_kill_9_at_each_moment_of_the_commit(tmp_path: Path, moment: str, scenario: str) -> None:
    source, spare, data = tmp_path / "source", tmp_path / "spare", tmp_path / "data"
    spare.mkdir()
    files = write_archive(source, corpus_items("fars-news-2.json", 30) + corpus_items("varzesh3-2.json", 30), per_file=10)
    if scenario == "files-changed":
        index_here(data, source)
        _edit(files[1], "یک", drop_last=True)
        files[0].rename(spare / files[0].name)  # removed while the killed run indexes...

    child = run_killed_sync(moment, data, source)
    assert child.returncode == -9, child.stderr

    if scenario == "files-changed":
        (spare / files[0].name).rename(files[0])  # ...and back, with its old size and mtime
    index_json(data, source)
    assert indexed_articles(data) == reference_index(tmp_path, source)


def _change_archive(rng: random.Random, source: Path, spare: Path, round_number: int) -> None:
    """One researcher's edit: a file removed, a removed file back, or an article's text corrected."""
    present = sorted(source.glob("*.json"))
    away = sorted(spare.glob("*.json"))
    action = rng.choice(("remove", "restore", "edit", "edit"))
    if action == "remove" and len(present) > 2:
        victim = rng.choice(present)
        victim.rename(spare / victim.name)
    elif action == "restore" and away:
        back = rng.choice(away)
        back.rename(source / back.name)
    elif present:
        _edit(rng.choice(present), str(round_number), drop_last=rng.random() < 0.3)


@pytest.mark.slow
def test_kill_9_at_random_moments_while_the_archive_changes(tmp_path: Path) -> None:
    rng, seed = fault_rng("kill -9 while indexing")
    source, spare, data = tmp_path / "source", tmp_path / "spare", tmp_path / "data"
    spare.mkdir()
    write_archive(source, corpus_items("fars-news-1.json", 100) + corpus_items("varzesh3-1.json", 100), per_file=20)

    started = time.monotonic()
    index_json(tmp_path / "timing", source)
    run_time = time.monotonic() - started

    # Count-based, not a time budget: a run that completes before its kill shrinks the next delays,
    # so KILLS kills happen on a slow or a fast machine alike.
    kills = rounds = 0
    scale = 1.0
    while kills < KILLS:
        rounds += 1
        assert rounds <= MAX_ROUNDS, f"seed {seed}: only {kills} of {rounds} runs were killed mid-way"
        _change_archive(rng, source, spare, rounds)
        process = subprocess.Popen(bayegan_command(data, "index", source), env=cli_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Most kills near the end, where the commit and the manifest are written; some anywhere.
        time.sleep(scale * run_time * (rng.uniform(0.6, 1.05) if rng.random() < 0.7 else rng.uniform(0.02, 1.0)))
        if process.poll() is None:
            process.kill()
            kills += 1
            process.wait()
        else:
            stderr = process.stderr.read().decode("utf-8") if process.stderr else ""
            assert process.returncode == 0, f"seed {seed}: {stderr}"
            assert "Traceback" not in stderr, f"seed {seed}: {stderr}"
            scale /= 2
        if process.stderr:
            process.stderr.close()

    # The next run completes (no stale lock) and the index holds exactly the archive's articles.
    index_json(data, source)
    assert indexed_articles(data) == reference_index(tmp_path, source), f"seed {seed}, {kills} kills"
    again = index_json(data, source)
    assert (again["added"], again["updated"], again["removed"]) == (0, 0, 0), f"seed {seed}: {again}"
