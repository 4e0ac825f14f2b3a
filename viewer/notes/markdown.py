"""Notes as Markdown for writing: per article its title, then each passage quoted, the note, the replies."""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.article import Article
from viewer.notes.store import NotesStore
from viewer.notes.threads import Thread

ArticleLookup = Callable[[str], Article | None]


def _quote_block(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in text.splitlines()] or [">"]


def _byline(creator: str, stamp: str) -> str:
    day = stamp[:10]
    return f" — {creator}, {day}" if creator else f" — {day}"


def _thread(thread: Thread) -> list[str]:
    note = thread.annotation
    lines: list[str] = []
    if note.quote is not None:
        lines += [*_quote_block(note.quote.exact), ""]
    elif note.orphaned:
        lines += ["*(not found in the text any more)*", ""]
    else:
        lines += ["*(on the whole article)*", ""]
    if note.body:
        lines += [note.body.rstrip() + _byline(note.creator, note.created), ""]
    for depth, reply in list(thread.walk())[1:]:
        indent = "  " * (depth - 1)
        body = reply.body.replace("\n", " ").strip()
        lines.append(f"{indent}- {body}{_byline(reply.creator, reply.created)}")
    if len(lines) and lines[-1] != "":
        lines.append("")
    return lines


def notes_markdown(store: NotesStore, get_article: ArticleLookup | None = None, title: str = "Notes") -> str:
    out = [f"# {title}", ""]
    for article_id in store.articles_with_notes():
        article = get_article(article_id) if get_article is not None else None
        out += [f"## {article.title if article is not None and article.title else article_id}", ""]
        if article is not None and article.url:
            out += [f"<{article.url}>", ""]
        for thread in store.threads(article_id):
            out += _thread(thread)
    return "\n".join(out).rstrip() + "\n"
