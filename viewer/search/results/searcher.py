"""Searching the archive: hits with snippets, tag facets of the whole result set, "did you mean"."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader
from whoosh.collectors import TopCollector
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from viewer.analysis.normalize import normalize_tag
from viewer.core.article import Article
from viewer.core.errors import CancelledError
from viewer.search.copies.near_duplicates import NearDuplicates, SimilarArticle
from viewer.search.copies.stories import Stories
from viewer.search.query.doc_dates import DocDates
from viewer.search.query.docsets import DocSets
from viewer.search.query.match_scores import MatchScorer, Scored
from viewer.search.query.parser import parse_query
from viewer.search.query.plan import Plan, compile_plan
from viewer.search.query.restriction import NO_RESTRICTION, Restriction, allowed_docnums, split_query
from viewer.search.query.suggestions import suggest
from viewer.search.results.doc_ids import DocIds
from viewer.search.results.facets import TagFacets
from viewer.search.results.snippets import make_snippet
from viewer.search.schema import TEXT_FIELDS, article_of

_MANY_IDS = 5000  # more ids than this are read from every document's id, loaded once (doc_ids.py)
_MAX_EXPANDED = 200  # prefix and fuzzy terms marked in snippets
# At most this share of the archive can match (by document frequencies): the matches are counted
# while scoring. Beyond it, scoring skips blocks that cannot reach the top and the set is cheaper apart.
RECORD_SHARE = 0.05
Cancel = Callable[[], bool]


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float
    tags: list[str]
    snippet: str
    source: str
    date: str = ""
    copies: tuple[str, ...] = ()  # ids of its near duplicates that match the query too

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 4), "tags": self.tags,
                "snippet": self.snippet, "source": self.source, "date": self.date, "copies": list(self.copies)}


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    facets: list[tuple[str, int]] = field(default_factory=list)
    suggestion: str | None = None
    took_ms: float = 0.0
    doc_ids: list[str] = field(default_factory=list)
    # The index terms the query looks for (prefixes and fuzzy terms expanded): what the snippets
    # mark, and what the reading pane marks in the whole article.
    keys: set[str] = field(default_factory=set)
    # [("1402-05", count), ...]: the dated matches by Jalali month, oldest first (asked with timeline=True).
    timeline: list[tuple[str, int]] = field(default_factory=list)
    total_exact: bool = True  # False: `total` is only the hits given; ask `count_matches` for the rest
    # With `doc_ids`: id -> story (stories.py) of each match whose story holds another match.
    story_of: dict[str, int] = field(default_factory=dict)


class ArchiveSearcher:
    """A read-only view of the index; reopen it (`refresh`) after a sync."""

    def __init__(self, ix: FileIndex):
        self.ix = ix
        self._searcher: Searcher = ix.searcher()
        _preload_lengths(self._searcher)
        self._tag_facets: TagFacets | None = None
        self._sets: DocSets | None = None
        self._match_scorer: MatchScorer | None = None
        self._doc_dates: tuple[Searcher, DocDates] | None = None
        self._doc_ids: tuple[Searcher, DocIds] | None = None
        self._near: NearDuplicates | None = None
        self._stories: Stories | None = None
        self.count_stories: Callable[[], bool] = _never  # tag facets count a story's copies once when true

    def close(self) -> None:
        self._searcher.close()

    def refresh(self) -> None:
        fresh = self._searcher.refresh()
        if fresh is not self._searcher:
            self._searcher = fresh
            _preload_lengths(fresh)
            self._tag_facets = None

    def __enter__(self) -> ArchiveSearcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def search(self, text: str, tags: list[str] | tuple[str, ...] = (), limit: int = 10,
               sort: str = "relevance", with_ids: bool = False, restriction: Restriction = NO_RESTRICTION,
               timeline: bool = False, *, cancel: Cancel = _never, count: bool = True) -> SearchResult:
        """The first `limit` hits with snippets, the number of matches and their tag facets.

        `restriction` keeps only some articles (dates, ids); `timeline` adds the dated matches by
        Jalali month. `cancel` is asked between the steps (parsing, ranking, each snippet, counting,
        suggesting): when it says yes, CancelledError, so a newer search need not wait for a stale
        one. With `count` False, a count that costs a second pass over the postings (phrases,
        prefixes, sorting by date) is left for `count_matches`: the result then says `total_exact`
        False, its total is a lower bound and it has no facets."""
        started = time.perf_counter()
        searcher = self._searcher
        reader = searcher.reader()
        words, restriction = split_query(text, restriction)
        q = parse_query(words, searcher.schema, reader)
        allowed = allowed_docnums(searcher, restriction, self._dates()) if restriction else None
        tag_filter = wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags]) if tags else None
        kwargs: dict[str, object] = {"limit": max(1, limit)}
        if sort == "date":
            kwargs.update(sortedby="date", reverse=True)
        # Tags join the query (adding nothing to the score) rather than filter it: the intersection
        # skips to the few tagged documents, a filter would score every match and drop most.
        combined = wq.And([q, tag_filter]) if tag_filter is not None else q
        # The query's own terms (prefixes expanded) mark the snippets: cheaper than recording the
        # matched terms of every matching document, and the same words.
        keys = _snippet_keys(q, reader)
        _check(cancel)
        scorer = self._scorer()
        plan = compile_plan(combined, searcher)  # one plan for scoring, counting and estimating
        matched: list[int] | np.ndarray[Any, Any] | None
        if sort != "date" and scorer.supports(plan):
            scores = _only(scorer.scores(plan), allowed)
            _check(cancel)
            top = scorer.top(scores, max(1, limit))
            hits = [_hit(reader.stored_fields(docnum), score, keys, cancel) for docnum, score in top]
            docnums = [docnum for docnum, _ in top]
            matched = scores.ids
        else:
            recorder = None
            if allowed is None and count and sort != "date" and self._record_while_scoring(combined, plan):
                # A phrase is checked in every matching document anyway: note them while scoring.
                recorder = _RecordingTopCollector(max(1, limit))
                searcher.search_with_collector(combined, recorder)
                results = recorder.results()
            else:
                if allowed is not None:
                    kwargs["filter"] = allowed or {-1}  # Whoosh ignores an empty filter
                results = searcher.search(combined, **kwargs)
            _check(cancel)
            hits = [_hit(hit.fields(), hit.score, keys, cancel) for hit in results]
            docnums = [hit.docnum for hit in results]
            if recorder is not None:
                matched = sorted(recorder.docset)
            elif count or allowed is not None:
                matched = sorted(self._docsets().matching(plan))
            else:
                matched = None
            if matched is not None and allowed is not None:
                matched = [docnum for docnum in matched if docnum in allowed]
        _check(cancel)
        if matched is None:
            result = SearchResult(text, hits, len(hits), keys=keys, total_exact=False)
        else:
            matched = np.asarray(matched, dtype=np.int64)  # once: each hit's copies are looked up in it
            near = self._near_duplicates()
            hits = [replace(hit, copies=tuple(near.matching(docnum, matched))) for hit, docnum in zip(hits, docnums, strict=True)]
            result = SearchResult(text, hits, len(matched), facets=self._facets(matched), keys=keys)
            if with_ids:
                result.doc_ids = self._ids_of(matched.tolist())
                result.story_of = self._story_of(matched, result.doc_ids)
            if timeline:
                result.timeline = self._dates().timeline(matched)
        if result.total_exact and result.total < 3:
            _check(cancel)
            result.suggestion = self.suggest(text)
        result.took_ms = (time.perf_counter() - started) * 1000
        return result

    def count_matches(self, text: str, tags: list[str] | tuple[str, ...] = (), *,
                      cancel: Cancel = _never) -> tuple[int, list[tuple[str, int]]]:
        """The number of articles `search` finds and their tag facets (for a result given without)."""
        reader = self._searcher.reader()
        q = parse_query(text, self._searcher.schema, reader)
        tag_filter = wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags]) if tags else None
        combined = wq.And([q, tag_filter]) if tag_filter is not None else q
        matched = sorted(self._docsets().matching(compile_plan(combined, self._searcher)))
        _check(cancel)
        return len(matched), self._facets(matched)

    def _record_while_scoring(self, q: wq.Query, plan: Plan) -> bool:
        """For queries MatchScorer leaves to Whoosh, count the matches while scoring instead of
        reading every posting list again for the set: for a phrase (checked in every matching
        document anyway) and when few documents can match (a rare word beside a prefix)."""
        if any(isinstance(leaf, wq.Phrase) for leaf in q.leaves()):
            return True
        return plan.estimate <= RECORD_SHARE * self._searcher.doc_count()

    def _docsets(self) -> DocSets:
        if self._sets is None or self._sets.searcher is not self._searcher:
            self._sets = DocSets(self._searcher)
        return self._sets

    def _dates(self) -> DocDates:
        if self._doc_dates is None or self._doc_dates[0] is not self._searcher:
            self._doc_dates = (self._searcher, DocDates(self._searcher.reader()))
        return self._doc_dates[1]

    def _near_duplicates(self) -> NearDuplicates:
        if self._near is None or self._near.searcher is not self._searcher:
            self._near = NearDuplicates(self._searcher)
        return self._near

    def stories(self) -> Stories:
        if self._stories is None or self._stories.searcher is not self._searcher:
            self._stories = Stories(self._near_duplicates())
        return self._stories

    def _story_of(self, matched: np.ndarray[Any, Any], ids: list[str]) -> dict[str, int]:
        """id -> story of each of the matches (docnums, and their `ids`) whose story holds another."""
        places, stories = self.stories().shared(matched)
        return dict(zip([ids[at] for at in places], stories, strict=True))

    def similar(self, article_id: str) -> list[SimilarArticle]:
        """The article's near duplicates (id, title, score 0..1), best first; [] for an unknown id."""
        near = self._near_duplicates()
        docnum = near.docnum(article_id)
        found = near.of(docnum) if docnum is not None else []
        stored = [self._searcher.stored_fields(other) for other, _ in found]
        return [SimilarArticle(str(f["id"]), str(f.get("title", "")), score)
                for f, (_, score) in zip(stored, found, strict=True)]

    def _scorer(self) -> MatchScorer:
        if self._match_scorer is None or self._match_scorer.searcher is not self._searcher:
            self._match_scorer = MatchScorer(self._searcher)
        return self._match_scorer

    def _ids_of(self, docnums: list[int]) -> list[str]:
        reader = self._searcher.reader()
        if reader.has_column("id"):
            if len(docnums) > _MANY_IDS:
                if self._doc_ids is None or self._doc_ids[0] is not self._searcher:
                    self._doc_ids = (self._searcher, DocIds(reader))
                return self._doc_ids[1].of(docnums)
            column = reader.column_reader("id")
            return [column[n] for n in docnums]
        stored = reader.stored_fields
        return [stored(n)["id"] for n in docnums]

    def _facets(self, docnums: list[int] | np.ndarray[Any, Any]) -> list[tuple[str, int]]:
        if self._tag_facets is None:
            self._tag_facets = TagFacets(self._searcher.reader())
        if self.count_stories():
            return self._tag_facets.story_counts(self.stories().labels, docnums)
        return self._tag_facets.counts(docnums)

    def suggest(self, text: str) -> str | None:
        """A query spelled with words of the archive, as they are written (see suggestions.py)."""
        return suggest(self._searcher, text)

    def article(self, article_id: str) -> Article | None:
        stored = self._searcher.document(id=article_id)
        return article_of(stored) if stored else None

    def articles(self) -> Iterator[Article]:
        for stored in self._searcher.all_stored_fields():
            yield article_of(stored)

    def tag_counts(self) -> list[tuple[str, int]]:
        reader = self._searcher.reader()
        return self._facets(list(reader.all_doc_ids()))

    def ranked_ids(self, text: str, tags: list[str] | tuple[str, ...] = (), sort: str = "relevance",
                   limit: int = 10, restriction: Restriction = NO_RESTRICTION) -> list[str]:
        """The ids of `search`'s first `limit` hits, in its order, without snippets, facets or suggestions
        (the window's later pages of a long result list)."""
        searcher = self._searcher
        words, restriction = split_query(text, restriction)
        q = parse_query(words, searcher.schema, searcher.reader())
        allowed = allowed_docnums(searcher, restriction, self._dates()) if restriction else None
        if tags:
            q = wq.And([q, wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags])])
        kwargs: dict[str, object] = {"limit": max(1, limit)}
        if sort == "date":
            kwargs.update(sortedby="date", reverse=True)
        scorer = self._scorer()
        plan = compile_plan(q, searcher)
        if sort != "date" and scorer.supports(plan):
            return self._ids_of([docnum for docnum, _ in scorer.top(_only(scorer.scores(plan), allowed), max(1, limit))])
        if allowed is not None:
            kwargs["filter"] = allowed or {-1}
        results = searcher.search(q, **kwargs)
        return self._ids_of([results.docnum(n) for n in range(results.scored_length())])


