from __future__ import annotations

import pytest

from gazetteer import Gazetteer, GazetteerDataError, PlaceKind


def test_reverse_finds_the_nearest_city(gazetteer: Gazetteer) -> None:
    paris = gazetteer.reverse(48.8566, 2.3522)
    assert paris is not None and paris.geonameid == 2988507
    riyadh = gazetteer.reverse(24.69, 46.72)
    assert riyadh is not None and riyadh.name == "Riyadh"


def test_reverse_across_the_antimeridian(gazetteer: Gazetteer) -> None:
    # Suva, Fiji, is at 178.4E; a point just east of 180 must still search the cells west of it.
    place = gazetteer.nearest_city(-18.14, 178.44, max_km=30)
    assert place is not None and place.country_code == "FJ"


def test_reverse_in_the_open_ocean_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.reverse(-40.0, -120.0) is None


def test_reverse_rejects_swapped_coordinates(gazetteer: Gazetteer) -> None:
    with pytest.raises(GazetteerDataError, match="swap"):
        gazetteer.reverse(120.0, 45.0)


def test_nearest_city_respects_the_radius(gazetteer: Gazetteer) -> None:
    assert gazetteer.nearest_city(48.8566, 2.3522, max_km=5) is not None
    place = gazetteer.nearest_city(0.0, -30.0, max_km=50)
    assert place is None or place.kind is PlaceKind.CITY
