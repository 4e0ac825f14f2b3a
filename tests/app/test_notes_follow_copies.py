"""When the copy that gave an article its id goes (its folder taken out of the archive, or the file
deleted), the article takes the id the remaining copy gives, as a clean index would, and its notes go
with it instead of turning orphan (issue 33, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.search.duplicate_articles import STORY, STORY_TITLE, STORY_URL, as_json_item, as_text
from viewer.app.library import Library
from viewer.core.paths import DataPaths

QUOTE = "طومار شیخ بهایی"


@pytest.mark.parametrize("how", ["folder taken out", "file deleted"])
def test_notes_follow_the_article_to_the_id_its_remaining_copy_gives(tmp_path: Path, how: str) -> None:
    saved, dataset = tmp_path / "a-saved", tmp_path / "b-dataset"
    saved.mkdir()
    dataset.mkdir()
    (saved / "story.txt").write_text(as_text(STORY_TITLE, STORY), "utf-8")
    (dataset / "story.json").write_text(json.dumps([as_json_item(STORY_TITLE, STORY, STORY_URL)],
                                                   ensure_ascii=False), "utf-8")
    with Library(DataPaths.resolve(tmp_path / "data").ensure()) as library:
        library.sync([saved, dataset])
        [by_title] = library.articles()  # the .txt, met first, gives the id (from its title)
        assert library.sources()[by_title.id] == [str(saved / "story.txt"), str(dataset / "story.json")]
        start = by_title.text.index(QUOTE)
        library.add_highlight(by_title.id, start, start + len(QUOTE), body="سند حقابه")
        if how == "folder taken out":
            library.sync([], forget=[saved])
        else:
            (saved / "story.txt").unlink()
            library.sync([saved, dataset])
        [by_url] = library.articles()
        assert by_url.id != by_title.id and library.sources()[by_url.id] == [str(dataset / "story.json")]
        notes = library.notes.for_article(by_url.id)
        assert [(n.body, n.orphaned) for n in notes] == [("سند حقابه", False)]
        assert not library.notes.for_article(by_title.id)
