"""Resolution rules: priors, qualifiers, document coherence, overrides, roles, confidence."""

from __future__ import annotations

from gazetteer import Gazetteer, MentionRole, Overrides, PlaceKind, find_places
from gazetteer.geoparse import ResolveSettings
from gazetteer.overrides import Override


def resolved(text: str, gazetteer: Gazetteer, **kw: object) -> dict[str, tuple[str | None, str | None]]:
    """surface -> (country code, admin1 code) of its (last) mention."""
    out = {}
    for m in find_places(text, gazetteer=gazetteer, **kw):  # type: ignore[arg-type]
        assert m.place is not None
        out[m.surface] = (m.place.country_code, m.place.admin1_code)
    return out


def test_prior_alone_prefers_the_famous_sense(gazetteer: Gazetteer) -> None:
    (m,) = find_places("They met in Paris.", gazetteer=gazetteer)
    assert m.place is not None and m.place.geonameid == 2988507
    assert any(alt.country_code == "US" for alt in m.alternatives)  # Paris, Texas is kept


def test_qualifier_after_a_comma_chooses_the_contained_sense(gazetteer: Gazetteer) -> None:
    got = resolved("He runs a garden in Paris, Texas, near the border.", gazetteer)
    assert got["Paris"] == ("US", "TX")


def test_capital_qualifier_picks_the_country(gazetteer: Gazetteer) -> None:
    got = resolved("Georgia's capital Tbilisi hosted the talks.", gazetteer)
    assert got["Georgia"][0] == "GE" and got["Tbilisi"][0] == "GE"


def test_containing_state_decides_a_country_versus_state_name(gazetteer: Gazetteer) -> None:
    got = resolved("The storm hit Atlanta, Georgia, and Savannah before reaching Florida.", gazetteer)
    assert got["Georgia"] == ("US", "GA")


def test_co_mentioned_region_moves_a_town(gazetteer: Gazetteer) -> None:
    text = (
        "Police in Alberta said the crash happened near Red Deer. Calgary and Edmonton crews helped, "
        "and the road to Edmonton reopened."
    )
    got = resolved(text, gazetteer)
    assert got["Edmonton"] == ("CA", "01")


def test_one_sense_per_document(gazetteer: Gazetteer) -> None:
    text = "Flooding in Paris, Texas. Later, Paris officials asked for help."
    places = {m.place.geonameid for m in find_places(text, gazetteer=gazetteer) if m.surface == "Paris" and m.place}
    assert len(places) == 1


def test_countries_resolve_to_countries_not_namesake_towns(gazetteer: Gazetteer) -> None:
    text = "US and Russia met in Texas, Ohio and Florida; Russia agreed."
    for m in find_places(text, gazetteer=gazetteer):
        if m.surface == "Russia":
            assert m.place is not None and m.place.kind is PlaceKind.COUNTRY


def test_overrides_pin_and_block(gazetteer: Gazetteer) -> None:
    texas = next(p for p in gazetteer.lookup("Paris") if p.country_code == "US" and p.admin1_code == "TX")
    pin = Overrides(rows=(Override(surface="Paris", action="pin", geonameid=texas.geonameid),))
    (m,) = find_places("They met in Paris.", gazetteer=gazetteer, overrides=pin)
    assert m.place == texas and m.confidence == 1.0
    block = Overrides(rows=(Override(surface="Paris", action="block", geonameid=None),))
    assert find_places("They met in Paris.", gazetteer=gazetteer, overrides=block) == []


def test_metonymic_subjects_of_speech_verbs(gazetteer: Gazetteer) -> None:
    ms = find_places("Washington and Moscow agreed on a plan. Talks in Moscow ended.", gazetteer=gazetteer)
    roles = [(m.surface, m.role) for m in ms]
    assert roles == [
        ("Washington", MentionRole.METONYMIC),
        ("Moscow", MentionRole.METONYMIC),
        ("Moscow", MentionRole.LITERAL),
    ]


def test_capital_as_agent_is_metonymic(gazetteer: Gazetteer) -> None:
    ms = find_places("Riyadh facilitated the exchange of prisoners.", gazetteer=gazetteer)
    assert [(m.surface, m.role) for m in ms] == [("Riyadh", MentionRole.METONYMIC)]


