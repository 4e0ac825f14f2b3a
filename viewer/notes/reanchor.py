"""After a re-index: move each note to where its text is now, or mark it an orphan (never delete it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.core.results import ReanchorReport
from viewer.notes import anchoring
from viewer.notes.store import AnchorUpdate, NotesStore


def plan(roots: Iterable[Annotation], text: str | None) -> list[AnchorUpdate]:
    """The anchor changes for an article's root notes; `text` None means the article is gone."""
    updates: list[AnchorUpdate] = []
    for note in roots:
        if text is None or note.quote is None:
            orphaned = text is None
            if orphaned != note.orphaned:
                updates.append(AnchorUpdate(note.id, note.quote, note.position, orphaned))
            continue
        placed = anchoring.locate(text, note.quote, note.position)
        if placed is None:
            if not note.orphaned:
                updates.append(AnchorUpdate(note.id, note.quote, note.position, True))
            continue
        quote, position = anchoring.describe(text, *placed)
        if quote != note.quote or position != note.position or note.orphaned:
            updates.append(AnchorUpdate(note.id, quote, position, False))
    return updates


def reanchor_articles(notes_path: Path, changed_ids: Iterable[str],
                      get_article: Callable[[str], Article | None]) -> ReanchorReport:
    """Re-anchor the notes of the changed articles, and of every article with notes that is gone (or back).

    `bayegan index` calls this after a sync. An index's removed articles are not among `changed_ids`,
    so every annotated article is checked: unchanged text costs one string compare per note.
    """
    report = ReanchorReport()
    notes_path = Path(notes_path)
    if not notes_path.exists():
        return report
    with NotesStore(notes_path) as store:
        annotated = store.articles_with_notes()
        for article_id in dict.fromkeys([*changed_ids, *annotated]):
            if article_id not in annotated:
                continue
            article = get_article(article_id)
            roots = store.roots(article_id, include_deleted=True)
            updates = plan(roots, article.text if article is not None else None)
            before = {note.id: note for note in roots}
            store.update_anchors(updates)
            report.checked += len(roots)
            for update in updates:
                was = before[update.id]
                if update.orphaned:
                    report.orphaned += 1
                elif was.orphaned:
                    report.found_again += 1
                else:
                    report.moved += 1
    return report
