"""The query language: AND by default, "phrases", -word / NOT, OR, title:/عنوان:, tag:/برچسب:,
word*, word~. The string is normalised before Whoosh splits it at spaces, and each word is
searched by its exact key (ranked first) and by its lemma."""

from __future__ import annotations

import re

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import FuzzyTermPlugin, MultifieldPlugin, PlusMinusPlugin
from whoosh.qparser.default import QueryParser
from whoosh.reading import IndexReader

from viewer.analysis.analyzer import LEMMA_PREFIX, QUERY_JOINER, is_stopword, query_words, search_keys, spaced_keys
from viewer.analysis.normalize import fold_word, normalize_tag
from viewer.core.errors import QueryError
from viewer.core.persian_fold import ZWNJ
from viewer.core.persian_numbers import number_for
from viewer.search.format.fast_prefix import FastPrefix
from viewer.search.schema import TEXT_FIELDS, TITLE_BOOST

LEMMA_WEIGHT = 0.45
SPLIT_WEIGHT = 0.8

_FIELD_ALIASES = {"عنوان": "title", "برچسب": "tags", "tag": "tags", "tags": "tags", "title": "title",
                  "متن": "text", "text": "text"}
_FIELD_PREFIX = re.compile(r"(?<![\w:])(" + "|".join(sorted(_FIELD_ALIASES, key=len, reverse=True)) + r")\s*[:：]\s*", re.I)
_QUOTED_TAG = re.compile(r"\btags:\"([^\"]*)\"")
_QUOTED_TAG_SPAN = re.compile(r'(\btags:"[^"]*")')
_DETACHED_PREFIX = re.compile(r"(?<![\w\u200c])(ن?می)\s+(?=[\u0600-\u06ff])")
_DETACHED_SUFFIX = re.compile(r"(?<=[\u0600-\u06ff])\s+(ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|تر|ترین)(?![\w\u200c])"
                              # the indefinite after ه, as the analyzer joins it
                              r"|(?<=[\u0600-\u06ff]{2}ه)\s+(ای)(?![\w\u200c])(?!\s+ها)")
_OPERATORS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "و": "AND", "یا": "OR", "بجز": "NOT", "به‌جز": "NOT"}
_PLAIN_WORD = re.compile(r"^[\w\u200c]+$")
_PERSIAN_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "٭": "*", "؟": "?"})
# A question mark ending a word ends a question (pasted `تهران؟`): punctuation, not a wildcard.
_QUESTION_MARK = re.compile(r"(?<=\w)[?؟]+(?=[\s\"»«)]|$)")
_TAG_SPACE = "\u2064"  # a quoted tag's spaces until Whoosh has read it, so و inside is no operator
_OWN_LEMMA = "\u2063"  # marks a word searched by its key and its own lemma token only
_QUOTED = re.compile(r'((?:\w+:)?)"([^"]*)"(~\d+)?')  # field, phrase, slop
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f]")
MAX_QUERY_CHARS = 1000
# A query's words, operators, brackets and quoted phrases, for checking where the operators stand.
_QUERY_TOKENS = re.compile(r'"[^"]*"(?:~\d+)?|[()]|[^\s()"]+')
_BINARY = ("AND", "OR")
_PERSIAN_OPERATOR = {"AND": "و", "OR": "یا", "NOT": "بجز", "title:": "عنوان:", "tags:": "برچسب:", "text:": "متن:"}
_FIELDS = tuple(f"{field}:" for field in set(_FIELD_ALIASES.values()))


def normalize_query(text: str) -> str:
    """The query string Whoosh parses: joined affixes, operators and field names in English."""
    text = _QUESTION_MARK.sub(" ", _BIDI.sub("", text))[:MAX_QUERY_CHARS]
    text = _FIELD_PREFIX.sub(lambda m: _FIELD_ALIASES[m.group(1).lower()] + ":", text)
    # «» become quotes, except inside a tag typed in quotes: `tag:"جشنواره «سیب و عناب»"` is one tag.
    parts = _QUOTED_TAG_SPAN.split(text)  # odd parts: the quoted tags
    text = "".join(part if i % 2 else part.translate(_PERSIAN_QUOTES) for i, part in enumerate(parts))
    # A quoted tag is one term as written: its spaces are kept from the affix joins and operators.
    text = _QUOTED_TAG.sub(lambda m: "tags:'" + _TAG_SPACE.join(m.group(1).replace("'", " ").split()) + "'", text)
    text = _DETACHED_PREFIX.sub(lambda m: m.group(1) + QUERY_JOINER, text)
    text = _DETACHED_SUFFIX.sub(lambda m: ZWNJ + (m.group(1) or m.group(2)), text)
    if text.count('"') % 2:
        text = text.replace('"', " ")
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
    words = text.split(" ")
    if len(words) == 1:
        return text
    # Inside a quoted phrase `و` is a word of it (a stopword, skipped as in the text), never AND.
    out: list[str] = []
    quoted = False
    for word in words:
        out.append(word if quoted else _OPERATORS.get(word, word))
        if word.count('"') % 2:
            quoted = not quoted
    return " ".join(out)


