"""Exact duplicates are one article with several sources; near duplicates are grouped, through the
`bayegan` command on a real index (files written as the tools users use write them)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.search import duplicate_articles as dup

Cli = Callable[..., tuple[int, str, str]]


def _json(run_cli: Cli, *args: str) -> Any:
    code, out, err = run_cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def _rows(run_cli: Cli) -> list[dict]:
    rows = _json(run_cli, "list")
    assert isinstance(rows, list)
    return rows


def _write_story_json(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([dup.as_json_item(dup.STORY_TITLE, dup.STORY, dup.STORY_URL)], ensure_ascii=False), "utf-8")
    return path


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _windows_1256(text: str) -> str:
    """As an old Windows editor saves it: Arabic ي/ك, no hamza above (cp1256 has none)."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u0654", "")


def test_one_article_in_three_formats_and_two_encodings(run_cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    files = [
        _write_story_json(archive / "1-json" / "story.json"),
        _write(archive / "2-text" / "story.txt", dup.as_text(dup.STORY_TITLE, dup.STORY)),
        _write(archive / "3-html" / "story.html", dup.as_html(dup.STORY_TITLE, dup.STORY)),
        _write(archive / "4-windows" / "story.txt", _windows_1256(dup.as_text(dup.STORY_TITLE, dup.STORY)), "cp1256"),
    ]
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict)
    assert (summary["added"], summary["duplicates"], summary["failed"]) == (1, 3, [])
    [row] = _rows(run_cli)
    assert row["sources"] == [str(f.resolve()) for f in files]
    assert row["source"] == row["sources"][0]
    shown = _json(run_cli, "show", row["id"])
    assert isinstance(shown, dict) and shown["sources"] == row["sources"] and shown["url"] == dup.STORY_URL
    again = _json(run_cli, "index", str(archive))
    assert isinstance(again, dict) and (again["added"], again["unchanged"]) == (0, 1)


