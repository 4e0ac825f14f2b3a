"""Collocations: the words that travel with a word, ranked by Dunning's log-likelihood (G²).

Why G²: a collocate is judged by a 2x2 table (the word inside the node's windows or not, this
collocate or another). Mutual information and the t-score either overrate pairs seen once or twice
or favour frequent function-like words; chi-square assumes expected counts far larger than news
windows give. G² (Dunning 1993, "Accurate methods for the statistics of surprise and coincidence")
stays accurate for the sparse counts of a concordance and is what AntConc and Sketch Engine offer as
their log-likelihood score. Only collocates seen more often than chance are ranked (a word the node
repels scores high too, but is no collocate).

The corpus the table is drawn from is the matching articles' texts: `count` is how many of the
collocate's word positions stand within `span` positions of an occurrence (a position in two
windows counts once; the occurrences themselves are left out); `frequency` is its count in those
texts, so `count` never exceeds it. Word positions are the
analyzer's (function words take none), hazm's stopword list is left out too, and forms are grouped
by the analyzer: by lemma when it has one, else by its search key, shown as its most frequent
spelling."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from viewer.analysis.analyzer import LEMMA_PREFIX, positions_of, token_pattern
from viewer.analysis.normalize import display_text, fold_word
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.matches import Matches
from viewer.search.query.occurrences import word_positions

_TOKEN = token_pattern()
DEFAULT_SPAN = 5
DEFAULT_TOP = 20


@dataclass(frozen=True)
class Collocate:
    word: str  # its most frequent spelling in the windows
    count: int  # its positions within the span of an occurrence
    score: float  # G², log-likelihood
    frequency: int = 0  # in the matching texts

    def as_json(self) -> dict[str, object]:
        return {"word": self.word, "count": self.count, "score": round(self.score, 3), "frequency": self.frequency}


@cache
def hazm_stopwords() -> frozenset[str]:
    """hazm's stopword list (its data/stopwords.dat), folded; read as a file: importing hazm.utils
    loads the whole of hazm (~1.5 s)."""
    import importlib.util

    spec = importlib.util.find_spec("hazm")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        listed = Path(folder) / "data" / "stopwords.dat"
        if listed.exists():
            words = listed.read_text("utf-8").split("\n")
            return frozenset(fold_word(word.strip()) for word in words if word.strip())
    from hazm.utils import stopwords_list

    return frozenset(fold_word(word) for word in stopwords_list())


def group_of(keys: tuple[str, ...]) -> str | None:
    """The key a word position's forms are grouped by (its lemma, else its surface key), None for a
    stopword or a number."""
    surface = keys[0]
    stop = hazm_stopwords()
    if surface in stop or surface.isdigit():
        return None
    lemma = next((key for key in keys[1:] if key.startswith(LEMMA_PREFIX)), None)
    if lemma is None:
        return surface
    written = lemma[1:].split("#")[0] or surface
    return None if written in stop else lemma


def log_likelihood(together: int, window_total: int, frequency: int, total: int) -> float:
    """G² of a 2x2 table: `together` in the windows, `window_total` window positions, the collocate's
    `frequency` among `total` positions."""
    o11 = together
    o12 = max(0, window_total - together)
    o21 = max(0, frequency - together)
    o22 = max(0, total - window_total - o21)
    n = o11 + o12 + o21 + o22
    if n == 0:
        return 0.0
    rows = (o11 + o12, o21 + o22)
    cols = (o11 + o21, o12 + o22)
    score = 0.0
    for observed, row, col in ((o11, 0, 0), (o12, 0, 1), (o21, 1, 0), (o22, 1, 1)):
        expected = rows[row] * cols[col] / n
        if observed > 0 and expected > 0:
            score += observed * math.log(observed / expected)
    return 2 * score


def collocates(found: Matches, *, span: int = DEFAULT_SPAN, top: int = DEFAULT_TOP,
               cancel: Cancel = never) -> list[Collocate]:
    """The `top` collocates of the query's occurrences (see the module docstring)."""
    span = max(1, span)
    together: Counter[str] = Counter()
    frequency: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    window_total = 0
    total = 0
    pattern = found.pattern
    wanted = pattern.words
    # token as found -> (group, is an occurrence of a word) of each of its word positions
    known: dict[str, tuple[tuple[str | None, bool], ...]] = {}
    for article in found.articles():
        stop_if_cancelled(cancel)
        tokens: list[str] = []
        groups: list[str | None] = []
        nodes: list[int] = []
        for token in _TOKEN.findall(article.text):
            parts = known.get(token)
            if parts is None:
                parts = known[token] = tuple((group_of(keys), not wanted.isdisjoint(keys))
                                             for keys in positions_of(token))
            for group, node in parts:
                if node:
                    nodes.append(len(groups))
                tokens.append(token)
                groups.append(group)
        if pattern.phrases:
            occurrences = pattern.spans(word_positions(article.text))
        else:
            occurrences = [(at, at) for at in nodes]
        for group in groups:
            if group is not None:
                frequency[group] += 1
                total += 1
        inside = {at for first, last in occurrences for at in range(first, last + 1)}
        window: set[int] = set()
        for first, last in occurrences:
            window.update(range(max(0, first - span), first))
            window.update(range(last + 1, min(len(groups), last + span + 1)))
        for at in window - inside:
            group = groups[at]
            if group is None:
                continue
            window_total += 1
            together[group] += 1
            spellings[group][display_text(tokens[at])] += 1
    scored: list[Collocate] = []
    for group, count in together.items():
        expected = window_total * frequency[group] / total if total else 0.0
        if count <= expected:
            continue
        score = log_likelihood(count, window_total, frequency[group], total)
        word = min(spellings[group].items(), key=lambda item: (-item[1], item[0]))[0]
        scored.append(Collocate(word, count, score, frequency[group]))
    scored.sort(key=lambda c: (-c.score, -c.count, c.word))
    return scored[:max(0, top)]