def join_compounds(text: str, reader: IndexReader) -> str:
    """`بین المللی` typed with a space also finds `بین‌المللی`/`بینالمللی`: a pair of plain words
    whose joined key is a word of the archive becomes `((a b) OR ab)`; inside a phrase, `"a b c"`
    becomes `("a b c" OR "ab c")` (`"ملی پوش"`, `"خامنه ای"`)."""
    out: list[str] = []
    last = 0
    for quoted in _QUOTED.finditer(text):
        out.append(_join_words(text[last:quoted.start()], reader))
        out.append(_join_phrase(quoted.group(1), quoted.group(2), quoted.group(3) or "", reader))
        last = quoted.end()
    out.append(_join_words(text[last:], reader))
    return "".join(out)


def _joinable(words: list[str], reader: IndexReader) -> bool:
    """Plain words whose joined key (or lemma) is a word of the archive, not all function words
    (the joined `شده‌اند` of `دستگیر شده اند` must not become required)."""
    if not all(w not in _OPERATORS.values() and _PLAIN_WORD.match(w) for w in words) or words[0].isascii():
        return False
    if all(is_stopword(w) for w in words):
        return False
    key = fold_word("".join(words))
    return any(reader.doc_frequency(field, k) for field in TEXT_FIELDS for k in (key, LEMMA_PREFIX + key))


def _join_words(text: str, reader: IndexReader) -> str:
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        a = words[i]
        b = words[i + 1] if i + 1 < len(words) else ""
        if b and _joinable([a, b], reader):
            out.append(f"(({a} {b}) OR {a}{ZWNJ}{b})")
            i += 2
            continue
        out.append(a)
        i += 1
    return " ".join(out)


def _join_phrase(field: str, phrase: str, slop: str, reader: IndexReader) -> str:
    """The phrase and its joined-compound variants; a slop (`"a b"~3`) goes with each variant."""
    words = phrase.split()
    variants = [words]
    for size in (2, 3):  # a compound of two or three parts (اطلاع رسانی شان)
        for i in range(len(words) - size + 1):
            if len(variants) < 6 and _joinable(words[i:i + size], reader):
                variants.append([*words[:i], ZWNJ.join(words[i:i + size]), *words[i + size:]])
    if len(variants) == 1:
        return f'{field}"{phrase}"{slop}'
    # A one-word variant also finds the word's inflections written as one (`"ملی پوش"` finds
    # ملی‌پوش‌ها, as plain Whoosh does), but only by its own lemma token: `"کتاب های"` stays exact.
    return "(" + " OR ".join(f'{field}"{" ".join(v)}"{slop}' if len(v) > 1 else f"{field}{v[0]}{_OWN_LEMMA}"
                             for v in variants) + ")"


class PersianQueryParser(QueryParser):
    def __init__(self, schema: Schema, reader: IndexReader | None = None) -> None:
        super().__init__(None, schema)
        self.add_plugin(MultifieldPlugin(list(TEXT_FIELDS), fieldboosts={"title": TITLE_BOOST}))
        self.add_plugin(PlusMinusPlugin())
        self.add_plugin(FuzzyTermPlugin())
        self.reader = reader

    def term_query(self, fieldname: str, text: str, termclass: type[wq.Query], boost: float = 1.0, tokenize: bool = True,
                   removestops: bool = True) -> wq.Query | None:
        if fieldname == "tags":
            return wq.Term("tags", normalize_tag(text.replace(_TAG_SPACE, " ")), boost=boost)
        if fieldname not in TEXT_FIELDS or termclass is not wq.Term:
            if fieldname in TEXT_FIELDS and termclass in (wq.Prefix, wq.FuzzyTerm, wq.Wildcard):
                text = fold_word(text.replace("*", "\x00").replace("?", "\x01")).replace("\x00", "*").replace("\x01", "?")
                termclass = FastPrefix if termclass is wq.Prefix else termclass
            return QueryParser.term_query(self, fieldname, text, termclass, boost, tokenize, removestops)
        alternatives = []
        for word in query_words(text):
            keys = search_keys(word)
            if not keys:  # a stopword is never indexed, so never required
                continue
            if _OWN_LEMMA in text:
                keys = (keys[0], LEMMA_PREFIX + keys[0])
            options: list[wq.Query] = [wq.Term(fieldname, keys[0], boost=boost)]
            options += [wq.Term(fieldname, key, boost=boost * LEMMA_WEIGHT) for key in keys[1:]]
            options += self._split_alternative(fieldname, keys[0], boost, word)
            alternatives.append(wq.Or(options))
        if not alternatives:
            return None
        return alternatives[0] if len(alternatives) == 1 else wq.And(alternatives)

    def _split_alternative(self, fieldname: str, surface: str, boost: float, word: str = "") -> list[wq.Query]:
        """`بینالمللی` typed joined also finds `بین المللی` written with a space; a compound typed with
        its ZWNJs (`زمین‌لرزه‌ای`) finds it written apart even where the archive also joins it."""
        reader = self.reader
        if reader is None or len(surface) < 5 or surface.isascii():
            return []
        if reader.doc_frequency(fieldname, surface):
            parts = spaced_keys(word)
            if parts and all(reader.doc_frequency(fieldname, part) for part in parts):
                return [wq.Phrase(fieldname, list(parts), boost=boost * SPLIT_WEIGHT)]
            return []
        for cut in range(2, len(surface) - 1):
            head, tail = surface[:cut], surface[cut:]
            if reader.doc_frequency(fieldname, head) and reader.doc_frequency(fieldname, tail):
                return [wq.Phrase(fieldname, [head, tail], boost=boost * SPLIT_WEIGHT)]
        return []


