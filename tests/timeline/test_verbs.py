"""The main-verb finder: which word of a clause tells its event."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.verbs import find_main_verb

FOUND = [
    ("Volunteers filled sandbags on Wednesday.", "filled"),  # a regular past form
    ("Prices rose sharply in March.", "rose"),  # an irregular one
    ("The town was cut off on Sunday.", "cut"),  # a participle after "was"
    ("The bridge has finally reopened.", "reopened"),  # ... after "has" and an adverb
    ("He was admitted to hospital.", "admitted"),  # a participle, not a reporting verb
    ("The Commission will send funds.", "send"),  # a base form after a modal
    ("The firm plans to close three plants.", "close"),  # ... after a "to" of intention
    ("Officials said the river would crest on Saturday.", "crest"),  # what was said, not the saying
    ("The armed forces stayed in limited numbers.", "stayed"),  # "-ed" adjectives after a determiner
    ("A hundred people gathered.", "gathered"),  # "hundred" is no past form
    ("On Monday the United Nations met.", "met"),
    ("He went to Paris in May.", "went"),
    ("The two leaders met.", "met"),
]


def test_the_words_of_skipped_spans_are_not_read() -> None:
    clause = '"We fought hard," the coach said after the team lost.'
    found = find_main_verb(clause, skip=[(0, clause.index(" the coach"))])
    assert found is not None and found.word == "lost"
    unskipped = find_main_verb(clause)
    assert unskipped is not None and unskipped.word == "fought"


@pytest.mark.parametrize(("clause", "verb"), FOUND)
def test_the_main_verb_is_found(clause: str, verb: str) -> None:
    found = find_main_verb(clause)
    assert found is not None, clause
    assert found.word == verb
    assert clause[found.start:found.end].lower() == verb


NONE = [
    "Sales in 2023 were $5 billion.",  # a copula: a state, no event
    "The mayor said on Monday.",  # saying alone
    "It was reported on Monday.",  # ... also as a participle
    "They had a party in Paris.",  # "had" alone is possession, not an event
    "The admitted patients to hospital.",  # an adjective after a determiner
    "Paris Hilton in Rome.",
    "For the quarter ended Sept. 30.",  # a period's end, not an event
    "Mr. Leon speculated on Monday.",  # a guess alone is no event either
]


@pytest.mark.parametrize("clause", NONE)
def test_no_verb_of_an_event(clause: str) -> None:
    assert find_main_verb(clause) is None


@given(st.text(max_size=200))
def test_any_text_gives_a_word_of_it_or_nothing(text: str) -> None:
    found = find_main_verb(text)
    if found is not None:
        assert text[found.start:found.end].lower() == found.word
