"""Searching the archive: hits with snippets, tag facets of the whole result set, "did you mean"."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader
from whoosh.collectors import TopCollector
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from viewer.analysis.analyzer import LEMMA_PREFIX, STOPWORDS, query_keys
from viewer.analysis.normalize import normalize_tag
from viewer.core.article import Article
from viewer.search.docsets import DocSets
from viewer.search.grouping import matching_copies
from viewer.search.match_scores import MatchScorer
from viewer.search.query import parse_query
from viewer.search.schema import TEXT_FIELDS, article_of
from viewer.search.sketches import SketchStore
from viewer.search.snippets import make_snippet

_MAX_EXPANDED = 200  # prefix and fuzzy terms marked in snippets
# At most this share of the archive can match (by document frequencies): the matches are counted
# while scoring. Beyond it, scoring skips blocks that cannot reach the top and the set is cheaper apart.
RECORD_SHARE = 0.05


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float
    tags: list[str]
    snippet: str
    source: str
    date: str = ""
    copies: tuple[str, ...] = ()  # near duplicates that match the query too

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


class ArchiveSearcher:
    """A read-only view of the index; reopen it (`refresh`) after a sync."""

    def __init__(self, ix: FileIndex):
        self.ix = ix
        self._searcher: Searcher = ix.searcher()
        _preload_lengths(self._searcher)
        self._doc_tags: list[tuple[str, ...]] | None = None
        self._sets: DocSets | None = None
        self._match_scorer: MatchScorer | None = None
        self._sketches: SketchStore | None = None

    def close(self) -> None:
        self._searcher.close()
        if self._sketches is not None:
            self._sketches.close()

    def refresh(self) -> None:
        fresh = self._searcher.refresh()
        if fresh is not self._searcher:
            self._searcher = fresh
            _preload_lengths(fresh)
            self._doc_tags = None

    def __enter__(self) -> ArchiveSearcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def search(self, text: str, tags: list[str] | tuple[str, ...] = (), limit: int = 10,
               sort: str = "relevance", with_ids: bool = False) -> SearchResult:
        started = time.perf_counter()
        searcher = self._searcher
        reader = searcher.reader()
        q = parse_query(text, searcher.schema, reader)
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
        scorer = self._scorer()
        if sort != "date" and scorer.supports(combined):
            scores = scorer.scores(combined)
            top = scorer.top(scores, max(1, limit))
            hits = [_hit(reader.stored_fields(docnum), score, keys) for docnum, score in top]
            matched = sorted(scores)
        else:
            recorder = None
            if sort != "date" and self._record_while_scoring(combined):
                # A phrase is checked in every matching document anyway: note them while scoring.
                recorder = _RecordingTopCollector(max(1, limit))
                searcher.search_with_collector(combined, recorder)
                results = recorder.results()
            else:
                results = searcher.search(combined, **kwargs)
            hits = [_hit(hit.fields(), hit.score, keys) for hit in results]
            matched = sorted(recorder.docset) if recorder is not None else self._matching_docnums(q, tag_filter)
        result = SearchResult(text, self._with_copies(hits, matched), len(matched), facets=self._facets(matched))
        if with_ids:
            result.doc_ids = self._ids_of(matched)
        if result.total < 3:
            result.suggestion = self.suggest(text)
        result.took_ms = (time.perf_counter() - started) * 1000
        return result

    def _with_copies(self, hits: list[Hit], matched: list[int]) -> list[Hit]:
        """Each hit with its near duplicates that match the query too."""
        if self._sketches is None:
            self._sketches = SketchStore.existing(Path(self.ix.storage.folder))
        if self._sketches is None or not hits:
            return hits
        copies = matching_copies(self._sketches, self._searcher.reader(), [h.id for h in hits], matched)
        return [replace(hit, copies=tuple(copies[hit.id])) for hit in hits]

    def _record_while_scoring(self, q: wq.Query) -> bool:
        """For queries MatchScorer leaves to Whoosh, count the matches while scoring instead of
        reading every posting list again for the set: for a phrase (checked in every matching
        document anyway) and when few documents can match (a rare word beside a prefix)."""
        if any(isinstance(leaf, wq.Phrase) for leaf in q.leaves()):
            return True
        return self._docsets().estimate(q) <= RECORD_SHARE * self._searcher.doc_count()

    def _docsets(self) -> DocSets:
        if self._sets is None or self._sets.searcher is not self._searcher:
            self._sets = DocSets(self._searcher)
        return self._sets

    def _scorer(self) -> MatchScorer:
        if self._match_scorer is None or self._match_scorer.searcher is not self._searcher:
            self._match_scorer = MatchScorer(self._searcher)
        return self._match_scorer

    def _matching_docnums(self, q: wq.Query, tag_filter: wq.Query | None) -> list[int]:
        combined = wq.And([q, tag_filter]) if tag_filter is not None else q
        return sorted(self._docsets().matching(combined))

    def _ids_of(self, docnums: list[int]) -> list[str]:
        reader = self._searcher.reader()
        if reader.has_column("id"):
            column = reader.column_reader("id")
            return [column[n] for n in docnums]
        stored = reader.stored_fields
        return [stored(n)["id"] for n in docnums]

    def _tags_by_doc(self) -> list[tuple[str, ...]]:
        if self._doc_tags is None:
            reader = self._searcher.reader()
            by_doc: list[list[str]] = [[] for _ in range(reader.doc_count_all())]
            for term in reader.lexicon("tags"):
                tag = term.decode("utf-8") if isinstance(term, bytes) else term
                for docnum in reader.postings("tags", term).all_ids():
                    by_doc[docnum].append(tag)
            self._doc_tags = [tuple(tags) for tags in by_doc]
        return self._doc_tags

    def _facets(self, docnums: list[int]) -> list[tuple[str, int]]:
        by_doc = self._tags_by_doc()
        counts = Counter(chain.from_iterable(map(by_doc.__getitem__, docnums)))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def suggest(self, text: str) -> str | None:
        """A query spelled with words of the archive, when it differs from the one typed.

        Candidates share the first letter (two for longer words): misspellings rarely start wrong,
        and it keeps the lexicon walk short (1-20 ms instead of ~200 ms at 3,000 articles)."""
        reader = self._searcher.reader()
        corrector = self._searcher.corrector("text")
        changed = False
        words = []
        for word in text.split():
            bare = word.strip('"«»()+-')
            surface, lemma = query_keys(bare)
            if (not surface or surface in STOPWORDS or ":" in bare or bare.endswith(("*", "~")) or surface.isdigit()
                    or bare in ("AND", "OR", "NOT") or self._known(reader, surface, lemma)):
                words.append(word)
                continue
            maxdist, prefix = (1, 1) if len(surface) < 6 else (2, 2)
            options = [s for s in corrector.suggest(surface, limit=3, maxdist=maxdist, prefix=prefix)
                       if not s.startswith(LEMMA_PREFIX) and s != surface]
            if options:
                words.append(word.replace(bare, options[0]))
                changed = True
            else:
                words.append(word)
        return " ".join(words) if changed else None

    @staticmethod
    def _known(reader, surface: str, lemma: str | None) -> bool:  # type: ignore[no-untyped-def]
        keys = (surface, LEMMA_PREFIX + (lemma or surface))
        return any(reader.doc_frequency(field, key) for field in TEXT_FIELDS for key in keys)

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
                   limit: int = 10) -> list[str]:
        """The ids of `search`'s first `limit` hits, in its order, without snippets, facets or suggestions
        (the window's later pages of a long result list)."""
        searcher = self._searcher
        q = parse_query(text, searcher.schema, searcher.reader())
        if tags:
            q = wq.And([q, wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags])])
        kwargs: dict[str, object] = {"limit": max(1, limit)}
        if sort == "date":
            kwargs.update(sortedby="date", reverse=True)
        scorer = self._scorer()
        if sort != "date" and scorer.supports(q):
            return self._ids_of([docnum for docnum, _ in scorer.top(scorer.scores(q), max(1, limit))])
        results = searcher.search(q, **kwargs)
        return self._ids_of([results.docnum(n) for n in range(results.scored_length())])


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


def _hit(stored: dict, score: float | None, keys: set[str]) -> Hit:
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
