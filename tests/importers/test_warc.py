"""WARC, WARC.GZ and WACZ files written with warcio: one article per HTML response with status 200,
with its target URI and the page's own date (never the capture's); everything else ignored; a WARC that grows is read from where
the last sync stopped."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from tests.importers.warc_files import PAGES, _response, page, write_crawl
from viewer.core.errors import ImportFailure
from viewer.core.paths import DataPaths
from viewer.importers.reader import read_articles
from viewer.importers.text.warc_format import parse_warc
from viewer.search.archive import Archive
from viewer.search.indexing.archive_index import INDEX_VERSION
from viewer.search.indexing.manifest import Manifest


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_articles(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    with open(path, "wb") as stream:
        write_crawl(stream, PAGES[:2], gzip=gzip)
    first, second = read_articles(path)  # no image, CSS, redirect, 404, second capture or revisit
    assert (first.title, first.url, first.date) == (PAGES[0][2], PAGES[0][0], None)
    assert first.lead == PAGES[0][3]
    assert (second.title, second.url, second.date) == (PAGES[1][2], PAGES[1][0], None)


def test_wacz_package(tmp_path: Path) -> None:
    warc = io.BytesIO()
    write_crawl(warc, PAGES, gzip=True)
    path = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(path, "w") as wacz:
        wacz.writestr("archive/data.warc.gz", warc.getvalue())
        wacz.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))
        wacz.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
    assert [a.url for a in read_articles(path)] == [p[0] for p in PAGES]


def test_reading_on_from_an_offset_gives_only_later_records(tmp_path: Path) -> None:
    stream = io.BytesIO()
    write_crawl(stream, PAGES[:2], gzip=True, extras=False)
    before = parse_warc(stream.getvalue())
    assert before.end == len(stream.getvalue())
    write_crawl(stream, PAGES[2:], gzip=True, extras=False)
    later = parse_warc(stream.getvalue(), before.end)
    assert [a.url for a in later.articles] == [PAGES[2][0]]


def test_cut_off_warc_keeps_its_whole_records(tmp_path: Path) -> None:
    stream = io.BytesIO()
    write_crawl(stream, PAGES, gzip=False, extras=False)
    data = stream.getvalue()
    read = parse_warc(data[: len(data) - 200])
    assert [a.url for a in read.articles] == [p[0] for p in PAGES[:2]]
    assert read.end < len(data) - 200
    with pytest.raises(ImportFailure, match="WARC"):
        parse_warc(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")


def _archive(tmp_path: Path) -> Archive:
    return Archive(DataPaths.resolve(tmp_path / "data").ensure())


def _urls(archive: Archive) -> list[str]:
    with archive.searcher() as searcher:
        return sorted(a.url for a in searcher.articles())


def _read_up_to(tmp_path: Path, path: Path) -> int:
    manifest = Manifest.load(DataPaths.resolve(tmp_path / "data").index_dir, INDEX_VERSION)
    return manifest.files[str(path.resolve())].read_up_to


@pytest.mark.parametrize("gzip", [False, True])
def test_growing_warc_adds_only_its_new_records(tmp_path: Path, gzip: bool) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    path = folder / ("crawl.warc.gz" if gzip else "crawl.warc")
    with open(path, "wb") as stream:
        write_crawl(stream, PAGES[:2], gzip=gzip, extras=False)
    first = _archive(tmp_path).sync([folder])
    assert (first.added, first.failed) == (2, [])
    size = path.stat().st_size
    assert _read_up_to(tmp_path, path) == size
    with open(path, "ab") as stream:  # the crawler goes on
        write_crawl(stream, PAGES[2:], gzip=gzip, extras=False)
    grown = _archive(tmp_path).sync([folder])
    assert (grown.added, grown.updated, grown.removed, grown.unchanged) == (1, 0, 0, 2)
    assert _read_up_to(tmp_path, path) == path.stat().st_size > size
    assert _urls(_archive(tmp_path)) == sorted(p[0] for p in PAGES)
    # Rewritten rather than grown (the first page gone): read again from the start.
    with open(path, "wb") as stream:
        write_crawl(stream, PAGES[1:], gzip=gzip, extras=False)
    rewritten = _archive(tmp_path).sync([folder])
    assert (rewritten.added, rewritten.removed, rewritten.unchanged) == (0, 1, 2)
    assert _urls(_archive(tmp_path)) == sorted(p[0] for p in PAGES[1:])


def test_a_capture_is_dated_by_its_page_not_by_when_it_was_captured(tmp_path: Path) -> None:
    """WARC-Date says when the crawler saved the page; a timeline of publication needs the page's date."""
    uri, captured, title, paragraph = PAGES[0]
    dated = page(title, paragraph).replace(
        b"<title>", b'<meta property="article:published_time" content="2023-11-20T10:15:00+00:00"><title>', 1)
    path = tmp_path / "dated.warc"
    with open(path, "wb") as stream:
        _response(WARCWriter(stream, gzip=False), uri, captured, "200 OK", "text/html; charset=utf-8", dated)
    [article] = read_articles(path)
    assert article.date == datetime(2023, 11, 20, 10, 15)
