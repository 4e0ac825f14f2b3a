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
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from viewer.analysis.analyzer import LEMMA_PREFIX, positions_of, token_pattern
from viewer.analysis.normalize import display_text, fold_word
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.matches import MatchedArticle, Matches
from viewer.search.query.occurrences import QueryPattern, word_positions

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
    counts = _Counts()
    with _FORMS_LOCK:
        table = _shared_forms()
        chunk: list[MatchedArticle] = []
        for article in found.articles():
            stop_if_cancelled(cancel)
            chunk.append(article)
            if len(chunk) == _CHUNK:
                counts.add(table, _Chunk.of(chunk, table, found.pattern, cancel), span)
                chunk = []
        if chunk:
            counts.add(table, _Chunk.of(chunk, table, found.pattern, cancel), span)
        return counts.ranked(table, top)


_CHUNK = 2000  # articles turned into arrays at once: bounds the memory of a long match list
_FORMS_LIMIT = 200_000  # tokens the shared table keeps (~60 MB, as the analyzer's caches) before starting afresh


class _Forms:
    """Each distinct token seen gets an id and its word positions consecutive codes: a code ("form")
    stands for one word position of one token, with its group id (-1: none), its keys and the token
    (its spelling).
    Kept between questions (the analysis of a token never changes), so a second question analyses
    only the tokens the first did not meet; whether a form is an occurrence depends on the query
    and is looked up by key (`nodes`)."""

    def __init__(self) -> None:
        self.token_ids: dict[str, int] = {}
        self.first_code: list[int] = []  # of each token id
        self.code_count: list[int] = []  # its word positions (0 for a function word)
        self.group_ids: dict[str, int] = {}
        self.group_names: list[str] = []
        self.form_group: list[int] = []
        self.form_token: list[int] = []
        self.forms_of_key: defaultdict[str, list[int]] = defaultdict(list)
        self.tokens: list[str] = []

    def learn(self, tokens: set[str]) -> None:
        for token in tokens.difference(self.token_ids):
            token_id = self.token_ids[token] = len(self.tokens)
            self.tokens.append(token)
            self.first_code.append(len(self.form_group))
            self.code_count.append(0)
            for keys in positions_of(token):
                group = group_of(keys)
                group_id = -1
                if group is not None:
                    group_id = self.group_ids.get(group, -1)
                    if group_id < 0:
                        group_id = self.group_ids[group] = len(self.group_names)
                        self.group_names.append(group)
                code = len(self.form_group)
                self.code_count[token_id] += 1
                self.form_group.append(group_id)
                self.form_token.append(token_id)
                for key in keys:
                    self.forms_of_key[key].append(code)

    def arrays(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Each form's group id and token id."""
        return np.asarray(self.form_group, dtype=np.int64), np.asarray(self.form_token, dtype=np.int64)

    def nodes(self, wanted: frozenset[str] | set[str]) -> npt.NDArray[np.bool_]:
        """Whether each form holds one of the `wanted` keys (is an occurrence of a word)."""
        node = np.zeros(len(self.form_group), dtype=np.bool_)
        for key in wanted:
            node[self.forms_of_key.get(key, [])] = True
        return node


_FORMS_LOCK = threading.Lock()
_forms: list[_Forms] = []


def _shared_forms() -> _Forms:
    """The table kept between questions (call with `_FORMS_LOCK` held)."""
    if not _forms or len(_forms[0].tokens) > _FORMS_LIMIT:
        _forms[:] = [_Forms()]
    return _forms[0]


@dataclass
class _Chunk:
    """Some articles' word positions end to end: each position's form code, where each article
    starts, and the occurrences (first, last position; None: each word occurrence is one)."""

    codes: npt.NDArray[np.int64]
    starts: npt.NDArray[np.int64]
    occurrences: list[tuple[int, int]] | None
    wanted: frozenset[str] | set[str]

    @classmethod
    def of(cls, articles: list[MatchedArticle], table: _Forms, pattern: QueryPattern, cancel: Cancel) -> _Chunk:
        token_ids: list[int] = []
        token_starts: list[int] = []  # where each article's tokens begin
        spans: list[tuple[int, int, int]] = []  # (article, first, last) of each phrase occurrence
        lookup = table.token_ids.__getitem__
        for at, article in enumerate(articles):
            stop_if_cancelled(cancel)
            tokens = _TOKEN.findall(article.text)
            base = len(token_ids)
            token_starts.append(base)
            try:
                token_ids.extend(map(lookup, tokens))
            except KeyError:  # a token not met before: analyse the article's new tokens
                del token_ids[base:]
                table.learn(set(tokens))
                token_ids.extend(map(lookup, tokens))
            if pattern.phrases:
                spans.extend((at, first, last) for first, last in pattern.spans(word_positions(article.text)))
        ids = np.asarray(token_ids, dtype=np.int64)
        first_code = np.asarray(table.first_code, dtype=np.int64)[ids]
        count = np.asarray(table.code_count, dtype=np.int64)[ids]
        # each token's codes are consecutive: token t at position p gives first_code[t] + 0..count[t]-1
        before = np.concatenate(([0], np.cumsum(count)))
        codes = np.repeat(first_code - before[:-1], count) + np.arange(before[-1])
        starts = before[np.asarray(token_starts, dtype=np.int64)]
        occurrences = None
        if pattern.phrases:
            occurrences = [(int(starts[at]) + first, int(starts[at]) + last) for at, first, last in spans]
        return cls(codes, starts, occurrences, pattern.words)


class _Counts:
    """The counts of a question, added up chunk by chunk."""

    def __init__(self) -> None:
        self.together = np.zeros(0, dtype=np.int64)
        self.frequency = np.zeros(0, dtype=np.int64)
        self.window_groups: list[npt.NDArray[np.int64]] = []
        self.window_tokens: list[npt.NDArray[np.int64]] = []

    def add(self, table: _Forms, chunk: _Chunk, span: int) -> None:
        form_group, form_token = table.arrays()
        size = len(table.group_names)
        groups = form_group[chunk.codes]
        self.frequency = _grown(self.frequency, size) + np.bincount(groups[groups >= 0], minlength=size)
        length = len(groups)
        if not length:
            self.together = _grown(self.together, size)
            return
        # each position's article's first and past-the-end position
        article_of = np.searchsorted(chunk.starts, np.arange(length), side="right") - 1
        ends = np.append(chunk.starts[1:], length)
        if chunk.occurrences is None:
            first = last = np.flatnonzero(table.nodes(chunk.wanted)[chunk.codes])
        else:
            pairs = np.asarray(chunk.occurrences, dtype=np.int64).reshape(-1, 2)
            first, last = pairs[:, 0], pairs[:, 1]
        window = np.zeros(length, dtype=np.bool_)
        low = chunk.starts[article_of[first]] if len(first) else first
        high = ends[article_of[last]] if len(last) else last
        for step in range(1, span + 1):
            before = first - step
            window[before[before >= low]] = True
            after = last + step
            window[after[after < high]] = True
        if chunk.occurrences is None:
            window[first] = False
        else:
            inside = np.zeros(length + 1, dtype=np.int64)
            np.add.at(inside, first, 1)
            np.add.at(inside, last + 1, -1)
            window[np.cumsum(inside[:length]) > 0] = False
        at = np.flatnonzero(window)
        chosen = groups[at]
        kept = chosen >= 0
        self.together = _grown(self.together, size) + np.bincount(chosen[kept], minlength=size)
        self.window_groups.append(chosen[kept])
        self.window_tokens.append(form_token[chunk.codes[at[kept]]])

    def ranked(self, table: _Forms, top: int) -> list[Collocate]:
        size = len(table.group_names)
        together, frequency = _grown(self.together, size), _grown(self.frequency, size)
        window_total = int(together.sum())
        total = int(frequency.sum())
        if not total or top <= 0:
            return []
        expected = window_total * frequency / total
        candidates = np.flatnonzero((together > 0) & (together > expected))
        scores = np.array([log_likelihood(int(together[g]), window_total, int(frequency[g]), total)
                           for g in candidates], dtype=np.float64)
        # the first `top` by score and count, and every one tied with the last (the spelling decides)
        order = np.lexsort((-together[candidates], -scores))
        if len(order) > top:
            last = order[top - 1]
            tied = (scores == scores[last]) & (together[candidates] == together[candidates[last]])
            order = np.union1d(order[:top], np.flatnonzero(tied))
        chosen = candidates[order]
        if not len(chosen):
            return []
        words = self.spellings(table, chosen)
        found = [Collocate(words[int(g)], int(together[g]), float(scores[at]), int(frequency[g]))
                 for at, g in zip(order, chosen, strict=True)]
        found.sort(key=lambda c: (-c.score, -c.count, c.word))
        return found[:top]

    def spellings(self, table: _Forms, groups: npt.NDArray[np.int64]) -> dict[int, str]:
        """Each group's most frequent spelling in the windows."""
        window_groups = np.concatenate(self.window_groups) if self.window_groups else np.zeros(0, np.int64)
        window_tokens = np.concatenate(self.window_tokens) if self.window_tokens else np.zeros(0, np.int64)
        kept = np.isin(window_groups, groups)
        pairs, counts = np.unique(np.stack((window_groups[kept], window_tokens[kept])), axis=1,
                                  return_counts=True)
        spelled: defaultdict[int, Counter[str]] = defaultdict(Counter)
        for group, token, count in zip(pairs[0].tolist(), pairs[1].tolist(), counts.tolist(), strict=True):
            spelled[group][display_text(table.tokens[token])] += count
        return {group: min(words.items(), key=lambda item: (-item[1], item[0]))[0]
                for group, words in spelled.items()}


def _grown(counts: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int64]:
    return counts if len(counts) == size else np.concatenate((counts, np.zeros(size - len(counts), np.int64)))
