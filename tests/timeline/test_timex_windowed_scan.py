"""The tagger's windowed scan finds exactly what scanning the whole text with every rule finds.

The oracle is the same grammar with windowing switched off (every text treated as one that must
be scanned whole); texts are built from date-like fragments, so most rules fire.
"""

from __future__ import annotations

import re

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
])


def candidates(text: str) -> list[tuple[str, int, int]]:
    return [(c.kind, c.start, c.end) for c in patterns.find_candidates(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=4)), max_size=30).map(" ".join))
def test_windowed_scan_equals_whole_scan(text: str) -> None:
    windowed = candidates(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(patterns, "_LONG_RUN", re.compile(""))  # every text "has a long run": scanned whole
        whole = candidates(text)
    assert windowed == whole
