"""The project's own tables: regions, aliases, demonyms and metonyms (on the real index)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, PlaceKind
from gazetteer.index import haversine_km
from gazetteer.sources import read_data_csv


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("Saudi", "SA"),
        ("Dutch", "NL"),
        ("Ukrainian", "UA"),
        ("American", "US"),
        ("Americans", "US"),
        ("British", "GB"),
        ("French", "FR"),
        ("Chinese", "CN"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
    ],
)
def test_demonyms_point_to_their_country(gazetteer: Gazetteer, word: str, iso: str) -> None:
    place = gazetteer.lookup_demonym(word)
    assert place is not None and place.kind is PlaceKind.COUNTRY and place.country_code == iso


@pytest.mark.parametrize(("word", "continent"), [("European", "Europe"), ("African", "Africa"), ("Asian", "Asia")])
def test_continental_adjectives(gazetteer: Gazetteer, word: str, continent: str) -> None:
    place = gazetteer.lookup_demonym(word)
    assert place is not None and place.kind is PlaceKind.CONTINENT and place.name == continent


def test_demonyms_are_not_literal_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup_demonym("Paris") is None
    assert all(p.kind is not PlaceKind.COUNTRY for p in gazetteer.lookup("Russian"))


def test_every_sovereign_country_has_a_demonym(gazetteer: Gazetteer) -> None:
    targets = {row["target"] for row in read_data_csv("demonyms.csv")}
    # UN members and observers that news writes about; dependencies may lack one.
    sovereign = """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI KH CM
    CA CV CF TD CL CN CO KM CD CR CI HR CU CY CZ DK DJ DO TL EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE
    GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT
    LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG KP MK NO OM PK PW PS
    PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA KR SS ES LK SD SR
    SE CH SY TW TJ TZ TH TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW XK""".split()
    missing = [iso for iso in sovereign if iso not in targets]
    assert not missing


@pytest.mark.parametrize(
    ("phrase", "where", "stands_iso"),
    [
        ("the Kremlin", "Kremlin", "RU"),
        ("Kremlin", "Kremlin", "RU"),
        ("the White House", "White House", "US"),
        ("Downing Street", "Downing Street", "GB"),
        ("the Elysee", "Élysée Palace", "FR"),
        ("the Élysée", "Élysée Palace", "FR"),
        ("the Pentagon", "Pentagon", "US"),
        ("Whitehall", "Whitehall", "GB"),
        ("Capitol Hill", "Capitol Hill", "US"),
        ("Zhongnanhai", "Zhongnanhai", "CN"),
        ("Beijing", "Beijing", "CN"),
        ("Washington", "Washington", "US"),
    ],
)
def test_metonyms(gazetteer: Gazetteer, phrase: str, where: str, stands_iso: str) -> None:
    m = gazetteer.lookup_metonym(phrase)
    assert m is not None
    assert m.place.name == where
    assert m.stands_for_place.kind is PlaceKind.COUNTRY and m.stands_for_place.country_code == stands_iso
    assert m.stands_for


def test_brussels_stands_for_the_eu(gazetteer: Gazetteer) -> None:
    m = gazetteer.lookup_metonym("Brussels")
    assert m is not None and m.place.country_code == "BE" and m.stands_for_place.name == "European Union"
    assert gazetteer.lookup_metonym("Riyadh") is not None
    assert gazetteer.lookup_metonym("Springfield") is None


def test_the_kremlin_is_also_a_literal_site_in_moscow(gazetteer: Gazetteer) -> None:
    site = gazetteer.lookup("the Kremlin")[0]
    assert site.kind is PlaceKind.SITE
    assert haversine_km(site.lat, site.lon, 55.75, 37.62) < 2


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Middle East", 29.0, 41.0),
        ("the Gulf", 26.5, 52.0),
        ("Balkans", 43.0, 21.0),
        ("Donbas", 48.0, 38.5),
        ("Gaza Strip", 31.42, 34.36),
        ("West Bank", 32.0, 35.25),
        ("Sahel", 15.0, 5.0),
        ("Scandinavia", 62.0, 14.0),
        ("Crimea", 45.0, 34.0),
        ("South Pacific", -18.0, 179.0),
        ("West Africa", 11.0, -3.0),
        ("Latin America", -8.0, -62.0),
        ("Asia-Pacific", 10.0, 120.0),
        ("Long Island", 40.8, -73.2),
        ("Sulawesi", -2.0, 120.5),
        ("Greater Manchester", 53.5, -2.3),
        ("Galapagos Islands", -0.7, -90.5),
        ("Yellowstone", 44.6, -110.5),
        ("Lake Victoria", -1.0, 33.0),
        ("Nyanza Province", -0.5, 34.6),
        # Water bodies are named areas: their short names resolve as well as their full ones.
        ("the Aegean", 39.0, 25.0),
        ("Pacific", 0.0, -160.0),
    ],
)
def test_regions_rank_first(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    place = gazetteer.lookup(name)[0]
    assert place.kind is PlaceKind.REGION
    assert haversine_km(place.lat, place.lon, lat, lon) < 50


def test_continents_at_their_geonames_points(gazetteer: Gazetteer) -> None:
    europe = gazetteer.lookup("Europe")[0]
    assert europe.kind is PlaceKind.CONTINENT and europe.geonameid == 6255148
    assert gazetteer.lookup("Africa")[0].kind is PlaceKind.CONTINENT


@pytest.mark.parametrize(
    ("alias", "iso"),
    [("UK", "GB"), ("U.K.", "GB"), ("Britain", "GB"), ("Holland", "NL"), ("the Netherlands", "NL"), ("UAE", "AE")],
)
def test_country_aliases(gazetteer: Gazetteer, alias: str, iso: str) -> None:
    place = gazetteer.lookup(alias)[0]
    assert place.kind is PlaceKind.COUNTRY and place.country_code == iso


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Heathrow", 51.47, -0.45),
        ("Stansted", 51.89, 0.24),
        ("Logan Airport", 42.37, -71.01),
        ("Orly Airport", 48.73, 2.37),
    ],
)
def test_airports_by_their_short_names(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    place = gazetteer.lookup(name)[0]
    assert place.feature_code == "AIRP"
    assert haversine_km(place.lat, place.lon, lat, lon) < 5


def test_newfoundland_is_the_province(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Newfoundland")[0]
    assert place.kind is PlaceKind.ADMIN1 and place.country_code == "CA"


def test_region_rows_are_well_formed() -> None:
    rows = read_data_csv("regions.csv")
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate region keys"
    for r in rows:
        assert -90.0 <= float(r["lat"]) <= 90.0 and -180.0 <= float(r["lon"]) <= 180.0, r["key"]
        assert r["kind"] in {"region", "site"}, r["key"]
        assert 0.0 < float(r["importance"]) < 1.0, r["key"]
