"""Notes as W3C Web Annotation JSON-LD: an AnnotationCollection with one embedded AnnotationPage.

A note's target source is its article's URL when it has one, else `urn:bayegan:article:<id>`; a
reply's target is the note it answers. A note imported from elsewhere goes back out as it came
(bodies, creator, extra members, other selectors), with Bayegan's current anchor and, once edited
here, its new text.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.notes.extras import NoteSource
from viewer.notes.store import NotesStore
from viewer.notes.w3c_import import ARTICLE_IRI_PREFIX
from viewer.notes.w3c_read import ANNO_CONTEXT, GROUPS, body_links, creator_name, flatten_targets, is_iri, types_of

ArticleLookup = Callable[[str], Article | None]
_MANAGED = {"@context", "id", "type", "motivation", "created", "modified", "creator", "body", "bodyValue", "target"}
_TEXT_SELECTORS = {"TextQuoteSelector", "TextPositionSelector"}


def article_iri(article_id: str, get_article: ArticleLookup | None = None) -> str:
    """The article's URL when it has one, else a stable Bayegan IRI (an orphan's IRI source stays)."""
    article = get_article(article_id) if get_article is not None and article_id else None
    if article is not None and is_iri(article.url):
        return as_uri(article.url)
    if is_iri(article_id):
        return article_id
    return ARTICLE_IRI_PREFIX + (article_id or "unknown")


def as_uri(iri: str) -> str:
    """An IRI as the equivalent URI (RFC 3987 3.1: non-ASCII characters percent-encoded), which
    every JSON-LD tool and the test suite's `uri` format accept; a Persian slug stays the same address."""
    return quote(iri, safe=":/?#[]@!$&'()*+,;=%~")


def _bodies(a: Annotation, source: NoteSource | None) -> dict[str, Any]:
    original = source.document if source is not None else {}
    if source is not None and a.body == source.imported_body and not a.color:
        return {key: original[key] for key in ("body", "bodyValue") if key in original}
    bodies: list[Any] = []
    if a.body or a.color:
        body: dict[str, Any] = {"type": "TextualBody", "value": a.body, "format": "text/plain"}
        if a.color:
            body["color"] = a.color
        bodies.append(body)
    if source is not None:  # links still named in the edited text go out as links again
        bodies.extend(link for link in dict.fromkeys(body_links(original.get("body", []))) if link in a.body)
    if not bodies:
        return {}
    return {"body": bodies[0] if len(bodies) == 1 else bodies}


def _target(a: Annotation, source: NoteSource | None, get_article: ArticleLookup | None) -> Any:
    if a.parent_id is not None:
        return a.parent_id
    target: dict[str, Any] = {}
    others: list[Any] = []
    if source is not None:
        raw = flatten_targets(source.document.get("target"))
        original = raw[source.target_index] if source.target_index < len(raw) else None
        if isinstance(original, dict) and "Choice" not in types_of(original.get("type")):
            target = {k: v for k, v in original.items() if k not in ("id", "source", "selector")}
            selectors = original.get("selector", [])
            others = [s for s in (selectors if isinstance(selectors, list) else [selectors])
                      if not (isinstance(s, dict) and set(types_of(s.get("type"))) & _TEXT_SELECTORS)]
    target["source"] = article_iri(a.article_id, get_article)
    selectors_out: list[Any] = []
    if a.quote is not None:
        selectors_out.append({"type": "TextQuoteSelector", "exact": a.quote.exact, "prefix": a.quote.prefix,
                              "suffix": a.quote.suffix})
    if a.position is not None:
        selectors_out.append({"type": "TextPositionSelector", "start": a.position.start, "end": a.position.end})
    selectors_out.extend(others)
    if selectors_out:
        target["selector"] = selectors_out
    return target


def to_json(a: Annotation, source: NoteSource | None = None, get_article: ArticleLookup | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"@context": ANNO_CONTEXT, "id": a.id, "type": "Annotation"}
    if source is not None:
        item.update({k: v for k, v in source.document.items() if k not in _MANAGED})
        if source.group_id is not None and source.group_id != a.id and "via" not in item:
            item["via"] = source.group_id  # one of the notes made from an annotation with several targets
    item.update({"motivation": a.motivation.value, "created": a.created, "modified": a.modified})
    if source is not None and a.parent_id is None and "motivation" in source.document:
        item["motivation"] = source.document["motivation"]  # bookmarking, tagging ...: theirs, not ours
    original_creator = source.document.get("creator") if source is not None else None
    if original_creator is not None and creator_name(original_creator) == a.creator:
        item["creator"] = original_creator
    elif a.creator:
        item["creator"] = {"type": "Person", "name": a.creator}
    item.update(_bodies(a, source))
    item["target"] = _target(a, source, get_article)
    return item


