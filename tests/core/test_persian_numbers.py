"""Persian digits and Jalali dates, shared by the PDF and the window."""

from __future__ import annotations

from datetime import date, datetime

from viewer.core.jalali import jalali_date, jalali_numeric, jalali_padded
from viewer.core.persian_numbers import digits_for, number_for


def test_digits_follow_the_language() -> None:
    assert digits_for("صفحهٔ 12", "fa") == "صفحهٔ ۱۲"
    assert digits_for("page 12", "en") == "page 12"
    assert number_for(12345, "fa") == "۱۲٬۳۴۵"
    assert number_for(12345, "en") == "12,345"
    assert number_for(12345, "fa", grouped=False) == "۱۲۳۴۵"


def test_jalali_forms_of_one_day() -> None:
    # 27 September 2023 is 5 Mehr 1402.
    assert jalali_date(date(2023, 9, 27)) == "۵ مهر ۱۴۰۲"
    assert jalali_padded(date(2023, 9, 27)) == "05 مهر 1402"
    assert jalali_numeric(datetime(2023, 9, 27, 14, 5)) == "1402/07/05 14:05"
