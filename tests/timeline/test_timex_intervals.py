"""Open intervals, ranges and unanchored expressions of the temporal tagger."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import timeline.timex
from timeline.model import Interval, TimexType
from timeline.timex import find_times

PUBLISHED = dt.date(2025, 2, 17)


def _by_surface(text: str, published: dt.date | None = PUBLISHED) -> dict[str, timeline.model.TimeExpression]:
    return {e.surface: e for e in find_times(text, published=published)}


OPEN = [
    # text, surface, value, interval start, interval end, modifier
    ("Russia has controlled parts of Ukraine since 2014.", "2014", "2014", dt.date(2014, 1, 1), None,
     "ON_OR_AFTER"),
    ("The ban stays in force until March.", "March", "2025-03", None, dt.date(2025, 4, 1), "ON_OR_BEFORE"),
    ("No such law existed before 2014.", "2014", "2014", None, dt.date(2014, 1, 1), "BEFORE"),
    ("Growth resumed after 2014.", "2014", "2014", dt.date(2015, 1, 1), None, "AFTER"),
    ("Prices have risen since early 2014.", "early 2014", "2014", dt.date(2014, 1, 1), None, "START"),
]


@pytest.mark.parametrize(("text", "surface", "value", "lo", "hi", "mod"), OPEN)
def test_signals_open_the_interval_and_stay_out_of_the_span(text: str, surface: str, value: str,
                                                             lo: dt.date | None, hi: dt.date | None,
                                                             mod: str) -> None:
    e = _by_surface(text)[surface]
    assert e.value == value
    assert e.interval == Interval(start=lo, end=hi)
    assert e.modifier == mod


def test_a_range_gives_both_ends_the_whole_interval() -> None:
    found = _by_surface("The mission ran from 2014 to 2022 in the east.")
    span = Interval(start=dt.date(2014, 1, 1), end=dt.date(2023, 1, 1))
    assert (found["2014"].value, found["2022"].value) == ("2014", "2022")
    assert found["2014"].interval == span and found["2022"].interval == span


def test_between_months_is_a_range() -> None:
    found = _by_surface("Talks took place between March 2022 and May 2022.")
    assert found["March 2022"].interval == Interval(start=dt.date(2022, 3, 1), end=dt.date(2022, 6, 1))


UNANCHORED = [
    ("Trump called Putin last week.", "last week", "XXXX-WXX"),
    ("The delegations met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("Fighting intensified in December.", "December", "XXXX-12"),
    ("Officials met yesterday.", "yesterday", "XXXX-XX-XX"),
    ("The plant closed two years ago.", "two years ago", "XXXX"),
    ("The company lost money in the third quarter.", "the third quarter", "XXXX-Q3"),
    ("Sales fell last year.", "last year", "XXXX"),
    ("The offensive is expected this spring.", "this spring", "XXXX-SP"),
    ("Talks began Feb. 17.", "Feb. 17", "XXXX-02-17"),
    ("Ukraine now controls the town.", "now", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "surface", "value"), UNANCHORED)
def test_relative_expressions_without_a_publication_date_keep_placeholders(text: str, surface: str,
                                                                           value: str) -> None:
    e = _by_surface(text, published=None)[surface]
    assert e.value == value
    assert e.relative and not e.anchored
    assert e.interval is None


def test_durations_and_absolute_dates_do_not_need_an_anchor() -> None:
    found = _by_surface("The war, which began on 24 February 2022, has lasted three years.", published=None)
    assert found["24 February 2022"].value == "2022-02-24" and not found["24 February 2022"].relative
    assert found["three years"].type is TimexType.DURATION and found["three years"].value == "P3Y"


def test_the_seed_article_expressions() -> None:
    text = ("Trump spoke with Putin by phone last week. Russia has controlled parts of Ukraine since 2014 and "
            "launched a full-scale invasion in February 2022. European leaders gathered in Paris on Monday, "
            "and US and Russian officials are scheduled to convene in Riyadh on Tuesday.")
    found = _by_surface(text)
    assert found["last week"].value == "2025-W07"
    assert found["2014"].interval == Interval(start=dt.date(2014, 1, 1), end=None)
    assert found["February 2022"].value == "2022-02"
    assert found["Monday"].value == "2025-02-17"
    assert found["Tuesday"].value == "2025-02-18"


def test_the_core_never_reads_the_clock() -> None:
    package = Path(timeline.timex.__file__).parent
    for source in package.glob("*.py"):
        code = source.read_text(encoding="utf-8")
        assert not re.search(r"\b(?:now|today|utcnow)\(\)", code), source.name
