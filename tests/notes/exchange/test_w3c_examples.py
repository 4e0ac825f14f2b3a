"""The model's example shapes (tests/notes/exchange/w3c_examples.py) imported one by one: the correct ones
without loss (or refused naming the field), the incorrect ones refused naming the field they break."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.notes.archives import indexed, write_json
from tests.notes.exchange.w3c_examples import CORRECT, INCORRECT
from viewer.core.annotation import parse_utc
from viewer.notes.errors import NotesFileError
from viewer.notes.store import NotesStore
from viewer.notes.webanno import export_store, import_data
from viewer.search.archive import Archive
from viewer.search.results.article_finder import ArchiveArticleFinder
from viewer.search.results.searcher import ArchiveSearcher


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    root = tmp_path_factory.mktemp("w3c-examples")
    paths = indexed(root / "data", write_json(root / "archive"))
    with Archive(paths).searcher() as opened:
        yield opened


def _annotations(example: Any) -> list[dict[str, Any]]:
    if isinstance(example, dict) and "first" in example:
        return list(example["first"]["items"])
    if isinstance(example, dict) and "items" in example and example.get("type") != "Annotation":
        return list(example["items"])
    return [example]


def _sources(target: Any) -> list[str]:
    out = []
    for t in target if isinstance(target, list) else [target]:
        if isinstance(t, str):
            out.append(t)
        elif isinstance(t, dict) and isinstance(t.get("items"), list):
            out += _sources(t["items"])
        elif isinstance(t, dict):
            out.append(str(t.get("source", t.get("id"))))
    return [unquote(s) for s in out]


def _non_text_selectors(target: Any) -> list[Any]:
    found = []
    for t in target if isinstance(target, list) else [target]:
        if isinstance(t, dict):
            for s in t.get("selector", []) if isinstance(t.get("selector"), list) else [t.get("selector")]:
                if s is not None and not (isinstance(s, dict) and s.get("type") in ("TextQuoteSelector",
                                                                                  "TextPositionSelector")):
                    found.append(s)
    return found


def _assert_kept(original: dict[str, Any], exported: list[dict[str, Any]]) -> None:
    """Every member of the original comes back out (times as the same instant), its targets too."""
    first = exported[0]
    for key, value in original.items():
        if key in ("@context", "target", "type"):
            continue
        if key in ("created", "modified", "generated") and key in first:
            assert parse_utc(first[key]) == parse_utc(value), key
        else:
            assert first.get(key) == value, key
    if original["id"].endswith(("/anno42", "/anno43")):
        return  # found by quote or news code: they now name this archive's article (checked below)
    assert sorted(_sources(original["target"])) == sorted(s for e in exported for s in _sources(e["target"]))
    kept = [s for e in exported for s in _non_text_selectors(e["target"])]
    assert all(s in kept for s in _non_text_selectors(original["target"]))


def test_correct_examples_import_one_by_one_without_loss(searcher: ArchiveSearcher, tmp_path: Path) -> None:
    finder = ArchiveArticleFinder(searcher)
    outcome: dict[str, str] = {}
    with NotesStore(tmp_path / "notes.sqlite3") as store:
        for name, example in CORRECT:
            report = import_data(store, example, finder)
            assert report.refused == [], name
            assert report.added >= 1, name
            outcome[name] = "; ".join(f"{w['field']}: {w['reason']}" for w in report.warnings) or "imported"
            exported = {e["id"]: e for e in export_store(store, searcher.article)["first"]["items"]}
            for original in _annotations(example):
                mine = [e for e in exported.values() if original["id"] in (e["id"], e.get("via"))]
                assert mine, name
                _assert_kept(original, mine)
        for name, result in outcome.items():
            print(f"{name}: {result}")
        assert len(CORRECT) == 45

        # Where the notes landed.
        by_code = {a.code: a.id for a in searcher.articles()}
        assert store.require("http://example.org/anno5").article_id == by_code["1201"]  # by URL
        assert store.require("http://example.org/anno42").article_id == by_code["1202"]  # by the quote alone
        assert store.require("http://example.org/anno43").article_id == by_code["1203"]  # by news code
        assert store.require("http://example.org/anno44").parent_id == "http://example.org/anno5"
        quoted = store.require("http://example.org/anno28")  # a TextQuoteSelector inside refinedBy
        assert quoted.quote is not None and quoted.quote.exact == "ناشران خارجی از بیست کشور" and not quoted.orphaned
        composite = store.require("http://example.org/anno36")
        assert {composite.article_id, *(n.article_id for n in store.linked(composite.id))} == {by_code["1201"], by_code["1202"]}
        assert store.require("http://example.org/anno5").body == "یادداشتی ساده"  # bodyValue
        assert store.require("http://example.org/anno1").body == "http://example.org/post1"  # a link body is shown
        assert "یادداشت" in store.require("http://example.org/anno8").body  # inside a Choice
        assert "offline" in outcome["18 selector given as a link"] and "target.selector" in outcome["18 selector given as a link"]


@pytest.mark.parametrize(("name", "example", "field"), INCORRECT, ids=[e[0] for e in INCORRECT])
def test_incorrect_examples_are_refused_naming_the_field(tmp_path: Path, name: str, example: Any, field: str) -> None:
    with NotesStore(tmp_path / "notes.sqlite3") as store:
        report = import_data(store, example)
        assert [r["field"] for r in report.refused] == [field]
        assert store.count() == 0


def test_incorrect_example_count() -> None:
    assert len(INCORRECT) == 39


def test_a_collection_with_pages_given_as_links_is_refused_naming_first(tmp_path: Path) -> None:
    with NotesStore(tmp_path / "notes.sqlite3") as store, pytest.raises(NotesFileError) as caught:
        import_data(store, {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/c1",
                            "type": "AnnotationCollection", "total": 42000, "first": "http://example.org/page1",
                            "last": "http://example.org/page42"})
    assert "pages are links" in caught.value.en
