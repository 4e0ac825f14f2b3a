"""Each list format written through the Library and read back by a real parser: csv, jsonschema
with the CSL-JSON schema (tests/data/citations, MIT), rispy, bibtexparser."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from jsonschema import Draft7Validator

from viewer.app.library import LIST_FORMATS, Library
from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import BayeganError
from viewer.export.reference_list import bibtex_escape, site_of

CSL_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "citations" / "csl-data.json"
# A title with every character BibTeX and LaTeX treat specially, beside Persian with a ZWNJ.
AWKWARD = Article(title="گزارش ۵۰% {ویژه} & $هزینه‌ها_ #۱ ~ ^ \\ پایان", blocks=[Block(BlockKind.PARAGRAPH, "متن")],
                  tags=["اقتصاد، بازار", "هزینه‌ها"], url="https://example.org/a?b=1&c={2}",
                  date=datetime(2023, 7, 23, 10, 30), id="abc-1")

parse_bibtex = bibtexparser.parse_string  # type: ignore[attr-defined]  # exported without __all__


def _articles(library: Library) -> list[Article]:
    return [*sorted(library.articles(), key=lambda a: a.title), AWKWARD]


def test_csv_has_the_header_and_every_field(library: Library, tmp_path: Path) -> None:
    articles = _articles(library)
    out = tmp_path / "list.csv"
    assert library.export_list(articles, "csv", out) == len(articles)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "title", "date", "site", "url", "tags"]
    assert [r["id"] for r in rows] == [a.id for a in articles]
    by_title = {r["title"]: r for r in rows}
    assert by_title["کم‌آبی در تهران"]["site"] == "ایسنا"
    assert by_title["کم‌آبی در تهران"]["date"] == "2023-07-23"
    assert by_title["کم‌آبی در تهران"]["tags"] == "آب; تهران"
    assert by_title["گزارشی بی‌تاریخ از آب"]["date"] == "" and by_title["گزارشی بی‌تاریخ از آب"]["site"] == ""
    assert by_title[AWKWARD.title]["url"] == AWKWARD.url


def test_csl_json_is_valid_against_the_schema(library: Library, tmp_path: Path) -> None:
    articles = _articles(library)
    out = tmp_path / "list.json"
    library.export_list(articles, "csl-json", out)
    items = json.loads(out.read_text("utf-8"))
    Draft7Validator(json.loads(CSL_SCHEMA.read_text("utf-8"))).validate(items)
    by_id = {item["id"]: item for item in items}
    first = by_id[next(a.id for a in articles if a.title == "سد کرج پیش از تابستان")]
    assert first["type"] == "article-newspaper" and first["language"] == "fa"
    assert first["container-title"] == "ایرنا" and first["URL"] == "https://www.irna.ir/news/85000001"
    assert first["issued"] == {"date-parts": [[2023, 7, 22]]}
    assert by_id["abc-1"]["title"] == AWKWARD.title
    assert "issued" not in by_id[next(a.id for a in articles if a.date is None)]


def test_csl_json_schema_rejects_what_it_should() -> None:
    validator = Draft7Validator(json.loads(CSL_SCHEMA.read_text("utf-8")))
    assert not validator.is_valid([{"type": "newspaper", "id": "x"}])  # not a CSL type
    assert not validator.is_valid([{"type": "article-newspaper", "id": "x", "url": "lowercase"}])


def test_ris_reads_back_with_rispy(library: Library, tmp_path: Path) -> None:
    articles = _articles(library)
    out = tmp_path / "list.ris"
    library.export_list(articles, "ris", out)
    entries = rispy.loads(out.read_text("utf-8"))
    assert len(entries) == len(articles)
    assert {e["type_of_reference"] for e in entries} == {"NEWS"}
    by_title = {e["title"]: e for e in entries}
    rain = by_title["بارش پاییزی و آب سدها"]
    assert rain["urls"] == ["https://example.org/rain?id=3&lang=fa"]
    assert rain["date"] == "2023/11/21" and rain["year"] == "2023"
    assert rain["keywords"] == ["آب", "هوا"] and rain["secondary_title"] == "example.org"
    assert by_title[AWKWARD.title]["keywords"] == AWKWARD.tags


def test_bibtex_reads_back_with_bibtexparser(library: Library, tmp_path: Path) -> None:
    articles = _articles(library)
    out = tmp_path / "list.bib"
    library.export_list(articles, "bibtex", out)
    parsed = parse_bibtex(out.read_text("utf-8"), append_middleware=[LatexDecodingMiddleware()])
    assert not parsed.failed_blocks
    assert len(parsed.entries) == len(articles) and len({e.key for e in parsed.entries}) == len(articles)
    by_title = {e.fields_dict["title"].value: e for e in parsed.entries}
    assert set(by_title) >= {a.title for a in articles if a is not AWKWARD}
    tehran = by_title["کم‌آبی در تهران"]
    assert tehran.entry_type == "article"
    assert tehran.fields_dict["date"].value == "2023-07-23"
    assert tehran.fields_dict["keywords"].value == "آب, تهران"
    assert tehran.fields_dict["url"].value == "https://www.isna.ir/news/1402050100001"
    raw = parse_bibtex(out.read_text("utf-8"))
    awkward = next(e for e in raw.entries if e.key == "bayegan-abc-1")
    assert awkward.fields_dict["title"].value == bibtex_escape(AWKWARD.title)
    assert "{2}" not in awkward.fields_dict["url"].value  # a brace would end the field


def test_bibtex_escapes_every_special_character() -> None:
    assert bibtex_escape("50% & $ # _ { } ~ ^ \\") == r"50\% \& \$ \# \_ \{ \} \~{} \^{} \textbackslash{}"
    assert bibtex_escape("هزینه‌ها") == "هزینه‌ها"  # the ZWNJ stays


@pytest.mark.parametrize(("url", "site"), [("https://www.irna.ir/news/1", "ایرنا"), ("http://en.mehrnews.com/x", "خبرگزاری مهر"),
                                           ("https://news.example.org/1", "news.example.org"), ("", "")])
def test_the_site_is_the_agency_when_known(url: str, site: str) -> None:
    assert site_of(Article(title="t", blocks=[], url=url)) == site


def test_an_unknown_format_and_an_unwritable_file_are_clear_errors(library: Library, tmp_path: Path) -> None:
    assert LIST_FORMATS == ("csv", "csl-json", "ris", "bibtex")
    with pytest.raises(BayeganError) as unknown:
        library.export_list([AWKWARD], "endnote", tmp_path / "x")
    assert "endnote" in unknown.value.fa
    (tmp_path / "folder").mkdir()
    with pytest.raises(BayeganError) as unwritable:
        library.export_list([AWKWARD], "ris", tmp_path / "folder")
    assert "folder" in unwritable.value.en
