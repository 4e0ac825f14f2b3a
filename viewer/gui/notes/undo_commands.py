"""Note changes as QUndoCommands. The change itself is made (and may fail) before the command is
pushed; the command's first redo only refreshes, later undo/redo run the opposite transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from viewer.core.annotation import Annotation
from viewer.core.errors import BayeganError

if TYPE_CHECKING:
    from viewer.app.types import Edit, NotesStore

Changed = Callable[[], None]
Failed = Callable[[BayeganError], None]


class _NoteCommand(QUndoCommand):
    def __init__(self, store: NotesStore, text: str, changed: Changed, failed: Failed):
        super().__init__(text)
        self.store, self.changed, self.failed = store, changed, failed
        self.done_once = False

    def redo(self) -> None:
        if self.done_once:
            self._guarded(self.apply)
        self.done_once = True
        self.changed()

    def undo(self) -> None:
        self._guarded(self.revert)
        self.changed()

    def _guarded(self, step: Callable[[], None]) -> None:
        # Another Bayegan (or `bayegan notes`) may have changed the note meanwhile: say so, don't crash.
        try:
            step()
        except BayeganError as exc:
            self.setObsolete(True)
            self.failed(exc)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddNote(_NoteCommand):
    """A note already added; undo deletes it (and any replies since), redo brings them back."""

    def __init__(self, store: NotesStore, annotation: Annotation, text: str, changed: Changed, failed: Failed):
        super().__init__(store, text, changed, failed)
        self.annotation = annotation
        self.deleted: list[str] = []

    def apply(self) -> None:
        self.store.restore(self.deleted)

    def revert(self) -> None:
        self.deleted = self.store.delete(self.annotation.id)


class EditNote(_NoteCommand):
    def __init__(self, store: NotesStore, edit: Edit, text: str, changed: Changed, failed: Failed):
        super().__init__(store, text, changed, failed)
        self.edit = edit

    def apply(self) -> None:
        self.edit = self.store.edit(self.edit.after.id, body=self.edit.after.body, color=self.edit.after.color)

    def revert(self) -> None:
        self.store.revert(self.edit)


class DeleteNote(_NoteCommand):
    """A note deleted with its replies; undo restores exactly those."""

    def __init__(self, store: NotesStore, annotation_id: str, deleted: list[str], text: str, changed: Changed,
                 failed: Failed):
        super().__init__(store, text, changed, failed)
        self.annotation_id, self.deleted = annotation_id, deleted

    def apply(self) -> None:
        self.deleted = self.store.delete(self.annotation_id)

    def revert(self) -> None:
        self.store.restore(self.deleted)
