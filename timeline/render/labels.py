"""Human date labels that show how precisely a date is known.

Algorithm: format the first and the last day of the interval (``end`` is exclusive) at the
event's precision ("17 February 2025", "February 2022", "Q3 1998"); when both give the same
text the interval is exactly one unit and one label is enough, otherwise we show a range. Open
intervals read "since ..." or "until ...". Month names are spelled out by us rather than with
``strftime`` so the output does not depend on the machine's locale.
"""

from __future__ import annotations

import datetime as dt

from timeline.model import Interval, Precision

__all__ = ["date_label", "day_label", "span_label"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
# Seasons named after the month they start in (meteorological, northern hemisphere: the
# convention of the news sources we read).
_SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer",
            7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def day_label(day: dt.date) -> str:
    """``17 February 2025``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _unit(day: dt.date, precision: Precision) -> str:
    """The unit of ``precision`` that contains ``day``, as text."""
    if precision is Precision.DAY:
        return day_label(day)
    if precision is Precision.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return f"week of {monday.day} {_MONTHS[monday.month - 1][:3]} {monday.year}"
    if precision is Precision.MONTH:
        return f"{_MONTHS[day.month - 1]} {day.year}"
    if precision is Precision.SEASON:
        season = _SEASONS[day.month]
        if season == "winter":
            # Winter straddles two years: December 2022 to February 2023 is "winter 2022–23".
            first = day.year if day.month == 12 else day.year - 1
            return f"winter {first}–{str(first + 1)[-2:]}"
        return f"{season} {day.year}"
    if precision is Precision.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision is Precision.HALF:
        return f"{'first' if day.month <= 6 else 'second'} half of {day.year}"
    if precision is Precision.YEAR:
        return str(day.year)
    if precision is Precision.DECADE:
        return f"the {day.year // 10 * 10}s"
    return f"the {_ordinal((day.year - 1) // 100 + 1)} century"


def date_label(interval: Interval, precision: Precision) -> str:
    """A label for ``interval`` known to ``precision``: "February 2022", "since 2014", "Q3 1998"."""
    start, last = interval.start, interval.last_day
    if start is None:
        assert last is not None  # an Interval always has one bound
        return f"until {_unit(last, precision)}"
    if last is None:
        return f"since {_unit(start, precision)}"
    first_text, last_text = _unit(start, precision), _unit(last, precision)
    if first_text == last_text:
        return first_text
    if precision is Precision.DAY and (start.year, start.month) == (last.year, last.month):
        return f"{start.day}–{last.day} {_MONTHS[start.month - 1]} {start.year}"
    if precision is Precision.DAY and start.year == last.year:
        return f"{start.day} {_MONTHS[start.month - 1]} – {day_label(last)}"
    if precision is Precision.MONTH and start.year == last.year:
        return f"{_MONTHS[start.month - 1]} – {_MONTHS[last.month - 1]} {start.year}"
    return f"{first_text} – {last_text}"


def span_label(first: dt.date | None, last: dt.date | None) -> str:
    """The date span of a whole timeline, for its summary; empty when nothing is dated."""
    if first is None or last is None:
        return ""
    if first == last:
        return day_label(first)
    return f"{day_label(first)} – {day_label(last)}"
