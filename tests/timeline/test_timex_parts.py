"""The tagger's building blocks: tense detection, TIMEX3 values as intervals, number words."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import Interval, Precision
from timeline.timex.lexicon import parse_number
from timeline.timex.tense import Tense, tense_at
from timeline.timex.values import calendar_interval, narrow

TENSES = [
    ("The ministers met on Tuesday in Riyadh.", "Tuesday", Tense.PAST),
    ("The ministers will meet on Tuesday in Riyadh.", "Tuesday", Tense.FUTURE),
    ("Talks are scheduled to convene on Tuesday.", "Tuesday", Tense.FUTURE),
    ("The offer had been due to expire Friday.", "Friday", Tense.PAST),
    ("\"We leave on Thursday,\" the minister said.", "Thursday", Tense.UNKNOWN),
    ("The company says Monday is a holiday.", "Monday", Tense.PRESENT),
    ("Wednesday's ruling will be appealed.", "Wednesday", Tense.PAST),
]


@pytest.mark.parametrize(("text", "word", "tense"), TENSES)
def test_tense_of_the_clause_around_an_expression(text: str, word: str, tense: Tense) -> None:
    start = text.index(word)
    assert tense_at(text, start, start + len(word)) is tense


VALUES = [
    ("2025-02-17", dt.date(2025, 2, 17), dt.date(2025, 2, 18), Precision.DAY),
    ("2025-02-17T17:00", dt.date(2025, 2, 17), dt.date(2025, 2, 18), Precision.DAY),
    ("2025-W07", dt.date(2025, 2, 10), dt.date(2025, 2, 17), Precision.WEEK),
    ("2025-W07-WE", dt.date(2025, 2, 15), dt.date(2025, 2, 17), Precision.WEEK),
    ("2025-W07-2", dt.date(2025, 2, 11), dt.date(2025, 2, 12), Precision.DAY),
    ("2022-02", dt.date(2022, 2, 1), dt.date(2022, 3, 1), Precision.MONTH),
    ("2024-12", dt.date(2024, 12, 1), dt.date(2025, 1, 1), Precision.MONTH),
    ("1998-Q3", dt.date(1998, 7, 1), dt.date(1998, 10, 1), Precision.QUARTER),
    ("1998-Q4", dt.date(1998, 10, 1), dt.date(1999, 1, 1), Precision.QUARTER),
    ("2024-H2", dt.date(2024, 7, 1), dt.date(2025, 1, 1), Precision.HALF),
    ("1997-SU", dt.date(1997, 6, 1), dt.date(1997, 9, 1), Precision.SEASON),
    ("1997-WI", dt.date(1997, 12, 1), dt.date(1998, 3, 1), Precision.SEASON),
    ("2014", dt.date(2014, 1, 1), dt.date(2015, 1, 1), Precision.YEAR),
    ("199", dt.date(1990, 1, 1), dt.date(2000, 1, 1), Precision.DECADE),
    ("19", dt.date(1900, 1, 1), dt.date(2000, 1, 1), Precision.CENTURY),
]


@pytest.mark.parametrize(("value", "start", "end", "precision"), VALUES)
def test_timex3_values_as_calendar_intervals(value: str, start: dt.date, end: dt.date,
                                             precision: Precision) -> None:
    assert calendar_interval(value) == (Interval(start=start, end=end), precision)


@pytest.mark.parametrize("value", ["P1M", "PAST_REF", "XXXX-WXX-2", "XXXX-12", "2025-02-30", "2025-W54", "BC0241"])
def test_values_without_a_calendar_interval(value: str) -> None:
    assert calendar_interval(value) is None


def test_start_mid_end_narrow_to_thirds() -> None:
    year = Interval(start=dt.date(2014, 1, 1), end=dt.date(2015, 1, 1))
    early, mid, late = (narrow(year, mod) for mod in ("START", "MID", "END"))
    assert early.start == year.start and late.end == year.end
    assert early.end is not None and mid.start is not None and early.end <= mid.start
    assert mid.end is not None and late.start is not None and mid.end <= late.start
    assert narrow(year, "APPROX") == year


@pytest.mark.parametrize(("words", "number"), [
    ("24", 24), ("twenty-four", 24), ("twenty four", 24), ("a", 1), ("a hundred", 100),
    ("2 1/2", 2.5), ("two and a half", 2.5), ("1,200", 1200), ("nineteen", 19), ("several", None),
])
def test_number_words(words: str, number: float | None) -> None:
    assert parse_number(words) == number


def test_the_package_exports_only_find_times() -> None:
    import timeline.timex

    assert timeline.timex.__all__ == ["find_times"]
