"""Text shared by every importer: lines made tidy, Arabic letter forms made Persian."""

from __future__ import annotations

import re

from viewer.analysis.normalize import display_text, normalize_tag

# Control characters (a stray \x1f or form feed in old exports) count as spaces: never a title alone.
# So does a line break inside what is one line (a lead of two lines): a block is one line of
# `Article.text`, and a break inside one would split the shown text from the indexed one.
_SPACES = re.compile(r"[ \x01-\x1f\x7f\u00a0\u2000-\u200b\u2028\u2029\u3000]+")
# Most lines have single plain spaces only: finding that out is cheaper than rewriting them.
_ODD_SPACES = re.compile(r"[\x01-\x1f\x7f\u00a0\u2000-\u200b\u2028\u2029\u3000]|  ")
_SENTENCE_END = (".", "!", "؟", "?", ":", "؛", "…", "»", '"', ")", "»", "»")


def clean_line(line: str) -> str:
    if _ODD_SPACES.search(line):
        line = _SPACES.sub(" ", line)
    return display_text(line).strip(" \u200c\u200f\u200e")


def clean_lines(text: str) -> list[str]:
    return [line for line in (clean_line(raw) for raw in text.split("\n")) if line]


def looks_like_heading(line: str) -> bool:
    """Short lines without a full stop are subheadings in saved news text."""
    return len(line.split()) <= 14 and not line.endswith(_SENTENCE_END)


def clean_tag(tag: str) -> str:
    return normalize_tag(tag).strip(" \u200c")
