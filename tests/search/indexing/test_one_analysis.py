"""The indexer tokenizes an article's text once for its postings and its word groups (schema 11's
`words`): the postings and the stored value are the ones the two separate analyses give, on texts
with tags, numbers, detached prefixes and suffixes, ZWNJs, stopwords only, and past 65,535 characters."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.search.generated_corpus import SEED, WORDS, article
from viewer.analysis.analyzer import term_positions, token_pattern, token_term_positions
from viewer.analysis.word_groups import token_sequence, word_sequence
from viewer.search.indexing.prepare import prepare_file
from viewer.search.schema import build_schema, document_of

# Pieces whose joins make the tokenizer's edge cases: a detached می/نمی, suffixes after a gap, the
# indefinite ای after ه, ZWNJs, numbers with separators, Arabic and Persian letters, line breaks.
PIECES = ("می", "نمی", " ", "  ", "\u200c", "ها", "های", "ترین", "ه", "ای", "خانه", "کتاب", "۱۲", "3", ".", "/",
          "٫", "\n", "و", "در", "است", "رفت", "كتاب", "ي", "\u064b", "-", "،", "x")


def _tricky(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


def test_tokens_found_once_give_the_postings_and_word_groups_of_separate_passes() -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    find = token_pattern().findall
    for _ in range(3000):
        text, tags = _tricky(rng), _tricky(rng)
        indexed = text + "\n" + tags
        tokens = find(text)
        assert token_sequence(tokens) == word_sequence(text), text
        assert token_term_positions(tokens + find("\n" + tags)) == term_positions(indexed), (text, tags)


def test_prepared_articles_carry_the_postings_and_word_groups_of_separate_passes(tmp_path: Path) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    items: list[dict[str, object]] = [article(rng, n) for n in range(120)]
    items += [
        {"title": "بلند", "paragraphs": [" ".join(rng.choice(WORDS) for _ in range(15_000))], "tags": ["ورزش ۱۴۰۲"]},
        {"title": "فقط تگ", "paragraphs": ["و در به"], "tags": ["نقل و انتقالات 1396", "اقتصاد"]},
        {"title": "مرز خط", "paragraphs": ["کتاب می"], "tags": ["ها رفت", "ای ۱۲٫۵"]},
        {"title": "جدا", "paragraphs": ["خانه ای در تهران", "می روند کتاب ها را ۲/۵ خریدند"], "tags": []},
    ]
    source = tmp_path / "part.json"
    source.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    prepared = prepare_file(str(source), None).articles
    assert prepared is not None and len(prepared) == len(items)
    schema = build_schema()
    text_field = schema["text"]
    assert any(len(item.text) > 0xFFFF for item in prepared) and any(item.article.tags for item in prepared)
    for item in prepared:
        indexed = str(document_of(item.article)["text"])
        assert str(item.text) == indexed
        separate = text_field.format.packed_values(indexed, text_field.analyzer)
        assert (item.text.packed.terms, item.text.packed.freqs, item.text.packed.lens, item.text.packed.blob) == (
            separate.terms, separate.freqs, separate.lens, separate.blob)
        # and what Whoosh's writer gives when it analyses the plain string itself
        whoosh = [(term, freq, weight, value) for term, freq, weight, value in text_field.index(indexed)]
        ours = [(term.encode(), freq, weight, value) for term, freq, weight, value in item.text.packed.postings(1.0)]
        assert sorted(ours) == sorted(whoosh)
        assert item.words == {"words": word_sequence(item.article.text)}
