"""Hostile files of the formats read from bytes (PDF, DOCX, ODT, MHTML, WARC, WACZ, Telegram export,
RSS/Atom): damaged copies of real files, fuzzed with hypothesis under a fixed seed, are imported or
reported in `failed`, never a crash or a hang."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.faults.child_cli import assert_no_traceback, run_bayegan
from tests.faults.test_hostile_files import _outcome, json_values
from tests.importers.test_feeds import ATOM, RSS
from tests.importers.test_mhtml import chromium_mhtml
from tests.importers.test_telegram import channel_export
from tests.importers.warc_files import PAGES, write_crawl
from viewer.importers.reader import parse_source

SEED = 16_2024
DATA = Path(__file__).parent.parent / "data" / "importers"


def _warc(compressed: bool) -> bytes:
    stream = io.BytesIO()
    write_crawl(stream, PAGES[:2], gzip=compressed)
    return stream.getvalue()


def _wacz() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as wacz:
        wacz.writestr("archive/data.warc.gz", _warc(True))
        wacz.writestr("datapackage.json", "{}")
    return out.getvalue()


GOOD = {
    "article.pdf": (DATA / "article-chromium.pdf").read_bytes(),
    "article.docx": (DATA / "article-libreoffice.docx").read_bytes(),
    "article.odt": (DATA / "article-libreoffice.odt").read_bytes(),
    "page.mhtml": chromium_mhtml(),
    "crawl.warc": _warc(False),
    "crawl.warc.gz": _warc(True),
    "crawl.wacz": _wacz(),
    "result.json": json.dumps(channel_export(), ensure_ascii=False).encode(),
    "feed.rss": RSS.encode(),
    "feed.atom": ATOM.encode(),
}
NEEDS_POPPLER = shutil.which("pdftotext") is None


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real file of one format with some bytes flipped, cut, repeated or inserted."""
    name = draw(st.sampled_from(sorted(n for n in GOOD if not (NEEDS_POPPLER and n.endswith(".pdf")))))
    data = bytearray(GOOD[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if change == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif change == "cut":
            del data[at:at + draw(st.integers(1, 400))]
        elif change == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif change == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 400))] * draw(st.integers(2, 20))
        else:
            del data[at:]
    return name, bytes(data)


@seed(SEED)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=damaged())
def test_damaged_copies_of_real_files(case: tuple[str, bytes]) -> None:
    print(f"hypothesis seed {SEED}")
    name, data = case
    _outcome(lambda: parse_source(data, name))


@seed(SEED)
@settings(max_examples=100, deadline=None)
@given(messages=st.lists(json_values, max_size=6), chat_type=st.sampled_from(["public_channel", "private_channel"]),
       username=json_values)
def test_telegram_export_of_any_shape(messages: list[object], chat_type: str, username: object) -> None:
    print(f"hypothesis seed {SEED}")
    export = {"name": "x", "type": chat_type, "id": 1, "username": username, "messages": messages}
    _outcome(lambda: parse_source(json.dumps(export).encode(), "result.json"))


FEED_TOKENS = ["<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>",
               "</description>", "<link>", "</link>", "<category>", "</category>", "<pubDate>", "</pubDate>",
               "<![CDATA[", "]]>", "&amp;", "&#0;", "<!ENTITY a 'aaaa'>", "&a;", "خبر", "Mon, 99 Foo 2024 25:61:00 +9999",
               "<entry>", "<summary type='html'>", "&lt;p&gt;", "\x00", "\ud800"]


@seed(SEED)
@settings(max_examples=100, deadline=None)
@given(parts=st.lists(st.sampled_from(FEED_TOKENS) | st.text(max_size=10), max_size=60),
       root=st.sampled_from(["<?xml version='1.0'?><rss version='2.0'>", "<feed xmlns='http://www.w3.org/2005/Atom'>"]))
def test_feed_token_soup(parts: list[str], root: str) -> None:
    print(f"hypothesis seed {SEED}")
    _outcome(lambda: parse_source((root + "".join(parts)).encode("utf-8", "surrogatepass"), "feed.xml"))


def _zip_bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        with bomb.open("word/document.xml", "w") as member:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return out.getvalue()


def _gzip_bomb_warc() -> bytes:
    head = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 300000000\r\n\r\n"
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as member:
        member.write(head)
        for _ in range(300):
            member.write(bytes(1 << 20))
    return out.getvalue()


@pytest.mark.slow
def test_hostile_files_of_every_format_through_the_command(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    files = {
        "zip-bomb.docx": _zip_bomb_docx(),
        "gzip-bomb.warc.gz": _gzip_bomb_warc(),
        "endless-length.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n",
        "nested.json": b'{"type": "public_channel", "messages": [' + b"[" * 50_000 + b"]" * 50_000 + b"]}",
        "entities.rss": b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a '" + b"x" * 1000 + b"'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>"
                        b"<!ENTITY c '&b;&b;&b;&b;&b;&b;'>]><rss version='2.0'><channel><item><title>&c;</title>"
                        b"<description>&c;&c;</description></item></channel></rss>",
        "mhtml-no-end.mht": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                            b"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!notbase64",
        "not-a-pdf.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    result = run_bayegan(tmp_path / "data", "index", "--json", folder, timeout=600)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert "zip-bomb.docx" in failed and "256 MB" in failed["zip-bomb.docx"]
    for name in ("gzip-bomb.warc.gz", "endless-length.warc", "mhtml-no-end.mht"):
        assert name in failed, (name, report)
    if not NEEDS_POPPLER:
        assert "not-a-pdf.pdf" in failed
    assert report["skipped"] == []
