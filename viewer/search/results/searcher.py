"""Searching the archive: hits with snippets, tag facets of the whole result set, "did you mean".

A search's text is prepared once (`ArchiveSearcher.prepare`: the date bounds split off, the words
parsed, the tags joined, the restriction resolved, the plan compiled) and the same prepared query
serves the first page (`search`), the later pages (`ranked_ids`) and the count asked afterwards
(`match_summary.summarize`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.collectors import TopCollector
from whoosh.index import FileIndex
from whoosh.searching import Results, Searcher

from viewer.analysis.normalize import normalize_tag
from viewer.core.article import Article
from viewer.core.closing import Closable
from viewer.core.results import Hit, HitPattern, MatchIds, SearchResult, SimilarArticle, StoryLabels
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.copies import kept_tables
from viewer.search.copies.near_duplicates import BandTables, NearDuplicates
from viewer.search.copies.stories import Stories, group_labels
from viewer.search.format.internals import preload_field_lengths
from viewer.search.query.doc_dates import DocDates
from viewer.search.query.docsets import DocSets
from viewer.search.query.match_scores import MatchScorer, Scored
from viewer.search.query.occurrences import QueryPattern, pattern_of
from viewer.search.query.parser import parse_query
from viewer.search.query.plan import Plan, compile_plan, holds_phrase
from viewer.search.query.restriction import NO_RESTRICTION, Restriction, allowed_docnums, split_query
from viewer.search.query.suggestions import suggest
from viewer.search.results.doc_ids import DocIds
from viewer.search.results.facets import TagFacets
from viewer.search.results.snippets import make_snippet
from viewer.search.schema import TEXT_FIELDS, article_of

_MAX_EXPANDED = 200  # prefix and fuzzy terms marked in snippets
# At most this share of the archive can match (by document frequencies): the matches are counted
# while scoring. Beyond it, scoring skips blocks that cannot reach the top and the set is cheaper apart.
RECORD_SHARE = 0.05
Docnums = Sequence[int] | np.ndarray[Any, Any]


@dataclass(frozen=True)
class PreparedQuery:
    """A search's text made ready once for one searcher (`ArchiveSearcher.prepare`)."""

    words: wq.Query  # the parsed words alone: what the snippets mark
    query: wq.Query  # the words and the tags; the tags add nothing to the score
    plan: Plan  # `query` compiled once, for scoring, counting and estimating
    allowed: set[int] | None  # the document numbers the restriction lets through; None: every one


