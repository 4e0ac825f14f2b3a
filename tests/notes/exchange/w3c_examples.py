"""Annotations shaped like the W3C Web Annotation model's own examples (written here, aimed at the
small archive of tests/notes/archives.py): the correct ones, and incorrect ones each breaking one MUST.

Targets name the archive's articles by URL (as other tools do), by news code, or not at all (a
passage to find by its quote); targets on example.org are not in the archive and stay orphans.
"""

from __future__ import annotations

from typing import Any

CTX = "http://www.w3.org/ns/anno.jsonld"
A1 = "https://www.example-news.ir/news/1201/روابط-اصفهان-مسقط"
A2 = "https://www.example-news.ir/news/1202/کتاب-تهران"
QUOTE_1 = {"type": "TextQuoteSelector", "exact": "کوروش خسروی", "prefix": "", "suffix": " در گفت‌وگو"}
QUOTE_2 = {"type": "TextQuoteSelector", "exact": "ناشران خارجی از بیست کشور"}


def anno(n: int, **members: Any) -> dict[str, Any]:
    return {"@context": CTX, "id": f"http://example.org/anno{n}", "type": "Annotation", **members}


CORRECT: list[tuple[str, Any]] = [
    ("1 basic: IRI body and target", anno(1, body="http://example.org/post1", target=A1)),
    ("2 external web resources", anno(2, body={"id": "http://example.org/analysis1.mp3", "format": "audio/mpeg",
                                               "language": "fr"},
                                      target={"id": A2, "format": "text/html", "language": ["fa", "en"],
                                              "textDirection": "rtl", "processingLanguage": "fa"})),
    ("3 typed resources", anno(3, body={"id": "http://example.org/video1", "type": "Video"},
                               target={"id": A1, "type": "Text"})),
    ("4 embedded textual body", anno(4, body={"type": "TextualBody", "value": "<p>بسیار خوب</p>", "format": "text/html",
                                              "language": "fa"}, target=A2)),
    ("5 bodyValue", anno(5, bodyValue="یادداشتی ساده", target=A1)),
    ("6 no body", anno(6, target=A2)),
    ("7 several bodies and targets", anno(7, body=["http://example.org/description1",
                                                   {"type": "TextualBody", "value": "برچسب۱"}], target=[A1, A2])),
    ("8 choice of bodies", anno(8, body={"type": "Choice", "items": [
        {"id": "http://example.org/note1", "language": "en"}, {"type": "TextualBody", "value": "یادداشت", "language": "fa"}]},
        target=A1)),
    ("9 lifecycle", anno(9, creator="http://example.org/user1", created="2015-01-28T12:00:00Z",
                         modified="2015-01-29T09:00:00Z", generator="http://example.org/client1",
                         generated="2015-02-04T12:00:00Z",
                         body={"id": "http://example.net/review1", "creator": "http://example.net/user2",
                               "created": "2014-06-02T17:00:00Z"}, target=A1)),
    ("10 agents", anno(10, creator={"id": "http://example.org/user1", "type": "Person", "name": "سارا",
                                    "nickname": "sara", "email_sha1": "58bad08927902ff9307b621c54716dcc5083e339"},
                       generator={"id": "http://example.org/client1", "type": "Software", "name": "Code v2.1",
                                  "homepage": "http://example.org/client1/homepage1"},
                       body="http://example.net/review1", target=A2)),
    ("11 audience", anno(11, audience={"id": "http://example.edu/roles/teacher", "type": "schema:EducationalAudience",
                                       "schema:educationalRole": "teacher"}, body="http://example.net/classnotes1",
                         target=A1)),
    ("12 accessibility", anno(12, motivation="commenting", body="http://example.net/description1",
                              target={"id": A2, "type": "Text", "accessibility": "largePrint"})),
    ("13 motivation and purpose", anno(13, motivation="bookmarking", body=[
        {"type": "TextualBody", "value": "بخوان", "purpose": "tagging"},
        {"type": "TextualBody", "value": "شرحی که ارزش پیگیری دارد", "purpose": "describing"}], target=A1)),
    ("14 rights", anno(14, rights="https://creativecommons.org/publicdomain/zero/1.0/",
                       body={"id": "http://example.net/review1", "rights": "http://example.org/rights1"}, target=A2)),
    ("15 other identities", anno(15, canonical="urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df",
                                 via="http://other.example.org/anno1", body="http://example.net/review1", target=A1)),
    ("16 specific resource target", anno(16, body="http://example.org/note1",
                                         target={"id": "http://example.org/region1", "type": "SpecificResource",
                                                 "source": A2})),
    ("17 specific resource body with purpose", anno(17, body={"type": "SpecificResource", "purpose": "tagging",
                                                              "source": "http://example.org/city1"},
                                                    target={"id": A1, "type": "Text"})),
    ("18 selector given as a link", anno(18, body="http://example.org/note1",
                                         target={"source": A1, "selector": "http://example.org/paraselector1"})),
    ("19 fragment selector", anno(19, body="http://example.org/note1", target={"source": A2, "selector": {
        "type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3236", "value": "para2"}})),
    ("20 CSS selector", anno(20, body="http://example.org/note1",
                             target={"source": A1, "selector": {"type": "CssSelector", "value": "#elemid > p"}})),
    ("21 XPath selector", anno(21, body="http://example.org/note1",
                               target={"source": A1, "selector": {"type": "XPathSelector", "value": "/html/body/p[2]"}})),
    ("22 text quote selector", anno(22, body="http://example.org/comment1", target={"source": A1, "selector": QUOTE_1})),
    ("23 text position selector", anno(23, body="http://example.org/review1", target={"source": A1, "selector": {
        "type": "TextPositionSelector", "start": 0, "end": 4}})),
    ("24 data position selector", anno(24, body="http://example.org/note1", target={"source": A2, "selector": {
        "type": "DataPositionSelector", "start": 40, "end": 48}})),
    ("25 SVG selector by link", anno(25, body="http://example.org/road1", target={"source": "http://example.org/map1",
                                                                                   "selector": {"type": "SvgSelector",
                                                                                                "id": "http://example.org/svg1"}})),
    ("26 embedded SVG selector", anno(26, body="http://example.org/road1", target={
        "source": "http://example.org/map1", "selector": {"type": "SvgSelector", "value": "<svg>...</svg>"}})),
    ("27 range selector", anno(27, body="http://example.org/comment1", target={"source": A1, "selector": {
        "type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "//p[1]"},
        "endSelector": {"type": "XPathSelector", "value": "//p[2]"}}})),
    ("28 refinement of a selector", anno(28, body="http://example.org/comment1", target={"source": A2, "selector": {
        "type": "FragmentSelector", "value": "para2", "refinedBy": QUOTE_2}})),
    ("29 state", anno(29, body="http://example.org/note1", target={
        "source": A1, "state": {"type": "HttpRequestState", "value": "Accept: text/html"}})),
    ("30 time state", anno(30, body="http://example.org/note1", target={"source": A2, "state": {
        "type": "TimeState", "cached": "http://archive.example.org/copy1", "sourceDate": "2015-07-20T13:30:00Z"}})),
    ("31 state by link", anno(31, body="http://example.org/note1",
                              target={"source": A1, "state": {"id": "http://example.org/state1"}})),
    ("32 refinement of a state", anno(32, body="http://example.org/note1", target={"source": A2, "state": {
        "type": "TimeState", "sourceDate": "2016-02-01T12:05:23Z",
        "refinedBy": {"type": "HttpRequestState", "value": "Accept: text/html"}}})),
    ("33 style", anno(33, stylesheet={"type": "CssStylesheet", "value": ".red { color: red }"},
                      body={"type": "TextualBody", "value": "نکتهٔ مهم"},
                      target={"source": A1, "styleClass": "red", "selector": QUOTE_1})),
    ("34 rendering software", anno(34, body="http://example.org/comment1", target={
        "source": A2, "renderedVia": {"id": "http://example.com/renderer", "type": "Software",
                                      "schema:softwareVersion": "2.5"}})),
    ("35 scope", anno(35, body="http://example.org/note1", target={"source": A1, "scope": "http://example.org/page1"})),
    ("36 composite target", anno(36, motivation="commenting", body={"type": "TextualBody", "value": "مقایسه"},
                                 target={"type": "Composite", "items": [A1, A2]})),
    ("37 list target", anno(37, motivation="commenting", body={"type": "TextualBody", "value": "به ترتیب"},
                            target={"type": "List", "items": [{"source": A1, "selector": QUOTE_1},
                                                              {"source": A2, "selector": QUOTE_2}]})),
    ("38 independents target", anno(38, motivation="tagging", body={"type": "TextualBody", "value": "مهم"},
                                    target={"type": "Independents", "items": [A1, A2]})),
    ("39 collection with an embedded page", {
        "@context": CTX, "id": "http://example.org/collection1", "type": "AnnotationCollection", "label": "دو یادداشت",
        "total": 2, "first": {"id": "http://example.org/page1", "type": "AnnotationPage", "startIndex": 0, "items": [
            {"id": "http://example.org/anno39a", "type": "Annotation", "body": "http://example.net/comment1", "target": A1},
            {"id": "http://example.org/anno39b", "type": "Annotation", "body": "http://example.net/comment2", "target": A2},
        ]}}),
    ("40 an annotation page", {
        "@context": CTX, "id": "http://example.org/page1", "type": "AnnotationPage", "partOf": {
            "id": "http://example.org/collection1", "label": "یادداشت‌ها", "total": 1},
        "next": "http://example.org/page2", "startIndex": 0, "items": [
            {"id": "http://example.org/anno40", "type": "Annotation", "body": "http://example.net/comment1", "target": A1}]}),
    ("41 complete example", anno(41, motivation="commenting", creator={
        "id": "http://example.org/user1", "type": "Person", "name": "A. Person", "nickname": "user1"},
        created="2015-10-13T13:00:00Z", generator={"id": "http://example.org/client1", "type": "Software",
                                                    "name": "Code v2.1", "homepage": "http://example.org/homepage1"},
        generated="2015-10-14T15:13:28Z", stylesheet={"id": "http://example.org/stylesheet1", "type": "CssStylesheet"},
        body=[{"type": "TextualBody", "purpose": "tagging", "value": "love"},
              {"type": "Choice", "items": [
                  {"type": "TextualBody", "purpose": "describing", "value": "I really love this particular bit of text",
                   "language": "en", "format": "text/plain"},
                  {"type": "TextualBody", "purpose": "describing", "value": "این تکه را بسیار دوست دارم",
                   "language": "fa", "format": "text/plain", "creator": "http://example.org/user2"}]}],
        target=[{"type": "SpecificResource", "styleClass": "mystyle", "source": A1, "state": [
            {"type": "HttpRequestState", "value": "Accept: text/html"}], "selector": {
            "type": "FragmentSelector", "value": "para1", "refinedBy": QUOTE_1}}])),
    ("42 target found by quote alone", anno(42, bodyValue="پیدا شد", target={
        "source": "http://elsewhere.example.org/copy-of-the-article", "selector": QUOTE_2})),
    ("43 target by news code", anno(43, bodyValue="با کد خبر", target={"source": "urn:example:news-code:1203"})),
    ("44 reply to another annotation", anno(44, motivation="replying", bodyValue="موافقم",
                                            target="http://example.org/anno5")),
    ("45 @context as a list", {"@context": [CTX, {"ex": "http://example.org/ns#"}], "id": "http://example.org/anno45",
                               "type": ["Annotation", "ex:Note"], "bodyValue": "زمینهٔ دیگر", "target": A2}),
]