def test_byte_copies_are_one_article_whose_id_stays(run_cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    first = _write(archive / "saved" / "story.txt", dup.as_text(dup.STORY_TITLE, dup.STORY))
    _json(run_cli, "index", str(archive))
    [alone] = _rows(run_cli)
    copy = archive / "backup" / "story (copy).txt"
    copy.parent.mkdir()
    shutil.copy2(first, copy)
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and (summary["added"], summary["duplicates"]) == (0, 1)
    [both] = _rows(run_cli)
    assert both["id"] == alone["id"]
    # listed in the order a clean index meets them: backup/ before saved/
    assert both["sources"] == [str(copy.resolve()), str(first.resolve())] == [both["source"], *both["sources"][1:]]

    first.unlink()  # the file indexed first goes: the copy keeps the article, under the same id
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and summary["removed"] == 0
    [kept] = _rows(run_cli)
    assert kept["id"] == alone["id"] and kept["sources"] == [str(copy.resolve())] == [kept["source"]]
    hits = _json(run_cli, "search", "ورزنه")
    assert isinstance(hits, dict) and [h["source"] for h in hits["hits"]] == [str(copy.resolve())]

    copy.unlink()
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and summary["removed"] == 1
    assert _rows(run_cli) == []


def test_a_copy_with_a_url_does_not_change_the_title_id(run_cli: Cli, tmp_path: Path) -> None:
    """The .txt gives an id from its title; the .json met later would give one from its URL: the same
    text wins, so notes and links made on the first id keep working."""
    archive = tmp_path / "archive"
    _write(archive / "story.txt", dup.as_text(dup.STORY_TITLE, dup.STORY))
    _json(run_cli, "index", str(archive))
    [before] = _rows(run_cli)
    _write_story_json(archive / "later" / "story.json")
    _json(run_cli, "index", str(archive))
    [after] = _rows(run_cli)
    assert after["id"] == before["id"] and len(after["sources"]) == 2


def test_a_note_survives_when_the_file_it_was_made_on_goes(run_cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    first = _write(archive / "a" / "story.txt", dup.as_text(dup.STORY_TITLE, dup.STORY))
    _json(run_cli, "index", str(archive))
    [row] = _rows(run_cli)
    shown = _json(run_cli, "show", row["id"])
    assert isinstance(shown, dict)
    start = shown["text"].index("طومار شیخ بهایی")
    code, _, err = run_cli("notes", "add", row["id"], "--start", str(start), "--end", str(start + 15),
                           "--note", "سند حقابه")
    assert code == 0, err
    _write_story_json(archive / "b" / "story.json")
    _json(run_cli, "index", str(archive))
    first.unlink()
    _json(run_cli, "index", str(archive))
    [kept] = _rows(run_cli)
    # the id a clean index gives the JSON item (from its URL); the note goes with the text
    assert kept["id"] != row["id"] and kept["sources"] == [str((archive / "b" / "story.json").resolve())]
    assert not _json(run_cli, "notes", "list", row["id"])
    notes = _json(run_cli, "notes", "list", kept["id"])
    assert isinstance(notes, list) and [(n["body"], n["exact"], n["orphaned"]) for n in notes] == [
        ("سند حقابه", "طومار شیخ بهایی", False)]
    assert not _json(run_cli, "notes", "list", "--orphans")


@pytest.fixture
def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    _write_story_json(folder / "isna.json")
    _write(folder / "irna" / "republished.html", dup.as_html(dup.REPUBLISHED_TITLE, dup.REPUBLISHED))
    _write(folder / "isna-related.json",
           json.dumps([dup.as_json_item(dup.RELATED_TITLE, dup.RELATED, dup.RELATED_URL)], ensure_ascii=False))
    return folder


def _ids_by_title(run_cli: Cli) -> dict[str, str]:
    return {row["title"]: row["id"] for row in _rows(run_cli)}


def test_republished_story_is_similar_and_a_related_story_is_not(run_cli: Cli, story_folder: Path) -> None:
    _json(run_cli, "index", str(story_folder))
    ids = _ids_by_title(run_cli)
    assert len(ids) == 3  # near duplicates stay separate articles
    story, republished, related = ids[dup.STORY_TITLE], ids[dup.REPUBLISHED_TITLE], ids[dup.RELATED_TITLE]
    similar = _json(run_cli, "similar", story)
    assert isinstance(similar, list) and [s["id"] for s in similar] == [republished]
    assert similar[0]["title"] == dup.REPUBLISHED_TITLE and 0.4 <= similar[0]["score"] < 1.0
    back = _json(run_cli, "similar", republished)
    assert isinstance(back, list) and [s["id"] for s in back] == [story]
    assert _json(run_cli, "similar", related) == []

    found = _json(run_cli, "search", "زاینده‌رود کشاورزان")
    assert isinstance(found, dict)
    copies = {hit["id"]: hit["copies"] for hit in found["hits"]}
    assert copies == {story: [republished], republished: [story], related: []}
    # The subsidence paragraph was cut from the republication: it does not match, so it is no copy here.
    only_story = _json(run_cli, "search", "فرونشست")
    assert isinstance(only_story, dict)
    assert [(h["id"], h["copies"]) for h in only_story["hits"]] == [(story, [])]


def test_near_duplicates_follow_the_files(run_cli: Cli, story_folder: Path) -> None:
    _json(run_cli, "index", str(story_folder / "isna.json"))
    story = _ids_by_title(run_cli)[dup.STORY_TITLE]
    assert _json(run_cli, "similar", story) == []
    _json(run_cli, "index", str(story_folder))  # the republication arrives: compared with the stored sketch
    republished = _ids_by_title(run_cli)[dup.REPUBLISHED_TITLE]
    assert [s["id"] for s in _json(run_cli, "similar", story)] == [republished]
    os.remove(story_folder / "irna" / "republished.html")
    _json(run_cli, "index", str(story_folder))
    assert _json(run_cli, "similar", story) == []


def test_similar_of_an_unknown_id_is_an_error_in_both_languages(run_cli: Cli, story_folder: Path) -> None:
    _json(run_cli, "index", str(story_folder))
    code, out, err = run_cli("similar", "0000000000000000", "--json")
    assert code == 1 and out == "" and "No article" in err and "خبری" in err


def test_texts_differing_in_one_figure_are_two_articles_and_near_duplicates(run_cli: Cli, tmp_path: Path) -> None:
    """Precision: only what differs between copies of one text is folded away; a changed figure makes
    another article (the same story updated), which `similar` then finds."""
    archive = tmp_path / "archive"
    _write(archive / "a.txt", dup.as_text(dup.STORY_TITLE, dup.STORY))
    updated = [p.replace("کمتر از بیست درصد", "کمتر از سی درصد") for p in dup.STORY]
    assert updated != dup.STORY
    _write(archive / "b.txt", dup.as_text(dup.STORY_TITLE, updated).replace("ی", "ي"))  # and Arabic ye: still another text
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and (summary["added"], summary["duplicates"]) == (2, 0)
    rows = _rows(run_cli)
    assert len(rows) == 2 and all(len(row["sources"]) == 1 for row in rows)
    first, second = (row["id"] for row in rows)
    similar = _json(run_cli, "similar", first)
    assert isinstance(similar, list) and [s["id"] for s in similar] == [second] and similar[0]["score"] > 0.8


SHORT_TITLE = "وزن کشی، چاقوکشی!"
SHORT_TEXT = "ویدیوی درگیری پس از وزن‌کشی مسابقه."


def test_short_exact_copies_are_one_article(run_cli: Cli, tmp_path: Path) -> None:
    """The same title over the same short text (under the 100 characters the fingerprint otherwise
    needs) is one article, whatever the file or spelling (issue 32)."""
    archive = tmp_path / "archive"
    _write(archive / "a.txt", f"{SHORT_TITLE}\n\n{SHORT_TEXT}\n")
    _write(archive / "b" / "a.txt", f"{SHORT_TITLE.replace('ی', 'ي')}\n\n{SHORT_TEXT.replace('ی', 'ي')}\n")
    _write(archive / "c.json", json.dumps([dup.as_json_item(SHORT_TITLE, [SHORT_TEXT.replace("\u200c", " ")],
                                                        "https://www.example-news.ir/news/9/")], ensure_ascii=False))
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and (summary["added"], summary["duplicates"]) == (1, 2)
    rows = _rows(run_cli)
    assert [len(row["sources"]) for row in rows] == [3]
    found = _json(run_cli, "search", "چاقوکشی")
    assert isinstance(found, dict) and [hit["id"] for hit in found["hits"]] == [rows[0]["id"]]
    assert found["total"] == 1


def test_short_texts_alike_under_other_titles_stay_apart(run_cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _write(archive / "a.txt", "خبر کوتاه\n\nجلسه امروز برگزار شد.\n")
    _write(archive / "b.txt", "خبر دیگر\n\nجلسه امروز برگزار شد.\n")
    _write(archive / "c.txt", "خبر کوتاه\n\nجلسه دیروز برگزار شد.\n")
    summary = _json(run_cli, "index", str(archive))
    assert isinstance(summary, dict) and (summary["added"], summary["duplicates"]) == (3, 0)
    assert [len(row["sources"]) for row in _rows(run_cli)] == [1, 1, 1]
