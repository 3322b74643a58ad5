"""TIMEX3 values as calendar intervals: "2025-W07" -> [2025-02-10, 2025-02-17), week precision.

One pure function, :func:`calendar_interval`, is the single place that knows how a TIMEX3 date
value maps onto calendar days, so the tagger's values and intervals cannot disagree. Values with
X placeholders, durations, sets and vague references have no interval. TIMEX3 ``mod`` START, MID
and END narrow the interval to its first, middle or last third (a year, "early 1990", becomes
January to April), which keeps "late 2014" after "early 2014" on a timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from timeline.model import Interval, Precision

__all__ = ["calendar_interval", "narrow"]

_DAY: Final = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK: Final = re.compile(r"(\d{4})-W(\d\d)(-WE|-\d)?")
_MONTH: Final = re.compile(r"(\d{4})-(\d\d)")
_QUARTER: Final = re.compile(r"(\d{4})-Q([1-4])")
_HALF: Final = re.compile(r"(\d{4})-H([12])")
_SEASON: Final = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
# Meteorological seasons (northern hemisphere), the convention the TempEval scorer uses too.
_SEASON_MONTHS: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _month_start(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1)


def calendar_interval(value: str) -> tuple[Interval, Precision] | None:
    """The days a TIMEX3 date value covers, or None when it is not a calendar point."""
    v = value.upper()
    try:
        if m := _DAY.fullmatch(v):
            return Interval.day(dt.date(int(m[1]), int(m[2]), int(m[3]))), Precision.DAY
        if m := _WEEK.fullmatch(v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3] == "-WE":
                return Interval(start=monday + dt.timedelta(days=5), end=monday + dt.timedelta(days=7)), Precision.WEEK
            if m[3]:
                return Interval.day(monday + dt.timedelta(days=int(m[3][1:]) - 1)), Precision.DAY
            return Interval(start=monday, end=monday + dt.timedelta(days=7)), Precision.WEEK
        if m := _MONTH.fullmatch(v):
            start = dt.date(int(m[1]), int(m[2]), 1)
            return Interval(start=start, end=_month_start(start.year, start.month + 1)), Precision.MONTH
        if m := _QUARTER.fullmatch(v):
            first = 3 * int(m[2]) - 2
            return (Interval(start=dt.date(int(m[1]), first, 1), end=_month_start(int(m[1]), first + 3)),
                    Precision.QUARTER)
        if m := _HALF.fullmatch(v):
            first = 1 if m[2] == "1" else 7
            return (Interval(start=dt.date(int(m[1]), first, 1), end=_month_start(int(m[1]), first + 6)),
                    Precision.HALF)
        if m := _SEASON.fullmatch(v):
            first = _SEASON_MONTHS[m[2]]
            return (Interval(start=dt.date(int(m[1]), first, 1), end=_month_start(int(m[1]), first + 3)),
                    Precision.SEASON)
        if re.fullmatch(r"\d{4}", v):
            y = int(v)
            return Interval(start=dt.date(y, 1, 1), end=dt.date(y + 1, 1, 1)), Precision.YEAR
        if re.fullmatch(r"\d{3}", v):
            y = int(v) * 10
            return Interval(start=dt.date(max(y, 1), 1, 1), end=dt.date(y + 10, 1, 1)), Precision.DECADE
        if re.fullmatch(r"\d{2}", v):
            y = int(v) * 100
            return Interval(start=dt.date(max(y, 1), 1, 1), end=dt.date(y + 100, 1, 1)), Precision.CENTURY
    except ValueError:  # an impossible date ("2025-02-30", week 54): no interval rather than a crash
        return None
    return None


def narrow(interval: Interval, modifier: str | None) -> Interval:
    """The first, middle or last third of a closed interval for TIMEX3 mod START, MID, END."""
    if interval.start is None or interval.end is None or modifier not in ("START", "MID", "END"):
        return interval
    days = (interval.end - interval.start).days
    if days < 3:
        return interval
    third = days // 3
    if modifier == "START":
        return Interval(start=interval.start, end=interval.start + dt.timedelta(days=third))
    if modifier == "END":
        return Interval(start=interval.end - dt.timedelta(days=third), end=interval.end)
    return Interval(start=interval.start + dt.timedelta(days=third), end=interval.end - dt.timedelta(days=third))