def _only(scored: Scored, allowed: set[int] | None) -> Scored:
    """The scored matches a restriction lets through."""
    if allowed is None:
        return scored
    keep = np.isin(scored.ids, np.fromiter(allowed, dtype=scored.ids.dtype, count=len(allowed)))
    return Scored(scored.ids[keep], scored.scores[keep])


def _preload_lengths(searcher: Searcher) -> None:
    """BM25 reads each scored document's field length; without mmap every read is a seek. One byte
    per document and field, held in memory instead (80 KB at 40,000 articles)."""
    for leaf, _ in searcher.leaf_searchers():
        perdoc = getattr(leaf.reader(), "_perdoc", None)
        if not isinstance(perdoc, W3PerDocReader):
            continue
        for fieldname in TEXT_FIELDS:
            name = f"_{fieldname}_len"
            column = perdoc._cached_reader(name, LENGTHS_COLUMN)
            if column is not None and not isinstance(column, bytes) and hasattr(column, "load"):
                perdoc._readers[name] = bytes(column.load())


class _RecordingTopCollector(TopCollector):
    """The top hits, and every matching document number on the way: no block skipping, and no
    replacing the matcher by one that drops branches too weak for the top (their documents count)."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False, replace=0)

    def collect(self, sub_docnum: int):  # type: ignore[no-untyped-def]
        self.docset.add(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _check(cancel: Cancel) -> None:
    if cancel():
        raise CancelledError()


def _hit(stored: dict, score: float | None, keys: set[str], cancel: Cancel = _never) -> Hit:
    _check(cancel)
    date = stored.get("date")
    return Hit(id=stored["id"], title=stored.get("title", ""), score=float(score or 0.0),
               tags=[t for t in stored.get("tags", "").split("\n") if t],
               snippet=make_snippet(str(stored.get("text", "")), keys),
               source=stored.get("source", ""), date=date.date().isoformat() if date else "")


def _snippet_keys(q: wq.Query, reader) -> set[str]:  # type: ignore[no-untyped-def]
    keys = {text for fieldname, text in q.iter_all_terms() if fieldname in TEXT_FIELDS and isinstance(text, str)}
    for leaf in q.leaves():
        if isinstance(leaf, wq.MultiTerm) and leaf.field() in TEXT_FIELDS:
            for _, term in zip(range(_MAX_EXPANDED), leaf.expanded_terms(reader), strict=False):
                keys.add(term[1].decode("utf-8") if isinstance(term[1], bytes) else term[1])
    return keys


def source_label(path: str) -> str:
    return Path(path).name
