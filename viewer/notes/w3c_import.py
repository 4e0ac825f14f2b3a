"""Importing W3C Web Annotations: each annotation read on its own, targets found in this archive, one merge.

A file that is not an annotation document at all is refused whole (nothing changes). Inside a good
file, an annotation the model forbids is refused with a reason naming the field, and the rest are
merged in one transaction. Targets are found by the article's URL, news code, Bayegan IRI or id, and
failing those by the quoted passage (when exactly one article holds it with its context).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from viewer.core.annotation import Annotation, Motivation, TextQuoteSelector, utc_now
from viewer.core.article import Article
from viewer.core.results import MergeReport
from viewer.notes import anchoring
from viewer.notes.errors import NotesFileError
from viewer.notes.extras import NoteSource
from viewer.notes.merge import merge_notes
from viewer.notes.store import NotesStore, root_motivation
from viewer.notes.w3c_read import ParsedAnnotation, Refused, TargetRef, context_ok, parse_annotation, types_of

ARTICLE_IRI_PREFIX = "urn:bayegan:article:"
ArticleLookup = Callable[[str], Article | None]


@runtime_checkable
class ArticleFinder(Protocol):
    def article(self, article_id: str) -> Article | None: ...
    def by_url(self, url: str) -> Article | None: ...
    def by_code(self, code: str) -> Article | None: ...
    def by_quote(self, quote: TextQuoteSelector) -> list[Article]: ...


@dataclass(frozen=True, slots=True)
class LookupFinder:
    """A finder from an id lookup alone (no URL, code or quote search)."""

    lookup: ArticleLookup

    def article(self, article_id: str) -> Article | None:
        return self.lookup(article_id)

    def by_url(self, url: str) -> Article | None:
        return None

    def by_code(self, code: str) -> Article | None:
        return None

    def by_quote(self, quote: TextQuoteSelector) -> list[Article]:
        return []


def _bad(en: str, fa: str) -> NotesFileError:
    return NotesFileError(f"Not a valid annotation file: {en}", f"پروندهٔ یادداشت معتبر نیست: {fa}")


MAX_NESTING = 200  # W3C annotations nest a few levels; deeper data would overflow the stack when written back


def _too_deep(data: Any) -> bool:
    """Whether lists and objects nest more than MAX_NESTING levels (walked without recursion)."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_NESTING:
                    return True
                pending.append((child, depth + 1))
    return False


def _nested_too_deeply() -> NotesFileError:
    return _bad(f"its lists or objects are nested more than {MAX_NESTING} levels deep.",
                f"فهرست‌ها یا شیءهای آن بیش از {MAX_NESTING} لایه تودرتو است.")


def read_file(path: Path) -> Any:
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        reason = exc.strerror or exc
        raise NotesFileError(f"Cannot read {path}: {reason}", f"پروندهٔ {path} خوانده نشد: {reason}") from exc
    except UnicodeDecodeError as exc:
        raise _bad("it is not UTF-8 text.", "متن UTF-8 نیست.") from exc
    except json.JSONDecodeError as exc:
        raise _bad(f"it is not JSON (line {exc.lineno}: {exc.msg}).", f"JSON نیست (سطر {exc.lineno}: {exc.msg}).") from exc
    except RecursionError as exc:  # json's parser recurses once per [ or {
        raise _nested_too_deeply() from exc
    if _too_deep(data):
        raise _nested_too_deeply()
    return data


