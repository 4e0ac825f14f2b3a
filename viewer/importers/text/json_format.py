"""Dataset exports: a JSON list of articles (or an object holding one), or JSON Lines.

Keys follow the news datasets' (title, abstract, paragraphs, tags, link, date, as in
tests/data/corpus/news-json) and common variants; some exports store lists as Python-repr strings
("['a', 'b']"), read with `ast.literal_eval`, never `eval`.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line, clean_lines, clean_tag
from viewer.importers.common.dates import parse_date
from viewer.importers.text.telegram_format import is_telegram_export, telegram_articles

_TITLE = ("title", "headline", "name", "عنوان")
_LEAD = ("abstract", "lead", "summary", "description", "lede", "خلاصه")
_PARAGRAPHS = ("paragraphs", "text", "body", "content", "article", "متن")
_TAGS = ("tags", "keywords", "tag", "برچسب‌ها")
_URL = ("link", "url", "href", "permalink")
_CODE = ("code", "news_code", "newsId", "news_id")
_CATEGORY = ("category", "categories", "cat", "section")
_SUBCATEGORY = ("subcat", "subcategory")
_DATE = ("date", "published", "published_at", "datetime", "pubDate", "time", "created_at")
_CONTAINERS = ("articles", "items", "data", "results", "news", "documents")


class BadItem(ValueError):
    """One item of a list that is not an article."""


def parse_json(text: str, source_name: str) -> list[Article]:
    stripped = text.lstrip()
    try:
        if source_name.lower().endswith(".jsonl") or _is_json_lines(stripped):
            items: list[Any] = [json.loads(line) for line in stripped.splitlines() if line.strip()]
        else:
            data = json.loads(stripped)
            if is_telegram_export(data):
                return _telegram(data)
            items = _article_list(data)
    except RecursionError as exc:
        raise ImportFailure("The JSON is nested too deeply.", "JSON بیش از حد تودرتو است.") from exc
    except json.JSONDecodeError as exc:
        raise ImportFailure(
            f"Malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
            f"JSON نادرست در سطر {exc.lineno}، ستون {exc.colno}: {exc.msg}.",
        ) from exc
    articles = []
    for item in items:
        try:
            articles.append(article_from_item(item))
        except BadItem:
            continue
    if not articles:
        raise ImportFailure(
            "The JSON holds no articles (objects with a title and text).",
            "JSON هیچ خبری (شیئی با عنوان و متن) ندارد.",
        )
    return articles


def _telegram(data: Any) -> list[Article]:
    try:
        articles = telegram_articles(_safe(data))
    except RecursionError as exc:
        raise ImportFailure("The JSON is nested too deeply.", "JSON بیش از حد تودرتو است.") from exc
    if not articles:
        raise ImportFailure("The Telegram export holds no messages with text.", "برون‌برد تلگرام هیچ پیامی با متن ندارد.")
    return articles


def _is_json_lines(text: str) -> bool:
    first, _, rest = text.partition("\n")
    if not first.startswith("{") or not rest.strip():
        return False
    try:
        json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _article_list(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for key in _CONTAINERS:
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    raise ImportFailure(
        "The JSON is neither a list of articles nor an article.",
        "JSON نه فهرستی از خبرها است و نه یک خبر.",
    )


def _first(item: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = item.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            try:
                parsed = ast.literal_eval(stripped)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                parsed = None
            if isinstance(parsed, list | tuple):
                return [str(v) for v in parsed if isinstance(v, str | int | float)]
        return [stripped]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str | int | float)]
    if isinstance(value, int | float):
        return [str(value)]
    return []


def _split_tags(value: Any) -> list[str]:
    tags: list[str] = []
    for raw in _as_list(value):
        parts = raw.split("،") if "،" in raw else raw.split(",") if "," in raw else [raw]
        tags.extend(tag for part in parts if (tag := clean_tag(part)))
    return list(dict.fromkeys(tags))


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def _safe(value: Any) -> Any:
    """JSON escapes can hold what no text file can: NUL and lone surrogates (\\ud800), which can be
    neither indexed nor printed. NUL becomes a space, a lone surrogate U+FFFD."""
    if isinstance(value, str):
        return _UNSAFE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", value)
    if isinstance(value, list):
        return [_safe(v) for v in value]
    if isinstance(value, Mapping):
        return {_safe(k): _safe(v) for k, v in value.items()}
    return value


def article_from_item(item: Any) -> Article:
    if not isinstance(item, Mapping):
        raise BadItem("not an object")
    try:
        item = _safe(item)
    except RecursionError as exc:
        raise BadItem("nested too deeply") from exc
    title = clean_line(str(_first(item, _TITLE) or ""))
    paragraphs: list[str] = []
    for part in _as_list(_first(item, _PARAGRAPHS)):
        paragraphs.extend(clean_lines(part))
    lead_value = _first(item, _LEAD)
    lead = clean_line(" ".join(_as_list(lead_value))) if lead_value is not None else ""
    if not title or not (paragraphs or lead):
        raise BadItem("no title or no text")
    blocks = [Block(BlockKind.LEAD, lead)] if lead else []
    blocks += [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    categories = _as_list(_first(item, _CATEGORY)) + _as_list(_first(item, _SUBCATEGORY))
    code = _first(item, _CODE)
    return Article(
        title=title,
        blocks=blocks,
        tags=_split_tags(_first(item, _TAGS)),
        category=" / ".join(clean_line(c) for c in categories if clean_line(c)),
        url=str(_first(item, _URL) or "").strip(),
        code=str(code).strip() if isinstance(code, str | int) and not isinstance(code, bool) else "",
        date=parse_date(_first(item, _DATE)),
    )
