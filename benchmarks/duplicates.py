"""Exact and near duplicates measured on the public dataset given with --corpus DIR, with the
fingerprints and MinHash sketches Bayegan indexes (viewer/search/copies/fingerprints.py).

    .venv/bin/python benchmarks/duplicates.py --corpus DIR [--pairs 200] [--seed 20]

- exact copies: articles (deduplicated by link) whose fingerprints are equal, i.e. that would merge
  into one article — each group is printed to check by eye;
- near duplicates among the corpus articles: every LSH candidate pair with its estimated similarity,
  counted by score band, and the pairs at or above NEAR_DUPLICATE printed (titles) for a spot-check;
- planted variants (seeded): "republished" (agency line changed, one paragraph cut, 3 words replaced),
  "edits only" (6 words replaced), "cut only" (one paragraph cut) — the share grouped with the
  original;
- related pairs: each sampled article with the other corpus article sharing the most words (the same
  topic, another story) — none may be grouped;
- time per article to fold, fingerprint and sketch.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations, pairwise
from pathlib import Path

from corpus_arg import add_corpus_argument  # benchmarks/ is sys.path[0] when run as a script

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from viewer.search.copies.fingerprints import (  # noqa: E402
    BANDS,
    NEAR_DUPLICATE,
    PERMUTATIONS,
    ROWS,
    band_keys,
    fingerprint,
    folded_words,
    signature_values,
    similarity,
    sketch,
)

KINDS = ("republished", "edits only", "cut only")
SCORE_BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def load(corpus: Path) -> list[tuple[str, list[str], str]]:
    seen, articles = set(), []
    for path in sorted(corpus.glob("*.json")):
        for item in json.loads(path.read_text("utf-8")):
            paragraphs = [p for p in [item.get("abstract", ""), *(item.get("paragraphs") or [])] if p and p.strip()]
            if item.get("link") in seen or not paragraphs:
                continue
            seen.add(item.get("link"))
            articles.append((item.get("title", ""), paragraphs, str(item.get("link", ""))))
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


def near_pairs(sigs: dict[str, bytes | None]) -> dict[tuple[str, str], float]:
    """Every LSH candidate pair (sharing a band) with its estimated similarity."""
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for key, sig in sigs.items():
        if sig is not None:
            for band, value in enumerate(band_keys(signature_values(sig)[None, :])[0].tolist()):
                buckets[(band, value)].append(key)
    pairs: dict[tuple[str, str], float] = {}
    for keys in buckets.values():
        for a, b in combinations(sorted(keys), 2):
            if (a, b) not in pairs:
                first, second = sigs[a], sigs[b]
                assert first is not None and second is not None
                pairs[(a, b)] = similarity(first, second)
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_corpus_argument(parser)
    parser.add_argument("--pairs", type=int, default=200, help="variants of each kind, and related pairs")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = load(args.corpus)
    texts = ["\n".join(p) for _, p, _ in articles]

    started = time.process_time()
    words = [folded_words(t) for t in texts]
    folds = [fingerprint(title, w) for (title, _, _), w in zip(articles, words, strict=True)]
    sigs: dict[str, bytes | None] = {f"a{i}": sketch(w) for i, w in enumerate(words)}
    per_article_ms = (time.process_time() - started) * 1000 / len(texts)

    groups: dict[str, list[int]] = defaultdict(list)
    for i, fold in enumerate(folds):
        if fold:
            groups[fold].append(i)
    exact = [members for members in groups.values() if len(members) > 1]
    for members in exact[:10]:
        print("exact group:", [(articles[i][0][:50], articles[i][2]) for i in members], file=sys.stderr)

    corpus_pairs = near_pairs(sigs)
    by_band = Counter(next(f"{low:.1f}-{high:.1f}" for low, high in pairwise(SCORE_BANDS)
                           if low <= score < high) for score in corpus_pairs.values() if score >= SCORE_BANDS[0])
    found = sorted(((s, a, b) for (a, b), s in corpus_pairs.items() if s >= NEAR_DUPLICATE), reverse=True)
    for score, a, b in found[:: max(1, len(found) // 12)]:
        print(f"corpus pair {score:.2f}: {articles[int(a[1:])][0][:60]} | {articles[int(b[1:])][0][:60]}",
              file=sys.stderr)

    vocabulary = sorted({w for t in texts[:500] for w in t.split()})
    long_enough = [i for i, (_, p, _) in enumerate(articles) if len(p) >= 4 and len(texts[i].split()) >= 120]
    planted: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    variants: dict[str, bytes | None] = dict(sigs)
    for kind in KINDS:
        for n, i in enumerate(rng.sample(long_enough, min(args.pairs, len(long_enough)))):
            key = f"{kind}-{n}"
            variants[key] = sketch(folded_words("\n".join(variant(articles[i][1], kind, rng, vocabulary))))
            planted[kind].append((f"a{i}", key))
    all_pairs = near_pairs(variants)

    word_sets = [set(w) for w in words]
    related = []
    for i in rng.sample(range(len(texts)), min(args.pairs, len(texts))):
        overlap = [(len(word_sets[i] & w) / max(1, len(word_sets[i] | w)), j) for j, w in enumerate(word_sets)
                   if j != i and folds[j] != folds[i]]
        best, j = max(overlap)
        related.append((f"a{min(i, j)}", f"a{max(i, j)}", best))

    lines = [f"# Duplicates: fingerprints and numpy MinHash ({PERMUTATIONS} hashes, {BANDS} bands of {ROWS}), "
             f"threshold {NEAR_DUPLICATE}", "",
             f"{len(texts)} corpus articles (distinct links), seed {args.seed}.", "",
             f"Exact copies (equal fingerprints, distinct links): {len(exact)} groups, "
             f"{sum(len(g) for g in exact)} articles.", "",
             "Candidate pairs among the corpus articles by estimated similarity:", "",
             "| similarity | pairs |", "|---|---:|"]
    lines += [f"| {band} | {by_band[band]} |" for band in sorted(by_band)]
    lines += ["", f"Near-duplicate pairs (≥ {NEAR_DUPLICATE}) among the corpus articles: {len(found)}.", "",
              "| planted pairs | n | grouped | mean score | lowest score | grouped at " + " / ".join(map(str, THRESHOLDS))
              + " |", "|---|---:|---:|---:|---:|---|"]
    for kind in KINDS:
        scores = [all_pairs.get((min(a, b), max(a, b)), 0.0) for a, b in planted[kind]]
        grouped = [s for s in scores if s >= NEAR_DUPLICATE]
        mean = sum(grouped) / len(grouped) if grouped else 0.0
        exact_scores = sorted(similarity(variants[a] or b"", variants[b] or b"") for a, b in planted[kind])
        at = " / ".join(f"{sum(s >= t for s in scores) / len(scores):.1%}" for t in THRESHOLDS)
        lines.append(f"| {kind} (must be grouped) | {len(scores)} | {len(grouped) / len(scores):.1%} | {mean:.2f} | "
                     f"{exact_scores[0]:.2f} | {at} |")
    wrong = [pair for pair in related if corpus_pairs.get(pair[:2], 0.0) >= NEAR_DUPLICATE]
    mean_overlap = sum(j for *_, j in related) / len(related)
    related_scores = sorted(similarity(sigs[a] or b"", sigs[b] or b"") for a, b, _ in related)
    lines += [f"| related: same topic, most shared words (must not be) | {len(related)} | "
              f"{len(wrong) / len(related):.1%} | word overlap {mean_overlap:.2f} | highest score "
              f"{related_scores[-1]:.2f} | |", "",
              f"Fold, fingerprint and sketch: {per_article_ms:.2f} ms of CPU an article (in the prepare workers)."]
    table = "\n".join(lines) + "\n"
    print(table)
    (Path(__file__).resolve().parent / "results" / "duplicates.md").write_text(table, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
