"""Persian folding for searching note text, with the table the index folds by (notes may import only
core). Folded text has Arabic ي/ك as ی/ک, one form of ه/ا, digits in ASCII, no diacritics or tatweel,
and no ZWNJ or spaces at all — so `می‌کند`, `میکند` and `می کند` all fold to the same letters.
"""

from __future__ import annotations

from viewer.core.persian_fold import fold_table

# The one table of variants (viewer/core/persian_fold.py), ZWNJ dropped, and ئ as ی: a note is
# searched for letters, not for how a hamza was written.
_TABLE = fold_table(None, extra={"ئ": "ی"})


def fold_for_search(text: str) -> str:
    """Lower-cased, folded, without separators inside words or between them."""
    return "".join(text.translate(_TABLE).lower().split())


def query_terms(query: str) -> list[str]:
    """The folded words of a query; a note matches when every one occurs in its folded text."""
    return [term for term in (fold_for_search(word) for word in query.split()) if term]
