"""Reads Bayegan's window as a screen reader does, through AT-SPI, and prints what it found as JSON.

Run by tests/gui/desk/test_atspi.py with the system Python (/usr/bin/python3, where Debian's
python3-pyatspi lives; the app runs in the project's Python), on the test's own X server and D-Bus:

    python3 atspi_checker.py --title TITLE --language fa|en [--timeout SECONDS]

It waits for the app named Bayegan to show an object whose text holds TITLE (the article), then walks
the whole accessibility tree: interactive controls without a name (a combo box, which Qt names by its
current choice on Linux, needs a description or a label too), names not in the interface's language,
the article's text read through the Text interface, and the article's and the window's extents."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

import pyatspi
from gi.repository import GLib

# What Orca lets a user reach and must announce by name.
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_MENU,
}
MENU_ROLES = {pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_MENU}
PERSIAN_LETTER = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
ENDONYMS = {"English", "فارسی"}  # each language is named in itself in the Language menu
POLL_SECONDS = 0.2


def wait_for(condition, timeout: float, what: str):
    """condition() once it is truthy, polled until `timeout` seconds have passed (a condition wait)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = condition()
        except GLib.GError:  # an object went away under the walk while the window is still being built
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise SystemExit(f"atspi_checker: timed out waiting for {what}")
        time.sleep(POLL_SECONDS)


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def walk(node, path=()):
    """Every object under `node` with the chain of role:name leading to it."""
    here = (*path, f"{node.getRoleName()}:{node.name!r}")
    yield node, here
    for child in children(node):
        yield from walk(child, here)


def bayegan():
    desktop = pyatspi.Registry.getDesktop(0)
    return next((app for app in children(desktop) if app.name == "Bayegan" and app.childCount), None)


def readable_text(node) -> str:
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return text.getText(0, text.characterCount)


def article_with(app, title: str):
    """The object whose text (read through the Text interface) holds the title: the article."""
    found = [(len(text), node) for node, _ in walk(app)
             if node.getState().contains(pyatspi.STATE_SHOWING) and title in (text := readable_text(node))]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def identifier(node) -> str:
    """Qt's id of the object: the objectName (else class) of the widget and each of its parents."""
    try:
        return node.get_accessible_id() or ""
    except (AttributeError, GLib.GError):  # an AT-SPI older than 2.34 has no ids
        return ""


def labelled(node) -> bool:
    return any(relation.getRelationType() == pyatspi.RELATION_LABELLED_BY for relation in node.getRelationSet())


def wrong_language(name: str, language: str) -> bool:
    if name in ENDONYMS:
        return False
    if language == "fa":
        return PERSIAN_LETTER.search(name) is None
    return PERSIAN_LETTER.search(name) is not None or not re.search("[A-Za-z]", name)


def extents(node) -> list[int]:
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return [box.x, box.y, box.width, box.height]


def check(app, title: str, language: str) -> dict:
    unnamed, other_language, named = [], [], 0
    for node, path in walk(app):
        role = node.getRole()
        if role not in INTERACTIVE_ROLES:
            continue
        # A closed menu's items are not showing, yet they are what a user opens and hears.
        if role not in MENU_ROLES and not node.getState().contains(pyatspi.STATE_SHOWING):
            continue
        name = node.name.strip()
        where = f"{node.getRoleName()} {name!r} at {identifier(node) or ' > '.join(path)}"
        if role == pyatspi.ROLE_COMBO_BOX and not (node.description.strip() or labelled(node)):
            unnamed.append(f"{where} (a combo box named only by its choice: no description or label)")
        elif not name:
            unnamed.append(where)
        elif wrong_language(name, language):
            other_language.append(where)
        else:
            named += 1
    article = article_with(app, title)
    frame = next(node for node in children(app) if node.getRole() == pyatspi.ROLE_FRAME)
    window, column = extents(frame), extents(article)
    return {
        "unnamed": unnamed,
        "other_language": other_language,
        "named": named,
        "article_role": article.getRoleName(),
        "article_name": article.name,
        "article_text_chars": len(readable_text(article)),
        "article_has_title": title in readable_text(article),
        "article_focusable": article.getState().contains(pyatspi.STATE_FOCUSABLE),  # Tab reaches it, the caret reads it
        "window": window,
        "article": column,
        "article_share": round(column[2] / window[2], 3) if window[2] else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--title", required=True)
    parser.add_argument("--language", choices=("fa", "en"), required=True)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    app = wait_for(bayegan, args.timeout, "Bayegan on the accessibility bus")
    wait_for(lambda: article_with(app, args.title), args.timeout, "the article's text")
    json.dump(check(app, args.title, args.language), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
