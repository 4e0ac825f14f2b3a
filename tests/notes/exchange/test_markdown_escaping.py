"""`notes export --format markdown` rendered by a real Markdown renderer (markdown-it-py, CommonMark with
raw HTML on and every link scheme let through, as pandoc does): what notes, names and articles hold
comes out as text, never as a tag, a link, a heading or a list (issue 33, item 8)."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from viewer.core.paths import DataPaths
from viewer.notes.store import NotesStore
from viewer.search.archive import Archive

Cli = Callable[..., tuple[int, str, str]]

HOSTILE_BODIES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[اینجا را ببینید](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![x](http://evil.example/x.png)",
    "# سرخط جعلی",
    "متن\n## سرخط در میانه\n===\n- فهرست\n1. شماره\n(1) pandoc\na) pandoc\n    کد\n> نقل\n| a | b |\n|---|---|",
    "&lt;script&gt; **پررنگ** `کد` ~~خط~~ $x$ [^1] <!-- پنهان -->",
    "---",
]
HOSTILE_NAMES = ["حوا\n# تصاحب شد", '<b onmouseover="alert(1)">حوا</b>', "آدم\r\n<script>x</script>"]
HOSTILE_TITLE = "<script>alert('title')</script> # عنوان [پیوند](javascript:alert(2))"


class _Rendered(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))


class _PermissiveMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name; as pandoc, javascript: passes
        return True


def _render(markdown: str) -> _Rendered:
    renderer = _PermissiveMarkdown("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parsed = _Rendered()
    parsed.feed(renderer.render(markdown))
    return parsed


def _notes_with_hostile_text(tmp_path: Path) -> DataPaths:
    folder = tmp_path / "archive"
    folder.mkdir()
    items = [{"title": HOSTILE_TITLE, "url": "javascript:alert(3)", "text": "متن خبری با <b>نشانه</b> و # و [پیوند](x)."},
             {"title": "خبری آرام", "url": "https://news.example.ir/2", "text": "متن دومین خبر دربارهٔ کتاب است."}]
    (folder / "items.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    Archive(paths).sync([folder])
    with Archive(paths).searcher() as searcher, NotesStore(paths.notes_path, paths.backups_dir) as store:
        for n, article in enumerate(sorted(searcher.articles(), key=lambda a: a.title)):
            note = store.create_highlight(article.id, article.text, 0, len(article.text), body=HOSTILE_BODIES[n],
                                          creator=HOSTILE_NAMES[n])
            for body, name in zip(HOSTILE_BODIES[2:], HOSTILE_NAMES * 3, strict=False):
                store.create_reply(note.id, body, creator=name)
            store.create_comment(article.id, HOSTILE_BODIES[-3], creator=HOSTILE_NAMES[-1])
    return paths


def test_markdown_export_renders_hostile_text_as_text(run_cli: Cli, tmp_path: Path) -> None:
    _notes_with_hostile_text(tmp_path)
    code, markdown, err = run_cli("notes", "export", "--format", "markdown")
    assert code == 0, err
    rendered = _render(markdown)
    tags = [tag for tag, _ in rendered.tags]
    assert set(tags) <= {"h1", "h2", "p", "blockquote", "ul", "li", "em", "a"}, sorted(set(tags))
    assert tags.count("h1") == 1 and tags.count("h2") == 2  # "Notes" and one per article, nothing forged
    assert all(not name.startswith("on") for _, attrs in rendered.tags for name in attrs)
    links = [attrs.get("href") for tag, attrs in rendered.tags if tag == "a"]
    assert links == ["https://news.example.ir/2"]
    text = "".join(rendered.text)
    for hostile in [*HOSTILE_BODIES, HOSTILE_TITLE, "<b onmouseover=\"alert(1)\">حوا</b>", "# تصاحب شد"]:
        for line in hostile.splitlines():
            assert line.strip() in text, line  # shown as written, not dropped
    assert "javascript:alert(3)" in text


def test_names_stay_on_their_line(run_cli: Cli, tmp_path: Path) -> None:
    _notes_with_hostile_text(tmp_path)
    markdown = run_cli("notes", "export", "--format", "markdown")[1]
    assert not any(line.lstrip().startswith(("# تصاحب", "<script>")) for line in markdown.splitlines())
    assert "حوا \\# تصاحب شد" in markdown