def test_site_metonym_role(gazetteer: Gazetteer) -> None:
    said = find_places("The Kremlin said no.", gazetteer=gazetteer)
    visit = find_places("Tourists queued outside the Kremlin.", gazetteer=gazetteer)
    assert [m.role for m in said] == [MentionRole.METONYMIC]
    assert [m.role for m in visit] == [MentionRole.LITERAL]


def test_confidence_is_lower_for_ambiguous_names(gazetteer: Gazetteer) -> None:
    (clear,) = find_places("Flights to Riyadh resumed.", gazetteer=gazetteer)
    (vague,) = find_places("Flights to Springfield resumed.", gazetteer=gazetteer)
    assert 0.0 <= vague.confidence < clear.confidence <= 1.0
    assert vague.alternatives


def test_settings_change_acceptance(gazetteer: Gazetteer) -> None:
    text = "The meeting took place in Innisfail."
    assert [m.surface for m in find_places(text, gazetteer=gazetteer)] == ["Innisfail"]
    strict = ResolveSettings(accept=2.0, accept_weak=2.0, accept_weak_locative=2.0)
    assert find_places(text, gazetteer=gazetteer, settings=strict) == []


def test_state_word_selects_the_subdivision(gazetteer: Gazetteer) -> None:
    got = resolved("A cow from a Washington state farm tested positive.", gazetteer)
    assert got["Washington"] == ("US", "WA")
    got = resolved("Cases rose in the state of New York.", gazetteer)
    assert got["New York"][0] == "US" and got["New York"][1] == "NY"


def test_lists_of_subdivisions_are_homogeneous(gazetteer: Gazetteer) -> None:
    text = "Cases were reported in Oregon, Utah, Washington and Wisconsin."
    places = {m.surface: m.place for m in find_places(text, gazetteer=gazetteer)}
    washington = places["Washington"]
    assert washington is not None and washington.kind is PlaceKind.ADMIN1


def test_sibling_subdivisions_choose_the_state(gazetteer: Gazetteer) -> None:
    text = "States reporting cases are Arizona, California, Colorado, Georgia, Illinois and Missouri."
    places = {m.surface: m.place for m in find_places(text, gazetteer=gazetteer)}
    georgia = places["Georgia"]
    assert georgia is not None and georgia.country_code == "US"


def test_a_place_really_called_so_beats_a_larger_namesake_by_alternate_name(gazetteer: Gazetteer) -> None:
    (m,) = find_places("Foreign ministers met in Geneva on Monday.", gazetteer=gazetteer)
    assert m.place is not None and m.place.kind is PlaceKind.CITY and m.place.country_code == "CH"


def test_local_story_of_a_state_moves_a_famous_town_name(gazetteer: Gazetteer) -> None:
    # The state named twice (a dateline and a county of it), no other country touched: the
    # town is the state's own London, not the British capital.
    text = (
        "CORBIN, Ky. - A truck left the road in Whitley County on Tuesday night. "
        "The driver, a 40-year-old man from London, was treated and released."
    )
    got = resolved(text, gazetteer)
    assert got["London"] == ("US", "KY")


def test_one_mention_of_a_state_does_not_make_a_story_local(gazetteer: Gazetteer) -> None:
    text = "A Kentucky distiller opened a shop in London last week, its first abroad."
    got = resolved(text, gazetteer)
    assert got["London"] == ("GB", "ENG")


def test_a_local_story_keeps_a_famous_town_in_a_country_it_names(gazetteer: Gazetteer) -> None:
    # The better-known sense's own country is named, so the story is not purely local.
    text = "CORBIN, Ky. - Whitley County schools will send a choir to England; the pupils will sing in London in May."
    got = resolved(text, gazetteer)
    assert got["London"] == ("GB", "ENG")


def test_new_york_alone_is_the_city(gazetteer: Gazetteer) -> None:
    (m,) = find_places("The two rivals had lunch in New York on Friday.", gazetteer=gazetteer)
    assert m.place is not None and m.place.kind is PlaceKind.CITY and m.place.admin1_code == "NY"


def test_new_york_with_a_state_cue_is_the_state(gazetteer: Gazetteer) -> None:
    for text in (
        "New York Gov. Jane Doe signed the bill.",
        "Farmers across New York state lost their crops.",
        "A boy from Albany, New York, recovered.",
        "Cases rose in Vermont, New York and Maine.",
    ):
        places = {m.surface: m.place for m in find_places(text, gazetteer=gazetteer)}
        ny = places["New York"]
        assert ny is not None and ny.kind is PlaceKind.ADMIN1, text


