"""A phrase search marks, counts and snippets the phrase's occurrences only: where its words stand
in a row, as Whoosh's phrase query finds them, never one of its words alone (issue 26, item 6).

Compared over the real articles of the search archive with a brute-force scan of the analysed text
(tests/search/phrase_brute.py) and with the spans Whoosh's own phrase matcher reports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import query as wq

from tests.search.conftest import small_archive
from tests.search.phrase_brute import analysed, inside, phrase_keys, phrase_spans
from viewer.analysis.analyzer import search_keys
from viewer.app.hit_marks import find_hits, query_pattern
from viewer.core.article import Article
from viewer.search.results.searcher import ArchiveSearcher

# Real phrases of the archive, each also met as its words alone: Fars News writes ي/ك.
PHRASES = ['"شورای اسلامی"', '"شوراي اسلامي"', '"انتخابات مجلس"', '"جمهوری اسلامی"', '"تیم ملی"',
           '"لیگ برتر"', '"مجلس شورای اسلامی"', '«برنامه هسته‌ای»']
_BOLD = re.compile(r"<b>(.*?)</b>")


@pytest.fixture(scope="module")
def articles(searcher: ArchiveSearcher) -> list[Article]:
    return list(searcher.articles())


def _whoosh_spans(searcher: ArchiveSearcher, phrase: str) -> dict[str, int]:
    """id -> the number of the phrase's occurrences in the text, by Whoosh's own phrase matcher."""
    whoosh = searcher.whoosh
    matcher = wq.Phrase("text", phrase_keys(phrase)).matcher(whoosh)
    found: dict[str, int] = {}
    while matcher.is_active():
        found[whoosh.stored_fields(matcher.id())["id"]] = len(matcher.spans())
        matcher.next()
    return found


@pytest.mark.parametrize("phrase", PHRASES)
def test_marks_are_the_phrase_occurrences(searcher: ArchiveSearcher, articles: list[Article], phrase: str) -> None:
    result = searcher.search(phrase, limit=5, with_ids=True)
    by_whoosh = _whoosh_spans(searcher, phrase)
    marked = lone = 0
    for article in articles:
        text = article.text
        expected = phrase_spans(text, phrase, joined=True)
        marks = find_hits(text, result.pattern)
        assert len(marks) == len(expected), (phrase, article.id)
        # Whoosh's phrase matcher, on the index's text field (the tags follow the text: schema.document_of)
        indexed = "\n".join([text, *article.tags])
        assert len(phrase_spans(indexed, phrase)) == by_whoosh.get(article.id, 0), (phrase, article.id)
        assert all(inside(mark, occurrence) for mark, occurrence in zip(marks, expected, strict=True))
        marked += len(marks)
        if article.id in result.doc_ids:
            # the phrase's last word stands alone somewhere in the matches: never marked
            last = phrase_keys(phrase)[-1]
            lone += sum(1 for word in analysed(text) if last in word.keys
                        and not any(inside((word.start, word.end), occurrence) for occurrence in expected))
    assert marked >= 2 and lone > 0, (marked, lone)


@pytest.mark.parametrize(("spellings", "forms_met"), [
    (('"جمهوری اسلامی"', '"جمهوري اسلامي"', "«جمهوری  اسلامی»"), 1),  # the importer writes ی for ي
    (('"برنامه هسته‌ای"', '"برنامه هسته ای"', '"برنامه هستهای"', '"برنامه هسته‌اي"'), 2),
    (('"تیم ملی"', '"تيم ملي"'), 2),  # تیم ملی, and تیم‌ملی written joined
])
def test_every_spelling_of_a_phrase_marks_the_same_places(searcher: ArchiveSearcher, articles: list[Article],
                                                          spellings: tuple[str, ...], forms_met: int) -> None:
    """ی/ي, and the three ZWNJ forms (joined, spaced, with ZWNJ), typed in the query or met in the text."""
    patterns = [searcher.search(spelling, limit=1).pattern for spelling in spellings]
    written = set()
    total = 0
    for article in articles:
        marks = [find_hits(article.text, pattern) for pattern in patterns]
        assert all(found == marks[0] for found in marks), article.id
        assert len(marks[0]) == len(phrase_spans(article.text, spellings[0], joined=True)), article.id
        written |= {article.text[a:b] for a, b in marks[0]}
        total += len(marks[0])
    assert total >= 2 and len(written) >= forms_met, written


@pytest.mark.parametrize("phrase", ['"انتخابات مجلس"', '"شورای اسلامی"', '"جمهوری اسلامی"'])
def test_snippets_mark_only_phrase_occurrences(searcher: ArchiveSearcher, phrase: str) -> None:
    result = searcher.search(phrase, limit=20)
    keys = phrase_keys(phrase)
    bolds = [bold for hit in result.hits for bold in _BOLD.findall(hit.snippet)]
    assert len(bolds) >= len(result.hits) // 2 > 0
    for bold in bolds:
        assert phrase_spans(bold, phrase) == [(0, len(bold))], (phrase, bold)
    assert all(len(analysed(bold)) == len(keys) for bold in bolds)


def test_phrase_with_a_word_or_and_not(searcher: ArchiveSearcher, articles: list[Article]) -> None:
    """A word beside a phrase is marked wherever it stands outside the phrase; each phrase of an OR
    by its own rule; a word or a phrase after NOT never."""
    word = search_keys("ایران")
    mixed = searcher.search('"شورای اسلامی" ایران', limit=1).pattern
    either = searcher.search('"شورای اسلامی" OR "جمهوری اسلامی"', limit=1).pattern
    without = searcher.search('"جمهوری اسلامی" -مجلس NOT "شورای اسلامی"', limit=1).pattern
    assert not without.words & set(search_keys("مجلس")) and len(without.phrases) == 1
    seen_word = seen_or = 0
    for article in articles:
        text = article.text
        phrase = phrase_spans(text, '"شورای اسلامی"')
        lone = [(w.start, w.end) for w in analysed(text) if set(word) & w.keys
                and not any(inside((w.start, w.end), occurrence) for occurrence in phrase)]
        marks = find_hits(text, mixed)
        assert len(marks) == len(phrase) + len(lone), article.id
        assert all(any(inside(mark, span) for span in phrase + lone) for mark in marks), article.id
        seen_word += len(lone) if phrase else 0
        both = sorted(phrase + phrase_spans(text, '"جمهوری اسلامی"'))
        assert len(find_hits(text, either)) == len(both), article.id
        seen_or += len(both)
        assert find_hits(text, without) == [(a, b) for a, b in find_hits(text, query_pattern('"جمهوری اسلامی"'))]
    assert seen_word > 0 and seen_or > 0


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    """Sentences of the corpus's kind with the phrase broken by punctuation, a stopword inside it, repeated."""
    items = [
        {"link": "https://example.org/punct", "title": "نشست شورا", "abstract": "", "tags": [],
         "paragraphs": ["نمایندگان شورای، اسلامی شهر امروز نشستند.", "شورای «اسلامی» شهر بودجه را بست."]},
        {"link": "https://example.org/stop", "title": "دیدار", "abstract": "", "tags": [],
         "paragraphs": ["بازیکنان تیم ملی و باشگاه دیدار کردند؛ تیم ملی باشگاه را برد و تیم ملی برد."]},
        {"link": "https://example.org/lines", "title": "انتخابات", "abstract": "", "tags": [],
         "paragraphs": ["نامزدهای انتخابات", "مجلس آماده‌اند و انتخابات مجلس نزدیک است؛ انتخابات", "و",
                        "مجلس و مجلس."]},
    ]
    with small_archive(Path(tmp_path_factory.mktemp("phrase-crafted")), items) as archive, archive.searcher() as opened:
        yield opened


@pytest.mark.parametrize(("phrase", "link", "marked"), [
    ('"شورای اسلامی"', "punct", ["شورای، اسلامی", "شورای «اسلامی"]),  # punctuation takes no position
    ('"تیم ملی و باشگاه"', "stop", ["تیم ملی و باشگاه", "تیم ملی باشگاه"]),  # nor does a stopword
    # nor a paragraph break, nor a paragraph of stopwords alone
    ('"انتخابات مجلس"', "lines", ["انتخابات\nمجلس", "انتخابات مجلس", "انتخابات\nو\nمجلس"]),
])
def test_phrase_across_punctuation_stopwords_and_lines_as_whoosh(crafted: ArchiveSearcher, phrase: str, link: str,
                                                                  marked: list[str]) -> None:
    result = crafted.search(phrase, limit=5, with_ids=True)
    article = next(a for a in crafted.articles() if a.url.endswith("/" + link))
    assert article.id in result.doc_ids  # Whoosh finds the document by this phrase
    text = article.text
    marks = find_hits(text, result.pattern)
    assert [text[a:b] for a, b in marks] == marked
    assert len(marks) == len(phrase_spans(text, phrase)) == _whoosh_spans(crafted, phrase)[article.id]
