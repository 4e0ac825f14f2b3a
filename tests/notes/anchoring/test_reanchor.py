"""Re-anchoring through the real command: index the seed, annotate, edit the source file, re-index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.core.paths import DataPaths
from viewer.notes.reanchor import reanchor_articles
from viewer.notes.store import NotesStore
from viewer.search.archive import Archive

Cli = Callable[..., tuple[int, str, str]]

MOVED = "کوروش خسروی"
EDITED = "افزایش تعداد خواهرخواندهها یا عضویت بیشتر در تعداد شبکههای مختلف"
EDITED_NOW = "افزایش تعداد خواهرخواندهها یا عضویت افزون‌تر در تعداد شبکههای مختلف"
REMOVED_LINE_START = "خسروی خاطرنشان کرد:"
REPEATED = "طرحی در مرکز پژوهشها مورد مطالعه قرار گرفته"
INSERTED = "به گزارش خبرنگار ایمنا، "


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    assert "Traceback" not in err
    return out


def article_text(cli: Cli) -> tuple[str, str]:
    (article,) = json.loads(ok(cli("list", "--json")))
    shown = json.loads(ok(cli("show", article["id"], "--json")))
    return shown["id"], shown["text"]


def add(cli: Cli, article_id: str, start: int, end: int, note: str) -> str:
    return ok(cli("notes", "add", article_id, "--start", str(start), "--end", str(end), "--note", note,
                  "--color", "#ffeb3b", "--author", "tester")).strip()


def notes_by_id(cli: Cli, article_id: str) -> dict[str, dict]:
    return {n["id"]: n for n in json.loads(ok(cli("notes", "list", article_id, "--json")))}


@pytest.fixture
def annotated(run_cli: Cli, source_dir: Path) -> dict[str, str]:
    ok(run_cli("index", str(source_dir)))
    article_id, text = article_text(run_cli)
    first = text.index(REPEATED)
    second = text.index(REPEATED, first + 1)
    removed_line = text[text.index(REMOVED_LINE_START):text.index("\n", text.index(REMOVED_LINE_START))]
    removed_start = text.index(removed_line) + 20
    ids = {
        "article": article_id,
        "moved": add(run_cli, article_id, text.index(MOVED), text.index(MOVED) + len(MOVED), "جابه‌جا می‌شود"),
        "edited": add(run_cli, article_id, text.index(EDITED), text.index(EDITED) + len(EDITED), "ویرایش می‌شود"),
        "removed": add(run_cli, article_id, removed_start, removed_start + 40, "حذف می‌شود"),
        "second_copy": add(run_cli, article_id, second, second + len(REPEATED), "نسخهٔ دوم"),
        "removed_line": removed_line,
    }
    ids["reply"] = ok(run_cli("notes", "reply", ids["removed"], "پاسخی که نباید گم شود")).strip()
    return ids


def test_notes_follow_the_text_when_the_source_file_changes(run_cli: Cli, source_dir: Path, annotated: dict[str, str]) -> None:
    source = next(source_dir.iterdir())
    content = source.read_text("utf-8")
    content = content.replace("رئیس مرکز پژوهشهای شورای اسلامی شهر اصفهان گفت:",
                              INSERTED + "رئیس مرکز پژوهشهای شورای اسلامی شهر اصفهان گفت:", 1)
    content = content.replace(EDITED, EDITED_NOW).replace(annotated["removed_line"] + "\n", "")
    assert annotated["removed_line"] not in content
    source.write_text(content, "utf-8")

    assert json.loads(ok(run_cli("index", str(source_dir), "--json")))["updated"] == 1
    article_id, text = article_text(run_cli)
    assert article_id == annotated["article"]
    notes = notes_by_id(run_cli, article_id)
    assert len(notes) == 5  # nothing lost

    moved = notes[annotated["moved"]]
    assert text[moved["start"]:moved["end"]] == MOVED == moved["exact"]
    assert moved["start"] == text.index(MOVED) and not moved["orphaned"]

    edited = notes[annotated["edited"]]
    assert edited["exact"] == EDITED_NOW == text[edited["start"]:edited["end"]]
    assert not edited["orphaned"]
    found = json.loads(ok(run_cli("notes", "search", "افزون‌تر", "--json")))  # the passage as it reads now
    assert [n["id"] for n in found] == [annotated["edited"]]

    second = notes[annotated["second_copy"]]
    assert second["start"] == text.index(REPEATED, text.index(REPEATED) + 1)
    assert text[second["start"]:second["end"]] == REPEATED

    removed = notes[annotated["removed"]]
    assert removed["orphaned"] and removed["body"] == "حذف می‌شود"
    assert notes[annotated["reply"]]["parent_id"] == annotated["removed"]

    # The selectors stored after re-anchoring are the new text's.
    with NotesStore(DataPaths.resolve(source_dir.parent / "data").notes_path) as store:
        quote = store.require(annotated["moved"]).quote
    assert quote is not None
    start = text.index(MOVED)
    assert quote.prefix == text[start - 32:start] and quote.suffix == text[start + len(MOVED):start + len(MOVED) + 32]


def test_a_removed_article_orphans_its_notes_and_its_return_restores_them(run_cli: Cli, source_dir: Path,
                                                                        annotated: dict[str, str]) -> None:
    source = next(source_dir.iterdir())
    saved = source.read_bytes()
    source.unlink()
    assert json.loads(ok(run_cli("index", str(source_dir), "--json")))["removed"] == 1
    orphans = json.loads(ok(run_cli("notes", "list", "--orphans", "--json")))
    assert {n["id"] for n in orphans} == {annotated[k] for k in ("moved", "edited", "removed", "second_copy")}
    assert len(notes_by_id(run_cli, annotated["article"])) == 5

    source.write_bytes(saved)
    ok(run_cli("index", str(source_dir)))
    notes = notes_by_id(run_cli, annotated["article"])
    assert [n["id"] for n in notes.values() if n["orphaned"]] == []
    _, text = article_text(run_cli)
    for key in ("moved", "edited", "removed", "second_copy"):
        note = notes[annotated[key]]
        assert text[note["start"]:note["end"]] == note["exact"]


def test_reanchor_articles_with_the_index_lookup(data_paths: DataPaths, source_dir: Path) -> None:
    """The exact call `bayegan index` makes, with a lookup for an id the index does not have."""
    archive = Archive(data_paths)
    archive.sync([source_dir])
    with archive.searcher() as searcher:
        article = next(iter(searcher.articles()))
    with NotesStore(data_paths.notes_path) as store:
        kept = store.create_highlight(article.id, article.text, 0, 20)
        lost = store.create_comment("no-such-article", "یادداشتی بر خبری که نیست")
    with archive.searcher() as searcher:
        report = reanchor_articles(data_paths.notes_path, [article.id], searcher.article)
    assert report.orphaned == 1 and report.checked == 2
    with NotesStore(data_paths.notes_path) as store:
        assert not store.require(kept.id).orphaned
        assert store.require(lost.id).orphaned
    assert reanchor_articles(data_paths.data_dir / "absent.sqlite3", [article.id], lambda _id: None).checked == 0
