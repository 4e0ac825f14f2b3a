"""One pass over the postings gives Whoosh's own matches and BM25F scores, on one segment and on
several with deletions."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher
from whoosh.searching import Searcher

from tests.search.segmented_index import three_segment_index
from viewer.analysis.normalize import normalize_tag
from viewer.search.format.block_format import POSITIONS
from viewer.search.format.bulk_postings import _wanted_blocks, positions_one_by_one, posting_positions
from viewer.search.format.codec import ArrayCodec
from viewer.search.query.match_scores import MatchScorer, Scored
from viewer.search.query.parser import parse_query
from viewer.search.query.plan import compile_plan
from viewer.search.results.searcher import ArchiveSearcher
from viewer.search.schema import build_schema

QUERIES = (
    "ایران", "كتاب هاي", "پرسپولیس گزارش", "مي‌شود ایران", "بین المللی", "رئیس جمهور", "ایران -فوتبال",
    "ایران NOT تهران", "فوتبال OR کشتی", "ایران^2 بازی", "عنوان:ایران", "(ایران OR تهران) بازی", "واژه‌ای‌که‌نیست",
)


def _whoosh_scores(searcher: Searcher, q: wq.Query) -> dict[int, float]:
    results = searcher.search(q, limit=None)
    return {hit.docnum: hit.score for hit in results}


def _assert_same(ours: Mapping[int, float], theirs: Mapping[int, float]) -> None:
    assert ours.keys() == theirs.keys()
    for docnum, score in theirs.items():
        # Sums of the same terms may be added in another order: equal to the last bits.
        assert math.isclose(ours[docnum], score, rel_tol=1e-12), docnum


def _scored_as_whoosh(searcher: ArchiveSearcher, queries: tuple[str, ...]) -> int:
    """Every query is scored here, with Whoosh's matches, scores and top ten; the matches counted."""
    whoosh_searcher = searcher.whoosh
    scorer = MatchScorer(whoosh_searcher)
    matched = 0
    for text in queries:
        q = parse_query(text, whoosh_searcher.schema, whoosh_searcher.reader())
        assert scorer.supports(compile_plan(q, whoosh_searcher)), text
        ours = scorer.scores(compile_plan(q, whoosh_searcher))
        _assert_same(ours, _whoosh_scores(whoosh_searcher, q))
        matched += len(ours)
        assert [d for d, _ in scorer.top(ours, 10)] == [hit.docnum for hit in whoosh_searcher.search(q, limit=10)]
    return matched


def test_scores_are_whooshs_on_the_archive(searcher: ArchiveSearcher) -> None:
    assert _scored_as_whoosh(searcher, QUERIES) > 100


def test_tags_join_with_no_weight(searcher: ArchiveSearcher) -> None:
    whoosh_searcher = searcher.whoosh
    tag, _count = searcher.tag_counts()[0]
    q = wq.And([parse_query("ایران", whoosh_searcher.schema, whoosh_searcher.reader()),
                wq.And([wq.Term("tags", normalize_tag(tag), boost=0.0)])])
    ours = MatchScorer(whoosh_searcher).scores(compile_plan(q, whoosh_searcher))
    assert ours
    _assert_same(ours, _whoosh_scores(whoosh_searcher, q))


PHRASES = ('"تیم ملی"', '"رئیس جمهور"', '"جام جهانی فوتبال"', '"تیم ملی" ایران', '"وزیر امور خارجه"',
           '"ایران"', '"ملی تیم"', '"تیم ملی" -فوتبال', '"واژه‌ای که نیست"')


def test_phrases_score_as_whoosh(searcher: ArchiveSearcher) -> None:
    assert _scored_as_whoosh(searcher, PHRASES) > 50


PREFIXES = ("ایرا*", "بازی*", "ایرا* تهران", "تیم بازی*", "بازی* -فوتبال", '"تیم ملی" ایرا*', "عنوان:ایرا*",
            "واژه‌ای‌که‌نی*")


def test_prefixes_score_as_whoosh(searcher: ArchiveSearcher) -> None:
    assert _scored_as_whoosh(searcher, PREFIXES) > 100


def test_fuzzy_terms_and_slop_are_left_to_whoosh(searcher: ArchiveSearcher) -> None:
    whoosh_searcher = searcher.whoosh
    scorer = MatchScorer(whoosh_searcher)
    for text in ("ایران~", "*", '"تیم ملی"~3', "ای?ان"):
        q = parse_query(text, whoosh_searcher.schema, whoosh_searcher.reader())
        assert not scorer.supports(compile_plan(q, whoosh_searcher)), text


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Searcher:
    """Three segments, documents deleted from two of them."""
    ix = three_segment_index(tmp_path_factory.mktemp("segments"), corpus_dir)
    searcher = ix.searcher()
    assert len(searcher.leaf_searchers()) == 3 and searcher.reader().has_deletions()
    return searcher


