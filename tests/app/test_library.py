"""The Library on a real index and a real notes database in a tmp data folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.app.conftest import ARTICLES, write_archive
from viewer.app.hit_marks import find_hits
from viewer.app.library import ALL_ARTICLES, Library
from viewer.app.scope import Scope
from viewer.core.errors import BayeganError, CancelledError, QueryError
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive


def index_hit_keys(query: str, ix, limit: int = 200) -> set[str]:  # type: ignore[no-untyped-def]
    """What the window computed on its UI thread before the search gave its keys: every text term
    the parsed query looks for, prefix and fuzzy terms expanded against the index."""
    from whoosh import query as wq

    from viewer.analysis.analyzer import search_keys
    from viewer.search.query.parser import parse_query
    from viewer.search.schema import TEXT_FIELDS

    with ix.reader() as reader:
        parsed = parse_query(query, ix.schema, reader)
        keys = {text for field, text in parsed.iter_all_terms() if field in TEXT_FIELDS and isinstance(text, str)}
        for negated in ("نمایشگاه",):  # what a query excludes is never marked
            keys -= set(search_keys(negated))
        for leaf in parsed.leaves():
            if isinstance(leaf, wq.MultiTerm) and leaf.field() in TEXT_FIELDS:
                for _, (_field, term) in zip(range(limit), leaf.expanded_terms(reader), strict=False):
                    keys.add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return keys


def _id_of(library: Library, title_word: str) -> str:
    return next(a.id for a in library.articles() if title_word in a.title)


def test_sync_reads_the_folder_and_search_finds_every_spelling(library: Library) -> None:
    assert library.article_count == 3
    result = library.search("کتاب", limit=10, with_ids=True)
    titles = {hit.title for hit in result.hits}
    assert "نمایشگاه کتاب تهران گشایش یافت" in titles
    assert result.total == len(result.doc_ids) >= 1
    assert dict(library.tag_counts()) == {"فرهنگ": 2, "کتاب": 1, "محیط زیست": 1}
    assert library.search(ALL_ARTICLES).total == 3
    with pytest.raises(QueryError):
        library.search("")


@pytest.mark.parametrize("query", ["کتاب", "کتاب*", "باران OR کتابخانه", '"زاینده‌رود"', "کتاب -نمایشگاه", "اصفحان~"])
def test_search_gives_the_keys_the_pane_marks(library: Library, paths: DataPaths, query: str) -> None:
    result = library.search(query)
    archive = Archive(paths)
    try:
        # every key marked is one the query looks for (a fuzzy word's own spelling needs no mark)
        assert result.pattern.keys() <= index_hit_keys(query, archive.ix)
    finally:
        archive.close()
    for hit in result.hits:
        article = library.article(hit.id)
        assert article is not None
        assert find_hits(article.title + "\n" + article.text, result.pattern), (query, hit.title)


def test_ranked_ids_are_the_search_order(library: Library) -> None:
    result = library.search("کتاب OR باران", limit=10)
    assert library.ranked_ids("کتاب OR باران", limit=10) == [hit.id for hit in result.hits]
    assert library.ranked_ids("کتاب OR باران", sort="date", limit=2) == [
        hit.id for hit in library.search("کتاب OR باران", sort="date", limit=2).hits]


def test_choosing_articles_for_an_export(library: Library) -> None:
    with pytest.raises(BayeganError) as missing:
        library.require_articles([_id_of(library, "باران"), "no-such-id"])
    assert "no-such-id" in missing.value.en and "no-such-id" in missing.value.fa
    tagged = library.matching_articles(None, ["فرهنگ"])
    assert {a.title for a in tagged} == {ARTICLES[0]["title"], ARTICLES[2]["title"]}
    found = library.matching_articles("کتاب", ["فرهنگ"])
    assert [a.id for a in found] == [h.id for h in library.search("کتاب", ["فرهنگ"], limit=10).hits]


def test_a_sync_moves_notes_with_their_text_and_keeps_orphans(library: Library, source_dir: Path) -> None:
    rain = _id_of(library, "باران")
    text = library.require_articles([rain])[0].text
    start = text.index("زاینده‌رود")
    note = library.add_highlight(rain, start, start + len("زاینده‌رود"), body="رود", author="پژوهشگر")
    library.reply(note.id, "پاسخ", author="همکار")

    edited = [dict(item) for item in ARTICLES]
    edited[1] = {**edited[1], "text": ["خبر فوری:", *edited[1]["text"]]}  # type: ignore[list-item]
    write_archive(source_dir, edited)
    report = library.sync([source_dir])
    assert report.updated == 1
    moved = library.notes.get(note.id)
    assert moved is not None and moved.position is not None and not moved.orphaned
    assert library.require_articles([rain])[0].text[moved.position.start:moved.position.end] == "زاینده‌رود"

    write_archive(source_dir, [edited[0], edited[2]])
    assert library.sync([source_dir]).removed == 1
    assert library.article(rain) is None and library.article_count == 2
    orphan = library.notes.get(note.id)
    assert orphan is not None and orphan.orphaned
    [(depth_root, root), (depth_reply, reply)] = list(library.threads(rain)[0].walk())
    assert (depth_root, root.id, depth_reply, reply.body, reply.creator) == (0, note.id, 1, "پاسخ", "همکار")


def test_notes_travel_as_w3c_web_annotations(library: Library, tmp_path: Path, source_dir: Path) -> None:
    book = _id_of(library, "نمایشگاه")
    library.add_comment(book, "یادداشتی بر کل خبر", author="الف")
    target = tmp_path / "out" / "notes.jsonld"
    target.parent.mkdir()
    assert library.export_notes(target) == 1
    exported = json.loads(target.read_text("utf-8"))
    assert exported["type"] == "AnnotationCollection" and exported["total"] == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["notes.jsonld"]
    with pytest.raises(BayeganError):
        library.export_notes(tmp_path / "absent" / "notes.jsonld")

    with Library(DataPaths.resolve(tmp_path / "colleague")) as colleague:
        colleague.sync([source_dir])
        assert colleague.import_notes(target).added == 1
        assert colleague.import_notes(target).added == 0
        assert [t.annotation.body for t in colleague.threads(book)] == ["یادداشتی بر کل خبر"]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    with Library(DataPaths.resolve(tmp_path / "third")) as third:
        with pytest.raises(BayeganError):
            third.import_notes(broken)
        assert not third.paths.notes_path.exists()


def test_settings_are_the_windows_file_and_the_author_is_decided_once(paths: DataPaths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths.ensure()
    window_wrote = {"theme": "dark", "language": "en", "folders": ["/some/folder"], "zoom": 2, "geometry": "AAA"}
    paths.settings_path.write_text(json.dumps(window_wrote), "utf-8")
    monkeypatch.setattr("viewer.app.library.login_name", lambda: "login")
    with Library(paths) as library:
        assert (library.settings.theme, library.settings.language, library.settings.folders) == ("dark", "en", ["/some/folder"])
        assert library.author() == "login" and library.author("داده‌شده") == "داده‌شده"
        assert library.remember_author("  پژوهشگر ") == "پژوهشگر"
        assert library.author() == "پژوهشگر"
    stored = json.loads(paths.settings_path.read_text("utf-8"))
    assert stored == {**stored, **window_wrote, "author": "پژوهشگر"}
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.json"]


def test_unreadable_settings_mean_the_defaults(paths: DataPaths) -> None:
    paths.ensure()
    paths.settings_path.write_text("{broken", "utf-8")
    with Library(paths) as library:
        assert (library.settings.theme, library.settings.language, library.settings.author) == ("light", "fa", None)


def test_an_import_places_notes_by_the_pages_url_and_quote(library: Library, tmp_path: Path) -> None:
    """A colleague's note names the page by its URL, not by an id of this archive: found anyway."""
    article = next(a for a in library.articles() if a.url == "https://example.org/news/2")
    words = article.text.split()[1]
    document = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": [
        {"id": "urn:uuid:6a1d2c3e-0000-4000-8000-000000000001", "type": "Annotation", "bodyValue": "از همکار",
         "target": {"source": article.url, "selector": {"type": "TextQuoteSelector", "exact": words}}}]}
    path = tmp_path / "colleague.jsonld"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    report = library.import_notes(path)
    assert (report.added, report.orphaned) == (1, 0), report.as_json()
    (thread,) = library.threads(article.id)
    assert thread.annotation.body == "از همکار" and thread.annotation.quote is not None
    assert thread.annotation.quote.exact == words


@pytest.mark.parametrize(("query", "scope"), [("کتاب", Scope()), ("کتاب*", Scope()), ("کتاب از:2024-05-01", Scope()),
                                              ("*", Scope(date_to=date(2024, 5, 31)))])
def test_a_search_in_two_steps_gives_what_one_search_gives(library: Library, query: str, scope: Scope) -> None:
    whole = library.search(query, limit=2, with_ids=True, timeline=True, scope=scope)
    first = library.first_page(query, limit=2, scope=scope)
    summary = library.summarize(query, scope=scope, hit_ids=[hit.id for hit in first.hits], with_ids=True, timeline=True)
    assert [hit.id for hit in first.hits] == [hit.id for hit in whole.hits] and first.pattern == whole.pattern
    assert (summary.total, summary.facets, summary.doc_ids, summary.timeline) == (
        whole.total, whole.facets, whole.doc_ids, whole.timeline)
    with pytest.raises(CancelledError):
        library.summarize(query, scope=scope, cancel=lambda: True)
