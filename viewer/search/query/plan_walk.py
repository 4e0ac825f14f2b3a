"""The one walk over a query plan, shared by counting (DocSets) and scoring (MatchScorer).

The walk decides the order of work: an AND starts from its part of smallest estimate and hands what
is left (`narrow`) to the next part as the only documents worth reading; a NOT part and the right
side of an AND NOT read only the documents still in. An algebra supplies the leaves (postings read
into a set, or into document and score arrays) and the set operations on its results; scores and
their order of addition stay the algebra's, so MatchScorer keeps Whoosh's floats to the bit.
"""

from __future__ import annotations

from typing import Protocol

from viewer.search.query.plan import (
    ComplementPlan,
    DifferencePlan,
    EverythingPlan,
    ExpansionPlan,
    IntersectionPlan,
    MaybePlan,
    NothingPlan,
    PhrasePlan,
    Plan,
    RequirePlan,
    TermPlan,
    UnionPlan,
)


class Algebra[Found, Within](Protocol):
    """`Found`: what a node evaluates to (a set of documents, or documents with scores); `Within`: the
    documents a node need only look at, in the form its leaves use."""

    def term(self, node: TermPlan, within: Within | None) -> Found: ...
    def phrase(self, node: PhrasePlan, within: Within | None) -> Found: ...
    def expansion(self, node: ExpansionPlan, within: Within | None) -> Found: ...
    def opaque(self, node: Plan, within: Within | None) -> Found: ...
    def everything(self, within: Within | None) -> Found: ...
    def nothing(self) -> Found: ...
    def is_empty(self, found: Found) -> bool: ...
    def narrow(self, found: Found) -> Within: ...
    def union(self, parts: list[Found]) -> Found: ...
    def meet(self, found: Found, more: Found) -> Found:
        """`found` and `more` both match; `more` was evaluated within `narrow(found)`."""
    def without(self, found: Found, excluded: Found) -> Found: ...
    def complement(self, inner: Found, within: Within | None) -> Found: ...
    def after_not(self, found: Found) -> Found:
        """`found` once an AND's NOT part is taken out (Whoosh's inverse matcher adds its weight)."""
    def boosted(self, found: Found, boost: float) -> Found: ...


def walk[Found, Within](node: Plan, algebra: Algebra[Found, Within], within: Within | None = None) -> Found:
    """What `node` matches among `within` (None: every document)."""
    found: Found
    if isinstance(node, TermPlan):
        return algebra.term(node, within)
    if isinstance(node, PhrasePlan):
        return algebra.phrase(node, within)
    if isinstance(node, UnionPlan):
        found = algebra.union([walk(part, algebra, within) for part in node.parts])
    elif isinstance(node, IntersectionPlan):
        found = _intersection(node, algebra, within)
    elif isinstance(node, DifferencePlan):
        found = walk(node.a, algebra, within)
        if not algebra.is_empty(found):
            found = algebra.without(found, walk(node.b, algebra, algebra.narrow(found)))
    elif isinstance(node, RequirePlan):
        found = walk(node.a, algebra, within)
        if not algebra.is_empty(found):
            found = algebra.meet(found, walk(node.b, algebra, algebra.narrow(found)))
        return found
    elif isinstance(node, MaybePlan):
        return walk(node.a, algebra, within)
    elif isinstance(node, ComplementPlan):
        return algebra.complement(walk(node.inner, algebra, within), within)
    elif isinstance(node, EverythingPlan):
        return algebra.everything(within)
    elif isinstance(node, NothingPlan):
        return algebra.nothing()
    elif isinstance(node, ExpansionPlan):
        return algebra.expansion(node, within)
    else:
        return algebra.opaque(node, within)
    boost = node.boost
    return algebra.boosted(found, boost) if boost != 1.0 else found


def _intersection[Found, Within](node: IntersectionPlan, algebra: Algebra[Found, Within], within: Within | None) -> Found:
    if not node.positive:
        found = algebra.everything(within)
    else:
        found = walk(node.positive[0], algebra, within)
        for part in node.positive[1:]:
            if algebra.is_empty(found):
                return found
            found = algebra.meet(found, walk(part, algebra, algebra.narrow(found)))
    for part in node.negative:
        if algebra.is_empty(found):
            break
        found = algebra.after_not(algebra.without(found, walk(part, algebra, algebra.narrow(found))))
    return found
