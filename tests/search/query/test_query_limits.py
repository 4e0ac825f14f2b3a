"""Queries are never silently changed (issue 33, item 5): a query over the length limit is refused with
a message, not cut; many ORs find the union of their words; an operator with no word to apply to is a
parse message in both languages. Through the command line, on a real index of corpus articles."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout

import pytest

from tests.conftest import write_items
from viewer.cli import main
from viewer.search.query.parser import MAX_QUERY_CHARS

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def cli(corpus_items: dict[str, list[dict]], tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """`bayegan --data-dir DIR ARGS` in this process, on one index of 150 corpus articles for the module."""
    root = tmp_path_factory.mktemp("query-limits")
    write_items(root / "sources" / "items.json", corpus_items["fars-news-2.json"][:150])

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        out, err, old_stdin = io.StringIO(), io.StringIO(), sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(["--data-dir", str(root / "data"), *args])
                except SystemExit as exc:
                    code = int(exc.code or 0)
        finally:
            sys.stdin = old_stdin
        return code, out.getvalue(), err.getvalue()

    code, _, err = run("index", str(root / "sources"))
    assert code == 0, err
    return run


def _title_words(cli: Cli) -> list[str]:
    """Distinct title words of the archive that find something alone (not stopwords)."""
    words: dict[str, None] = {}
    for row in json.loads(cli("list", "--json")[1]):
        for word in row["title"].split():
            if len(word) > 3 and word.isalpha():
                words[word] = None
    return [line["query"] for line in _batch(cli, list(words)) if line.get("total")]


def _batch(cli: Cli, queries: list[str]) -> list[dict]:
    code, out, err = cli("search", "--stdin", "--limit", "10000", stdin="\n".join(queries) + "\n")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def _or_query_of_length(words: list[str], below: int) -> tuple[str, list[str]]:
    """The longest `a OR b OR ...` of `words` shorter than `below` characters, and its words."""
    used: list[str] = []
    for word in words:
        if len(" OR ".join([*used, word])) >= below:
            break
        used.append(word)
    return " OR ".join(used), used


def test_many_ors_find_the_union_of_their_words(cli: Cli) -> None:
    query, used = _or_query_of_length(_title_words(cli), MAX_QUERY_CHARS + 1)
    assert len(used) > 100
    *singles, combined = _batch(cli, [*used, query])
    assert [s for s in singles if "error" in s] == []
    union = {hit["id"] for single in singles for hit in single["hits"]}
    assert combined["total"] == len(union) and {hit["id"] for hit in combined["hits"]} == union


def test_a_query_over_the_limit_is_refused_not_cut(cli: Cli) -> None:
    words = _title_words(cli)
    _, used = _or_query_of_length(words, MAX_QUERY_CHARS + 1)
    longer = " OR ".join(words[:len(used) + 1])  # one OR more: over the limit, it was cut and found 0
    assert len(longer) > MAX_QUERY_CHARS
    code, out, err = cli("search", longer)
    assert code == 1 and out == "" and "Traceback" not in err
    english, persian = err.strip().split("\n")
    assert f"{len(longer):,} characters" in english and "1,000" in english and "Nothing was searched" in english
    assert persian.startswith("بایگان: ") and "۱٬۰۰۰" in persian
    code, out, _ = cli("search", longer, "--json")
    refused = json.loads(out)
    assert code == 1 and "1,000" in refused["error"] and "۱٬۰۰۰" in refused["error_fa"] and "hits" not in refused
    (batched,) = _batch(cli, [longer])
    assert "1,000" in batched["error"] and "total" not in batched


@pytest.mark.parametrize(("query", "english", "persian"), [
    ("NOT NOT NOT", "NOT NOT are two operators in a row", "«بجز بجز»"),
    ("بجز بجز ایران", "NOT NOT are two operators in a row", "«بجز بجز»"),
    ("ایران AND AND تهران", "AND AND are two operators in a row", "«و و»"),
    ("ایران OR", "OR has no word after it", "«یا» (OR) پس از"),
    ("ایران یا", "OR has no word after it", "«یا» (OR) پس از"),
    ("OR ایران", "OR has no word before it", "«یا» (OR) پیش از"),
    ("ایران NOT", "NOT has no word after it", "«بجز» (NOT) پس از"),
    ("(ایران OR) تهران", "OR has no word after it", "«یا» (OR) پس از"),
    ("ایران عنوان:", "title: has no word after it", "«عنوان:»"),
])
def test_misplaced_operators_give_a_parse_message(cli: Cli, query: str, english: str, persian: str) -> None:
    code, out, err = cli("search", query)
    assert code == 1 and out == "" and "Traceback" not in err and "list index" not in err, err
    english_line, persian_line = err.strip().split("\n")
    assert english in english_line and persian in persian_line


@pytest.mark.parametrize("query", ["ایران OR NOT تهران", "NOT ایران", "ایران AND NOT تهران", "(ایران OR تهران) NOT ورزش",
                                   "عنوان:ایران OR تهران", "OR"])
def test_well_placed_operators_still_search(cli: Cli, query: str) -> None:
    code, _out, err = cli("search", query, "--json")
    assert code == 0, err
