"""Lemmas from hazm's word lists, loaded once, lazily, and cached per word.

hazm knows `می‌کند` and `کتاب‌ها` only with their zero-width non-joiner, while archives write
`میکند`/`کتابها` too; so the ZWNJ is restored at the affix boundary before asking hazm.
Unknown words (most names) are left whole: no blind stemming (hazm's Stemmer makes اصفهان اصفه).
"""

from __future__ import annotations

import threading
from typing import Protocol

from viewer.analysis.normalize import ZWNJ

VERB_PREFIXES = ("نمی", "می")
PLURAL_SUFFIXES = ("هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "های", "ها")
# Split only off words hazm does not know whole: بهتر and دفتر are words, not به+تر and دف+تر.
WEAK_SUFFIXES = ("ترین", "تر", "ای", "ام", "ات", "اش")


class _Lemmatizer(Protocol):
    words: set[str]

    def lemmatize(self, word: str, pos: str = "") -> str: ...


_lock = threading.Lock()
_lemmatizer: _Lemmatizer | None = None


def lemmatizer() -> _Lemmatizer:
    global _lemmatizer
    if _lemmatizer is None:
        with _lock:
            if _lemmatizer is None:
                from hazm import Lemmatizer

                _lemmatizer = Lemmatizer()
    return _lemmatizer


def preload() -> None:
    """Load hazm now (call it off the UI thread) so the first search does not wait."""
    lemmatizer()


def _zwnj_spellings(word: str, known: set[str]) -> list[str]:
    """`word`, then its spellings with a ZWNJ after a verb prefix or before a suffix."""
    spellings = [word]
    if ZWNJ in word:
        return spellings
    for prefix in VERB_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            spellings.append(prefix + ZWNJ + word[len(prefix):])
            break
    suffixes = PLURAL_SUFFIXES if word in known else PLURAL_SUFFIXES + WEAK_SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            spellings.append(word[: -len(suffix)] + ZWNJ + suffix)
    return spellings


def lemma_of(word: str) -> str:
    """hazm's lemma of `word` (in `lemma_form`), or `word` itself when hazm does not know it."""
    hazm = lemmatizer()
    # hazm's word list holds joined spellings (`کتابها`) as words of their own: split first.
    for spelling in [*_zwnj_spellings(word, hazm.words)[1:], word]:
        lemma = hazm.lemmatize(spelling)
        if lemma != spelling:
            return lemma
    return word
