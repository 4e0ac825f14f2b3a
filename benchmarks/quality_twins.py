"""Articles a generated query cannot tell apart from its target (see benchmarks/README.md, "Articles
the query cannot tell apart").

A query is made from its article's title and one source form of its kind. Another article with the
same title, whose candidates for the kind hold the same source form, would have given the very same
query: it is a twin of the target, and finding it counts as finding the target, for both engines.
The title is compared by the benchmark's own reading of it, not by Bayegan's analyzer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+(?:\u200c[\w\u064b-\u065f\u0670\u0640]+)*")
_ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
KNOWN = "known"


def title_key(title: str) -> tuple[str, ...]:
    """The title's words as the benchmark reads them: ي/ك as ی/ک, words of digits left out."""
    return tuple(w for w in _WORD.findall(title.translate(_ARABIC_LETTERS)) if not w.isdigit())


class Twins:
    """The articles of the corpus grouped by title, and each query's twins among them."""

    def __init__(self, docs: Sequence[Any]):
        self.by_title: dict[tuple[str, ...], list[Any]] = {}
        for doc in docs:
            self.by_title.setdefault(title_key(doc.title), []).append(doc)

    def of(self, kind: str, doc: Any, source: str, candidates: Callable[[Any], list[tuple[str, str]]] | None) -> list[Any]:
        """The other articles of `doc`'s title whose candidates (source, typed) for the kind hold
        `source` (known items: every other article of the title, the query being title words only)."""
        others = [other for other in self.by_title.get(title_key(doc.title), []) if other is not doc]
        if kind == KNOWN or candidates is None:
            return others
        return [other for other in others if any(s == source for s, _ in candidates(other))]


def twins_of_queries(twins: Twins, generator: Any, kind: str, queries: list[tuple[str, Any, str]]) -> list[list[Any]]:
    """The twins of each query of a kind. The generator's random state is left as it was (a kind's
    candidates may draw from it, as another form of a verb does), so the queries stay the same."""
    method = None if kind == KNOWN else getattr(generator, kind.replace("-", "_"))
    state = generator.rng.getstate()
    try:
        return [twins.of(kind, doc, source, method) for _, doc, source in queries]
    finally:
        generator.rng.setstate(state)
