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
spelling.

Nothing is analysed at question time: each article's word positions are read as numbers the index
stores (the `words` column, viewer/analysis/word_groups.py: a hash of each position's group and of
its spelling, numbered by the archive's table of them, viewer/search/indexing/word_table.py), a
word's occurrences are its postings' positions, and windows and counts are numpy
work over whole chunks of articles. Only the few spellings shown are read back from texts."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.analysis.analyzer import positions_of, token_pattern
from viewer.analysis.normalize import display_text
from viewer.analysis.word_groups import group_of, hazm_stopwords
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.matches import Matches
from viewer.search.indexing.word_table import numbered_parts, numbers_of, places_start, table_of
from viewer.search.query.docsets import held
from viewer.search.query.occurrences import word_positions

__all__ = ["DEFAULT_SPAN", "DEFAULT_TOP", "Collocate", "collocates", "group_of", "hazm_stopwords", "log_likelihood"]

_TOKEN = token_pattern()
_FIELD = "text"
_COLUMN = "words"
DEFAULT_SPAN = 5
DEFAULT_TOP = 20
_CHUNK = 4000  # articles counted at once: bounds the memory of a long match list

Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Collocate:
    word: str  # its most frequent spelling in the windows
    count: int  # its positions within the span of an occurrence
    score: float  # G², log-likelihood
    frequency: int = 0  # in the matching texts

    def as_json(self) -> dict[str, object]:
        return {"word": self.word, "count": self.count, "score": round(self.score, 3), "frequency": self.frequency}


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
    leaves = [(leaf.reader(), offset) for leaf, offset in found.searcher.whoosh.leaf_searchers()]
    # each segment's words column read once a question (its reader reads the column's offsets and
    # dictionary: once a chunk, that would be ~4 MB read again a chunk at a million articles)
    columns = [reader.column_reader(_COLUMN, translate=False) if reader.has_column(_COLUMN) else None
               for reader, _ in leaves]
    counts = _Counts()
    docnums = np.asarray(found.docnums, dtype=np.int64)
    for at in range(0, len(docnums), _CHUNK):
        stop_if_cancelled(cancel)
        counts.add(_Chunk.of(found, leaves, columns, docnums[at:at + _CHUNK].tolist(), cancel), span)
    stop_if_cancelled(cancel)
    return counts.ranked(found, top)


_INDEX_TYPES = {1: "<u1", 2: "<u2", 4: "<u4"}


@dataclass
class _Chunk:
    """Some articles' word positions end to end (laid out by the width of their stored entry
    numbers, not by docnum): each position's group and spelling hash, where each article starts, its
    docnum, and the occurrences (first, last position of each)."""

    groups: npt.NDArray[np.uint64]
    spellings: npt.NDArray[np.uint32]
    starts: Ints  # of each article, and the end
    docnums: Ints  # of each article
    first: Ints
    last: Ints

    @classmethod
    def of(cls, found: Matches, leaves: list[tuple[Any, int]], columns: list[Any], docnums: list[int],
           cancel: Cancel) -> _Chunk:
        values = _stored_values(leaves, columns, docnums)
        parts = [numbered_parts(value) for value in values]
        # stable: docnum order among the articles of one (position width, entry-number width)
        order = sorted(range(len(values)), key=lambda at: parts[at][2:4])
        entries = np.asarray([parts[at][0] for at in order], dtype=np.int64)
        lengths = np.asarray([parts[at][1] for at in order], dtype=np.int64)
        numbers: list[Ints] = []
        places: list[Ints] = []
        for widths in sorted({parts[at][2:4] for at in order}):
            width = widths[0]
            alike = [at for at in order if parts[at][2:4] == widths]
            numbers.append(numbers_of([values[at] for at in alike], [parts[at] for at in alike]))
            places.append(np.frombuffer(b"".join(values[at][places_start(parts[at]):] for at in alike),
                                        _INDEX_TYPES[width]).astype(np.int64))
        entry_starts = np.concatenate(([0], np.cumsum(entries)[:-1])).astype(np.int64)
        codes = np.concatenate(numbers)[np.concatenate(places) + np.repeat(entry_starts, lengths)] if numbers else \
            np.zeros(0, dtype=np.int64)
        group_table, spelling_table = _table(found, int(codes.max()) + 1 if len(codes) else 0)
        known = codes < len(group_table)  # always, unless the table was removed by hand: no group then
        if not known.all():
            codes = np.where(known, codes, 0)
        starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        placed = np.asarray(docnums, dtype=np.int64)[order]
        stop_if_cancelled(cancel)
        if found.pattern.phrases:
            first, last = _phrase_occurrences(found, placed, starts, cancel)
        else:
            first = last = _word_occurrences(found, leaves, placed, starts)
        groups = group_table[codes] if len(group_table) else np.zeros(len(codes), dtype=np.uint64)
        spellings = spelling_table[codes] if len(spelling_table) else np.zeros(len(codes), dtype=np.uint32)
        if not known.all():
            groups[~known] = 0
        return cls(groups, spellings, starts, placed, first, last)


def _table(found: Matches, needed: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32]]:
    """The archive's table of word entries (word_table.py), beside the index the searcher reads."""
    folder = getattr(found.searcher.ix.storage, "folder", None)
    if folder is None:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)
    return table_of(Path(folder), needed)