def extract_items(data: Any) -> tuple[list[Any], bool]:
    """The annotations of a list, a collection (`items`, or pages from `first` on), a page or a single
    one; and whether an enclosing collection or page gave them a valid @context."""
    if isinstance(data, list):
        return data, False
    if not isinstance(data, dict):
        raise _bad("expected a list of annotations or an AnnotationCollection.",
                   "فهرستی از یادداشت‌ها یا یک AnnotationCollection انتظار می‌رفت.")
    kinds = types_of(data.get("type"))
    if "Annotation" in kinds or (not {"AnnotationCollection", "AnnotationPage"} & set(kinds)
                                 and {"target", "body", "bodyValue"} & set(data)):
        return [data], False  # an annotation, or one so broken that only reading it can say why
    if "@context" in data and not context_ok(data["@context"]):
        raise _bad("the collection's '@context' is not http://www.w3.org/ns/anno.jsonld.",
                   "‎@context‎ مجموعه http://www.w3.org/ns/anno.jsonld نیست.")
    given = "@context" in data
    if isinstance(data.get("items"), list):
        return list(data["items"]), given
    page, items, seen = data.get("first"), [], 0
    while isinstance(page, dict) and isinstance(page.get("items"), list) and seen < 10_000:
        items.extend(page["items"])
        page, seen = page.get("next"), seen + 1
    if seen:
        return items, given
    if isinstance(page, str):
        raise _bad("the collection's pages are links; export them embedded.",
                   "صفحه‌های مجموعه پیوندند؛ آن‌ها را درون پرونده بگذارید.")
    raise _bad("no annotations found (no items or first.items).", "یادداشتی یافت نشد (items یا first.items نیست).")


def find_article(finder: ArticleFinder, ref: TargetRef) -> Article | None:
    """The article a target names: by Bayegan IRI, URL, id or news code; else by its quote, if unique."""
    for option in [ref, *ref.alternatives]:
        source = option.source
        if source.startswith(ARTICLE_IRI_PREFIX):
            found = finder.article(source.removeprefix(ARTICLE_IRI_PREFIX))
        elif source.startswith(("http://", "https://")):
            found = finder.by_url(source)
        else:
            found = finder.article(source) or finder.by_code(source) or finder.by_code(source.rsplit(":", 1)[-1])
        if found is None and option.quote is not None:
            candidates = finder.by_quote(option.quote)
            found = candidates[0] if len(candidates) == 1 else None
        if found is not None:
            return found
    return None


def _place(note: Annotation, article: Article | None) -> Annotation:
    """Anchor the note in this archive's text of its article; unplaceable → orphan (kept, never lost)."""
    if article is None:
        return note.with_changes(orphaned=True)
    note = note.with_changes(article_id=article.id)
    if note.quote is None and note.position is None:
        return note
    text = article.text
    spot: tuple[int, int] | None = None
    if note.quote is not None:
        spot = anchoring.locate(text, note.quote, note.position)
    elif note.position is not None and note.position.end <= len(text):
        spot = (note.position.start, note.position.end)
    if spot is None:
        return note.with_changes(orphaned=True)
    quote, position = anchoring.describe(text, *spot)
    return note.with_changes(quote=quote, position=position, orphaned=False)


def _note_id(annotation_id: str, index: int) -> str:
    """The first target keeps the annotation's id; the others get ids derived from it (stable on re-import)."""
    return annotation_id if index == 0 else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{annotation_id}#target-{index}')}"


def _roots(parsed: ParsedAnnotation, finder: ArticleFinder, now: str) -> list[tuple[Annotation, NoteSource]]:
    created = parsed.created or now
    modified = parsed.modified or created
    group = parsed.id if len(parsed.targets) > 1 else None
    out = []
    for index, ref in enumerate(parsed.targets):
        anchored = ref.quote is not None or ref.position is not None
        motivation = root_motivation(parsed.body, anchored)
        if "highlighting" in parsed.motivations and not parsed.body:
            motivation = Motivation.HIGHLIGHTING
        # an orphan keeps the Bayegan id its IRI names, so it lands when that article is indexed here
        article_id = ref.source.removeprefix(ARTICLE_IRI_PREFIX)
        note = Annotation(_note_id(parsed.id, index), article_id, motivation, parsed.body, parsed.color, ref.quote,
                          ref.position, creator=parsed.creator, created=created, modified=modified)
        out.append((_place(note, find_article(finder, ref)), NoteSource(parsed.document, parsed.body, index, group)))
    return out


