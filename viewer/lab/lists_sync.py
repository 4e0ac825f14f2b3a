"""Collections and saved searches shared with the lab (by folded name): additions and deletions both travel.

A deletion travels as a tombstone on the server (the row stays, `deleted` set, with a new change number).
This desktop finds its own deletions by comparing what it has with what it last agreed with the server
(lab.sqlite3): agreed and gone here means deleted here, so a deletion made offline, or in a sync killed
half-way, goes at the next sync; the local stores keep no tombstones.

Concurrent changes are settled as an observed-remove set: a deletion removes only what the deleting
desktop had seen. An article added to a collection elsewhere meanwhile survives it and keeps the
collection (it comes back on the deleting desktop holding only the articles added since), whichever desktop
syncs first. A saved search deleted on one desktop and saved again under its name on another comes back.
A renamed collection is a new name with the same articles, the old name deleted."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from viewer.collections.collections import Collections
from viewer.collections.names import name_key
from viewer.collections.saved_searches import SavedSearch, SavedSearches
from viewer.lab.server_schema import WRITE_LOCK
from viewer.lab.state import COLLECTION, ITEM, SEARCH, LabState, ListMark

Server = psycopg.Connection[tuple[object, ...]]
Step = Callable[[str], None]


@dataclass(frozen=True)
class LocalLists:
    collections: dict[str, str]  # folded name → name as kept
    items: set[tuple[str, str]]  # (folded collection name, article id)
    searches: dict[str, SavedSearch]  # folded name → search

    def marks(self) -> set[ListMark]:
        return ({(COLLECTION, key, "") for key in self.collections} | {(ITEM, key, a) for key, a in self.items}
                | {(SEARCH, key, "") for key in self.searches})


def local_lists(collections: Collections, saved: SavedSearches) -> LocalLists:
    names = {name_key(info.name): info.name for info in collections.all()}
    items = {(key, article_id) for key, name in names.items() for article_id in collections.ids(name)}
    return LocalLists(names, items, {name_key(s.name): s for s in saved.all()})


def waiting_lists(state: LabState, collections: Collections, saved: SavedSearches) -> int:
    """Collections, their articles and saved searches added or deleted here and not yet on the server."""
    return len((local_lists(collections, saved).marks() ^ state.list_marks()) - state.pending_lists())


def _split(marks: set[ListMark]) -> tuple[set[str], set[tuple[str, str]], set[str]]:
    return ({key for kind, key, _ in marks if kind == COLLECTION}, {(key, i) for kind, key, i in marks if kind == ITEM},
            {key for kind, key, _ in marks if kind == SEARCH})


def send_lists(server: Server, state: LabState, collections: Collections, saved: SavedSearches,
               on_step: Step | None = None) -> int:
    """Sends what was added or deleted here since the last agreement; returns how many rows it wrote.
    Raises psycopg.errors.InsufficientPrivilege for a read-only role (nothing written, nothing marked)."""
    here = local_lists(collections, saved)
    pending = state.pending_lists()  # a receipt cut off half-way: the next receive finishes it
    here_collections, here_items, here_searches = _split(here.marks() - pending)
    agreed_collections, agreed_items, agreed_searches = _split(state.list_marks() - pending)
    new_items = here_items - agreed_items
    gone_items = agreed_items - here_items
    # A collection new here, or one that got an article here, is alive on the server (an addition revives it).
    live_collections = (here_collections - agreed_collections) | {key for key, _ in new_items}
    gone_collections = agreed_collections - here_collections
    new_searches = here_searches - agreed_searches
    gone_searches = agreed_searches - here_searches
    if not (new_items or gone_items or live_collections or gone_collections or new_searches or gone_searches):
        return 0
    written = 0
    touched = sorted(live_collections | gone_collections | {key for key, _ in new_items | gone_items})
    writes: dict[str, list[tuple[object, ...]]] = {}  # statement → its rows, sent as one batch each

    def write(statement: str, values: tuple[object, ...]) -> None:
        writes.setdefault(statement, []).append(values)

    with server.transaction():
        server.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        there_collections = {str(k): bool(d) for k, d in server.execute(
            "SELECT key, deleted FROM lab_collections WHERE key = ANY(%s)", (touched,))}
        there_items = {(str(k), str(a)): bool(d) for k, a, d in server.execute(
            "SELECT collection, article_id, deleted FROM lab_collection_items WHERE collection = ANY(%s)", (touched,))}
        for key in sorted(live_collections):
            if key not in there_collections:
                write("INSERT INTO lab_collections (key, name) VALUES (%s, %s)", (key, here.collections[key]))
            elif there_collections[key]:
                write("UPDATE lab_collections SET deleted = false, name = %s, change = nextval('lab_change') "
                      "WHERE key = %s", (here.collections[key], key))
            else:
                continue
            written += 1
        for key, article_id in sorted(new_items):
            if (key, article_id) not in there_items:
                write("INSERT INTO lab_collection_items (collection, name, article_id) VALUES (%s, %s, %s)",
                      (key, here.collections[key], article_id))
            elif there_items[(key, article_id)]:
                write("UPDATE lab_collection_items SET deleted = false, change = nextval('lab_change') "
                      "WHERE collection = %s AND article_id = %s", (key, article_id))
            else:
                continue
            there_items[(key, article_id)] = False
            written += 1
        for key, article_id in sorted(gone_items):
            if there_items.get((key, article_id)) is False:
                write("UPDATE lab_collection_items SET deleted = true, change = nextval('lab_change') "
                      "WHERE collection = %s AND article_id = %s", (key, article_id))
                there_items[(key, article_id)] = True
                written += 1
        for key in sorted(gone_collections):
            added_elsewhere = any(not deleted for (k, _), deleted in there_items.items() if k == key)
            if there_collections.get(key) is False and not added_elsewhere:
                write("UPDATE lab_collections SET deleted = true, change = nextval('lab_change') "
                      "WHERE key = %s", (key,))
                written += 1
        there_searches = {str(k): bool(d) for k, d in server.execute(
            "SELECT key, deleted FROM lab_saved_searches WHERE key = ANY(%s)", (sorted(new_searches | gone_searches),))}
        for key in sorted(new_searches):
            search = here.searches[key]
            values = (search.name, search.query, json.dumps(search.tags, ensure_ascii=False), key)
            if key not in there_searches:
                write("INSERT INTO lab_saved_searches (name, query, tags, key) VALUES (%s, %s, %s, %s)", values)
            elif there_searches[key]:
                write("UPDATE lab_saved_searches SET name = %s, query = %s, tags = %s, deleted = false, "
                      "change = nextval('lab_change') WHERE key = %s", values)
            else:
                continue  # saved there too under this name: the first one saved is the lab's
            written += 1
        for key in sorted(gone_searches):
            if there_searches.get(key) is False:
                write("UPDATE lab_saved_searches SET deleted = true, change = nextval('lab_change') "
                      "WHERE key = %s", (key,))
                written += 1
        for statement, batch in writes.items():
            server.cursor().executemany(statement, batch)
    if on_step is not None:
        on_step("lists sent")  # on the server, not yet marked here: a kill now repeats a step that changes nothing
    added = ({(COLLECTION, k, "") for k in live_collections} | {(ITEM, k, a) for k, a in new_items}
             | {(SEARCH, k, "") for k in new_searches})
    dropped = ({(COLLECTION, k, "") for k in gone_collections} | {(ITEM, k, a) for k, a in gone_items}
               | {(SEARCH, k, "") for k in gone_searches})
    state.agree_lists(added, dropped)
    return written


def receive_lists(server: Server, state: LabState, collections: Collections, saved: SavedSearches,
                  on_step: Step | None = None) -> int:
    """Applies the lab's additions and tombstones received since the last time; returns how many changed
    here. What this desktop has and never agreed with the server (a read-only member's own) is kept."""
    with server.transaction():
        server.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # the three reads: one moment
        rows = server.execute("SELECT key, name, deleted, change FROM lab_collections WHERE change > %s "
                              "ORDER BY change", (state.cursor("collection_rows"),)).fetchall()
        items = server.execute("SELECT collection, name, article_id, deleted, change FROM lab_collection_items "
                               "WHERE change > %s ORDER BY change", (state.cursor("collections"),)).fetchall()
        searches = server.execute("SELECT key, name, query, tags, deleted, change FROM lab_saved_searches "
                                  "WHERE change > %s ORDER BY change", (state.cursor("searches"),)).fetchall()
    if not (rows or items or searches):
        if state.pending_lists():
            state.agree_lists((), (), settle_pending=True)
        return 0
    local = {name_key(c.name): c.name for c in collections.all()}
    touched = ({(COLLECTION, str(r[0]), "") for r in rows} | {(ITEM, str(i[0]), str(i[2])) for i in items}
               | {(COLLECTION, str(i[0]), "") for i in items}
               | {(SEARCH, str(r[0]), "") for r in searches}
               | {(ITEM, str(r[0]), a) for r in rows if r[2] and str(r[0]) in local
                  for a in collections.ids(local[str(r[0])])})
    # What an earlier receipt, killed before its marks, had begun to apply counts as agreed.
    marks = state.list_marks() | state.pending_lists()
    state.stage_lists(touched)
    added: set[ListMark] = set()
    dropped: set[ListMark] = set()
    changed = 0

    def ensure(key: str, name: str) -> str:
        nonlocal changed
        if key not in local:
            local[key] = collections.create(name)
            changed += 1
        added.add((COLLECTION, key, ""))
        return local[key]

    for key, name, deleted, _ in rows:
        if not deleted:
            ensure(str(key), str(name))
    to_add: dict[str, list[str]] = {}
    to_remove: dict[str, list[str]] = {}
    for key, name, article_id, deleted, _ in items:
        mark = (ITEM, str(key), str(article_id))
        if not deleted:
            to_add.setdefault(ensure(str(key), str(name)), []).append(str(article_id))
            added.add(mark)
        elif mark in marks:
            if str(key) in local:
                to_remove.setdefault(local[str(key)], []).append(str(article_id))
            dropped.add(mark)
    for name, ids in to_add.items():
        changed += collections.add(name, ids)
    for name, ids in to_remove.items():
        changed += collections.remove(name, ids)
    agreed_now = (marks - dropped) | added
    for key, _, deleted, _ in rows:
        if not deleted:
            continue
        mark = (COLLECTION, str(key), "")
        dropped.add(mark)
        added.discard(mark)
        if str(key) not in local or mark not in marks:
            continue  # not here, or made here and never sent: kept
        left = collections.ids(local[str(key)])
        if all((ITEM, str(key), article_id) in agreed_now for article_id in left):
            collections.delete(local.pop(str(key)))
            dropped.update((ITEM, str(key), article_id) for article_id in left)
            changed += 1
    have = {name_key(s.name) for s in saved.all()}
    for key, name, query, tags, deleted, _ in searches:
        mark = (SEARCH, str(key), "")
        if not deleted:
            if str(key) not in have:
                tag_list = json.loads(str(tags))
                saved.add(str(name), str(query), [str(t) for t in tag_list] if isinstance(tag_list, list) else [], ())
                have.add(str(key))
                changed += 1
            added.add(mark)
        elif mark in marks:
            if str(key) in have:
                saved.delete(str(name))
                have.discard(str(key))
                changed += 1
            dropped.add(mark)
    cursors = [(cursor, int(found[-1][-1]))  # type: ignore[call-overload]  # BIGINT
               for cursor, found in (("collection_rows", rows), ("collections", items), ("searches", searches)) if found]
    if on_step is not None:
        on_step("lists received")  # applied here, not yet marked: a kill now repeats a step that changes nothing
    state.agree_lists(added - dropped, dropped, cursors, settle_pending=True)
    return changed
