"""Reading an exported PDF back as a reader would: its text (poppler), fonts, outline and metadata (pypdf)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader

POPPLER_TOOLS = ("pdftotext", "pdffonts", "pdftoppm")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "ۀ": "ه", "\u200c": None, "\u200d": None, "ـ": None})
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d4]")
# pdftotext wraps each left-to-right run in LRE…PDF and keeps the space between the runs on one side only.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def require_poppler() -> None:
    missing = [tool for tool in POPPLER_TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"poppler-utils is needed to read PDFs back ({', '.join(missing)} missing): apt-get install poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text a reader copies out of the PDF (a page is 1-based), folded like `normalise`."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True).stdout
    return normalise(raw.decode("utf-8"))


def normalise(text: str) -> str:
    """Presentation forms to letters (NFKC), Arabic to Persian letters, no diacritics, ZWNJ or bidi controls."""
    text = _BIDI_CONTROLS.sub(" ", unicodedata.normalize("NFKC", text))
    return _MARKS.sub("", text.translate(_FOLD))


def word_list(text: str) -> list[str]:
    return re.findall(r"\w+", normalise(text))


def words(text: str) -> Counter[str]:
    return Counter(word_list(text))


def count_phrase(phrase: str, text: str) -> int:
    """How often `phrase`'s words stand one after another in `text` (punctuation and spacing aside)."""
    want, have = word_list(phrase), word_list(text)
    return sum(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1)) if want else 0


def recovered(expected: str, found: str) -> float:
    """The share of `expected`'s words (as a multiset) that `found` holds."""
    want = words(expected)
    have = words(found)
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object-id gen: the flags are the 5th-3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def outline(path: Path) -> list[tuple[str, int]]:
    reader = PdfReader(path)
    entries = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline if not isinstance(item, list)]
    return cast(list[tuple[str, int]], entries)  # every bookmark of our PDFs has a title and a page


def render_page(path: Path, page: int, out_dir: Path, dpi: int = 60) -> Path:
    prefix = out_dir / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(prefix)],
                   check=True, capture_output=True)
    return prefix.with_suffix(".png")
