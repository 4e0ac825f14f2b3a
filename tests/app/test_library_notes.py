"""The Library's notes use cases (the ones `bayegan notes` calls) on a real index and real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.conftest import ARTICLES, write_archive
from viewer.app.library import Library
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths


def _id_of(library: Library, title_word: str) -> str:
    return next(a.id for a in library.articles() if title_word in a.title)


def _annotation(source: str, exact: str, body: str) -> dict[str, object]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "id": f"urn:uuid:00000000-0000-4000-8000-{len(body):012d}",
            "type": "Annotation", "body": {"type": "TextualBody", "value": body},
            "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": exact}}}


def test_exports_name_articles_by_url_and_markdown_quotes_the_passage(library: Library, tmp_path: Path) -> None:
    rain = _id_of(library, "باران")
    article = library.article(rain)
    assert article is not None
    start = article.text.index("زاینده‌رود")
    library.add_highlight(rain, start, start + len("زاینده‌رود"), body="رود جاری شد", author="الف")
    document = library.notes_document()
    [item] = document["first"]["items"]  # type: ignore[index]
    assert item["target"]["source"] == "https://example.org/news/2"

    text, count = library.notes_text("markdown")
    assert count == 1 and "بارش باران در اصفهان" in text and "> زاینده‌رود" in text and "رود جاری شد" in text
    target = tmp_path / "notes.md"
    assert library.export_notes(target, "markdown") == 1
    assert target.read_text("utf-8") == text
    jsonld, _ = library.notes_text()
    assert json.loads(jsonld)["total"] == 1
    with pytest.raises(BayeganError) as unknown:
        library.notes_text("docx")
    assert "docx" in unknown.value.en and unknown.value.fa


def test_import_finds_articles_by_url_and_by_quote(library: Library, tmp_path: Path) -> None:
    book, rain = _id_of(library, "نمایشگاه"), _id_of(library, "باران")
    exchanged = tmp_path / "colleague.jsonld"
    exchanged.write_text(json.dumps([
        _annotation("https://example.org/news/1", "ناشران", "به نشانی"),
        _annotation("https://elsewhere.example/copy", "دوباره جاری شد", "با نقل قول"),
        _annotation("https://elsewhere.example/none", "جمله‌ای که در هیچ خبری نیست", "یتیم"),
    ], ensure_ascii=False), "utf-8")
    report = library.import_notes(exchanged)
    assert (report.added, report.orphaned, report.refused) == (3, 1, [])
    assert [t.annotation.body for t in library.threads(book)] == ["به نشانی"]
    [by_quote] = library.threads(rain)
    rain_article = library.article(rain)
    position = by_quote.annotation.position
    assert rain_article is not None and position is not None
    assert rain_article.text[position.start:position.end] == "دوباره جاری شد"
    assert [a.body for a in library.notes.orphans()] == ["یتیم"]


def test_backups_are_listed_and_a_restore_keeps_the_notes_it_replaces(paths: DataPaths, source_dir: Path) -> None:
    with Library(paths) as library:
        library.sync([source_dir])
        library.add_comment(_id_of(library, "کتابخانه"), "در پشتیبان", author="الف")
        assert library.notes_backups() == []  # a copy is taken when a store with notes is opened
    with Library(paths) as library:
        library.add_comment(_id_of(library, "نمایشگاه"), "پس از پشتیبان", author="الف")  # opening copied one note
        [daily] = [b for b in library.notes_backups() if b.kind != "recent"]  # recent: at each closing after edits
        assert (daily.kind, daily.notes) == ("daily", 1)

        restored = library.restore_notes(daily.path.name)
        assert (restored.backup, restored.count) == (daily.path, 1)
        assert restored.previous is not None and [a.body for a in library.notes.all()] == ["در پشتیبان"]
        kept = [(b.kind, b.notes) for b in library.notes_backups() if b.kind != "recent"]
        assert kept == [("daily", 1), ("before-restore", 2)]

        back = library.restore_notes(str(restored.previous))
        assert back.count == 2 and [a.body for a in library.notes.search("پشتیبان")] != []
        with pytest.raises(BayeganError) as missing:
            library.restore_notes("no-such-backup")
        assert "no-such-backup" in missing.value.en and missing.value.fa
        assert library.notes.count() == 2


def test_notes_on_another_archive_keep_their_text_when_it_has_no_such_article(tmp_path: Path) -> None:
    with Library(DataPaths.resolve(tmp_path / "one")) as one:
        one.sync([write_archive(tmp_path / "a", ARTICLES[:1])])
        one.add_comment(_id_of(one, "نمایشگاه"), "فقط این‌جا", author="الف")
        one.export_notes(tmp_path / "one.jsonld")
    with Library(DataPaths.resolve(tmp_path / "two")) as two:
        two.sync([write_archive(tmp_path / "b", ARTICLES[1:])])
        assert two.import_notes(tmp_path / "one.jsonld").orphaned == 1
        assert [a.body for a in two.notes.orphans()] == ["فقط این‌جا"]
