"""The search-quality benchmark's twins (benchmarks/quality_twins.py): which other articles a generated
query cannot tell from its target, and that finding them leaves the generated queries as they were."""

from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType


def _load() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "quality_twins.py"
    spec = importlib.util.spec_from_file_location("quality_twins", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


twins_module = _load()


@dataclass
class Doc:
    title: str
    text: str
    tags: list[str] = field(default_factory=list)


class Kinds:
    """A generator with one kind whose candidates draw from its random state, as another form of a
    verb does: (a tag, its last word) for each tag whose last word is not in the text."""

    def __init__(self) -> None:
        self.rng = random.Random(5)

    def tag_word(self, doc: Doc) -> list[tuple[str, str]]:
        self.rng.random()
        return [(tag, tag.split()[-1]) for tag in doc.tags if tag.split()[-1] not in doc.text]


def test_a_title_is_read_with_persian_letters_and_without_its_numbers() -> None:
    title_key = twins_module.title_key
    assert title_key("گزارش تمرين پرسپوليس ۲") == title_key("گزارش تمرین پرسپولیس 3")
    assert title_key("گزارش تمرین پرسپولیس") != title_key("گزارش تمرین استقلال")
    assert title_key("گزارش تمرین آبی‌پوشان") != title_key("گزارش تمرین آبی پوشان")


def test_a_twin_has_the_same_title_and_the_same_source_form() -> None:
    target = Doc("گزارش تمرین پرسپولیس", "تمرین امروز برگزار شد", ["پرسپولیس تهران"])
    twin = Doc("گزارش تمرین پرسپولیس", "تمرین دیروز در ورزشگاه", ["پرسپولیس تهران"])
    says_it = Doc("گزارش تمرین پرسپولیس", "تمرین در تهران برگزار شد", ["پرسپولیس تهران"])
    other_tag = Doc("گزارش تمرین پرسپولیس", "تمرین امروز", ["استقلال تهران"])
    other_title = Doc("گزارش تمرین استقلال", "تمرین امروز", ["پرسپولیس تهران"])
    twins = twins_module.Twins([target, twin, says_it, other_tag, other_title])
    kinds = Kinds()
    assert twins.of("tag-word", target, "پرسپولیس تهران", kinds.tag_word) == [twin]
    # A known item is typed from the title alone: every other article of the title answers it.
    assert twins.of(twins_module.KNOWN, target, target.title, None) == [twin, says_it, other_tag]
    assert twins.of("tag-word", other_title, "پرسپولیس تهران", kinds.tag_word) == []


def test_finding_twins_leaves_the_generator_s_random_state_as_it_was() -> None:
    docs = [Doc("گزارش تمرین", "متن", ["پرسپولیس تهران"]) for _ in range(3)]
    queries = [("تمرین تهران", doc, "پرسپولیس تهران") for doc in docs]
    kinds, untouched = Kinds(), Kinds()
    found = twins_module.twins_of_queries(twins_module.Twins(docs), kinds, "tag-word", queries)
    assert [len(t) for t in found] == [2, 2, 2]
    assert kinds.rng.random() == untouched.rng.random()
