"""Where countries are placed: the GeoNames point by default, optionally a point between it and
the middle of the country (``BuildOptions(country_points="between")``)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.boundaries import country_centre
from gazetteer.build import BuildOptions
from gazetteer.index import haversine_km
from gazetteer.sources import COUNTRY_SHIFT_KM, country_point


def test_centre_of_a_country_lies_inside_it() -> None:
    centre = country_centre("FR")
    assert centre is not None
    lat, lon = centre
    assert 44.0 < lat < 49.0 and 0.0 < lon < 5.0  # mainland France, not pulled toward overseas parts
    assert country_centre("ZZ") is None


def test_between_point_is_near_both_conventions_when_they_are_close() -> None:
    # China: the GeoNames point (35, 105) and the middle of its polygon lie a few hundred km apart.
    lat, lon = country_point("CN", 35.0, 105.0)
    centre = country_centre("CN")
    assert centre is not None
    assert (lat, lon) != (35.0, 105.0)
    assert haversine_km(lat, lon, 35.0, 105.0) <= COUNTRY_SHIFT_KM
    assert haversine_km(lat, lon, *centre) <= COUNTRY_SHIFT_KM


def test_between_point_stays_when_the_conventions_are_far_apart() -> None:
    # Canada's GeoNames point sits far west of the middle of the country: no point serves both.
    assert country_point("CA", 60.10867, -113.64258) == (60.10867, -113.64258)


def test_default_index_keeps_the_geonames_point(gazetteer: Gazetteer) -> None:
    china = next(p for p in gazetteer.candidates("china") if p.kind.value == "country")
    assert (china.lat, china.lon) == (35.0, 105.0)


def test_build_option_is_validated() -> None:
    with pytest.raises(ValueError, match="country_points"):
        BuildOptions(country_points="capital")
