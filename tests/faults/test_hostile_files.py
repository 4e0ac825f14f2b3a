"""Hostile files for every importer: each one is imported correctly or reported in `failed` with a
reason; never a crash, never a hang (the command runs under a timeout), never a traceback."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.child_cli import assert_no_traceback, run_bayegan
from tests.faults.helpers import corpus_items, fault_rng
from viewer.core.errors import ImportFailure
from viewer.importers.reader import read_articles
from viewer.importers.text.html_format import parse_html
from viewer.importers.text.json_format import parse_json
from viewer.importers.text.text_format import parse_text

BODY = ("عنوان خبر ویژه {n}\n\nمتن نخست خبر که به اندازهٔ کافی بلند است تا یک پاراگراف باشد و با نقطه تمام شود.\n"
        "پاراگراف دوم خبر هم جمله‌ای کامل دارد که به نقطه می‌رسد.\n")
SUFFIXES = [".txt", ".json", ".jsonl", ".html", ".htm", ".text", ".ndjson", ".xhtml"]
JSON_KEYS = ["title", "abstract", "paragraphs", "tags", "date", "code", "link", "articles", "items", "عنوان", "متن",
             "body", "text", "lead", "keywords", "url", "category"]
HTML_TOKENS = ["<html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>",
               "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#x110000;",
               "&nbsp;", "<a rel='tag' href='http://x'>", "</a>", "<meta name='keywords' content='", "'>", "<br/>",
               "ایران", "خبر", "متن نخست خبر که بلند است.", "\u202e", "\x00", "\ufeff", "<", ">", "\"", "'"]

_serial = count()


def _accepts(articles: object) -> None:
    """What an importer hands on: a non-empty list of articles, each with a title and text."""
    assert isinstance(articles, list) and articles
    for article in articles:
        assert article.title.strip()
        assert isinstance(article.text, str)
        every_string = "".join([article.title, article.text, article.url, article.code, article.category, *article.tags])
        assert "\x00" not in every_string
        every_string.encode("utf-8")  # no lone surrogates: it can be indexed and printed


def _outcome(parse: Callable[[], object]) -> None:
    try:
        articles = parse()
    except ImportFailure as exc:
        assert exc.en and exc.fa
        return
    _accepts(articles)


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"hostile-{next(_serial)}{suffix}"
    path.write_bytes(data)
    return path


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from(["ایران", "[]", "['a']", "\ud800", "a\udfffb", "\x00", "خبر\x00", "\ud83d"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(JSON_KEYS) | st.text(max_size=5), inner,
                                                                max_size=6),
    max_leaves=40,
)
encoded_text = st.tuples(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be",
                                                                  "utf-8-sig", "cp1256", "utf-32"])).map(
    lambda pair: pair[0].encode(pair[1], errors="ignore"))
hostile_bytes = st.one_of(
    st.binary(max_size=3000),
    encoded_text,
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values.map(json.dumps), max_size=5).map(lambda lines: "\n".join(lines).encode()),
    st.lists(st.sampled_from(HTML_TOKENS), max_size=60).map(lambda parts: "".join(parts).encode()),
    st.integers(0, 10**6).map(lambda n: BODY.format(n=n).encode()[: n % 400]),  # truncated UTF-8
)

fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_extension(tmp_path: Path, data: bytes, suffix: str) -> None:
    _outcome(lambda: read_articles(_write(tmp_path, suffix, data)))


@fuzz
@given(value=json_values, lines=st.booleans())
def test_json_importer_with_any_json(value: object, lines: bool) -> None:
    text = json.dumps(value, ensure_ascii=False)
    _outcome(lambda: parse_json(text + "\n" + text if lines else text, "x.jsonl" if lines else "x.json"))


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.sampled_from(HTML_TOKENS) | st.text(max_size=10), max_size=80))
def test_html_importer_with_any_markup(parts: list[str]) -> None:
    _outcome(lambda: parse_html("".join(parts)))


@fuzz
@given(text=st.text(max_size=500).map(lambda t: t.replace("\x00", "")))
def test_text_importer_with_any_decoded_text(text: str) -> None:
    """Text as `decode` hands it on (it refuses NUL)."""
    _outcome(lambda: parse_text(text))


# Each hostile file of the archive, and what must become of it: "imported", "failed" or "either".
def _hostile_archive(folder: Path) -> dict[str, str]:
    folder.mkdir()
    body = BODY.format(n=0).encode()
    corpus = corpus_items("fars-news-4.json", 4)
    rng, _ = fault_rng("hostile archive")
    html_page = ("<!doctype html><html><head><title>صفحه</title></head><body><article><h1>عنوان صفحهٔ ذخیره‌شده</h1><p>"
                 + "متن اصلی خبر که در صفحه آمده است. " * 20 + "</p></article></body></html>")
    files: dict[str, tuple[bytes, str]] = {
        "random.txt": (rng.randbytes(4096), "failed"),
        "random.json": (rng.randbytes(4096), "failed"),
        "random.html": (rng.randbytes(4096), "failed"),
        "truncated-utf8.txt": (BODY.format(n=1).encode()[:-1], "imported"),
        "nul-inside.txt": (body[:30] + b"\x00" + body[30:], "failed"),
        "deep-list.json": (b"[" * 100_000 + b"]" * 100_000, "failed"),
        "deep-object.json": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "failed"),
        "deep-lines.jsonl": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"\n{}\n", "failed"),
        "shape-number.json": (b"42", "failed"),
        "shape-string.json": (b'"\xd8\xae\xd8\xa8\xd8\xb1"', "failed"),
        "shape-null.json": (b"null", "failed"),
        "shape-numbers.json": (b"[1, 2, 3]", "failed"),
        "shape-title-number.json": (b'{"title": 5, "paragraphs": 7}', "either"),  # read leniently as text
        "shape-nested.json": (json.dumps([{"title": ["x"], "paragraphs": {"a": 1}}]).encode(), "failed"),
        "shape-container.json": (b'{"articles": "x"}', "failed"),
        "shape-mixed.json": (json.dumps([1, None, "x", *corpus[:3]]).encode(), "imported"),
        "big-20mb.txt": (("عنوان پروندهٔ بزرگ\n" + ("جمله‌ای از متنی بسیار بلند که بارها تکرار می‌شود. " * 40 + "\n") * 5300)
                         .encode(), "imported"),
        "deep-markup.html": (b"<html><body>" + b"<div>" * 100_000 + body + b"</div>" * 100_000 + b"</body></html>", "either"),
        "huge-markup.html": (("<html><head><title>عنوان</title></head><body>" + ("<p>" + "متن خبر بلند " * 200 + "</p>") * 2000
                              + "</body></html>").encode(), "either"),
        "html-in.json": (html_page.encode(), "imported"),
        "binary-in.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000), "failed"),
        "json-in.html": (json.dumps(corpus[3:], ensure_ascii=False).encode(), "imported"),
        "utf16-bom.txt": (BODY.format(n=2).encode("utf-16"), "imported"),
        "utf16le-no-bom.txt": (BODY.format(n=3).encode("utf-16-le"), "imported"),
        "utf16be-no-bom.txt": (BODY.format(n=4).encode("utf-16-be"), "imported"),
        "windows-1256-crlf.txt": (BODY.format(n=5).replace("ی", "ي").replace("ک", "ك").replace("ٔ", "").replace("\n", "\r\n")
                                  .encode("cp1256"), "imported"),
        "empty.txt": (b"", "failed"),
        "only-spaces.txt": (b" \r\n\t\n", "failed"),
        "only-bom.txt": (b"\xef\xbb\xbf", "failed"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    expected = {name: outcome for name, (_, outcome) in files.items()}
    with open(folder / "too-large.txt", "wb") as handle:  # sparse: 65 MB on paper, nothing on disk
        handle.truncate(65 * 1024 * 1024)
    expected["too-large.txt"] = "failed"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading it would block forever
        expected["pipe.txt"] = "failed"
    if sys.platform != "win32":
        (folder.parent / b"\xff\xfe-cp1256-name.txt".decode("utf-8", "surrogateescape")).write_bytes(body)
        os.replace(folder.parent / b"\xff\xfe-cp1256-name.txt".decode("utf-8", "surrogateescape"),
                   folder / b"\xff\xfe-cp1256-name.txt".decode("utf-8", "surrogateescape"))
        expected["\ufffd\ufffd-cp1256-name.txt"] = "failed"
    return expected


@pytest.mark.slow
def test_hostile_archive_through_the_command(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    expected = _hostile_archive(folder)
    data = tmp_path / "data"
    result = run_bayegan(data, "index", "--json", folder, timeout=300)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert all(reason.strip() for reason in failed.values()), failed

    listed = run_bayegan(data, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    imported: dict[str, list[str]] = {}
    for row in rows:
        imported.setdefault(Path(row["source"]).name, []).append(row["title"])

    for name, outcome in expected.items():
        accounted = (name in failed) + (name in imported)
        assert accounted == 1, f"{name}: failed={failed.get(name)!r} imported={imported.get(name)!r}"
        if outcome != "either":
            assert (name in imported) == (outcome == "imported"), f"{name}: {failed.get(name) or imported.get(name)}"
    # Encodings read right: the titles are the Persian ones written.
    for name, n in (("utf16-bom.txt", 2), ("utf16le-no-bom.txt", 3), ("utf16be-no-bom.txt", 4), ("windows-1256-crlf.txt", 5)):
        assert imported[name] == [f"عنوان خبر ویژه {n}"], (name, imported[name])
    assert imported["truncated-utf8.txt"] == ["عنوان خبر ویژه 1"]
    assert imported["html-in.json"] == ["عنوان صفحهٔ ذخیره\u200cشده"]  # read as the HTML it is, ZWNJ kept
    assert len(imported["shape-mixed.json"]) == 3
    assert "nested too deeply" in failed["deep-list.json"]
    assert "too large" in failed["too-large.txt"]
    if "pipe.txt" in expected:
        assert "regular file" in failed["pipe.txt"]

    # And the archive that survived all this is searchable.
    found = run_bayegan(data, "search", "ویژه", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["total"] >= 5, found.stderr
