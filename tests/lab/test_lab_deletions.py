"""Deleting, renaming and emptying collections and saved searches travels to every desktop of the lab
(tombstones on a real PostgreSQL server), offline, after a killed sync, and against a concurrent addition."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.faults.helpers import fault_rng
from tests.lab.desks import Desk
from tests.lab.pg_server import PgServer
from tests.lab.test_lab_kill import kill_after_batches
from viewer.collections.collections import Collections
from viewer.collections.database import LibraryDatabase
from viewer.collections.saved_searches import SavedSearches
from viewer.lab.server_schema import MIGRATIONS

Lists = tuple[dict[str, list[str]], list[str]]


def lists(desk: Desk) -> Lists:
    """The desk's collections (name → sorted article ids) and the names of its saved searches."""
    with LibraryDatabase(desk.folder / "library.sqlite3") as db:
        collections = Collections(db)
        return ({c.name: sorted(collections.ids(c.name)) for c in collections.all()},
                [s.name for s in SavedSearches(db).all()])


def edit(desk: Desk) -> LibraryDatabase:
    return LibraryDatabase(desk.folder / "library.sqlite3")


def make_collection(desk: Desk, name: str, ids: list[str]) -> None:
    with edit(desk) as db:
        Collections(db).create(name)
        Collections(db).add(name, ids)


def save_search(desk: Desk, name: str, query: str) -> None:
    with edit(desk) as db:
        SavedSearches(db).add(name, query, ["اقتصاد"], ())


def server_items(pg: PgServer, database: str) -> list[tuple[str, str]]:
    """Every (collection, article) row alive on the server, in order, each as often as it is there."""
    with pg.admin(database) as db:
        return [(str(c), str(a)) for c, a in db.execute(
            "SELECT collection, article_id FROM lab_collection_items WHERE NOT deleted ORDER BY 1, 2")]


def lab_of_three(pg_server: PgServer, lab_db: str, tmp_path: Path) -> tuple[Desk, Desk, Desk]:
    """Ana (the owner) with the collections «انتخابات» {a1, a2, a3} and «تورم» {a4} and the saved search
    «قیمت‌ها»; Bahar (a member who writes) and Reza (who may only read) joined and holding the same."""
    ana, bahar, reza = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar"), Desk(tmp_path, "Reza")
    make_collection(ana, "انتخابات", ["a1", "a2", "a3"])
    make_collection(ana, "تورم", ["a4"])
    save_search(ana, "قیمت‌ها", "قیمت نفت")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    reza.join(pg_server.url(lab_db, "lab_reader"))
    for desk in (bahar, reza):
        assert lists(desk) == lists(ana)
    return ana, bahar, reza


def test_a_deleted_collection_is_gone_on_every_desk_the_readers_too(pg_server: PgServer, lab_db: str,
                                                                    tmp_path: Path) -> None:
    ana, bahar, reza = lab_of_three(pg_server, lab_db, tmp_path)
    with edit(bahar) as db:
        Collections(db).delete("انتخابات")
    make_collection(reza, "مال رضا", ["a7"])  # the reader's own: refused by the server, kept here
    bahar.sync()
    ana.sync()
    assert reza.sync()["sending_refused"] is True
    for desk in (ana, bahar):
        assert lists(desk) == ({"تورم": ["a4"]}, ["قیمت‌ها"])
    assert lists(reza) == ({"تورم": ["a4"], "مال رضا": ["a7"]}, ["قیمت‌ها"])
    with edit(reza) as db:
        Collections(db).delete("مال رضا")
    assert server_items(pg_server, lab_db) == [("تورم", "a4")]
    for desk in (ana, bahar, reza):  # settled: nothing comes back, nothing goes again
        assert desk.sync()["received"] == 0
        assert lists(desk) == ({"تورم": ["a4"]}, ["قیمت‌ها"])


def test_an_article_removed_from_a_collection_is_removed_everywhere(pg_server: PgServer, lab_db: str,
                                                                   tmp_path: Path) -> None:
    ana, bahar, reza = lab_of_three(pg_server, lab_db, tmp_path)
    with edit(ana) as db:
        assert Collections(db).remove("انتخابات", ["a2"]) == 1
    assert ana.sync()["sent"] == 1
    assert bahar.sync()["received"] == 1
    reza.sync()
    for desk in (ana, bahar, reza):
        assert lists(desk)[0] == {"انتخابات": ["a1", "a3"], "تورم": ["a4"]}


