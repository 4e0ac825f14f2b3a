"""Every encoding Persian archives come in reads to the same article."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from viewer.core.errors import ImportFailure
from viewer.importers.common.encoding import decode
from viewer.importers.reader import read_articles

# Windows-1256 has neither the Persian yeh nor Persian digits: such archives write ي and 0-9.
CP1256_SPELLING = str.maketrans("ی۰۱۲۳۴۵۶۷۸۹", "ي0123456789")


def _encodings(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n").translate(CP1256_SPELLING)
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16-bom": text.encode("utf-16"),
        "utf-16-le": text.encode("utf-16-le"),
        "utf-16-be": text.encode("utf-16-be"),
        "cp1256-crlf": crlf.encode("cp1256"),
    }


@pytest.mark.parametrize("name", ["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1256-crlf"])
def test_seed_reads_the_same_in_every_encoding(seed_path: Path, tmp_path: Path, name: str) -> None:
    text = seed_path.read_text("utf-8")
    expected = read_articles(seed_path)[0]
    copy = tmp_path / f"seed-{name}.txt"
    copy.write_bytes(_encodings(text)[name])
    article = read_articles(copy)[0]
    assert article.title == expected.title
    if name.startswith("cp1256"):  # ي is shown as ی again; the digits stay as the archive wrote them
        assert article.text == expected.text.translate(CP1256_SPELLING).replace("ي", "ی")
    else:
        assert article.text == expected.text
    assert article.code == "427178"


def test_zwnj_rich_cp1256_is_not_mistaken_for_another_encoding() -> None:
    text = "مي‌خواهند کتاب‌ها را به خانه‌هاي مردم ببرند؛ گفت‌وگو ادامه دارد.\n"
    assert decode((text * 20).replace("\n", "\r\n").encode("cp1256")) == text * 20


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\t", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary"),
     (b"\xd8\xb3\xd9\x84\x00\x00\xd8\xa7\xd9\x85 abc", "NUL")],
)
def test_unreadable_bytes_are_reported_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        decode(data)
    assert reason.lower() in caught.value.en.lower()
    assert caught.value.fa != caught.value.en


def test_truncated_utf8_falls_back_without_crashing() -> None:
    data = "سلام دنیا".encode()[:-1]
    assert decode(data)  # read as Windows-1256: garbled but never a crash
