"""A Whoosh query compiled once into a small plan tree, for scoring, counting and estimating.

This is the one place that looks at Whoosh's query classes. Each node carries what every consumer
needs: `estimate`, an upper bound of how many documents it matches (from document frequencies; an
AND reads its smallest part first), and `scorable`, whether MatchScorer reproduces Whoosh's BM25F
scores for it (exact Whoosh classes on scorable fields, phrases of adjacent words). `plan_walk.walk`
then evaluates a plan with an algebra: DocSets (sets of documents) or MatchScorer (scored arrays).

A new query operator: a node here and a case in `compile_plan`, a case in `plan_walk.walk` (or a
method of the algebras when it needs its own postings reading).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

from viewer.search.format.fast_prefix import FastPrefix

EVERYTHING = float("inf")  # the estimate of a node that may match any document


@dataclass(frozen=True, slots=True)
class Plan:
    query: Any  # the Whoosh query this node stands for (Whoosh's own matcher answers opaque nodes)
    estimate: float
    scorable: bool


@dataclass(frozen=True, slots=True)
class TermPlan(Plan):
    """One term; its estimate is its document frequency."""

    fieldname: str
    text: Any  # str, or bytes for a term given encoded
    boost: float


@dataclass(frozen=True, slots=True)
class PhrasePlan(Plan):
    """Words at consecutive positions (`scorable`); other slops are counted by Whoosh."""

    fieldname: str
    words: tuple[str, ...]
    frequencies: tuple[int, ...]  # each word's document frequency
    boost: float


@dataclass(frozen=True, slots=True)
class UnionPlan(Plan):
    """OR (and DisjunctionMax, counted as an OR): scores added in the parts' order."""

    parts: tuple[Plan, ...]
    boost: float  # 1.0 when Whoosh drops it (a compound of one part)


@dataclass(frozen=True, slots=True)
class IntersectionPlan(Plan):
    """AND: `positive` by increasing estimate (stable), then each of `negative` (NOT parts) taken out."""

    positive: tuple[Plan, ...]
    negative: tuple[Plan, ...]
    boost: float


@dataclass(frozen=True, slots=True)
class DifferencePlan(Plan):
    """AND NOT: `a`'s matches that `b` does not match."""

    a: Plan
    b: Plan
    boost: float


@dataclass(frozen=True, slots=True)
class RequirePlan(Plan):
    """`a`'s matches that `b` also matches, scored by `a` (counted only)."""

    a: Plan
    b: Plan


@dataclass(frozen=True, slots=True)
class MaybePlan(Plan):
    """AND MAYBE: `a`'s matches; `b` only adds to their scores (counted only)."""

    a: Plan
    b: Plan


@dataclass(frozen=True, slots=True)
class ComplementPlan(Plan):
    """A NOT standing alone: every document `inner` does not match."""

    inner: Plan


@dataclass(frozen=True, slots=True)
class EverythingPlan(Plan):
    pass


@dataclass(frozen=True, slots=True)
class NothingPlan(Plan):
    pass


@dataclass(frozen=True, slots=True)
class ExpansionPlan(Plan):
    """A prefix, wildcard, fuzzy term or term range: every term it expands to in `fieldname`
    (`scorable`: the search box's FastPrefix, one constant score)."""

    fieldname: str


@dataclass(frozen=True, slots=True)
class OpaquePlan(Plan):
    """Anything else: Whoosh's own matcher counts it."""


def holds_phrase(q: wq.Query) -> bool:
    """Whether the query checks word positions anywhere: a phrase is checked in every matching
    document, so its matches are best noted while scoring."""
    return any(isinstance(leaf, wq.Phrase) for leaf in q.leaves())


def compile_plan(q: Any, searcher: Any) -> Plan:
    """The plan of Whoosh query `q` on `searcher` (its reader's frequencies, its schema's fields)."""
    return _Compiler(searcher).compile(q)


class _Compiler:
    def __init__(self, searcher: Any):
        self.reader = searcher.reader()
        self.schema = searcher.schema

    def compile(self, q: Any) -> Plan:
        if isinstance(q, wq.Term):
            return TermPlan(q, self.reader.doc_frequency(q.fieldname, q.text),
                            type(q) is wq.Term and self._scorable_field(q.fieldname) and isinstance(q.text, str),
                            q.fieldname, q.text, q.boost)
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return self._union(q)
        if isinstance(q, wq.And):
            return self._intersection(q)
        if isinstance(q, wq.AndNot):
            a, b = self.compile(q.a), self.compile(q.b)
            return DifferencePlan(q, a.estimate, type(q) is wq.AndNot and a.scorable and b.scorable, a, b, q.boost)
        if isinstance(q, wq.AndMaybe):
            a, b = self.compile(q.a), self.compile(q.b)
            return MaybePlan(q, a.estimate, False, a, b)
        if isinstance(q, wq.Require):
            a, b = self.compile(q.a), self.compile(q.b)
            return RequirePlan(q, min(a.estimate, b.estimate), False, a, b)
        if isinstance(q, wq.Not):
            return ComplementPlan(q, EVERYTHING, False, self.compile(q.query))
        if isinstance(q, wq.Every):
            return EverythingPlan(q, EVERYTHING, False)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return NothingPlan(q, 0, False)
        if isinstance(q, wq.MultiTerm) and not isinstance(q, wq.Variations):
            scorable = type(q) is FastPrefix and bool(q.text) and self._scorable_field(q.fieldname)
            return ExpansionPlan(q, EVERYTHING, scorable, q.fieldname)
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        return OpaquePlan(q, EVERYTHING, False)

    def _union(self, q: Any) -> Plan:
        if getattr(q, "minmatch", 0):  # at least n parts must match: not a plain union
            return OpaquePlan(q, EVERYTHING, False)
        parts = tuple(self.compile(sub) for sub in q.subqueries)
        scorable = type(q) is wq.Or and not q.scale and all(part.scorable for part in parts)
        return UnionPlan(q, sum(part.estimate for part in parts), scorable, parts, _compound_boost(q))

    def _intersection(self, q: Any) -> Plan:
        positive = [self.compile(sub) for sub in q.subqueries if not isinstance(sub, wq.Not)]
        negative = tuple(self.compile(sub.query) for sub in q.subqueries if isinstance(sub, wq.Not))
        positive.sort(key=lambda part: part.estimate)
        scorable = (type(q) is wq.And and bool(positive)
                    and all(part.scorable for part in positive) and all(part.scorable for part in negative))
        estimate = positive[0].estimate if positive else EVERYTHING
        return IntersectionPlan(q, estimate, scorable, tuple(positive), negative, _compound_boost(q))

    def _phrase(self, q: Any) -> Plan:
        frequencies = tuple(self.reader.doc_frequency(q.fieldname, word) for word in q.words)
        scorable = (type(q) is wq.Phrase and self._scorable_field(q.fieldname) and q.slop == 1 and bool(q.words)
                    and all(isinstance(word, str) for word in q.words)
                    and self.schema[q.fieldname].format.supports("positions"))
        return PhrasePlan(q, min(frequencies, default=0), scorable, q.fieldname, tuple(q.words), frequencies, q.boost)

    def _scorable_field(self, fieldname: str) -> bool:
        return fieldname in self.schema and bool(self.schema[fieldname].scorable)


def _compound_boost(q: Any) -> float:
    """Whoosh drops the boost of a compound with one part (it answers with the part's matcher)."""
    return float(q.boost) if len(q.subqueries) > 1 else 1.0
