"""Hostile queries: random Unicode, unbalanced quotes and parentheses, operators alone, bidi marks,
5,000-character words, NUL, field names alone. Each one is answered — results or a QueryError with a
message — through the searcher and through `bayegan search --stdin` (one JSON line per input line)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.child_cli import assert_no_traceback, run_bayegan
from tests.faults.helpers import corpus_items, seed_text, write_archive
from tests.faults.indexes import index_here
from viewer.core.errors import QueryError
from viewer.core.paths import DataPaths
from viewer.core.results import SearchResult
from viewer.search.archive import Archive
from viewer.search.results.searcher import ArchiveSearcher

WORDS = ["ایران", "اصفهان", "استقلال", "می‌شود", "مي شود", "كتاب", "فارس", "ورزش", "تهران", "بین المللی",
         "۱۴۰۲", "2009", "ICT", "a", "ی", "ك", "ـــ"]
OPERATORS = ["AND", "OR", "NOT", "and", "-", "+", "*", "?", "~", "~2", ":", "^", "^2", "(", ")", '"', "«", "»",
             "'", "[", "]", "{", "}", "TO", "/", "\\", "و", "یا", "بجز", "به‌جز", "*:*", "**", "~~", "--", "<", ">",
             "=", "&&", "||", "!"]
FIELDS = ["عنوان:", "برچسب:", "متن:", "title:", "tag:", "tags:", "text:", "id:", "source:", "date:", "nofield:",
          "عنوان", "عنوان :", "TITLE:", "برچسب:«", "tag:\"", "date:[", "date:>"]
ODDITIES = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\ufeff", "\u200c", "\u200d", "\x00", "\t", "\x0b", "\x1f", "\u2028", "\u0085", "\ufffd",
            "\U0001f600", "\u0301", "ـ", " ", "  ", "\u3000"]
HUGE = ["ا" * 5000, "a" * 5000, "ک" * 5000 + "*", "*" + "ب" * 5000, "ایران~" * 800, "(" * 2000, '"' * 3001,
        "NOT " * 1200, " OR ".join(["ایران"] * 600), "عنوان:" * 900]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(OPERATORS), st.sampled_from(FIELDS),
                  st.sampled_from(ODDITIES), st.text(max_size=8))
hostile_query = st.one_of(
    st.text(max_size=200),
    st.lists(token, max_size=14).map("".join),
    st.lists(token, max_size=14).map(" ".join),
    st.sampled_from(HUGE),
    st.sampled_from(OPERATORS + FIELDS + ODDITIES),
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    root = tmp_path_factory.mktemp("hostile-queries")
    write_archive(root / "source", corpus_items("fars-news-2.json", 12) + corpus_items("varzesh3-2.json", 12), 12)
    (root / "source" / "seed.txt").write_text(seed_text(), "utf-8")
    archive = Archive(DataPaths.resolve(root / "data").ensure())
    archive.sync([root / "source"])
    with archive.searcher() as searcher:
        yield searcher
    archive.close()


def _answer(searcher: ArchiveSearcher, query: str, **kwargs: object) -> SearchResult | QueryError:
    try:
        result = searcher.search(query, **kwargs)  # type: ignore[arg-type]
    except QueryError as exc:
        assert exc.en and exc.fa
        return exc
    assert result.total >= len(result.hits)
    assert all(isinstance(h.snippet, str) and h.id for h in result.hits)
    return result


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=hostile_query)
def test_every_hostile_query_is_answered(searcher: ArchiveSearcher, query: str) -> None:
    _answer(searcher, query)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=hostile_query, tags=st.lists(st.one_of(st.sampled_from(WORDS + ODDITIES), st.text(max_size=20)), max_size=3),
       sort=st.sampled_from(["relevance", "date"]), limit=st.integers(-5, 10**6))
def test_hostile_query_with_tags_sort_and_limit(searcher: ArchiveSearcher, query: str, tags: list[str], sort: str,
                                                limit: int) -> None:
    _answer(searcher, query, tags=tags, sort=sort, limit=limit, with_ids=True)


def test_real_words_still_find_articles(searcher: ArchiveSearcher) -> None:
    """The guard is not a searcher that refuses everything."""
    assert isinstance(_answer(searcher, "ایران"), SearchResult)
    assert _answer(searcher, "ایران").total > 0  # type: ignore[union-attr]


def _stdin_lines(rng: random.Random, count: int) -> list[str]:
    pool = WORDS + OPERATORS + FIELDS + [o for o in ODDITIES if o not in ("\u2028", "\u0085", "\x0b")]
    lines = [*HUGE, *OPERATORS, *FIELDS, "", " ", "\x00", "عنوان:", '"ایران', "(ایران", "ایران)", "-", "NOT"]
    while len(lines) < count:
        lines.append(rng.choice((" ", "")).join(rng.choice(pool) for _ in range(rng.randrange(1, 9))))
    return [line.replace("\n", " ").replace("\r", " ") for line in lines]


@pytest.mark.slow
def test_stdin_answers_every_line_with_one_json_line(tmp_path: Path) -> None:
    source = tmp_path / "source"
    write_archive(source, corpus_items("fars-news-2.json", 40), per_file=20)
    data = tmp_path / "data"
    index_here(data, source)
    lines = _stdin_lines(random.Random(8), 300)
    result = run_bayegan(data, "search", "--stdin", "--limit", "3", stdin="\n".join(lines) + "\n")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(lines)
    for line, answer in zip(lines, answers, strict=True):
        assert answer["query"] == line
        assert "hits" in answer or answer.get("error")


def test_stdin_in_another_encoding_is_still_one_answer_per_line(tmp_path: Path) -> None:
    """A query file saved as Windows-1256 (or with stray bytes) is not UTF-8: still one answer per line."""
    data = tmp_path / "data"
    write_archive(tmp_path / "source", corpus_items("fars-news-2.json", 10), per_file=10)
    index_here(data, tmp_path / "source")
    raw = "ايران\nكتاب فارس\n".encode("cp1256") + b"\xff\xfe\x00\n" + "تهران\n".encode()
    import subprocess

    from tests.faults.child_cli import bayegan_command, cli_env

    result = subprocess.run(bayegan_command(data, "search", "--stdin"), input=raw, capture_output=True,
                            env=cli_env(), timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and result.returncode == 0, stderr
    answers = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(answers) == 4
    assert answers[3]["query"] == "تهران" and "hits" in answers[3]
