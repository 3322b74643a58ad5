"""Table-driven tests of the temporal tagger, one table per family of expressions.

Every row is (sentence, surface expected, TIMEX3 type, TIMEX3 value). The publication date is
Monday 17 February 2025 (ISO week 8) unless a table says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import Interval, Precision, TimeExpression, TimexType
from timeline.timex import find_times

PUBLISHED = dt.date(2025, 2, 17)


def _find(text: str, surface: str, published: dt.date | None = PUBLISHED) -> TimeExpression:
    found = find_times(text, published=published)
    hits = [e for e in found if e.surface == surface]
    assert hits, f"{surface!r} not found in {text!r}; found {[(e.surface, e.value) for e in found]}"
    return hits[0]


def _check(text: str, surface: str, kind: str, value: str, published: dt.date | None = PUBLISHED) -> TimeExpression:
    e = _find(text, surface, published)
    assert (e.type, e.value) == (TimexType(kind), value), (text, e)
    assert text[e.start:e.end] == e.surface
    return e


EXPLICIT = [
    ("The accord was signed on 2025-02-17 in Riyadh.", "2025-02-17", "DATE", "2025-02-17"),
    ("The summit opened on 17 February 2025.", "17 February 2025", "DATE", "2025-02-17"),
    ("The summit opened on February 17, 2025, in Paris.", "February 17, 2025", "DATE", "2025-02-17"),
    ("The invasion began in February 2022.", "February 2022", "DATE", "2022-02"),
    ("Russia annexed Crimea in March 2014.", "March 2014", "DATE", "2014-03"),
    ("The form was dated 17/02/2025.", "17/02/2025", "DATE", "2025-02-17"),
    ("The memo was dated 03/04/2024.", "03/04/2024", "DATE", "2024-03-04"),
    ("Prices doubled in 1998.", "1998", "DATE", "1998"),
    ("Revenue in fiscal 1998 rose.", "fiscal 1998", "DATE", "1998"),
    ("The city grew fast in the 1990s.", "the 1990s", "DATE", "199"),
    ("It was a hit in the '90s.", "the '90s", "DATE", "199"),
    ("Such songs were popular in the nineties.", "the nineties", "DATE", "199"),
    ("Wars shaped the 20th century.", "the 20th century", "DATE", "19"),
    ("Carthage fell in 146 BC.", "146 BC", "DATE", "BC0146"),
    ("The centre was founded in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("He landed on Thanksgiving Day 2024.", "Thanksgiving Day 2024", "DATE", "2024-11-28"),
    ("They celebrated Easter 2024 at home.", "Easter 2024", "DATE", "2024-03-31"),
    ("The talks resume on Saturday, April 25, 2026.", "Saturday, April 25, 2026", "DATE", "2026-04-25"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), EXPLICIT)
def test_explicit_dates(text: str, surface: str, kind: str, value: str) -> None:
    e = _check(text, surface, kind, value)
    assert not e.relative


def test_explicit_dates_resolve_without_a_publication_date() -> None:
    for text, surface, kind, value in EXPLICIT:
        e = _check(text, surface, kind, value, published=None)
        assert not e.anchored


TIMES = [
    ("The polls close at 5 p.m. on Monday.", "5 p.m. on Monday", "TIME", "2025-02-17T17:00"),
    ("The blast occurred at 10:35 a.m. local time.", "10:35 a.m. local time", "TIME", "2025-02-17T10:35"),
    ("The polls closed at 5 p.m.", "5 p.m.", "TIME", "2025-02-17T17:00"),
    ("The ministers met Tuesday morning.", "Tuesday morning", "TIME", "2025-02-11TMO"),
    ("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00"),
    ("Negotiations broke off at noon Thursday.", "noon Thursday", "TIME", "2025-02-13T12:00"),
    ("CBS first reported last night that the tomb was empty.", "last night", "TIME", "2025-02-16TNI"),
    ("The results will be disclosed this morning.", "this morning", "TIME", "2025-02-17TMO"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), TIMES)
def test_times_of_day(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


RELATIVE_DAYS = [
    ("Talks began Feb. 17 in the Saudi capital.", "Feb. 17", "DATE", "2025-02-17"),
    ("The report was filed on Dec. 30.", "Dec. 30", "DATE", "2024-12-30"),
    ("Officials met yesterday.", "yesterday", "DATE", "2025-02-16"),
    ("The minister speaks today.", "today", "DATE", "2025-02-17"),
    ("The vote is tomorrow.", "tomorrow", "DATE", "2025-02-18"),
    # tense decides which Tuesday (Monday 17 Feb 2025 is the anchor)
    ("Trump and Putin spoke on Tuesday.", "Tuesday", "DATE", "2025-02-11"),
    ("The delegations will meet on Tuesday in Riyadh.", "Tuesday", "DATE", "2025-02-18"),
    ("Talks are scheduled to convene on Tuesday.", "Tuesday", "DATE", "2025-02-18"),
    ("The leaders met Friday in Paris.", "Friday", "DATE", "2025-02-14"),
    ("The company said Monday that profits fell.", "Monday", "DATE", "2025-02-17"),
    ("He resigned last Friday.", "last Friday", "DATE", "2025-02-14"),
    ("They meet next Monday.", "next Monday", "DATE", "2025-02-24"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), RELATIVE_DAYS)
def test_relative_days_and_weekdays_follow_tense(text: str, surface: str, kind: str, value: str) -> None:
    e = _check(text, surface, kind, value)
    assert e.relative and e.anchored


CALENDAR_UNITS = [
    ("Trump called Putin last week.", "last week", "DATE", "2025-W07"),
    ("Leaders gather this week.", "this week", "DATE", "2025-W08"),
    ("Talks resume next week.", "next week", "DATE", "2025-W09"),
    ("Prices rose last month.", "last month", "DATE", "2025-01"),
    ("The law takes effect next month.", "next month", "DATE", "2025-03"),
    ("Elections are due this year.", "this year", "DATE", "2025"),
    ("Exports fell last year.", "last year", "DATE", "2024"),
    ("Sales fell the previous year.", "the previous year", "DATE", "2024"),
    ("The plant closed two years ago.", "two years ago", "DATE", "2023"),
    ("The plant closed three months ago.", "three months ago", "DATE", "2024-11"),
    ("The ceasefire collapsed a week ago.", "a week ago", "DATE", "2025-W07"),
    ("He was released 10 days ago.", "10 days ago", "DATE", "2025-02-07"),
    ("The strike began a decade ago.", "a decade ago", "DATE", "201"),
    ("Demonstrators gathered over the weekend.", "the weekend", "DATE", "2025-W07-WE"),
    ("The treaty lapses at the end of this week.", "the end of this week", "DATE", "2025-W08"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), CALENDAR_UNITS)
def test_weeks_months_years_relative_to_publication(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


MONTHS_QUARTERS_SEASONS = [
    ("The invasion began in February.", "February", "DATE", "2025-02"),
    ("Fighting intensified in December.", "December", "DATE", "2024-12"),
    ("The accession will take place in April.", "April", "DATE", "2025-04"),
    ("He visited Kyiv last March.", "last March", "DATE", "2024-03"),
    ("The company lost money in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
    ("Third-quarter profit rose 5%.", "Third-quarter", "DATE", "2024-Q3"),
    ("Output grew in the first quarter of 2024.", "the first quarter of 2024", "DATE", "2024-Q1"),
    ("Output grew in Q3 2023.", "Q3 2023", "DATE", "2023-Q3"),
    ("Sales slowed in the first half of 2024.", "the first half of 2024", "DATE", "2024-H1"),
    ("The drought hit last summer.", "last summer", "DATE", "2024-SU"),
    ("The offensive is expected this spring.", "this spring", "DATE", "2025-SP"),
    ("The siege lasted through the winter of 1994.", "the winter of 1994", "DATE", "1994-WI"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), MONTHS_QUARTERS_SEASONS)
def test_months_quarters_halves_seasons(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


MODIFIERS = [
    ("The thaw began in early December.", "early December", "2024-12", "START"),
    ("Growth resumed in mid-2024.", "mid-2024", "2024", "MID"),
    ("The party was founded in late 2014.", "late 2014", "2014", "END"),
    ("The project should end by the end of 1990.", "the end of 1990", "1990", "END"),
    ("Radio took over in the early 1920s.", "the early 1920s", "192", "START"),
    ("Sales will pick up early next year.", "early next year", "2026", "START"),
]


@pytest.mark.parametrize(("text", "surface", "value", "mod"), MODIFIERS)
def test_early_mid_late_modifiers(text: str, surface: str, value: str, mod: str) -> None:
    e = _find(text, surface)
    assert (e.value, e.modifier) == (value, mod)
    assert e.interval is not None and e.interval.start is not None and e.interval.end is not None
    whole = Interval(start=dt.date(2024, 1, 1), end=dt.date(2025, 1, 1))
    if value == "2024" and mod == "MID":
        assert whole.start < e.interval.start and e.interval.end < whole.end  # type: ignore[operator]


DURATIONS = [
    ("The war has lasted three years.", "three years", "P3Y", None),
    ("It happened a month after Trump took office.", "a month", "P1M", None),
    ("Rescuers worked for 24 hours.", "24 hours", "PT24H", None),
    ("Prices rose over the past two weeks.", "the past two weeks", "P2W", None),
    ("The debate ran more than four hours.", "more than four hours", "PT4H", "MORE_THAN"),
    ("The drought lasted nearly two decades.", "nearly two decades", "P20Y", "APPROX"),
    ("They talked for several years.", "several years", "PXY", None),
    ("He signed a two-year contract.", "two-year", "P2Y", None),
    ("It lasted a minute and a half.", "a minute and a half", "PT1M30S", None),
    ("Profit rose in the first nine months.", "the first nine months", "P9M", None),
    ("The plan covers the next 18 months.", "the next 18 months", "P18M", None),
]


@pytest.mark.parametrize(("text", "surface", "value", "mod"), DURATIONS)
def test_durations(text: str, surface: str, value: str, mod: str | None) -> None:
    e = _check(text, surface, "DURATION", value)
    assert e.modifier == mod
    assert e.interval is None


SETS = [
    ("Inspectors visit every week.", "every week", "P1W"),
    ("The paper is published daily.", "daily", "P1D"),
    ("Dividends are paid annually.", "annually", "P1Y"),
    ("A third flight departs each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The plan saves $500 million a year.", "a year", "P1Y"),
    ("Orangemen march each July.", "each July", "XXXX-07"),
]


@pytest.mark.parametrize(("text", "surface", "value"), SETS)
def test_sets(text: str, surface: str, value: str) -> None:
    e = _check(text, surface, "SET", value)
    assert e.interval is None


VAGUE = [
    ("Fighting recently resumed.", "recently", "PAST_REF"),
    ("Ukraine now controls the town.", "now", "PRESENT_REF"),
    ("The talks are currently stalled.", "currently", "PRESENT_REF"),
    ("A deal may come soon.", "soon", "FUTURE_REF"),
    ("Talks may resume in the future.", "the future", "FUTURE_REF"),
    ("Such wars belong to the past.", "the past", "PAST_REF"),
    ("Rates will stay high for the foreseeable future.", "the foreseeable future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "surface", "value"), VAGUE)
def test_vague_references(text: str, surface: str, value: str) -> None:
    e = _check(text, surface, "DATE", value)
    assert e.interval is None and e.relative


def test_no_false_dates_in_ordinary_words() -> None:
    text = ("She may march on, said Jan Kavan, 52 years old, who bought 1,990 shares for $1999 "
            "and saw the fall of Saigon on a second screen.")
    assert [(e.surface, e.value) for e in find_times(text, published=PUBLISHED)] == []


def test_calendar_intervals_and_precision() -> None:
    text = "Putin called last week; the invasion began in February 2022; Russia has held Crimea since 2014."
    found = {e.surface: e for e in find_times(text, published=PUBLISHED)}
    week = found["last week"]
    assert week.interval == Interval(start=dt.date(2025, 2, 10), end=dt.date(2025, 2, 17))
    assert week.precision is Precision.WEEK
    month = found["February 2022"]
    assert month.interval == Interval(start=dt.date(2022, 2, 1), end=dt.date(2022, 3, 1))
    assert month.precision is Precision.MONTH
    year = found["2014"]
    assert year.precision is Precision.YEAR


HALVES_AND_HOLIDAYS = [
    ("Sales rose in H1 2025.", "H1 2025", "DATE", "2025-H1"),
    ("Earnings fell in the second half of 2023.", "the second half of 2023", "DATE", "2023-H2"),
    ("The boy was rescued on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2024-11-28"),
    ("Shops will close on Christmas Day.", "Christmas Day", "DATE", "2025-12-25"),
    ("The vote was held on Election Day 2024.", "Election Day 2024", "DATE", "2024-11-05"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), HALVES_AND_HOLIDAYS)
def test_halves_and_holidays(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


INFORMAL = [
    ("see u tmr at the mall", "tmr", "DATE", "2025-02-18"),
    ("event starts at 430pm today", "430pm today", "TIME", "2025-02-17T16:30"),
    ("we open at 7.30am", "7.30am", "TIME", "2025-02-17T07:30"),
    ("we meet this sat!", "this sat", "DATE", "2025-02-22"),
    ("it took 1.5hrs to get home", "1.5hrs", "DURATION", "PT1H30M"),
    # units glued to the count, and the short spellings
    ("haven't run in 16days", "16days", "DURATION", "P16D"),
    ("2 days off + 2weeks leave", "2weeks", "DURATION", "P2W"),
    ("queued for 45 min at the gate", "45 min", "DURATION", "PT45M"),
    ("back after a 3 wk break", "3 wk", "DURATION", "P3W"),
    ("the show last nite was loud", "last nite", "TIME", "2025-02-16TNI"),
    # a bare abbreviated month beside another month, or after a preposition of time
    ("camps in July and Aug. then exams", "Aug.", "DATE", "2025-08"),
    ("exams in Jun, then a break", "Jun", "DATE", "2025-06"),
    ("the Nov-Dec sales were weak", "Nov", "DATE", "2024-11"),
    # a day no month can be first makes a dotted date with a short year European
    ("a trip to the museum 27.03.15", "27.03.15", "DATE", "2015-03-27"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), INFORMAL)
def test_informal_spellings(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


def test_short_forms_that_are_names_or_versions_are_not_dates() -> None:
    text = ("Jan Kavan met Jun Li in Jun Wang's office; DEC shipped version 3.10.12 and 12.03.15 "
            "in a 4x4 at min speed.")
    assert [(e.surface, e.value) for e in find_times(text, published=PUBLISHED)] == []


HISTORY_AND_MILITARY = [
    ("The Third Punic War (149 B.C to 146 B.C) ended Carthage.", "149 B.C", "DATE", "BC0149"),
    ("The brigade was deployed by 05:30hrs.", "05:30hrs", "TIME", "2025-02-17T05:30"),
    ("The assault began at 1900 hrs.", "1900 hrs", "TIME", "2025-02-17T19:00"),
    ("The army crossed on 23 February 1918. The day before, the fleet had sailed.", "The day before", "DATE",
     "1918-02-22"),
    ("On 8 August 1918 the battle began. The day after the battle the general wrote home.", "The day after", "DATE",
     "1918-08-09"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), HISTORY_AND_MILITARY)
def test_history_and_military_forms(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


def test_29_february_is_looked_for_in_the_nearest_leap_year() -> None:
    text = "The troops withdrew on February 29."
    assert _find(text, "February 29", published=dt.date(2010, 1, 1)).value == "2008-02-29"
    assert _find(text, "February 29", published=dt.date(2025, 2, 17)).value == "2024-02-29"


def test_counts_of_hours_and_days_in_apposition_are_no_times() -> None:
    found = [(e.surface, e.value) for e in find_times("Pilots flew 1500 hrs. Trading stopped on Oct. 12, the day "
                                                       "before the crash.", published=PUBLISHED)]
    assert ("1500 hrs", "PT1500H") in found
    assert not any(surface.startswith("the day") for surface, _ in found)


def test_counted_things_are_not_years() -> None:
    text = "Cases increased by 1104 infections; 1995 patients and 1200 troops were moved in 1995."
    assert [(e.surface, e.value) for e in find_times(text, published=PUBLISHED)] == [("1995", "1995")]


def test_hashtags_and_handles_are_not_dates() -> None:
    assert find_times("Happy #Friday from @May and #Christmas2024", published=PUBLISHED) == []


def test_a_historical_narrative_dates_bare_months_by_the_year_it_names() -> None:
    text = ("The war began in 1939. In 1940 the front was quiet. The offensive of 1941 failed. In 1942 the "
            "tide turned; 1943 saw the landings. In 1944 the allies landed in Normandy in June, and on "
            "25 August they entered Paris. That winter was harsh.")
    found = {e.surface: e for e in find_times(text, published=dt.date(2009, 12, 19))}
    assert found["June"].value == "1944-06"
    assert found["25 August"].value == "1944-08-25"
    assert found["That winter"].value == "1944-WI"


def test_news_dates_bare_months_around_publication_even_after_an_old_year() -> None:
    text = "NATO was founded in 1949. The new members join in March."
    found = {e.surface: e for e in find_times(text, published=PUBLISHED)}
    assert found["March"].value == "2025-03"


def test_a_narrative_rolls_over_into_the_next_year_and_ignores_quoted_todays() -> None:
    text = ("In 1939 the war began. In 1940 France fell. The Blitz lasted into 1941. Germany attacked in "
            "1941 and in 1942 the tide turned. Pearl Harbor was attacked in December 1941. \"Today we "
            "fight,\" he said. In January the Allies met in Washington.")
    found = {e.surface: e for e in find_times(text, published=dt.date(2009, 12, 19))}
    assert found["Today"].value == "2009-12-19"
    assert found["January"].value == "1942-01"


MORE_NEWS_FORMS = [
    ("Elections are held every two years.", "every two years", "SET", "P2Y"),
    ("Hours later, the ceasefire collapsed.", "Hours later", "DURATION", "PTXH"),
    ("The 2014-2022 period was tense.", "2014", "DATE", "2014"),
    ("Emissions must halve by 2030.", "2030", "DATE", "2030"),
    ("The 2020s will be decisive.", "The 2020s", "DATE", "202"),
    ("Cities grew in the 1800s.", "the 1800s", "DATE", "18"),
    ("Last weekend, protests erupted.", "Last weekend", "DATE", "2025-W07-WE"),
    ("A 90-day pause was announced.", "90-day", "DURATION", "P90D"),
    ("FY2024 revenue rose.", "FY2024", "DATE", "2024"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), MORE_NEWS_FORMS)
def test_more_news_forms(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)