def test_scores_are_whooshs_across_segments_with_deletions(segmented: Searcher) -> None:
    scorer = MatchScorer(segmented)
    matched = 0
    for text in ("ایران", "مجلس دولت", "رئیس جمهور", "ایران -تهران", "کشور OR دولت", '"رئیس جمهور"', '"مجلس شورای اسلامی"',
                 "مجل*", "دولت مجل*"):
        q = parse_query(text, segmented.schema, segmented.reader())
        ours = scorer.scores(compile_plan(q, segmented))
        _assert_same(ours, _whoosh_scores(segmented, q))
        matched += len(ours)
    assert matched > 100


SEGMENT_PHRASES = ('"رئیس جمهور"', '"مجلس شورای اسلامی"', '"جمهوری اسلامی"', '"سازمان ملل"', '"از سوی"',
                   '"اسلامی ایران"', '"جمهور اسلامی"', '"وزیر امور خارجه"', '"جمهوری اسلامی" "رئیس جمهور"')


def test_phrases_across_segments_with_deletions(segmented: Searcher) -> None:
    """Word positions are read in their own layout, only the chosen documents' of a common word's
    blocks, on every segment: the positions Whoosh's matchers give, and the phrases it matches."""
    print("seed", 29)
    rng = random.Random(29)
    checked = 0
    for (reader, offset) in [(leaf.reader(), offset) for leaf, offset in segmented.leaf_searchers()]:
        for word in ("اسلامی", "جمهوری", "ایران", "کشور", "مجلس"):
            matcher = reader.postings("text", word)
            matcher = matcher.child if isinstance(matcher, FilterMatcher) else matcher  # deletions
            layouts = _wanted_blocks(matcher, None, offset, with_values=False).kinds
            assert np.all(layouts & POSITIONS), word
            for share in (1.0, 0.2, 0.02):
                members = np.zeros(segmented.doc_count_all(), dtype=bool)
                members[[n for n in range(len(members)) if rng.random() < share]] = True
                docs, positions = posting_positions(reader.postings("text", word), members, offset)
                expected = positions_one_by_one(reader.postings("text", word), members, offset)
                assert docs.tolist() == expected[0].tolist() and positions.tolist() == expected[1].tolist()
                checked += len(docs)
    assert checked > 1000
    scorer = MatchScorer(segmented)
    matched = 0
    for text in SEGMENT_PHRASES:
        q = parse_query(text, segmented.schema, segmented.reader())
        ours = scorer.scores(compile_plan(q, segmented))
        _assert_same(ours, _whoosh_scores(segmented, q))
        matched += len(ours)
    assert matched > 100


def test_phrases_past_two_byte_positions(tmp_path: Path) -> None:
    """Positions past 65,535 are packed four bytes wide; a block then mixes both widths."""
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    filler = " ".join(f"واژه{n % 97}" for n in range(70_000))
    texts = [f"{filler} تیم ملی", "تیم ملی در آغاز", f"ملی تیم {filler}", f"{filler} تیم {filler[:40]} ملی"]
    with ix.writer(codec=ArrayCodec()) as writer:
        for n, text in enumerate(texts):
            writer.add_document(id=str(n), title=f"خبر {n}", text=text)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        everyone = np.ones(len(texts), dtype=bool)
        widest = 0
        for word in ("تیم", "ملی"):
            docs, positions = posting_positions(reader.postings("text", word), everyone)
            one_by_one = positions_one_by_one(reader.postings("text", word), everyone, 0)
            assert docs.tolist() == one_by_one[0].tolist() and positions.tolist() == one_by_one[1].tolist()
            widest = max(widest, int(positions.max()))
        assert widest > 0xFFFF
        q = parse_query('"تیم ملی"', searcher.schema, reader)
        ours = MatchScorer(searcher).scores(compile_plan(q, searcher))
        _assert_same(ours, _whoosh_scores(searcher, q))
        assert sorted(ours) == [0, 1]


@pytest.mark.parametrize("case", range(40))
def test_top_of_many_tied_scores(case: int) -> None:
    """The best of thousands of matches, by a threshold from chunks: the same as a full sort by
    (score descending, document), with scores tied by the thousand (a prefix's) or all distinct."""
    seed = 4242 + case
    print("seed", seed)
    rng = np.random.default_rng(seed)
    size = int(rng.integers(640, 20_000))
    ids = np.unique(rng.integers(0, 5 * size, size, dtype=np.int64))
    if case % 2:
        scores = rng.choice([1.0, 2.5, 3.5, 7.25][: 1 + case % 4], len(ids))
    else:
        scores = rng.random(len(ids)) * 10
    limit = int(rng.choice([1, 3, 10, 10]))
    expected = np.lexsort((ids, -scores))[:limit]
    found = MatchScorer.top(Scored(ids, scores), limit)
    assert found == [(int(ids[i]), float(scores[i])) for i in expected]
