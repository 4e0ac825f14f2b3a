"""Occurrences of words are looked for only on the lines whose coarse fold can hold a hit: they must be
exactly what a scan of every word position of the whole text finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.analysis.analyzer import token_spans
from viewer.analysis.normalize import coarse_fold, fold_word
from viewer.core.results import HitPattern, PhraseKeys
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


def test_phrase_occurrences_match_a_scan_of_the_whole_text(corpus_items: dict[str, list[dict]]) -> None:
    """A phrase is looked for only on the lines holding its words, joined where it may run on: the
    occurrences must be those of the whole text's positions, a phrase crossing a line included."""
    seed = 11
    print("seed", seed)
    rng = random.Random(seed)
    items = [i for i in corpus_items["fars-news-3.json"] if len(i.get("paragraphs") or []) > 5][:40]
    compared = crossing = 0
    for item in items:
        text = "\n".join([item.get("abstract") or "", *item["paragraphs"]])
        positions = word_positions(text)
        for _ in range(3):
            at = rng.randrange(len(positions) - 2)
            size = rng.choice((2, 3))
            words = tuple(frozenset({position.keys[0]}) for position in positions[at:at + size])
            pattern = QueryPattern(HitPattern(frozenset({positions[rng.randrange(len(positions))].keys[0]}),
                                              (PhraseKeys(words),)))
            expected = [(positions[first].start, positions[last].end) for first, last in pattern.spans(positions)]
            assert [(a, b) for a, b, _label in pattern.occurrences(text)] == expected
            compared += 1
            crossing += sum("\n" in text[a:b] for a, b in expected)
        # and one phrase made to run from a paragraph's last word into the next one's first
        end = text.index("\n", len(text) // 2)
        last = next(p for p in reversed(positions) if p.end <= end)
        first = next(p for p in positions if p.start > end)
        pattern = QueryPattern(HitPattern(phrases=(PhraseKeys((frozenset({last.keys[0]}), frozenset({first.keys[0]}))),)))
        expected = [(positions[a].start, positions[b].end) for a, b in pattern.spans(positions)]
        assert [(a, b) for a, b, _label in pattern.occurrences(text)] == expected
        crossing += sum("\n" in text[a:b] for a, b in expected)
    assert len(items) >= 20 and compared == 3 * len(items) and crossing >= len(items)
