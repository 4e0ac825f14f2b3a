"""One bad file costs that file only: it is listed in `failed` with its reason and every other file is
indexed, on a new and on an existing index; a file that would hang its reader or take all its memory
is stopped in its worker; links out of the archive are not followed; printed paths forge no lines."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.faults.child_cli import CLI_TIMEOUT, assert_no_traceback, bayegan_command, cli_env, run_bayegan
from tests.faults.helpers import corpus_items, write_archive
from tests.faults.indexes import index_json, indexed_articles, reference_index
from tests.importers.warc_files import PAGES, write_crawl
from viewer.search.indexing.feed import Job, prepared
from viewer.search.indexing.prepare_pool import TIME_LIMIT_VARIABLE, ReadLimits


def _warc_with_endless_record(path: Path) -> None:
    """A crawl written by warcio whose first response claims a Content-Length of 10^20 bytes."""
    buffer = io.BytesIO()
    write_crawl(buffer, PAGES, gzip=False, extras=False)
    data = buffer.getvalue()
    start = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    end = data.index(b"\r\n", start)
    path.write_bytes(data[:start] + b"Content-Length: 99999999999999999999" + data[end:])


def _failed(report: dict[str, object]) -> dict[str, str]:
    failed = report["failed"]
    assert isinstance(failed, list)
    return {entry["path"]: entry["error"] for entry in failed}


@pytest.mark.slow
def test_a_damaged_warc_fails_alone_on_a_new_and_an_existing_index(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    good = write_archive(source, corpus_items("fars-news-2.json", 64), per_file=2)  # 32 good files
    assert len(good) == 32
    warc = source / "crawl.warc"
    _warc_with_endless_record(warc)
    report = index_json(data, source)
    assert _failed(report) == {str(warc): "The web archive (WARC) is damaged: a record's length is impossibly large."}
    warc.rename(tmp_path / "crawl.warc")
    expected = reference_index(tmp_path, source)
    assert len(expected) > 50 and indexed_articles(data) == expected

    # An existing index: the bad WARC comes back with new files beside it; they are added.
    (tmp_path / "crawl.warc").rename(warc)
    write_archive(source / "more", corpus_items("varzesh3-2.json", 10), per_file=5)
    report = index_json(data, source)
    assert report["added"] == 10 and _failed(report) == {str(warc): _failed(report)[str(warc)]}
    warc.unlink()
    assert indexed_articles(data) == reference_index(tmp_path, source)


def hanging_page(path: Path) -> None:
    """A <p> with 200,000 attributes (2.3 MB): lxml, under trafilatura, parses it for hours."""
    attributes = " ".join(f'a{n}="x"' for n in range(200_000))
    path.write_text(f"<!doctype html><html><head><title>صفحه</title></head><body><p {attributes}>متن</p></body></html>",
                    "utf-8")


def _index_with(data: Path, source: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(bayegan_command(data, "index", *args, source), capture_output=True, text=True,
                          encoding="utf-8", timeout=CLI_TIMEOUT, env=cli_env() | env)


def test_a_page_that_hangs_its_reader_is_stopped_and_the_rest_indexed(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    write_archive(source, corpus_items("fars-news-2.json", 10), per_file=5)
    hanging_page(source / "hang.html")
    result = _index_with(data, source, {TIME_LIMIT_VARIABLE: "3"}, "--json")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    seconds = ReadLimits(seconds=3).seconds_for((source / "hang.html").stat().st_size)
    assert _failed(report) == {str(source / "hang.html"): f"Reading the file took longer than {seconds:.0f} s; "
                               "it was stopped (a page built to hang a reader?)."}
    assert report["added"] == 10


@pytest.mark.slow
def test_a_file_past_its_memory_limit_fails_alone(tmp_path: Path) -> None:
    # 8 MB of articles with 32 MB allowed (plus a fifth): the analysed text does not fit, a small file does.
    items = corpus_items("fars-news-2.json", 60)
    big, small = tmp_path / "big.jsonl", tmp_path / "small.json"
    with big.open("w", encoding="utf-8") as out:
        while out.tell() < 8 * 2**20:
            for n, item in enumerate(items):
                out.write(json.dumps({**item, "title": f"{item['title']} {out.tell()} {n}"}, ensure_ascii=False) + "\n")
    small.write_text(json.dumps(items[:3], ensure_ascii=False), "utf-8")
    jobs = [Job(str(path), path.stat().st_size, 0, None) for path in (big, small, big, small)]
    results = list(prepared(jobs, workers=1, limits=ReadLimits(memory_mb=32)))
    assert [job.path for job, _ in results] == [job.path for job in jobs]
    failures = [ready.failure for _, ready in results]
    assert failures[0] == failures[2] == ("Reading the file needed more memory than one file may use; it was stopped.",
                                          "خواندن پرونده بیش از حافظهٔ مجاز برای یک پرونده لازم داشت و متوقف شد.")
    assert failures[1] is failures[3] is None  # read by a fresh worker after each failure
    assert [len(ready.articles or ()) for _, ready in results][1::2] == [3, 3]


def test_links_out_of_the_archive_are_skipped(tmp_path: Path) -> None:
    source, outside, data = tmp_path / "source", tmp_path / "outside", tmp_path / "data"
    write_archive(source / "inside", corpus_items("fars-news-2.json", 4), per_file=2)
    write_archive(outside, corpus_items("varzesh3-2.json", 4), per_file=2)
    (outside / "secret.txt").write_text("رمز عبور سرور\n\nاین متن هرگز نباید در بایگانی دیده شود و بیرون از آن است.\n",
                                        "utf-8")
    (source / "secret.txt").symlink_to(outside / "secret.txt")  # passwd.txt -> /etc/passwd
    (source / "elsewhere").symlink_to(outside, target_is_directory=True)
    (source / "copy.json").symlink_to(source / "inside" / "part-000.json")  # inside: read once, where it is
    (source / "shortcut").symlink_to(source / "inside", target_is_directory=True)
    (source / "loop-a.txt").symlink_to(source / "loop-b.txt")
    (source / "loop-b.txt").symlink_to(source / "loop-a.txt")
    report = index_json(data, source)
    skipped = {entry["path"]: entry["reason"] for entry in report["skipped"]}  # type: ignore[attr-defined]
    assert skipped == {
        str(source / "secret.txt"): f"A link to {outside / 'secret.txt'}, outside the archive folders being read: "
                                    "not followed.",
        str(source / "elsewhere"): f"A link to {outside}, outside the archive folders being read: not followed.",
        str(source / "loop-a.txt"): "A link that leads nowhere (a loop of links, or its target is missing).",
        str(source / "loop-b.txt"): "A link that leads nowhere (a loop of links, or its target is missing).",
    }
    assert report["failed"] == [] and report["duplicates"] == 0
    assert indexed_articles(data) == reference_index(tmp_path, source / "inside")
    listed = json.loads(run_bayegan(data, "list", "--json").stdout)
    assert {path for row in listed for path in row["sources"]} == {str(p) for p in (source / "inside").iterdir()}


def test_printed_paths_forge_no_lines_and_turn_no_text_around(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "data"
    write_archive(source, corpus_items("fars-news-2.json", 2), per_file=2)
    forged = source / "x.json\n  failed: notes.sqlite3: the file was deleted\nnote.json"
    turned = source / "report\u202enosj.json"  # shown as "reportjson.son" by a terminal that obeys U+202E
    for path in (forged, turned):
        path.write_text("not JSON at all", "utf-8")
    result = run_bayegan(data, "index", source)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 2,") and "failed 2" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"  failed: {source}/") for line in lines), lines
    assert "\u202e" not in result.stderr + result.stdout
    assert any("x.json\\n  failed: notes.sqlite3: the file was deleted\\nnote.json" in line for line in lines)
    assert any("report\\u202enosj.json" in line for line in lines)
    # JSON keeps the real names: it is read by programs, not by a terminal.
    report = index_json(tmp_path / "json-data", source)
    assert set(_failed(report)) == {str(forged), str(turned)}
