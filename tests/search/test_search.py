"""Searching real articles: the query language, snippets, facets, suggestions, sorting, ranking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.search.conftest import small_archive
from viewer.analysis.analyzer import LEMMA_PREFIX, query_keys, term_positions
from viewer.core.errors import QueryError
from viewer.search.results.searcher import ArchiveSearcher


def article_keys(searcher: ArchiveSearcher, article_id: str, field: str = "both") -> set[str]:
    article = searcher.article(article_id)
    assert article is not None
    text = {"title": article.title, "text": article.text, "both": article.title + "\n" + article.text}[field]
    return set(term_positions(text))


def has_word(searcher: ArchiveSearcher, article_id: str, word: str, field: str = "both") -> bool:
    surface, lemma = query_keys(word)
    found = article_keys(searcher, article_id, field)
    return surface in found or LEMMA_PREFIX + (lemma or surface) in found or (lemma or "") in found


def ids(searcher: ArchiveSearcher, query: str, **kwargs: object) -> list[str]:
    return list(searcher.search(query, limit=1000, with_ids=True, **kwargs).doc_ids)  # type: ignore[arg-type]


def test_words_are_anded_by_default(searcher: ArchiveSearcher) -> None:
    both = ids(searcher, "پرسپولیس بازی")
    assert both
    assert set(both) <= set(ids(searcher, "پرسپولیس")) & set(ids(searcher, "بازی"))
    assert all(has_word(searcher, i, "پرسپولیس") and has_word(searcher, i, "بازی") for i in both)


@pytest.mark.parametrize("typed", ["کتابهای", "کتاب‌های", '"کتاب های"', "كتاب‌هاي", '"كتاب هاي"'])
def test_every_spelling_finds_the_plural(searcher: ArchiveSearcher, typed: str) -> None:
    exact = {a.id for a in searcher.articles() if "کتابهای" in term_positions(a.title + "\n" + a.text)}
    assert exact
    found = ids(searcher, typed)
    assert exact <= set(found)
    assert len(exact) >= 3
    if typed.startswith('"'):
        assert set(found) == exact


def test_a_quoted_phrase_finds_the_words_in_order(searcher: ArchiveSearcher) -> None:
    found = ids(searcher, '"انرژی هسته‌ای"')
    assert found
    for article_id in found:
        article = searcher.article(article_id)
        assert article is not None
        text = re.sub("[\u200c ]+", " ", (article.title + " " + article.text).replace("ي", "ی"))
        assert re.search("انرژی (هسته ای|هستهای)", text.replace("هسته\u200cای", "هسته ای"))


@pytest.mark.parametrize("query", ["بازی -پرسپولیس", "بازی NOT پرسپولیس", "بازی بجز پرسپولیس"])
def test_minus_and_not_exclude(searcher: ArchiveSearcher, query: str) -> None:
    found = ids(searcher, query)
    assert found
    assert not any(has_word(searcher, i, "پرسپولیس") for i in found)
    assert len(found) < len(ids(searcher, "بازی"))


@pytest.mark.parametrize("operator", ["OR", "یا"])
def test_or_joins(searcher: ArchiveSearcher, operator: str) -> None:
    left, right = set(ids(searcher, "پرسپولیس")), set(ids(searcher, "هسته‌ای"))
    assert set(ids(searcher, f"پرسپولیس {operator} هسته‌ای")) == left | right


@pytest.mark.parametrize("field", ["title:", "عنوان:"])
def test_title_field(searcher: ArchiveSearcher, field: str) -> None:
    found = ids(searcher, f"{field}پرسپولیس")
    assert found
    assert all(has_word(searcher, i, "پرسپولیس", "title") for i in found)
    assert len(found) < len(ids(searcher, "پرسپولیس"))


@pytest.mark.parametrize("field", ["tag:", "برچسب:"])
def test_tag_field(searcher: ArchiveSearcher, field: str) -> None:
    tag, count = searcher.tag_counts()[0]
    query = f'{field}"{tag}"' if " " in tag else f"{field}{tag}"
    found = ids(searcher, query)
    assert len(found) == count
    assert all(tag in searcher.article(i).tags for i in found)  # type: ignore[union-attr]


def test_prefix(searcher: ArchiveSearcher) -> None:
    found = ids(searcher, "پرسپول*")
    assert set(ids(searcher, "پرسپولیس")) <= set(found)


def test_fuzzy(searcher: ArchiveSearcher) -> None:
    assert not ids(searcher, "پرسپولیسس")
    assert set(ids(searcher, "پرسپولیسس~")) >= set(ids(searcher, "پرسپولیس"))


@pytest.mark.parametrize("query", ["", "   ", "و", "-", '""', "()", "title:و"])
def test_bad_queries_answer_with_a_message(searcher: ArchiveSearcher, query: str) -> None:
    with pytest.raises(QueryError) as caught:
        searcher.search(query)
    assert caught.value.en and caught.value.fa


@pytest.mark.parametrize("query", ['"پرسپولیس', "(بازی", "بازی)", "«پرسپولیس", "title:: بازی", "*", "~", "-"])
def test_broken_queries_never_crash(searcher: ArchiveSearcher, query: str) -> None:
    try:
        searcher.search(query)
    except QueryError as error:
        assert error.en and error.fa


@pytest.mark.parametrize(("typed", "marked"), [
    ("ایران", "ایران"),          # the text had ايران: the stored text shows it Persian, and it is marked
    ("میکند", "می‌کند"),         # typed joined, the text has the ZWNJ
    ("رییس", "رئیس"),            # another hamza spelling
])
def test_snippets_mark_every_variant(searcher: ArchiveSearcher, typed: str, marked: str) -> None:
    result = searcher.search(typed, limit=10)
    assert result.hits
    assert any(f"<b>{marked}</b>" in hit.snippet for hit in result.hits)
    for hit in result.hits:
        assert len(re.sub("<[^>]+>", "", hit.snippet)) < 2 * 200 + 20


def test_snippets_mark_digits_typed_in_another_script(searcher: ArchiveSearcher) -> None:
    article = next(a for a in searcher.articles() if re.search(r"\b\d{3,4}\b", a.text))
    number = re.search(r"\b(\d{3,4})\b", article.text).group(1)  # type: ignore[union-attr]
    persian = number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    result = searcher.search(persian, limit=50)
    hit = next(h for h in result.hits if h.id == article.id)
    assert f"<b>{number}</b>" in hit.snippet


def test_snippets_mark_lemma_matches(searcher: ArchiveSearcher) -> None:
    result = searcher.search("کتاب", limit=50)
    assert any(re.search("<b>کتاب(\u200c)?ها", hit.snippet) for hit in result.hits)


def test_facets_count_the_whole_result_set(searcher: ArchiveSearcher) -> None:
    result = searcher.search("بازی", limit=3, with_ids=True)
    assert result.total > 3
    expected: dict[str, int] = {}
    for article_id in result.doc_ids:
        for tag in searcher.article(article_id).tags:  # type: ignore[union-attr]
            expected[tag] = expected.get(tag, 0) + 1
    assert dict(result.facets) == expected
    tag, count = result.facets[0]
    filtered = searcher.search("بازی", tags=[tag], limit=1000)
    assert filtered.total == count
    assert all(tag in hit.tags for hit in filtered.hits)
    second = next((t for t, _ in result.facets[1:] if t != tag), None)
    if second is not None:
        both = searcher.search("بازی", tags=[tag, second], limit=1000)
        assert all(tag in h.tags and second in h.tags for h in both.hits)


def test_did_you_mean(searcher: ArchiveSearcher) -> None:
    result = searcher.search("پرسپولیسس")
    assert result.total == 0
    assert result.suggestion == "پرسپولیس"
    assert searcher.search("پرسپولیس").suggestion is None


def _item(title: str, paragraphs: list[str], link: str, **extra: object) -> dict:
    return {"title": title, "abstract": "", "paragraphs": paragraphs, "tags": [], "link": link, **extra}


def test_sort_by_date(tmp_path: Path, search_items: list[dict]) -> None:
    base = [i for i in search_items if "پرسپولیس" in i["title"] or "پرسپوليس" in i["title"]][:3]
    assert len(base) == 3
    dates = ["2021-03-01", "2023-07-15", "2019-11-30"]
    archive = small_archive(tmp_path, [{**item, "date": d} for item, d in zip(base, dates, strict=True)])
    with archive.searcher() as searcher:
        result = searcher.search("پرسپولیس", sort="date")
        assert [h.date for h in result.hits] == sorted(dates, reverse=True)
    archive.close()


def test_exact_form_and_title_rank_above(tmp_path: Path, search_items: list[dict]) -> None:
    paragraphs = [p for item in search_items[:6] for p in item["paragraphs"][:2]]
    body = paragraphs[:4]
    items = [
        _item("گزارش روز", [*body, "نمایشگاه کتاب‌ها را نشان داد."], "https://example.org/exact"),
        _item("گزارش امروز", [*body, "نمایشگاه کتاب را نشان داد."], "https://example.org/lemma"),
        _item("نمایشگاه کتاب", body, "https://example.org/title"),
        _item("خبر دیگر", [*body, "نمایشگاه کتاب را نشان داد."], "https://example.org/text"),
    ]
    archive = small_archive(tmp_path, items)
    with archive.searcher() as searcher:
        def url(hit_id: str) -> str:
            return searcher.article(hit_id).url  # type: ignore[union-attr]

        ranked = [url(h.id) for h in searcher.search("کتابها").hits]
        assert ranked.index("https://example.org/exact") < ranked.index("https://example.org/lemma")
        ranked = [url(h.id) for h in searcher.search("کتاب").hits]
        assert ranked[0] == "https://example.org/title"
    archive.close()
