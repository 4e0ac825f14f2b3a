"""Hostile input to the notes: JSON nested without end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Cli = Callable[..., tuple[int, str, str]]


def _annotation_with_extra(extra: str) -> str:
    annotation = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:5b1a1c2e-0000-4000-8000-000000000001",
                  "type": "Annotation", "target": "urn:bayegan:article:nowhere",
                  "body": {"type": "TextualBody", "value": "x"}}
    return json.dumps(annotation)[:-1] + ', "extra": ' + extra + "}"


@pytest.mark.parametrize("document", [
    "[" * 200_000 + "]" * 200_000,  # deeper than the parser's recursion limit
    _annotation_with_extra("[" * 990 + "]" * 990),  # parses, but could never be written back
], ids=["200000-deep", "990-deep-inside-an-annotation"])
def test_import_of_json_nested_without_end_is_refused(run_cli: Cli, tmp_path: Path, document: str) -> None:
    source = tmp_path / "deep.json"
    source.write_text(document, "utf-8")
    code, out, err = run_cli("notes", "import", str(source))
    assert code == 1 and out == "" and "Traceback" not in err and "Unexpected" not in err, err
    english, persian = err.strip().split("\n")
    assert "nested more than 200 levels" in english and "۲۰۰" not in english
    assert persian.startswith("بایگان: ") and "تودرتو" in persian
    code, out, err = run_cli("notes", "export")
    assert code == 0 and json.loads(out)["total"] == 0, err
