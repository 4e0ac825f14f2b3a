"""Telegram Desktop's "Export chat history" as JSON (result.json): one article per message with text.

The shape is Telegram Desktop's: a chat object {"name", "type", "id", "messages": [...]} (or a full
export holding such chats under {"chats": {"list": [...]}}). A message's "text" is a string or a list
of strings and entity objects {"type", "text"}; "date_unixtime" is its UTC time ("date" is the
exporter's local time, so it is used only when the former is missing). The export holds no username;
a "username" key, when present (some tools add it), gives each message its t.me link. Else the
channel's own signature does: news channels end most posts with their handle («🆔 @name»), and the
handle that signs the most posts (never one merely mentioned inside a post) is the channel's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from viewer.core.article import Article, Block, BlockKind, Picture
from viewer.importers.common.cleanup import clean_line, clean_lines, clean_tag
from viewer.importers.common.dates import parse_date

_CHAT_TYPES = frozenset({"public_channel", "private_channel", "public_supergroup", "private_supergroup",
                         "private_group", "personal_chat", "saved_messages", "bot_chat"})
_HASHTAG = re.compile(r"#([\w\u200c]+)")
_SENTENCE = re.compile(r"^(.{12,}?[.!؟?])\s+(\S.*)$", re.S)
_USERNAME = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{3,31})$")
# A handle on a post's last line: «🆔 @name», «@name», «t.me/name».
_SIGNATURE = re.compile(r"(?:^|[^\w@/.])(?:@|(?:https?://)?t\.me/)([A-Za-z][A-Za-z0-9_]{3,31})(?![\w@])")


def is_telegram_export(data: Any) -> bool:
    if not isinstance(data, Mapping):
        return False
    if isinstance(data.get("messages"), list) and data.get("type") in _CHAT_TYPES:
        return True
    chats = data.get("chats")
    return isinstance(chats, Mapping) and isinstance(chats.get("list"), list)


def _chats(data: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    if isinstance(data.get("messages"), list):
        yield data
        return
    for chat in data["chats"]["list"]:
        if isinstance(chat, Mapping) and isinstance(chat.get("messages"), list):
            yield chat


def telegram_articles(data: Mapping[str, Any]) -> list[Article]:
    articles = []
    for chat in _chats(data):
        match = _USERNAME.match(str(chat.get("username") or ""))
        username = match.group(1) if match else _signature_handle(chat["messages"])
        for message in chat["messages"]:
            if isinstance(message, Mapping) and (article := _article(message, username)):
                articles.append(article)
    return articles


def _signature_handle(messages: list[Any]) -> str:
    """The handle that signs the most of the channel's posts (on their last line), or "" when none
    signs at least two (or the only post)."""
    signed: Counter[str] = Counter()  # by lower case: t.me names are case-insensitive
    spelled: dict[str, str] = {}
    posts = 0
    for message in messages:
        if not isinstance(message, Mapping) or message.get("type") != "message":
            continue
        lines = clean_lines(message_text(message.get("text")))
        if not lines:
            continue
        posts += 1
        handles = {m.group(1).lower(): m.group(1) for m in _SIGNATURE.finditer(lines[-1])}
        signed.update(handles.keys())
        for key, handle in handles.items():
            spelled.setdefault(key, handle)
    if not signed:
        return ""
    key, count = signed.most_common(1)[0]
    return spelled[key] if count >= min(2, posts) else ""


def message_text(value: Any) -> str:
    """A message's text: a string, or a list of strings and entity objects whose "text" is a string.
    Anything else in it (numbers, nested lists: no exporter writes them) is left out, never printed
    as Python would."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part if isinstance(part, str) else _entity_text(part) for part in value)
    return ""


def _entity_text(part: Any) -> str:
    text = part.get("text") if isinstance(part, Mapping) else None
    return text if isinstance(text, str) else ""


def _article(message: Mapping[str, Any], username: str) -> Article | None:
    if message.get("type") != "message":
        return None  # service messages: joins, pins, title changes
    text = message_text(message.get("text"))
    tags = list(dict.fromkeys(t for raw in _HASHTAG.findall(text) if (t := clean_tag(raw.replace("_", " ")))))
    lines = clean_lines(text)
    if not lines:
        return None  # a photo or file without a caption
    title, rest = _title_and_rest(lines)
    if not title:
        return None
    message_id = message.get("id")
    has_id = isinstance(message_id, int) and not isinstance(message_id, bool)
    date = parse_date(_unix(message.get("date_unixtime"))) or parse_date(message.get("date"))
    return Article(
        title=title,
        blocks=[Block(BlockKind.PARAGRAPH, line) for line in rest],
        tags=tags,
        url=f"https://t.me/{username}/{message_id}" if username and has_id else "",
        date=date,
        # the export's photos/ file, relative to result.json (page_images.py finds and checks it), shown
        # above the message's text as Telegram shows it
        images=[Picture(photo, "", 0)] if isinstance(photo := message.get("photo"), str) and photo else [],
    )


def _title_and_rest(lines: list[str]) -> tuple[str, list[str]]:
    """The first line, or its first sentence when the line is long and the message is one line."""
    first, rest = lines[0], lines[1:]
    if len(first) > 140 and (match := _SENTENCE.match(first)):
        return clean_line(match.group(1)), [clean_line(match.group(2)), *rest]
    return first, rest


def _unix(value: Any) -> int | None:
    if isinstance(value, str) and value.isdigit() and len(value) <= 12:
        return int(value)
    return None
