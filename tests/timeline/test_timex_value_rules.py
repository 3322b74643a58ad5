"""Table-driven tests of value rules: which day, month or year an expression means.

Each table pins one general rule of English news or narrative prose (timeline.timex.normalise
lists them). Every row is (text, surface expected, TIMEX3 type, TIMEX3 value); the sentences are
our own. News rows are published on Monday 17 February 2025 unless a table says otherwise.
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


# A chronicle: its explicit years lie long before publication, so it reads as a narrative.
_CHRONICLE = ("The canal company was chartered in 1821. Digging began in 1824, the first lock opened "
              "in 1826 and the aqueduct followed in 1829. By 1831 barges reached the lake, and in 1835 the town. ")

# In a narrative, "N units earlier/before/previously" counts back from the time the story last
# named, as "N units later" counts forward; "ago" stays deictic (counted from publication).
NARRATIVE_EARLIER = [
    (_CHRONICLE + "The engineers had surveyed the valley three years earlier.", "three years earlier",
     "DATE", "1832"),
    (_CHRONICLE + "Two years before, the state had refused a loan.", "Two years before", "DATE", "1833"),
    (_CHRONICLE + "On 4 May 1832 the dam burst. The keepers had warned of cracks two days earlier.",
     "two days earlier", "DATE", "1832-05-02"),
    (_CHRONICLE + "In June 1833 the board met; it had cut wages four months earlier.", "four months earlier",
     "DATE", "1833-02"),
    (_CHRONICLE + "Its founders had tried a railway two decades earlier.", "two decades earlier", "DATE", "181"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), NARRATIVE_EARLIER)
def test_a_narrative_counts_back_from_the_story(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2010, 6, 1))


# News keeps its conventions: "two years earlier" from the publication date, "a day earlier" a
# duration (TimeBank), "ago" from the publication date even in a chronicle.
NEWS_EARLIER = [
    ("The mayor said the plan had been shelved two years earlier.", "two years earlier", "DATE", "2023",
     PUBLISHED),
    ("The talks collapsed a day earlier.", "a day earlier", "DURATION", "P1D", PUBLISHED),
    (_CHRONICLE + "A museum opened two years ago beside the old lock.", "two years ago", "DATE", "2008",
     dt.date(2010, 6, 1)),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "published"), NEWS_EARLIER)
def test_news_counts_back_from_publication(text: str, surface: str, kind: str, value: str,
                                           published: dt.date) -> None:
    _check(text, surface, kind, value, published=published)


# A look back in a story ("the previous year", "two years earlier") is a flashback: the bare
# months after it keep the story's year.
FLASHBACKS = [
    (_CHRONICLE + "In 1840 the railway arrived. Traffic had fallen the previous year. In March, the "
     "company cut its tolls.", "March", "DATE", "1840-03"),
    (_CHRONICLE + "In 1840 the railway arrived. Traffic had fallen three years earlier. In March, the "
     "company cut its tolls.", "March", "DATE", "1840-03"),
    # a look forward moves the story on
    (_CHRONICLE + "In 1840 the railway arrived. The following year brought a flood. In March, the "
     "company cut its tolls.", "March", "DATE", "1841-03"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), FLASHBACKS)
def test_a_flashback_does_not_move_the_story(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2010, 6, 1))


# A year named in a future clause of a story ("a campaign planned for 1850") looks ahead: the
# story stays in its year. A question ending a quotation ends its sentence, so its "will" does
# not make the next sentence future.
PROLEPSES = [
    (_CHRONICLE + "In 1840 the railway arrived, and a second line was planned for 1850. In March, the "
     "company cut its tolls.", "March", "DATE", "1840-03"),
    (_CHRONICLE + "In 1840 the railway arrived. In 1850 a second line opened. In March, the company cut "
     "its tolls.", "March", "DATE", "1850-03"),
    (_CHRONICLE + 'The director asked: "Will the barges survive this?" On 2 August 1840 the railway '
     "opened. Two days later the first train ran.", "Two days later", "DATE", "1840-08-04"),
]
QUOTED_QUESTION = [
    ('The mayor asked: "Will the bridge hold?" On Friday the bridge reopened.', "Friday", "DATE", "2025-02-14"),
    ('The mayor asked: "Will the bridge reopen on Friday?"', "Friday", "DATE", "2025-02-21"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), PROLEPSES)
def test_a_look_ahead_does_not_move_the_story(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2010, 6, 1))


@pytest.mark.parametrize(("text", "surface", "kind", "value"), QUOTED_QUESTION)
def test_a_quotation_ending_a_sentence_ends_its_tense(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A results text reports the latest completed quarter it names: a look back at an earlier one
# ("After a weak first quarter") does not change what "a year ago" and "the 2024 period" compare
# with; "that quarter" is still the one just named. Published 20 October 2024 (fourth quarter).
_RESULTS = ("Acme Corp. said third-quarter profit rose 12% to $40 million from $35.7 million a year ago. "
            "After a weak second quarter, sales recovered. ")
REPORTED_QUARTER = [
    (_RESULTS + "Margins were wider than in the year-earlier period.", "the year-earlier period", "DATE",
     "2023-Q3"),
    (_RESULTS + "In the 2024 period, costs fell.", "the 2024 period", "DATE", "2024-Q3"),
    (_RESULTS + "Revenue grew faster than a year ago.", "a year ago", "DATE", "2023-Q3"),
    (_RESULTS + "Results for that quarter included a charge.", "that quarter", "DATE", "2024-Q2"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), REPORTED_QUARTER)
def test_results_compare_with_the_reported_quarter(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2024, 10, 20))


# "plans" and "planned" alone are often a noun and a participle ("set aside her holiday plans",
# "a hastily planned trip"): no future cue. "planned to", "planned for" and "a planned" are.
PLANS = [
    ("On Friday, when the minister set aside her holiday plans for a hastily planned trip, the ministry "
     "lifted its warning.", "Friday", "DATE", "2025-02-14"),
    ("The team planned to leave the capital on Thursday.", "Thursday", "DATE", "2025-02-20"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), PLANS)
def test_plans_as_nouns_are_no_future_cue(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A month fronted as "In January," in a past-tense sentence is the last January; the sentence
# runs on past abbreviations ("Roe vs. Wade", "Mr. Smith") to its verb. A timetable in the
# present or a future clause is the coming January.
FRONTED_MONTHS = [
    ("In January, a week after the anniversary of Roe vs. Wade, a bombing killed a guard.", "January", "DATE",
     "2024-01"),
    ("In January, after a talk with Mr. Smith, the board chose a new chief.", "January", "DATE", "2024-01"),
    ("In January, a week after the vote, the council will meet.", "January", "DATE", "2025-01"),
    ("In January, the new rules take effect.", "January", "DATE", "2025-01"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), FRONTED_MONTHS)
def test_a_fronted_month_follows_its_sentence(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2024, 10, 25))


# "N days later" in a story counts from the day it last named, unless the story has since moved
# on to another month or year: then it is a day of the story's year, which one unknown.
LATER_IN_THE_STORY = [
    (_CHRONICLE + "On 4 May 1840 the dam burst. Two days later the canal was closed.", "Two days later",
     "DATE", "1840-05-06"),
    (_CHRONICLE + "On 4 May 1840 the dam burst. In October the canal reopened; four days later the first "
     "barge passed.", "four days later", "DATE", "1840-XX-XX"),
    (_CHRONICLE + "In 1841 the railway arrived; three days later a fire broke out.", "three days later", "DATE",
     "1841-XX-XX"),
    (_CHRONICLE + "In 1841 the railway arrived; a week later a fire broke out.", "a week later", "DATE",
     "1841-WXX"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), LATER_IN_THE_STORY)
def test_later_counts_from_the_story_day(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2010, 6, 1))


# A vague count before "later" or "earlier" in a story is a time after or before the story's,
# how far unknown: FUTURE_REF or PAST_REF. News keeps TimeBank's vague durations.
VAGUE_LATER = [
    (_CHRONICLE + "A few months later the company failed.", "A few months later", "DATE", "FUTURE_REF",
     dt.date(2010, 6, 1)),
    (_CHRONICLE + "The surveyors had left weeks earlier.", "weeks earlier", "DATE", "PAST_REF", dt.date(2010, 6, 1)),
    ("The suspect was arrested a few days later.", "a few days later", "DURATION", "PXD", PUBLISHED),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "published"), VAGUE_LATER)
def test_vague_later_in_a_story_is_a_point(text: str, surface: str, kind: str, value: str,
                                           published: dt.date) -> None:
    _check(text, surface, kind, value, published=published)


# "the latest quarter" is the completed quarter a results text has just named, else the last
# completed calendar quarter. Published 20 October 2024 (fourth quarter).
LATEST_QUARTER = [
    ("Acme posted a profit for its fiscal second quarter. The latest period included a gain on a sale.",
     "The latest period", "DATE", "2024-Q2"),
    ("Acme said sales rose in the latest quarter.", "the latest quarter", "DATE", "2024-Q3"),
    ("Acme expects a loss in the fourth quarter. Sales rose in the latest quarter.", "the latest quarter", "DATE",
     "2024-Q3"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), LATEST_QUARTER)
def test_the_latest_quarter_is_the_one_just_reported(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2024, 10, 20))


# In a story before Christ, "the following year", "the following decade", "the previous century"
# count on the years before Christ from the year it last named.
_ANCIENT = "The revolt began in 499 BC. In 492 BC the first campaign set out. "
BEFORE_CHRIST = [
    (_ANCIENT + "The following year, envoys were sent.", "The following year", "DATE", "BC0491"),
    (_ANCIENT + "The city thrived in the following decade.", "the following decade", "DATE", "BC048"),
    (_ANCIENT + "It undid the gains of the previous century.", "the previous century", "DATE", "BC05"),
    (_ANCIENT + "In 1820 the ruins were found. The following year, digging began.", "The following year", "DATE",
     "1821"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), BEFORE_CHRIST)
def test_years_before_christ_count_backwards(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2009, 12, 19))


# A story told in years before Christ is a narrative like any other: "a few years later" there is
# a point after the story's time (FUTURE_REF), not a span of a few years.
_GALLIC = ("The legion crossed the river in 58 BC. It wintered there in 57 BC, marched north in 55 BC and "
           "sailed in 54 BC. The revolt came in 52 BC and the siege in 51 BC. ")
ANCIENT_NARRATIVE = [
    (_GALLIC + "A few years later, the province was calm.", "A few years later", "DATE", "FUTURE_REF"),
    (_GALLIC + "The following decade brought roads.", "The following decade", "DATE", "BC004"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), ANCIENT_NARRATIVE)
def test_a_story_before_christ_is_a_narrative(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value, published=dt.date(2009, 12, 19))


# The day a thing was put off until lies ahead of the report, though the verb is past: "postponed
# until Thursday" on Monday 17 February is the 20th. Without the deferral it stays the day before.
DEFERRED = [
    ("The council postponed until Thursday its vote on the budget.", "Thursday", "DATE", "2025-02-20"),
    ("The judge adjourned the hearing till Friday.", "Friday", "DATE", "2025-02-21"),
    ("The exchange extended its offer until 5 p.m. Wednesday.", "5 p.m. Wednesday", "TIME", "2025-02-19T17:00"),
    ("The strike was put off until Tuesday morning.", "Tuesday morning", "TIME", "2025-02-18TMO"),
    ("The council met on Thursday and postponed its vote.", "Thursday", "DATE", "2025-02-13"),
    ("The council postponed the vote, which it had held open until Thursday.", "Thursday", "DATE", "2025-02-13"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), DEFERRED)
def test_what_was_put_off_until_a_weekday_lies_ahead(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "Easter week", "Holy Week", "Thanksgiving week": the ISO week holding the holiday (Holy Week ends
# on Easter Sunday). A past sentence takes the last such week that had begun by publication.
HOLIDAY_WEEKS = [
    ("Pilgrims crowded the basilica as Easter week began.", "Easter week", "DATE", "2000-W16",
     dt.date(2000, 4, 17)),  # its Monday: Easter 2000 is on the 23rd
    ("Pilgrims crowded the basilica at Easter.", "Easter", "DATE", "1999-04-04", dt.date(2000, 4, 17)),
    ("During Holy Week the old town fills with pilgrims.", "Holy Week", "DATE", "2025-W16", PUBLISHED),
    ("Shoppers were out in force in Thanksgiving week.", "Thanksgiving week", "DATE", "2025-W48",
     dt.date(2025, 12, 2)),
    ("Flights will be full in Christmas week.", "Christmas week", "DATE", "2025-W52", dt.date(2025, 12, 2)),
    ("The chapel reopened in Holy Week 1999.", "Holy Week 1999", "DATE", "1999-W13", PUBLISHED),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "published"), HOLIDAY_WEEKS)
def test_a_holiday_week_is_the_week_holding_it(text: str, surface: str, kind: str, value: str,
                                               published: dt.date) -> None:
    _check(text, surface, kind, value, published=published)
