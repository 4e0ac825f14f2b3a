"""Links in notes (imported link bodies, or typed) are found and made clickable rich text."""

from __future__ import annotations

from viewer.core.annotation import Annotation, Motivation
from viewer.gui.notes.note_format import linked_html, note_links


def test_links_become_clickable_and_text_stays_escaped() -> None:
    body = "ببینید <این> را\n\nhttp://example.org/related/page، و urn:uuid:1234."
    note = Annotation("urn:uuid:n", "a1", Motivation.COMMENTING, body)
    assert note_links(note) == ["http://example.org/related/page", "urn:uuid:1234"]
    shown = linked_html(body)
    assert '<a href="http://example.org/related/page">http://example.org/related/page</a>،' in shown
    assert '<a href="urn:uuid:1234">urn:uuid:1234</a>.' in shown
    assert "&lt;این&gt;" in shown and shown.count("<br>") == 2
    assert note_links(Annotation("urn:uuid:m", "a1", Motivation.COMMENTING, "بی‌پیوند")) == []
