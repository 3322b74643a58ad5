from __future__ import annotations

import pytest

from gazetteer import Gazetteer, GazetteerDataError, PlaceKind
from gazetteer.boundaries import country_at, country_feature, country_geojson


def test_feature_collection_shape() -> None:
    fc = country_geojson()
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) > 170
    for f in fc["features"]:
        props = f["properties"]
        assert set(props) == {"iso_a2", "iso_a3", "name"}
        assert len(props["iso_a2"]) == 2 and props["iso_a2"].isupper()
        assert len(props["iso_a3"]) == 3 and props["iso_a3"] != "-99"
        assert f["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    codes = {f["properties"]["iso_a2"] for f in fc["features"]}
    # Natural Earth marks these "-99" in some releases; the converter must have fixed them.
    assert {"FR", "NO", "XK"} <= codes


def test_coordinates_are_lon_lat_and_rounded() -> None:
    feature = country_feature("fr")
    assert feature is not None and feature["properties"]["name"] == "France"
    polygons = feature["geometry"]["coordinates"]
    lon, lat = polygons[0][0][0] if feature["geometry"]["type"] == "MultiPolygon" else polygons[0][0]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert round(lon, 3) == lon and round(lat, 3) == lat
    assert country_feature("ZZ") is None


def test_copies_are_independent() -> None:
    a = country_geojson()
    a["features"].clear()
    assert country_geojson()["features"]


@pytest.mark.parametrize(
    ("lat", "lon", "iso"),
    [
        (48.85, 2.35, "FR"),
        (39.76, -98.5, "US"),
        (60.0, 100.0, "RU"),
        (25.0, 45.0, "SA"),
        (49.0, 32.0, "UA"),
        (-29.5, 28.2, "LS"),  # Lesotho, a hole in South Africa's polygon
        (-29.0, 24.0, "ZA"),
        (42.6, 21.0, "XK"),
        (66.0, -170.0, "RU"),  # Chukotka, east of the antimeridian
        (-17.8, 178.0, "FJ"),
        (4.0, -53.0, "FR"),  # French Guiana belongs to France's feature
    ],
)
def test_country_at(lat: float, lon: float, iso: str) -> None:
    assert country_at(lat, lon) == iso


def test_country_at_sea_and_bad_input() -> None:
    assert country_at(0.0, -30.0) is None
    with pytest.raises(GazetteerDataError, match="swap"):
        country_at(200.0, 10.0)


def test_reverse_falls_back_to_the_country(gazetteer: Gazetteer) -> None:
    # The middle of the Rub' al Khali: no town within 30 km, but inside Saudi Arabia.
    place = gazetteer.reverse(20.0, 50.0)
    assert place is not None and place.kind is PlaceKind.COUNTRY and place.country_code == "SA"
