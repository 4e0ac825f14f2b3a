"""A small Persian folding for searching note text (notes may not import viewer.analysis).

Folded text has Arabic ي/ك as ی/ک, one form of ه/ا, digits in ASCII, no diacritics or tatweel, and no
ZWNJ or spaces at all — so `می‌کند`, `میکند` and `می کند` all fold to the same letters.
"""

from __future__ import annotations

_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
}
_DIGITS = {ord(d): str(i) for digits in ("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩") for i, d in enumerate(digits)}
_DROPPED = "\u200c\u200d\u200e\u200f\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"

_TABLE = str.maketrans({**{ord(k): v for k, v in _LETTERS.items()}, **_DIGITS, **{ord(c): None for c in _DROPPED}})


def fold_for_search(text: str) -> str:
    """Lower-cased, folded, without separators inside words or between them."""
    return "".join(text.translate(_TABLE).lower().split())


def query_terms(query: str) -> list[str]:
    """The folded words of a query; a note matches when every one occurs in its folded text."""
    return [term for term in (fold_for_search(word) for word in query.split()) if term]
