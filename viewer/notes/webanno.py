"""Notes as W3C Web Annotation JSON-LD: export for colleagues, and import (merge) of theirs.

Export is an AnnotationCollection whose `first` page holds the annotations. Import also reads a plain
list, a collection with `items`, a single annotation, and pages chained by embedded `next`. A note's
target is `{"source": ARTICLE_ID, "selector": [TextQuoteSelector, TextPositionSelector]}` (or just
the article for a comment on it); a reply's target is the id of the note it answers. The highlight
colour travels as `color` on the TextualBody (the model has no colour of its own).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from viewer.core.annotation import (
    Annotation,
    Motivation,
    TextPositionSelector,
    TextQuoteSelector,
    parse_utc,
    utc_now,
)
from viewer.core.article import Article
from viewer.notes import anchoring
from viewer.notes.errors import NotesFileError
from viewer.notes.store import MergeReport, NotesStore, root_motivation

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ArticleLookup = Callable[[str], Article | None]


# Export ----------------------------------------------------------------------------------------

def to_json(a: Annotation) -> dict[str, Any]:
    item: dict[str, Any] = {"id": a.id, "type": "Annotation", "motivation": a.motivation.value,
                            "created": a.created, "modified": a.modified}
    if a.creator:
        item["creator"] = {"type": "Person", "name": a.creator}
    if a.body or a.color:
        body: dict[str, Any] = {"type": "TextualBody", "value": a.body, "format": "text/plain"}
        if a.color:
            body["color"] = a.color
        item["body"] = body
    if a.parent_id is not None:
        item["target"] = a.parent_id
    else:
        target: dict[str, Any] = {"source": a.article_id}
        selectors: list[dict[str, Any]] = []
        if a.quote is not None:
            selectors.append({"type": "TextQuoteSelector", "exact": a.quote.exact, "prefix": a.quote.prefix,
                              "suffix": a.quote.suffix})
        if a.position is not None:
            selectors.append({"type": "TextPositionSelector", "start": a.position.start, "end": a.position.end})
        if selectors:
            target["selector"] = selectors
        item["target"] = target
    return item


def export_collection(annotations: list[Annotation], label: str = "Bayegan notes") -> dict[str, Any]:
    items = [to_json(a) for a in _parents_first(annotations)]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def export_store(store: NotesStore) -> dict[str, Any]:
    return export_collection(store.all())


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


# Import: reading ------------------------------------------------------------------------------

def _bad(where: str, en: str, fa: str) -> NotesFileError:
    return NotesFileError(f"Not a valid annotation file: {where}{en}", f"پروندهٔ یادداشت معتبر نیست: {where}{fa}")


@dataclass(frozen=True, slots=True)
class _Incoming:
    """One annotation as read from the file, before its target is resolved against this archive."""

    annotation: Annotation  # article_id is the target source; parent_id is set for a reply
    target_is_bare: bool  # target was only an id (a reply, or a comment on a whole article)


def read_file(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        reason = exc.strerror or exc
        raise NotesFileError(f"Cannot read {path}: {reason}", f"پروندهٔ {path} خوانده نشد: {reason}") from exc
    except UnicodeDecodeError as exc:
        raise _bad("", "it is not UTF-8 text.", "متن UTF-8 نیست.") from exc
    except json.JSONDecodeError as exc:
        raise _bad("", f"it is not JSON (line {exc.lineno}: {exc.msg}).", f"JSON نیست (سطر {exc.lineno}: {exc.msg}).") from exc


def _types(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def extract_items(data: Any) -> list[Any]:
    """The annotations of a list, an AnnotationCollection (`items` or `first.items`), a page or a single one."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise _bad("", "expected a list of annotations or an AnnotationCollection.",
                   "فهرستی از یادداشت‌ها یا یک AnnotationCollection انتظار می‌رفت.")
    if "Annotation" in _types(data.get("type")):
        return [data]
    if isinstance(data.get("items"), list):
        return list(data["items"])
    page = data.get("first")
    items: list[Any] = []
    seen = 0
    while isinstance(page, dict) and seen < 10_000:
        if not isinstance(page.get("items"), list):
            break
        items.extend(page["items"])
        page = page.get("next")
        seen += 1
    if seen:
        return items
    if isinstance(page, str):
        raise _bad("", "the collection's pages are links; export them embedded.",
                   "صفحه‌های مجموعه پیوندند؛ آن‌ها را درون پرونده بگذارید.")
    raise _bad("", "no annotations found (no items or first.items).", "یادداشتی یافت نشد (items یا first.items نیست).")


