"""Conformance with two public suites: Lucene's Persian and Arabic analysis tests
(TestPersianNormalizationFilter, TestArabicNormalizationFilter, TestPersianStemFilter,
TestPersianAnalyzer) and hazm's tests (test_lemmatizer.py: lemmas and the conjugation of دیدن;
test_stemmer.py). Their facts are carried over as pairs of forms; each case says whether Bayegan
conflates the two, and where it deliberately differs, why.

"Conflates" is what a search does: a query of one form finds a text holding only the other, in
both directions. `finds` runs the query side (normalize_query, the parser's words and keys) against
the index side (term_positions); a few cases go through a real index at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search.conftest import small_archive
from viewer.analysis.analyzer import is_stopword, query_words, search_keys, term_positions
from viewer.search.query.parser import normalize_query


def finds(query: str, text: str) -> bool:
    """Whether `query` (AND of its words, each by any of its keys) matches a text holding `text`."""
    indexed = term_positions(text)
    required = [keys for term in normalize_query(query).split() for word in query_words(term)
                if (keys := search_keys(word))]
    return bool(required) and all(any(key in indexed for key in keys) for keys in required)


def conflates(one: str, other: str) -> bool:
    return finds(one, other) and finds(other, one)


# Lucene TestPersianNormalizationFilter and TestArabicNormalizationFilter: (input, normalized).
NORMALIZATION = [
    ("های", "هاي"), ("هاے", "هاي"), ("کشاندن", "كشاندن"), ("كتابۀ", "كتابه"), ("كتابهٔ", "كتابه"),
    ("زادہ", "زاده"),
    ("آجن", "اجن"), ("أحمد", "احمد"), ("إعاذ", "اعاذ"), ("بنى", "بني"), ("فاطمة", "فاطمه"),
    ("روبرـــــت", "روبرت"), ("مَبنا", "مبنا"), ("علِي", "علي"), ("بُوات", "بوات"), ("ولداً", "ولدا"),
    ("ولدٍ", "ولد"), ("ولدٌ", "ولد"), ("نلْسون", "نلسون"), ("هتميّ", "هتمي"),
    ("۱۲۳۴", "1234"),  # TestPersianAnalyzer.testDigits
]


@pytest.mark.parametrize(("one", "other"), NORMALIZATION)
def test_lucene_normalization_pairs_are_one_word(one: str, other: str) -> None:
    if is_stopword(one):  # a plural suffix alone is a stopword on both sides: compare inside a word
        one, other = "کتاب" + one, "کتاب" + other
    assert conflates(one, other)


# Lucene TestPersianStemFilter: (word, stem, conflated by Bayegan, why not when not).
STEMS = [
    ("دوستان", "دوست", True, ""),
    ("کتابها", "کتاب", True, ""),
    ("جامدات", "جامد", True, ""),
    ("خوبترين", "خوب", True, ""),
    ("باحالتر", "باحال", True, ""),
    ("عليرضايي", "عليرضا", False, "-ی makes another word (ایرانی is not ایران); names are never stemmed"),
    ("شادماني", "شادمان", False, "-ی makes a noun of an adjective: شادمانی (joy) is not شادمان (joyful)"),
]


@pytest.mark.parametrize(("word", "stem", "conflated", "why"), STEMS)
def test_lucene_stems(word: str, stem: str, conflated: bool, why: str) -> None:
    assert conflates(word, stem) is conflated, why


@pytest.mark.parametrize(("word", "other", "why"), [
    ("کباب", "کبا", "Lucene's testShouldntStem: کباب keeps its ب"),
    ("بهترین", "به", "Lucene stems بهترین to به; Bayegan does not: به is a preposition, a stopword"),
    ("آتشفشان", "آتشفش", "hazm: آتشفشان is its own lemma"),
    ("English", "englis", "Lucene's testNonArabic: Latin words stay whole"),
])
def test_words_that_stay_whole(word: str, other: str, why: str) -> None:
    assert not finds(other, word) and not finds(word, other), why


# Lucene TestPersianAnalyzer.testBehaviorVerbs/…Defective: every form of خوردن analyzes to خورد or
# خورده. Bayegan goes further: each form finds the infinitive and the infinitive finds each form.
KHORDAN = [
    "میخورد", "خورد", "خواهد خورد", "دارد میخورد", "داشت میخورد", "خوردهاست", "میخوردهاست",
    "خورده بود", "میخورده بود", "خورده باشد", "میخورده باشد", "خورده بوده باشد", "میخورده بوده باشد",
    "خورده میشود", "خورده شد", "خورده میشد", "خورده شدهاست", "خورده میشدهاست", "خورده شده بود",
    "خورده میشده بود", "خورده خواهد شد", "دارد خورده میشود", "داشت خورده میشد", "خورده شود",
    "خورده شده باشد", "خورده میشده باشد", "خورده شده بوده باشد", "خورده میشده بوده باشد",
    "مي خورد", "دارد مي خورد", "خورده است", "مي خورده است", "مي خورده بود", "خورده مي شود",
    "خورده مي شد", "خورده شده است", "خورده مي شده است", "خورده مي شده بوده باشد",
    "بخورد",  # Lucene leaves the subjunctive alone; hazm's verb list knows it, so Bayegan conflates it
]


@pytest.mark.parametrize("form", KHORDAN)
def test_lucene_verb_forms_meet_the_infinitive(form: str) -> None:
    assert conflates(form, "خوردن")


# Lucene TestPersianAnalyzer.testBehaviorNouns: the plural -ها written apart or joined.
@pytest.mark.parametrize("form", ["برگ ها", "برگها", "برگ‌ها"])
def test_lucene_plural_written_apart(form: str) -> None:
    assert conflates(form, "برگ")


# hazm test_stemmer.py: (word, stem).
@pytest.mark.parametrize(("word", "stem"), [
    ("کتابها", "کتاب"), ("کتابهایی", "کتاب"), ("کتابهایشان", "کتاب"),
    ("اندیشهاش", "اندیشه"), ("خانهٔ", "خانه"),
])
def test_hazm_stems(word: str, stem: str) -> None:
    assert conflates(word, stem)


# hazm test_lemmatizer.py: lemmas (multi-word forms written with spaces where hazm writes _).
@pytest.mark.parametrize(("word", "lemma_word"), [
    ("میروم", "رفتن"), ("گفته شده است", "گفتن"), ("نچشیده است", "چشیدن"), ("کتابها", "کتاب"),
])
def test_hazm_lemmas(word: str, lemma_word: str) -> None:
    assert conflates(word, lemma_word)


@pytest.mark.parametrize(("word", "other", "why"), [
    ("مردم", "مرد", "hazm's lemmatize(مردم, N) is مردم: people, not men. The text مرد is found by the "
                    "query مردم only as the verb reading (مردم = I died), ranked below the word itself"),
    ("اجتماعی", "اجتماع", "hazm's lemmatize(اجتماعی, AJ) is اجتماعی: -ی makes another word"),
    ("کتابی", "کتاب", "hazm's Stemmer makes کتابی کتاب; Bayegan keeps a word hazm's lexicon lists whole "
                      "(کتابی, bookish), as it keeps اجتماعی"),
])
def test_hazm_words_that_are_their_own_lemma(word: str, other: str, why: str) -> None:
    assert not finds(other, word), why


# hazm test_lemmatizer.py TestConjugation: the forms of دیدن (ri دید, rii بین), grouped by tense as
# hazm lists them (persons in order; ZWNJ left out as hazm writes them).
_PERSONS = ("م", "ی", "", "یم", "ید", "ند")
_PRESENT = ("م", "ی", "د", "یم", "ید", "ند")
_PERFECT = ("ام", "ای", " است", "", "ایم", "اید", "اند")
_SUBJ = ("م", "ی", "د", "یم", "ید", "ند")


def _didan_forms() -> list[str]:
    forms = [f"دید{p}" for p in _PERSONS] + [f"ندید{p}" for p in _PERSONS]
    forms += [f"دیده {aux}شد{p}" for aux in ("", "ن", "می", "نمی") for p in _PERSONS]
    forms += [f"{neg}میدید{p}" for neg in ("", "ن") for p in _PERSONS]
    forms += [f"داشت{p} میدید{p}" for p in _PERSONS] + [f"داشت{p} دیده میشد{p}" for p in _PERSONS]
    forms += [f"{pre}دیده{e}" for pre in ("", "ن", "می", "نمی") for e in _PERFECT]
    forms += [f"{pre}دیده باش{p}" for pre in ("", "ن", "می", "نمی") for p in _SUBJ] + ["دیده باش", "ندیده باش"]
    forms += [f"دیده {aux}شده{e}" for aux in ("", "ن", "می", "نمی") for e in _PERFECT]
    forms += [f"دیده {aux}شده باش{p}" for aux in ("", "ن", "می", "نمی") for p in _SUBJ]
    forms += [f"داشته{e} میدیده{e}" for e in _PERFECT] + [f"داشته{e} دیده میشده{e}" for e in _PERFECT]
    forms += [f"{pre}دیده بود{p}" for pre in ("", "ن", "می", "نمی") for p in _PERSONS]
    forms += [f"دیده {aux}شده بود{p}" for aux in ("", "ن", "می", "نمی") for p in _PERSONS]
    forms += [f"داشت{p} میدیده بود{p}" for p in _PERSONS] + [f"داشت{p} دیده میشده بود{p}" for p in _PERSONS]
    forms += [f"{pre}دیده بوده{e}" for pre in ("", "ن", "می", "نمی") for e in _PERFECT]
    forms += [f"{pre}دیده بوده باش{p}" for pre in ("", "ن", "می", "نمی") for p in _SUBJ]
    forms += [f"دیده {aux}شده بوده{e}" for aux in ("", "ن", "می", "نمی") for e in _PERFECT]
    forms += [f"دیده {aux}شده بوده باش{p}" for aux in ("", "ن", "می", "نمی") for p in _SUBJ]
    forms += [f"داشته{e} میدیده بوده{e}" for e in _PERFECT] + [f"داشته{e} دیده میشده بوده{e}" for e in _PERFECT]
    forms += [f"{pre}بین{p}" for pre in ("", "ن", "ب", "می", "نمی") for p in _PRESENT] + ["ببین", "نبین"]
    forms += [f"دیده {aux}شو{p}" for aux in ("", "ن", "ب", "می", "نمی") for p in _PRESENT] + ["دیده بشو", "دیده نشو"]
    forms += [f"دار{p or 'د'} میبین{q}" for p, q in zip(_PERSONS, _PRESENT, strict=True)]
    forms += [f"دار{p or 'د'} دیده میشو{q}" for p, q in zip(_PERSONS, _PRESENT, strict=True)]
    forms += [f"خواه{p} دید" for p in _PRESENT] + [f"دیده خواه{p} شد" for p in _PRESENT]
    return list(dict.fromkeys(forms))


DIDAN = _didan_forms()


def test_the_conjugation_is_large() -> None:
    assert len(DIDAN) > 400  # hazm's test lists 536 forms, some of them twice


# A form that is also a word of its own in a text stays that word there (بینی is a nose); typed as a
# query it still finds the verb.
WORDS_OF_THEIR_OWN = {"بینی"}


@pytest.mark.parametrize("form", DIDAN)
def test_every_form_of_didan_meets_the_infinitive(form: str) -> None:
    assert finds(form, "دیدن"), "the form finds the infinitive"
    assert finds("دیدن", form) is (form not in WORDS_OF_THEIR_OWN), "the infinitive finds the form"


def test_through_a_real_index(tmp_path: Path) -> None:
    articles = [
        {"link": "https://example.org/1", "title": "شاهد", "abstract": "", "paragraphs": ["او را دیده بودم."]},
        {"link": "https://example.org/2", "title": "مهمانی", "abstract": "", "paragraphs": ["دوستان غذا خورده‌اند."]},
        {"link": "https://example.org/3", "title": "بازار", "abstract": "", "paragraphs": ["كتابۀ قديمي فروخته شد."]},
    ]
    archive = small_archive(tmp_path, articles)
    try:
        with archive.searcher() as searcher:
            by_url = {a.url: a.id for a in searcher.articles()}
            for query, url in [("دیدن", "1"), ("می‌بیند", "1"), ("دوست", "2"), ("خوردن", "2"),
                               ("کتابه", "3"), ("قدیمی", "3"), ("می‌فروشد", "3")]:
                assert by_url[f"https://example.org/{url}"] in searcher.search(query, with_ids=True).doc_ids, query
    finally:
        archive.close()


# hazm's tests/test_normalizer.py: the normaliser's own cases a search must follow (input, as meant).
# Stretched letters (three or more in a row) are written as meant; two in a row are spelling.
HAZM_STRETCHED = [("اعلاممممم", "اعلام"), ("سلاممم", "سلام"), ("ســلام", "سلام"), ("ههههه", "هه")]


@pytest.mark.parametrize(("stretched", "meant"), HAZM_STRETCHED)
def test_hazm_stretched_letters_are_the_word_meant(stretched: str, meant: str) -> None:
    assert conflates(stretched, meant)


@pytest.mark.parametrize(("word", "other"), [("الله", "اله"), ("ممد", "مد")])
def test_a_letter_written_twice_is_spelling(word: str, other: str) -> None:
    assert not finds(word, other) and not finds(other, word)


def test_a_shadda_is_no_second_letter() -> None:
    assert conflates("مکّه", "مکه") and not finds("مکّه", "مککه")


def test_an_indefinite_before_a_plural_written_apart_leaves_its_word_whole() -> None:
    """`شارجه ای ها` (the people of Sharjah): شارجه is still found, and so is the `ای ها` as before."""
    assert finds("شارجه", "شارجه ای ها") and finds("ای\u200cها", "شارجه ای ها")
    assert finds("نامه", "نامه ای") and finds("نامه ای", "نامه\u200cای")


def test_hazm_compound_with_its_indefinite_written_apart_through_a_real_index(tmp_path: Path) -> None:
    """hazm joins `زمین لرزه ای` into `زمین‌لرزه‌ای`: either spelling finds both, whether the archive
    holds one of them or both; and the indefinite written apart leaves its word found (`نامه ای`)."""
    zwnj = "\u200c"
    articles = [
        {"link": "https://example.org/joined", "title": "گزارش", "abstract": "",
         "paragraphs": [f"زمین{zwnj}لرزه{zwnj}ای به بزرگی ۶ ریشتر کرمان را لرزاند."]},
        {"link": "https://example.org/spaced", "title": "خبر", "abstract": "",
         "paragraphs": ["زمین لرزه ای شدید در بم رخ داد و نامه ای به استاندار نوشته شد."]},
        {"link": "https://example.org/stretched", "title": "بیانیه", "abstract": "",
         "paragraphs": ["وزارتخانه اعلاممممم کرد که مدارس تعطیل است."]},
        {"link": "https://example.org/plain", "title": "اطلاعیه", "abstract": "", "paragraphs": ["شهرداری اعلام کرد."]},
    ]
    archive = small_archive(tmp_path, articles)
    try:
        with archive.searcher() as searcher:
            by_url = {a.url.rsplit("/", 1)[-1]: a.id for a in searcher.articles()}

            def found(query: str) -> set[str]:
                ids = set(searcher.search(query, with_ids=True).doc_ids)
                return {name for name, article_id in by_url.items() if article_id in ids}

            assert found("زمین لرزه ای") == {"joined", "spaced"}
            assert found(f"زمین{zwnj}لرزه{zwnj}ای") == {"joined", "spaced"}
            assert found("زمینلرزهای") >= {"joined"}
            assert found("نامه") == {"spaced"}
            assert found("اعلام") == {"stretched", "plain"}
            assert found("اعلاممممم") == {"stretched", "plain"}
    finally:
        archive.close()


def test_hazm_cases_through_the_command_line(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    zwnj = "\u200c"
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "joined.txt").write_text(f"گزارش\n\nزمین{zwnj}لرزه{zwnj}ای کرمان را لرزاند.\n", "utf-8")
    (folder / "spaced.txt").write_text("خبر\n\nزمین لرزه ای در بم رخ داد و وزارتخانه اعلاممممم کرد.\n", "utf-8")
    code, _out, err = run_cli("index", str(folder))
    assert code == 0, err
    for query, expected in [("زمین لرزه ای", 2), (f"زمین{zwnj}لرزه{zwnj}ای", 2), ("اعلام", 1)]:
        code, out, err = run_cli("search", query, "--json")
        assert code == 0, err
        assert json.loads(out)["total"] == expected, query
