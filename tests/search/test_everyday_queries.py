"""Everyday queries (issue 13), each row through the searcher (hits, snippets, hit marking) and the
`bayegan search` command: punctuation pasted with a word, compounds typed with a space inside
quotes, decimals, letters glued to digits, -ان/-یان/-گان plurals, superlatives, participles and
perfects, light-verb chains, می as the month, tags holding stopwords and tag words as words.

The articles are written here; each holds the forms of one row, and a decoy holds look-alikes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_items
from tests.search.conftest import small_archive
from viewer.analysis.analyzer import is_stopword, term_positions
from viewer.app.hit_marks import find_hits
from viewer.search.results.searcher import ArchiveSearcher


def _article(link: str, title: str, text: str, tags: tuple[str, ...] = ()) -> dict[str, object]:
    return {"link": f"https://example.org/{link}", "title": title, "abstract": "",
            "paragraphs": text.split("\n"), "tags": list(tags)}


ARTICLES = [
    _article("punctuation", "هوای آلوده", "هوای تهران امروز آلوده بود و مدارس تعطیل شد."),
    _article("compounds", "دیدار با رهبری",
             "حجت‌الاسلام رئیسی با دانش‌آموزان گفت‌وگو کرد.\n"
             "آیت‌الله خامنه‌ای گفت عده‌ای از ملی‌پوش‌ها جایزه‌ها را پس داده‌اند."),
    _article("decimals", "نرخ رشد", "نرخ رشد ۱۲٫۵ درصد اعلام شد و قیمت هر اونس به 10.450 دلار رسید."),
    _article("decoy-numbers", "آمار حادثه", "در این حادثه 12 نفر زخمی شدند و 5 خودرو آسیب دید."),
    _article("glued", "قهرمانی", "تیم پس از قهرمانی در یورو2020 برای دویدن ۹کیلومتر آماده شد."),
    _article("plurals", "دیدار صنفی",
             "دوستان و کارگران و مردان و زنان با نمایندگان و دانشجویان دیدار کردند."),
    _article("decoy-plurals", "پایان سازمان", "سازمان در پایان سال بودجه را بست."),
    _article("superlatives", "رتبه‌بندی", "مهمترین خبر و بیشترین بازدید و خوبترین نتیجه از آن تیم بود."),
    _article("verbs", "روایت شاهد",
             "او گفته است که آن را دیده بودم و نامه نوشته شده و همه دیده‌اند و غذا خورده‌است."),
    _article("chains", "بازداشت", "سخنگو گفته شده است که دو متهم دستگیر شده اند."),
    _article("may", "تقویم مسابقات", "در ماه می سال جدید مسابقات جهانی آغاز خواهد شد."),
    _article("tag-stopword", "برنامه تلویزیون", "برنامه تازه پخش شد.", ("صدا و سیما", "جشنواره «سیب و عناب»")),
    _article("tag-stopword-2", "مدارس", "کلاس‌ها از شنبه باز می‌شوند.", ("آموزش و پرورش",)),
    _article("tag-words", "بازار بازیکنان", "باشگاه دو مهاجم خرید.", ("نقل و انتقالات 1396",)),
]

# (query, article it must find, the text a hit mark must cover in that article or "" for none; a
# phrase is marked as one, where its words stand in a row)
ROWS = [
    ("تهران.", "punctuation", "تهران"), ("تهران،", "punctuation", "تهران"), ("تهران؛", "punctuation", "تهران"),
    ("تهران!", "punctuation", "تهران"), ("تهران؟", "punctuation", "تهران"), ("«تهران»", "punctuation", "تهران"),
    ("تهران:", "punctuation", "تهران"), ("تهران»", "punctuation", "تهران"), ('"هوای تهران."', "punctuation", "هوای تهران"),
    ('"ملی پوش"', "compounds", ""), ('"دانش آموزان"', "compounds", "دانش‌آموزان"),
    ('"گفت وگو"', "compounds", "گفت‌وگو"), ('"خامنه ای"', "compounds", "خامنه‌ای"),
    ('"حجت الاسلام"', "compounds", "حجت‌الاسلام"), ('"عده ای"', "compounds", "عده‌ای"),
    ('"داده اند"', "compounds", "داده‌اند"), ("دانش آموزان", "compounds", "دانش‌آموزان"),
    ("۱۲٫۵", "decimals", "۱۲٫۵"), ("12.5", "decimals", "۱۲٫۵"), ("12/5", "decimals", "۱۲٫۵"),
    ("۱۲/۵", "decimals", "۱۲٫۵"), ("10.450", "decimals", "10.450"), ("۱۰٫۴۵۰", "decimals", "10.450"),
    ('"رشد ۱۲٫۵ درصد"', "decimals", "رشد ۱۲٫۵ درصد"),
    ("یورو", "glued", "یورو"), ("2020", "glued", "2020"), ("کیلومتر", "glued", "کیلومتر"),
    ("یورو2020", "glued", "یورو"), ('"در یورو2020"', "glued", "یورو2020"),
    ("دوست", "plurals", "دوستان"), ("کارگر", "plurals", "کارگران"), ("مرد", "plurals", "مردان"),
    ("زن", "plurals", "زنان"), ("نماینده", "plurals", "نمایندگان"), ("دانشجو", "plurals", "دانشجویان"),
    ("مهم", "superlatives", "مهمترین"), ("بیش", "superlatives", "بیشترین"), ("خوب", "superlatives", "خوبترین"),
    ("گفت", "verbs", "گفته"), ("گفتن", "verbs", "گفته"), ("می‌گوید", "verbs", "گفته"),
    ("دیدن", "verbs", "دیده"), ("می‌بیند", "verbs", "دیده‌اند"), ("نوشتن", "verbs", "نوشته"),
    ("خوردن", "verbs", "خورده‌است"), ("خورد", "verbs", "خورده‌است"),
    ("گفته شده است", "chains", "گفته"), ("دستگیر شده اند", "chains", "دستگیر"),
    ('"دستگیر شده اند"', "chains", "دستگیر"), ('"گفته شده است"', "chains", "گفته"),
    ("ماه می سال جدید", "may", "سال"), ('"ماه می سال جدید"', "may", "ماه می سال جدید"),
    ('tag:"صدا و سیما"', "tag-stopword", ""), ('برچسب:"آموزش و پرورش"', "tag-stopword-2", ""),
    ('tag:"جشنواره «سیب و عناب»"', "tag-stopword", ""),  # a tag holding Persian quotes, in quotes
    ("انتقالات 1396", "tag-words", ""), ("نقل انتقالات", "tag-words", ""),
]


@pytest.fixture(scope="module")
def rows_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    with small_archive(tmp_path_factory.mktemp("everyday"), ARTICLES) as archive, archive.searcher() as opened:
        yield opened


def _id_of(searcher: ArchiveSearcher, link: str) -> str:
    return next(a.id for a in searcher.articles() if a.url == f"https://example.org/{link}")


@pytest.mark.parametrize(("query", "link", "marked"), ROWS)
def test_row_finds_its_article_with_marks(rows_searcher: ArchiveSearcher, query: str, link: str, marked: str) -> None:
    result = rows_searcher.search(query, limit=20, with_ids=True)
    wanted = _id_of(rows_searcher, link)
    assert wanted in result.doc_ids
    if marked:
        hit = next(h for h in result.hits if h.id == wanted)
        assert f"<b>{marked}</b>" in hit.snippet
        article = rows_searcher.article(wanted)
        assert article is not None
        spans = find_hits(article.text, result.pattern)
        assert marked in [article.text[start:end] for start, end in spans]


@pytest.mark.parametrize(("query", "decoy"), [
    ("12.5", "decoy-numbers"),       # 12 and 5 apart are not 12.5
    ("ساز", "decoy-plurals"),        # سازمان is no plural of ساز
    ("پای", "decoy-plurals"),        # nor پایان of پای
    ('"ملی پوش"', "plurals"),
])
def test_look_alikes_are_not_found(rows_searcher: ArchiveSearcher, query: str, decoy: str) -> None:
    assert _id_of(rows_searcher, decoy) not in rows_searcher.search(query, limit=50, with_ids=True).doc_ids


def test_may_is_no_verb_prefix_and_the_next_word_stays(rows_searcher: ArchiveSearcher) -> None:
    assert _id_of(rows_searcher, "may") in rows_searcher.search("سال جدید", with_ids=True).doc_ids
    # a real detached prefix still joins its verb: `می روند` finds رفتن's forms, not روند (a trend)
    assert _id_of(rows_searcher, "verbs") not in rows_searcher.search("می روند", with_ids=True).doc_ids


def test_tag_words_do_not_show_in_snippets_or_text(rows_searcher: ArchiveSearcher) -> None:
    wanted = _id_of(rows_searcher, "tag-words")
    article = rows_searcher.article(wanted)
    assert article is not None and "انتقالات" not in article.text
    hit = next(h for h in rows_searcher.search("انتقالات").hits if h.id == wanted)
    assert "انتقالات" not in hit.snippet and hit.tags == ["نقل و انتقالات 1396"]


@pytest.mark.parametrize("form", ["دارد", "داشت", "بود", "بوده", "باشد", "شد", "شود", "شده", "خواهد",
                                  "می‌شود", "میشود", "می شود", "نمی‌شود", "نشد", "است", "هستند", "شده‌اند", "اند"])
def test_auxiliaries_are_stopwords_alike(form: str) -> None:
    assert term_positions(form) == {}


@pytest.mark.parametrize("word", ["نوشت", "گفت", "دیده", "سال", "ماه"])
def test_content_words_are_not_stopwords(word: str) -> None:
    assert not is_stopword(word) and term_positions(word)


@pytest.mark.parametrize(("typed", "shown"), [("اموزس", "آموزش"), ("دانش‌اموزام", "دانش‌آموزان")])
def test_did_you_mean_shows_words_as_written(tmp_path: Path, typed: str, shown: str) -> None:
    archive = small_archive(tmp_path, [_article("school", "آموزش", "آموزش دانش‌آموزان از شنبه آغاز شد.")])
    try:
        with archive.searcher() as searcher:
            assert searcher.search(typed).suggestion == shown
    finally:
        archive.close()


def test_every_row_through_the_command(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_items(tmp_path / "sources" / "rows.json", ARTICLES)
    code, _, err = run_cli("index", str(tmp_path / "sources"))
    assert code == 0, err
    code, out, _ = run_cli("list", "--json")
    id_of = {row["title"]: row["id"] for row in json.loads(out)}
    title_of = {str(a["link"]).rsplit("/", 1)[1]: str(a["title"]) for a in ARTICLES}
    code, out, err = run_cli("search", "--stdin", stdin="\n".join(q for q, _, _ in ROWS) + "\n")
    assert code == 0, err
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [a["query"] for a in answers] == [q for q, _, _ in ROWS]
    for answer, (query, link, _) in zip(answers, ROWS, strict=True):
        assert id_of[title_of[link]] in [hit["id"] for hit in answer["hits"]], query
    code, out, _ = run_cli("search", "دانشجو", "--json")
    hit = json.loads(out)["hits"][0]
    assert hit["id"] == id_of[title_of["plurals"]] and "<b>دانشجویان</b>" in hit["snippet"]


@pytest.mark.parametrize(("query", "link"), [
    ('tag:"بازی های آسیایی"', "tag-plural"),     # a tag whose words hold a detached suffix, typed as written
    ('"اطلاع رسانی شان"', "tag-plural"),          # a compound of three parts typed with spaces, quoted
    ("می‌گذرد", "tag-plural"),                    # hazm writes گذشتن's past stem two ways
    ('"می توان"', "tag-plural"),                  # a detached می before an impersonal verb stays a verb
    ('tag:"جشنواره «سیب و عناب» دماوند"', "tag-plural"),  # a tag holding Persian quotes, typed in quotes
    ('عناب برچسب:"جشنواره «سیب و عناب» دماوند"', "tag-plural"),
    ("برچسب:«بازی های آسیایی»", "tag-plural"),    # Persian quotes around the tag
])
def test_more_rows(tmp_path: Path, query: str, link: str) -> None:
    archive = small_archive(tmp_path, [
        _article("tag-plural", "بازی‌ها", "اطلاع‌رسانی‌شان کم بود. دو سال از آن روز گذشته و می‌توان گفت. عناب",
                 ("بازی های آسیایی", "جشنواره «سیب و عناب» دماوند")),
        _article("other", "خبر دیگر", "اطلاع‌رسانی شد. توان تیم کم بود.", ("بازی‌ها",)),
    ])
    try:
        with archive.searcher() as searcher:
            found = searcher.search(query, with_ids=True).doc_ids
            assert found == [_id_of(searcher, link)]
    finally:
        archive.close()


def test_a_phrase_with_slop_keeps_its_slop_beside_a_joined_compound(rows_searcher: ArchiveSearcher) -> None:
    """`"a b"~N` allows N words between: the slop stays with the phrase (and with its compound variant)
    instead of becoming a search for the number."""
    assert _id_of(rows_searcher, "chains") in {h.id for h in rows_searcher.search('"سخنگو متهم"~6').hits}
    assert _id_of(rows_searcher, "chains") not in {h.id for h in rows_searcher.search('"سخنگو متهم"').hits}
    assert _id_of(rows_searcher, "compounds") in {h.id for h in rows_searcher.search('"دانش آموزان کرد"~3').hits}
