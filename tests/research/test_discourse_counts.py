"""Concordance, trends and collocations (issue 28) counted on a real-text archive with seeded
occurrences (discourse_archive.py): every total and every period's figures must equal what was
planted, through the command line and through the Library."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.cli_in_process import bayegan_json_here, run_bayegan_here
from tests.research.discourse_archive import (
    DAYS,
    GUARD,
    PHRASE_SECOND,
    SEED,
    WORD,
    Planted,
    clean_items,
    plant,
    write,
)
from viewer.app.discourse import Discourse
from viewer.app.library import Library
from viewer.app.scope import Scope
from viewer.core.paths import DataPaths

PERIOD = {"month": 0, "year": 1}


class Archive:
    def __init__(self, data_dir: Path, planted: list[Planted], ids: dict[str, str]):
        self.data_dir = data_dir
        self.planted = planted
        self.ids = ids  # url -> id

    def run(self, *args: str) -> tuple[int, str, str]:
        return run_bayegan_here(self.data_dir, *args)

    def json(self, *args: str) -> Any:
        return bayegan_json_here(self.data_dir, *args)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, corpus_items: dict[str, list[dict]]) -> Archive:
    print("seed", SEED)
    root = tmp_path_factory.mktemp("discourse")
    items, planted = plant(clean_items(corpus_items, 40), random.Random(SEED))
    source = write(root / "archive", items)
    with Library(DataPaths.resolve(root / "data")) as library:
        library.sync([source])
        ids = {a.url: a.id for a in library.articles()}
    assert len(ids) == len(items)
    return Archive(root / "data", planted, ids)


def test_kwic_total_is_every_planted_spelling_and_form(archive: Archive) -> None:
    found = archive.json("kwic", WORD)
    assert found["total"] == sum(p.occurrences for p in archive.planted)
    assert len(found["lines"]) == found["total"]
    per_article = Counter(line["id"] for line in found["lines"])
    assert per_article == Counter({archive.ids[p.url]: p.occurrences for p in archive.planted if p.occurrences})
    # `match` is the text as written (the importer stores Arabic ي/ك as Persian ی/ک, nothing else):
    # every joined, ZWNJ and spaced spelling, each as often as it was planted
    written = Counter(line["match"] for line in found["lines"])
    planted: Counter[str] = Counter()
    for p in archive.planted:
        for variant, count in p.written.items():
            planted[_stored(variant)] += count
    assert written == planted
    assert {"کتاب ها", "کتابها", "کتاب‌ها"} <= set(written)


def _stored(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک")


def test_kwic_phrase_counts_the_phrase_only(archive: Archive) -> None:
    found = archive.json("kwic", f'"{WORD} {PHRASE_SECOND}"')
    assert found["total"] == sum(p.phrases for p in archive.planted)
    assert {line["match"].split(" ")[1] for line in found["lines"]} == {PHRASE_SECOND}
    # a lone کتاب is always followed by the guard word, never by the phrase's second word
    lone = archive.json("kwic", WORD, "--width", "30")
    after_lone = [line["right"].split(" ")[0].rstrip(".") for line in lone["lines"] if not line["right"].startswith(PHRASE_SECOND)]
    assert set(after_lone) == {GUARD}


def test_kwic_context_is_cut_at_word_boundaries_in_reading_order(archive: Archive) -> None:
    found = archive.json("kwic", WORD, "--width", "25", "--limit", "40")
    assert len(found["lines"]) == 40
    with Library(DataPaths.resolve(archive.data_dir)) as library:
        for line in found["lines"]:
            text = library.article(line["id"]).text
            assert text[line["start"]:line["end"]] == line["match"]
            before = " ".join(text[:line["start"]].split())
            after = " ".join(text[line["end"]:].split())
            assert before.endswith(line["left"]) and after.startswith(line["right"])
            assert len(line["left"]) <= 25 and len(line["right"]) <= 25
            # whole words only: the context starts and ends on a word of the text
            if line["left"]:
                assert before == line["left"] or before[: -len(line["left"])].endswith(" ")
            if line["right"]:
                assert after == line["right"] or after[len(line["right"]):].startswith(" ")
    dates = [line["date"] or "9999" for line in found["lines"]]
    assert dates == sorted(dates)  # oldest first, undated last


def test_kwic_sorts_limit_and_csv(archive: Archive) -> None:
    by_right = archive.json("kwic", WORD, "--sort", "right", "--limit", "5")
    assert by_right["total"] == sum(p.occurrences for p in archive.planted) and len(by_right["lines"]) == 5
    everything = archive.json("kwic", WORD, "--sort", "left")
    keys = [line["left"].split()[::-1] for line in everything["lines"]]
    assert len(keys) == everything["total"]
    code, out, _ = archive.run("kwic", WORD, "--csv", "--limit", "3")
    assert code == 0
    rows = out.strip().split("\n")
    assert rows[0] == "id,title,date,left,match,right,start,end" and len(rows) == 4


def _expected_points(planted: list[Planted], by: str, calendar: str) -> tuple[dict[str, tuple[int, int]], Counter[str]]:
    column = PERIOD[by] + (2 if calendar == "gregorian" else 0)
    points: dict[str, list[int]] = {}
    archive: Counter[str] = Counter()
    for p in planted:
        if p.day is None:
            continue
        period = DAYS[p.day][column]
        archive[period] += 1
        point = points.setdefault(period, [0, 0])
        if p.occurrences:
            point[0] += 1
            point[1] += p.occurrences
    return {k: (v[0], v[1]) for k, v in points.items()}, archive


@pytest.mark.parametrize(("by", "calendar"), [("month", "jalali"), ("year", "jalali"), ("month", "gregorian")])
def test_trend_points_and_archive_per_period(archive: Archive, by: str, calendar: str) -> None:
    found = archive.json("trend", WORD, f'"{WORD} {PHRASE_SECOND}"', "--by", by, "--calendar", calendar)
    expected, per_period = _expected_points(archive.planted, by, calendar)
    assert found["archive"] == [{"period": p, "articles": per_period[p]} for p in sorted(per_period)]
    word, phrase = found["series"]
    assert {p["period"]: (p["articles"], p["occurrences"]) for p in word["points"]} == expected
    undated = [p for p in archive.planted if p.day is None]
    assert word["undated"] == {"articles": sum(1 for p in undated if p.occurrences),
                               "occurrences": sum(p.occurrences for p in undated)}
    assert found["archive_undated"] == len(undated)
    phrase_points = {p["period"]: p["occurrences"] for p in phrase["points"]}
    column = PERIOD[by] + (2 if calendar == "gregorian" else 0)
    planted_phrases: Counter[str] = Counter()
    for p in archive.planted:
        if p.day is not None:
            planted_phrases[DAYS[p.day][column]] += p.phrases
    assert phrase_points == {k: planted_phrases[k] for k in per_period}


def test_trend_per_ten_thousand(archive: Archive) -> None:
    found = archive.json("trend", WORD, "--per", "10000")
    archive_counts = {a["period"]: a["articles"] for a in found["archive"]}
    for point in found["series"][0]["points"]:
        assert point["relative"] == round(point["articles"] * 10000 / archive_counts[point["period"]], 3)


def test_scope_dates_and_tags_limit_all_three(archive: Archive) -> None:
    inside = [p for p in archive.planted if p.day in ("2023-07-23", "2023-11-21") and "ورزش" in p.tags]
    args = ("--from", "1402/05/01", "--to", "1402/08/30", "--tag", "ورزش")
    assert archive.json("kwic", WORD, *args)["total"] == sum(p.occurrences for p in inside)
    found = archive.json("trend", WORD, *args)
    assert sum(a["articles"] for a in found["archive"]) == len(inside)
    assert sum(p["occurrences"] for p in found["series"][0]["points"]) == sum(p.occurrences for p in inside)
    collocates = {c["word"]: c["count"] for c in archive.json("collocates", WORD, "--top", "1000", *args)}
    assert collocates.get(PHRASE_SECOND, 0) == sum(p.phrases for p in inside)


def test_collocation_counts(archive: Archive) -> None:
    found = archive.json("collocates", WORD, "--top", "1000", "--span", "1")
    counts = {c["word"]: c["count"] for c in found}
    # with a span of one, the phrase's second word stands beside its کتاب, and the guard after each lone one
    assert counts[PHRASE_SECOND] == sum(p.phrases for p in archive.planted)
    assert counts[GUARD] == sum(p.lone for p in archive.planted)
    assert found[0]["word"] in (PHRASE_SECOND, GUARD)  # planted next to the node every time: the strongest
    assert all(c["count"] <= c["frequency"] for c in found)
    assert not {"در", "به", "از", "این", "که"} & set(counts)


def test_library_scope_collection_and_notes(archive: Archive) -> None:
    with Library(DataPaths.resolve(archive.data_dir)) as library, Discourse(library) as discourse:
        chosen = [p for p in archive.planted if p.occurrences][:3]
        library.collections.create("گزیده")
        library.collections.add("گزیده", [archive.ids[p.url] for p in chosen])
        found = discourse.concordance(WORD, scope=Scope(collection="گزیده"))
        assert found.total == sum(p.occurrences for p in chosen)
        library.add_comment(archive.ids[chosen[0].url], "یادداشت")
        assert discourse.concordance(WORD, scope=Scope(with_notes=True)).total == chosen[0].occurrences
        assert discourse.trend([WORD], scope=Scope(with_notes=True)).series[0].undated_articles + sum(
            p.articles for p in discourse.trend([WORD], scope=Scope(with_notes=True)).series[0].points) == 1


def test_bad_input_gets_a_message_in_both_languages(archive: Archive) -> None:
    code, _, err = archive.run("kwic", "*")
    assert code == 1 and "bayegan:" in err and "بایگان:" in err and "Traceback" not in err
    code, _, err = archive.run("kwic", WORD, "--width", "0")
    assert code == 2 and "positive" in err
    code, _, err = archive.run("trend", WORD, "--from", "1402/13/40")
    assert code == 1 and "Traceback" not in err


def _brute_force(text: str, keys: set[str]) -> int:
    """Word positions of `text` holding one of `keys`, by the analyzer alone."""
    from viewer.analysis.analyzer import positions_of, token_pattern

    return sum(1 for match in token_pattern().finditer(text) for words in positions_of(match.group())
               if keys & set(words))


@pytest.mark.parametrize("query", ["گفت", "کرد", "می‌کنند", "ایران", "بازی‌ها"])
def test_real_words_and_verb_forms_match_a_brute_force_count(archive: Archive, query: str) -> None:
    """Words of the real text (verb forms by their lemma): every article the search finds, each word
    position whose analysed keys are one the typed word looks for."""
    from viewer.app.hit_marks import query_pattern

    keys = set(query_pattern(query).words)
    with Library(DataPaths.resolve(archive.data_dir)) as library:
        result = library.search(query, limit=1000)
        expected = {hit.id: _brute_force(library.article(hit.id).text, keys) for hit in result.hits}
        texts = {a.id: a.text for a in library.articles()}
    found = archive.json("kwic", query)
    assert found["total"] == sum(expected.values()) > 0
    assert Counter(line["id"] for line in found["lines"]) == +Counter(expected)
    for line in found["lines"]:
        assert texts[line["id"]][line["start"]:line["end"]] == line["match"]
    trend = archive.json("trend", query, "--by", "year")["series"][0]
    assert sum(p["articles"] for p in trend["points"]) + trend["undated"]["articles"] == result.total
    assert sum(p["occurrences"] for p in trend["points"]) + trend["undated"]["occurrences"] == found["total"]


def test_each_story_counted_once(tmp_path: Path, corpus_items: dict[str, list[dict]]) -> None:
    """A story republished by another agency (another title, one sentence changed) and its copy
    count once with --stories; without it, every article counts."""
    base = clean_items(corpus_items, 2)
    story = [f"{WORD} {GUARD}. " + p for p in base[0]["text"]]
    republished = [p.replace(f"{WORD} {GUARD}.", f"{WORD} {GUARD}. نیز", 1) if n == 0 else p
                   for n, p in enumerate(story)]
    other = [f"{WORD} {GUARD}. {base[1]['text'][0]}"]
    items = [{"title": base[0]["title"], "text": story, "url": "https://example.org/a", "date": "2023-07-23"},
             {"title": "بازنشر: " + base[0]["title"], "text": republished, "url": "https://example.org/b",
              "date": "2023-07-23"},
             {"title": base[1]["title"], "text": other, "url": "https://example.org/c", "date": "2023-11-22"}]
    data_dir = tmp_path / "data"
    with Library(DataPaths.resolve(data_dir)) as library:
        library.sync([write(tmp_path / "archive", items)])
        assert len(library.duplicate_groups()) >= 1
    one = Archive(data_dir, [], {})
    every = one.json("kwic", WORD)["total"]
    once = one.json("kwic", WORD, "--stories")["total"]
    assert (every, once) == (2 * len(story) + 1, len(story) + 1)
    trend = one.json("trend", WORD, "--stories")
    assert [(p["period"], p["articles"], p["occurrences"]) for p in trend["series"][0]["points"]] == [
        ("1402-05", 1, len(story)), ("1402-09", 1, 1)]
    assert trend["archive"] == [{"period": "1402-05", "articles": 1}, {"period": "1402-09", "articles": 1}]
    collocates = {c["word"]: c["count"] for c in one.json("collocates", WORD, "--stories", "--span", "1")}
    assert collocates[GUARD] == len(story) + 1


def test_counts_from_postings_equal_counts_from_the_text(archive: Archive) -> None:
    """A trend and a concordance's total past its lines count from the postings; on every word of a
    few articles (seeded choice) they equal the count over the analysed text."""
    from viewer.search.archive import Archive as IndexArchive
    from viewer.search.discourse.matches import matches

    rng = random.Random(SEED)
    index = IndexArchive(DataPaths.resolve(archive.data_dir))
    with index.searcher() as searcher:
        texts = [a.text for a in searcher.articles()]
        words = sorted({w.strip(".،:«»()") for text in rng.sample(texts, 4) for w in text.split()} - {""})
        checked = 0
        for word in rng.sample(words, 60):
            try:
                found = matches(searcher, word)
            except Exception:  # noqa: BLE001 - a function word or punctuation: nothing to count
                continue
            by_text = [found.pattern.count(a.text) for a in found.articles()]
            assert found.counts().tolist() == by_text, word
            checked += 1
        assert checked > 30
    index.close()


def test_a_word_in_the_tags_is_not_an_occurrence_in_the_text(tmp_path: Path) -> None:
    items = [{"title": "نمایشگاه", "text": [f"امروز {WORD} {GUARD}. و فردا {WORD}ها {GUARD}."],
              "tags": [f"{WORD} و {WORD}خوانی", f"{WORD}ها"], "url": "https://example.org/t", "date": "2023-07-23"},
             {"title": "دیگر", "text": [f"{WORD} {GUARD}."], "tags": [WORD], "url": "https://example.org/u",
              "date": "2023-07-23"}]
    data_dir = tmp_path / "data"
    with Library(DataPaths.resolve(data_dir)) as library:
        library.sync([write(tmp_path / "archive", items)])
    one = Archive(data_dir, [], {})
    assert one.json("kwic", WORD)["total"] == 3
    assert one.json("kwic", WORD, "--limit", "1")["total"] == 3  # the rest counted from the postings
    assert [p["occurrences"] for p in one.json("trend", WORD)["series"][0]["points"]] == [3]


def test_help_of_the_three_commands(archive: Archive) -> None:
    for command in ("kwic", "trend", "collocates"):
        code, out, _ = archive.run(command, "--help")
        assert code == 0 and "usage: bayegan" in out and "--collection" in out and "--stories" in out


def _brute_force_collocates(texts: list[str], query: str, span: int) -> list[tuple[str, int, float, int]]:
    """Collocations counted position by position over `texts` (the module docstring of
    collocations.py, read literally): (word, count, score, frequency), best first."""
    from viewer.analysis.analyzer import positions_of, token_pattern
    from viewer.analysis.normalize import display_text
    from viewer.app.hit_marks import query_pattern
    from viewer.search.discourse.collocations import group_of, log_likelihood
    from viewer.search.query.occurrences import QueryPattern, word_positions

    pattern = QueryPattern(query_pattern(query))
    together: Counter[str] = Counter()
    frequency: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        positions = [(token, keys) for token in token_pattern().findall(text) for keys in positions_of(token)]
        if pattern.phrases:
            occurrences = pattern.spans(word_positions(text))
        else:
            occurrences = [(at, at) for at, (_, keys) in enumerate(positions) if pattern.words & set(keys)]
        inside = {at for first, last in occurrences for at in range(first, last + 1)}
        window = {at for first, last in occurrences
                  for at in [*range(first - span, first), *range(last + 1, last + span + 1)]
                  if 0 <= at < len(positions) and at not in inside}
        for at, (token, keys) in enumerate(positions):
            group = group_of(keys)
            if group is None:
                continue
            frequency[group] += 1
            if at in window:
                together[group] += 1
                spellings.setdefault(group, Counter())[display_text(token)] += 1
    window_total, total = sum(together.values()), sum(frequency.values())
    found = []
    for group, count in together.items():
        if count > window_total * frequency[group] / total:
            word = sorted(spellings[group].items(), key=lambda item: (-item[1], item[0]))[0][0]
            found.append((word, count, log_likelihood(count, window_total, frequency[group], total), frequency[group]))
    return sorted(found, key=lambda row: (-row[2], -row[1], row[0]))


@pytest.mark.parametrize("query", [WORD, "ایران", "گفت", f'"{WORD} {PHRASE_SECOND}"'])
@pytest.mark.parametrize("span", [1, 3])
def test_collocations_equal_a_position_by_position_count(archive: Archive, query: str, span: int) -> None:
    """Every collocate of real text, its count, score and frequency, as a plain walk over each
    matching article's word positions finds them (the arrays the counting uses must not drift)."""
    with Library(DataPaths.resolve(archive.data_dir)) as library, Discourse(library) as discourse:
        texts = [library.article(hit.id).text for hit in library.search(query, limit=1000).hits]
        found = discourse.collocates(query, span=span, top=100_000)
    expected = _brute_force_collocates(texts, query, span)
    assert len(expected) > 10
    assert [(c.word, c.count, c.score, c.frequency) for c in found] == expected
    through_cli = archive.json("collocates", query, "--span", str(span), "--top", "5")
    assert [(row["word"], row["count"]) for row in through_cli] == [(word, count) for word, count, _, _ in expected[:5]]
