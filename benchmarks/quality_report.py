"""The search-quality table (markdown) of benchmarks/search_quality.py."""

from __future__ import annotations

from typing import NamedTuple

TOP = 10


class Scores(NamedTuple):
    recall: float  # the target or a twin in the top 10
    mrr: float
    misses: list[str]
    alone: float  # recall@10 of the target alone (no twins)


class Row(NamedTuple):
    title: str
    queries: int
    with_twin: int  # queries whose target has a twin (quality_twins.py)
    bayegan: Scores
    plain: Scores


def render(all_rows: dict[str, list[Row]], docs: int, indexed: int, seconds: float, per_kind: int) -> str:
    sample = (f"at most {per_kind} queries per kind ({per_kind * 2} known items), each from another article"
              if per_kind else "one query from every article that gives the kind one")
    lines = ["# Search quality: Bayegan beside plain Whoosh", "",
             f"{docs:,} articles of the public dataset (both indexes hold all of them; Bayegan indexed {indexed:,}). "
             f"Queries generated from held-out files (not fars-news-1 / varzesh3-1), {sample}; found = the article, or a twin "
             f"of it (same title, same source form: benchmarks/README.md), in the top {TOP}. Run took {seconds:.0f} s.", ""]
    for label, results in all_rows.items():
        lines += [f"## {label.capitalize()} articles", "",
                  "| query kind | queries | with a twin | Bayegan recall@10 | plain Whoosh recall@10 | Bayegan MRR "
                  "| plain Whoosh MRR | Bayegan, target alone | plain Whoosh, target alone |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in results:
            b, p = row.bayegan, row.plain
            lines.append(f"| {row.title} | {row.queries} | {row.with_twin} | **{b.recall:.3f}** | {p.recall:.3f} | "
                         f"{b.mrr:.3f} | {p.mrr:.3f} | {b.alone:.3f} | {p.alone:.3f} |")
        variants = [row for row in results if not row.title.startswith("known")]
        lines.append(_total("**all variant pairs**", variants, with_recall=True))
        lines.append(_total("**all queries (MRR)**", results, with_recall=False))
        lines.append("")
    lines += ["Targets (issue 3): variant recall@10 ≥ 0.97, known-item recall@10 ≥ 0.97, MRR ≥ 0.9.", ""]
    return "\n".join(lines)


def _mean(rows: list[Row], engine: str, value: str) -> float:
    """The mean over every query of the rows (each row weighed by its number of queries)."""
    total = sum(row.queries for row in rows)
    return sum(getattr(getattr(row, engine), value) * row.queries for row in rows) / max(1, total)


def _total(title: str, rows: list[Row], with_recall: bool) -> str:
    n, twins = sum(row.queries for row in rows), sum(row.with_twin for row in rows)
    mrr = f"**{_mean(rows, 'bayegan', 'mrr'):.3f}** | {_mean(rows, 'plain', 'mrr'):.3f}"
    if not with_recall:
        return f"| {title} | {n} | {twins} | | | {mrr} | | |"
    return (f"| {title} | {n} | {twins} | **{_mean(rows, 'bayegan', 'recall'):.3f}** | {_mean(rows, 'plain', 'recall'):.3f} | "
            f"{mrr} | {_mean(rows, 'bayegan', 'alone'):.3f} | {_mean(rows, 'plain', 'alone'):.3f} |")
