"""The version is written once, in viewer/__init__.py; everything else that names it agrees."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import viewer

REPO = Path(__file__).resolve().parents[1]


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "viewer.__version__"}


def test_metainfo_and_changelog_name_the_current_version() -> None:
    releases = ET.parse(REPO / "packaging" / "io.github.bayegan.Bayegan.metainfo.xml").getroot().iter("release")
    assert next(releases).get("version") == viewer.__version__  # the newest release comes first
    headings = re.findall(r"^## \[([^\]]+)\]", (REPO / "CHANGELOG.md").read_text("utf-8"), re.MULTILINE)
    assert headings[:2] == ["Unreleased", viewer.__version__]
