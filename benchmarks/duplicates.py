"""Near-duplicate detection measured: Bayegan's sketches (datasketch MinHash of folded word 3-grams,
LSH bands in SQLite) on the public dataset given with --corpus DIR.

    .venv/bin/python benchmarks/duplicates.py --corpus DIR [--pairs 300] [--seed 20]

- positives: republished variants made from corpus articles by code (seeded): another title and the
  agency line changed, one paragraph cut, a few words replaced; also "edits only" and "cut only";
- negatives: for sampled articles, the other corpus article sharing the most words (the same topic,
  another story) — these must not be grouped;
- every article and variant goes in one store; a pair counts as found when `similar` lists it.
Reports recall per variant kind, false groupings of related pairs, other pairs found in the corpus,
time per article (sketch, store, lookup) and the store's size per article.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus_arg import add_corpus_argument  # benchmarks/ is sys.path[0] when run as a script

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from viewer.search.duplicates import folded_words  # noqa: E402
from viewer.search.sketches import NEAR_DUPLICATE, SketchStore, sketch_of  # noqa: E402

KINDS = ("republished", "edits only", "cut only")


def load(corpus: Path) -> list[tuple[str, list[str]]]:
    seen, articles = set(), []
    for path in sorted(corpus.glob("*.json")):
        for item in json.loads(path.read_text("utf-8")):
            paragraphs = [p for p in [item.get("abstract", ""), *(item.get("paragraphs") or [])] if p and p.strip()]
            if item.get("link") in seen or not paragraphs:
                continue
            seen.add(item.get("link"))
            articles.append((item.get("title", ""), paragraphs))
    return articles


def variant(paragraphs: list[str], kind: str, rng: random.Random, vocabulary: list[str]) -> list[str]:
    out = list(paragraphs)
    if kind in ("republished", "cut only") and len(out) >= 4:
        del out[rng.randrange(1, len(out))]
    if kind in ("republished", "edits only"):
        for _ in range(3 if kind == "republished" else 6):
            at = rng.randrange(len(out))
            words = out[at].split()
            if words:
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
                out[at] = " ".join(words)
    if kind == "republished":
        out[0] = out[0].replace("خبرگزاری فارس", "خبرگزاری ایرنا").replace("فارس", "ایسنا")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_corpus_argument(parser)
    parser.add_argument("--pairs", type=int, default=300, help="variants of each kind, and related pairs")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    print(f"seed {args.seed}", file=sys.stderr)
    rng = random.Random(args.seed)
    articles = load(args.corpus)
    texts = ["\n".join(p) for _, p in articles]
    vocabulary = sorted({w for t in texts[:500] for w in t.split()})
    long_enough = [i for i, (_, p) in enumerate(articles) if len(p) >= 4 and len(texts[i].split()) >= 120]
    planted: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    all_texts = {f"a{i}": t for i, t in enumerate(texts)}
    for kind in KINDS:
        for n, i in enumerate(rng.sample(long_enough, min(args.pairs, len(long_enough)))):
            key = f"{kind}-{n}"
            all_texts[key] = "\n".join(variant(articles[i][1], kind, rng, vocabulary))
            planted[kind].append((f"a{i}", key))

    words = [set(folded_words(t)) for t in texts]
    related = []
    for i in rng.sample(range(len(texts)), min(args.pairs, len(texts))):
        overlap = [(len(words[i] & w) / max(1, len(words[i] | w)), j) for j, w in enumerate(words)
                   if j != i and texts[j] != texts[i]]
        related.append((f"a{i}", f"a{max(overlap)[1]}", max(overlap)[0]))

    started = time.perf_counter()
    sigs = {key: sketch_of(text) for key, text in all_texts.items()}
    sketch_ms = (time.perf_counter() - started) * 1000 / len(all_texts)
    with tempfile.TemporaryDirectory() as folder, SketchStore(Path(folder)) as store:
        started = time.perf_counter()
        for key, sig in sigs.items():
            store.put(key, sig)
        store.commit()
        store_ms = (time.perf_counter() - started) * 1000 / len(sigs)
        started = time.perf_counter()
        found = {key: dict(store.similar(key)) for key in all_texts}
        lookup_ms = (time.perf_counter() - started) * 1000 / len(all_texts)
        size = (Path(folder) / "bayegan-sketches.sqlite3").stat().st_size
    lines = [f"# Near duplicates: datasketch MinHash + LSH (threshold {NEAR_DUPLICATE})", "",
             f"{len(texts)} corpus articles, seed {args.seed}.", "",
             "| pairs | n | grouped | mean score |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        hits = [found[a].get(b) for a, b in planted[kind]]
        scores = [s for s in hits if s is not None]
        mean = sum(scores) / len(scores) if scores else 0.0
        lines.append(f"| {kind} (must be grouped) | {len(hits)} | {len(scores) / len(hits):.1%} | {mean:.2f} |")
    wrong = [(a, b, j) for a, b, j in related if b in found[a]]
    mean_overlap = sum(j for *_, j in related) / len(related)
    lines.append(f"| related: same topic, most shared words (must not be) | {len(related)} | "
                 f"{len(wrong) / len(related):.1%} | word overlap {mean_overlap:.2f} |")
    corpus_pairs = {tuple(sorted((a, b))) for a in found for b in found[a] if a.startswith("a") and b.startswith("a")}
    lines += ["", f"Other near-duplicate pairs found among the corpus articles themselves: {len(corpus_pairs)}.",
              "", "| cost | value |", "|---|---:|",
              f"| sketch per article (fold, 3-grams, MinHash) | {sketch_ms:.2f} ms |",
              f"| store per article (SQLite, 16 bands) | {store_ms:.2f} ms |",
              f"| lookup per article (`similar`) | {lookup_ms:.2f} ms |",
              f"| store size per article | {size / len(sigs):.0f} bytes |"]
    for a, b in sorted(corpus_pairs)[:5]:
        print(f"corpus pair {found[a][b]:.2f}: {articles[int(a[1:])][0][:60]} | {articles[int(b[1:])][0][:60]}",
              file=sys.stderr)
    table = "\n".join(lines) + "\n"
    print(table)
    (Path(__file__).resolve().parent / "results" / "duplicates.md").write_text(table, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