def _too_long(text: str) -> QueryError:
    return QueryError(
        f"The query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}. Nothing was searched: "
        "shorten it, or split it into several searches.",
        f"عبارت جست‌وجو {number_for(len(text), 'fa')} نویسه است و بیشینه {number_for(MAX_QUERY_CHARS, 'fa')} نویسه. "
        "چیزی جست‌وجو نشد: "
        "آن را کوتاه کنید یا در چند جست‌وجو بپرسید.")


def _misplaced(operator: str, where: str) -> QueryError:
    """`where`: "before" (nothing before it) or "after" (nothing after it)."""
    persian = _PERSIAN_OPERATOR.get(operator, operator)
    side_fa = "پیش از" if where == "before" else "پس از"
    return QueryError(f"The query cannot be understood: {operator} has no word {where} it.",
                      f"عبارت جست‌وجو قابل فهم نیست: «{persian}» ({operator}) {side_fa} خود واژه‌ای ندارد.")


def _in_a_row(first: str, second: str) -> QueryError:
    pair_fa = f"{_PERSIAN_OPERATOR[first]} {_PERSIAN_OPERATOR[second]}"
    return QueryError(f"The query cannot be understood: {first} {second} are two operators in a row; put a word "
                      "between them.",
                      f"عبارت جست‌وجو قابل فهم نیست: «{pair_fa}» ({first} {second}) دو عملگر پشت سر هم است؛ "
                      "میان آن‌ها واژه‌ای بگذارید.")


def check_operators(normalized: str) -> None:
    """QueryError when AND, OR, NOT or a field name stands where it has no word to apply to (`آب OR`,
    `NOT NOT`, `title:` at the end): Whoosh would search something else or fail without a reason."""
    if len(normalized.split()) < 2:  # one word is a word, even `OR`
        return
    operators = ("AND", "OR", "NOT")
    previous, previous_token = "(", ""  # the start is the start of a group
    for token in _QUERY_TOKENS.findall(normalized):
        kind = token if token in (*operators, "(", ")") else "field" if token in _FIELDS else "word"
        if kind in operators and previous in operators and (kind in _BINARY or previous == "NOT"):
            raise _in_a_row(previous, kind)
        if kind in _BINARY and previous == "(":
            raise _misplaced(kind, "before")
        if (kind == ")" and previous in operators) or (kind in (*operators, ")") and previous == "field"):
            raise _misplaced(previous_token, "after")
        previous, previous_token = kind, token
    if previous in (*operators, "field"):
        raise _misplaced(previous_token, "after")


def parse_query(text: str, schema: Schema, reader: IndexReader | None = None) -> wq.Query:
    if len(_BIDI.sub("", text)) > MAX_QUERY_CHARS:
        raise _too_long(text)
    normalized = normalize_query(text)
    check_operators(normalized)
    if reader is not None:
        normalized = join_compounds(normalized, reader)
    if not normalized.strip():
        raise QueryError("The query is empty.", "عبارت جست‌وجو خالی است.")
    if normalized.strip() == "*":
        return wq.Every()  # every article; Every(field) would read every posting (7 s at 40,000 articles)
    parser = PersianQueryParser(schema, reader)
    try:
        parsed = parser.parse(normalized)
    except Exception as exc:  # Whoosh raises many kinds; the user gets one message
        raise QueryError(f"The query cannot be understood: {exc}", "عبارت جست‌وجو قابل فهم نیست.") from exc
    if parsed is wq.NullQuery:
        raise QueryError("The query has no words to search for.", "عبارت جست‌وجو واژه‌ای برای جست‌وجو ندارد.")
    return parsed
