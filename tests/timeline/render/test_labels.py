"""Date labels show how precisely each date is known."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import Interval, Precision
from timeline.render import date_label

D = dt.date


@pytest.mark.parametrize(("interval", "precision", "expected"), [
    (Interval.day(D(2025, 2, 17)), Precision.DAY, "17 February 2025"),
    (Interval(start=D(2025, 2, 17), end=D(2025, 2, 20)), Precision.DAY, "17–19 February 2025"),
    (Interval(start=D(2025, 1, 30), end=D(2025, 2, 3)), Precision.DAY, "30 January – 2 February 2025"),
    (Interval(start=D(2024, 12, 30), end=D(2025, 1, 2)), Precision.DAY, "30 December 2024 – 1 January 2025"),
    (Interval(start=D(2025, 2, 10), end=D(2025, 2, 17)), Precision.WEEK, "week of 10 Feb 2025"),
    (Interval(start=D(2022, 2, 1), end=D(2022, 3, 1)), Precision.MONTH, "February 2022"),
    (Interval(start=D(2022, 2, 1), end=D(2022, 4, 1)), Precision.MONTH, "February – March 2022"),
    (Interval(start=D(2022, 3, 1), end=D(2022, 6, 1)), Precision.SEASON, "spring 2022"),
    (Interval(start=D(2022, 12, 1), end=D(2023, 3, 1)), Precision.SEASON, "winter 2022–23"),
    (Interval(start=D(1998, 7, 1), end=D(1998, 10, 1)), Precision.QUARTER, "Q3 1998"),
    (Interval(start=D(1998, 1, 1), end=D(1998, 7, 1)), Precision.HALF, "first half of 1998"),
    (Interval(start=D(2022, 1, 1), end=D(2023, 1, 1)), Precision.YEAR, "2022"),
    (Interval(start=D(2020, 1, 1), end=D(2023, 1, 1)), Precision.YEAR, "2020 – 2022"),
    (Interval(start=D(1990, 1, 1), end=D(2000, 1, 1)), Precision.DECADE, "the 1990s"),
    (Interval(start=D(1901, 1, 1), end=D(2001, 1, 1)), Precision.CENTURY, "the 20th century"),
    (Interval(start=D(2001, 1, 1), end=D(2101, 1, 1)), Precision.CENTURY, "the 21st century"),
    (Interval(start=D(2014, 1, 1), end=None), Precision.YEAR, "since 2014"),
    (Interval(start=D(2022, 2, 24), end=None), Precision.DAY, "since 24 February 2022"),
    (Interval(start=None, end=D(2015, 1, 1)), Precision.YEAR, "until 2014"),
    (Interval(start=None, end=D(2022, 3, 1)), Precision.MONTH, "until February 2022"),
])
def test_date_label_shows_precision(interval: Interval, precision: Precision, expected: str) -> None:
    assert date_label(interval, precision) == expected


def test_week_label_starts_on_monday_even_if_interval_does_not() -> None:
    # 12 February 2025 is a Wednesday: its week began on Monday the 10th.
    assert date_label(Interval(start=D(2025, 2, 12), end=D(2025, 2, 13)), Precision.WEEK) == "week of 10 Feb 2025"
