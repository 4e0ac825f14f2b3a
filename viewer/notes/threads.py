"""Notes arranged as threads: each root with its replies, and their replies, oldest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from viewer.core.annotation import Annotation


@dataclass(slots=True)
class Thread:
    annotation: Annotation
    replies: list[Thread] = field(default_factory=list)

    def walk(self) -> Iterable[tuple[int, Annotation]]:
        """(depth, annotation) for the thread, depth first, replies in order."""
        stack: list[tuple[int, Thread]] = [(0, self)]
        while stack:
            depth, thread = stack.pop()
            yield depth, thread.annotation
            stack.extend((depth + 1, reply) for reply in reversed(thread.replies))

    def count(self) -> int:
        return sum(1 for _ in self.walk())


def text_order_key(annotation: Annotation) -> tuple[int, int, int, str]:
    """Article comments first, then highlights by position, orphans last."""
    if annotation.orphaned:
        group = 2
    elif annotation.position is None:
        group = 0
    else:
        group = 1
    start, end = (annotation.position.start, annotation.position.end) if annotation.position else (0, 0)
    return group, start, end, annotation.created


def build_threads(annotations: Iterable[Annotation]) -> list[Thread]:
    """Threads from a flat list in arrival order (the store's `seq`); a reply whose parent is not in the list
    becomes a root of its own. Replies are sorted by `created` only: `created` has millisecond resolution, so
    replies made in the same millisecond (an import, a double click) keep their arrival order (a stable sort)."""
    nodes = {a.id: Thread(a) for a in annotations}
    roots: list[Thread] = []
    for node in nodes.values():
        parent = nodes.get(node.annotation.parent_id or "")
        if parent is not None and parent is not node:
            parent.replies.append(node)
        else:
            roots.append(node)
    for node in nodes.values():
        node.replies.sort(key=lambda t: t.annotation.created)
    roots.sort(key=lambda t: text_order_key(t.annotation))
    return roots
