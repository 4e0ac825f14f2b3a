"""Names of collections and saved searches: compared folded, so that one name is not taken twice
by spellings a reader sees as the same (Arabic ي/ك, a zero-width non-joiner or a space, Persian
or Latin digits, letter case)."""

from __future__ import annotations

import unicodedata

from viewer.core.errors import BayeganError
from viewer.core.persian_fold import fold_table

# The one table of variants (viewer/core/persian_fold.py), ZWNJ as a space; آ and hamza letters kept
# (آمار and امار are two names to a reader).
_FOLD = fold_table(" ", keep_hamza=True)
MAX_NAME_CHARS = 200


def clean_name(name: str) -> str:
    """The name as kept and shown: trimmed, spaces collapsed; an error when blank or too long."""
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not name_key(cleaned):  # blank, or only zero-width marks
        raise BayeganError("The name is empty.", "نام خالی است.")
    if len(cleaned) > MAX_NAME_CHARS:
        raise BayeganError(f"The name is longer than {MAX_NAME_CHARS} characters.",
                           f"نام از {MAX_NAME_CHARS} نویسه بلندتر است.")
    return cleaned


def name_key(name: str) -> str:
    """What two names must differ in to be two names."""
    folded = unicodedata.normalize("NFKC", name).translate(_FOLD).casefold()
    return " ".join(folded.split())
