"""Stories (a story and its republished variants) on a real index: tag counts that count a story
once when the researcher chooses, and the duplicates view's groups (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.search import duplicate_articles as dup
from viewer.app.library import ALL_ARTICLES, Library
from viewer.core.paths import DataPaths

SECOND_URL = "https://www.mehrnews.com/news/5912345/"


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    archive = tmp_path / "archive"
    archive.mkdir()
    items = [
        dup.as_json_item(dup.STORY_TITLE, dup.STORY, dup.STORY_URL, tags=["آب", "اصفهان"]),
        dup.as_json_item(dup.REPUBLISHED_TITLE, dup.REPUBLISHED, dup.REPUBLISHED_URL, tags=["آب", "اصفهان"]),
        # a third agency: the republished text again, a sentence changed: the same story
        dup.as_json_item("اعتراض کشاورزان ورزنه به قطع حقابه",
                     [p.replace("نزدیک به چهل هزار", "حدود چهل هزار") for p in dup.REPUBLISHED], SECOND_URL, tags=["آب"]),
        dup.as_json_item(dup.RELATED_TITLE, dup.RELATED, dup.RELATED_URL, tags=["آب", "اصفهان"]),
    ]
    (archive / "agencies.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    (archive / "story copy.txt").write_text(dup.as_text(dup.STORY_TITLE, dup.STORY), "utf-8")  # an exact copy: one more source
    lib = Library(DataPaths.resolve(tmp_path / "data"))
    lib.sync([archive])
    assert lib.article_count == 4
    yield lib
    lib.close()


def _ids(lib: Library) -> dict[str, str]:
    return {a.title: a.id for a in lib.articles()}


def test_tag_counts_count_a_story_once_when_chosen(library: Library) -> None:
    assert dict(library.tag_counts()) == {"آب": 4, "اصفهان": 3}
    assert dict(library.search(ALL_ARTICLES).facets) == {"آب": 4, "اصفهان": 3}
    library.count_stories_once = True
    # the story, its two republications: one story; the related article is another
    assert dict(library.tag_counts()) == {"آب": 2, "اصفهان": 2}
    assert dict(library.search(ALL_ARTICLES).facets) == {"آب": 2, "اصفهان": 2}
    assert dict(library.search("کشاورزان", ["اصفهان"]).facets) == {"آب": 2, "اصفهان": 2}
    library.count_stories_once = False
    assert dict(library.search(ALL_ARTICLES).facets) == {"آب": 4, "اصفهان": 3}


def test_a_search_says_which_matches_share_a_story(library: Library) -> None:
    ids = _ids(library)
    result = library.search(ALL_ARTICLES, limit=1, with_ids=True)
    story = {ids[dup.STORY_TITLE], ids[dup.REPUBLISHED_TITLE], ids["اعتراض کشاورزان ورزنه به قطع حقابه"]}
    assert set(result.story_of) == story
    assert len(set(result.story_of.values())) == 1
    assert ids[dup.RELATED_TITLE] not in result.story_of
    # restricted to one tag, the third agency (tagged آب only) is not a match: two of the story remain
    tagged = library.search(ALL_ARTICLES, ["اصفهان"], with_ids=True)
    assert set(tagged.story_of) == {ids[dup.STORY_TITLE], ids[dup.REPUBLISHED_TITLE]}


def test_duplicate_groups_list_stories_and_files(library: Library) -> None:
    ids = _ids(library)
    groups = library.duplicate_groups()
    assert len(groups) == 1  # the story's copy in a second file is part of its group
    [group] = groups
    second = ids["اعتراض کشاورزان ورزنه به قطع حقابه"]
    assert {a.id for a in group.articles} == {ids[dup.STORY_TITLE], ids[dup.REPUBLISHED_TITLE], second}
    story = next(a for a in group.articles if a.id == ids[dup.STORY_TITLE])
    assert [Path(s).name for s in story.sources] == ["agencies.json", "story copy.txt"]
    assert group.files == 4
    assert ids[dup.RELATED_TITLE] not in {a.id for a in group.articles}


def test_an_article_in_two_files_without_near_duplicates_is_a_group(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(dup.as_text(dup.RELATED_TITLE, dup.RELATED), "utf-8")
    (archive / "b.txt").write_text(dup.as_text(dup.RELATED_TITLE, dup.RELATED), "utf-8")
    with Library(DataPaths.resolve(tmp_path / "data")) as lib:
        lib.sync([archive])
        [group] = lib.duplicate_groups()
        assert [Path(s).name for s in group.articles[0].sources] == ["a.txt", "b.txt"]
        assert group.files == 2


def test_a_story_loses_an_article_whose_file_goes(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    story = dup.as_json_item(dup.STORY_TITLE, dup.STORY, dup.STORY_URL)
    (archive / "story.json").write_text(json.dumps([story], ensure_ascii=False), "utf-8")
    republished = archive / "republished.json"
    item = dup.as_json_item(dup.REPUBLISHED_TITLE, dup.REPUBLISHED, dup.REPUBLISHED_URL)
    republished.write_text(json.dumps([item], ensure_ascii=False), "utf-8")
    with Library(DataPaths.resolve(tmp_path / "data")) as lib:
        lib.sync([archive])
        assert [len(g.articles) for g in lib.duplicate_groups()] == [2]
        assert len(lib.search(ALL_ARTICLES, with_ids=True).story_of) == 2
        republished.unlink()
        lib.sync([archive])  # the article leaves the index; its signature stays in the segment, deleted
        assert lib.article_count == 1
        assert lib.duplicate_groups() == []
        assert lib.search(ALL_ARTICLES, with_ids=True).story_of == {}
