"""Approximate substring search: Myers' bit-parallel edit distance (as in Hypothesis' approx-string-match)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    errors: int


def _pattern_masks(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


def _match_ends(text: str, pattern: str, max_errors: int, *, anchored: bool = False) -> list[tuple[int, int]]:
    """(end, errors) for every end offset where `pattern` matches a substring of `text` within max_errors.

    `anchored`: the substring must start at 0 (errors is then the edit distance to text[:end]).
    """
    carry = 1 if anchored else 0
    m = len(pattern)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    masks = _pattern_masks(pattern)
    pv, mv, score = full, 0, m
    ends: list[tuple[int, int]] = []
    for j, ch in enumerate(text):
        eq = masks.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
        if score <= max_errors:
            ends.append((j + 1, score))
    return ends


def _best_start(text: str, pattern: str, end: int, errors: int) -> int:
    """The start of the alignment of `pattern` ending at `end` with `errors` edits (matching backwards from `end`)."""
    window = text[max(0, end - len(pattern) - errors):end][::-1]
    best_len, best_err = len(pattern), errors + 1
    for rev_end, err in _match_ends(window, pattern[::-1], errors, anchored=True):
        if err < best_err or (err == best_err and abs(rev_end - len(pattern)) < abs(best_len - len(pattern))):
            best_len, best_err = rev_end, err
    return end - best_len


def search(text: str, pattern: str, max_errors: int) -> list[Match]:
    """Non-overlapping best matches of `pattern` in `text` with at most `max_errors` edits each."""
    if not pattern or not text:
        return []
    ends = _match_ends(text, pattern, max_errors)
    # A run of adjacent ends is one match smeared by insertions/deletions: keep its minimum.
    matches: list[Match] = []
    run: list[tuple[int, int]] = []
    for end, err in ends:
        if run and end != run[-1][0] + 1:
            matches.append(_from_run(text, pattern, run))
            run = []
        run.append((end, err))
    if run:
        matches.append(_from_run(text, pattern, run))
    return matches


def _from_run(text: str, pattern: str, run: list[tuple[int, int]]) -> Match:
    end, err = min(run, key=lambda pair: pair[1])
    return Match(_best_start(text, pattern, end, err), end, err)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (for the short prefixes and suffixes of a quote)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similarity(a: str, b: str) -> float:
    """1.0 for equal strings, 0.0 for nothing in common (by edit distance)."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - edit_distance(a, b) / longest