def export_collection(annotations: list[Annotation], sources: dict[str, NoteSource] | None = None,
                      get_article: ArticleLookup | None = None, label: str = "Bayegan notes") -> dict[str, Any]:
    sources = sources or {}
    groups = _whole_groups(annotations, sources)
    merged = {member.id for members in groups.values() for member in members[1:]}
    items = []
    for a in _parents_first(annotations):
        if a.id in merged:
            continue
        item = to_json(a, sources.get(a.id), get_article)
        if a.id in groups:  # the annotation as it came: its targets, each with its note's anchor here
            item["target"] = _targets_as_given(sources[a.id].document.get("target"),
                                               [_target(m, sources.get(m.id), get_article) for m in groups[a.id]])
        items.append(item)
    # Named by what it holds: the same notes exported twice make the same collection.
    digest = hashlib.sha1(json.dumps(items, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    collection_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bayegan:notes:{digest}')}"
    page_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bayegan:notes:{digest}:page:1')}"
    # The page embeds its collection's description (not just its IRI): a reader given the page alone
    # learns what it is part of, its label and its total (model 5.2, Example 39).
    part_of = {"id": collection_id, "type": "AnnotationCollection", "label": label, "total": len(items)}
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": page_id, "type": "AnnotationPage", "partOf": part_of, "startIndex": 0, "items": items},
        "last": page_id,
    }


def export_store(store: NotesStore, get_article: ArticleLookup | None = None) -> dict[str, Any]:
    notes = store.all()
    sources = {a.id: s for a in notes if (s := store.source(a.id)) is not None}
    return export_collection(notes, sources, get_article)


def _whole_groups(annotations: list[Annotation], sources: dict[str, NoteSource]) -> dict[str, list[Annotation]]:
    """The notes made from one annotation with several targets that go out again as that one
    annotation (its first note's id -> the notes in target order): every target still has its note,
    all with the bodies it came with, and no reply answers any but the first."""
    by_group: dict[str, list[Annotation]] = {}
    for a in annotations:
        source = sources.get(a.id)
        if source is not None and source.group_id is not None and a.parent_id is None:
            by_group.setdefault(source.group_id, []).append(a)
    answered = {a.parent_id for a in annotations if a.parent_id is not None}
    whole: dict[str, list[Annotation]] = {}
    for group_id, members in by_group.items():
        members.sort(key=lambda m: sources[m.id].target_index)
        first = sources[members[0].id]
        count = len(flatten_targets(first.document.get("target")))
        bodies = [_bodies(m, sources[m.id]) for m in members]
        if (members[0].id == group_id and len(members) == count
                and [sources[m.id].target_index for m in members] == list(range(count))
                and all(b == bodies[0] for b in bodies) and not answered & {m.id for m in members[1:]}):
            whole[group_id] = members
    return whole


def _targets_as_given(original: Any, targets: list[Any]) -> Any:
    """The targets in the shape they came in: a Composite, List or Independents keeps its type."""
    if (isinstance(original, dict) and set(types_of(original.get("type"))) & set(GROUPS)
            and isinstance(original.get("items"), list) and len(flatten_targets(original)) == len(original["items"])):
        return {**{k: v for k, v in original.items() if k != "items"}, "items": targets}
    return targets


def _parents_first(annotations: list[Annotation]) -> list[Annotation]:
    ids = {a.id for a in annotations}
    placed: set[str] = set()
    ordered: list[Annotation] = []
    pending = list(annotations)
    while pending:
        waiting = []
        for a in pending:
            if a.parent_id is None or a.parent_id in placed or a.parent_id not in ids:
                ordered.append(a)
                placed.add(a.id)
            else:
                waiting.append(a)
        if len(waiting) == len(pending):  # a cycle: cannot come from our store, keep them anyway
            ordered.extend(waiting)
            break
        pending = waiting
    return ordered
