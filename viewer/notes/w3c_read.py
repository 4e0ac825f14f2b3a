"""Reading one W3C Web Annotation (JSON-LD) into what Bayegan keeps, refusing what the model forbids.

Everything the model allows is read or kept: `bodyValue`, several bodies, link bodies (an IRI, an
External Web Resource or a SpecificResource: kept as links), bodies and targets inside Choice,
Composite, List and Independents, selectors inside `refinedBy`. What cannot be used offline (a
selector given only as a link, a selector of another kind than text) becomes a warning naming the
field; the annotation itself is always kept verbatim for export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from viewer.core.annotation import TextPositionSelector, TextQuoteSelector, parse_utc
from viewer.core.colours import InvalidColour, stored_colour

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# RFC 3987 in short: a scheme, a colon, then no spaces or characters IRIs exclude.
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"{}|\\^`]+$')
GROUPS = ("Composite", "List", "Independents")
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def types_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def context_ok(value: Any) -> bool:
    """@context is the annotation context, or a list holding it (Section 3.1)."""
    return value == ANNO_CONTEXT or (isinstance(value, list) and ANNO_CONTEXT in value)


class Refused(Exception):
    """An annotation the model does not allow: `field` names the member at fault."""

    def __init__(self, field_name: str, en: str, fa: str) -> None:
        super().__init__(en)
        self.field = field_name
        self.en = en
        self.fa = fa


@dataclass(slots=True)
class TargetRef:
    """One target: the resource it names and the passage (if any) in its text."""

    source: str
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    alternatives: list[TargetRef] = field(default_factory=list)  # a Choice: the others, in order


@dataclass(slots=True)
class ParsedAnnotation:
    id: str
    document: dict[str, Any]
    body: str
    color: str
    links: list[str]
    motivations: list[str]
    creator: str
    created: str | None
    modified: str | None
    targets: list[TargetRef]
    bare_target: bool  # a single target given as an IRI only (a reply names its note so)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (field, English reason)


def _single(value: Any) -> Any:
    """A one-item array stands for its item (the test suite's schemas allow both)."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _string(value: Any, field_name: str) -> str:
    value = _single(value)
    if not isinstance(value, str):
        raise Refused(field_name, f"'{field_name}' must be a string.", f"«{field_name}» باید رشته باشد.")
    return value


def _timestamp(value: Any, field_name: str) -> str | None:
    if value is None:
        return None
    parsed = parse_utc(_string(value, field_name))
    if parsed is None or "T" not in str(_single(value)):
        raise Refused(field_name, f"'{field_name}' is not an xsd:dateTime (ISO 8601 date and time).",
                      f"«{field_name}» تاریخ-زمان ISO 8601 نیست.")
    return parsed.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _iri(value: Any, field_name: str) -> str:
    text = _string(value, field_name)
    if not is_iri(text):
        raise Refused(field_name, f"'{field_name}' ({text!r}) is not an IRI.", f"«{field_name}» ({text!r}) IRI نیست.")
    return text


def creator_name(value: Any) -> str:
    value = _single(value)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "nickname", "id"):
            if isinstance(_single(value.get(key)), str):
                return str(_single(value[key]))
    return ""


# Bodies ----------------------------------------------------------------------------------------

class _Bodies:
    def __init__(self) -> None:
        self.texts: list[str] = []
        self.links: list[str] = []
        self.color = ""
        self.color_field = ""

    def read(self, body: Any, where: str) -> None:
        if isinstance(body, list):
            for n, item in enumerate(body):
                self.read(item, f"{where}[{n}]")
            return
        if isinstance(body, str):
            self.links.append(_iri(body, where))
            return
        if not isinstance(body, dict):
            raise Refused(where, f"'{where}' must be an IRI or an object.", f"«{where}» باید IRI یا شیء باشد.")
        kinds = types_of(body.get("type"))
        if isinstance(body.get("items"), list) and (set(kinds) & {"Choice", *GROUPS}):
            self.read(body["items"], f"{where}.items")
        elif "value" in body or "TextualBody" in kinds:
            self.texts.append(_string(body.get("value"), f"{where}.value"))
            for key in ("color", "colour"):
                if isinstance(body.get(key), str) and not self.color:
                    self.color, self.color_field = body[key], f"{where}.{key}"
        elif "source" in body:  # a SpecificResource: a part or state of another resource
            source = body["source"]
            self.links.append(_iri(source.get("id") if isinstance(source, dict) else source, f"{where}.source"))
        elif "id" in body:
            self.links.append(_iri(body["id"], f"{where}.id"))
        else:
            raise Refused(where, f"'{where}' has neither 'id', 'value', 'source' nor 'items'.",
                          f"«{where}» نه id دارد، نه value، نه source و نه items.")


