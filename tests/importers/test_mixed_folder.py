"""A researcher's folder of every kind of file, indexed by the command: each supported file gives
its articles, each damaged one is in `failed` with its reason, every other file is in `skipped`."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.importers.test_feeds import RSS
from tests.importers.test_mhtml import chromium_mhtml
from tests.importers.test_telegram import channel_export
from tests.importers.warc_files import PAGES, write_crawl

DATA = Path(__file__).parent.parent / "data" / "importers"


def _folder(root: Path) -> Path:
    folder = root / "research"
    (folder / "ChatExport_2024-03-11" / "photos").mkdir(parents=True)
    for name in ("article-chromium.pdf", "article-libreoffice.docx", "article-libreoffice.odt"):
        shutil.copy(DATA / name, folder / name)
    (folder / "page.mhtml").write_bytes(chromium_mhtml())
    (folder / "feed.rss").write_text(RSS, encoding="utf-8")
    warc = io.BytesIO()
    write_crawl(warc, PAGES, gzip=True)
    (folder / "crawl.warc.gz").write_bytes(warc.getvalue())
    export = folder / "ChatExport_2024-03-11"
    (export / "result.json").write_text(json.dumps(channel_export(), ensure_ascii=False), encoding="utf-8")
    (export / "photos" / "photo_4@10-03-2024_13-30-00.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04" + bytes(60))
    (folder / "README").write_text("یادداشت", encoding="utf-8")
    (folder / "scan.pdf").write_bytes((DATA / "article-chromium.pdf").read_bytes()[:700])
    return folder


def test_every_file_accounted_for(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    folder = _folder(tmp_path)
    code, out, err = run_cli("index", "--json", str(folder))
    assert code == 0, err
    report = json.loads(out)
    # The Chromium PDF, the DOCX and the ODT hold one article (the same title and text once folded):
    # one article with three sources (issue 20); then mhtml, rss, warc, telegram.
    assert (report["added"], report["duplicates"]) == (1 + 1 + 2 + 3 + 3, 2)
    assert {Path(f["path"]).name for f in report["failed"]} == {"scan.pdf"}
    assert all(f["error"] for f in report["failed"])
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert skipped == {
        "notes.xlsx": "Bayegan does not read .xlsx files.",
        "README": "Bayegan does not read files without an extension.",
        "photo_4@10-03-2024_13-30-00.jpg": "A picture kept with a saved page or a Telegram export, not a scan.",
    }
    code, out, err = run_cli("list", "--json")
    rows = json.loads(out)
    sources = {Path(source).name for row in rows for source in row["sources"]}
    assert [[Path(p).name for p in row["sources"]] for row in rows if len(row["sources"]) > 1] == [
        ["article-chromium.pdf", "article-libreoffice.docx", "article-libreoffice.odt"]]
    assert sources == {"article-chromium.pdf", "article-libreoffice.docx", "article-libreoffice.odt", "page.mhtml",
                       "feed.rss", "crawl.warc.gz", "result.json"}
    again = json.loads(run_cli("index", "--json", str(folder))[1])
    assert (again["added"], again["updated"], again["removed"], again["unchanged"]) == (0, 0, 0, 10)