class ArchiveSearcher(Closable):
    """A read-only view of the index as it was when opened; open a new one after a sync."""

    def __init__(self, ix: FileIndex):
        self.ix = ix
        self._searcher: Searcher = ix.searcher()
        preload_field_lengths(self._searcher, TEXT_FIELDS)
        self._sets = DocSets(self._searcher)  # counting and scoring read their postings when asked
        self._scorer = MatchScorer(self._searcher)
        self.count_stories: Callable[[], bool] = never  # tag facets count a story's copies once when true
        folder = getattr(ix.storage, "folder", None)  # where the indexer keeps the copies' tables (kept_tables.py)
        self._folder = Path(folder) if folder is not None else None

    def close(self) -> None:
        self._searcher.close()

    def up_to_date(self) -> bool:
        """Whether the index is still as this searcher sees it (a sync that changed nothing commits
        nothing): then what it has read once — facets, ids, dates, copies — serves on."""
        try:
            return bool(self._searcher.up_to_date())
        except Exception:  # noqa: BLE001 - any doubt (an index emptied or rebuilt): open a new one
            return False

    @property
    def whoosh(self) -> Searcher:
        """The Whoosh searcher under this one (the engine's tests and benchmarks compare with it)."""
        return self._searcher

    @property
    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def prepare(self, text: str, tags: Sequence[str] = (), restriction: Restriction = NO_RESTRICTION) -> PreparedQuery:
        """The query `text` (with its own date bounds) and `tags` mean within `restriction`, ready for
        ranking and counting: the one way a search's text becomes a query."""
        searcher = self._searcher
        words, restriction = split_query(text, restriction)
        q = parse_query(words, searcher.schema, searcher.reader())
        allowed = allowed_docnums(searcher, restriction, self._dates) if restriction else None
        combined = q
        if tags:
            # Tags join the query (adding nothing to the score) rather than filter it: the intersection
            # skips to the few tagged documents, a filter would score every match and drop most.
            combined = wq.And([q, wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags])])
        return PreparedQuery(q, combined, compile_plan(combined, searcher), allowed)

    def search(self, text: str, tags: list[str] | tuple[str, ...] = (), limit: int = 10,
               sort: str = "relevance", with_ids: bool = False, restriction: Restriction = NO_RESTRICTION,
               timeline: bool = False, *, cancel: Cancel = never, count: bool = True,
               snippets: int | None = None) -> SearchResult:
        """The first `limit` hits with snippets, the number of matches and their tag facets.

        `restriction` keeps only some articles (dates, ids); `timeline` adds the dated matches by
        Jalali month. `cancel` is asked between the steps (parsing, ranking, each snippet, counting,
        suggesting): when it says yes, CancelledError, so a newer search need not wait for a stale
        one. With `count` False, a count that costs a second pass over the postings (phrases,
        prefixes, sorting by date) is left for the match summary (match_summary.py): the result then
        says `total_exact` False, its total is a lower bound and it has no facets; its hits' copies are
        left to the summary either way. With `snippets`, only the first that many hits have their
        snippet (the rows a window shows at once); the others' snippet is "" (`snippets_of` makes them)."""
        started = time.perf_counter()
        searcher = self._searcher
        reader = searcher.reader()
        prepared = self.prepare(text, tags, restriction)
        # The query's own words and phrases (prefixes expanded) mark the snippets: cheaper than
        # recording the matched terms of every matching document, and the same words.
        marked = self._hit_pattern(prepared)
        pattern = QueryPattern(marked)
        snipped = limit if snippets is None else snippets
        stop_if_cancelled(cancel)
        scorer = self._scorer
        plan, allowed = prepared.plan, prepared.allowed
        matched: Docnums | None
        if sort != "date" and scorer.supports(plan):
            scores = _only(scorer.scores(plan), allowed)
            stop_if_cancelled(cancel)
            top = scorer.top(scores, max(1, limit))
            hits = [_hit(reader.stored_fields(docnum), score, pattern if at < snipped else None, cancel)
                    for at, (docnum, score) in enumerate(top)]
            docnums = [docnum for docnum, _ in top]
            matched = scores.ids
        elif (every := self._every_in_order(prepared, limit, sort)) is not None:
            hits = [_hit(reader.stored_fields(docnum), score, pattern if at < snipped else None, cancel)
                    for at, (docnum, score) in enumerate(every)]
            docnums = [docnum for docnum, _ in every]
            matched = _allowed_only(sorted(self._sets.matching(plan)), allowed) if count or allowed is not None else None
        else:
            recorder = None
            if allowed is None and count and sort != "date" and self._record_while_scoring(prepared.query, plan):
                # A phrase is checked in every matching document anyway: note them while scoring.
                recorder = _RecordingTopCollector(max(1, limit))
                searcher.search_with_collector(prepared.query, recorder)
                results = recorder.results()
            else:
                results = self._whoosh_ranked(prepared, limit, sort)
            stop_if_cancelled(cancel)
            hits = [_hit(hit.fields(), hit.score, pattern if at < snipped else None, cancel)
                    for at, hit in enumerate(results)]
            docnums = [hit.docnum for hit in results]
            if recorder is not None:
                matched = sorted(recorder.docset)
            elif count or allowed is not None:
                matched = _allowed_only(sorted(self._sets.matching(plan)), allowed)
            else:
                matched = None
        stop_if_cancelled(cancel)
        if matched is not None and not count and "_tag_facets" not in self.__dict__:
            # A searcher's first facets read every tag's postings (~1 s at 200,000 articles, the first
            # search after opening or a sync): they come with the match summary, after the first rows.
            matched = None
        if matched is None:
            result = SearchResult(text, hits, len(hits), pattern=marked, total_exact=False)
        else:
            matched = np.asarray(matched, dtype=np.int64)  # once: each hit's copies are looked up in it
            if count:  # else with the match summary, after the first rows (~15 ms of a first page's ~70)
                hits = [replace(hit, copies=self._copies(docnum, matched))
                        for hit, docnum in zip(hits, docnums, strict=True)]
            result = SearchResult(text, hits, len(matched), facets=self.facets(matched), pattern=marked)
            if with_ids:
                result.doc_ids = self.match_ids(matched)
                result.story_of = self.story_labels(matched, result.doc_ids)
            if timeline:
                result.timeline = self.timeline(matched)
                result.undated = self.undated(matched)
        if result.total_exact and result.total < 3:
            stop_if_cancelled(cancel)
            result.suggestion = self.suggest(text)
        result.took_ms = (time.perf_counter() - started) * 1000
        return result

    def snippets_of(self, text: str, ids: Sequence[str], cancel: Cancel = never) -> dict[str, str]:
        """The snippets a search for `text` gives the articles `ids` (those `search` left out with
        `snippets`); an id the index no longer has is left out."""
        pattern = QueryPattern(self.hit_pattern(text))
        found: dict[str, str] = {}
        for article_id in ids:
            stop_if_cancelled(cancel)
            stored = self._searcher.document(id=article_id)
            if stored:
                found[article_id] = make_snippet(str(stored.get("text", "")), pattern)
        return found

    def hit_pattern(self, text: str) -> HitPattern:
        """What a search for `text` marks in an article's text (`SearchResult.pattern`)."""
        return self._hit_pattern(self.prepare(text))

    def _hit_pattern(self, prepared: PreparedQuery) -> HitPattern:
        return pattern_of(prepared.words, self._searcher.reader(), _MAX_EXPANDED)

    def ranked_ids(self, text: str, tags: list[str] | tuple[str, ...] = (), sort: str = "relevance",
                   limit: int = 10, restriction: Restriction = NO_RESTRICTION) -> list[str]:
        """The ids of `search`'s first `limit` hits, in its order, without snippets, facets or suggestions
        (the window's later pages of a long result list)."""
        prepared = self.prepare(text, tags, restriction)
        scorer = self._scorer
        if sort != "date" and scorer.supports(prepared.plan):
            top = scorer.top(_only(scorer.scores(prepared.plan), prepared.allowed), max(1, limit))
            return self.ids_of([docnum for docnum, _ in top])
        every = self._every_in_order(prepared, limit, sort)
        if every is not None:
            return self.ids_of([docnum for docnum, _ in every])
        results = self._whoosh_ranked(prepared, limit, sort)
        return self.ids_of([results.docnum(n) for n in range(results.scored_length())])

    def matching(self, prepared: PreparedQuery) -> np.ndarray[Any, Any]:
        """Every document the prepared query matches, sorted: the one-pass scorer's matches when it
        takes the query (prefixes included), else the document sets; never ranked."""
        scorer = self._scorer
        if scorer.supports(prepared.plan):
            found: Docnums = scorer.scores(prepared.plan).ids
        else:
            found = sorted(self._sets.matching(prepared.plan))
        return _allowed_only(np.asarray(found, dtype=np.int64), prepared.allowed)

    def _every_in_order(self, prepared: PreparedQuery, limit: int, sort: str) -> list[tuple[int, float]] | None:
        """Every article (the empty search box) ranked as Whoosh ranks it, equal scores in document
        order, without its collector's Python call per document (1.4 s at 200,000 articles, before the
        first rows of every opening): the first `limit` live documents. None for any other query."""
        q = prepared.query
        if sort == "date" or not isinstance(q, wq.Every) or q.fieldname not in (None, "", "*"):
            return None
        reader = self._searcher.reader()
        candidates = reader.all_doc_ids() if prepared.allowed is None else (
            docnum for docnum in sorted(prepared.allowed) if not reader.is_deleted(docnum))
        found: list[tuple[int, float]] = []
        for docnum in candidates:
            if len(found) >= max(1, limit):
                break
            found.append((docnum, float(q.boost)))
        return found

    def _whoosh_ranked(self, prepared: PreparedQuery, limit: int, sort: str) -> Results:
        """The first `limit` matches as Whoosh's own matchers rank them (or sort them by date)."""
        kwargs: dict[str, object] = {"limit": max(1, limit)}
        if sort == "date":
            kwargs.update(sortedby="date", reverse=True)
        if prepared.allowed is not None:
            kwargs["filter"] = prepared.allowed or {-1}  # Whoosh ignores an empty filter
        return self._searcher.search(prepared.query, **kwargs)

    def _record_while_scoring(self, q: wq.Query, plan: Plan) -> bool:
        """For queries MatchScorer leaves to Whoosh, count the matches while scoring instead of
        reading every posting list again for the set: for a phrase (checked in every matching
        document anyway) and when few documents can match (a rare word beside a prefix)."""
        if holds_phrase(q):
            return True
        return plan.estimate <= RECORD_SHARE * self._searcher.doc_count()

    # What the searcher reads once, on first use: the index never changes under an open searcher.

    @cached_property
    def _dates(self) -> DocDates:
        return DocDates(self._searcher.reader())

    @cached_property
    def _near(self) -> NearDuplicates:
        folder = self._folder
        kept = kept_tables.load_tables(folder, self._searcher.reader()) if folder is not None else None
        return NearDuplicates(self._searcher, kept)

    @cached_property
    def _stories(self) -> Stories:
        folder = self._folder
        labels = kept_tables.load_labels(folder, self._searcher.reader()) if folder is not None else None
        return Stories(self._searcher, group_labels(self._near) if labels is None else labels)

    @cached_property
    def _doc_ids(self) -> DocIds:
        return DocIds(self._searcher.reader())

    @cached_property
    def _tag_facets(self) -> TagFacets:
        return TagFacets(self._searcher.reader())

    def stories(self) -> Stories:
        """The archive's stories: as the indexer kept them for this state of the index (kept_tables.py),
        else grouped now, once per searcher (1.6 s at 200,000 articles)."""
        return self._stories

    def keep_copies(self, cancel: Cancel = never) -> None:
        """Writes the near-duplicate tables and stories of this state of the index beside it, unless
        they are there already (the indexer, after a sync: the next searchers map them instead of
        working them out again). CancelledError, with nothing written, when `cancel()` turns true."""
        folder = self._folder
        reader = self._searcher.reader()
        if folder is None or kept_tables.is_kept(folder, reader):
            return
        tables = kept_tables.load_tables(folder, reader) or BandTables.of_searcher(self._searcher, cancel)
        labels = kept_tables.load_labels(folder, reader)
        if labels is None:
            labels = group_labels(NearDuplicates(self._searcher, tables), cancel)
        stop_if_cancelled(cancel)
        kept_tables.save(folder, reader, labels, tables)

    def story_labels(self, matched: np.ndarray[Any, Any], ids: MatchIds) -> StoryLabels:
        """id -> story of each of the matches (docnums, and their `ids`) whose story holds another: one
        label per match (-1: no other match shares its story), without a Python object per match (a
        million matches, most of them in a story of the replicated archive)."""
        return StoryLabels(ids, self.stories().shared(matched))

    def match_ids(self, docnums: np.ndarray[Any, Any]) -> MatchIds:
        """The article ids of the documents, in their order, as one array (`MatchIds`)."""
        reader = self._searcher.reader()
        if not len(docnums):
            return MatchIds()
        if reader.has_column("id"):
            return MatchIds(self._doc_ids.array_of(docnums))
        return MatchIds(self.ids_of(np.asarray(docnums).tolist()))

    def timeline(self, docnums: Docnums) -> list[tuple[str, int]]:
        """The dated documents of `docnums` by Jalali month, oldest first."""
        return self._dates.timeline(docnums)

    def day_ordinals(self, docnums: Docnums) -> np.ndarray[Any, Any]:
        """Each document's day as a proleptic ordinal, 0 when undated."""
        return self._dates.ordinals(docnums)

    def in_scope(self, tags: Sequence[str] = (), restriction: Restriction = NO_RESTRICTION) -> np.ndarray[Any, Any]:
        """Every live document carrying all `tags` that `restriction` lets through, sorted: the
        archive a trend is measured against."""
        if tags:
            q = wq.And([wq.Term("tags", normalize_tag(t)) for t in tags])
            live: Docnums = sorted(self._sets.matching(compile_plan(q, self._searcher)))
        else:
            live = np.fromiter(self._searcher.reader().all_doc_ids(), dtype=np.int64)
        allowed = allowed_docnums(self._searcher, restriction, self._dates) if restriction else None
        return _allowed_only(np.unique(np.asarray(live, dtype=np.int64)), allowed)

    def undated(self, docnums: Docnums) -> int:
        """How many of the documents have no date (the timeline leaves them out)."""
        return self._dates.undated(docnums)

    def matching_copies(self, article_id: str, matched: np.ndarray[Any, Any]) -> tuple[str, ...]:
        """The ids of the article's near duplicates among the documents `matched` (sorted)."""
        docnum = self._near.docnum(article_id)
        return self._copies(docnum, matched) if docnum is not None else ()

    def _copies(self, docnum: int, matched: np.ndarray[Any, Any]) -> tuple[str, ...]:
        """The ids of the document's near duplicates among `matched`, best first: their ids from the
        ids read once (doc_ids.py), not a column read each (60 copies a hit in the benchmark corpus)."""
        found = [other for other, _ in self._near.of(docnum, among=matched)]
        return tuple(self._doc_ids.of(found)) if found else ()

    def similar(self, article_id: str) -> list[SimilarArticle]:
        """The article's near duplicates (id, title, score 0..1), best first; [] for an unknown id."""
        near = self._near
        docnum = near.docnum(article_id)
        found = near.of(docnum) if docnum is not None else []
        stored = [self._searcher.stored_fields(other) for other, _ in found]
        return [SimilarArticle(str(f["id"]), str(f.get("title", "")), score)
                for f, (_, score) in zip(stored, found, strict=True)]

    def ids_of(self, docnums: list[int]) -> list[str]:
        """The article ids of the documents, in their order."""
        reader = self._searcher.reader()
        if not docnums:
            return []
        if reader.has_column("id"):
            return self._doc_ids.of(docnums)
        stored = reader.stored_fields
        return [stored(n)["id"] for n in docnums]

    def facets(self, docnums: Docnums) -> list[tuple[str, int]]:
        """(tag, documents of `docnums` carrying it; stories when `count_stories`), most first."""
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
        return self.facets(list(reader.all_doc_ids()))


