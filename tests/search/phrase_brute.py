"""Phrase occurrences the slow, obvious way, for comparing with what the app marks: the text run
through the index's analyzer as Whoosh runs it (positions, character spans; stopwords take no
position), then every run of consecutive positions whose keys are the phrase's, left to right."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.analysis.analyzer import LEMMA_PREFIX, persian_analyzer
from viewer.analysis.normalize import fold_word
from viewer.search.query.parser import normalize_query


@dataclass(frozen=True)
class Word:
    pos: int
    start: int  # the token holding it (a token may hold two words: یورو2020)
    end: int
    keys: frozenset[str]  # its surface key, and its lemma key (">...") when it has one


def analysed(text: str) -> list[Word]:
    """The word positions of `text` as the index holds them, in order."""
    by_pos: dict[int, tuple[int, int, set[str]]] = {}
    for token in persian_analyzer()(text, positions=True, chars=True, mode="index"):
        by_pos.setdefault(token.pos, (token.startchar, token.endchar, set()))[2].add(token.text)
    return [Word(pos, start, end, frozenset(keys)) for pos, (start, end, keys) in sorted(by_pos.items())]


def phrase_keys(phrase: str) -> list[str]:
    """The keys Whoosh's phrase query looks for, one per word, as it analyses the typed phrase."""
    return [token.text for token in persian_analyzer()(normalize_query(phrase).strip('"'), mode="query")]


def phrase_spans(text: str, phrase: str, joined: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of `phrase` in `text`: consecutive word positions holding the
    phrase's keys as their surface keys, never overlapping, left to right. With `joined`, a phrase of
    two words also occurs as one word written joined (`تیم‌ملی`, `تیمملی` for "تیم ملی"), by its key
    or its own lemma token, as the search looks for it when the archive holds it."""
    keys = phrase_keys(phrase)
    words = analysed(text)
    one_word = fold_word("".join(normalize_query(phrase).strip('"').split())) if joined and len(keys) == 2 else None
    found: list[tuple[int, int]] = []
    at = 0
    while at < len(words):
        run = words[at:at + len(keys)]
        if len(run) == len(keys) and all(key in word.keys for key, word in zip(keys, run, strict=True)):
            found.append((run[0].start, run[-1].end))
            at += len(keys)
            continue
        if one_word is not None and {one_word, LEMMA_PREFIX + one_word} & words[at].keys:
            found.append((words[at].start, words[at].end))
        at += 1
    return found


def inside(mark: tuple[int, int], occurrence: tuple[int, int]) -> bool:
    """Whether a mark lies in an occurrence's tokens (a mark may leave out the other word of a
    token holding two)."""
    return occurrence[0] <= mark[0] < mark[1] <= occurrence[1]
