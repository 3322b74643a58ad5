"""Property tests: the temporal tagger's output contract holds on any text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import TimeExpression
from timeline.timex import find_times

# Text that exercises the grammar more often than uniform Unicode does: date words, digits,
# punctuation and separators mixed with arbitrary characters.
_WORDS = st.sampled_from([
    "last", "next", "week", "Monday", "Tuesday", "Feb.", "February", "17", "2025", "1990s", "'90s", "since",
    "until", "from", "to", "the", "third", "quarter", "ago", "two", "years", "a", "month", "after", "early",
    "mid-", "late", "now", "soon", "daily", "every", "5", "p.m.", "noon", "yesterday", "May", "spring",
    "fiscal", "BC", "Christmas", "/", "-", ",", ".", "'", " ", "\n", "morning", "hours", "decade", "century",
])
_TEXT = st.one_of(st.text(), st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=40).map(" ".join))
_DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _check_contract(text: str, found: list[TimeExpression]) -> None:
    previous_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.surface
        assert e.start >= previous_end, "results overlap or are out of order"
        previous_end = e.end
        assert e.value
        assert not (e.anchored and not e.relative)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, published=_DATES)
def test_find_times_never_raises_and_keeps_its_contract(text: str, published: dt.date | None) -> None:
    _check_contract(text, find_times(text, published=published))


@settings(max_examples=100, deadline=None)
@given(text=_TEXT)
def test_without_a_publication_date_nothing_is_anchored(text: str) -> None:
    for e in find_times(text, published=None):
        assert not e.anchored


@settings(max_examples=100, deadline=None)
@given(text=_TEXT, published=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_tagging_is_deterministic(text: str, published: dt.date) -> None:
    # tagging is deterministic: the same input gives the same output
    assert find_times(text, published=published) == find_times(text, published=published)
