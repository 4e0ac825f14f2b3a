"""Snippets of ~200 characters around the best hits, every matched spelling marked.

The hits are the query's occurrences (viewer/search/query/occurrences.py), found by the index's own
analyzer: a word lights up when its surface key or its lemma key is one the query looks for (`كتاب`
in the text for `کتاب` typed, `۱۴۰۲` for `1402`, `کتاب‌ها` for `کتاب` by lemma), a phrase only where
its words stand in a row. Offsets come from the stored text, so the marks sit exactly.
"""

from __future__ import annotations

from html import escape

from viewer.search.query.occurrences import Occurrence, QueryPattern

SNIPPET_CHARS = 200
_LEAD_IN = 60  # characters shown before a fragment's first hit
_BETWEEN = " "


def _window(spans: list[Occurrence], first: int, width: int) -> tuple[int, int, int]:
    """(score, index of the last span inside, end) of the window starting before spans[first]."""
    start = spans[first][0]
    last = first
    while last + 1 < len(spans) and spans[last + 1][1] <= start + width:
        last += 1
    distinct = len({key for _, _, key in spans[first:last + 1]})
    return distinct * 100 + (last - first), last, start


def _fragment(text: str, spans: list[Occurrence], width: int) -> str:
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


def make_snippet(text: str, pattern: QueryPattern, top: int = 2) -> str:
    """HTML-escaped snippet with each occurrence of `pattern` as <b>…</b>; up to `top` fragments
    joined by an ellipsis."""
    spans = pattern.occurrences(text)
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
