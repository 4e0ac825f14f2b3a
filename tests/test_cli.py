"""The `bayegan` command end to end: the contract later checks drive the program through."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_items
from viewer import __version__
from viewer.core.source_names import SOURCE_SUFFIXES
from viewer.importers.reader import is_source_name


@pytest.fixture
def small_archive(tmp_path: Path, corpus_items: dict, seed_path: Path) -> Path:
    folder = tmp_path / "archive"
    write_items(folder / "fars.json", corpus_items["fars-news-1.json"][:25])
    write_items(folder / "varzesh3.json", corpus_items["varzesh3-1.json"][:25])
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "broken.json").write_text("{not json", "utf-8")
    return folder


def test_index_json_summary(run_cli, small_archive: Path) -> None:
    code, out, err = run_cli("index", str(small_archive), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert set(summary) == {"added", "updated", "removed", "unchanged", "duplicates", "failed", "skipped"}
    assert summary["added"] == 51 and summary["unchanged"] == 0
    assert [Path(f["path"]).name for f in summary["failed"]] == ["broken.json"]
    assert "Malformed JSON" in summary["failed"][0]["error"]
    code, out, _ = run_cli("index", str(small_archive), "--json")
    assert json.loads(out)["unchanged"] == 51 and json.loads(out)["added"] == 0


def test_list_show_search_tags(run_cli, small_archive: Path, corpus_items: dict) -> None:
    run_cli("index", str(small_archive))
    _, out, _ = run_cli("list", "--json")
    rows = json.loads(out)
    assert len(rows) == 51 and all(set(r) == {"id", "title", "tags", "source", "sources"} for r in rows)
    seed_row = next(r for r in rows if r["source"].endswith("seed.txt"))

    _, out, _ = run_cli("show", seed_row["id"], "--json")
    shown = json.loads(out)
    assert set(shown) == {"id", "title", "lead", "text", "tags", "category", "source", "sources", "url", "code", "date",
                           "text_source", "pages", "images"}
    assert (shown["text_source"], shown["pages"], shown["images"]) == ("file", None, [])
    assert shown["code"] == "427178" and shown["text"].startswith(shown["lead"])
    assert "\n" in shown["text"] and "نظر شما" not in shown["text"]

    _, out, _ = run_cli("search", "اصفهان", "--json")
    result = json.loads(out)
    assert result["total"] >= 1 and seed_row["id"] in [h["id"] for h in result["hits"]]
    assert all(set(h) >= {"id", "title", "score", "tags", "snippet", "source"} for h in result["hits"])
    assert "<b>اصفهان</b>" in next(h["snippet"] for h in result["hits"] if h["id"] == seed_row["id"])

    tag = corpus_items["varzesh3-1.json"][0]["tags"][0]
    _, out, _ = run_cli("search", "ورزش", "--tag", tag, "--json", "--limit", "50")
    tagged = json.loads(out)
    assert tagged["total"] >= 1 and all(tag in h["tags"] for h in tagged["hits"])

    _code, out, _ = run_cli("tags", "--json")
    counts = {row["tag"]: row["count"] for row in json.loads(out)}
    assert counts[tag] >= 1


def test_show_unknown_id_is_a_clear_error(run_cli, small_archive: Path) -> None:
    run_cli("index", str(small_archive))
    code, _out, err = run_cli("show", "0000000000000000")
    assert code == 1 and "No article" in err and "Traceback" not in err


def test_search_stdin_answers_every_line(run_cli, small_archive: Path) -> None:
    run_cli("index", str(small_archive))
    queries = ["اصفهان", "(((", "", 'title:"روابط تجاری"', "استقلال OR پرسپولیس"]
    _code, out, _ = run_cli("search", "--stdin", stdin="\n".join(queries) + "\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == queries
    assert lines[0]["total"] >= 1 and "took_ms" in lines[0]
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[3]["total"] == 1 and lines[4]["total"] >= 2


def test_bad_query_answers_with_a_message(run_cli, small_archive: Path) -> None:
    run_cli("index", str(small_archive))
    code, out, _err = run_cli("search", ")))", "--json")
    assert code == 1 and json.loads(out)["error"]


def test_help_everywhere(run_cli) -> None:
    for command in ("index", "list", "show", "search", "tags"):
        code, out, _ = run_cli(command, "--help")
        assert code == 0 and "usage: bayegan" in out


def test_index_help_lists_every_kind_of_file_the_importers_read(run_cli) -> None:
    _, out, _ = run_cli("index", "--help")
    listed = set(re.findall(r"\.[a-z0-9]+(?:\.[a-z0-9]+)?(?=[,\s])", out))
    assert sorted(SOURCE_SUFFIXES - listed) == []
    assert all(is_source_name(f"article{suffix}") for suffix in SOURCE_SUFFIXES)


def test_installed_entry_point_and_version(tmp_path: Path) -> None:
    env = dict(os.environ, BAYEGAN_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "viewer", "--version"], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == f"bayegan {__version__}"


@pytest.mark.slow
def test_whole_corpus_and_seed(run_cli, corpus_dir: Path, seed_path: Path, corpus_items: dict) -> None:
    _, out, _ = run_cli("index", str(corpus_dir), str(seed_path), "--json")
    summary = json.loads(out)
    total_items = sum(len(items) for items in corpus_items.values())
    assert summary["failed"] == [] and summary["added"] + summary["duplicates"] == total_items + 1
    _, out, _ = run_cli("list", "--json")
    rows = json.loads(out)
    assert len(rows) == summary["added"] and all(r["title"] for r in rows)
    links = {item["link"]: item for items in corpus_items.values() for item in items}
    assert len(rows) == len(links) + 1
    tagged = sum(1 for r in rows if r["tags"])
    assert tagged == sum(1 for item in links.values() if any(t.strip(" \u200c") for t in item.get("tags") or []))
    _, out, _ = run_cli("search", '"شما در حال پاسخ به نظر"', "--json")
    assert json.loads(out)["total"] == 0  # the seed's comment form was not imported
    _code, out, _ = run_cli("index", str(corpus_dir), str(seed_path), "--json")
    again = json.loads(out)
    assert again["added"] == again["updated"] == again["removed"] == 0 and again["unchanged"] == summary["added"]
