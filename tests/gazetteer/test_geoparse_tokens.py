"""Capitalised runs: the grammar every place mention starts from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.geoparse.tokens import find_runs, first_key, is_sentence_start, line_is_headline, split_tokens
from gazetteer.normalise import normalise_name


def runs(text: str) -> list[str]:
    return [r.text for r in find_runs(text)]


def test_runs_join_capitals_and_connectors_but_not_sentences() -> None:
    assert runs("talks in Saudi Arabia. This week") == ["Saudi Arabia", "This"]
    assert runs("the Bank of England, Rio de Janeiro") == ["Bank of England", "Rio de Janeiro"]
    # "and" joins too ("Trinidad and Tobago"): a run is a window for the longest match.
    assert runs("France and Britain") == ["France and Britain"]
    assert runs("Democratic Republic of the Congo") == ["Democratic Republic of the Congo"]


def test_possessive_is_not_part_of_a_token() -> None:
    assert runs("Russia's invasion and Russia’s army") == ["Russia", "Russia"]


def test_contractions_do_not_make_tokens() -> None:
    assert runs("I’ve said it") == ["I"]
    assert runs("Don't go") == ["Don"]


def test_hyphenated_pairs_form_one_run_with_two_tokens() -> None:
    (run,) = find_runs("the US-Russia talks")
    assert run.text == "US-Russia"
    assert [t.text for t in split_tokens(run.text)] == ["US", "Russia"]


def test_lowercase_after_hyphen_ends_the_run() -> None:
    assert runs("the U.S.-led coalition") == ["U.S."]


def test_hyphened_arabic_article_and_persian_ezafe_join_a_run() -> None:
    assert runs("a summit in Sharm el-Sheikh, then Ras al-Khaimah") == ["Sharm el-Sheikh", "Ras al-Khaimah"]
    assert runs("fighting near Mazar-i-Sharif") == ["Mazar-i-Sharif"]
    # the article alone opens no run, and a lower-case word after it is no name
    assert runs("fighters of al-Shabaab in Somalia") == ["Shabaab", "Somalia"]
    assert runs("the Gulf al-based group") == ["Gulf"]


def test_abbreviations_keep_their_full_stops() -> None:
    assert runs("COLUMBIA, Ky. (WBKO)") == ["COLUMBIA", "Ky.", "WBKO"]
    assert runs("in the U.S. today") == ["U.S."]
    assert runs("St. Louis") == ["St. Louis"]


def test_unicode_capitals_start_tokens() -> None:
    assert runs("in Łódź, Århus, near Ürümqi") == ["Łódź", "Århus", "Ürümqi"]
    assert runs("Côte d'Ivoire") == ["Côte d'Ivoire"]


def test_no_token_starts_inside_a_word() -> None:
    assert runs("McDonald and iPhone") == ["McDonald"]


def test_offsets_point_into_the_text() -> None:
    text = "Talks in Riyadh, then Paris."
    for r in find_runs(text):
        assert text[r.start : r.end] == r.text
        for t in split_tokens(r.text, r.start):
            assert text[t.start : t.end] == t.text


def test_sentence_start() -> None:
    text = 'Paris is big. "Nice" is small.\nReading, too; Mobile'
    assert is_sentence_start(text, 0)
    assert is_sentence_start(text, text.index("Nice"))
    assert is_sentence_start(text, text.index("Reading"))
    assert is_sentence_start(text, text.index("Mobile"))
    assert not is_sentence_start(text, text.index("big"))


def test_headline_detection() -> None:
    text = "Top US and Russian Officials to Meet in Riyadh Over Ukraine\nThe officials met in Riyadh on Monday."
    assert line_is_headline(text, 5)
    assert not line_is_headline(text, text.index("officials"))


def test_peoples_republic_is_one_name_but_other_possessives_are_not() -> None:
    assert runs("the People's Republic of China") == ["People's Republic of China"]
    assert runs("Russia's Vladimir Putin") == ["Russia", "Vladimir Putin"]


# --- first_key: normalise_name's shortcut for plain words ---------------------------------------

_WORDS = ["Paris", "Santa", "Maria", "The", "the", "St", "St.", "Mt", "Hague", "São", "Łódź", "O'Hare", "U.S."]


@pytest.mark.parametrize(
    "name", ["Paris", "Santa Maria", "The Hague", "St Louis", "Isle of the Dead", "Ivano-Frankivsk", "São Paulo", ""]
)
def test_first_key_is_normalise_name(name: str) -> None:
    assert first_key(name) == normalise_name(name)


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=4).map(" ".join))
def test_first_key_is_normalise_name_on_any_text(name: str) -> None:
    assert first_key(name) == normalise_name(name)
