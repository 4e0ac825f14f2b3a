"""Every MUST of the W3C Web Annotation model, checked over Bayegan's export (tests/notes/exchange/w3c_musts.py)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.notes.archives import indexed, write_json
from tests.notes.exchange.w3c_musts import all_requirements, run_checks
from viewer.core.article import Article
from viewer.notes.store import NotesStore
from viewer.notes.webanno import ANNO_CONTEXT, export_store, import_data
from viewer.search.archive import Archive
from viewer.search.results.article_finder import ArchiveArticleFinder


def _exported(tmp_path: Path) -> tuple[dict, dict[str, Article]]:
    paths = indexed(tmp_path / "data", write_json(tmp_path / "archive"))
    with Archive(paths).searcher() as searcher:
        articles = {a.code: a for a in searcher.articles()}
        finder = ArchiveArticleFinder(searcher)
        with NotesStore(paths.notes_path) as store:
            with_url, without_url = articles["1201"], articles["1203"]
            start = with_url.text.index("کوروش خسروی")
            note = store.create_highlight(with_url.id, with_url.text, start, start + 11, body="نام او", color="#fff176",
                                          creator="مریم")
            store.create_highlight(without_url.id, without_url.text, 0, 8)
            store.create_comment(articles["1202"].id, "دربارهٔ کل خبر", creator="علی")
            reply = store.create_reply(note.id, "پاسخ")
            store.create_reply(reply.id, "پاسخ به پاسخ")
            # A colleague's annotation with what Bayegan does not use itself: kept and exported again.
            report = import_data(store, {
                "@context": ANNO_CONTEXT, "id": "http://example.org/anno/77", "type": "Annotation",
                "motivation": "commenting", "created": "2024-03-01T10:00:00+03:30",
                "creator": {"id": "http://example.org/user/1", "type": "Person", "name": "سارا"},
                "generator": {"id": "http://example.org/client", "type": "Software"},
                "rights": "https://creativecommons.org/licenses/by/4.0/",
                "body": [{"type": "TextualBody", "value": "مقایسه کنید", "purpose": "commenting", "language": "fa"},
                         "http://example.org/related/page", {"type": "SpecificResource", "source": "http://example.org/pic"}],
                "target": {"source": with_url.url, "selector": {
                    "type": "FragmentSelector", "value": "p2",
                    "refinedBy": {"type": "TextQuoteSelector", "exact": "خواهرخواندگی"}}},
            }, finder)
            assert report.added == 1 and report.refused == []
            return json.loads(json.dumps(export_store(store, searcher.article), ensure_ascii=False)), articles


def test_every_must_holds_over_the_export(tmp_path: Path) -> None:
    document, articles = _exported(tmp_path)
    results = run_checks(document)
    failed = [name for name, held in results if not held]
    print(f"W3C MUSTs: {len(results) - len(failed)}/{len(results)} checks held "
          f"({len(all_requirements())} requirements over {document['total']} annotations)")
    assert failed == []
    assert {name for name, _ in results} == set(all_requirements())  # every requirement met something to check
    sources = {item["target"]["source"] for item in document["first"]["items"] if isinstance(item["target"], dict)}
    # The article's URL when it has one (as a URI: the Persian slug percent-encoded), else Bayegan's IRI.
    assert f"urn:bayegan:article:{articles['1203'].id}" in sources
    assert any(s.startswith("https://www.example-news.ir/news/1201/%D8%B1") for s in sources)


def test_the_colleagues_annotation_goes_out_with_everything_it_came_with(tmp_path: Path) -> None:
    document, _ = _exported(tmp_path)
    (item,) = [i for i in document["first"]["items"] if i["id"] == "http://example.org/anno/77"]
    assert item["rights"] == "https://creativecommons.org/licenses/by/4.0/" and item["generator"]["type"] == "Software"
    assert item["creator"]["id"] == "http://example.org/user/1"
    assert item["body"][1:] == ["http://example.org/related/page", {"type": "SpecificResource", "source": "http://example.org/pic"}]
    quote, position, fragment = item["target"]["selector"]
    assert quote["exact"] == "خواهرخواندگی" and position["type"] == "TextPositionSelector"
    assert fragment["type"] == "FragmentSelector"  # kept for tools that can use it


BREAKAGES = [
    ("3.1 id is exactly one IRI", lambda d: d["first"]["items"][0].update(id="not an iri")),
    ("3.1 @context is (or includes) the anno context", lambda d: d["first"]["items"][0].pop("@context")),
    ("5.1 collection id is an IRI", lambda d: d.pop("id")),
    ("5.2 page id is an IRI", lambda d: d["first"].pop("id")),
    ("4.2.5 TextPositionSelector start is one non-negative integer",
     lambda d: next(i for i in d["first"]["items"] if isinstance(i["target"], dict) and "selector" in i["target"])
     ["target"]["selector"][1].update(start=-1)),
    ("3.2 every target is an IRI or a recognised resource object",
     lambda d: d["first"]["items"][0].update(target={"source": "f2d1fb6616454baa"})),
    ("3.3.1 created is one xsd:dateTime", lambda d: d["first"]["items"][0].update(created="2024-01-01")),
]


@pytest.mark.parametrize(("requirement", "breaking"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_each_check_can_fail(tmp_path: Path, requirement: str, breaking) -> None:  # type: ignore[no-untyped-def]
    document, _ = _exported(tmp_path)
    broken = copy.deepcopy(document)
    breaking(broken)
    assert requirement in {name for name, held in run_checks(broken) if not held}
