"""Table-driven tests of the TimeBank conventions the tagger follows beyond the families.

Each table pins one rule added while measuring against the TempEval-3 training corpora. Every
row is (sentence, surface expected, TIMEX3 type, TIMEX3 value); the publication date is Monday
17 February 2025 unless a table says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import TimexType
from timeline.timex import find_times

PUBLISHED = dt.date(2025, 2, 17)


def _check(text: str, surface: str, kind: str, value: str, published: dt.date | None = PUBLISHED) -> None:
    found = find_times(text, published=published)
    hits = [e for e in found if e.surface == surface]
    assert hits, f"{surface!r} not found in {text!r}; found {[(e.surface, e.value) for e in found]}"
    assert (hits[0].type, hits[0].value) == (TimexType(kind), value), (text, hits[0])


# "effective <date>" names when a decision takes effect: usually still ahead, even when the
# decision itself is told in the past tense; "due in <month>" is a schedule.
EFFECTIVE = [
    ("The board created a new office of the chairman, effective June 1.", "June 1", "DATE", "2025-06-01"),
    ("The board created a new office of the chairman on June 1.", "June 1", "DATE", "2024-06-01"),
    # "due in/on" is a schedule, as "due to" already was
    ("Elections are due in October.", "October", "DATE", "2025-10"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), EFFECTIVE)
def test_effective_dates_lean_to_the_future(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


_HISTORY = ("The alliance was founded in 1949. Greece joined in 1952, Germany in 1955 and Spain in 1982. "
            "The pact of 1955 answered it; the crises of 1968 and 1956 tested both. ")
# In a narrative a bare month takes the story's year, unless the writer's own future is meant.
NARRATIVE_FUTURE = [
    (_HISTORY + "A summit is expected to meet in Washington in April.", "April", "DATE", "1999-04"),
    (_HISTORY + "The leaders will meet in Washington in April.", "April", "DATE", "1999-04"),
    (_HISTORY + "Its armies would attack in April.", "April", "DATE", "1956-04"),
    (_HISTORY + "A summit was expected to meet in April.", "April", "DATE", "1956-04"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), NARRATIVE_FUTURE)
def test_a_narrative_keeps_its_year_except_for_the_writers_future(text: str, surface: str, kind: str,
                                                                  value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(1999, 3, 12))


# A quarter "ended <date>" is the calendar quarter holding most of its three months, and
# plural units ahead or coming are vague durations (TimeBank: "coming weeks" PXW).
RESULTS_AND_SPANS = [
    ("Jay reported a loss in the quarter ended July 31.", "the quarter", "DATE", "2024-Q2"),
    ("Sales rose in the quarter ended Sept. 30.", "the quarter", "DATE", "2024-Q3"),
    ("Prices will stay high in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
    ("More cuts are likely in coming years.", "coming years", "DURATION", "PXY"),
    ("More cuts are likely in the coming months.", "the coming months", "DURATION", "PXM"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), RESULTS_AND_SPANS)
def test_fiscal_quarters_and_spans_to_come(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A month and day without a year in a clause with no future marker: news reports more of what
# happened than of what is coming, so a past date wins unless the future one is much nearer.
# "the week of <day>" is that day's ISO week.
DAYS_AND_WEEKS = [
    ("Investigators have searched for him since the Oct. 23 slaying.", "Oct. 23", "DATE", "2024-10-23",
     dt.date(2025, 5, 6)),
    ("The fair opens on Oct. 23.", "Oct. 23", "DATE", "2025-10-23", dt.date(2025, 9, 6)),
    ("The case may be resolved in a hearing the week of March 6.", "the week of March 6", "DATE", "2025-W10",
     PUBLISHED),
    ("The talks were held the week of 6 March 2023.", "the week of 6 March 2023", "DATE", "2023-W10", PUBLISHED),
    ("The talks were held the week of 6 March 2023.", "the week of 6 March 2023", "DATE", "2023-W10", None),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "published"), DAYS_AND_WEEKS)
def test_days_lean_to_the_past_and_weeks_of_a_day(text: str, surface: str, kind: str, value: str,
                                                  published: dt.date | None) -> None:
    _check(text, surface, kind, value, published=published)


# Words that look like time expressions but are not the ones they seem: a quoted programme
# title, half of a decade (the decade carries the date), and the present of a past moment.
NOT_WHAT_THEY_SEEM = [
    ('Baker said on ABC\'s "This Week With David Brinkley" that talks failed.', "This Week", None),
    ("Baker said on ABC's ``This Week,'' that talks failed.", "This Week", None),
    ("Sales were flat in the last half of the '80s.", "the last half", None),
    ("Holders may buy shares at 50% of the then current market price.", "then current", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "surface", "value"), NOT_WHAT_THEY_SEEM)
def test_titles_parts_of_decades_and_then_current(text: str, surface: str, value: str | None) -> None:
    found = {e.surface: e.value for e in find_times(text, published=PUBLISHED)}
    assert found.get(surface) == value, found


def test_this_week_in_plain_prose_is_still_a_week() -> None:
    _check("Talks resume this week in Riyadh.", "this week", "DATE", "2025-W08")
    _check("This week, talks resume in Riyadh.", "This week", "DATE", "2025-W08")
    _check("Sales were flat in the last half of the '80s.", "the '80s", "DATE", "198")


_CHRONICLE = ("The war began in 1914. Offensives failed in 1915 and 1916; 1917 brought revolution and 1918 "
              "the armistice, confirmed in 1919. ")
# In a chronicle, "two days later" moves on from the day the story last named and "the end of
# the year" is the story's year; in news both keep TimeBank's readings (a duration, the
# publication year).
NARRATIVE_REFERENCE = [
    (_CHRONICLE + "Mussolini was killed on April 28, 1945. Two days later, Hitler died.", "Two days later",
     "DATE", "1945-04-30"),
    (_CHRONICLE + "Italy declared war on May 23, 1915. Fifteen months later it attacked again.",
     "Fifteen months later", "DATE", "1916-08"),
    (_CHRONICLE + "Mirabeau died on 2 April 1791 and, before the end of the year, the assembly met.",
     "the end of the year", "DATE", "1791"),
    ("The board met on April 28. Two days later, it resigned.", "Two days later", "DURATION", "P2D"),
    ("The deal should close before the end of the year.", "the end of the year", "DATE", "2025"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), NARRATIVE_REFERENCE)
def test_a_chronicle_counts_from_the_last_named_time(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2009, 6, 1) if text.startswith(_CHRONICLE) else PUBLISHED)


def test_a_named_day_sets_the_chronicles_month_for_the_new_year_rollover() -> None:
    text = _CHRONICLE + "Germany declared war on the United States on December 11, 1941. In January, the Allies met."
    _check(text, "January", "DATE", "1942-01", published=dt.date(2009, 6, 1))


# "today's youth" is the present era, not the publication day; "today's vote" is the day.
TODAYS = [
    ("The case is for today's youth what the revolution was for their parents.", "today", None),
    ("Its chips run many of today's personal computers.", "today", None),
    ("Paternity can be proved in today's world.", "today", None),
    ("Senators prepared for today's vote.", "today", "2025-02-17"),
    ("Tomorrow's meeting was cancelled.", "Tomorrow", "2025-02-18"),
]


@pytest.mark.parametrize(("text", "surface", "value"), TODAYS)
def test_todays_generic_nouns_are_the_era_not_the_day(text: str, surface: str, value: str | None) -> None:
    found = {e.surface: e.value for e in find_times(text, published=PUBLISHED)}
    assert found.get(surface) == value, found


def test_a_chronicle_of_recent_years_is_a_narrative() -> None:
    years = " ".join(f"Attacks rose in {y}." for y in [2003, 2004, 2005, 2006, 2007, 2008] * 4)
    text = years + " The army moved on Mosul in 2008. In May, Iraqi troops entered the city."
    _check(text, "May", "DATE", "2008-05", published=dt.date(2009, 12, 19))
    # a news article naming a few recent years keeps bare months around its publication date
    news = "Attacks rose in 2007 and 2008. In May, Iraqi troops will enter the city."
    _check(news, "May", "DATE", "2010-05", published=dt.date(2009, 12, 19))


# "last Oct. 23" is one expression: the latest such day before publication, not "last Oct." + "23".
RELATIVE_MONTH_DAYS = [
    ("He was shot to death last Oct. 23 at his home.", "last Oct. 23", "DATE", "2024-10-23"),
    ("The vote is set for next March 3.", "next March 3", "DATE", "2025-03-03"),
    ("The deal closed last February 20.", "last February 20", "DATE", "2024-02-20"),
    ("It ended last October.", "last October", "DATE", "2024-10"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), RELATIVE_MONTH_DAYS)
def test_last_and_next_month_days(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "August of that year" and "July 25 of that year" take the year the text last named; "July
# last year" the anchor's previous year.
MONTHS_OF_THAT_YEAR = [
    ("The war began in 1861. On July 25 of that year the army fled.", "July 25 of that year", "DATE", "1861-07-25"),
    ("France fell in 1940. In August of that year Britain held.", "August of that year", "DATE", "1940-08"),
    ("The pact was signed in 1939. In March of the following year it broke.", "March of the following year",
     "DATE", "1940-03"),
    ("Prices fell in July last year.", "July last year", "DATE", "2024-07"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), MONTHS_OF_THAT_YEAR)
def test_months_of_that_year(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A timetable verb in the present simple right before a weekday names the coming day; a far
# month-day after the same verb keeps the nearest-date reading.
SCHEDULES = [
    ("The ceasefire expires Sunday.", "Sunday", "DATE", "2025-02-23"),
    ("The trial begins Thursday in Paris.", "Thursday", "DATE", "2025-02-20"),
    ("The market closes Friday at noon.", "Friday at noon", "TIME", "2025-02-21T12:00"),
    ("The ceasefire expired Sunday.", "Sunday", "DATE", "2025-02-16"),
    ("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), SCHEDULES)
def test_timetable_verbs_point_to_the_coming_weekday(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A bare month in a future-tense clause is the coming one, even when it was a few months ago
# ("will fly in December" said in February is next December); a past-tense clause keeps the
# rule that a month up to three months ahead is still to come ("was told to finish in April").
FUTURE_MONTHS = [
    ("The crew will fly a mission in December.", "December", "DATE", "2025-12"),
    ("The crew will fly a mission in November.", "November", "DATE", "2025-11"),
    ("The crew will fly a mission in March.", "March", "DATE", "2025-03"),
    ("The crew flew a mission in December.", "December", "DATE", "2024-12"),
    ("The crew flew a mission in November.", "November", "DATE", "2024-11"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), FUTURE_MONTHS)
def test_a_future_clause_names_the_coming_month(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "the previous Friday", "the following Monday", "the next morning" and "overnight" count from
# the day the text is talking about, as "the following day" does; with no such day, from the
# publication date (Monday 17 February 2025).
STORY_DAYS = [
    ("The index closed on Friday, 4% below the previous Friday.", "the previous Friday", "DATE", "2025-02-07"),
    ("The index is 4% below the previous Friday.", "the previous Friday", "DATE", "2025-02-14"),
    ("The treaty was signed on Feb. 5 and ratified the following Monday.", "the following Monday", "DATE",
     "2025-02-10"),
    ("He was arrested on Feb. 11 and appeared in court the next morning.", "the next morning", "TIME",
     "2025-02-12TMO"),
    ("Shares fell on Friday after overnight losses in Tokyo.", "overnight", "TIME", "2025-02-13TNI"),
    # a day named weeks before is not the story's night: the night before publication
    ("The talks began on Jan. 20. Missiles struck the depots overnight.", "overnight", "TIME", "2025-02-16TNI"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), STORY_DAYS)
def test_anaphoric_days_count_from_the_story_day(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "The year-ago period" and "a year ago" beside quarterly results compare with the quarter being
# reported, not with a later quarter the text forecasts (published Thursday 26 October 1989).
REPORTED_QUARTER = [
    ("Net fell in the third quarter. Profit should recover by the third quarter of 1990. "
     "In the year-ago period, it earned $1 a share.", "the year-ago period", "DATE", "1988-Q3"),
    ("Net fell in the third quarter. Profit should recover by the third quarter of 1990. "
     "Sales were $5 million a year ago.", "a year ago", "DATE", "1988-Q3"),
    ("Net fell in the third quarter. In the year-ago period, it earned $1 a share.", "the year-ago period",
     "DATE", "1988-Q3"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), REPORTED_QUARTER)
def test_year_ago_compares_with_the_reported_quarter(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(1989, 10, 26))


# A bare "the weekend" leans to the past like a bare weekday (news reports what happened), in
# Monday's paper the one just gone; a future cue or "this" names the coming one.
WEEKENDS = [
    ("Over the weekend, protests spread to the capital.", "the weekend", "DATE", "2025-W07-WE"),
    ("Rain will fall over the weekend.", "the weekend", "DATE", "2025-W08-WE"),
    ("Fans are going out this weekend.", "this weekend", "DATE", "2025-W08-WE"),
    ("Protests grew last weekend.", "last weekend", "DATE", "2025-W07-WE"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), WEEKENDS)
def test_a_bare_weekend_is_the_last_one(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# Timetable verbs in the present simple, plural too, with an adverb between, and a copula
# before "on" name the coming day: "the ministers meet again on Thursday"; "at" may come
# between when a clock time on a weekday follows ("expires at midnight on Friday"), not before
# a far month-day, which keeps the nearest-date reading (see SCHEDULES).
MORE_SCHEDULES = [
    ("The ministers meet again on Thursday.", "Thursday", "DATE", "2025-02-20"),
    ("The ministers met again on Thursday.", "Thursday", "DATE", "2025-02-13"),
    ("Markets reopen Tuesday.", "Tuesday", "DATE", "2025-02-18"),
    ("The agreement expires at midnight on Friday.", "midnight on Friday", "TIME", "2025-02-21T24:00"),
    ("The offer expired at midnight on Friday.", "midnight on Friday", "TIME", "2025-02-14T24:00"),
    ("The vote is at 10 a.m. Friday.", "10 a.m. Friday", "TIME", "2025-02-21T10:00"),
    ("The vote is on Friday.", "Friday", "DATE", "2025-02-21"),
    ("The tournament runs through Sunday.", "Sunday", "DATE", "2025-02-23"),
    ("The attack was on Friday.", "Friday", "DATE", "2025-02-14"),
    # a past clause nearby does not undo a third-person timetable verb; a base form there stays past
    ("The truce, agreed two days ago, expires at midnight on Sunday.", "midnight on Sunday", "TIME",
     "2025-02-23T24:00"),
    ("The trial, which opened in January, resumes Thursday.", "Thursday", "DATE", "2025-02-20"),
    ("The offer had been due to expire Friday evening.", "Friday evening", "TIME", "2025-02-14TEV"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), MORE_SCHEDULES)
def test_present_timetables_name_the_coming_day(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A month fronted as "In January," in a past-tense sentence is the past January, even when it
# is a few months ahead of the publication date (15 October 2025); inside the clause the
# "a month up to three months ahead stays ahead" reading is kept ("announced ... in January").
FRONTED_MONTHS = [
    ("In January, the firm brought in a new chief executive.", "January", "DATE", "2025-01"),
    ("The firm announced a new chief executive in January.", "January", "DATE", "2026-01"),
    ("In January, the firm will hire a new chief executive.", "January", "DATE", "2026-01"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), FRONTED_MONTHS)
def test_a_fronted_month_in_a_past_sentence_is_past(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2025, 10, 15))


# Signals and possessives stay out of a span, and an adjectival "third-quarter" leaves its
# determiner to the noun it modifies (TimeML).
SPANS = [
    ("Profit fell for the six months to June.", "the six months", "DURATION", "P6M"),
    ("The company posted a third-quarter loss.", "third-quarter", "DATE", "2024-Q3"),
    ("Its fourth quarter was weak.", "fourth quarter", "DATE", "2024-Q4"),
    ("Sales rose in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), SPANS)
def test_spans_leave_signals_and_possessives_out(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "The quarter a year ago", "the corresponding period last year": one expression, the reported
# quarter a year before; with an ordinal, the anchor's previous year (published 26 October 1989).
QUARTERS_A_YEAR_AGO = [
    ("Net fell in the third quarter. For the quarter a year ago, it earned $1 a share.",
     "the quarter a year ago", "DATE", "1988-Q3"),
    ("Net fell in the third quarter, against a profit for the corresponding period last year.",
     "the corresponding period last year", "DATE", "1988-Q3"),
    ("Sales rose from the fourth quarter last year.", "the fourth quarter last year", "DATE", "1988-Q4"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), QUARTERS_A_YEAR_AGO)
def test_a_quarter_a_year_ago_is_one_expression(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(1989, 10, 26))


# In a report on the quarter just ended (published 1 November 1989), a past "this quarter" is
# that quarter; a future one, or one with no quarter named nearby, is the anchor's own.
THIS_QUARTER = [
    ("Net fell in the third quarter. This quarter's loss includes charges of $4 million.", "This quarter",
     "DATE", "1989-Q3"),
    ("Net fell in the third quarter. This quarter will bring new charges.", "This quarter", "DATE", "1989-Q4"),
    ("This quarter's orders grew.", "This quarter", "DATE", "1989-Q4"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), THIS_QUARTER)
def test_a_past_this_quarter_in_a_report_is_the_reported_one(text: str, surface: str, kind: str,
                                                             value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(1989, 11, 1))


# A past verb right before a month or a month-day governs it: "began on March 18", written in
# February, is last year's; the nearest-date rule holds when the past cue is further away, and a
# passive infinitive ("to be completed in March") points ahead.
GOVERNING_PAST = [
    ("The 30-day truce began on March 18.", "March 18", "DATE", "2024-03-18"),
    ("The law was passed in March.", "March", "DATE", "2024-03"),
    ("The law, passed in March, is under review.", "March", "DATE", "2024-03"),
    ("The bridge is due to be completed in March.", "March", "DATE", "2025-03"),
    ("Talks will be held in March.", "March", "DATE", "2025-03"),
    ("The deal is expected to be signed on March 3.", "March 3", "DATE", "2025-03-03"),
    ("A meeting planned for March 18 was cancelled.", "March 18", "DATE", "2025-03-18"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), GOVERNING_PAST)
def test_a_governing_past_verb_dates_a_month_in_the_past(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# Results reported for a quarter are for one that is over: "will report results ... for the
# fourth quarter" in February is last year's; a forecast ("sales to grow in the fourth quarter")
# keeps the coming one. A participle after "will be" or "to be" is a passive future, no past verb.
REPORTED_AND_PASSIVE = [
    ("The company will report results on Feb. 27 for the fourth quarter.", "the fourth quarter", "DATE",
     "2024-Q4"),
    ("The bank will report its results for the second half next week.", "the second half", "DATE", "2024-H2"),
    ("Analysts expect sales to grow in the fourth quarter.", "the fourth quarter", "DATE", "2025-Q4"),
    ("The figures will be released on Thursday.", "Thursday", "DATE", "2025-02-20"),
    ("The verdict is to be announced on Friday.", "Friday", "DATE", "2025-02-21"),
    ("The verdict was announced on Friday.", "Friday", "DATE", "2025-02-14"),
    ("Neither could be located on Wednesday.", "Wednesday", "DATE", "2025-02-12"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), REPORTED_AND_PASSIVE)
def test_reported_quarters_are_over_and_passive_futures_ahead(text: str, surface: str, kind: str,
                                                             value: str) -> None:
    _check(text, surface, kind, value)


# A future word that modifies a noun after the expression ("a planned cut", "the upcoming vote")
# is not the clause's verb: "rallied on Saturday against a planned cut" is the Saturday before.
NOMINAL_FUTURES = [
    ("Protesters rallied outside parliament on Saturday against a planned cut to pensions.", "Saturday", "DATE",
     "2025-02-15"),
    ("Protesters will rally on Saturday against a planned cut.", "Saturday", "DATE", "2025-02-22"),
    ("Voters queued on Sunday for the upcoming referendum.", "Sunday", "DATE", "2025-02-16"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), NOMINAL_FUTURES)
def test_a_future_modifier_of_a_later_noun_is_no_tense(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)