def _stored_values(leaves: list[tuple[Any, int]], columns: list[Any], docnums: list[int]) -> list[bytes]:
    """The `words` column's value of each of the ascending `docnums` (`columns`: each leaf's column
    reader, None for a segment without the column)."""
    values: list[bytes] = []
    at = 0
    for (reader, offset), column in zip(leaves, columns, strict=True):
        end = offset + reader.doc_count_all()
        upto = at
        while upto < len(docnums) and docnums[upto] < end:
            upto += 1
        if upto == at:
            continue
        if column is not None:
            values += [column[docnum - offset] for docnum in docnums[at:upto]]
        else:
            values += [b""] * (upto - at)
        at = upto
    return values


def _word_occurrences(found: Matches, leaves: list[tuple[Any, int]], placed: Ints, starts: Ints) -> Ints:
    """The chunk positions holding one of the query's keys (of the text: the tags' positions past
    its end are left out), ascending. A posting's value is its positions as an array, "H" (two
    bytes each) or "I" (four) first (PersianPositions.encode): read in one piece per width."""
    order = np.argsort(placed, kind="stable")
    ascending = placed[order].tolist()
    where = {docnum: int(at) for docnum, at in zip(ascending, order.tolist(), strict=True)}
    values: dict[int, tuple[list[bytes], list[int]]] = {ord("H"): ([], []), ord("I"): ([], [])}
    for reader, offset in leaves:
        end = offset + reader.doc_count_all()
        local = [docnum - offset for docnum in ascending if offset <= docnum < end]
        if not local:
            continue
        for key in found.pattern.words:
            if (_FIELD, key) not in reader:
                continue
            matcher = reader.postings(_FIELD, key)
            for docnum in held(matcher, local):
                value = matcher.value()
                raw, articles = values[value[0]]
                raw.append(value[1:])
                articles.append(where[docnum + offset])
    found_at: list[Ints] = []
    for code, width in ((ord("H"), 2), (ord("I"), 4)):
        raw, articles = values[code]
        if not raw:
            continue
        positions = np.frombuffer(b"".join(raw), f"=u{width}").astype(np.int64)
        article = np.repeat(np.asarray(articles, dtype=np.int64), [len(part) // width for part in raw])
        inside = positions < starts[article + 1] - starts[article]
        found_at.append(positions[inside] + starts[article[inside]])
    if not found_at:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(found_at))


def _phrase_occurrences(found: Matches, placed: Ints, starts: Ints, cancel: Cancel) -> tuple[Ints, Ints]:
    """(first, last) chunk position of each phrase occurrence, read from the texts."""
    reader = found.searcher.whoosh.reader()
    pairs: list[tuple[int, int]] = []
    for at, docnum in enumerate(placed.tolist()):
        stop_if_cancelled(cancel)
        text = str(reader.stored_fields(docnum).get("text", ""))
        base = int(starts[at])
        pairs += [(base + first, base + last) for first, last in found.pattern.spans(word_positions(text))]
    both = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    return both[:, 0], both[:, 1]


class _Counts:
    """The counts of a question, added up chunk by chunk: each chunk's groups with their frequency,
    and the group, spelling, docnum and position in its article of every window position."""

    def __init__(self) -> None:
        self.frequency_groups: list[npt.NDArray[np.uint64]] = []
        self.frequency_counts: list[Ints] = []
        self.window_groups: list[npt.NDArray[np.uint64]] = []
        self.window_spellings: list[npt.NDArray[np.uint32]] = []
        self.window_docnums: list[Ints] = []
        self.window_places: list[Ints] = []

    def add(self, chunk: _Chunk, span: int) -> None:
        groups = chunk.groups
        grouped = groups[groups != 0]
        distinct, counted = np.unique(grouped, return_counts=True)
        self.frequency_groups.append(distinct)
        self.frequency_counts.append(counted.astype(np.int64))
        length = len(groups)
        first, last = chunk.first, chunk.last
        if not length or not len(first):
            return
        # each occurrence's article's first and past-the-end position
        article_of = np.searchsorted(chunk.starts, first, side="right") - 1
        low = chunk.starts[article_of]
        high = chunk.starts[np.searchsorted(chunk.starts, last, side="right")]
        window = np.zeros(length, dtype=np.bool_)
        for step in range(1, span + 1):
            before = first - step
            window[before[before >= low]] = True
            after = last + step
            window[after[after < high]] = True
        if chunk.first is chunk.last:
            window[first] = False
        else:
            inside = np.zeros(length + 1, dtype=np.int64)
            np.add.at(inside, first, 1)
            np.add.at(inside, last + 1, -1)
            window[np.cumsum(inside[:length]) > 0] = False
        at = np.flatnonzero(window)
        at = at[groups[at] != 0]
        article = np.searchsorted(chunk.starts, at, side="right") - 1
        self.window_groups.append(groups[at])
        self.window_spellings.append(chunk.spellings[at])
        self.window_docnums.append(chunk.docnums[article])
        self.window_places.append(at - chunk.starts[article])

    def ranked(self, found: Matches, top: int) -> list[Collocate]:
        if not self.frequency_groups or top <= 0:
            return []
        known, frequency_of = _summed(self.frequency_groups, self.frequency_counts)
        total = int(frequency_of.sum())
        if not total or not self.window_groups:
            return []
        window_groups = np.concatenate(self.window_groups)
        groups, together = _summed([window_groups], [np.ones(len(window_groups), dtype=np.int64)])
        frequency = frequency_of[np.searchsorted(known, groups)]
        window_total = int(together.sum())
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
        words = self.spellings(found, window_groups, groups[chosen])
        collocated = [Collocate(words[int(groups[g])], int(together[g]), float(scores[at]), int(frequency[g]))
                      for at, g in zip(order, chosen, strict=True)]
        collocated.sort(key=lambda c: (-c.score, -c.count, c.word))
        return collocated[:top]

    def spellings(self, found: Matches, window_groups: npt.NDArray[np.uint64],
                  chosen: npt.NDArray[np.uint64]) -> dict[int, str]:
        """Each chosen group's most frequent spelling in the windows (of those as frequent, the first
        in code point order): only the spellings that may win are read back, each from one article's text."""
        kept = np.flatnonzero(np.isin(window_groups, chosen))
        spellings = np.concatenate(self.window_spellings)[kept].astype(np.uint64)
        pairs, first_at, counts = np.unique(np.stack((window_groups[kept], spellings)), axis=1,
                                            return_index=True, return_counts=True)
        best: defaultdict[int, int] = defaultdict(int)
        for group, count in zip(pairs[0].tolist(), counts.tolist(), strict=True):
            best[group] = max(best[group], count)
        wanted: list[tuple[int, int]] = []  # (group, window position) of each spelling that may win
        for group, count, at in zip(pairs[0].tolist(), counts.tolist(), first_at.tolist(), strict=True):
            if count == best[group]:
                wanted.append((group, int(kept[at])))
        docnums = np.concatenate(self.window_docnums)
        places = np.concatenate(self.window_places)
        written = _written_at(found, [(int(docnums[at]), int(places[at])) for _, at in wanted])
        spelled: dict[int, str] = {}
        for (group, _), word in zip(wanted, written, strict=True):
            spelled[group] = min(spelled.get(group, word), word)
        return spelled


def _summed(keys: list[npt.NDArray[np.uint64]], counts: list[Ints]) -> tuple[npt.NDArray[np.uint64], Ints]:
    """The distinct keys (sorted) and the sum of each one's counts. A sort and a binary search: an
    argsort (np.unique's inverse) costs ten times the sort."""
    every = np.concatenate(keys)
    distinct = np.unique(every)
    summed = np.bincount(np.searchsorted(distinct, every), weights=np.concatenate(counts), minlength=len(distinct))
    return distinct, summed.astype(np.int64)


def _written_at(found: Matches, places: Sequence[tuple[int, int]]) -> list[str]:
    """The spelling (display_text of its token) of each (docnum, word position) of a stored text."""
    reader = found.searcher.whoosh.reader()
    tokens: dict[int, list[str]] = {}
    written: list[str] = []
    for docnum, place in places:
        if docnum not in tokens:
            text = str(reader.stored_fields(docnum).get("text", ""))
            tokens[docnum] = [token for token in _TOKEN.findall(text) for _ in positions_of(token)]
        written.append(display_text(tokens[docnum][place]))
    return written
