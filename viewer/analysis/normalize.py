"""Character folding for Persian text, as named steps with tables built once.

Two strengths:
- `display_text` fixes only what renders wrongly (Arabic ي/ك, bidi controls kept out) and keeps
  the length, so offsets into the shown text stay valid.
- `fold_word` builds the search key of one word: every spelling a researcher may meet or type
  (ي/ی, ك/ک, three digit sets, harakat, tatweel, hamza forms, ZWNJ or none) folds to one key.
"""

from __future__ import annotations

import re
import unicodedata

from viewer.core.persian_fold import DIGITS, LETTERS, MARKS, ZWNJ, fold_table

_LETTERS, _DIGITS, _DELETED = LETTERS, DIGITS, MARKS  # the one table of variants (viewer/core/persian_fold.py)
_FOLD_TABLE = fold_table(None)
# The lemmatizer's word list is written with آ and hamza, so keys for it keep them.
_LEMMA_TABLE = fold_table(ZWNJ, keep_hamza=True)

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# ارائه/ارایه, رئیس/رییس, پائیز/پاییز; مسئول/مسوول; مسئله/مساله, هیئت/هیات.
_HAMZA_RULES = (
    (re.compile("(?<=ا)ئ"), "ی"),
    (re.compile("ئ(?=ی)"), "ی"),
    (re.compile("ئ(?=و)"), "و"),
    (re.compile("(?<=\\w)ئ"), "ا"),
    (re.compile("(?<=\\w)ء$"), ""),
)


def display_text(text: str) -> str:
    """Text as the pane shows it: same length as the input, Arabic letter forms made Persian."""
    # str.replace runs in C; translate with a dict costs a lookup per character (5x slower here).
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def compose_presentation_forms(word: str) -> str:
    if PRESENTATION_FORMS.search(word):
        return unicodedata.normalize("NFKC", word)
    return word


def lemma_form(word: str) -> str:
    """The spelling hazm's word lists use: Persian letters, ASCII digits, ZWNJ and hamza kept."""
    return compose_presentation_forms(word).translate(_LEMMA_TABLE).lower()


def fold_word(word: str) -> str:
    """The search key of one word. Not length-preserving: use it on token text only."""
    key = compose_presentation_forms(word).translate(_FOLD_TABLE).lower()
    if "ئ" in key or "ء" in key:
        for pattern, replacement in _HAMZA_RULES:
            key = pattern.sub(replacement, key)
    return key


# `coarse_fold`: fold_word's letter and digit tables, its deletions, spaces (joined affixes), then
# ئ and every letter a hamza rule writes it as (ی و ا) made one, ء dropped, decimal separators made `.`.
_COARSE_STEPS = tuple(
    [(old, new) for old, new in {**_LETTERS, **_DIGITS}.items()]
    + [(old, "") for old in [*_DELETED, ZWNJ, " ", "\u00a0"]]
    + [("ئ", "ی"), ("و", "ی"), ("ا", "ی"), ("ء", ""), ("\u066b", "."), ("/", ".")]
)


# `copy_fold`: what differs between copies of one text (ي/ی, ك/ک, three digit sets, harakat, tatweel,
# ZWNJ, ئ or ی, hamza forms), nothing that tells two words apart: ا, و and ی stay distinct.
_COPY_STEPS = tuple(
    [(old, new) for old, new in {**_LETTERS, **_DIGITS}.items()]
    + [(old, "") for old in [*_DELETED, ZWNJ, "\u00a0"]]
    + [("ئ", "ی"), ("ء", "")]
)


def copy_fold(text: str) -> str:
    """Text folded to what two copies of it share whatever their file, format or encoding; spaces
    other than no-break spaces are left to the caller. C-speed passes, like `coarse_fold`."""
    for old, new in _COPY_STEPS:
        if old in text:
            text = text.replace(old, new)
    return text


# A letter written twice or more in a row, written once by `coarse_fold`: a stretched word (`سلااام`)
# is searched by its letters written once or twice (analyzer.unstretched).
_REPEATED_LETTER = re.compile(r"([\u0620-\u064a\u0671-\u06d3])\1+")


def coarse_fold(text: str) -> str:
    """A coarser fold of any text, in C-speed passes: whenever `fold_word(word)` holds `key`, the
    coarse fold of a text containing `word` holds `coarse_fold(key)` (for lower-case text without
    presentation forms). Snippets use it to skip paragraphs that cannot hold a hit."""
    for old, new in _COARSE_STEPS:
        if old in text:
            text = text.replace(old, new)
    return _REPEATED_LETTER.sub(r"\1", text)


def normalize_tag(tag: str) -> str:
    """A tag as shown and as faceted: Persian letters, single spaces, ZWNJ kept."""
    return " ".join(display_text(tag).replace("\u200f", "").replace("\u200e", "").split())
