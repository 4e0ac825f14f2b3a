"""Collections and saved searches shared with the lab: what either side has, both get (by folded name).

Additions travel; a collection or saved search deleted on one desktop is not deleted on the others
(a shared list is the group's, not one member's)."""

from __future__ import annotations

import json

import psycopg

from viewer.collections.collections import Collections
from viewer.collections.names import name_key
from viewer.collections.saved_searches import SavedSearches
from viewer.lab.server_schema import WRITE_LOCK
from viewer.lab.state import LabState

Server = psycopg.Connection[tuple[object, ...]]


def send_lists(server: Server, collections: Collections, saved: SavedSearches) -> None:
    items = [(name_key(info.name), info.name, article_id)
             for info in collections.all() for article_id in collections.ids(info.name)]
    searches = [(name_key(s.name), s.name, s.query, json.dumps(s.tags, ensure_ascii=False)) for s in saved.all()]
    with server.transaction():
        server.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        known = {(str(k), str(a)) for k, a in server.execute("SELECT collection, article_id FROM lab_collection_items")}
        new_items = [i for i in items if (i[0], i[2]) not in known]
        if new_items:
            server.cursor().executemany("INSERT INTO lab_collection_items (collection, name, article_id) "
                                        "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", new_items)
        known_searches = {str(k) for (k,) in server.execute("SELECT key FROM lab_saved_searches")}
        new_searches = [s for s in searches if s[0] not in known_searches]
        if new_searches:
            server.cursor().executemany("INSERT INTO lab_saved_searches (key, name, query, tags) "
                                        "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", new_searches)


def receive_lists(server: Server, state: LabState, collections: Collections, saved: SavedSearches) -> int:
    """Adds what the lab has and this desktop lacks; returns how many items and searches were new here."""
    added = 0
    with server.transaction():
        items = server.execute("SELECT collection, name, article_id, change FROM lab_collection_items "
                               "WHERE change > %s ORDER BY change", (state.cursor("collections"),)).fetchall()
        searches = server.execute("SELECT key, name, query, tags, change FROM lab_saved_searches "
                                  "WHERE change > %s ORDER BY change", (state.cursor("searches"),)).fetchall()
    if items:
        local = {name_key(c.name): c.name for c in collections.all()}
        by_collection: dict[str, list[str]] = {}
        for key, name, article_id, _ in items:
            if str(key) not in local:
                local[str(key)] = collections.create(str(name))
            by_collection.setdefault(local[str(key)], []).append(str(article_id))
        for name, ids in by_collection.items():
            added += collections.add(name, ids)
        state.advance("collections", int(items[-1][-1]))  # type: ignore[call-overload]  # BIGINT
    if searches:
        have = {name_key(s.name) for s in saved.all()}
        for key, name, query, tags, _ in searches:
            if str(key) not in have:
                tag_list = json.loads(str(tags))
                saved.add(str(name), str(query), [str(t) for t in tag_list] if isinstance(tag_list, list) else [], ())
                have.add(str(key))
                added += 1
        state.advance("searches", int(searches[-1][-1]))  # type: ignore[call-overload]  # BIGINT
    return added
