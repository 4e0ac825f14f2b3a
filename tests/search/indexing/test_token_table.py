"""The worker's token table (numbered tokens, numpy gathers) gives the postings and the word groups'
value the per-token Python path gives, byte for byte: on seeded texts full of the tokenizer's edge
cases, with the table emptied often or never, and on the real news articles of tests/data."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from tests.search.generated_corpus import SEED, WORDS
from tests.search.indexing.test_one_analysis import PIECES
from viewer.analysis.analyzer import term_positions, token_pattern, token_term_positions
from viewer.analysis.word_groups import token_sequence, word_sequence
from viewer.search.indexing.prepare import FEW_TOKENS, _text_fields, prepare_file
from viewer.search.indexing.token_table import TokenTable
from viewer.search.schema import document_of

NEWS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "news-json"


def _text(rng: random.Random) -> str:
    """Words of the generated corpus and the tokenizer's awkward pieces, long enough to take the
    table's path (FEW_TOKENS tokens or more) most of the time."""
    parts = []
    for _ in range(rng.randint(0, 160)):
        parts.append(rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(PIECES))
        parts.append(rng.choice((" ", " ", "\u200c", "", "\n")))
    return "".join(parts)


def _python_postings(value: str) -> tuple[object, ...]:
    packed = _text_fields()["text"].format.packed_positions(term_positions(value), len(value))
    return packed.terms, packed.freqs, packed.lens, packed.blob


def _table_postings(table: TokenTable, value: str) -> tuple[object, ...]:
    packed = table.postings(table.ids(token_pattern().findall(value)))
    return packed.terms, packed.freqs, packed.lens, packed.blob


def test_table_gives_the_postings_and_word_groups_of_the_python_path() -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    find = token_pattern().findall
    often, never = TokenTable(limit=60), TokenTable()  # emptied every few texts / kept whole
    long_enough = 0
    for _ in range(1500):
        text = _text(rng)
        long_enough += len(find(text)) >= FEW_TOKENS
        for table in (often, never):
            table.start()
            assert _table_postings(table, text) == _python_postings(text), text
            assert table.word_sequence(table.ids(find(text))) == word_sequence(text), text
    assert long_enough > 600
    assert len(never.numbers) > len(often.numbers) and len(often.numbers) < 2 * 60 + 200


def test_a_token_met_again_gives_what_it_gave_first() -> None:
    """The same text twice, and its tokens in another order: known tokens are looked up, not
    analysed again, and give the same keys and entries."""
    print("seed", SEED)
    rng = random.Random(SEED + 1)
    find = token_pattern().findall
    table = TokenTable()
    for _ in range(200):
        text = _text(rng)
        tokens = find(text)
        first = _table_postings(table, text)
        known = len(table.numbers)
        assert _table_postings(table, text) == first and len(table.numbers) == known
        shuffled = tokens[:]
        rng.shuffle(shuffled)
        packed = table.postings(table.ids(shuffled))
        assert len(table.numbers) == known
        expected = _text_fields()["text"].format.packed_positions(token_term_positions(shuffled), 1000)
        assert (packed.terms, packed.freqs, packed.lens, packed.blob) == (
            expected.terms, expected.freqs, expected.lens, expected.blob)
        assert table.word_sequence(table.ids(shuffled)) == token_sequence(shuffled)


def test_real_articles_prepared_through_the_table_match_separate_analyses() -> None:
    files = sorted(NEWS.glob("*.json"))
    assert files
    text_field = _text_fields()["text"]
    title_field = _text_fields()["title"]
    seen = 0
    for path in files:
        prepared = prepare_file(str(path), None).articles
        assert prepared
        for item in prepared:
            indexed = document_of(item.article)
            for field, analysed, value in ((text_field, item.text, str(indexed["text"])),
                                           (title_field, item.title, str(indexed["title"]))):
                separate = field.format.packed_values(value, field.analyzer)
                assert str(analysed) == value
                assert (analysed.packed.terms, analysed.packed.freqs, analysed.packed.lens, analysed.packed.blob) == (
                    separate.terms, separate.freqs, separate.lens, separate.blob), item.article.title
            assert item.words == {"words": word_sequence(item.article.text)}
            seen += 1
    assert seen > 800


def test_numbers_are_gathered_from_the_tokens_own_rows() -> None:
    """Two tokens with different numbers of word positions and terms (a number with its parts, a
    detached می before a verb, a stopword): each keeps its own keys, wherever it comes."""
    table = TokenTable()
    tokens = token_pattern().findall("۱۲٫۵ و می روند کتاب‌ها را ۲/۵ خریدند و")
    ids = table.ids(tokens)
    assert len(np.unique(ids)) == len(set(tokens))
    for order in (tokens, tokens[::-1], tokens[1:] + tokens[:1]):
        packed = table.postings(table.ids(order))
        expected = _text_fields()["text"].format.packed_positions(token_term_positions(order), 100)
        assert (packed.terms, packed.freqs, packed.lens, packed.blob) == (
            expected.terms, expected.freqs, expected.lens, expected.blob)
        assert table.word_sequence(table.ids(order)) == token_sequence(order)
