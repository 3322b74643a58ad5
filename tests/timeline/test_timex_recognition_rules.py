"""Table-driven tests of recognition rules: where a temporal expression is, and where none is.

Each table pins one general rule of English news or narrative prose (timeline.timex.patterns
lists them). A row is (text, surface expected, TIMEX3 type, TIMEX3 value), or (text, surface)
for a phrase that must not be tagged; the sentences are our own. News rows are published on
Monday 17 February 2025 unless a table says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import TimexType
from timeline.timex import find_times
from timeline.timex.patterns import find_candidates

PUBLISHED = dt.date(2025, 2, 17)


def _surfaces(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(e.surface, str(e.type), e.value) for e in find_times(text, published=published)]


def _check(text: str, surface: str, kind: str, value: str, published: dt.date | None = PUBLISHED) -> None:
    found = find_times(text, published=published)
    hits = [e for e in found if e.surface == surface]
    assert hits, f"{surface!r} not found in {text!r}; found {[(e.surface, e.value) for e in found]}"
    assert (hits[0].type, hits[0].value) == (TimexType(kind), value), (text, hits[0])
    assert text[hits[0].start:hits[0].end] == surface


# The later end of a range is an expression of its own, dated by the first end: "April 24 and 25"
# holds "April 24" and "25"; "1915-17" holds "1915" and "17". The first end takes a year written
# after the range ("March 5-9, 1918").
RANGE_ENDS = [
    ("Ministers meet in Lisbon on April 24 and 25.", "25", "DATE", "2025-04-25"),
    ("Ministers meet in Lisbon on April 24 and 25.", "April 24", "DATE", "2025-04-24"),
    ("The fair runs June 6-8 at the old docks.", "8", "DATE", "2025-06-08"),
    ("The strike lasted from Sept. 3 to 9, 2019, in the port.", "9, 2019", "DATE", "2019-09-09"),
    ("The strike lasted from Sept. 3 to 9, 2019, in the port.", "Sept. 3", "DATE", "2019-09-03"),
    ("Hearings were held Nov. 12 through 14.", "14", "DATE", "2024-11-14"),
    ("The drought of 1931-34 emptied the plains.", "34", "DATE", "1934"),
    ("The drought of 1931-34 emptied the plains.", "1931", "DATE", "1931"),
    ("Its 1999-00 season was the worst.", "00", "DATE", "2000"),
    ("The siege (October-December 1941) starved the city.", "October", "DATE", "1941-10"),
    ("The siege (October-December 1941) starved the city.", "December 1941", "DATE", "1941-12"),
]

# Numbers after a date that count something, and number pairs that are no year range.
NOT_RANGE_ENDS = [
    ("On May 4 and 5 others were hurt in the blast.", "5"),
    ("On March 9 and 3 people were hurt.", "3"),
    ("By March 2 and 30 percent of the vote counted, he led.", "30"),
    ("Call 1995-24 for the office.", "24"),  # the first number is no year the range follows
    ("The model 1990-45 is sold out.", "45"),
    ("Sales rose 2010-12% over the period.", "12"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), RANGE_ENDS)
def test_the_later_end_of_a_range_is_dated_by_the_first(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


@pytest.mark.parametrize(("text", "surface"), NOT_RANGE_ENDS)
def test_numbers_that_are_no_range_end(text: str, surface: str) -> None:
    assert not any(e.surface == surface for e in find_times(text, published=PUBLISHED)), _surfaces(text)


# "a week" and "a day" are durations before "of", "when", "that" too: "within a week of his
# release", "after a day of talks", "a week that saw prices fall".
ARTICLE_DURATIONS = [
    ("The hostage was freed within a week of his capture.", "a week", "DURATION", "P1W"),
    ("After a day of talks, the envoys left Geneva.", "a day", "DURATION", "P1D"),
    ("It capped a week that saw the index lose 4%.", "a week", "DURATION", "P1W"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), ARTICLE_DURATIONS)
def test_a_week_of_something_is_a_duration(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# Phrases that look like a time but name something else.
NOT_TIMES = [
    ("For the rebels, high noon comes this week.", "noon"),  # a showdown
    ("He watched High Noon again.", "Noon"),  # the film
    ("The survey was published in USA Today.", "Today"),  # a newspaper
    ("You are listening to BBC Today on the radio.", "Today"),  # a programme
    ("She trains the engineers of tomorrow.", "tomorrow"),  # the future at large
    ("The chip runs 40 million instructions per second.", "per second"),  # a measure of speed
    ("Winds reached 90 miles an hour.", "an hour"),
    ("She led the March of the Mothers through the capital.", "March"),  # a procession
    ("He spoke at the March on Washington.", "March"),
    ("Police raided the flat in the early hours of Sunday morning.", "the early hours"),  # part of Sunday morning
    ("Analysts expect sales to grow 8% annually.", "annually"),  # a growth rate
    ("The mill can produce 40,000 tons annually.", "annually"),  # a capacity
    ("The cut saves $3 million annually.", "annually"),  # an amount
    ("The Communist Party daily Granma printed the letter.", "daily"),  # a newspaper
    ("The business daily said the deal was off.", "daily"),
    ("The weekly's editor resigned over the cover.", "weekly"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_TIMES)
def test_phrases_that_name_no_time(text: str, surface: str) -> None:
    assert not any(surface in e.surface for e in find_times(text, published=PUBLISHED)), _surfaces(text)


def test_noon_is_still_a_time() -> None:
    _check("The vote closes at noon on Friday.", "noon on Friday", "TIME", "2025-02-21T12:00")


# The same words are days when they are: a sentence opening "Today", "tomorrow" after "of" with
# no noun before it, the morning of tomorrow.
STILL_DAYS = [
    ("Today the council votes on the budget.", "Today", "DATE", "2025-02-17"),
    ("The UN said Today is a day of mourning.", "Today", "DATE", "2025-02-17"),
    ("The deadline is the end of tomorrow.", "tomorrow", "DATE", "2025-02-18"),
    ("Delegates of tomorrow morning's session arrived.", "tomorrow morning", "TIME", "2025-02-18TMO"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), STILL_DAYS)
def test_today_and_tomorrow_are_still_days(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# Rates of events in the story are sets: "per day", "a day" after a count of things.
RATES = [
    ("Refugees crossed at a rate of 2,000 per day.", "per day", "SET", "P1D"),
    ("The column marched 18 miles a day.", "a day", "SET", "P1D"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), RATES)
def test_rates_of_events_are_sets(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


def test_the_month_march_is_still_a_month() -> None:
    found = find_times("Prices fell in the March before the vote.", published=PUBLISHED)
    assert [e.surface for e in found] == ["March"]


# Counting words between the number and the unit stay in the duration: "five business days".
QUALIFIED_UNITS = [
    ("Shares fell for eight trading days in a row.", "eight trading days", "DURATION", "P8D"),
    ("Refunds are paid within five business days.", "five business days", "DURATION", "P5D"),
    ("The bill passed with ten working days to spare.", "ten working days", "DURATION", "P10D"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), QUALIFIED_UNITS)
def test_business_and_trading_days_are_durations(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "soon" before a past-tense verb, or after "was", "had", tells a story's sequence ("shortly
# after"), not the writer's future; before a present or future verb it is the future.
PAST_SOON = [
    "The rebels took the port, and the navy soon withdrew.",
    "A trickle of cash soon became a flood.",
    "He was soon released from hospital.",
    "The army soon had the city surrounded.",
]
FUTURE_SOON = [
    ("The ministry will soon publish the figures.", "soon", "DATE", "FUTURE_REF"),
    ("Officials expect the bridge to reopen soon.", "soon", "DATE", "FUTURE_REF"),
    ("The board may soon need a new chairman.", "soon", "DATE", "FUTURE_REF"),
    ("Doctors warned the virus would soon spread to the coast.", "soon", "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize("text", PAST_SOON)
def test_soon_in_a_past_story_is_no_future_reference(text: str) -> None:
    assert not any(e.surface == "soon" for e in find_times(text, published=PUBLISHED)), _surfaces(text)


@pytest.mark.parametrize(("text", "surface", "kind", "value"), FUTURE_SOON)
def test_soon_ahead_is_the_future(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# A frequency adverb after a verb is a schedule of the story: a set.
SCHEDULES = [
    ("The festival is held annually in the old town.", "annually", "SET", "P1Y"),
    ("Protesters gather daily outside the embassy.", "daily", "SET", "P1D"),
    ("The board meets monthly.", "monthly", "SET", "P1M"),
    ("Ferries sail daily Monday to Friday.", "daily", "SET", "P1D"),  # a day's name is no periodical's
    ("Inspectors file daily reports to the ministry.", "daily", "SET", "P1D"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), SCHEDULES)
def test_frequency_adverbs_of_the_story_are_sets(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "one day" after a modal or "to" is some day to come; elsewhere it is a day long.
ONE_DAY = [
    ("Engineers say the tunnel will one day link the two islands.", "one day", "DATE", "FUTURE_REF"),
    ("She hopes to one day run the company.", "one day", "DATE", "FUTURE_REF"),
    ("The strike lasted one day.", "one day", "DURATION", "P1D"),
    ("One day, the rebels came down from the hills.", "One day", "DURATION", "P1D"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), ONE_DAY)
def test_one_day_after_a_modal_is_the_future(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


# "this year as last", "this month than last": "last" stands for the unit left out.
ELLIPTIC_LAST = [
    ("The dividend will be nearly twice as high this year as last.", "last", "DATE", "2024"),
    ("Exports grew faster this month than last, the ministry said.", "last", "DATE", "2025-01"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), ELLIPTIC_LAST)
def test_last_after_this_unit_is_the_unit_before(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


def test_last_before_a_noun_is_no_elliptic_unit() -> None:
    assert [e.surface for e in find_times("This year we did better than last time.", published=PUBLISHED)] \
        == ["This year"]


# The range ends and the elliptic "last" are added after the rules have chosen their matches:
# on any mix of the words they read, the candidates stay ordered, apart and inside the text.
_RANGE_WORDS = st.sampled_from([
    "April", "Sept.", "May", "August", "-", "–", "and", "to", "through", "&", "24", "25", "3", "31", "9",
    "1915", "1999", "17", "00", "94", ",", ".", "this", "year", "month", "as", "than", "last", "fiscal",
    "%", "people", "others", " ", "September", "1950",
])


@settings(max_examples=500, deadline=None)
@given(pairs=st.lists(st.tuples(st.one_of(_RANGE_WORDS, st.text(max_size=2)), st.sampled_from([" ", "", ", "])),
                      max_size=30))
def test_range_ends_keep_candidates_ordered_and_apart(pairs: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pairs)
    _check_candidates(text)


@pytest.mark.parametrize("text", ["Talks ran March 5-9, 1918 in Paris.",
                                  "In 1915-17 and 1990-94, in August-September 1950.",
                                  "It rose more this year than last."])
def test_range_ends_in_sentences_keep_candidates_apart(text: str) -> None:
    _check_candidates(text)


def _check_candidates(text: str) -> None:
    previous_end = 0
    for c in find_candidates(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.start >= previous_end, "candidates overlap or are out of order"
        previous_end = c.end
    for e in find_times(text, published=PUBLISHED):
        assert text[e.start:e.end] == e.surface


# "on the 14th": a day of the month the text is in (the publication month, or the month the story
# last named), after a preposition and at the end of its phrase; the first end of a range takes
# the month written after the second. "the 14th floor" names no day, nor does a misspelt ordinal.
DAY_ORDINALS = [
    ("The bill was introduced on the 14th and passed on the 15th.", "the 14th", "DATE", "2025-02-14"),
    ("The bill was introduced on the 14th and passed on the 15th.", "the 15th", "DATE", "2025-02-15"),
    ("On March 3 the talks opened; by the 5th they had failed.", "the 5th", "DATE", "2025-03-05"),
    ("The offensive was moved from the 13th to the 19th of October 1950.", "the 13th", "DATE", "1950-10-13"),
    ("The vote is due on the 24th.", "the 24th", "DATE", "2025-02-24"),
]
NOT_DAY_ORDINALS = [
    ("He lives on the 14th floor.", "14th"),
    ("It was the 3th attempt on the 3th.", "3th"),
    ("She finished the 5th in the series.", "5th"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), DAY_ORDINALS)
def test_an_ordinal_day_is_a_day_of_the_month_in_view(text: str, surface: str, kind: str, value: str) -> None:
    _check(text, surface, kind, value)


@pytest.mark.parametrize(("text", "surface"), NOT_DAY_ORDINALS)
def test_ordinals_that_name_no_day(text: str, surface: str) -> None:
    assert not any(surface in e.surface for e in find_times(text, published=PUBLISHED)), _surfaces(text)
