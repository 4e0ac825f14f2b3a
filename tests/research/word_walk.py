"""The collocations' word groups of a text worked out position by position from the analyzer: what
the index's `words` column must hold, decoded (word_groups.py stores it in bulk)."""

from __future__ import annotations

from viewer.analysis.analyzer import positions_of, token_pattern
from viewer.analysis.normalize import display_text
from viewer.analysis.word_groups import NO_GROUP, group_hash, group_of, spelling_hash


def walked_words(text: str) -> tuple[list[int], list[int]]:
    """Each word position's group hash and spelling hash, from the analyzer, position by position."""
    groups, spellings = [], []
    for token in token_pattern().findall(text):
        for keys in positions_of(token):
            group = group_of(keys)
            groups.append(NO_GROUP if group is None else group_hash(group))
            spellings.append(0 if group is None else spelling_hash(display_text(token)))
    return groups, spellings
