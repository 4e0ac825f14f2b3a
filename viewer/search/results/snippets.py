"""Snippets of ~200 characters around the best hits, every matched spelling marked.

The text is tokenized by the index's own analyzer, so a token lights up when its surface key or its
lemma key is one the document matched: `كتاب` in the text for `کتاب` typed, `۱۴۰۲` for `1402`,
`کتاب‌ها` for `کتاب` (by lemma). Offsets come from the stored text, so the marks sit exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from html import escape

from viewer.analysis.analyzer import LEMMA_PREFIX, lemma_keys, surface_keys, token_pattern, word_spans
from viewer.analysis.normalize import PRESENTATION_FORMS, coarse_fold

SNIPPET_CHARS = 200
_LEAD_IN = 60  # characters shown before a fragment's first hit
_BETWEEN = " "
_GROUP = re.Match.group
_TOKEN = token_pattern()
_NEWLINE = re.compile("\n")


def matched_spans(text: str, keys: set[str] | frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) of each token of `text` whose surface or lemma key is in `keys`.

    A token's lemma is looked up only when its surface holds a stem of a lemma key (`کتاب` in
    `کتابها`, `رو` in `میروند`): on a cold cache, lemmas of a whole article cost more than the search."""
    stems = {stem for key in keys if key.startswith(LEMMA_PREFIX) for stem in key[1:].split("#") if stem}
    # A plural in -گان drops its base's ه (نماینده, نمایندگان).
    stems |= {stem[:-1] for stem in stems if stem.endswith("ه") and len(stem) > 3}
    needles = stems | {key for key in keys if not key.startswith(LEMMA_PREFIX)}
    spans: list[tuple[int, int, str]] = []
    for start, end in _lines_to_read(text, needles):
        # Each distinct token is looked up once (an article repeats most of its words), and the loop
        # over every token stays in C until a token that matched.
        matches = list(_TOKEN.finditer(text, start, end))
        tokens = list(map(_GROUP, matches))
        matched = {token: key for token in set(tokens) if (key := _matched_key(token, keys, stems)) is not None}
        if matched:
            for i, token in enumerate(tokens):
                if token in matched:
                    spans += _marks(matches[i].start(), token, matched[token], keys, stems)
    return spans


def _marks(start: int, token: str, key: str, keys: set[str] | frozenset[str],
           stems: set[str]) -> list[tuple[int, int, str]]:
    """The marks of one matched token: the whole token, or only the words of it that matched when
    it holds several (`یورو` in `یورو2020`, `سال` in `می سال`)."""
    inner = word_spans(token)
    if inner is None:
        return [(start, start + len(token), key)]
    marks = [(start + a, start + b, found) for a, b in inner
             if (found := _matched_key(token[a:b], keys, stems)) is not None]
    return marks or [(start, start + len(token), key)]


def _lines_to_read(text: str, needles: set[str]) -> list[tuple[int, int]]:
    """(start, end) of the lines of `text` that may hold a token matching: those whose coarse fold
    holds a needle's. Tokens never cross a line, and the fold runs in C while the tokenizer does not
    (a 47,000-character article holds a two-word query's hits in a few of its ~100 lines)."""
    if PRESENTATION_FORMS.search(text):
        return [(0, len(text))]
    cased = any(needle != needle.upper() for needle in needles)
    folded = coarse_fold(text.lower() if cased else text)
    # The fold keeps every newline, so line i of the fold is line i of the text.
    folded_ends = [m.start() for m in _NEWLINE.finditer(folded)]
    wanted: set[int] = set()
    for needle in {coarse_fold(needle) for needle in needles}:
        at = folded.find(needle)
        while at != -1:
            line = bisect_left(folded_ends, at)
            wanted.add(line)
            if line == len(folded_ends):
                break
            at = folded.find(needle, folded_ends[line] + 1)
    if not wanted:
        return []
    ends = [m.start() for m in _NEWLINE.finditer(text)] + [len(text)]
    return [(ends[line - 1] + 1 if line else 0, ends[line]) for line in sorted(wanted)]


def _matched_key(token: str, keys: set[str] | frozenset[str], stems: set[str]) -> str | None:
    surfaces = surface_keys(token)
    for surface in surfaces:
        if surface in keys:
            return surface
    if stems and any(stem in surface for surface in surfaces for stem in stems):
        for lemma in lemma_keys(token):
            if lemma in keys:
                return lemma
    return None


def _window(spans: list[tuple[int, int, str]], first: int, width: int) -> tuple[int, int, int]:
    """(score, index of the last span inside, end) of the window starting before spans[first]."""
    start = spans[first][0]
    last = first
    while last + 1 < len(spans) and spans[last + 1][1] <= start + width:
        last += 1
    distinct = len({key for _, _, key in spans[first:last + 1]})
    return distinct * 100 + (last - first), last, start


def _fragment(text: str, spans: list[tuple[int, int, str]], width: int) -> str:
    begin = max(0, spans[0][0] - _LEAD_IN)
    if begin:
        space = text.find(" ", begin, spans[0][0])
        begin = space + 1 if space != -1 else begin
    end = min(len(text), begin + width)
    end = max(end, spans[-1][1])
    if end < len(text):
        space = text.rfind(" ", spans[-1][1], end)
        end = space if space != -1 else end
    out = ["…" if begin else ""]
    cursor = begin
    for start, stop, _ in spans:
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append("<b>" + escape(text[start:stop]) + "</b>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")


def make_snippet(text: str, keys: set[str] | frozenset[str], top: int = 2) -> str:
    """HTML-escaped snippet with each hit as <b>…</b>; up to `top` fragments joined by an ellipsis."""
    spans = matched_spans(text, keys) if keys else []
    if not spans:
        return fallback_snippet(text)
    width = SNIPPET_CHARS - _LEAD_IN
    best = max(range(len(spans)), key=lambda i: _window(spans, i, width)[0])
    _, last, _ = _window(spans, best, width)
    chosen = [(best, last)]
    if top > 1:
        shown = {key for _, _, key in spans[best:last + 1]}
        for i, span in enumerate(spans):
            if span[2] not in shown and (i < best or i > last):
                _, other_last, _ = _window(spans, i, width // 2)
                if i > last or other_last < best:
                    chosen.append((i, min(other_last, best - 1) if i < best else other_last))
                    break
    chosen.sort()
    widths = SNIPPET_CHARS if len(chosen) == 1 else SNIPPET_CHARS // 2 + _LEAD_IN // 2
    return _BETWEEN.join(_fragment(text, spans[a:b + 1], widths) for a, b in chosen)


def fallback_snippet(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return escape(text).replace("\n", " ")
    return escape(text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…").replace("\n", " ")
