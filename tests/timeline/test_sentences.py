from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.sentences import split_clauses, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith met the U.S. envoy on Feb. 3 in St. Louis. J. R. Doe left. Then it rained!"
    assert texts(text) == ["Mr. Smith met the U.S. envoy on Feb. 3 in St. Louis.", "J. R. Doe left.",
                           "Then it rained!"]


def test_headlines_and_paragraphs_are_their_own_segments() -> None:
    text = "Talks in Riyadh\n\nOfficials met. They talked.\nSecond line here.\n\nA new paragraph"
    assert texts(text) == ["Talks in Riyadh", "Officials met.", "They talked.", "Second line here.",
                           "A new paragraph"]


def test_hard_wrapped_prose_is_not_taken_for_headlines() -> None:
    text = ("Officials are due to meet in Riyadh, the Saudi capital, on Tuesday\n"
            "for their first talks since the invasion. The meeting follows a call between the two\n"
            "Presidents last week. The Kremlin described the\n"
            "call as long.")
    assert [s.text.replace("\n", " ") for s in split_sentences(text)] == [
        "Officials are due to meet in Riyadh, the Saudi capital, on Tuesday for their first talks since the "
        "invasion.",
        "The meeting follows a call between the two Presidents last week.",
        "The Kremlin described the call as long.",
    ]


def test_headlines_above_prose_without_a_blank_line_stay_apart() -> None:
    text = ("Floods Force Evacuations Along the Danube\n"
            "Rescue crews evacuated thousands of residents on Tuesday as the river rose to levels\n"
            "not seen since 2002.\n"
            "# Storm Boris\n"
            "The storm dumped record rain.")
    assert [s.text.split("\n")[0] for s in split_sentences(text)] == [
        "Floods Force Evacuations Along the Danube",
        "Rescue crews evacuated thousands of residents on Tuesday as the river rose to levels",
        "# Storm Boris",
        "The storm dumped record rain.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert texts("“We agree,” he said. “Good.” She left.") == ["“We agree,” he said.", "“Good.”", "She left."]


def test_coordinated_clauses_split_before_a_verb() -> None:
    (sentence,) = split_sentences("Russia has held parts of Ukraine since 2014 and launched an invasion in 2022.")
    assert [c.text for c in split_clauses(sentence)] == ["Russia has held parts of Ukraine since 2014",
                                                         "launched an invasion in 2022."]
    (plain,) = split_sentences("France and Britain called for guarantees.")
    assert [c.text for c in split_clauses(plain)] == ["France and Britain called for guarantees."]
    (passive,) = split_sentences("He was arrested in 2022 and has been held since October.")
    assert [c.text for c in split_clauses(passive)] == ["He was arrested in 2022", "has been held since October."]


@given(st.text())
def test_spans_always_slice_back(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
        for clause in split_clauses(sentence):
            assert text[clause.start:clause.end] == clause.text
