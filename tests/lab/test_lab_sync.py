"""Sharing notes, collections and saved searches through a real PostgreSQL server (issue 29)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import psycopg

from tests.lab.desks import Desk
from tests.lab.pg_server import PgServer
from viewer.core.annotation import HIGHLIGHT_PALETTE, Annotation


def server_note_ids(pg: PgServer, database: str) -> list[str]:
    with pg.admin(database) as db:
        return [str(r[0]) for r in db.execute("SELECT id FROM lab_notes ORDER BY id")]


def joined_after_a_note(pg_server: PgServer, lab_db: str, tmp_path: Path, article_id: str,
                        body: str) -> tuple[Desk, Desk, Annotation]:
    """Ana's desk with one note of hers on `article_id`, then Ana (the owner) and Bahar joined to the lab."""
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    with ana.notes() as store:
        note = store.create_comment(article_id, body, creator="Ana")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    return ana, bahar, note


def test_three_desks_share_notes_replies_authors_collections_and_searches(pg_server: PgServer, lab_db: str,
                                                                          tmp_path: Path) -> None:
    ana, bahar, cyrus = (Desk(tmp_path, n) for n in ("Ana", "Bahar", "Cyrus"))
    with ana.notes() as store:
        first = store.create_comment("article-1", "یادداشت نخست", creator="Ana")
        store.create_comment("article-2", "second note", creator="Ana")
    created = ana.run("collections", "create", "انتخابات")[0] == 0
    joined = ana.join(pg_server.url(lab_db))
    assert joined["schema_created"] is True and joined["sent"] == 2 + created
    assert bahar.join(pg_server.url(lab_db, "lab_member"))["received"] == 2 + created  # an empty collection too
    with bahar.notes() as store:
        reply = store.create_reply(first.id, "پاسخ بهار", creator="Bahar")
    assert bahar.sync()["sent"] == 1
    assert ana.sync()["received"] == 1
    cyrus.join(pg_server.url(lab_db, "lab_member"))
    for desk in (ana, bahar, cyrus):
        with desk.notes() as store:
            assert store.require(reply.id).creator == "Bahar"
            assert store.require(reply.id).parent_id == first.id
            assert store.require(first.id).creator == "Ana"
        assert [r[0] for r in desk.rows()] == server_note_ids(pg_server, lab_db)
    for desk in (ana, bahar, cyrus):  # a second sync changes nothing anywhere
        assert desk.sync() == {"sent": 0, "received": 0, "conflicts": 0, "sending_refused": False, "waiting": 0}


