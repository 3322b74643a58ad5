"""The tagger's windowed scan finds exactly what scanning the whole text with every rule finds.

The oracle is the same grammar with windowing switched off (every text treated as one that must
be scanned whole); texts are built from date-like fragments, so most rules fire.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timex import patterns

FRAGMENTS = st.sampled_from([
    "last week", "since 2014", "in February 2022", "on Tuesday", "the 1990s", "three years ago", "Feb. 17",
    "17 February 2025", "2025-02-17", "every week", "early December", "the third quarter", "next month",
    "a month after", "5 p.m.", "tonight", "recently", "soon", "now", "fiscal 1998", "'90s", "Christmas",
    "the past two weeks", "24 hours", "mid-2020", "summer", "1,200", "3.5", "20th century", "day", "st",
    "Paris", "talks", "said", ",", ".", "\n", "  ", "-", "(", ")", "The", "of", "and", "ı", "İ",
    # the rules whose anchors take in a character of the match or an era: counts before units,
    # rates, clock times, numeric dates, years with an era
    "400 BC", "AD 79", "A.D. 79", "499-493 BC", "264 to 241 BCE", "300 B.C.E.", "79 CE", "had", "since",
    "once a week", "twice a year", "three times a day", "every other month", "per hour", "an afternoon",
    "each spring", "24hrs", "5years", "10:30", "5 p.m.", "7.30am", "noon", "midnight", "mid-day", "3/4/2020",
    "12.10.2012", "1.5", "years", "Christmas Day", "New Year's", "St. Patrick's Day",
    # rules anchored on a piece after their start: the direction after a count of units, the
    # joiner after a range's first day, the suffix of a compound adjective
    "two years earlier", "a week after", "three days from now", "12-15 March", "4 and 5 May", "3rd to 5th of May",
    "1 & 2", "decades-long", "years-old",
    # military times, eras without their last dot, the day next to a told one
    "at 1900 hrs", "05:30hrs", "149 B.C", "The day before,", "the day after the battle",
])


def candidates(text: str) -> list[tuple[str, int, int]]:
    return [(c.kind, c.start, c.end) for c in patterns.find_candidates(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=4)), max_size=30).map(" ".join))
def test_windowed_scan_equals_whole_scan(text: str) -> None:
    windowed = candidates(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(patterns, "_has_long_run", lambda text: True)  # every text is scanned whole
        whole = candidates(text)
    assert windowed == whole


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab -\t\n\u00a0\u2003x"), max_size=80))
def test_long_runs_are_told_as_the_pattern_tells_them(text: str) -> None:
    pattern = re.compile(rf"[\s-]{{{patterns._RUN_SPACE}}}|[^\s-]{{{patterns._RUN_WORD}}}")
    assert patterns._has_long_run(text) is (pattern.search(text) is not None)


CASED = st.sampled_from([
    "MAY", "May", "may", "Sat", "SAT", "on Sat", "Jan", "JANUARY", "Q3", "q3", "H1", "FY 2020", "fiscal 1998",
    "5 P.M.", "10:35 EST", "2025-02-17T10:00Z", "2025-02-17t10:00z", "1990S", "400 BC", "400 bc", "A.D. 79",
    "Christmas", "CHRISTMAS", "Fall", "THE FALL OF", "Now,", "NOW", "ı", "İ", "ſ", "K", "Σ", "ǅ",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, CASED, st.text(max_size=4)), max_size=30).map(" ".join))
def test_scan_of_the_lower_cased_copy_equals_case_blind_scan(text: str) -> None:
    lowered = candidates(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(patterns, "_UNFAITHFUL_LOWER", re.compile(""))  # every copy "unfaithful": case-blind scan
        case_blind = candidates(text)
    assert lowered == case_blind


def test_lower_casing_keeps_every_character_in_its_class() -> None:
    # the premise of scanning the lower-cased copy: a character and its lower case are both in
    # \w, \d and \s or both out (characters that lower-case to two are never scanned that way)
    chars = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) == 1)
    lowered = "".join(c.lower() for c in chars)
    for cls in (r"\w", r"\d", r"\s"):
        assert [m.start() for m in re.finditer(cls, chars)] == [m.start() for m in re.finditer(cls, lowered)]


def test_every_rule_has_a_case_sensitive_twin() -> None:
    # a rule left case-blind (an inline flag) would still be correct, only slow: say so here
    assert all(patterns._LOWERED[kind] is not regex for kind, regex, _accept in patterns.RULES)
