"""Snippets read only the lines whose coarse fold can hold a hit: they must mark exactly what a scan
of every token marks."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.analysis.analyzer import LEMMA_PREFIX, token_pattern, token_spans
from viewer.analysis.normalize import coarse_fold, fold_word
from viewer.search.results.snippets import _marks, _matched_key, matched_spans

# Persian letters with their Arabic and hamza spellings, harakat, tatweel, ZWNJ, digits, Latin.
_ALPHABET = ("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀأإآؤئءٱ\u064b\u064e\u0650\u0651\u0652\u0670\u0640\u200c"
             "۰۱۲۳٤٥٦0189abcXYZ")


def _every_token(text: str, keys: set[str]) -> list[tuple[int, int, str]]:
    """The reference: every token of the text looked up."""
    stems = {stem for key in keys if key.startswith(LEMMA_PREFIX) for stem in key[1:].split("#") if stem}
    stems |= {stem[:-1] for stem in stems if stem.endswith("ه") and len(stem) > 3}
    spans = []
    for match in token_pattern().finditer(text):
        key = _matched_key(match.group(), keys, stems)
        if key is not None:
            spans += _marks(match.start(), match.group(), key, keys, stems)
    return spans


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
    assert [text[a:b] for a, b, _ in spans] == ["كتابهاي", "پاياني", "مي كند"]
    assert matched_spans(text, {"ناموجود"}) == []