def _colour(value: str, field_name: str) -> str:
    try:
        return stored_colour(value)
    except InvalidColour as exc:
        raise Refused(field_name, f"'{field_name}': {exc.en}", f"«{field_name}»: {exc.fa}") from exc


def body_links(body: Any) -> list[str]:
    """The IRIs of a body's links (for an annotation already read once)."""
    reader = _Bodies()
    try:
        reader.read(body, "body")
    except Refused:
        return []
    return reader.links


def body_parts(document: dict[str, Any]) -> list[str]:
    """An annotation's bodies one by one, as the note's text joins them (`body_text`): each text
    body, then each link; [] when they cannot be read."""
    reader = _Bodies()
    try:
        if "bodyValue" in document:
            reader.texts.append(_string(document["bodyValue"], "bodyValue"))
        if "body" in document:
            reader.read(document["body"], "body")
    except Refused:
        return []
    return [t for t in reader.texts if t.strip()] + reader.links


def body_text(texts: list[str], links: list[str]) -> str:
    """The note's text: every textual body, then every link (so a link-only note is not empty)."""
    return "\n\n".join([t for t in texts if t.strip()] + links)


# Targets and selectors ---------------------------------------------------------------------------

def flatten_targets(target: Any) -> list[Any]:
    """Composite, List and Independents stand for their items, each one target; a Choice stays whole."""
    out: list[Any] = []
    for item in target if isinstance(target, list) else [target]:
        if isinstance(item, dict) and isinstance(item.get("items"), list) and set(types_of(item.get("type"))) & set(GROUPS):
            out.extend(flatten_targets(item["items"]))
        else:
            out.append(item)
    return out


def _selectors(value: Any, where: str, ref: TargetRef, warnings: list[tuple[str, str]], nested: bool) -> bool:
    """Read text selectors into `ref`; True when one was found. Positions count only at the top level:
    inside `refinedBy` they are offsets into the refined part, not into the article."""
    found = False
    for n, selector in enumerate(value if isinstance(value, list) else [value]):
        here = f"{where}[{n}]" if isinstance(value, list) else where
        if isinstance(selector, str):
            warnings.append((here, f"'{here}' is a link to a selector ({selector}); it cannot be fetched offline, "
                                   "so the note is placed on the whole article."))
            continue
        if not isinstance(selector, dict):
            raise Refused(here, f"'{here}' must be an object or an IRI.", f"«{here}» باید شیء یا IRI باشد.")
        kinds = types_of(selector.get("type"))
        if "TextQuoteSelector" in kinds:
            exact = _string(selector.get("exact"), f"{here}.exact")
            if not exact:
                raise Refused(f"{here}.exact", f"'{here}.exact' is empty.", f"«{here}.exact» خالی است.")
            ref.quote = TextQuoteSelector(exact, _string(selector.get("prefix", ""), f"{here}.prefix"),
                                          _string(selector.get("suffix", ""), f"{here}.suffix"))
            found = True
        elif "TextPositionSelector" in kinds:
            start, end = _single(selector.get("start")), _single(selector.get("end"))
            if (not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool)
                    or isinstance(end, bool) or not 0 <= start <= end):
                raise Refused(here, f"'{here}' (TextPositionSelector) needs whole numbers 0 <= start <= end.",
                              f"«{here}» (TextPositionSelector) باید دو عدد صحیح با ۰ ≤ start ≤ end داشته باشد.")
            if not nested and start < end:
                ref.position = TextPositionSelector(start, end)
            found = found or not nested
        refined = selector.get("refinedBy")
        if refined is not None:
            found = _selectors(refined, f"{here}.refinedBy", ref, warnings, True) or found
        elif not found and not set(kinds) & {"TextQuoteSelector", "TextPositionSelector"}:
            kind = kinds[0] if kinds else "untyped selector"
            warnings.append((here, f"'{here}' is a {kind}, which cannot place a note in an article's text; "
                                   "it is kept for export and the note is placed on the whole article."))
    return found