def _text(value: Any, where: str, field: str) -> str:
    if not isinstance(value, str):
        raise _bad(where, f"'{field}' must be a string.", f"«{field}» باید رشته باشد.")
    return value


def _timestamp(value: Any, where: str, field: str, default: str) -> str:
    if value is None:
        return default
    parsed = parse_utc(_text(value, where, field))
    if parsed is None:
        raise _bad(where, f"'{field}' is not an ISO 8601 date-time.", f"«{field}» تاریخ-زمان ISO 8601 نیست.")
    return parsed.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _creator(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "nickname", "id"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return ""


def _body(value: Any, where: str) -> tuple[str, str]:
    """(text, colour) from a body: a TextualBody, a list of bodies, or absent."""
    bodies = value if isinstance(value, list) else [] if value is None else [value]
    text, color = "", ""
    for body in bodies:
        if isinstance(body, str):  # an IRI body: nothing we can show
            continue
        if not isinstance(body, dict):
            raise _bad(where, "'body' must be an object or a list of objects.", "«body» باید شیء یا فهرستی از شیءها باشد.")
        if "value" in body and not text:
            text = _text(body["value"], where, "body.value")
        for key in ("color", "colour"):
            if isinstance(body.get(key), str) and not color:
                color = body[key]
    return text, color


def _selectors(value: Any, where: str) -> tuple[TextQuoteSelector | None, TextPositionSelector | None]:
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    for selector in value if isinstance(value, list) else [value]:
        if not isinstance(selector, dict):
            raise _bad(where, "a selector must be an object.", "هر selector باید شیء باشد.")
        kinds = _types(selector.get("type"))
        if "TextQuoteSelector" in kinds:
            exact = _text(selector.get("exact"), where, "TextQuoteSelector.exact")
            if not exact:
                raise _bad(where, "TextQuoteSelector.exact is empty.", "TextQuoteSelector.exact خالی است.")
            quote = TextQuoteSelector(exact, _text(selector.get("prefix", ""), where, "prefix"),
                                      _text(selector.get("suffix", ""), where, "suffix"))
        elif "TextPositionSelector" in kinds:
            start, end = selector.get("start"), selector.get("end")
            if (not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool)
                    or isinstance(end, bool) or not 0 <= start < end):
                raise _bad(where, "TextPositionSelector needs whole numbers 0 <= start < end.",
                           "TextPositionSelector باید دو عدد صحیح با ۰ ≤ start < end داشته باشد.")
            position = TextPositionSelector(start, end)
    return quote, position