# Each breaks one MUST; the field the refusal must name.
INCORRECT: list[tuple[str, Any, str]] = [
    ("no @context", {k: v for k, v in anno(101, target=A1).items() if k != "@context"}, "@context"),
    ("wrong @context", {**anno(102, target=A1), "@context": "http://www.w3.org/ns/oa.jsonld"}, "@context"),
    ("@context list without anno", {**anno(103, target=A1), "@context": ["http://schema.org/"]}, "@context"),
    ("no id", {k: v for k, v in anno(104, target=A1).items() if k != "id"}, "id"),
    ("relative id", {**anno(105, target=A1), "id": "anno105"}, "id"),
    ("id with a space", {**anno(106, target=A1), "id": "http://example.org/anno 106"}, "id"),
    ("id not a string", {**anno(107, target=A1), "id": 107}, "id"),
    ("two ids", {**anno(108, target=A1), "id": ["http://example.org/a", "http://example.org/b"]}, "id"),
    ("no type", {k: v for k, v in anno(109, target=A1).items() if k != "type"}, "type"),
    ("wrong type", {**anno(110, target=A1), "type": "oa:Annotation"}, "type"),
    ("no target", anno(111, bodyValue="x"), "target"),
    ("empty target list", anno(112, target=[]), "target"),
    ("target not an IRI", anno(113, target="page1"), "target"),
    ("target object without source or id", anno(114, target={"type": "Text"}), "target"),
    ("target id not an IRI", anno(115, target={"id": "page 1"}), "target.id"),
    ("target source not a string", anno(116, target={"source": 5}), "target.source"),
    ("body and bodyValue", anno(117, body="http://example.org/b", bodyValue="x", target=A1), "bodyValue"),
    ("bodyValue a number", anno(118, bodyValue=5, target=A1), "bodyValue"),
    ("bodyValue an object", anno(119, bodyValue={"value": "x"}, target=A1), "bodyValue"),
    ("bodyValue two strings", anno(120, bodyValue=["a", "b"], target=A1), "bodyValue"),
    ("body not an IRI", anno(121, body="a comment", target=A1), "body"),
    ("textual body value a number", anno(122, body={"type": "TextualBody", "value": 3}, target=A1), "body.value"),
    ("textual body without value", anno(123, body={"type": "TextualBody"}, target=A1), "body.value"),
    ("body object with nothing", anno(124, body={"format": "text/plain"}, target=A1), "body"),
    ("body id not an IRI", anno(125, body={"id": "note1"}, target=A1), "body.id"),
    ("specific resource body source not an IRI", anno(126, body={"type": "SpecificResource", "source": "x y"},
                                                        target=A1), "body.source"),
    ("second body bad", anno(127, body=["http://example.org/b", 7], target=A1), "body[1]"),
    ("created a date only", anno(128, created="2015-01-28", target=A1), "created"),
    ("created not a date", anno(129, created="yesterday", target=A1), "created"),
    ("modified a number", anno(130, modified=20150128, target=A1), "modified"),
    ("two created", anno(131, created=["2015-01-28T12:00:00Z", "2015-01-29T12:00:00Z"], target=A1), "created"),
    ("text quote without exact", anno(132, target={"source": A1, "selector": {"type": "TextQuoteSelector",
                                                                              "prefix": "a"}}), "target.selector.exact"),
    ("text quote exact a list", anno(133, target={"source": A1, "selector": {"type": "TextQuoteSelector",
                                                                             "exact": ["a", "b"]}}), "target.selector.exact"),
    ("text quote prefix a number", anno(134, target={"source": A1, "selector": {
        "type": "TextQuoteSelector", "exact": "a", "prefix": 1}}), "target.selector.prefix"),
    ("text position start negative", anno(135, target={"source": A1, "selector": {
        "type": "TextPositionSelector", "start": -1, "end": 4}}), "target.selector"),
    ("text position end a string", anno(136, target={"source": A1, "selector": {
        "type": "TextPositionSelector", "start": 0, "end": "4"}}), "target.selector"),
    ("text position without end", anno(137, target={"source": A1, "selector": {
        "type": "TextPositionSelector", "start": 0}}), "target.selector"),
    ("motivation not in the model", anno(138, motivation="reading", target=A1), "motivation"),
    ("an array, not an annotation", ["http://example.org/anno139"], "annotation"),
]
