"""Recognition rules of the default gazetteer-scan recogniser, on the real index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Gazetteer, MentionRole, PlaceKind, find_places
from gazetteer.geoparse import Cue, GazetteerRecogniser, Recogniser
from gazetteer.geoparse.recognise import _span_key, _tokens_of
from gazetteer.geoparse.tokens import TOKEN_RE, find_runs, first_key, split_tokens
from gazetteer.index import FirstWordTable
from gazetteer.normalise import normalise_name

# Words that make runs with every kind of separator: spaces, connectors, hyphens, "d'".
_RUN_WORDS = [
    "The",
    "Hague",
    "St.",
    "Louis",
    "of",
    "the",
    "Côte",
    "d'Ivoire",
    "-",
    "US-Russia",
    "New",
    "York",
    "and",
    "Mt",
]


def found(text: str, gazetteer: Gazetteer, **kw: object) -> list[str]:
    return [m.surface for m in find_places(text, gazetteer=gazetteer, **kw)]  # type: ignore[arg-type]


def test_default_recogniser_satisfies_the_protocol() -> None:
    assert isinstance(GazetteerRecogniser(), Recogniser)


def test_multiword_longest_match(gazetteer: Gazetteer) -> None:
    assert found("Officials met in Saudi Arabia and the United States.", gazetteer) == [
        "Saudi Arabia",
        "United States",
    ]


def test_possessive_and_hyphenated_forms(gazetteer: Gazetteer) -> None:
    assert found("Russia's army and the US-Russia talks", gazetteer) == ["Russia", "US", "Russia"]


def test_abbreviation_keeps_its_full_stop(gazetteer: Gazetteer) -> None:
    ms = find_places("Sanctions imposed by the U.S. were lifted.", gazetteer=gazetteer)
    assert [(m.surface, m.place.country_code if m.place else None) for m in ms] == [("U.S.", "US")]


def test_ap_state_abbreviation_in_a_dateline(gazetteer: Gazetteer) -> None:
    ms = find_places("COLUMBIA, Ky. (WBKO) - A man was arrested.", gazetteer=gazetteer)
    ky = [m for m in ms if m.surface == "Ky."]
    assert ky and ky[0].place is not None and ky[0].place.name == "Kentucky"


def test_degree_letters_are_not_a_state(gazetteer: Gazetteer) -> None:
    assert "M.D." not in found("Maury Rosenstein, M.D., joined the staff.", gazetteer)


def test_us_county_is_one_mention_placed_in_its_state(gazetteer: Gazetteer) -> None:
    ms = find_places("A Metcalfe County man was arrested in Kentucky.", gazetteer=gazetteer)
    county = [m for m in ms if m.surface == "Metcalfe County"]
    assert county and county[0].place is not None and county[0].place.admin1_code == "KY"
    if county[0].place.kind is PlaceKind.ADMIN1:
        assert county[0].confidence < 0.5  # placed at its state, not at the county itself
    assert "Metcalfe" not in [m.surface for m in ms]


def test_person_names_are_not_places(gazetteer: Gazetteer) -> None:
    assert found("Paris Hilton arrived late.", gazetteer) == []
    assert found("Michael Jordan scored. Later Jordan said he was tired.", gazetteer) == []
    assert found("President Jordan met the press.", gazetteer) == []


def test_country_named_like_a_person_still_found_with_of(gazetteer: Gazetteer) -> None:
    ms = find_places("King Abdullah of Jordan visited Cairo.", gazetteer=gazetteer)
    assert [(m.surface, m.place.country_code if m.place else None) for m in ms] == [("Jordan", "JO"), ("Cairo", "EG")]


def test_common_words_at_a_sentence_start_are_not_places(gazetteer: Gazetteer) -> None:
    assert found("Will the talks go on? Reading the report, Mobile phones rang.", gazetteer) == []


def test_common_word_city_with_a_locative_cue_is_found(gazetteer: Gazetteer) -> None:
    ms = find_places("Tourists returned to Nice after the attack.", gazetteer=gazetteer)
    assert [(m.surface, m.place.country_code if m.place else None) for m in ms] == [("Nice", "FR")]


def test_titles_months_and_compass_words_alone_are_not_places(gazetteer: Gazetteer) -> None:
    assert found("In March, Dr. Smith went South with General Lee.", gazetteer) == []


def test_acronyms_of_organisations_are_not_towns(gazetteer: Gazetteer) -> None:
    assert found("The UN and the WHO said HIV cases rose.", gazetteer) == []


def test_currency_prefix_is_not_a_country(gazetteer: Gazetteer) -> None:
    assert found("a US$460 million settlement", gazetteer) == []


def test_places_inside_organisation_names_are_flagged(gazetteer: Gazetteer) -> None:
    ms = find_places("The Paris Police Department and the Bank of England said so.", gazetteer=gazetteer)
    by = {m.surface: m for m in ms}
    assert by["Paris"].in_organisation and by["England"].in_organisation


def test_demonyms_are_associative(gazetteer: Gazetteer) -> None:
    ms = find_places("Russian officials and European leaders met the Dutch Prime Minister.", gazetteer=gazetteer)
    got = {(m.surface, m.role, m.place.name if m.place else None) for m in ms}
    assert ("Russian", MentionRole.ASSOCIATIVE, "Russia") in got
    assert ("European", MentionRole.ASSOCIATIVE, "Europe") in got
    assert any(s == "Dutch" and r is MentionRole.ASSOCIATIVE for s, r, _ in got)


def test_plural_demonyms(gazetteer: Gazetteer) -> None:
    ms = find_places("They worked with the Americans.", gazetteer=gazetteer)
    assert [(m.surface, m.role) for m in ms] == [("Americans", MentionRole.ASSOCIATIVE)]


def test_languages_are_not_associative_mentions(gazetteer: Gazetteer) -> None:
    assert found("The gunman shouted in Turkish, then left.", gazetteer) == []


def test_demonyms_can_be_switched_off(gazetteer: Gazetteer) -> None:
    assert found("Russian officials met in Riyadh.", gazetteer, include_associative=False) == ["Riyadh"]


def test_site_metonym_is_recognised(gazetteer: Gazetteer) -> None:
    spans = GazetteerRecogniser().recognise("The Kremlin denied it.", gazetteer)
    assert [(s.surface, s.cue) for s in spans] == [("Kremlin", Cue.METONYM)]


def test_headline_words_are_not_places(gazetteer: Gazetteer) -> None:
    text = "US and Russia Set for Crucial Talks on Ukraine Peace Efforts in Riyadh\nThe talks begin."
    assert found(text, gazetteer) == ["US", "Russia", "Ukraine", "Riyadh"]


def test_county_table_knows_the_states_of_a_county_name() -> None:
    from gazetteer.geoparse.divisions import county_states

    assert county_states("metcalfe county") == {"KY"}
    assert len(county_states("monroe county")) > 5
    assert county_states("atlantis county") == frozenset()


def test_organisation_head_words_are_not_places(gazetteer: Gazetteer) -> None:
    assert found("The Federal Reserve raised rates.", gazetteer) == []


def test_first_word_table_merge_keeps_the_larger_count() -> None:
    table = FirstWordTable({"new": 3}, frozenset({"new york city", "new", "paris"}))
    merged = table.merged({"paris": 2, "new": 2, "kremlin": 1})
    assert dict(merged) == {"new": 3, "paris": 2, "kremlin": 1}
    assert dict(table) == {"new": 3, "paris": 1}  # the original is unchanged


@given(st.lists(st.sampled_from(_RUN_WORDS), min_size=1, max_size=6).map(" ".join))
def test_window_keys_are_normalised_text(text: str) -> None:
    # The scanner builds the key of a token window from its tokens' keys; it must be exactly the
    # key of the window's text, for every window of every run.
    for run in find_runs(text):
        toks = tuple((t.start, t.end, t.text) for t in split_tokens(run.text))
        tkeys = tuple(first_key(t[2]) for t in toks)
        seps = tuple(run.text[toks[k][1] : toks[k + 1][0]] for k in range(len(toks) - 1))
        for i in range(len(toks)):
            for j in range(i + 1, len(toks) + 1):
                expected = normalise_name(run.text[toks[i][0] : toks[j - 1][1]])
                assert _span_key(run.text, toks, tkeys, seps, i, j) == expected


_TOKENISER_TEXT = st.lists(
    st.sampled_from([*_RUN_WORDS, " ", "  ", "\t", "O'Hare", "ǅemal", "Åland", "eBay", "W.", "U.S.", "Ky."])
    | st.text(),
    max_size=8,
).map(" ".join)


@given(_TOKENISER_TEXT)
def test_run_tokens_are_the_token_regex_matches(text: str) -> None:
    # Plain runs are split at spaces instead of re-scanned: the tokens must be the regex's own.
    for run in find_runs(text):
        expected = tuple((m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(run.text))
        assert _tokens_of(run.text) == expected
