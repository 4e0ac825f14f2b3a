"""A note's colour as stored: the palette's names (English and Persian) as its light colours, other CSS
names and #rgb as #rrggbb in lower case, the rest refused in both languages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor

from viewer.core.annotation import HIGHLIGHT_PALETTE
from viewer.core.colours import CSS_COLOURS, InvalidColour, readable_colour, stored_colour

PERSIAN_LETTER = re.compile("[\u0600-\u06ff]")


@pytest.mark.parametrize(("given", "stored"), [
    ("green", HIGHLIGHT_PALETTE["green"]), (" GREEN ", HIGHLIGHT_PALETTE["green"]), ("Yellow", HIGHLIGHT_PALETTE["yellow"]),
    ("سبز", HIGHLIGHT_PALETTE["green"]), ("زرد", HIGHLIGHT_PALETTE["yellow"]), ("آبی", HIGHLIGHT_PALETTE["blue"]),
    ("آبي", HIGHLIGHT_PALETTE["blue"]), ("صورتي", HIGHLIGHT_PALETTE["pink"]), ("نارنجی", HIGHLIGHT_PALETTE["orange"]),
])
def test_the_palettes_names_in_both_languages_are_its_light_colours(given: str, stored: str) -> None:
    assert stored_colour(given) == stored


@pytest.mark.parametrize(("given", "stored"), [
    ("", ""), ("  ", ""), ("#A5D6A7", "#a5d6a7"), ("#ABC", "#aabbcc"), ("Red", "#ff0000"),
    ("rebeccapurple", "#663399"), ("DarkSlateGrey", "#2f4f4f"), ("#123456", "#123456"),
])
def test_other_colours_are_kept_as_rrggbb_in_lower_case(given: str, stored: str) -> None:
    assert stored_colour(given) == stored


def test_every_css_name_outside_the_palette_is_the_colour_qt_paints() -> None:
    names = [name for name in QColor.colorNames() if name != "transparent" and name not in HIGHLIGHT_PALETTE]
    assert len(names) > 140
    assert {name: stored_colour(name) for name in names} == {name: QColor(name).name() for name in names}
    assert set(CSS_COLOURS) == {*names, *HIGHLIGHT_PALETTE, "rebeccapurple"}


@pytest.mark.parametrize("given", ["banana", "#12345", "#aabbccdd", "rgb(1, 2, 3)", "transparent", "سبزآبی", "#ggg"])
def test_what_is_no_colour_is_refused_in_both_languages(given: str) -> None:
    with pytest.raises(InvalidColour) as refused:
        stored_colour(given)
    assert given in refused.value.en and "#rrggbb" in refused.value.en
    assert given in refused.value.fa and PERSIAN_LETTER.search(refused.value.fa.replace(given, ""))
    assert readable_colour(given) == ""