def parse_item(item: Any, number: int) -> _Incoming:
    where = f"annotation {number}: "
    if not isinstance(item, dict):
        raise _bad(where, "it is not an object.", "شیء نیست.")
    if "type" in item and "Annotation" not in _types(item["type"]):
        raise _bad(where, "its type is not Annotation.", "نوع آن Annotation نیست.")
    annotation_id = _text(item.get("id"), where, "id").strip()
    if not annotation_id:
        raise _bad(where, "'id' is empty.", "«id» خالی است.")
    now = utc_now()
    created = _timestamp(item.get("created"), where, "created", now)
    modified = _timestamp(item.get("modified"), where, "modified", created)
    body, color = _body(item.get("body"), where)
    motivations = _types(item.get("motivation"))
    target = item.get("target")
    if isinstance(target, list):
        if not target:
            raise _bad(where, "'target' is empty.", "«target» خالی است.")
        target = target[0]
    quote = position = None
    if isinstance(target, str):
        source, bare = target, True
    elif isinstance(target, dict):
        source = _text(target.get("source", target.get("id")), where, "target.source")
        if "selector" in target:
            quote, position = _selectors(target["selector"], where)
        bare = quote is None and position is None
    else:
        raise _bad(where, "'target' is missing or not a string or object.", "«target» نیست یا رشته یا شیء نیست.")
    if not source:
        raise _bad(where, "the target's source is empty.", "منبع target خالی است.")
    replying = "replying" in motivations and bare
    motivation = Motivation.REPLYING if replying else root_motivation(body, quote is not None or position is not None)
    if "highlighting" in motivations and not replying and not body:
        motivation = Motivation.HIGHLIGHTING
    annotation = Annotation(annotation_id, source, motivation, body, color, quote, position,
                            parent_id=source if replying else None, creator=_creator(item.get("creator")),
                            created=created, modified=modified)
    return _Incoming(annotation, bare)


# Import: resolving and merging -------------------------------------------------------------------

def _place_root(a: Annotation, get_article: ArticleLookup | None) -> Annotation:
    """Anchor a colleague's note in this archive's text of the article; unplaceable → orphan."""
    if get_article is None:
        return a
    article = get_article(a.article_id)
    if article is None:
        return a.with_changes(orphaned=True)
    if a.quote is None and a.position is None:
        return a
    text = article.text
    spot: tuple[int, int] | None
    if a.quote is not None:
        spot = anchoring.locate(text, a.quote, a.position)
    elif a.position is not None and a.position.end <= len(text):
        spot = (a.position.start, a.position.end)
    else:
        spot = None
    if spot is None:
        return a.with_changes(orphaned=True)
    quote, position = anchoring.describe(text, *spot)
    return a.with_changes(quote=quote, position=position, orphaned=False)


def resolve(incoming: list[_Incoming], store: NotesStore, get_article: ArticleLookup | None) -> list[Annotation]:
    """Annotations ready to merge, parents before replies. A bare target that names a note makes a reply."""
    file_ids = {i.annotation.id for i in incoming}
    bare_targets = {i.annotation.article_id for i in incoming if i.target_is_bare}
    in_store = store.known_ids(bare_targets | file_ids)
    ready: dict[str, Annotation] = {}
    replies: list[Annotation] = []
    for item in incoming:
        a = item.annotation
        if item.target_is_bare and (a.parent_id or a.article_id in file_ids or a.article_id in in_store):
            replies.append(a.with_changes(parent_id=a.parent_id or a.article_id, motivation=Motivation.REPLYING))
        elif a.id not in ready:
            ready[a.id] = _place_root(a, get_article) if a.id not in in_store else a
    while replies:
        waiting = []
        for reply in replies:
            parent = ready.get(reply.parent_id or "") or in_store.get(reply.parent_id or "")
            if parent is not None:
                ready.setdefault(reply.id, reply.with_changes(article_id=parent.article_id, orphaned=False))
            elif reply.parent_id in file_ids:
                waiting.append(reply)
            else:  # the note it answers is neither in the file nor here
                ready.setdefault(reply.id, reply.with_changes(article_id="", orphaned=True))
        if len(waiting) == len(replies):  # replies answering each other in a circle
            for reply in waiting:
                ready.setdefault(reply.id, reply.with_changes(parent_id=None, article_id="", orphaned=True))
            break
        replies = waiting
    return list(ready.values())


def import_data(store: NotesStore, data: Any, get_article: ArticleLookup | None = None) -> MergeReport:
    """Validate everything first, then merge in one transaction: a bad file changes nothing."""
    incoming = [parse_item(item, number) for number, item in enumerate(extract_items(data), 1)]
    return store.merge(resolve(incoming, store, get_article))


def import_file(store: NotesStore, path: Path, get_article: ArticleLookup | None = None) -> MergeReport:
    return import_data(store, read_file(path), get_article)
