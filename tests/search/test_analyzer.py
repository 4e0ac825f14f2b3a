"""The analyzer, rule by rule: Persian input → the tokens it is indexed and searched by."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from viewer.analysis.analyzer import (
    LEMMA_PREFIX,
    persian_analyzer,
    positions_of,
    query_keys,
    term_positions,
    verb_alternatives,
)
from viewer.analysis.lemma import LemmaTable, lemma_of
from viewer.importers.reader import read_articles
from viewer.search.format.postings import PersianPositions
from viewer.search.schema import build_schema


def keys(text: str) -> list[str]:
    return [t.text for t in persian_analyzer()(text, mode="query")]


def index_keys(text: str) -> list[str]:
    return [t.text for t in persian_analyzer()(text, mode="index")]


@pytest.mark.parametrize(("typed", "written"), [
    ("کتاب", "كتاب"),            # Arabic kaf
    ("ایران", "ايران"),          # Arabic yeh
    ("مصطفی", "مصطفى"),          # alef maksura
    ("مدرسه", "مدرسة"),          # teh marbuta
    ("خانه", "خانۀ"),            # heh with hamza
    ("اسلام", "إسلام"),          # alef with hamza below
    ("اسرائیل", "اسرائيل"),
    ("موسسه", "مؤسسه"),          # waw with hamza
    ("ایه", "آیه"),              # alef madda folds (آ/ا both typed)
])
def test_letters_fold_to_one_key(typed: str, written: str) -> None:
    assert keys(typed) == keys(written)
    assert len(keys(typed)) == 1


@pytest.mark.parametrize("number", ["۱۴۰۲", "١٤٠٢", "1402"])
def test_all_digit_sets_are_one_key(number: str) -> None:
    assert keys(number) == ["1402"]


@pytest.mark.parametrize(("plain", "marked"), [
    ("کتاب", "کِتاب"),
    ("محمد", "مُحَمَّد"),
    ("کتاب", "کتـــاب"),          # tatweel
    ("الله", "اللّٰه"),            # shadda and superscript alef
    ("لا", "ﻻ"),                  # presentation form (NFKC)
])
def test_harakat_tatweel_and_presentation_forms_are_removed(plain: str, marked: str) -> None:
    assert keys(marked) == keys(plain)


@pytest.mark.parametrize(("one", "other"), [
    ("رئیس", "رییس"),
    ("مسئله", "مساله"),
    ("هیئت", "هیات"),
    ("ارائه", "ارایه"),
    ("مسئول", "مسوول"),
    ("پائیز", "پاییز"),
])
def test_hamza_spellings_meet(one: str, other: str) -> None:
    assert keys(one) == keys(other)


@pytest.mark.parametrize("forms", [
    ("می‌کند", "میکند", "می کند", "مي‌كند", "مي كند"),
    ("کتاب‌ها", "کتابها", "کتاب ها", "كتاب‌ها"),
    ("نمی‌روم", "نمیروم", "نمی روم"),
    ("بزرگ‌تر", "بزرگتر", "بزرگ تر"),
    ("بزرگ‌ترین", "بزرگترین", "بزرگ ترین"),
    ("کتاب‌هایشان", "کتابهایشان", "کتاب هایشان"),
    ("بین‌المللی", "بینالمللی"),
])
def test_the_three_zwnj_forms_are_one_token(forms: tuple[str, ...]) -> None:
    found = {tuple(keys(form)) for form in forms}
    assert len(found) == 1
    assert len(found.pop()) == 1


def test_words_are_not_joined_to_anything_but_affixes() -> None:
    assert keys("کتاب خوب") == ["کتاب", "خوب"]
    assert keys("کمی کند") == ["کمی", "کند"]     # کمی ends in می but is a word of its own
    assert keys("هارد ها") == ["هاردها"]
    assert keys("تهران، ها") == ["تهران"]         # punctuation is no joinable gap; lone ها is a stopword


@pytest.mark.parametrize(("word", "lemma"), [
    ("کتاب‌ها", "کتاب"),
    ("کتابهای", "کتاب"),
    ("می‌روم", "رفت#رو"),
    ("میروند", "رفت#رو"),
    ("می‌پیوندد", "پیوست#پیوند"),
    ("نمی‌خواهند", "خواست#خواه"),
])
def test_index_adds_a_lemma_token_at_the_same_position(word: str, lemma: str) -> None:
    tokens = [(t.text, t.pos) for t in persian_analyzer()(word, mode="index", positions=True)]
    surface, _ = query_keys(word)
    assert tokens == [(surface, 0), (LEMMA_PREFIX + lemma, 0)]


def test_verb_forms_meet_at_their_lemma() -> None:
    assert index_keys("می‌پیوندد")[-1] == index_keys("پیوستند")[-1] == LEMMA_PREFIX + "پیوست#پیوند"
    # a form hazm's word list also holds as a word (داشت) finds the verb by the query's alternatives
    assert query_keys("داشت") == ("داشت", None)
    assert LEMMA_PREFIX + "داشت#دار" in verb_alternatives("داشت")
    assert "گفت" in verb_alternatives("گفتند")


@pytest.mark.parametrize("name", ["اصفهان", "تهران", "ایران", "کوروش", "شیراز", "پرسپولیس", "استقلال"])
def test_names_stay_whole(name: str) -> None:
    assert index_keys(name) == [name]
    assert lemma_of(name) == name


def test_query_mode_has_no_lemma_tokens() -> None:
    assert keys("کتاب‌ها") == ["کتابها"]


def test_stopwords_take_no_position() -> None:
    tokens = [(t.text, t.pos) for t in persian_analyzer()("سفر به اصفهان و شیراز", mode="query", positions=True)]
    assert tokens == [("سفر", 0), ("اصفهان", 1), ("شیراز", 2)]


def test_offsets_point_into_the_text_as_stored() -> None:
    text = "وزير گفت: مي كند و كتاب ها را ۱۴۰۲ «بين‌المللي» مُحَمَّد"
    spans = [text[t.startchar:t.endchar] for t in persian_analyzer()(text, chars=True, mode="query")]
    assert spans == ["وزير", "گفت", "مي كند", "كتاب ها", "۱۴۰۲", "بين‌المللي", "مُحَمَّد"]


def test_offsets_are_exact_on_a_real_article(corpus_dir: Path) -> None:
    article = read_articles(corpus_dir / "fars-news-3.json")[0]
    text = article.text
    for token in persian_analyzer()(text, chars=True, mode="index"):
        piece = text[token.startchar:token.endchar]
        assert piece == piece.strip()
        # a token holding two words (`۲۰۰هکتار`) spans both
        assert token.text in {key for keys in positions_of(piece) for key in keys}


def test_fast_path_gives_the_same_terms_as_the_tokens(corpus_dir: Path) -> None:
    for article in read_articles(corpus_dir / "varzesh3-3.json")[:20]:
        expected: dict[str, list[int]] = {}
        for token in persian_analyzer()(article.text, positions=True, mode="index"):
            expected.setdefault(token.text, []).append(token.pos)
        assert term_positions(article.text) == expected


def test_lemma_table_answers_as_hazm_does(corpus_dir: Path) -> None:
    from hazm import Lemmatizer

    hazm = Lemmatizer()
    table = LemmaTable.load()
    words = {w for a in read_articles(corpus_dir / "fars-news-4.json")[:40] for w in a.text.split() if w.isalpha()}
    words |= {"می‌روم", "کتاب‌ها", "نمی‌خواهند", "اصفهان", "گفته‌اند"}
    assert words
    for word in words:
        assert table.lemmatize(word) == hazm.lemmatize(word), word


@pytest.mark.parametrize("positions", [[0], [3, 9, 200], [5, 70_000, 70_001], list(range(0, 300_000, 997))])
def test_positions_round_trip(positions: list[int]) -> None:
    fmt = PersianPositions()
    encoded = fmt.encode(positions)
    assert fmt.decode_positions(encoded) == positions
    assert fmt.decode_frequency(encoded) == len(positions)


def test_schema_pickles_without_hazm() -> None:
    data = pickle.dumps(build_schema())
    assert b"hazm" not in data
    assert len(data) < 20_000
    assert pickle.loads(data)["text"].analyzer == persian_analyzer()
