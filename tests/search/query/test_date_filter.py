"""Date bounds in the query language: every form a date may be written in, and bad dates."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.core.errors import QueryError
from viewer.search.query.date_filter import DateBounds, period, split_date_bounds


@pytest.mark.parametrize(("text", "first", "last"), [
    ("۱۴۰۲/۰۵/۰۱", date(2023, 7, 23), date(2023, 7, 23)),      # Jalali, Persian digits
    ("1402/05/01", date(2023, 7, 23), date(2023, 7, 23)),      # Jalali, Latin digits
    ("1402-5-1", date(2023, 7, 23), date(2023, 7, 23)),        # dashes, no leading zeros
    ("١٤٠٢/٠٨/٣٠", date(2023, 11, 21), date(2023, 11, 21)),    # Arabic-Indic digits
    ("2023-07-23", date(2023, 7, 23), date(2023, 7, 23)),      # Gregorian ISO
    ("2023/7/23", date(2023, 7, 23), date(2023, 7, 23)),
    ("1402/05", date(2023, 7, 23), date(2023, 8, 22)),         # a Jalali month: Mordad 1402
    ("1402/12", date(2024, 2, 20), date(2024, 3, 19)),         # Esfand 1402 (29 days)
    ("۱۴۰۲", date(2023, 3, 21), date(2024, 3, 19)),            # a Jalali year
    ("1403/12/30", date(2025, 3, 20), date(2025, 3, 20)),      # 1403 is a leap year
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),          # a Gregorian month (leap)
    ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
    ("2023", date(2023, 1, 1), date(2023, 12, 31)),
    ("\u200f1402/05/01\u200f", date(2023, 7, 23), date(2023, 7, 23)),  # bidi marks pasted with it
])
def test_every_form_of_a_date(text: str, first: date, last: date) -> None:
    assert period(text) == (first, last)


@pytest.mark.parametrize("text", ["فردا", "1402/13/01", "1402/12/30", "2023-02-30", "14020501", "02/05/1402",
                                  "1402/05/01/02", "", "۱۴۰۲/۰۵/۳۲", "2023-13"])
def test_a_bad_date_is_a_clear_error_in_both_languages(text: str) -> None:
    with pytest.raises(QueryError) as error:
        period(text)
    assert "not a date" in error.value.en and "2023-07-23" in error.value.en
    assert "تاریخ نیست" in error.value.fa


def test_bounds_are_taken_out_of_the_query() -> None:
    words, bounds = split_date_bounds("کتاب از:۱۴۰۲/۰۵/۰۱ تا:۱۴۰۲/۰۸/۳۰ باران")
    assert words == "کتاب باران"
    assert bounds == DateBounds(date(2023, 7, 23), date(2023, 11, 21))
    words, bounds = split_date_bounds("book from:2023-07-23")
    assert (words, bounds) == ("book", DateBounds(date(2023, 7, 23), None))
    words, bounds = split_date_bounds("TO: 1402/05 title:کتاب")
    assert (words, bounds) == ("title:کتاب", DateBounds(None, date(2023, 8, 22)))


def test_a_query_of_bounds_alone_lists_every_article_in_the_period() -> None:
    assert split_date_bounds("از:1402")[0] == "*"


def test_a_query_without_bounds_is_left_as_it_is() -> None:
    for text in ("کتاب  باران", "ساعت ۱۰:۳۰", "title:کتاب", "راز:سر"):
        assert split_date_bounds(text) == (text, DateBounds())


def test_two_bounds_on_one_side_narrow_the_range() -> None:
    _, bounds = split_date_bounds("from:2023 از:1402/06")
    assert bounds.start == date(2023, 8, 23)
    assert bounds.narrowed(DateBounds(None, date(2023, 9, 1))) == DateBounds(date(2023, 8, 23), date(2023, 9, 1))


def test_a_bound_without_a_date_is_an_error() -> None:
    with pytest.raises(QueryError):
        split_date_bounds("کتاب از:")


def test_bounds_include_both_ends() -> None:
    bounds = DateBounds(date(2023, 7, 23), date(2023, 11, 21))
    assert bounds.contains(date(2023, 7, 23)) and bounds.contains(date(2023, 11, 21))
    assert not bounds.contains(date(2023, 7, 22)) and not bounds.contains(date(2023, 11, 22))
