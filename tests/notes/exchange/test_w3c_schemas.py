"""The export checked with the W3C annotation test suite's own JSON Schemas for Annotation Pages
(tests/data/w3c-annotation-tests): the page inside the collection, the page taken alone, and the
collection's description the page embeds as `partOf`."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tests.notes.exchange.test_webanno import fill
from viewer.core.article import Article
from viewer.notes.store import NotesStore
from viewer.notes.webanno import export_store

SUITE = Path(__file__).parents[2] / "data" / "w3c-annotation-tests"
PAGE_ASSERTIONS = sorted((SUITE / "collections" / "pages").glob("5.2-page*Validated.json"))


def _registry() -> Registry:
    schemas = [json.loads(path.read_text("utf-8")) for path in (SUITE / "definitions").glob("*.json")]
    return Registry().with_resources((schema["id"], Resource.from_contents(schema, DRAFT4)) for schema in schemas)


def _holds(schema: dict[str, Any], instance: Any, registry: Registry) -> bool:
    return Draft4Validator(schema, registry=registry).is_valid(instance)


def _assertion(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text("utf-8")))


def _exported(store: NotesStore, article: Article) -> dict[str, Any]:
    fill(store, article)
    return dict(json.loads(json.dumps(export_store(store), ensure_ascii=False)))


def test_the_suite_is_here() -> None:
    assert len(PAGE_ASSERTIONS) == 10 and (SUITE / "README.md").is_file()


@pytest.mark.parametrize("assertion", PAGE_ASSERTIONS, ids=[p.stem for p in PAGE_ASSERTIONS])
def test_every_page_must_holds_in_the_collection_and_alone(store: NotesStore, seed_article: Article,
                                                           assertion: Path) -> None:
    document = _exported(store, seed_article)
    registry = _registry()
    schema = _assertion(assertion)
    assert _holds(schema, document, registry), schema["errorMessage"]
    assert _holds(schema, document["first"], registry), schema["errorMessage"]


def test_the_page_embeds_the_collections_description(store: NotesStore, seed_article: Article) -> None:
    document = _exported(store, seed_article)
    part_of = document["first"]["partOf"]
    assert isinstance(part_of, dict)
    assert (part_of["id"], part_of["label"], part_of["total"]) == (document["id"], document["label"], document["total"])
    registry = _registry()
    for definition in ("id.json#/definitions/idValueFound",
                       "collections.json#/definitions/annotationCollectionTypeValueFound",
                       "collections.json#/definitions/labelFound", "collections.json#/definitions/totalFound"):
        assert _holds({"$ref": definition}, part_of, registry), definition


def test_the_schemas_can_fail(store: NotesStore, seed_article: Article) -> None:
    document = _exported(store, seed_article)
    registry = _registry()
    broken = copy.deepcopy(document)
    broken["first"]["partOf"] = {"label": 5}
    broken["first"]["startIndex"] = -1
    failing = {p.stem for p in PAGE_ASSERTIONS if not _holds(_assertion(p), broken, registry)}
    assert failing == {"5.2-pagePartOfValidated", "5.2-pageStartIndexValidated"}
