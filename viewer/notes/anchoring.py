"""Anchors that survive edits: selectors from a range, and finding that range again in changed text.

Order of attempts (as Hypothesis does): the quote where it was; the exact copy of the quote whose
context matches best (then the nearest); failing that, near matches (Myers' bit-parallel search)
and any exact copies scored together by quote, prefix, suffix and position. Anything weaker is an
orphan (None), never a guess.
"""

from __future__ import annotations

from viewer.core.annotation import CONTEXT_CHARS, TextPositionSelector, TextQuoteSelector
from viewer.core.errors import BayeganError
from viewer.notes import fuzzy

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
MAX_FUZZY_ERRORS = 256
MIN_FUZZY_QUOTE = 0.5  # a near match has at most half the quote's characters changed …
MIN_FUZZY_CONTEXT = 0.5  # … and half its context (prefix and suffix on average) still beside it,
STRONG_FUZZY_QUOTE, LONG_QUOTE = 0.9, 32  # unless it is a long quote, nine tenths intact


class AnchorError(BayeganError):
    """A range that is not inside the article's text."""


def describe(text: str, start: int, end: int) -> tuple[TextQuoteSelector, TextPositionSelector]:
    """The selectors for text[start:end]."""
    if not (0 <= start < end <= len(text)):
        raise AnchorError(
            f"The range {start}–{end} is not inside the article's text (0–{len(text)}).",
            f"بازهٔ {start} تا {end} درون متن خبر (۰ تا {len(text)}) نیست.",
        )
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
    )
    return quote, TextPositionSelector(start, end)


def locate(text: str, quote: TextQuoteSelector, position: TextPositionSelector | None) -> tuple[int, int] | None:
    """Where `quote` is in `text` now, or None if it cannot be placed with confidence."""
    exact = quote.exact
    if not exact:
        return None
    if position is not None and text[position.start:position.end] == exact:
        return position.start, position.end
    hint = position.start if position is not None else None
    exact_hits = _exact_occurrences(text, exact)
    if exact_hits:
        best = max(exact_hits, key=lambda start: _exact_score(text, quote, start, hint))
        if _context_holds(text, quote, best):
            return best, best + len(exact)
    # No copy of the quote, or only copies in strange company: the passage itself may have been
    # edited where it stands. Weigh those copies against near matches, context and all.
    return _best_candidate(text, quote, hint, exact_hits)
def _exact_occurrences(text: str, exact: str) -> list[int]:
    starts, at = [], text.find(exact)
    while at != -1:
        starts.append(at)
        at = text.find(exact, at + 1)
    return starts


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _position_score(text: str, start: int, hint: int | None) -> float:
    if hint is None or not text:
        return 0.0
    return 1.0 - min(abs(start - hint), len(text)) / len(text)


def _exact_score(text: str, quote: TextQuoteSelector, start: int, hint: int | None) -> float:
    end = start + len(quote.exact)
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    prefix_score = _common_suffix(before, quote.prefix) / len(quote.prefix) if quote.prefix else 1.0
    suffix_score = _common_prefix(after, quote.suffix) / len(quote.suffix) if quote.suffix else 1.0
    return PREFIX_WEIGHT * prefix_score + SUFFIX_WEIGHT * suffix_score + POSITION_WEIGHT * _position_score(text, start, hint)


def _context_holds(text: str, quote: TextQuoteSelector, start: int) -> bool:
    """At least half of the saved context (prefix and suffix together) is still beside this copy."""
    saved = len(quote.prefix) + len(quote.suffix)
    if saved == 0:
        return True
    end = start + len(quote.exact)
    kept = (_common_suffix(text[max(0, start - len(quote.prefix)):start], quote.prefix)
            + _common_prefix(text[end:end + len(quote.suffix)], quote.suffix))
    return kept * 2 >= saved


def _best_candidate(text: str, quote: TextQuoteSelector, hint: int | None, exact_hits: list[int]) -> tuple[int, int] | None:
    exact = quote.exact
    candidates = [fuzzy.Match(start, start + len(exact), 0) for start in exact_hits]
    max_errors = min(MAX_FUZZY_ERRORS, len(exact) // 2)
    if max_errors > 0:
        candidates += [m for m in fuzzy.search(text, exact, max_errors) if m.errors > 0]
    best: tuple[float, int, int] | None = None
    for match in candidates:
        quote_score = 1.0 - match.errors / len(exact)
        prefix_score = _context_score(text[max(0, match.start - len(quote.prefix)):match.start], quote.prefix)
        suffix_score = _context_score(text[match.end:match.end + len(quote.suffix)], quote.suffix)
        sides = [score for score in (prefix_score, suffix_score) if score is not None]
        context = sum(sides) / len(sides) if sides else 1.0
        if match.errors and (quote_score < MIN_FUZZY_QUOTE or (context < MIN_FUZZY_CONTEXT and not (
                len(exact) >= LONG_QUOTE and quote_score >= STRONG_FUZZY_QUOTE))):
            continue
        score = (QUOTE_WEIGHT * quote_score + PREFIX_WEIGHT * (prefix_score if prefix_score is not None else 1.0)
                 + SUFFIX_WEIGHT * (suffix_score if suffix_score is not None else 1.0)
                 + POSITION_WEIGHT * _position_score(text, match.start, hint))
        if best is None or score > best[0]:
            best = (score, match.start, match.end)
    return None if best is None else (best[1], best[2])


def _context_score(found: str, wanted: str) -> float | None:
    """Similarity of the context around a candidate to the saved context; None when none was saved."""
    if not wanted:
        return None
    return fuzzy.similarity(found, wanted)