def test_a_governor_names_the_state_not_the_town(gazetteer: Gazetteer) -> None:
    got = resolved("Washington Governor Jay Smith toured the orchards.", gazetteer)
    assert got["Washington"] == ("US", "WA")


def test_support_shared_with_a_compatriot_namesake_does_not_favour_the_famous_one(gazetteer: Gazetteer) -> None:
    # Both Austins are in the United States: naming the country must not pull towards Texas,
    # while the state and a neighbouring town pull towards Indiana.
    text = (
        "Officials in the United States said the outbreak began in Austin, a small town in southern "
        "Indiana. Nurses from Scottsburg and Indianapolis went to Austin to help."
    )
    got = resolved(text, gazetteer)
    assert got["Austin"] == ("US", "IN")


def test_shared_country_support_does_not_make_a_surname_a_place(gazetteer: Gazetteer) -> None:
    # "Campbell" here is a company's name; small US towns bear it, and the story is about Texas,
    # but support shared by every US namesake is no evidence that a place is meant.
    text = "Workers of the Campbell Soup Company in Texas and in Paris, Texas, were thanked."
    assert "Campbell" not in resolved(text, gazetteer)


def test_among_namesake_counties_the_state_named_most_wins(gazetteer: Gazetteer) -> None:
    # Both states are named at least twice (the support saturates there); Missouri more often.
    text = (
        "After years in Indiana, where Indiana land grew too dear, the family bought a farm in Monroe "
        "County. Missouri has cheap pasture, Missouri ranchers welcomed them, and they sell cattle "
        "across Missouri."
    )
    got = resolved(text, gazetteer)
    assert got["Monroe County"] == ("US", "MO")


def test_a_short_form_takes_the_sense_of_its_full_form_in_the_story(gazetteer: Gazetteer) -> None:
    text = "Nyanza Province reported most of the new cases. Health teams in Nyanza asked for more tents."
    places = [m.place for m in find_places(text, gazetteer=gazetteer)]
    assert len(places) == 2 and all(p is not None and p.country_code == "KE" for p in places)


def test_a_country_name_stays_the_country_beside_its_namesake_province(gazetteer: Gazetteer) -> None:
    text = "Farmers in eastern Panama fear the drought; in Chepo (Panamá Province) wells ran dry."
    places = {m.surface: m.place for m in find_places(text, gazetteer=gazetteer)}
    assert places["Panama"] is not None and places["Panama"].kind is PlaceKind.COUNTRY


def test_a_county_gets_its_country_support_in_full(gazetteer: Gazetteer) -> None:
    # One vote each for the United States (a demonym) and the United Kingdom: the English
    # county and the Maryland town of the name are otherwise nearly equal, and a county lies in
    # its country as surely as a town does (wide regions get half).
    got = resolved("An American tourist was robbed in Essex, police in the United Kingdom said.", gazetteer)
    assert got["Essex"] == ("GB", "ENG")


def test_among_namesakes_the_country_named_most_wins(gazetteer: Gazetteer) -> None:
    # Both countries are named three times or more (the support saturates there); the
    # Philippines more often, so its province beats the Californian town of the same name.
    text = (
        "The Philippines culled pigs at a farm in Laguna. The Philippine government and Filipino "
        "farmers argued; the Philippines asked for calm. The United States, the U.S. embassy and "
        "American aid groups offered help."
    )
    got = resolved(text, gazetteer)
    assert got["Laguna"][0] == "PH"


def test_a_province_after_a_comma_qualifies_a_town_in_it(gazetteer: Gazetteer) -> None:
    text = "Floods cut the road to Santa Maria, Davao del Sur, on Monday."
    places = {m.surface: m.place for m in find_places(text, gazetteer=gazetteer)}
    town, province = places["Santa Maria"], places["Davao del Sur"]
    assert town is not None and province is not None
    assert town.country_code == "PH" and abs(town.lat - province.lat) < 1.0


def test_a_province_after_a_town_is_the_province(gazetteer: Gazetteer) -> None:
    got = {m.surface: m.place for m in find_places("Pigs died in Pandi, Bulacan, last week.", gazetteer=gazetteer)}
    assert got["Bulacan"] is not None and got["Bulacan"].kind is PlaceKind.REGION
