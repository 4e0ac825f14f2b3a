"""Notes as Markdown for writing: per article its title, then each passage quoted, the note, the replies.

Every text that comes from notes or articles (bodies, names, titles, passages, addresses) is escaped,
so Markdown and HTML in it stay text in any renderer: no tag, link, heading or list comes through.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from viewer.core.article import Article
from viewer.notes.store import NotesStore
from viewer.notes.threads import Thread

ArticleLookup = Callable[[str], Article | None]

# Characters that start inline Markdown or HTML anywhere in a line (emphasis, code, links, images,
# tags, entities, strikeout, pandoc's maths, superscripts and closing heading marks).
_INLINE = re.compile(r"([\\`*_\[\]<>&~$^#|@])")
# What else makes a line a list (pandoc's too: "(1)", "a)", "iv."), a rule, a setext underline or a
# definition; headings, quotes, tables and fences start with a character _INLINE escapes.
_LINE_START = re.compile(r"^([-+=:%(]|\d+[.)]|[A-Za-z]{1,8}[.)](?=\s|$))")
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def escape_line(text: str) -> str:
    """One line of text that any Markdown renderer shows as it is."""
    escaped = _INLINE.sub(r"\\\1", text.strip())
    found = _LINE_START.match(escaped)
    if found:
        marker = found.group(1)
        escaped = marker[:-1] + "\\" + marker[-1] + escaped[len(marker):]
    return escaped


def one_line(text: str) -> str:
    """`text` with its line breaks turned to spaces, escaped (names and replies stay on their line)."""
    return escape_line(_LINE_BREAKS.sub(" ", text))


def _lines(text: str) -> list[str]:
    return [escape_line(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]


def _address(url: str) -> str:
    """A web address as a link; anything else (javascript:, data:, ...) as text."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not re.search(r"[\s<>\"'`\\]", url):
        return f"<{url}>"
    return one_line(url)


def _quote_block(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in _lines(text)] or [">"]


def _byline(creator: str, stamp: str) -> str:
    day = one_line(stamp[:10])
    return f" — {one_line(creator)}, {day}" if creator.strip() else f" — {day}"


def _thread(thread: Thread) -> list[str]:
    note = thread.annotation
    lines: list[str] = []
    if note.quote is not None:
        lines += [*_quote_block(note.quote.exact), ""]
    elif note.orphaned:
        lines += ["*(not found in the text any more)*", ""]
    else:
        lines += ["*(on the whole article)*", ""]
    if note.body.strip():
        body = _lines(note.body.strip())
        lines += [*body[:-1], body[-1] + _byline(note.creator, note.created), ""]
    for depth, reply in list(thread.walk())[1:]:
        indent = "  " * (depth - 1)
        lines.append(f"{indent}- {one_line(reply.body)}{_byline(reply.creator, reply.created)}")
    if len(lines) and lines[-1] != "":
        lines.append("")
    return lines


def notes_markdown(store: NotesStore, get_article: ArticleLookup | None = None, title: str = "Notes") -> str:
    out = [f"# {one_line(title)}", ""]
    for article_id in store.articles_with_notes():
        article = get_article(article_id) if get_article is not None else None
        out += [f"## {one_line(article.title if article is not None and article.title else article_id)}", ""]
        if article is not None and article.url:
            out += [_address(article.url), ""]
        for thread in store.threads(article_id):
            out += _thread(thread)
    return "\n".join(out).rstrip() + "\n"
