"""`bayegan notes` add/reply/edit/delete/list/search from the command line, and its bilingual errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def article(run_cli: Cli, source_dir: Path) -> dict:
    assert run_cli("index", str(source_dir))[0] == 0
    (listed,) = json.loads(run_cli("list", "--json")[1])
    return json.loads(run_cli("show", listed["id"], "--json")[1])


def test_add_reply_edit_delete_list_search(run_cli: Cli, article: dict) -> None:
    start = article["text"].index("کوروش خسروی")
    code, out, err = run_cli("notes", "add", article["id"], "--start", str(start), "--end", str(start + 11),
                             "--note", "نام او", "--color", "#a5d6a7", "--author", "مریم", "--json")
    assert code == 0, err
    note = json.loads(out)
    assert (note["exact"], note["start"], note["creator"], note["color"]) == ("کوروش خسروی", start, "مریم", "#a5d6a7")
    code, reply_id, _ = run_cli("notes", "reply", note["id"], "پاسخ", "--author", "علی")
    assert code == 0
    assert run_cli("notes", "reply", reply_id.strip(), "پاسخ دوم")[0] == 0
    code, out, _ = run_cli("notes", "add", article["id"], "--note", "کل خبر")
    assert code == 0

    listed = json.loads(run_cli("notes", "list", article["id"], "--json")[1])
    assert [(n["depth"], n["body"]) for n in listed] == [(0, "کل خبر"), (0, "نام او"), (1, "پاسخ"), (2, "پاسخ دوم")]
    assert json.loads(run_cli("notes", "list", "--json")[1]) == listed

    assert run_cli("notes", "edit", note["id"], "--note", "نام رئیس مرکز")[0] == 0
    assert json.loads(run_cli("notes", "list", article["id"], "--json")[1])[1]["color"] == "#a5d6a7"
    found = json.loads(run_cli("notes", "search", "رييس", "--json")[1])
    assert [n["id"] for n in found] == [note["id"]]
    code, out, _ = run_cli("notes", "delete", note["id"])
    assert code == 0 and out.strip() == "deleted 3"
    assert [n["body"] for n in json.loads(run_cli("notes", "list", "--json")[1])] == ["کل خبر"]
    code, out, _ = run_cli("notes", "list", article["id"])
    assert "کل خبر" in out


def test_author_comes_from_settings(run_cli: Cli, article: dict, tmp_path: Path) -> None:
    settings = tmp_path / "data" / "config" / "settings.json"
    settings.write_text(json.dumps({"author": "سارا"}), "utf-8")
    code, out, _ = run_cli("notes", "add", article["id"], "--note", "x", "--json")
    assert code == 0 and json.loads(out)["creator"] == "سارا"


@pytest.mark.parametrize(("args", "english"), [
    (("notes", "add", "no-such-article", "--note", "x"), "No article"),
    (("notes", "add", "{id}", "--start", "5", "--end", "999999"), "not inside"),
    (("notes", "add", "{id}", "--start", "5"), "both --start and --end"),
    (("notes", "add", "{id}"), "Give --start and --end"),
    (("notes", "add", "{id}", "--start", "0", "--end", "5", "--color", "banana"), "Not a colour: 'banana'"),
    (("notes", "add", "{id}", "--note", "x", "--color", "#12345"), "Not a colour"),
    (("notes", "reply", "urn:uuid:nope", "x"), "No note"),
    (("notes", "edit", "urn:uuid:nope", "--note", "x"), "No note"),
    (("notes", "delete", "urn:uuid:nope"), "No note"),
])
def test_errors_are_bilingual(run_cli: Cli, article: dict, args: tuple[str, ...], english: str) -> None:
    code, _out, err = run_cli(*(a.replace("{id}", article["id"]) for a in args))
    assert code == 1
    assert "Traceback" not in err
    english_line, persian_line = err.strip().split("\n")
    assert english_line.startswith("bayegan: ") and english in english_line
    assert persian_line.startswith("بایگان: ") and persian_line != "بایگان: " + english_line[9:]


@pytest.mark.parametrize(("name", "colour"), [("green", "#a5d6a7"), ("Blue", "#90caf9"), ("#123456", "#123456"),
                                             ("سبز", "#a5d6a7"), ("#ABCDEF", "#abcdef"), ("crimson", "#dc143c")])
def test_a_colour_by_name_is_the_palettes_light_one(run_cli: Cli, article: dict, name: str, colour: str) -> None:
    """Qt paints a bare "green" as #008000, under which dark text cannot be read: a name is the palette's."""
    code, out, err = run_cli("notes", "add", article["id"], "--start", "0", "--end", "5", "--color", name, "--json")
    assert code == 0, err
    note = json.loads(out)
    assert note["color"] == colour
    assert run_cli("notes", "edit", note["id"], "--color", name.upper())[0] == 0
    listed = json.loads(run_cli("notes", "list", article["id"], "--json")[1])
    assert [n["color"] for n in listed] == [colour]