def read_target(target: Any, where: str, warnings: list[tuple[str, str]]) -> TargetRef:
    if isinstance(target, str):
        return TargetRef(_iri(target, where))
    if not isinstance(target, dict):
        raise Refused(where, f"'{where}' must be an IRI or an object.", f"«{where}» باید IRI یا شیء باشد.")
    if "Choice" in types_of(target.get("type")) and isinstance(target.get("items"), list) and target["items"]:
        options = [read_target(item, f"{where}.items[{n}]", warnings) for n, item in enumerate(target["items"])]
        first = options[0]
        first.alternatives = options[1:]
        return first
    source = target.get("source", target.get("id"))
    field_name = f"{where}.source" if "source" in target else f"{where}.id"
    if isinstance(source, dict):
        source, field_name = source.get("id"), f"{field_name}.id"
    if source is None:
        raise Refused(where, f"'{where}' has neither 'source' nor 'id'.", f"«{where}» نه source دارد و نه id.")
    text = _string(source, field_name)
    # A bare `source` is an article id from an older Bayegan export: accepted (a bare `id` is not).
    if not is_iri(text) and (not text.strip() or field_name.endswith(".id")):
        raise Refused(field_name, f"'{field_name}' ({text!r}) is not an IRI.", f"«{field_name}» ({text!r}) IRI نیست.")
    ref = TargetRef(text)
    if "selector" in target:
        _selectors(target["selector"], f"{where}.selector", ref, warnings, False)
    return ref


# The annotation ---------------------------------------------------------------------------------

def parse_annotation(item: Any, context_given: bool) -> ParsedAnnotation:
    """One annotation, or Refused. `context_given`: an enclosing collection carried a valid @context."""
    if not isinstance(item, dict):
        raise Refused("annotation", "it is not an object.", "شیء نیست.")
    if "@context" in item or not context_given:
        if not context_ok(item.get("@context")):
            raise Refused("@context", f"'@context' must be (or include) {ANNO_CONTEXT}.",
                          f"«‎@context‎» باید {ANNO_CONTEXT} باشد (یا آن را داشته باشد).")
    if "Annotation" not in types_of(item.get("type")):
        raise Refused("type", "'type' must include Annotation.", "«type» باید Annotation را داشته باشد.")
    if "id" not in item:
        raise Refused("id", "'id' is missing.", "«id» نیست.")
    annotation_id = _iri(item["id"], "id")
    if "body" in item and "bodyValue" in item:
        raise Refused("bodyValue", "an annotation must not have both 'body' and 'bodyValue'.",
                      "یادداشت نباید هم body داشته باشد و هم bodyValue.")
    bodies = _Bodies()
    if "bodyValue" in item:
        bodies.texts.append(_string(item["bodyValue"], "bodyValue"))
    if "body" in item:
        bodies.read(item["body"], "body")
    if "target" not in item or item["target"] in ([], None):
        raise Refused("target", "'target' is missing.", "«target» نیست.")
    warnings: list[tuple[str, str]] = []
    raw_targets = flatten_targets(item["target"])
    targets = [read_target(t, "target" if len(raw_targets) == 1 else f"target[{n}]", warnings)
               for n, t in enumerate(raw_targets)]
    motivations = types_of(item.get("motivation"))
    for motivation in motivations:
        if motivation not in MOTIVATIONS and not is_iri(motivation):
            raise Refused("motivation", f"'motivation' {motivation!r} is neither one of the model's motivations nor an IRI.",
                          f"«motivation» {motivation!r} نه از انگیزه‌های مدل است و نه IRI.")
    return ParsedAnnotation(
        id=annotation_id, document=item, body=body_text(bodies.texts, bodies.links),
        color=_colour(bodies.color, bodies.color_field),
        links=bodies.links, motivations=motivations, creator=creator_name(item.get("creator")),
        created=_timestamp(item.get("created"), "created"), modified=_timestamp(item.get("modified"), "modified"),
        targets=targets, bare_target=len(raw_targets) == 1 and isinstance(raw_targets[0], str), warnings=warnings)
