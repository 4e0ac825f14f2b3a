"""W3C Web Annotation export and import: shape, round trips, double import, replies, orphans, bad files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.core.results import MergeReport
from viewer.notes.errors import NotesFileError
from viewer.notes.store import NotesStore
from viewer.notes.webanno import ANNO_CONTEXT, export_store, extract_items, import_data, import_file

Cli = Callable[..., tuple[int, str, str]]


def counts(report: MergeReport | dict) -> dict[str, int]:
    shown = report if isinstance(report, dict) else report.as_json()
    return {k: int(str(shown[k])) for k in ("added", "updated", "skipped", "conflicts", "orphaned")}


def tally(added: int = 0, updated: int = 0, skipped: int = 0, conflicts: int = 0, orphaned: int = 0) -> dict[str, int]:
    return {"added": added, "updated": updated, "skipped": skipped, "conflicts": conflicts, "orphaned": orphaned}


def fill(store: NotesStore, article: Article) -> dict[str, str]:
    text = article.text
    start = text.index("کوروش خسروی")
    highlight = store.create_highlight(article.id, text, start, start + 11, body="یادداشت", color="#ffeb3b", creator="مریم")
    bare = store.create_highlight(article.id, text, 0, 9, color="#a5d6a7", creator="مریم")
    comment = store.create_comment(article.id, "دربارهٔ کل خبر", creator="علی")
    reply = store.create_reply(highlight.id, "پاسخ", creator="علی")
    deeper = store.create_reply(reply.id, "پاسخ به پاسخ", creator="مریم")
    gone = store.create_reply(comment.id, "پاک‌شده")
    store.delete(gone.id)
    return {"highlight": highlight.id, "bare": bare.id, "comment": comment.id, "reply": reply.id, "deeper": deeper.id,
            "gone": gone.id}


def test_export_is_a_w3c_annotation_collection(store: NotesStore, seed_article: Article) -> None:
    ids = fill(store, seed_article)
    document = json.loads(json.dumps(export_store(store), ensure_ascii=False))
    assert document["@context"] == ANNO_CONTEXT
    assert document["type"] == "AnnotationCollection" and document["total"] == 5
    assert document["id"].startswith("urn:uuid:") and document["first"]["id"].startswith("urn:uuid:")
    assert document["first"]["partOf"]["id"] == document["id"] and document["last"] == document["first"]["id"]
    items = {item["id"]: item for item in document["first"]["items"]}
    assert set(items) == {ids[k] for k in ("highlight", "bare", "comment", "reply", "deeper")}  # deleted stay home
    highlight = items[ids["highlight"]]
    assert highlight["type"] == "Annotation" and highlight["motivation"] == "commenting"
    assert highlight["body"] == {"type": "TextualBody", "value": "یادداشت", "format": "text/plain", "color": "#ffeb3b"}
    assert highlight["creator"] == {"type": "Person", "name": "مریم"}
    target = highlight["target"]
    assert target["source"] == f"urn:bayegan:article:{seed_article.id}"  # the seed article has no URL
    quote, position = target["selector"]
    start = seed_article.text.index("کوروش خسروی")
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "کوروش خسروی"
    assert quote["prefix"] == seed_article.text[start - 32:start]
    assert position == {"type": "TextPositionSelector", "start": start, "end": start + 11}
    assert items[ids["bare"]]["motivation"] == "highlighting"
    assert items[ids["comment"]]["target"] == {"source": f"urn:bayegan:article:{seed_article.id}"}
    assert items[ids["reply"]]["target"] == ids["highlight"] and items[ids["reply"]]["motivation"] == "replying"
    assert items[ids["deeper"]]["target"] == ids["reply"]
    order = [item["id"] for item in document["first"]["items"]]
    assert order.index(ids["highlight"]) < order.index(ids["reply"]) < order.index(ids["deeper"])


def test_round_trip_into_a_colleagues_store_and_double_import(store: NotesStore, seed_article: Article,
                                                            tmp_path: Path) -> None:
    fill(store, seed_article)
    exported = export_store(store)
    with NotesStore(tmp_path / "colleague" / "notes.sqlite3") as colleague:
        first = import_data(colleague, exported, lambda i: seed_article if i == seed_article.id else None)
        assert counts(first) == tally(added=5) and first.refused == []
        assert colleague.all() == store.all()
        again = import_data(colleague, json.loads(json.dumps(exported)), lambda i: seed_article)
        assert counts(again) == tally(skipped=5)
        assert colleague.all() == store.all()
        assert export_store(colleague)["first"]["items"] == exported["first"]["items"]


def test_a_newer_copy_updates_an_older_one(store: NotesStore, seed_article: Article, tmp_path: Path) -> None:
    ids = fill(store, seed_article)
    older = export_store(store)
    store.edit(ids["comment"], body="متن ویرایش‌شده")
    with NotesStore(tmp_path / "other.sqlite3") as colleague:
        import_data(colleague, older)
        report = import_data(colleague, export_store(store))
        assert (report.updated, report.added) == (1, 0)
        assert colleague.require(ids["comment"]).body == "متن ویرایش‌شده"
        assert import_data(colleague, older).updated == 0  # an older copy never overwrites a newer one


def test_replies_listed_before_their_parents_stay_under_them(store: NotesStore, seed_article: Article) -> None:
    items = [
        {"@context": ANNO_CONTEXT, "id": "urn:uuid:3", "type": "Annotation", "motivation": "replying",
         "target": "urn:uuid:2",
         "body": {"type": "TextualBody", "value": "سوم"}, "created": "2024-01-01T10:00:03Z"},
        {"@context": ANNO_CONTEXT, "id": "urn:uuid:2", "type": "Annotation", "motivation": "replying",
         "target": "urn:uuid:1",
         "body": {"type": "TextualBody", "value": "دوم"}, "created": "2024-01-01T10:00:02Z"},
        {"@context": ANNO_CONTEXT, "id": "urn:uuid:1", "type": "Annotation", "motivation": "commenting",
         "body": [{"type": "TextualBody", "value": "اول"}], "creator": "سارا", "created": "2024-01-01T13:30:01+03:30",
         "target": {"source": seed_article.id, "selector": {"type": "TextQuoteSelector", "exact": "کوروش خسروی"}}},
    ]
    report = import_data(store, items, lambda i: seed_article if i == seed_article.id else None)
    assert report.added == 3 and report.orphaned == 0
    (thread,) = store.threads(seed_article.id)
    assert [(d, a.body) for d, a in thread.walk()] == [(0, "اول"), (1, "دوم"), (2, "سوم")]
    root = thread.annotation
    assert root.created == "2024-01-01T10:00:01.000Z" and root.creator == "سارا"
    # Only a quote came with it: the position is found in this archive's text.
    assert root.position is not None and seed_article.text[root.position.start:root.position.end] == "کوروش خسروی"


def test_notes_on_unknown_articles_and_unplaceable_quotes_are_kept_as_orphans(store: NotesStore, seed_article: Article) -> None:
    items = {"@context": ANNO_CONTEXT, "type": "AnnotationCollection", "items": [
        {"id": "urn:uuid:a", "type": "Annotation", "motivation": "commenting",
         "body": {"type": "TextualBody", "value": "خبری که اینجا نیست"}, "target": {"source": "not-here"}},
        {"id": "urn:uuid:b", "type": "Annotation", "motivation": "highlighting",
         "target": {"source": seed_article.id, "selector": [
             {"type": "TextQuoteSelector", "exact": "جمله‌ای که در این متن نیامده است"},
             {"type": "TextPositionSelector", "start": 5, "end": 30}]}},
        {"id": "urn:uuid:c", "type": "Annotation", "motivation": "replying", "target": "urn:uuid:missing-parent",
         "body": {"type": "TextualBody", "value": "پاسخ بی‌پدر"}},
    ]}
    report = import_data(store, items, lambda i: seed_article if i == seed_article.id else None)
    assert counts(report) == tally(added=3, orphaned=3)
    assert [(w["annotation"], w["field"]) for w in report.warnings] == [("urn:uuid:a", "target"), ("urn:uuid:b", "target")]
    assert {a.id for a in store.orphans()} == {"urn:uuid:a", "urn:uuid:b", "urn:uuid:c"}
    assert store.require("urn:uuid:b").quote.exact == "جمله‌ای که در این متن نیامده است"  # type: ignore[union-attr]
    assert store.require("urn:uuid:c").parent_id == "urn:uuid:missing-parent"


BAD_FILES = [
    ("not json at all", "not JSON"),
    ('{"type": "Something"}', "no annotations"),
    ('"just a string"', "expected a list"),
    ('{"@context": "http://example.org/other.jsonld", "type": "AnnotationCollection", "items": []}', "@context"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_files_that_are_no_annotation_documents_are_refused_whole(store: NotesStore, tmp_path: Path, content: str,
                                                                    message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(NotesFileError) as caught:
        import_file(store, path)
    assert message in caught.value.en
    assert caught.value.fa != caught.value.en and "یادداشت" in caught.value.fa
    assert store.count() == 0


BAD_ITEMS = [
    ({"id": "urn:uuid:x", "type": "Annotation"}, "target"),
    ({"type": "Annotation", "target": "http://example.org/a"}, "id"),
    ({"id": "not an iri", "type": "Annotation", "target": "http://example.org/a"}, "id"),
    ({"id": "urn:uuid:x", "type": "Annotation", "target": {"source": "a", "selector": {
        "type": "TextPositionSelector", "start": 9, "end": 2}}}, "target.selector"),
    ({"id": "urn:uuid:x", "type": "Annotation", "target": "http://example.org/a", "created": "yesterday"}, "created"),
    ({"id": "urn:uuid:x", "type": "Annotation", "target": "http://example.org/a", "body": {"value": 5}}, "body.value"),
    ({"id": "urn:uuid:x", "target": "http://example.org/a", "type": "Person"}, "type"),
    ({"id": "urn:uuid:x", "type": "Annotation", "target": "http://example.org/a", "bodyValue": "x",
      "body": "http://example.org/b"}, "bodyValue"),
]


@pytest.mark.parametrize(("item", "field"), BAD_ITEMS)
def test_a_bad_annotation_is_refused_naming_the_field_and_the_rest_imported(store: NotesStore, item: dict,
                                                                              field: str) -> None:
    good = {"id": "urn:uuid:good", "type": "Annotation", "target": {"source": "http://example.org/a1"},
            "body": {"type": "TextualBody", "value": "خوب"}}
    report = import_data(store, {"@context": ANNO_CONTEXT, "type": "AnnotationCollection", "items": [good, item]})
    assert report.added == 1 and store.require("urn:uuid:good").body == "خوب"
    (refused,) = report.refused
    assert refused["field"] == field and refused["reason"] and "یادداشت" not in refused["reason"]
    assert refused["reason_fa"] != refused["reason"]


def test_collections_with_pages(store: NotesStore) -> None:
    item = {"id": "urn:uuid:p1", "type": "Annotation", "target": "a1"}
    page2 = {"type": "AnnotationPage", "items": [dict(item, id="urn:uuid:p2")]}
    data = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [item], "next": page2}}
    assert [i["id"] for i in extract_items(data)[0]] == ["urn:uuid:p1", "urn:uuid:p2"]
    assert extract_items(item) == ([item], False)


def test_cli_export_import_round_trip(run_cli: Cli, source_dir: Path, tmp_path: Path) -> None:
    assert run_cli("index", str(source_dir))[0] == 0
    article = json.loads(run_cli("list", "--json")[1])[0]
    code, note_id, err = run_cli("notes", "add", article["id"], "--start", "0", "--end", "12", "--note", "یادداشت", "--author", "x")
    assert code == 0, err
    assert run_cli("notes", "reply", note_id.strip(), "پاسخ")[0] == 0
    code, stdout_export, _ = run_cli("notes", "export")
    assert code == 0 and json.loads(stdout_export)["total"] == 2
    exported = tmp_path / "notes.jsonld"
    assert run_cli("notes", "export", str(exported))[0] == 0
    assert json.loads(exported.read_text("utf-8")) == json.loads(stdout_export)

    colleague = DataPaths.resolve(tmp_path / "colleague")
    from viewer.cli import main

    assert main(["--data-dir", str(colleague.data_dir), "index", str(source_dir)]) == 0
    for expected in (tally(added=2), tally(skipped=2)):
        code, out, err = run_cli("--data-dir", str(colleague.data_dir), "notes", "import", str(exported))
        assert code == 0, err
        assert counts(json.loads(out)) == expected
    # Into an archive without the article: kept, as orphans.
    empty = tmp_path / "empty"
    code, out, _ = run_cli("--data-dir", str(empty), "notes", "import", str(exported))
    assert json.loads(out)["orphaned"] == 1  # the note; its reply stays under it


def test_cli_import_of_a_bad_file_is_bilingual_and_harmless(run_cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", "utf-8")
    code, _, err = run_cli("notes", "import", str(bad))
    assert code == 1 and "Traceback" not in err
    assert "bayegan: Not a valid annotation file" in err and "بایگان: پروندهٔ یادداشت معتبر نیست" in err
    code, _out, err = run_cli("notes", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "Cannot read" in err


def test_cli_help_documents_the_notes_commands(run_cli: Cli) -> None:
    code, out, _ = run_cli("notes", "--help")
    assert code == 0
    for command in ("add", "reply", "edit", "delete", "list", "search", "export", "import"):
        assert f"bayegan notes {command}" in out


def test_a_file_without_timestamps_imports_twice_as_nothing(store: NotesStore) -> None:
    items = [{"@context": ANNO_CONTEXT, "id": "urn:uuid:t1", "type": "Annotation", "target": {"source": "a1"},
              "body": {"type": "TextualBody", "value": "بی‌تاریخ"}}]
    assert import_data(store, items).added == 1
    assert counts(import_data(store, items)) == tally(skipped=1)