def test_conflicting_edits_keep_both_texts_on_both_sides(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar, note = joined_after_a_note(pg_server, lab_db, tmp_path, "article-1", "base text")
    with ana.notes() as store:
        store.edit(note.id, body="Ana's text")
    with bahar.notes() as store:
        store.edit(note.id, body="Bahar's text")  # the later edit: it is the one shown
    assert ana.sync()["conflicts"] == 0
    assert bahar.sync()["conflicts"] == 1
    assert ana.sync()["conflicts"] == 1
    for desk in (ana, bahar):
        with desk.notes() as store:
            assert store.require(note.id).body == "Bahar's text"
        assert "Ana's text" in desk.versions(note.id)
        assert desk.sync()["received"] == 0


def test_deletions_travel_as_tombstones(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    with ana.notes() as store:
        note = store.create_comment("article-1", "to be deleted", creator="Ana")
        store.create_reply(note.id, "a reply goes with it", creator="Ana")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    with bahar.notes() as store:
        assert store.count() == 2
        store.delete(note.id)
    assert bahar.sync()["sent"] == 2
    ana.sync()
    with ana.notes() as store:
        assert store.count() == 0
    assert len(ana.rows()) == 2  # kept as tombstones (undo), not duplicated


def test_a_read_only_member_receives_everything_and_keeps_their_own(pg_server: PgServer, lab_db: str,
                                                                    tmp_path: Path) -> None:
    ana, reader = Desk(tmp_path, "Ana"), Desk(tmp_path, "Reader")
    with ana.notes() as store:
        store.create_comment("article-1", "shared", creator="Ana")
    ana.join(pg_server.url(lab_db))
    with reader.notes() as store:
        mine = store.create_comment("article-9", "only mine", creator="Reader")
    code, out, err = reader.run("lab", "join", pg_server.url(lab_db, "lab_reader"), "--name", "Reader", "--json")
    assert code == 0, err
    joined = json.loads(out)
    assert joined["sending_refused"] is True and joined["received"] == 1 and joined["waiting"] == 1
    assert "refused" in err and "نپذیرفت" in err
    assert mine.id not in server_note_ids(pg_server, lab_db)
    with reader.notes() as store:
        assert store.require(mine.id).body == "only mine" and store.count() == 2


def test_wrong_password_is_a_clear_message_and_no_password_in_settings(pg_server: PgServer, lab_db: str,
                                                                       tmp_path: Path) -> None:
    ana = Desk(tmp_path, "Ana")
    proc = ana.child("lab", "join", pg_server.url(lab_db, password="not-it"), "--name", "Ana")
    _, err = proc.communicate()
    message = err.decode()
    assert proc.returncode == 1
    assert "wrong password" in message and "گذرواژه نادرست" in message and "Traceback" not in message
    ana.join(pg_server.url(lab_db))
    settings = (ana.folder / "config" / "settings.json").read_text("utf-8")
    assert "owner-secret" not in settings and "lab_owner@127.0.0.1" in settings
    passfile = ana.folder / "config" / "lab.pgpass"
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600 and "owner-secret" in passfile.read_text()


def test_server_down_and_back_nothing_lost_nothing_doubled(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    pg_server.stop()
    try:
        with ana.notes() as store:
            ids = {store.create_comment(f"article-{i}", f"offline {i}", creator="Ana").id for i in range(5)}
        code, _, err = ana.run("lab", "sync")
        assert code == 1 and "cannot be reached" in err and "دسترسی نیست" in err and "Traceback" not in err
        status = ana.json("lab", "status")
        assert status["online"] is False and status["waiting"] == 5
    finally:
        pg_server.start()
    assert ana.sync()["sent"] == 5
    assert bahar.sync()["received"] == 5
    assert {r[0] for r in bahar.rows()} == ids == set(server_note_ids(pg_server, lab_db))


def test_tls_verify_full_with_the_labs_own_ca(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, mallory = Desk(tmp_path, "Ana"), Desk(tmp_path, "Mallory")
    good = pg_server.url(lab_db, sslmode="verify-full", sslrootcert=str(pg_server.certs / "ca.crt"))
    assert ana.join(good)["sent"] == 0
    with psycopg.connect(good) as db:
        assert db.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)
    wrong = pg_server.url(lab_db, sslmode="verify-full", sslrootcert=str(pg_server.certs / "other-ca.crt"))
    code, _, err = mallory.run("lab", "join", wrong, "--name", "Mallory")
    assert code == 1 and "secure connection" in err and "Traceback" not in err


def test_notes_of_articles_not_here_are_kept_as_orphans(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar, note = joined_after_a_note(pg_server, lab_db, tmp_path, "an-article-bahar-lacks", "kept anyway")
    with bahar.notes() as store:
        assert [a.id for a in store.orphans()] == [note.id]
    ana.sync()
    with ana.notes() as store:  # the sender's own notes come back unchanged, not made orphans
        assert store.orphans() == []


def test_leave_forgets_the_lab_and_keeps_the_notes(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana = Desk(tmp_path, "Ana")
    with ana.notes() as store:
        store.create_comment("article-1", "stays", creator="Ana")
    ana.join(pg_server.url(lab_db))
    assert ana.run("lab", "leave")[0] == 0
    assert not (ana.folder / "config" / "lab.pgpass").exists()
    assert ana.json("lab", "status") == {"joined": False}
    code, _, err = ana.run("lab", "sync")
    assert code == 1 and "not in a lab" in err
    with ana.notes() as store:
        assert store.count() == 1
    assert os.path.exists(ana.folder / "notes.sqlite3")


def test_collections_and_saved_searches_are_shared(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    from viewer.collections.collections import Collections
    from viewer.collections.database import LibraryDatabase
    from viewer.collections.saved_searches import SavedSearches

    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    for desk, items in ((ana, ["a1", "a2"]), (bahar, ["a2", "a3"])):
        with LibraryDatabase(desk.folder / "library.sqlite3") as db:
            Collections(db).create("انتخابات")
            Collections(db).add("انتخابات", items)
    with LibraryDatabase(ana.folder / "library.sqlite3") as db:
        SavedSearches(db).add("تورم", "تورم قیمت", ["اقتصاد"], ())
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    ana.sync()
    for desk in (ana, bahar):
        with LibraryDatabase(desk.folder / "library.sqlite3") as db:
            assert sorted(Collections(db).ids("انتخابات")) == ["a1", "a2", "a3"]
            assert [(s.name, s.query, s.tags) for s in SavedSearches(db).all()] == [("تورم", "تورم قیمت", ["اقتصاد"])]


def _one_article_file(folder: Path, link: str) -> Path:
    folder.mkdir(parents=True)
    item = {"title": "بارش برف در تهران مدارس را تعطیل کرد",
            "paragraphs": ["به گزارش خبرنگار ما، بارش برف سنگین در تهران باعث تعطیلی مدارس شد.",
                           "ستاد مدیریت بحران از شهروندان خواست از سفرهای غیرضروری بپرهیزند."],
            "tags": ["جامعه"], "link": link}
    path = folder / "news.json"
    path.write_text(json.dumps([item], ensure_ascii=False), "utf-8")
    return path


def test_notes_follow_the_article_by_content_not_path(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    """The same file in other folders gives the same id; the same text under another link (another id)
    is matched by its fingerprint: no member sees the colleague's note as an orphan."""
    ana, bahar, cyrus = (Desk(tmp_path, n) for n in ("Ana", "Bahar", "Cyrus"))
    _one_article_file(tmp_path / "ana-files" / "deep" / "folder", "https://example.org/news/1")
    _one_article_file(tmp_path / "bahar-files", "https://example.org/news/1")
    _one_article_file(tmp_path / "cyrus-files", "https://mirror.example.net/story/77")
    ids = {}
    for desk, folder in ((ana, "ana-files"), (bahar, "bahar-files"), (cyrus, "cyrus-files")):
        code, _, err = desk.run("index", str(tmp_path / folder))
        assert code == 0, err
        ids[desk.name] = [a["id"] for a in desk.json("list")]
    assert ids["Ana"] == ids["Bahar"] != ids["Cyrus"]
    with ana.notes() as store:
        note = store.create_comment(ids["Ana"][0], "برف", creator="Ana")
    ana.join(pg_server.url(lab_db))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    cyrus.join(pg_server.url(lab_db, "lab_member"))
    with bahar.notes() as store:
        assert store.require(note.id).article_id == ids["Bahar"][0] and store.orphans() == []
    with cyrus.notes() as store:
        assert store.require(note.id).article_id == ids["Cyrus"][0] and store.orphans() == []


def test_a_lab_set_up_by_a_newer_bayegan_is_refused_clearly(pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    assert ana.join(pg_server.url(lab_db))["schema_created"] is True
    assert bahar.join(pg_server.url(lab_db, "lab_member"))["schema_created"] is False  # migrated once, kept
    with pg_server.admin(lab_db) as db:
        db.execute("INSERT INTO lab_schema (version) VALUES (99)")
    code, _, err = Desk(tmp_path, "Cyrus").run("lab", "join", pg_server.url(lab_db), "--name", "Cyrus")
    assert code == 1 and "newer Bayegan" in err and "تازه‌تری" in err and "Traceback" not in err
    code, _, err = ana.run("lab", "sync")  # a member already in: its syncs stop too, nothing written
    assert code == 1 and "newer Bayegan" in err


def test_colours_an_older_bayegan_put_on_the_server_arrive_as_the_palettes(pg_server: PgServer, lab_db: str,
                                                                           tmp_path: Path) -> None:
    """A desktop with an older Bayegan stored colours as typed and sent them so ("green", "banana"): a
    member receives the palette's colour (Qt painted "green" #008000), or the default for no colour,
    and the mapping is no change of theirs to send back."""
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    with ana.notes() as store:
        named = store.create_comment("article-1", "سبز", creator="Ana")
        no_colour = store.create_comment("article-1", "موز", creator="Ana")
        version = store.create_comment("article-1", "نخست", creator="Ana")
    ana.join(pg_server.url(lab_db))
    with pg_server.admin(lab_db) as db:  # as the older desktop wrote them
        db.execute("UPDATE lab_notes SET color = 'green' WHERE id = %s", (named.id,))
        db.execute("UPDATE lab_notes SET color = 'banana' WHERE id = %s", (no_colour.id,))
        db.execute("INSERT INTO lab_note_versions (id, body, color, creator, modified) VALUES (%s, %s, %s, %s, %s)",
                   (version.id, "متن کنار گذاشته", "Yellow", "Cyrus", version.modified))
    bahar.join(pg_server.url(lab_db, "lab_member"))
    with bahar.notes() as store:
        assert [store.require(n.id).color for n in (named, no_colour, version)] == [HIGHLIGHT_PALETTE["green"], "", ""]
        assert [(v.body, v.color) for v in store.versions(version.id)] == [("متن کنار گذاشته", HIGHLIGHT_PALETTE["yellow"])]
    assert bahar.sync() == {"sent": 0, "received": 0, "conflicts": 0, "sending_refused": False, "waiting": 0}