def test_a_renamed_collection_leaves_no_old_name_behind(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar, reza = lab_of_three(pg_server, lab_db, tmp_path)
    with edit(bahar) as db:  # a rename: the articles under the new name, the old name deleted
        collections = Collections(db)
        collections.create("انتخابات ۱۴۰۲")
        collections.add("انتخابات ۱۴۰۲", collections.ids("انتخابات"))
        collections.delete("انتخابات")
    bahar.sync()
    ana.sync()
    reza.sync()
    for desk in (ana, bahar, reza):
        assert lists(desk)[0] == {"انتخابات ۱۴۰۲": ["a1", "a2", "a3"], "تورم": ["a4"]}


def test_a_deleted_saved_search_is_deleted_everywhere(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar, reza = lab_of_three(pg_server, lab_db, tmp_path)
    save_search(bahar, "تحریم", "تحریم نفت")
    bahar.sync()
    with edit(ana) as db:
        SavedSearches(db).delete("قیمت‌ها")
    ana.sync()
    bahar.sync()
    reza.sync()
    for desk in (ana, bahar, reza):
        assert lists(desk)[1] == ["تحریم"]
    save_search(bahar, "قیمت‌ها", "قیمت طلا")  # saved again later under the same name: back for everyone
    bahar.sync()
    ana.sync()
    with edit(ana) as db:
        assert SavedSearches(db).get("قیمت‌ها").query == "قیمت طلا"


def test_a_deletion_made_offline_goes_when_the_server_is_back(pg_server: PgServer, lab_db: str,
                                                              tmp_path: Path) -> None:
    ana, bahar, _ = lab_of_three(pg_server, lab_db, tmp_path)
    assert ana.json("lab", "status")["waiting"] == 0
    pg_server.stop()
    try:
        with edit(ana) as db:
            Collections(db).delete("تورم")  # the collection and its one article
            SavedSearches(db).delete("قیمت‌ها")
        code, _, err = ana.run("lab", "sync")
        assert code == 1 and "cannot be reached" in err and "Traceback" not in err
        status = ana.json("lab", "status")
        assert status["online"] is False and status["waiting"] == 3
    finally:
        pg_server.start()
    assert ana.sync()["waiting"] == 0
    bahar.sync()
    for desk in (ana, bahar):
        assert lists(desk) == ({"انتخابات": ["a1", "a2", "a3"]}, [])


@pytest.mark.parametrize("deleter_first", [True, False], ids=["delete-synced-first", "add-synced-first"])
def test_an_article_added_while_the_collection_was_deleted_keeps_it(pg_server: PgServer, lab_db: str,
                                                                    tmp_path: Path, deleter_first: bool) -> None:
    """A deletion removes what the deleting desk had seen; Bahar's new article survives it and keeps the
    collection, holding that article only, on both desks whichever syncs first."""
    ana, bahar, reza = lab_of_three(pg_server, lab_db, tmp_path)
    with edit(ana) as db:
        Collections(db).delete("انتخابات")
    with edit(bahar) as db:
        Collections(db).add("انتخابات", ["a9"])
    order = (ana, bahar, ana) if deleter_first else (bahar, ana, bahar)
    for desk in order:
        desk.sync()
    reza.sync()
    for desk in (ana, bahar, reza):
        assert lists(desk)[0] == {"انتخابات": ["a9"], "تورم": ["a4"]}
    for desk in (ana, bahar, reza):
        assert desk.sync()["received"] == 0
    assert sorted(server_items(pg_server, lab_db)) == [("انتخابات", "a9"), ("تورم", "a4")]


def test_killed_syncs_deliver_every_deletion_exactly_once(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    rng, _ = fault_rng("test_killed_syncs_deliver_every_deletion_exactly_once")
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    for i in range(12):
        make_collection(ana, f"c{i}", [f"a{j}" for j in range(6)])
    for i in range(4):
        save_search(ana, f"s{i}", f"query {i}")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    with edit(ana) as db:
        for i in range(4):
            Collections(db).delete(f"c{i}")
        for i in range(4, 8):
            Collections(db).remove(f"c{i}", ["a0", "a5"])
        Collections(db).add("c8", ["b1"])
        SavedSearches(db).delete("s0")
        SavedSearches(db).delete("s1")
    with ana.notes() as store:  # notes too, so that a sync reports several steps to be killed after
        for i in range(30):
            store.create_comment(f"a{i % 6}", f"note {i}", creator="Ana")
    kills = sum(kill_after_batches(desk, rng.randint(1, 6)) for desk in (ana, ana, bahar, bahar, ana, bahar))
    assert kills >= 3
    ana.sync()
    bahar.sync()
    expected = ({**{f"c{i}": [f"a{j}" for j in (1, 2, 3, 4)] for i in range(4, 8)},
                 "c8": ["a0", "a1", "a2", "a3", "a4", "a5", "b1"],
                 **{f"c{i}": [f"a{j}" for j in range(6)] for i in range(9, 12)}}, ["s2", "s3"])
    assert lists(ana) == lists(bahar) == expected
    alive = server_items(pg_server, lab_db)
    assert alive == sorted({(name, a) for name, ids in expected[0].items() for a in ids})
    assert ana.sync()["received"] == 0 and bahar.sync()["received"] == 0
    assert ana.json("lab", "status")["waiting"] == 0 and bahar.json("lab", "status")["waiting"] == 0


def test_a_lab_of_the_previous_schema_is_upgraded_by_its_owner(pg_server: PgServer, lab_db: str,
                                                               tmp_path: Path) -> None:
    """A lab set up before deletions travelled (schema 1, with a shared collection in it): a member's
    sync says the owner must upgrade it; the owner's join does, and deletions travel from then on."""
    with psycopg.connect(pg_server.url(lab_db)) as db:
        db.execute("CREATE TABLE lab_schema (version INTEGER PRIMARY KEY)")
        for statement in MIGRATIONS[0][1]:
            db.execute(statement)
        db.execute("INSERT INTO lab_schema VALUES (1)")
        db.execute("INSERT INTO lab_collection_items (collection, name, article_id) VALUES "
                   "('انتخابات', 'انتخابات', 'a1'), ('انتخابات', 'انتخابات', 'a2')")
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    code, _, err = bahar.run("lab", "join", pg_server.url(lab_db, "lab_member"), "--name", "Bahar")
    assert code == 1 and "older Bayegan" in err and "قدیمی‌تر" in err and "Traceback" not in err
    assert ana.join(pg_server.url(lab_db))["schema_created"] is False
    with pg_server.admin(lab_db) as db:
        assert db.execute("SELECT MAX(version) FROM lab_schema").fetchone() == (MIGRATIONS[-1][0],)
    bahar.join(pg_server.url(lab_db, "lab_member"))
    assert lists(ana)[0] == lists(bahar)[0] == {"انتخابات": ["a1", "a2"]}
    with edit(ana) as db:
        Collections(db).delete("انتخابات")
    ana.sync()
    bahar.sync()
    assert lists(bahar)[0] == {} and server_items(pg_server, lab_db) == []


class Killed(Exception):
    """Stands for SIGKILL at one exact step of a sync run in this process (what it committed stays)."""


def test_a_receipt_cut_off_after_it_was_applied_is_not_sent_back(pg_server: PgServer, lab_db: str,
                                                                 tmp_path: Path) -> None:
    """Bahar's sync dies after adding Ana's new article here and before marking it agreed; Ana then takes
    the article out. Bahar's next sync must not send it back as an addition of hers."""
    from viewer.lab import sync as lab_sync
    from viewer.lab.state import LabState

    ana, bahar, _ = lab_of_three(pg_server, lab_db, tmp_path)
    with edit(ana) as db:
        Collections(db).add("انتخابات", ["a9"])
    ana.sync()

    def die_after_applying(step: str) -> None:
        if step == "lists received":
            raise Killed

    with (psycopg.connect(pg_server.url(lab_db, "lab_member")) as server,
          LabState(bahar.folder / "lab.sqlite3") as state, edit(bahar) as db, bahar.notes() as store,
          pytest.raises(Killed)):
        lab_sync.sync(server, store, state, Collections(db), SavedSearches(db), on_batch=die_after_applying)
    assert lists(bahar)[0]["انتخابات"] == ["a1", "a2", "a3", "a9"]  # here, not yet marked agreed
    with edit(ana) as db:
        Collections(db).remove("انتخابات", ["a9"])
    ana.sync()
    bahar.sync()
    ana.sync()
    for desk in (ana, bahar):
        assert lists(desk)[0]["انتخابات"] == ["a1", "a2", "a3"]
    assert ("انتخابات", "a9") not in server_items(pg_server, lab_db)
