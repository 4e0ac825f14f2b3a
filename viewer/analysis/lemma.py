"""Lemmas by hazm's rules and word lists, without building hazm's Lemmatizer.

hazm's Lemmatizer takes 1.6 s and ~160 MB to build (half a million conjugated forms, most of them
multi-word). The same answers come from hazm's word list (read from its package, first column only)
and `data/verb_forms.tsv.gz`, the one-word verb forms its Lemmatizer knows (build_verb_forms.py):
~50 ms and ~25 MB, loaded once, lazily.

hazm knows `می‌کند` and `کتاب‌ها` only with their zero-width non-joiner, while archives write
`میکند`/`کتابها` too; so the ZWNJ is restored at the affix boundary before the lookup.
Unknown words (most names) are left whole: no blind stemming (hazm's Stemmer makes اصفهان اصفه).
"""

from __future__ import annotations

import gzip
import importlib.util
import threading
from pathlib import Path

from viewer.core.persian_fold import ZWNJ

VERB_FORMS_PATH = Path(__file__).with_name("data") / "verb_forms.tsv.gz"

VERB_PREFIXES = ("نمی", "می")
PLURAL_SUFFIXES = ("هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "های", "ها")
# Split only off words hazm does not know whole: بهتر and دفتر are words, not به+تر and دف+تر.
WEAK_SUFFIXES = ("ترین", "تر", "ای", "ام", "ات", "اش")
PERFECT_ENDINGS = ("است", "اند", "ایم", "اید", "ام", "ای")
# Words no inflection is taken off to reach: به is not the base of بهترین (best), nor همه of همگان.
FUNCTION_BASES = frozenset("به که را از با در بر تا هم همه چه آن این او ما".split())

# hazm.constants.SUFFIXES plus the endings hazm's Stemmer adds, longest first (its order).
_STEMMER_ENDS = sorted({
    "ی", "ای", "ها", "های", "هایی", "تر", "تری", "ترین", "گر", "گری", "ام", "ات", "اش", "یم", "ید",
    "ند", "مان", "تان", "شان", "هایمان", "هایتان", "هایشان", "ان", "ین", "م", "ت", "ش",
    "\u0654", "\u200cا", "\u200c",
}, key=len, reverse=True)


class LemmaTable:
    """hazm's `Lemmatizer.lemmatize(word)` (no part of speech), from the compact tables, and the
    inflections hazm's word list holds as words of their own (`inflection`)."""

    def __init__(self, words: set[str], verbs: dict[str, str], adjectives: set[str] | None = None,
                 unseen: set[str] | None = None):
        self.words = words
        self.verbs = verbs
        self.adjectives = adjectives or set()  # words words.dat tags AJ (among others)
        self.unseen = unseen or set()  # words words.dat lists with frequency 0: inflections it generated
        self.present_stems = {lemma.partition("#")[2] for lemma in verbs.values()} - {""}
        self._by_stem: dict[str, set[str]] | None = None

    @classmethod
    def load(cls) -> LemmaTable:
        words, adjectives, unseen = _hazm_words()
        return cls(words, _verb_forms(), adjectives, unseen)

    def may_start_verb(self, rest: str) -> bool:
        """Whether `rest` after a detached می may be a present or past verb form (توان, رود, گفت)."""
        for end in ("", "م", "ی", "د", "یم", "ید", "ند", "ه"):
            stem = rest[: len(rest) - len(end)] if end else rest
            if rest.endswith(end) and (stem in self.present_stems or f"{stem}#" in self._stems()):
                return True
        return False

    def related_verbs(self, lemma: str) -> set[str]:
        """Verbs whose forms a form of `lemma` may be written as: those sharing its past stem
        (hazm gives نوشته to نوشت#نورد and می‌نویسد to نوشت#نویس), and those sharing its present
        stem with a past stem one letter away (hazm's گدشت#گذر beside گذشت#گذر)."""
        past, _, present = lemma.partition("#")
        found = set(self._stems().get(past + "#", ()))
        for other in self._stems().get("#" + present, ()):
            other_past = other.partition("#")[0]
            if len(other_past) == len(past) and sum(a != b for a, b in zip(other_past, past, strict=True)) == 1:
                found.add(other)
        found.discard(lemma)
        return found

    def _stems(self) -> dict[str, set[str]]:
        if self._by_stem is None:
            by_stem: dict[str, set[str]] = {}
            for lemma in set(self.verbs.values()):
                past, _, present = lemma.partition("#")
                for stem in (past + "#", "#" + present):
                    if stem != "#" and stem[:-1] != "#":
                        by_stem.setdefault(stem, set()).add(lemma)
            self._by_stem = by_stem
        return self._by_stem

    def lemmatize(self, word: str) -> str:
        if word in self.words:
            return word
        verb = self.verbs.get(word)
        if verb is not None:
            return verb
        stem = _stem(word)
        if stem and stem in self.words:
            return stem
        return word


def _stem(word: str) -> str:
    """hazm's Stemmer.stem."""
    for end in _STEMMER_ENDS:
        if word.endswith(end):
            if len(end) == 1 and len(word) - len(end) < 3:
                continue
            word = word[: -len(end)]
            break
    if word.endswith("ۀ"):
        word = word[:-1] + "ه"
    if word.endswith(ZWNJ):
        word = word[:-1]
    return word


def _hazm_words() -> tuple[set[str], set[str], set[str]]:
    """The first column of hazm's words.dat, read without importing hazm (and nltk with it), the
    words whose part-of-speech column holds AJ, and those listed with frequency 0 only."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return set(), set(), set()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "words.dat"
    words: set[str] = set()
    adjectives: set[str] = set()
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition("\t")
            if word.strip():
                words.add(word)
                if "AJ" in rest:
                    adjectives.add(word)
                if not rest.startswith("0\t"):
                    seen.add(word)
    return words, adjectives, words - seen


def _verb_forms() -> dict[str, str]:
    verbs: dict[str, str] = {}
    with gzip.open(VERB_FORMS_PATH, "rt", encoding="utf-8") as handle:
        for line in handle:
            lemma, _, forms = line.rstrip("\n").partition("\t")
            verbs.update(dict.fromkeys(forms.split(" "), lemma))
    return verbs


_lock = threading.Lock()
_table: LemmaTable | None = None


def lemmatizer() -> LemmaTable:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = LemmaTable.load()
    return _table


def preload() -> None:
    """Load the tables now (call it off the UI thread) so the first search does not wait."""
    lemmatizer()


def _zwnj_spellings(word: str, known: set[str]) -> list[str]:
    """`word`, then its spellings with a ZWNJ after a verb prefix or before a suffix."""
    spellings = [word]
    if ZWNJ in word:
        return spellings
    for prefix in VERB_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            spellings.append(prefix + ZWNJ + word[len(prefix):])
            break
    suffixes = PLURAL_SUFFIXES if word in known else PLURAL_SUFFIXES + WEAK_SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            spellings.append(word[: -len(suffix)] + ZWNJ + suffix)
    return spellings


def lemma_of(word: str) -> str:
    """hazm's lemma of `word` (in `lemma_form`), or `word` itself when hazm does not know it."""
    table = lemmatizer()
    verb = verb_of_form(word, table)
    if verb is not None:
        return verb
    # hazm's word list holds joined spellings (`کتابها`) as words of their own: split first.
    for spelling in [*_zwnj_spellings(word, table.words)[1:], word]:
        lemma = table.lemmatize(spelling)
        if lemma != spelling:
            return lemma
    return inflection_base(word, table) or word


def verb_of_form(word: str, table: LemmaTable) -> str | None:
    """The verb of a participle, a perfect or an infinitive that hazm's word list also holds as a
    word (`گفته`, `دیدن`, `دیده‌اند`, `خورده‌است`), which hazm's Lemmatizer leaves whole."""
    if word.endswith(PERFECT_ENDINGS):
        for ending in PERFECT_ENDINGS:
            if word.endswith(ending) and word[: -len(ending)].rstrip(ZWNJ).endswith("ه"):
                word = word[: -len(ending)].rstrip(ZWNJ)
                break
    verb = table.verbs.get(word)
    if verb is None:
        for prefix in VERB_PREFIXES:  # hazm writes می‌خورده with its ZWNJ
            if word.startswith(prefix) and not word.startswith(prefix + ZWNJ):
                verb = table.verbs.get(prefix + ZWNJ + word[len(prefix):])
                break
    if verb is None:
        return None
    past = verb.split("#")[0]
    if past and (word == past + "ن" or word.endswith(past + "ه")):
        return verb
    return None


def inflection_base(word: str, table: LemmaTable) -> str | None:
    """The base of a plural in -ان/-یان/-گان/-ات or of a superlative/comparative that hazm's word
    list holds as a word (`دوستان`, `نمایندگان`, `مهمترین`), or None.

    Nouns that only look like plurals (سازمان, پایان, باران) are tagged adjective-capable in
    words.dat while their plurals are not, so a listed word counts as a plural only when it is not
    tagged AJ and its base is."""
    words, adjectives = table.words, table.adjectives
    if word.endswith("ترین") and len(word) > 5:
        base = word[:-4].rstrip(ZWNJ)
        return base if base in words and base not in FUNCTION_BASES else None
    if word.endswith("تر") and len(word) > 4:
        base = word[:-2].rstrip(ZWNJ)
        if base in words and base not in FUNCTION_BASES and (word + "ین") in words:
            return base
        return None
    # A listed word counts as a plural when words.dat only generated it (frequency 0: مردان, سخنان)
    # or, seen in its corpus, when it is no adjective and its base is (دوستان; not سازمان, پایان);
    # either way the base is a word hazm's corpus holds.
    listed = word in words and word not in table.unseen
    if listed and word in adjectives:
        return None
    for suffix, restore in (("گان", "ه"), ("یان", ""), ("ان", ""), ("ات", "")):
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        base = word[: -len(suffix)].rstrip(ZWNJ) + restore
        if (base in words and base not in FUNCTION_BASES and base not in table.unseen
                and (not listed or base in adjectives)):
            if suffix == "یان" and not base.endswith(("ا", "و", "ی")):
                continue
            return base
    return None