def _only(scored: Scored, allowed: set[int] | None) -> Scored:
    """The scored matches a restriction lets through."""
    if allowed is None:
        return scored
    keep = np.isin(scored.ids, np.fromiter(allowed, dtype=scored.ids.dtype, count=len(allowed)))
    return Scored(scored.ids[keep], scored.scores[keep])


def _allowed_only(docnums: Docnums, allowed: set[int] | None) -> np.ndarray[Any, Any]:
    """The sorted `docnums` a restriction lets through."""
    found = np.asarray(docnums, dtype=np.int64)
    if allowed is None:
        return found
    kept: np.ndarray[Any, Any] = found[np.isin(found, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))]
    return kept


class _RecordingTopCollector(TopCollector):
    """The top hits, and every matching document number on the way: no block skipping, and no
    replacing the matcher by one that drops branches too weak for the top (their documents count)."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False, replace=0)

    def collect(self, sub_docnum: int) -> Any:
        self.docset.add(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _hit(stored: dict[str, Any], score: float | None, pattern: QueryPattern | None, cancel: Cancel = never) -> Hit:
    """The hit of a stored document, its snippet marked by `pattern` (None: no snippet yet)."""
    stop_if_cancelled(cancel)
    date = stored.get("date")
    return Hit(id=stored["id"], title=stored.get("title", ""), score=float(score or 0.0),
               tags=[t for t in stored.get("tags", "").split("\n") if t],
               snippet=make_snippet(str(stored.get("text", "")), pattern) if pattern is not None else "",
               source=stored.get("source", ""), date=date.date().isoformat() if date else "")

