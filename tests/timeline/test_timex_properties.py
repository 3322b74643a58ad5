"""Property tests: the temporal tagger's output contract holds on any text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import TimeExpression
from timeline.timex import find_times
from timeline.timex.tense import Tense, find_markers, tense_at

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


# Sentences with markers on both sides of date words, long runs without a stop (the 250-character
# window then cuts words), markers across a blank line ("going\n\nto") and case ("May" / "may").
_TENSE_WORDS = st.sampled_from([
    "will", "WILL", "Will", "going", "to", "meet", "said", "had", "been", "due", "expired", "freedom", "freed",
    "is", "says", "May", "may", "MAY", "ı", "İ", "Friday", "March", "last", "week", "next", "'ll", "we", "''",
    "\"", ".", "!", "\n\n", "\n", "x" * 40, "a" * 12, "proposed", "on", "it", "willing", "island",
])
_TENSE_TEXT = st.lists(st.one_of(_TENSE_WORDS, st.text(max_size=3)), min_size=1, max_size=120).map(
    " ".join).filter(bool)


@settings(max_examples=300, deadline=None)
@given(text=_TENSE_TEXT, data=st.data())
def test_markers_found_once_give_the_tense_a_sentence_search_gives(text: str, data: st.DataObject) -> None:
    markers = find_markers(text)
    for _ in range(5):
        start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
        end = data.draw(st.integers(min_value=start + 1, max_value=min(len(text), start + 20)))
        assert tense_at(text, start, end, markers=markers) is tense_at(text, start, end)


def _filler(n: int) -> str:
    """``n`` characters of words that are no tense marker and hold no sentence stop, then a space."""
    return ("abc " * (n // 4 + 1))[:n - 1] + " "


def test_a_sentence_window_cutting_a_word_into_a_marker_is_searched_alone() -> None:
    # no stop within 250 characters after "Friday": the window ends inside "willing", where
    # a search of the sentence alone reads "will"
    text = "Friday " + _filler(6 + 250 - 4 - 7) + "willing to go"
    assert text[6 + 250 - 4:6 + 250] == "will"
    assert tense_at(text, 0, 6, markers=find_markers(text)) is tense_at(text, 0, 6) is Tense.FUTURE


def test_a_marker_across_the_start_of_a_window_is_searched_alone() -> None:
    # the window starts 250 characters before "Friday", between "going" and "to meet": the text
    # holds "going to", the window "to meet"
    head = "going to meet "
    text = head + _filler(250 - len(head) + 6) + "Friday"
    start = len(text) - 6
    assert text[start - 250:].startswith("to meet")
    assert tense_at(text, start, len(text), markers=find_markers(text)) is tense_at(text, start, len(text))


def test_a_marker_across_a_blank_line_is_not_taken_into_the_sentence() -> None:
    text = "Friday going\n\nto meet."
    assert tense_at(text, 0, 6, markers=find_markers(text)) is tense_at(text, 0, 6) is Tense.UNKNOWN
