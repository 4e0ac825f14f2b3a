"""Persian search quality: Bayegan beside plain Whoosh on the same documents, in the same run.

    .venv/bin/python benchmarks/search_quality.py          # ~1-2 min; table to stdout and results/

Both indexes hold every article of the public dataset given with --corpus DIR (deduplicated by link): plain Whoosh
(StandardAnalyzer on title + text, the raw JSON text) and Bayegan's (the real importers and
`Archive.sync`). Queries are generated, never picked by hand, from the HELD-OUT files only
(fars-news-2..4, varzesh3-2..4; the analyzer was tuned on fars-news-1 and varzesh3-1, reported on a
second row for reference):

- variant pairs: a rare word of the article's title (typed as it stands in the source, a word a
  user types the same way) plus a word of the article spelled differently, one kind at a time:
  ی/ک typed for ي/ك in the text; Persian digits typed for the text's digits; a ZWNJ compound typed
  joined, typed with a space, and typed with a ZWNJ where the text has a space; harakat/tatweel;
  hamza spellings (رئیس/رییس, مسئول/مسوول, مسئله/مساله both ways); a singular typed for a plural in
  the text; another form of a verb in the text (hazm's conjugations of the same verb);
- known-item queries: three content words of the title typed as a user would (Persian letters, no
  ZWNJ).

A query counts as found when its article, or a twin of it (another article of the same title the
generator would have made the same query from: quality_twins.py), is in the top 10; MRR is the mean of
1/rank (0 beyond 10). The table also gives recall@10 of the target alone.
Writes the markdown table to stdout and benchmarks/results/search_quality.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus_arg import add_corpus_argument  # noqa: E402
from quality_kinds import EverydayKinds  # noqa: E402  (benchmarks/ is the script's folder)
from quality_report import TOP, Row, Scores, render  # noqa: E402
from quality_twins import KNOWN, Twins, twins_of_queries  # noqa: E402

from viewer.analysis.analyzer import is_stopword  # noqa: E402
from viewer.analysis.lemma import lemma_of, lemmatizer  # noqa: E402
from viewer.analysis.normalize import ZWNJ, display_text, fold_word  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
TUNE_FILES = ("fars-news-1.json", "varzesh3-1.json")
PER_KIND = 120  # --per-kind; 0: every article of the files that gives the kind a query


_MARKS = "\u064b-\u065f\u0670\u0640"
_WORD = re.compile(rf"[\w{_MARKS}]+(?:\u200c[\w{_MARKS}]+)*")
_HARAKAT = re.compile(f"[{_MARKS}]")
_PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
_DETACHED = re.compile(r"(?<![\w\u200c])(ن?م[یي]) ([\w]{2,})|([\w]{2,}) (ها|های|هایی|ها[یي])(?![\w\u200c])")
_HAMZA_TO_PLAIN = ((re.compile("(?<=ا)ئ"), "ی"), (re.compile("ئ(?=ی)"), "ی"), (re.compile("ئ(?=و)"), "و"),
                   (re.compile("ئ"), "ا"))
_PLURAL = re.compile("^(.{2,}?)\u200c?(ها|های|هایی)$")

KINDS = (
    ("yeh-kaf", "ی/ک typed, ي/ك in the text"),
    ("digits", "Persian digits typed"),
    ("zwnj-joined", "ZWNJ compound typed joined"),
    ("zwnj-spaced", "ZWNJ compound typed with a space"),
    ("space-typed-zwnj", "text with a space, typed with ZWNJ"),
    ("harakat-tatweel", "harakat/tatweel typed or in the text"),
    ("hamza", "hamza spelling (رئیس/رییس …)"),
    ("singular", "singular typed, plural in the text"),
    ("verb-form", "another form of the verb typed"),
    # issue 13 (benchmarks/quality_kinds.py)
    ("punctuation", "punctuation pasted with a word (تهران. «تهران»)"),
    ("quoted-compound", "ZWNJ compound typed with a space, in quotes"),
    ("decimal", "decimal typed in another writing (۱۲٫۵ / 12.5)"),
    ("glued-digits", "word glued to digits in the text (یورو2020)"),
    ("plural-an", "singular typed, -ان/-یان/-گان plural in the text"),
    ("superlative", "superlative's base typed (مهم → مهمترین)"),
    ("participle", "verb typed, participle/perfect in the text"),
    ("light-chain", "light-verb chain typed verbatim (دستگیر شده اند)"),
    ("may-word", "detached می that starts no verb (ماه می سال)"),
    ("tag-stopword", 'tag holding a stopword (tag:"صدا و سیما")'),
    ("tag-word", "a word of a tag, not in the text"),
)


VERBATIM_KINDS = ("light-chain", "may-word")


class Doc:
    def __init__(self, item: dict, file: str):
        self.link: str = item["link"]
        self.file = file
        self.title: str = str(item.get("title") or "")
        parts = [str(item.get("abstract") or ""), *(str(p) for p in item.get("paragraphs") or [])]
        self.text = "\n".join(parts)
        self.title_words = _WORD.findall(self.title)
        self.text_words = _WORD.findall(self.text)
        self.tags: list[str] = [str(t) for t in item.get("tags") or [] if str(t).strip()]


def load_docs(corpus: Path) -> list[Doc]:
    docs, seen = [], set()
    for path in sorted(corpus.glob("*.json")):
        for item in json.loads(path.read_text("utf-8")):
            if item.get("link") and item.get("title") and item["link"] not in seen:
                seen.add(item["link"])
                docs.append(Doc(item, path.name))
    return docs


# ---------------------------------------------------------------- query generation

def _typed(word: str) -> str:
    """A word as a user types it: Persian letters."""
    return display_text(word)


def _plain(word: str) -> bool:
    """A word a user types exactly as the source has it (so it tests nothing but itself)."""
    return (word == _typed(word) and ZWNJ not in word and not _HARAKAT.search(word) and "ئ" not in word
            and not any(c.isdigit() for c in word) and len(word) >= 3 and not word.isascii())


def _content(word: str) -> bool:
    return len(word) >= 2 and not is_stopword(word.replace(ZWNJ, "")) and _typed(word) not in ("می", "نمی")


class Generator(EverydayKinds):
    def __init__(self, docs: list[Doc], seed: int = 11):
        self.tools = sys.modules[__name__]
        self.rng = random.Random(seed)
        self.df: Counter[str] = Counter()
        for doc in docs:
            self.df.update({fold_word(w) for w in doc.title_words + doc.text_words})
        self.vocabulary = set(self.df)
        table = lemmatizer()
        self.verb_forms: dict[str, list[str]] = {}
        for form, lemma in table.verbs.items():
            self.verb_forms.setdefault(lemma, []).append(form)
        self.verbs = table.verbs

    def rare_title_word(self, doc: Doc) -> str | None:
        words = [w for w in doc.title_words if _plain(w) and _content(w)]
        return min(words, key=lambda w: (self.df[fold_word(w)], w)) if words else None

    def pick(self, candidates: list[tuple[str, str]], rare: str, verbatim: bool = False) -> tuple[str, str] | None:
        """One (source form, typed form) whose typed form is not the rare word (and, unless the kind
        types the text verbatim, differs from the source)."""
        options = [(s, t) for s, t in dict.fromkeys(candidates)
                   if fold_word(t) != fold_word(rare) and (verbatim or t != s) and rare not in t.split()]
        return self.rng.choice(options) if options else None

    # one method per kind: the candidate (source form, typed form) pairs of a document
    def yeh_kaf(self, doc: Doc) -> list[tuple[str, str]]:
        return [(w, _typed(w)) for w in doc.text_words if re.search("[يك]", w) and ZWNJ not in w and _content(_typed(w))
                and not _HARAKAT.search(w) and len(w) >= 3]

    def digits(self, doc: Doc) -> list[tuple[str, str]]:
        return [(w, w.translate(_PERSIAN_DIGITS)) for w in doc.text_words if w.isdigit() and len(w) >= 2]

    def _zwnj_words(self, doc: Doc) -> list[str]:
        return [w for w in doc.text_words if ZWNJ in w and not _HARAKAT.search(w)
                and all(len(p) >= 2 for p in w.split(ZWNJ)) and _content(w)]

    def zwnj_joined(self, doc: Doc) -> list[tuple[str, str]]:
        return [(w, _typed(w).replace(ZWNJ, "")) for w in self._zwnj_words(doc)]

    def zwnj_spaced(self, doc: Doc) -> list[tuple[str, str]]:
        return [(w, _typed(w).replace(ZWNJ, " ")) for w in self._zwnj_words(doc)]

    def space_typed_zwnj(self, doc: Doc) -> list[tuple[str, str]]:
        pairs = []
        for m in _DETACHED.finditer(doc.text):
            source = m.group(0)
            typed = _typed(source).replace(" ", ZWNJ)
            if _content(typed.replace(ZWNJ, "")) and not is_stopword(typed):
                pairs.append((source, typed))
        return pairs

    def harakat_tatweel(self, doc: Doc) -> list[tuple[str, str]]:
        marked = [(w, _typed(_HARAKAT.sub("", w))) for w in doc.text_words if _HARAKAT.search(w) and _content(_HARAKAT.sub("", w))]
        if marked:
            return marked
        # None in the text: the user types them (a kasra after the first letter, a tatweel inside).
        plain = [w for w in doc.text_words if _plain(w) and len(w) >= 4 and _content(w)]
        return [(w, w[0] + "\u0650" + w[1:2] + "\u0640" + w[2:]) for w in plain]

    def hamza(self, doc: Doc) -> list[tuple[str, str]]:
        pairs = []
        for w in doc.text_words:
            typed = _typed(w)
            if "ئ" in typed and ZWNJ not in typed and _content(typed):
                alt = typed
                for pattern, replacement in _HAMZA_TO_PLAIN:
                    alt = pattern.sub(replacement, alt)
                pairs.append((w, alt))
            elif ZWNJ not in typed and _content(typed):
                # The other way: the text has رییس, the user types the hamza spelling the archive also uses.
                for plain_form, hamza_form in (("یی", "ئی"), ("وو", "ئو"), ("ایه", "ائه")):
                    if plain_form in typed[1:]:
                        alt = typed.replace(plain_form, hamza_form, 1)
                        if fold_word(alt) in self.vocabulary and alt not in self.vocabulary:
                            pairs.append((w, alt))
        return pairs

    def singular(self, doc: Doc) -> list[tuple[str, str]]:
        pairs = []
        for w in doc.text_words:
            m = _PLURAL.match(_typed(w))
            if m and len(m.group(1)) >= 3 and _content(m.group(1)) and fold_word(m.group(1)) in self.vocabulary:
                pairs.append((w, m.group(1)))
        return pairs

    def _verb_of(self, word: str) -> str | None:
        """The verb `word` is a form of, by hazm's rules (a form its word list knows as a word, such as
        مردم or گذشته, is that word, not a verb)."""
        lemma = lemma_of(word)
        return lemma if "#" in lemma and lemma.split("#")[0] else None

    def verb_form(self, doc: Doc) -> list[tuple[str, str]]:
        pairs = []
        for w in doc.text_words:
            lemma = self._verb_of(_typed(w))
            if lemma and _content(w):
                others = [f for f in self.verb_forms.get(lemma, ()) if f != _typed(w) and not is_stopword(f)
                          and self._verb_of(f) == lemma and fold_word(f) in self.vocabulary]
                if others:
                    pairs.append((w, self.rng.choice(sorted(others))))
        return pairs

    def variant_queries(self, docs: list[Doc]) -> dict[str, list[tuple[str, Doc, str]]]:
        out: dict[str, list[tuple[str, Doc, str]]] = {}
        for kind, _ in KINDS:
            method: Callable[[Doc], list[tuple[str, str]]] = getattr(self, kind.replace("-", "_"))
            queries = []
            for doc in self.rng.sample(docs, len(docs)):
                rare = self.rare_title_word(doc)
                if rare is None:
                    continue
                chosen = self.pick(method(doc), rare, verbatim=kind in VERBATIM_KINDS)
                if chosen is None:
                    continue
                queries.append((f"{rare} {chosen[1]}", doc, chosen[0]))
                if len(queries) == PER_KIND > 0:
                    break
            out[kind] = queries
        return out

    def known_item_queries(self, docs: list[Doc]) -> list[tuple[str, Doc, str]]:
        queries = []
        for doc in self.rng.sample(docs, len(docs)):
            words = [_typed(w).replace(ZWNJ, "") for w in doc.title_words if _content(w) and not w.isdigit()]
            words = [w for w in words if len(w) >= 2]
            if len(words) < 3:
                continue
            start = self.rng.randrange(len(words) - 2)
            queries.append((" ".join(words[start:start + 3]), doc, doc.title))
            if len(queries) == PER_KIND * 2 > 0:
                break
        return queries


# ---------------------------------------------------------------- the two engines

class PlainWhoosh:
    def __init__(self, docs: list[Doc], folder: Path):
        from whoosh import fields, index
        from whoosh.analysis import StandardAnalyzer
        from whoosh.qparser import MultifieldParser

        schema = fields.Schema(id=fields.ID(stored=True, unique=True),
                               title=fields.TEXT(analyzer=StandardAnalyzer(), stored=True),
                               text=fields.TEXT(analyzer=StandardAnalyzer(), stored=True),
                               tag=fields.TEXT(analyzer=StandardAnalyzer()))
        folder.mkdir(parents=True)
        ix = index.create_in(str(folder), schema)
        writer = ix.writer()
        for doc in docs:
            writer.add_document(id=doc.link, title=doc.title, text=doc.text, tag="\n".join(doc.tags))
        writer.commit()
        self.searcher = ix.searcher()
        self.parser = MultifieldParser(["title", "text", "tag"], schema)

    def ranked(self, query: str) -> list[str]:
        return [hit["id"] for hit in self.searcher.search(self.parser.parse(query), limit=TOP)]


class Bayegan:
    def __init__(self, folder: Path, corpus: Path):
        from viewer.core.paths import DataPaths
        from viewer.search.archive import Archive

        self.archive = Archive(DataPaths.resolve(folder))
        self.report = self.archive.sync([corpus])
        self.searcher = self.archive.searcher()
        self.id_of_link = {article.url: article.id for article in self.searcher.articles()}

    def ranked(self, query: str) -> list[str]:
        from viewer.core.errors import QueryError

        try:
            return [hit.id for hit in self.searcher.search(query, limit=TOP).hits]
        except QueryError:
            return []


def evaluate(engine_ranked: Callable[[str], list[str]], queries: list[tuple[str, Doc, str]],
             target: Callable[[Doc], str], twins: list[list[Doc]]) -> Scores:
    """Recall@10 and MRR counting the target or a twin (quality_twins.py), and recall of the target alone."""
    found = alone = 0
    reciprocal, misses = 0.0, []
    for (query, doc, source), others in zip(queries, twins, strict=True):
        ranked = engine_ranked(query)
        wanted = {target(d) for d in (doc, *others)}
        ranks = [rank for rank, hit in enumerate(ranked, 1) if hit in wanted]
        alone += target(doc) in ranked
        if ranks:
            found += 1
            reciprocal += 1 / ranks[0]
        else:
            misses.append(f"{query}  ←  {source}  ({doc.link})")
    n = max(1, len(queries))
    return Scores(found / n, reciprocal / n, misses, alone / n)


def main() -> int:
    global PER_KIND  # --per-kind: read by Generator's methods
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list Bayegan's misses (stderr)")
    parser.add_argument("--per-kind", type=int, default=PER_KIND, metavar="N",
                        help=f"queries per kind (known items: twice as many; default {PER_KIND}); 0: one from every "
                             "article that gives the kind one (~10 min), written to results/search_quality-every.md")
    add_corpus_argument(parser)
    args = parser.parse_args()
    PER_KIND = args.per_kind
    started = time.perf_counter()
    docs = load_docs(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="bayegan-quality-"))
    try:
        plain = PlainWhoosh(docs, work / "plain")
        bayegan = Bayegan(work / "bayegan", args.corpus)
        generator = Generator(docs)
        same_title = Twins(docs)
        rows, all_rows = [], {}
        for label, subset in (("held-out", [d for d in docs if d.file not in TUNE_FILES]),
                              ("tuning", [d for d in docs if d.file in TUNE_FILES])):
            variants = generator.variant_queries(subset)
            known = generator.known_item_queries(subset)
            table = [(kind, title, variants[kind]) for kind, title in KINDS]
            table.append((KNOWN, "known item (3 title words, no ZWNJ)", known))
            results = []
            for kind, title, queries in table:
                twins = twins_of_queries(same_title, generator, kind, queries)
                b = evaluate(bayegan.ranked, queries, lambda d: bayegan.id_of_link.get(d.link, ""), twins)
                p = evaluate(plain.ranked, queries, lambda d: d.link, twins)
                results.append(Row(title, len(queries), sum(1 for t in twins if t), b, p))
                if args.misses and label == "held-out":
                    for miss in b.misses:
                        print(f"[{title}] {miss}", file=sys.stderr)
            all_rows[label] = results
            rows.append(label)
        text = render(all_rows, len(docs), bayegan.report.added, time.perf_counter() - started, PER_KIND)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / ("search_quality-every.md" if PER_KIND == 0 else "search_quality.md")).write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
