"""Occurrences of words are looked for only on the lines whose coarse fold can hold a hit: they must be
exactly what a scan of every word position of the whole text finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.analysis.analyzer import token_spans
from viewer.analysis.normalize import coarse_fold, fold_word
from viewer.core.results import HitPattern
from viewer.search.query.occurrences import QueryPattern, word_positions

# Persian letters with their Arabic and hamza spellings, harakat, tatweel, ZWNJ, digits, Latin.
_ALPHABET = ("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀأإآؤئءٱ\u064b\u064e\u0650\u0651\u0652\u0670\u0640\u200c"
             "۰۱۲۳٤٥٦0189abcXYZ")


def _every_token(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """The reference: every word position of the whole text looked up."""
    positions = word_positions(text)
    return [(positions[first].start, positions[last].end)
            for first, last in QueryPattern(HitPattern(frozenset(keys))).spans(positions)]


def matched_spans(text: str, keys: set[str]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _label in QueryPattern(HitPattern(frozenset(keys))).occurrences(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET + " ", min_size=1, max_size=12))
def test_the_coarse_fold_of_a_word_is_that_of_its_search_key(word: str) -> None:
    word = word.lower()
    assert coarse_fold(fold_word(word)) == coarse_fold(word)


def test_marks_match_a_scan_of_every_token(corpus_items: dict[str, list[dict]]) -> None:
    rng = random.Random(5)
    items = [i for i in corpus_items["fars-news-1.json"] if len(i.get("paragraphs") or []) > 5][:60]
    compared = marked = 0
    for item in items:
        text = "\n".join([item.get("abstract") or "", *item["paragraphs"]])
        words = list(token_spans(text))
        for _ in range(3):
            chosen = rng.sample(words, 2)
            # A surface key, a lemma key (stems found by substring), and a key no line holds.
            keys = {chosen[0][2], chosen[1][3] or chosen[1][2], "ناموجودترینواژه"}
            expected = _every_token(text, keys)
            assert matched_spans(text, keys) == expected
            compared += 1
            marked += len(expected)
    assert compared == 180 and marked > 180


def test_a_hit_on_the_last_line_and_spellings_across_lines() -> None:
    text = "سطر نخست\nكتابهاي قديمي\nو سطر پاياني مي كند"
    keys = {"کتابهای", "میکند", "پایانی"}
    spans = matched_spans(text, keys)
    assert [text[a:b] for a, b in spans] == ["كتابهاي", "پاياني", "مي كند"]
    assert matched_spans(text, {"ناموجود"}) == []
