"""The collocations' stored arrays (viewer/analysis/word_groups.py, the index's `words` column):
each stored position is the analyzer's word position with its group and spelling, whatever the
token (several words in one, function words, stopwords, numbers, Arabic letters) and however many
distinct words an article holds; and the collocations counted from them equal a position-by-position
count where occurrences open and close articles, sit in the tags, and articles of every width meet
in one chunk."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.research.test_discourse_counts import _brute_force_collocates
from tests.research.word_walk import walked_words
from viewer.analysis.word_groups import (
    NO_GROUP,
    group_hash,
    read_sequence,
    sequence_parts,
    word_sequence,
)
from viewer.app.discourse import Discourse
from viewer.app.library import Library
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive
from viewer.search.indexing.word_table import decoded, numbered_parts, read_table

SEED = 2829
NODE = "پرتقال"
# several words in one token, a function word, hazm stopwords, numbers, a decimal, Arabic letters,
# a detached می that starts no verb, a spaced plural and a verb
ODD_TOKENS = "یورو2020 ماه می سال و در ۱۲٫۵ درصد 1402 كتاب‌هاي کتاب ها نيز بسیار هم می‌روند اینجا"


def _items(corpus_items: dict[str, list[dict]], rng: random.Random) -> list[dict]:
    texts = []
    for item in corpus_items["fars-news-2.json"][:30]:
        paragraphs = [str(p) for p in item.get("paragraphs") or [] if str(p).strip()]
        if paragraphs and NODE not in " ".join(paragraphs):
            texts.append(paragraphs)
    items = []
    for number, paragraphs in enumerate(texts[:16]):
        words = " ".join(paragraphs).split()
        for _ in range(rng.randint(1, 4)):
            words.insert(rng.randint(0, len(words)), NODE)
        if number % 3 == 0:
            words.insert(0, NODE)  # an occurrence opening the article: no window reaches the one before
        if number % 3 == 1:
            words.append(NODE)  # closing it: no window reaches the next
        items.append({"title": f"خبر {number}", "text": [" ".join(words)], "url": f"https://example.org/{number}",
                      "tags": [f"{NODE} {ODD_TOKENS.split()[0]}"] if number % 2 else []})
    # many distinct words in one article (two bytes per stored position), among short ones (one byte)
    items.append({"title": "بلند", "text": [" ".join(" ".join(p) for p in texts[16:]) + f" {NODE} پایان"],
                  "url": "https://example.org/long"})
    items.append({"title": "کوتاه", "text": [f"{NODE} {ODD_TOKENS} {NODE}"], "url": "https://example.org/short"})
    items.append({"title": "تهی", "text": ["و در به از"], "url": "https://example.org/empty"})
    return items


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, corpus_items: dict[str, list[dict]]) -> Path:
    print("seed", SEED)
    root = tmp_path_factory.mktemp("arrays")
    source = root / "archive"
    source.mkdir()
    (source / "news.json").write_text(json.dumps(_items(corpus_items, random.Random(SEED)), ensure_ascii=False),
                                      "utf-8")
    with Library(DataPaths.resolve(root / "data")) as library:
        report = library.sync([source])
        assert report.failed == []
    return root / "data"


def test_each_stored_position_is_the_analyzers_word_position(data_dir: Path) -> None:
    archive = Archive(DataPaths.resolve(data_dir))
    try:
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            column = reader.column_reader("words", translate=False)
            table = read_table(data_dir / "index")
            widths = set()
            for docnum in reader.all_doc_ids():
                text = str(reader.stored_fields(docnum)["text"])
                value = bytes(column[docnum])
                assert decoded(value, *table) == walked_words(text), reader.stored_fields(docnum)["title"]
                widths.add(numbered_parts(value)[2])
    finally:
        archive.close()
    assert widths == {1, 2}


def test_distinct_groups_have_distinct_numbers_and_odd_tokens_their_positions() -> None:
    groups, spellings = walked_words(ODD_TOKENS)
    assert read_sequence(word_sequence(ODD_TOKENS))[:2] == (groups, spellings)
    # یورو2020 and ۱۲٫۵ take two positions each, function words and the lone می none; a hazm
    # stopword or a number keeps its position without a group
    assert len(groups) == 13 and groups.count(NO_GROUP) >= 3
    assert read_sequence(word_sequence("")) == ([], [], [])
    assert read_sequence(b"") == ([], [], [])
    # a surface key and a lemma key written alike, words sharing their first letters: never one number
    keys = ["کتاب", ">کتاب", "جمهوری", "جمهوریت", "جمهوری‌ها", "1", "۱"]
    assert len({group_hash(key) for key in keys}) == len(keys)


def test_an_article_of_more_than_65536_distinct_words_is_stored_whole() -> None:
    rng = random.Random(SEED)
    print("seed", SEED)
    letters = "بپتثجچحخدذرزژسشصضطظعغفقکگلمنوه"
    words = {"".join(rng.choice(letters) for _ in range(6)) for _ in range(70_000)}
    text = " ".join(sorted(words))
    value = word_sequence(text)
    assert sequence_parts(value)[2] == 4
    assert read_sequence(value)[:2] == walked_words(text)


@pytest.mark.parametrize("span", [1, 4])
@pytest.mark.parametrize("query", [NODE, "گفت"])
def test_collocations_at_article_edges_equal_a_position_by_position_count(data_dir: Path, query: str,
                                                                          span: int) -> None:
    with Library(DataPaths.resolve(data_dir)) as library, Discourse(library) as discourse:
        texts = [library.article(hit.id).text for hit in library.search(query, limit=1000).hits]
        found = discourse.collocates(query, span=span, top=100_000)
    expected = _brute_force_collocates(texts, query, span)
    assert len(expected) > 10
    assert [(c.word, c.count, c.score, c.frequency) for c in found] == expected
