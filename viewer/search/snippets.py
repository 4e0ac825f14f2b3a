"""Snippets of ~200 characters around the best hits, every matched spelling marked."""

from __future__ import annotations

from html import escape

from whoosh import highlight

SNIPPET_CHARS = 200


class MarkFormatter(highlight.Formatter):
    """HTML-escaped text with each hit as <b>…</b>; fragments joined by an ellipsis."""

    between = " … "

    def format_token(self, text: str, token, replace: bool = False) -> str:  # type: ignore[no-untyped-def]
        return "<b>" + escape(highlight.get_text(text, token, replace)) + "</b>"

    def _text(self, text: str) -> str:
        return escape(text)


def configure(results) -> None:  # type: ignore[no-untyped-def]
    results.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
    results.formatter = MarkFormatter()
    results.scorer = highlight.BasicFragmentScorer()


def fallback_snippet(text: str) -> str:
    return escape(text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + ("…" if len(text) > SNIPPET_CHARS else ""))
