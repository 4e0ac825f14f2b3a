"""Collections on a real index and a real library.sqlite3: Persian names, re-indexing, restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.research.conftest import DATED, ids_by_title, write_archive
from viewer.app.library import Library
from viewer.app.scope import Scope
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths


def test_a_collection_keeps_its_articles_in_order(library: Library) -> None:
    ids = ids_by_title(library)
    name = library.collections.create("  بحران   آب ")
    assert name == "بحران آب"
    assert library.collections.add(name, [ids["کم‌آبی در تهران"], ids["سد کرج پیش از تابستان"]]) == 2
    assert library.collections.add(name, [ids["کم‌آبی در تهران"]]) == 0  # already in it
    assert [e.title for e in library.collections.entries(name)] == ["کم‌آبی در تهران", "سد کرج پیش از تابستان"]
    assert [(c.name, c.count) for c in library.collections.all()] == [("بحران آب", 2)]
    assert library.collections.remove(name, [ids["کم‌آبی در تهران"], "not-there"]) == 1
    assert library.collections.ids(name) == [ids["سد کرج پیش از تابستان"]]
    library.collections.delete(name)
    assert library.collections.all() == []
    assert library.article_count == 5  # its articles stay in the archive


def test_names_are_compared_folded(library: Library) -> None:
    library.collections.create("کتاب‌های ۱۴۰۲")
    for same in ("كتاب‌هاي 1402", "کتاب های ۱۴۰۲", "کتاب‌های ١٤٠٢"):
        with pytest.raises(BayeganError) as taken:
            library.collections.create(same)
        assert "کتاب‌های ۱۴۰۲" in taken.value.fa
        assert library.collections.ids(same) == []  # and found by it
    library.collections.create("کتاب")
    assert [c.name for c in library.collections.all()] == ["کتاب", "کتاب‌های ۱۴۰۲"]


def test_bad_names_and_ids_are_refused_whole(library: Library) -> None:
    ids = ids_by_title(library)
    for blank in ("", "  \u200c "):
        with pytest.raises(BayeganError):
            library.collections.create(blank)
    library.collections.create("آب")
    with pytest.raises(BayeganError) as missing:
        library.collections.add("آب", [ids["کم‌آبی در تهران"], "no-such-id"])
    assert "no-such-id" in missing.value.en and "no-such-id" in missing.value.fa
    assert library.collections.ids("آب") == []
    with pytest.raises(BayeganError) as unknown:
        library.collections.add("نیست", [ids["کم‌آبی در تهران"]])
    assert "نیست" in unknown.value.fa and "no collection" in unknown.value.en


def test_a_collection_is_a_search_filter(library: Library) -> None:
    ids = ids_by_title(library)
    library.collections.create("آب")
    library.collections.add("آب", [ids["کم‌آبی در تهران"], ids["آب و برق در آذر"]])
    result = library.search("آب", limit=10, scope=Scope(collection="آب"), with_ids=True, timeline=True)
    assert {h.title for h in result.hits} == {"کم‌آبی در تهران", "آب و برق در آذر"}
    assert result.total == 2 and result.timeline == [("1402-05", 1), ("1402-09", 1)]
    assert library.search("آب تا:1402/08", scope=Scope(collection="آب")).total == 1
    assert library.search("سد", scope=Scope(collection="آب")).total == 0
    library.collections.create("خالی")
    assert library.search("آب", scope=Scope(collection="خالی"), sort="date").total == 0
    with pytest.raises(BayeganError):
        library.search("آب", scope=Scope(collection="نیست"))


def test_collections_survive_reindexing_and_restart(paths: DataPaths, source_dir: Path) -> None:
    with Library(paths) as library:
        library.sync([source_dir])
        ids = ids_by_title(library)
        library.collections.create("پاییز")
        library.collections.add("پاییز", [ids["بارش پاییزی و آب سدها"], ids["آب و برق در آذر"]])
    changed = [dict(item) for item in DATED]
    changed[2]["text"] = ["با بارش پاییزی آب سدها بالا آمد و امید برگشت."]  # updated in place
    del changed[3]  # "آب و برق در آذر" leaves the archive
    write_archive(source_dir, changed)
    with Library(paths) as library:  # a restart
        report = library.sync([source_dir])
        assert (report.updated, report.removed) == (1, 1)
        entries = library.collections.entries("پاییز")
        assert [(e.id, e.title) for e in entries] == [(ids["بارش پاییزی و آب سدها"], "بارش پاییزی و آب سدها"),
                                                      (ids["آب و برق در آذر"], None)]
        assert [a.title for a in library.collections.articles("پاییز")] == ["بارش پاییزی و آب سدها"]
        assert library.search("امید", scope=Scope(collection="پاییز")).total == 1
    write_archive(source_dir, DATED)  # it comes back
    with Library(paths) as library:
        library.sync([source_dir])
        assert library.search("آب", scope=Scope(collection="پاییز")).total == 2


def test_the_database_is_durable_and_separate_from_the_notes(library: Library, paths: DataPaths) -> None:
    library.collections.create("آب")
    db = sqlite3.connect(paths.library_path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT name FROM collections").fetchall() == [("آب",)]
    finally:
        db.close()
    assert not paths.notes_path.exists()


def test_with_notes_limits_the_results(library: Library) -> None:
    ids = ids_by_title(library)
    assert library.search("آب", scope=Scope(with_notes=True)).total == 0
    library.add_comment(ids["سد کرج پیش از تابستان"], "برای فصل دوم")
    library.add_comment(ids["کم‌آبی در تهران"], "منبع خوب")
    assert {h.title for h in library.search("آب", scope=Scope(with_notes=True)).hits} == {
        "سد کرج پیش از تابستان", "کم‌آبی در تهران"}
    assert library.search("آب", scope=Scope(with_notes=True, date_from="1402/05")).total == 1
    library.collections.create("آب")
    library.collections.add("آب", [ids["کم‌آبی در تهران"], ids["آب و برق در آذر"]])
    assert library.search("آب", scope=Scope(with_notes=True, collection="آب")).total == 1


def test_a_search_worker_filters_by_a_collection_made_on_another_thread(library: Library) -> None:
    from concurrent.futures import ThreadPoolExecutor

    ids = ids_by_title(library)
    library.collections.create("آب")  # this thread opens library.sqlite3, as the window's UI thread would
    library.collections.add("آب", [ids["کم‌آبی در تهران"]])
    with ThreadPoolExecutor(max_workers=1) as worker:
        total = worker.submit(lambda: library.search("آب", scope=Scope(collection="آب")).total).result()
        worker.submit(lambda: library.collections.add("آب", [ids["سد کرج پیش از تابستان"]])).result()
    assert total == 1
    assert library.search("آب", scope=Scope(collection="آب")).total == 2
