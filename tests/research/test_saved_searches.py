"""Saved searches and their new matches after re-indexing that adds, changes and removes articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.research.conftest import DATED, ids_by_title, write_archive
from viewer.app.library import Library
from viewer.core.errors import BayeganError, QueryError
from viewer.core.paths import DataPaths


def _status(library: Library, name: str) -> tuple[int, int]:
    row = next(s for s in library.saved_searches.all() if s.name == name)
    return row.total, row.new


def test_new_matches_after_each_kind_of_reindex(paths: DataPaths, source_dir: Path) -> None:
    with Library(paths) as library:
        library.sync([source_dir])
        library.saved_searches.add("سدها", "سد", ["آب"])
        assert _status(library, "سدها") == (2, 0)  # what it finds when saved is seen

    added = [*DATED, {"title": "سد لار پر شد", "text": ["سد لار پس از بارش پر شد."], "tags": ["آب"],
                      "date": "2023-12-01"}]
    write_archive(source_dir, added)
    with Library(paths) as library:  # a restart between
        library.sync([source_dir])
        assert _status(library, "سدها") == (3, 1)

        changed = [dict(item) for item in added]
        changed[1]["text"] = ["کم‌آبی تهران را فراگرفت و سد امیرکبیر خالی شد."]  # now matches: new
        del changed[0]  # a seen match leaves: total drops, new does not
        write_archive(source_dir, changed)
        library.sync([source_dir])
        assert _status(library, "سدها") == (3, 2)

        result = library.saved_searches.open("سدها", limit=10)
        assert {h.title for h in result.hits} == {"بارش پاییزی و آب سدها", "سد لار پر شد", "کم‌آبی در تهران"}
        assert result.timeline  # the search's whole output
        assert _status(library, "سدها") == (3, 0)

        write_archive(source_dir, added)  # the removed one comes back: it was seen before, still new now
        library.sync([source_dir])
        assert _status(library, "سدها") == (3, 1)  # سد کرج again; کم‌آبی no longer speaks of a dam


def test_an_updated_article_that_still_matches_is_not_new(library: Library, source_dir: Path) -> None:
    library.saved_searches.add("تهران", "تهران")
    changed = [dict(item) for item in DATED]
    changed[1]["title"] = "کم‌آبی در تهران بزرگ"
    write_archive(source_dir, changed)
    assert library.sync([source_dir]).updated == 1
    assert _status(library, "تهران") == (1, 0)


def test_names_queries_and_deleting(library: Library) -> None:
    ids = ids_by_title(library)
    saved = library.saved_searches.add("آبِ ۱۴۰۲", "آب از:۱۴۰۲/۰۵/۰۱")
    assert (saved.name, saved.query, saved.tags) == ("آبِ ۱۴۰۲", "آب از:۱۴۰۲/۰۵/۰۱", [])
    assert library.saved_searches.all()[0].as_json() == {"name": "آبِ ۱۴۰۲", "query": "آب از:۱۴۰۲/۰۵/۰۱",
                                                          "tags": [], "total": 3, "new": 0}
    with pytest.raises(BayeganError):
        library.saved_searches.add("آبِ 1402", "سد")
    with pytest.raises(QueryError):
        library.saved_searches.add("بد", "آب تا:1402/13")
    assert [s.name for s in library.saved_searches.all()] == ["آبِ ۱۴۰۲"]
    library.saved_searches.delete("آبِ ۱۴۰۲")
    assert library.saved_searches.all() == []
    with pytest.raises(BayeganError) as missing:
        library.saved_searches.open("آبِ ۱۴۰۲")
    assert "آبِ ۱۴۰۲" in missing.value.fa
    assert ids
