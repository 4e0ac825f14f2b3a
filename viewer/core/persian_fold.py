"""The one table of Persian spelling variants: what the search index, note search and the names of
collections fold alike (Arabic ي/ك and the other letter forms, three digit sets, harakat, tatweel,
invisible format characters). Each user builds its translation table from it with `fold_table`,
choosing only what it does with the zero-width non-joiner and the hamza letters."""

from __future__ import annotations

ZWNJ = "\u200c"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# Letter forms of Arabic, Urdu and Kurdish keyboards and encodings, as Persian writes them.
LETTERS = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و", "ڪ": "ک", "ے": "ی", "ۍ": "ی", "ې": "ی",
}
# The letters above that carry a hamza or madda (kept where a word list writes them so).
HAMZA_LETTERS = "آؤأإ"
DIGITS = {d: str(i) for digits in (PERSIAN_DIGITS, ARABIC_DIGITS) for i, d in enumerate(digits)}
# Harakat and Quranic marks (incl. hamza above/below U+0654/5), superscript alef, tatweel,
# and invisible format characters (ZWJ, bidi marks and embeddings, BOM, soft hyphen).
MARKS = [chr(c) for c in range(0x064B, 0x0660)] + [chr(c) for c in range(0x06D6, 0x06EE)]
MARKS += ["\u0670", "\u0640", "\u200d", "\u2060", "\u200e", "\u200f", "\ufeff", "\u00ad"]
MARKS += [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]


def fold_table(zwnj: str | None, *, keep_hamza: bool = False, extra: dict[str, str | None] | None = None,
               ) -> dict[int, str | None]:
    """A `str.translate` table: letter forms made Persian, digits ASCII, marks dropped. `zwnj`: what
    the non-joiner becomes (None: dropped, ZWNJ: kept); `keep_hamza`: آ ؤ أ إ kept as written;
    `extra`: more replacements of the caller's own (they win)."""
    letters = {k: v for k, v in LETTERS.items() if not (keep_hamza and k in HAMZA_LETTERS)}
    replacements: dict[str, str | None] = {**letters, **DIGITS, **dict.fromkeys(MARKS), ZWNJ: zwnj}
    replacements.update(extra or {})
    return str.maketrans(replacements)


ASCII_DIGITS = str.maketrans(DIGITS)  # Persian and Arabic digits as 0-9, nothing else changed
