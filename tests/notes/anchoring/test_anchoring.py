"""Anchoring on the seed's real text: exact, moved, ambiguous, fuzzy, unplaceable; fuzzy search vs brute force."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.article import Article
from viewer.notes import fuzzy
from viewer.notes.anchoring import AnchorError, describe, locate


def test_describe_rejects_ranges_outside_the_text() -> None:
    with pytest.raises(AnchorError) as caught:
        describe("متن کوتاه", 3, 30)
    assert "not inside" in caught.value.en and "درون" in caught.value.fa
    with pytest.raises(AnchorError):
        describe("متن", 2, 2)


def test_unchanged_text_keeps_the_anchor(seed_article: Article) -> None:
    text = seed_article.text
    start = text.index("کوروش خسروی")
    quote, position = describe(text, start, start + 11)
    assert locate(text, quote, position) == (start, start + 11)


def test_text_inserted_before_moves_the_anchor(seed_article: Article) -> None:
    text = seed_article.text
    start = text.index("کوروش خسروی")
    quote, position = describe(text, start, start + 11)
    changed = "یک بند تازه در آغاز خبر.\n" + text
    assert locate(changed, quote, position) == (start + 25, start + 36)


def test_the_repeated_passage_is_told_apart_by_its_context(seed_article: Article) -> None:
    # The seed's lead is repeated word for word in a later paragraph: highlight the second copy.
    text = seed_article.text
    passage = "طرحی در مرکز پژوهشها مورد مطالعه قرار گرفته"
    first = text.index(passage)
    second = text.index(passage, first + 1)
    quote, position = describe(text, second, second + len(passage))
    # Shift everything so that the old offset now points at neither copy.
    changed = text.replace("رئیس مرکز پژوهشهای", "رئیس محترم مرکز پژوهشهای")
    new_second = changed.index(passage, changed.index(passage) + 1)
    assert locate(changed, quote, position) == (new_second, new_second + len(passage))
    # Without a position, context alone still picks the second copy.
    assert locate(changed, quote, None) == (new_second, new_second + len(passage))


def test_a_corrected_typo_inside_the_passage_is_found_fuzzily(seed_article: Article) -> None:
    text = seed_article.text
    passage = "افزایش تعداد خواهرخواندهها یا عضویت بیشتر در تعداد شبکههای مختلف"
    start = text.index(passage)
    quote, position = describe(text, start, start + len(passage))
    corrected = passage.replace("خواهرخواندهها", "خواهرخوانده‌ها").replace("شبکههای", "شبکه‌های")
    changed = "مقدمه.\n" + text.replace(passage, corrected)
    found = locate(changed, quote, position)
    assert found is not None
    assert changed[found[0]:found[1]] == corrected


def test_a_removed_passage_is_not_guessed(seed_article: Article) -> None:
    text = seed_article.text
    passage = "کوروش خسروی در گفتوگو با خبرنگار ایمنا"
    start = text.index(passage)
    quote, position = describe(text, start, start + len(passage))
    line_end = text.index("\n", start)
    assert locate(text[:start] + text[line_end + 1:], quote, position) is None


def _brute_ends(text: str, pattern: str, k: int) -> list[tuple[int, int]]:
    column = list(range(len(pattern) + 1))
    ends = []
    for j, ch in enumerate(text):
        new = [0]
        for i in range(1, len(pattern) + 1):
            new.append(min(column[i] + 1, new[i - 1] + 1, column[i - 1] + (pattern[i - 1] != ch)))
        column = new
        if column[-1] <= k:
            ends.append((j + 1, column[-1]))
    return ends


@settings(max_examples=300, deadline=None)
@given(st.text("ابپت ی", max_size=40), st.text("ابپت ی", min_size=1, max_size=12), st.integers(0, 4))
def test_bit_parallel_search_agrees_with_dynamic_programming(text: str, pattern: str, k: int) -> None:
    assert fuzzy._match_ends(text, pattern, k) == _brute_ends(text, pattern, k)
    for match in fuzzy.search(text, pattern, k):
        assert fuzzy.edit_distance(text[match.start:match.end], pattern) == match.errors


def _brute_prefix_distances(text: str, pattern: str) -> list[tuple[int, int]]:
    return [(j, fuzzy.edit_distance(text[:j], pattern)) for j in range(1, len(text) + 1)]


@settings(max_examples=200, deadline=None)
@given(st.text("ابپت ی", max_size=30), st.text("ابپت ی", min_size=1, max_size=12))
def test_anchored_search_gives_prefix_edit_distances(text: str, pattern: str) -> None:
    assert fuzzy._match_ends(text, pattern, len(text) + len(pattern), anchored=True) == _brute_prefix_distances(text, pattern)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_an_edit_elsewhere_never_loses_the_quote(seed_text: str, data: st.DataObject) -> None:
    text = seed_text
    length = data.draw(st.integers(8, 80), label="length")
    start = data.draw(st.integers(0, len(text) - length), label="start")
    end = start + length
    quote, position = describe(text, start, end)
    # Insert or delete somewhere that does not touch the highlighted passage.
    at = data.draw(st.integers(0, len(text)), label="at")
    if start < at < end:
        at = end
    removed = data.draw(st.integers(0, 40), label="removed")
    if at <= start:
        removed = min(removed, start - at)
    inserted = data.draw(st.text("ابپتثجچ \n", max_size=40), label="inserted")
    changed = text[:at] + inserted + text[at + removed:]
    shift = len(inserted) - removed if at <= start else 0
    found = locate(changed, quote, position)
    assert found is not None
    assert changed[found[0]:found[1]] == quote.exact
    if changed.count(quote.exact) == 1:
        assert found == (start + shift, end + shift)


def test_an_edited_passage_beats_an_exact_copy_in_other_company(seed_article: Article) -> None:
    # "خواهرخواندگی" occurs several times; highlight one, then edit that very one.
    text = seed_article.text
    word = "خواهرخواندگی"
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    assert len(starts) >= 3
    chosen = starts[1]
    quote, position = describe(text, chosen, chosen + len(word))
    changed = text[:chosen] + "خواهر‌خواندگی" + text[chosen + len(word):]
    found = locate(changed, quote, position)
    assert found == (chosen, chosen + len(word) + 1)


def test_a_short_quote_is_not_placed_on_a_lookalike_without_its_context(seed_article: Article) -> None:
    text = seed_article.text
    start = text.index("ایمنا")
    quote, position = describe(text, start, start + 5)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    assert locate(text[:line_start] + text[line_end + 1:], quote, position) is None