def _reply(parsed: ParsedAnnotation, parent_id: str, now: str) -> tuple[Annotation, NoteSource]:
    created = parsed.created or now
    note = Annotation(parsed.id, "", Motivation.REPLYING, parsed.body, parsed.color, parent_id=parent_id,
                      creator=parsed.creator, created=created, modified=parsed.modified or created)
    return note, NoteSource(parsed.document, parsed.body)


def _parents_first(replies: list[tuple[Annotation, NoteSource]], ready: dict[str, Annotation],
                   known: dict[str, Annotation]) -> list[tuple[Annotation, NoteSource]]:
    out: list[tuple[Annotation, NoteSource]] = []
    pending = replies
    while pending:
        waiting = []
        for note, source in pending:
            parent = ready.get(note.parent_id or "") or known.get(note.parent_id or "")
            if parent is not None:
                placed = note.with_changes(article_id=parent.article_id)
            elif any(r[0].id == note.parent_id for r in pending):
                waiting.append((note, source))
                continue
            else:  # the note it answers is neither in the file nor here
                placed = note.with_changes(orphaned=True)
            ready[placed.id] = placed
            out.append((placed, source))
        if len(waiting) == len(pending):  # replies answering each other in a circle
            out.extend((n.with_changes(parent_id=None, orphaned=True), s) for n, s in waiting)
            break
        pending = waiting
    return out


def import_data(store: NotesStore, data: Any, finder: ArticleFinder | ArticleLookup | None = None) -> MergeReport:
    """Import what can be imported, report the rest; one transaction for everything imported."""
    finder = finder if isinstance(finder, ArticleFinder) else LookupFinder(finder or (lambda _id: None))
    items, context_given = extract_items(data)
    report = MergeReport()
    if isinstance(data, dict) and isinstance(data.get("next"), str):
        report.warnings.append({"annotation": str(data.get("id", "")), "field": "next", "reason":
                                f"the next page is a link ({data['next']}) that cannot be fetched offline; "
                                "import that page as a file of its own."})
    parsed: list[ParsedAnnotation] = []
    for number, item in enumerate(items, 1):
        try:
            parsed.append(parse_annotation(item, context_given))
        except Refused as refusal:
            name = str(item["id"]) if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{number}"
            report.refused.append({"annotation": name, "field": refusal.field, "reason": refusal.en, "reason_fa": refusal.fa})
    file_ids = {p.id for p in parsed}
    bare = [p.targets[0].source for p in parsed if p.bare_target]
    known = store.known_ids([*bare, *file_ids])
    now = utc_now()
    ready: dict[str, Annotation] = {}
    roots: list[tuple[Annotation, NoteSource]] = []
    replies: list[tuple[Annotation, NoteSource]] = []
    for p in parsed:
        report.warnings.extend({"annotation": p.id, "field": f, "reason": why} for f, why in p.warnings)
        target = p.targets[0].source
        if p.bare_target and ("replying" in p.motivations or target in file_ids or target in known) and target != p.id:
            replies.append(_reply(p, target, now))
            continue
        for note, source in _roots(p, LookupFinder(lambda _i: None) if p.id in known else finder, now):
            if note.id != p.id:
                known.update(store.known_ids([note.id]))
            if note.id in known:  # already here: keep where it is, reconcile its text
                note = note.with_changes(article_id=known[note.id].article_id, quote=known[note.id].quote,
                                         position=known[note.id].position, orphaned=known[note.id].orphaned)
            elif note.orphaned:
                report.warnings.append({"annotation": p.id, "field": "target", "reason":
                                        f"not placed: no article here is named {note.article_id!r}, or the quoted "
                                        "passage is not in its text; the note is kept as an orphan."})
            ready[note.id] = note
            roots.append((note, source))
    merge_notes(store, [*roots, *_parents_first(replies, ready, known)], report)
    return report


def import_file(store: NotesStore, path: Path, finder: ArticleFinder | ArticleLookup | None = None) -> MergeReport:
    return import_data(store, read_file(path), finder)
