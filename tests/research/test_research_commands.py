"""The command line for dates, the timeline, collections, saved searches, --with-notes and export-list."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import rispy

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(run_cli: Cli, source_dir: Path) -> Cli:
    code, _, err = run_cli("index", str(source_dir))
    assert code == 0, err
    return run_cli


def _json(cli: Cli, *args: str) -> object:
    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)


def _ids(cli: Cli) -> dict[str, str]:
    rows = _json(cli, "list", "--json")
    assert isinstance(rows, list)
    return {row["title"]: row["id"] for row in rows}


def test_search_dates_sort_and_timeline(cli: Cli) -> None:
    out = _json(cli, "search", "آب", "--from", "۱۴۰۲/۰۵/۰۱", "--to", "2023-11-21", "--sort", "date", "--json")
    assert isinstance(out, dict)
    assert [h["date"] for h in out["hits"]] == ["2023-11-21", "2023-07-23"]
    assert out["timeline"] == [{"month": "1402-05", "count": 1}, {"month": "1402-08", "count": 1}]
    out = _json(cli, "search", "آب از:1402/08/30", "--json")
    assert isinstance(out, dict) and out["total"] == 2
    everything = _json(cli, "search", "آب", "--json")
    assert isinstance(everything, dict) and sum(m["count"] for m in everything["timeline"]) == 4  # one is undated
    alone = _json(cli, "search", "--to", "1402/04", "--json")  # no QUERY: every article in the period
    assert isinstance(alone, dict) and alone["total"] == 1


@pytest.mark.parametrize("args", [("آب", "--from", "1402/13/01"), ("آب تا:دیروز",)])
def test_a_bad_date_is_a_clear_error(cli: Cli, args: tuple[str, ...]) -> None:
    code, out, err = cli("search", *args)
    assert code == 1 and "Traceback" not in err
    assert "is not a date" in err and "تاریخ نیست" in err
    code, out, _ = cli("search", *args, "--json")
    assert code == 1 and "is not a date" in json.loads(out)["error"]


def test_collections_commands(cli: Cli) -> None:
    ids = _ids(cli)
    assert cli("collections", "create", "کم‌آبی")[0] == 0
    code, _, err = cli("collections", "create", "كم آبی")
    assert code == 1 and "کم‌آبی" in err
    assert cli("collections", "add", "کم‌آبی", ids["کم‌آبی در تهران"], ids["سد کرج پیش از تابستان"])[0] == 0
    code, _, err = cli("collections", "add", "کم‌آبی", "nope")
    assert code == 1 and "nope" in err
    assert _json(cli, "collections", "list", "--json") == [{"name": "کم‌آبی", "count": 2}]
    assert _json(cli, "collections", "show", "کم‌آبی", "--json") == [
        {"id": ids["کم‌آبی در تهران"], "title": "کم‌آبی در تهران"},
        {"id": ids["سد کرج پیش از تابستان"], "title": "سد کرج پیش از تابستان"}]
    found = _json(cli, "search", "آب", "--collection", "کم‌آبی", "--json")
    assert isinstance(found, dict) and found["total"] == 2
    assert cli("collections", "remove", "کم‌آبی", ids["کم‌آبی در تهران"])[0] == 0
    assert _json(cli, "collections", "list", "--json") == [{"name": "کم‌آبی", "count": 1}]
    assert cli("collections", "delete", "کم‌آبی")[0] == 0
    assert _json(cli, "collections", "list", "--json") == []
    code, _, err = cli("search", "آب", "--collection", "کم‌آبی")
    assert code == 1 and "no collection" in err


def test_saved_commands(cli: Cli, source_dir: Path) -> None:
    from tests.research.conftest import DATED, write_archive

    assert cli("saved", "add", "سدها", "سد", "--tag", "آب")[0] == 0
    assert _json(cli, "saved", "list", "--json") == [
        {"name": "سدها", "query": "سد", "tags": ["آب"], "total": 2, "new": 0}]
    write_archive(source_dir, [*DATED, {"title": "سد لار", "text": ["سد لار پر شد."], "tags": ["آب"]}])
    assert cli("index", str(source_dir))[0] == 0
    listed = _json(cli, "saved", "list", "--json")
    assert isinstance(listed, list) and (listed[0]["total"], listed[0]["new"]) == (3, 1)
    opened = _json(cli, "saved", "open", "سدها", "--json")
    assert isinstance(opened, dict) and opened["total"] == 3 and "timeline" in opened
    listed = _json(cli, "saved", "list", "--json")
    assert isinstance(listed, list) and listed[0]["new"] == 0
    assert cli("saved", "delete", "سدها")[0] == 0
    assert _json(cli, "saved", "list", "--json") == []


def test_with_notes(cli: Cli, tmp_path: Path) -> None:
    from viewer.app.library import Library
    from viewer.core.paths import DataPaths

    ids = _ids(cli)
    empty = _json(cli, "search", "آب", "--with-notes", "--json")
    assert isinstance(empty, dict) and empty["total"] == 0
    with Library(DataPaths.resolve(tmp_path / "data")) as library:  # the data folder run_cli uses
        library.add_comment(ids["کم‌آبی در تهران"], "برای فصل دوم")
    found = _json(cli, "search", "آب", "--with-notes", "--json")
    assert isinstance(found, dict) and [h["id"] for h in found["hits"]] == [ids["کم‌آبی در تهران"]]


@pytest.mark.parametrize("how", ["ids", "query", "collection"])
def test_export_list(cli: Cli, tmp_path: Path, how: str) -> None:
    ids = _ids(cli)
    chosen = [ids["کم‌آبی در تهران"], ids["بارش پاییزی و آب سدها"]]
    if how == "ids":
        selection: tuple[str, ...] = tuple(chosen)
    elif how == "query":
        selection = ("--query", "آب", "--tag", "آب", "--tag", "تهران")
        chosen = chosen[:1]
    else:
        cli("collections", "create", "پایان‌نامه")
        cli("collections", "add", "پایان‌نامه", *chosen)
        selection = ("--collection", "پایان‌نامه")
    out = tmp_path / "list.ris"
    code, _, err = cli("export-list", *selection, "--format", "ris", "--out", str(out))
    assert code == 0, err
    entries = rispy.loads(out.read_text("utf-8"))
    assert [e["id"] for e in entries] == chosen


def test_export_list_needs_one_choice(cli: Cli, tmp_path: Path) -> None:
    for args in ((), ("x", "--query", "آب")):
        code, _, err = cli("export-list", *args, "--format", "csv", "--out", str(tmp_path / "a.csv"))
        assert code == 1 and "--collection" in err
    assert not (tmp_path / "a.csv").exists()
