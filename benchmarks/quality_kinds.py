"""The everyday query kinds of issue 13, generated from an article as (source form, typed form) pairs.

Each method finds, in the article as written (corpus facts only: the corpus vocabulary, hazm's verb
list for what a verb form is), the forms a user meets, and types them the way a user would:

- punctuation pasted with a word (`تهران.` `تهران،` `«تهران»` …);
- a ZWNJ compound of the text typed with a space inside quotes (`"ملی پوش"`);
- a decimal of the text typed in another writing (`۱۲٫۵` for 12.5, `12.5` for `۱۲/۵`);
- a word glued to digits in the text (`یورو2020`, `۹کیلومتر`) typed alone;
- the singular of an -ان/-یان/-گان plural of the text (the singular is a word of the corpus that also
  takes -ها, so names such as کرمان are left out);
- the base of a superlative of the text (`مهم` for `مهمترین`);
- a verb typed as its infinitive or present form where the text has a participle or a perfect;
- a chain of light words of the text typed verbatim (`دستگیر شده اند`);
- the month می (after ماه or a day, before a year) typed verbatim with its neighbours (`ماه می سال`);
- a tag of the article holding a stopword, as `tag:"…"`; a word of a tag that is not in the
  article's title or text, typed as a word.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

ZWNJ = "\u200c"
_PUNCTUATION = (".", "،", "؛", "!", "؟", ":", "»")
_DECIMAL = re.compile(r"(?<![\d.٫/])(\d+)([.٫/])(\d+)(?![\d.٫/])")
_GLUED = re.compile(r"^([^\W\d_a-zA-Z]{2,})(\d{2,})$|^(\d+)([^\W\d_a-zA-Z]{3,})$")
_PERSIAN = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_PERFECT = re.compile(f"^(ن?)(?:می{ZWNJ}?)?(.{{2,}})ه(?:{ZWNJ}?(?:ام|ای|است|ایم|اید|اند))?$")
_CHAIN = re.compile(r"(?<!\S)([^\W\d_]{3,}) (شده|بوده|کرده|گفته) (است|اند|بود|بودند|باشد)(?!\S)")
_MAY = re.compile(r"(?<!\S)(ماه|\d{1,2}) می ([^\W\d_]{2,}|\d{4})(?!\S)")


def _lexicon_word(word: str) -> bool:
    """Whether hazm's lexicon (words.dat) lists `word` with a corpus frequency of its own: پایان,
    باران and سازمان are words there; the plurals it generates (مردان, زنان) have frequency 0."""
    if not _LEXICON:
        spec = importlib.util.find_spec("hazm")
        assert spec is not None and spec.submodule_search_locations
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / "words.dat"
        for line in path.read_text("utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) > 1 and fields[1].isdigit() and int(fields[1]) > 0:
                _LEXICON.add(fields[0])
    return word in _LEXICON


_LEXICON: set[str] = set()


class EverydayKinds:
    """Mixed into search_quality.Generator: needs `self.vocabulary` (folded words of the corpus),
    `self.verb_forms` (hazm's verb -> forms) and the helpers passed in `tools`."""

    vocabulary: set[str]
    verb_forms: dict[str, list[str]]
    tools: Any  # the search_quality module: _typed, _plain, _content, _HARAKAT, fold_word, is_stopword

    def punctuation(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        words = [w for w in doc.text_words if t._plain(w) and t._content(w)]
        marks = [_PUNCTUATION[i % len(_PUNCTUATION)] for i in range(len(words))]
        return [(w, f"«{w}»" if mark == "»" else w + mark) for w, mark in zip(words, marks, strict=True)]

    def quoted_compound(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        return [(w, '"' + t._typed(w).replace(ZWNJ, " ") + '"') for w in doc.text_words
                if ZWNJ in w and not t._HARAKAT.search(w) and t._content(w.replace(ZWNJ, ""))
                and all(len(p) >= 2 for p in w.split(ZWNJ))]

    def decimal(self, doc: Any) -> list[tuple[str, str]]:
        pairs = []
        for m in _DECIMAL.finditer(doc.text):
            whole, sep, frac = m.groups()
            if sep == "." and whole.isascii():
                typed = f"{whole}٫{frac}".translate(_PERSIAN)  # the Persian decimal separator
            else:
                typed = f"{whole}.{frac}".translate(_ASCII)
            pairs.append((m.group(0), typed))
        return pairs

    def glued_digits(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        pairs = []
        for w in doc.text_words:
            m = _GLUED.match(w)
            if m:
                letters = m.group(1) or m.group(4)
                if t._content(letters):
                    pairs.append((w, t._typed(letters)))
        return pairs

    def plural_an(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        pairs = []
        for w in doc.text_words:
            typed = t._typed(w)
            for suffix, restore in (("گان", "ه"), ("یان", ""), ("ان", "")):
                if not typed.endswith(suffix) or ZWNJ in typed:
                    continue
                base = typed[: -len(suffix)] + restore
                folded = t.fold_word(base)
                if (len(base) >= 2 and t._content(base) and folded in self.vocabulary
                        and (folded + "ها") in self.vocabulary and not _lexicon_word(typed)):
                    pairs.append((w, base))
                break
        return pairs

    def superlative(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        pairs = []
        for w in doc.text_words:
            typed = t._typed(w).replace(ZWNJ, "")
            if typed.endswith("ترین") and len(typed) > 5:
                base = typed[:-4]
                if t._content(base) and t.fold_word(base) in self.vocabulary:
                    pairs.append((w, base))
        return pairs

    def participle(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        pairs = []
        for w in doc.text_words:
            m = _PERFECT.match(t._typed(w))
            if not m or not t._content(w):
                continue
            # نوشته: the stem is نوشت, not a negated وشت
            stem = m.group(1) + m.group(2) if self._verbs_of_past(m.group(1) + m.group(2)) else m.group(2)
            for lemma in self._verbs_of_past(stem):
                past, present = lemma.split("#")
                # the infinitive, or the present third person (می‌گوید for گفته)
                typed = f"می{ZWNJ}{present}د" if present and len(pairs) % 2 else past + "ن"
                if not t.is_stopword(typed):
                    pairs.append((w, typed))
                break
        return pairs

    def _verbs_of_past(self, past: str) -> list[str]:
        if not hasattr(self, "_past_index"):
            self._past_index: dict[str, list[str]] = {}
            for lemma in self.verb_forms:
                stem = lemma.split("#")[0]
                if stem and stem not in ("بود", "شد", "کرد", "داشت", "خواست"):
                    self._past_index.setdefault(stem, []).append(lemma)
        return self._past_index.get(past, [])

    def light_chain(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        return [(m.group(0), t._typed(m.group(0))) for m in _CHAIN.finditer(doc.text) if t._content(m.group(1))]

    def may_word(self, doc: Any) -> list[tuple[str, str]]:
        """The month: می after ماه or a day, or before a year (a verb's می is never there)."""
        t = self.tools
        return [(m.group(0), t._typed(m.group(0))) for m in _MAY.finditer(doc.text)]

    def tag_stopword(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        return [(tag, f'tag:"{t._typed(tag)}"') for tag in doc.tags
                if len(tag.split()) >= 2 and any(t.is_stopword(w) for w in tag.split()) and '"' not in tag]

    def tag_word(self, doc: Any) -> list[tuple[str, str]]:
        t = self.tools
        written = {t.fold_word(w) for w in doc.title_words + doc.text_words}
        return [(tag, t._typed(w)) for tag in doc.tags if len(tag.split()) >= 2 for w in tag.split()
                if t._plain(w) and t._content(w) and t.fold_word(w) not in written]
