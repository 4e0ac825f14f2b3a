"""A small archive of real news text (the corpus's Fars News and Varzesh3 articles) with seeded
occurrences of a word and a phrase the base text never holds, so the expected counts are known by
construction: every spelling (ي/ی, ک/ك), joined, ZWNJ and spaced plurals; dates on both sides of
Jalali month and year boundaries, and undated articles."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from viewer.analysis.analyzer import positions_of, search_keys, token_pattern

SEED = 2828
WORD = "کتاب"
PHRASE_SECOND = "تازه"
GUARD = "پرتقال"  # follows a lone کتاب, so no lone one ever reads as the phrase
# A full stop ends each planted unit: a base word `ها` or `تر` after it would join the unit's last
# word as its suffix (`تازه تر` is one word, as `تازه‌تر`).
# Every one is a form of کتاب the search finds; the plural spellings by lemma.
VARIANTS = ("کتاب", "كتاب", "کتاب‌ها", "کتابها", "کتاب ها", "كتاب‌هاي", "کتاب‌های", "کتابهای")
PHRASE_VARIANTS = ("کتاب تازه", "كتاب تازه")
# day -> (Jalali month, Jalali year, Gregorian month, Gregorian year)
DAYS = {
    "2023-07-22": ("1402-04", "1402", "2023-07", "2023"),
    "2023-07-23": ("1402-05", "1402", "2023-07", "2023"),
    "2023-11-21": ("1402-08", "1402", "2023-11", "2023"),
    "2023-11-22": ("1402-09", "1402", "2023-11", "2023"),
    "2024-03-19": ("1402-12", "1402", "2024-03", "2024"),
    "2024-03-20": ("1403-01", "1403", "2024-03", "2024"),
}
TAGS = ("فرهنگ", "ورزش")


def _folded(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "")


def _keys_of(text: str) -> set[str]:
    return {key for match in token_pattern().finditer(text) for keys in positions_of(match.group()) for key in keys}


@dataclass
class Planted:
    """What was put into one article."""

    url: str
    day: str | None
    tags: list[str]
    lone: int = 0  # کتاب (any variant) not in the phrase
    phrases: int = 0
    written: Counter[str] = field(default_factory=Counter)  # each variant as written, phrases' words included

    @property
    def occurrences(self) -> int:  # a word query counts the phrases' کتاب too
        return self.lone + self.phrases


def clean_items(corpus_items: dict[str, list[dict]], count: int) -> list[dict]:
    """Corpus articles whose title, text and tags hold no form of کتاب nor تازه nor the guard word."""
    banned = set(search_keys(WORD)) | set(search_keys(PHRASE_SECOND)) | set(search_keys(GUARD))
    chosen = []
    for name in ("fars-news-1.json", "varzesh3-1.json", "fars-news-3.json"):
        for item in corpus_items[name]:
            paragraphs = [str(p) for p in item.get("paragraphs") or [] if str(p).strip()]
            whole = " ".join([str(item.get("title", "")), str(item.get("abstract", "")), *paragraphs,
                              *map(str, item.get("tags") or [])])
            if not paragraphs or len(whole) > 6000:
                continue
            if any(word in _folded(whole) for word in ("کتاب", PHRASE_SECOND, GUARD)) or _keys_of(whole) & banned:
                continue
            chosen.append({"title": item["title"], "text": paragraphs, "url": item["link"]})
            if len(chosen) == count:
                return chosen
    raise AssertionError("the corpus has too few clean articles")


def _insert(paragraph: str, units: list[str], rng: random.Random) -> str:
    words = paragraph.split(" ")
    for unit in units:
        at = rng.randint(0, len(words))
        words.insert(at, unit)
    return " ".join(words)


def plant(items: list[dict], rng: random.Random) -> tuple[list[dict], list[Planted]]:
    out: list[dict] = []
    planted: list[Planted] = []
    for n, item in enumerate(items):
        day = None if n % 7 == 3 else rng.choice(sorted(DAYS))
        tags = [TAGS[n % 2]] if n % 3 else []
        record = Planted(item["url"], day, tags)
        paragraphs = list(item["text"])
        if n % 5 != 4:  # a fifth of the articles hold none
            for _ in range(rng.randint(1, 6)):
                units: list[str] = []
                for _ in range(rng.randint(0, 3)):
                    variant = rng.choice(VARIANTS)
                    record.written[variant] += 1
                    record.lone += 1
                    units.append(f"{variant} {GUARD}.")
                if rng.random() < 0.4:
                    phrase = rng.choice(PHRASE_VARIANTS)
                    record.written[phrase.split(" ")[0]] += 1
                    record.phrases += 1
                    units.append(phrase + ".")
                at = rng.randrange(len(paragraphs))
                paragraphs[at] = _insert(paragraphs[at], units, rng)
        made: dict[str, object] = {"title": item["title"], "text": paragraphs, "tags": tags, "url": item["url"]}
        if day is not None:
            made["date"] = day
        out.append(made)
        planted.append(record)
    return out, planted


def write(folder: Path, items: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return folder
