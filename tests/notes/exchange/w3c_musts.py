"""Every MUST of the W3C Web Annotation Data Model (and its test suite's assertions) as a check.

Written from the model (https://www.w3.org/TR/annotation-model/) and the assertion schemas of
w3c/web-annotation-tests: each check names its section and is applied to every object it concerns,
so `run_checks` reports one result per (requirement, object).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

ANNO = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}
# JSON Schema's "uri" format (RFC 3986, absolute): a scheme and no characters a URI excludes.
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]+$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

Check = Callable[[dict[str, Any]], bool]


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def uri(value: Any) -> bool:
    value = _one(value)
    return isinstance(value, str) and bool(URI.match(value))


def uris(value: Any) -> bool:
    return all(uri(v) for v in value) and bool(value) if isinstance(value, list) else uri(value)


def types(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def context(o: dict[str, Any]) -> bool:
    c = o.get("@context")
    return c == ANNO or (isinstance(c, list) and ANNO in c)


def date_time(o: dict[str, Any], key: str) -> bool:
    if key not in o:
        return True
    v = _one(o[key])
    return isinstance(v, str) and bool(DATE_TIME.match(v))


def non_negative_int(o: dict[str, Any], key: str) -> bool:
    v = _one(o.get(key))
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def agent_ok(value: Any) -> bool:
    return all(uri(v) or isinstance(v, dict) for v in as_list(value)) and value != []


def resource_ok(r: Any) -> bool:
    """3.2: a body or target is an IRI, or an object: External Web Resource (id), Specific Resource
    (source), Textual Body (value), or a Choice/Composite/List/Independents of such (items)."""
    if isinstance(r, str):
        return uri(r)
    if not isinstance(r, dict):
        return False
    if isinstance(r.get("items"), list) and set(types(r.get("type"))) & {"Choice", "Composite", "List", "Independents"}:
        return all(resource_ok(i) for i in r["items"])
    if "source" in r:
        s = _one(r["source"])
        return uri(s) or (isinstance(s, dict) and uri(s.get("id")))
    if "value" in r:
        return True
    return uri(r.get("id"))


ANNOTATION_MUSTS: dict[str, Check] = {
    "3.1 @context is (or includes) the anno context": context,
    "3.1 id is exactly one IRI": lambda a: uri(a.get("id")),
    "3.1 type includes Annotation": lambda a: "Annotation" in types(a.get("type")),
    "3.1 target is present (one or more)": lambda a: "target" in a and a["target"] not in ([], None),
    "3.2 every target is an IRI or a recognised resource object": lambda a: all(resource_ok(t) for t in as_list(a.get("target"))),
    "3.2 every body is an IRI or a recognised resource object": lambda a: all(resource_ok(b) for b in as_list(a.get("body", []))),
    "3.2.5 not both body and bodyValue": lambda a: not ("body" in a and "bodyValue" in a),
    "3.2.5 bodyValue is a single string": lambda a: "bodyValue" not in a or isinstance(_one(a["bodyValue"]), str),
    "3.3.1 created is one xsd:dateTime": lambda a: date_time(a, "created"),
    "3.3.1 modified is one xsd:dateTime": lambda a: date_time(a, "modified"),
    "3.3.1 generated is one xsd:dateTime": lambda a: date_time(a, "generated"),
    "3.3.1 creator is IRI(s) or agent object(s)": lambda a: "creator" not in a or agent_ok(a["creator"]),
    "3.3.1 generator is IRI(s) or agent object(s)": lambda a: "generator" not in a or agent_ok(a["generator"]),
    "3.3.5 motivation values are from the model's list": lambda a: all(m in MOTIVATIONS for m in as_list(a.get("motivation", []))),
    "3.3.6 rights are IRIs": lambda a: "rights" not in a or uris(a["rights"]),
    "3.3.7 canonical is one IRI": lambda a: "canonical" not in a or uri(a["canonical"]),
    "3.3.7 via are IRIs": lambda a: "via" not in a or uris(a["via"]),
}

TEXTUAL_BODY_MUSTS: dict[str, Check] = {
    "3.2.4 TextualBody value is one string": lambda b: isinstance(_one(b.get("value")), str),
    "3.2.4 TextualBody type (if given) is TextualBody": lambda b: "type" not in b or "TextualBody" in types(b["type"]),
    "3.2.1 format (if given) is one string": lambda b: "format" not in b or isinstance(_one(b["format"]), str),
    "3.2.1 language (if given) is a string": lambda b: "language" not in b
    or all(isinstance(x, str) for x in as_list(b["language"])),
    "3.3.5 purpose values are from the model's list": lambda b: all(p in MOTIVATIONS for p in as_list(b.get("purpose", []))),
}

SPECIFIC_RESOURCE_MUSTS: dict[str, Check] = {
    "4 SpecificResource has exactly one source, an IRI": lambda t: uri(_one(t.get("source")))
    or (isinstance(_one(t.get("source")), dict) and uri(_one(t["source"]).get("id"))),
}

SELECTOR_MUSTS: dict[str, Check] = {
    "4.2 a selector has a type": lambda s: bool(types(s.get("type"))),
    "4.2.4 TextQuoteSelector has exactly one exact string": lambda s: "TextQuoteSelector" not in types(s.get("type"))
    or isinstance(_one(s.get("exact")), str),
    "4.2.4 TextQuoteSelector prefix/suffix at most one string each": lambda s: "TextQuoteSelector" not in types(s.get("type"))
    or all(k not in s or isinstance(_one(s[k]), str) for k in ("prefix", "suffix")),
    "4.2.5 TextPositionSelector start is one non-negative integer": lambda s: "TextPositionSelector" not in types(s.get("type"))
    or non_negative_int(s, "start"),
    "4.2.5 TextPositionSelector end is one non-negative integer": lambda s: "TextPositionSelector" not in types(s.get("type"))
    or non_negative_int(s, "end"),
}

COLLECTION_MUSTS: dict[str, Check] = {
    "5.1 collection @context is (or includes) the anno context": context,
    "5.1 collection id is an IRI": lambda c: uri(c.get("id")),
    "5.1 collection type includes AnnotationCollection": lambda c: "AnnotationCollection" in types(c.get("type")),
    "5.1 label is string(s)": lambda c: "label" not in c or all(isinstance(x, str) for x in as_list(c["label"])),
    "5.1 total is one non-negative integer": lambda c: "total" not in c or non_negative_int(c, "total"),
    "5.1 first is given when total > 0, an IRI or an AnnotationPage": lambda c: not _one(c.get("total", 0))
    or uri(c.get("first")) or (isinstance(c.get("first"), dict) and "AnnotationPage" in types(c["first"].get("type"))),
    "5.1 last is one IRI": lambda c: "last" not in c or uri(c["last"]),
}

PAGE_MUSTS: dict[str, Check] = {
    "5.2 page id is an IRI": lambda p: uri(p.get("id")),
    "5.2 page type includes AnnotationPage": lambda p: "AnnotationPage" in types(p.get("type")),
    "5.2 items is a list of Annotations or IRIs": lambda p: isinstance(p.get("items"), list) and all(
        uri(i) or (isinstance(i, dict) and "Annotation" in types(i.get("type"))) for i in p["items"]),
    "5.2 partOf is an IRI or an object with an IRI id": lambda p: "partOf" not in p or uri(p["partOf"])
    or (isinstance(p["partOf"], dict) and uri(p["partOf"].get("id"))),
    "5.2 startIndex is one non-negative integer": lambda p: "startIndex" not in p or non_negative_int(p, "startIndex"),
    "5.2 next is one IRI": lambda p: "next" not in p or uri(p["next"]) or isinstance(p["next"], dict),
    "5.2 prev is one IRI": lambda p: "prev" not in p or uri(p["prev"]),
}


def _selectors(value: Any) -> Iterator[dict[str, Any]]:
    for s in as_list(value):
        if isinstance(s, dict):
            yield s
            if "refinedBy" in s:
                yield from _selectors(s["refinedBy"])


def _walk(annotation: dict[str, Any]) -> Iterator[tuple[dict[str, Check], dict[str, Any]]]:
    yield ANNOTATION_MUSTS, annotation
    for body in as_list(annotation.get("body", [])):
        if isinstance(body, dict) and ("value" in body or "TextualBody" in types(body.get("type"))):
            yield TEXTUAL_BODY_MUSTS, body
    for target in as_list(annotation.get("target")):
        if isinstance(target, dict) and ("source" in target or "selector" in target):
            yield SPECIFIC_RESOURCE_MUSTS, target
            for selector in _selectors(target.get("selector", [])):
                yield SELECTOR_MUSTS, selector


def run_checks(collection: dict[str, Any]) -> list[tuple[str, bool]]:
    """(requirement, held) for every requirement and every object of an exported collection."""
    results = [(name, check(collection)) for name, check in COLLECTION_MUSTS.items()]
    page = collection.get("first")
    while isinstance(page, dict):
        results += [(name, check(page)) for name, check in PAGE_MUSTS.items()]
        for item in page.get("items", []):
            if isinstance(item, dict):
                for musts, obj in _walk(item):
                    results += [(name, check(obj)) for name, check in musts.items()]
        page = page.get("next")
    return results


def all_requirements() -> list[str]:
    return [*ANNOTATION_MUSTS, *TEXTUAL_BODY_MUSTS, *SPECIFIC_RESOURCE_MUSTS, *SELECTOR_MUSTS, *COLLECTION_MUSTS,
            *PAGE_MUSTS]
