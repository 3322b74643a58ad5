"""Contract tests for geopy-compatible geocoders, in the style of geopy's own geocoder tests.

``GeocoderContract`` states what every geocoder offered to geopy users must do; a concrete test
class supplies ``make_geocoder`` and the places it is expected to know. ``OfflineGeocoder`` is
checked against it below (offline only: the online fallback is never contacted in tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer import Gazetteer, GazetteerDataError, OnlineGeocoderError
from gazetteer.geocoder import OfflineGeocoder, format_place
from gazetteer.index import haversine_km


class GeocoderContract:
    """Subclass with ``make_geocoder`` and ``known`` = [(query, lat, lon)] to run the contract."""

    known: ClassVar[list[tuple[str, float, float]]] = []
    unknown_query: ClassVar[str] = "Xqzwv Nonexistentplace"
    tolerance_km: ClassVar[float] = 50.0

    @pytest.fixture
    def geocoder(self) -> Geocoder:
        return self.make_geocoder()

    def make_geocoder(self) -> Geocoder:
        raise NotImplementedError

    # geocode -------------------------------------------------------------------------------

    def test_is_a_geopy_geocoder(self, geocoder: Geocoder) -> None:
        assert isinstance(geocoder, Geocoder)

    def test_geocode_known_places(self, geocoder: Geocoder) -> None:
        for query, lat, lon in self.known:
            location = geocoder.geocode(query)
            assert isinstance(location, Location), query
            assert haversine_km(location.latitude, location.longitude, lat, lon) < self.tolerance_km, query
            assert isinstance(location.raw, dict) and location.raw
            assert location.address

    def test_geocode_exactly_one_false_gives_a_list(self, geocoder: Geocoder) -> None:
        query, lat, lon = self.known[0]
        locations = geocoder.geocode(query, exactly_one=False)
        assert isinstance(locations, list) and locations
        assert all(isinstance(loc, Location) for loc in locations)
        assert haversine_km(locations[0].latitude, locations[0].longitude, lat, lon) < self.tolerance_km

    def test_geocode_empty_result(self, geocoder: Geocoder) -> None:
        assert geocoder.geocode(self.unknown_query) is None
        assert geocoder.geocode(self.unknown_query, exactly_one=False) == []

    # reverse -------------------------------------------------------------------------------

    def test_reverse_string_tuple_and_point(self, geocoder: Geocoder) -> None:
        _, lat, lon = self.known[0]
        for query in (f"{lat}, {lon}", (lat, lon), Point(lat, lon)):
            location = geocoder.reverse(query)
            assert isinstance(location, Location), query
            assert haversine_km(location.latitude, location.longitude, lat, lon) < self.tolerance_km

    def test_reverse_exactly_one_false(self, geocoder: Geocoder) -> None:
        _, lat, lon = self.known[0]
        locations = geocoder.reverse((lat, lon), exactly_one=False)
        assert isinstance(locations, list) and len(locations) >= 1

    # geopy tooling ---------------------------------------------------------------------------

    def test_works_with_rate_limiter(self, geocoder: Geocoder) -> None:
        geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0.0, max_retries=0)
        results = [geocode(q) for q, _, _ in self.known[:3]]
        assert all(isinstance(r, Location) for r in results)


class TestOfflineGeocoder(GeocoderContract):
    known: ClassVar[list[tuple[str, float, float]]] = [
        ("Paris", 48.853, 2.349),
        ("Riyadh", 24.688, 46.722),
        ("Kyiv", 50.454, 30.524),
        ("Saudi Arabia", 25.0, 45.0),
        ("U.S.", 39.76, -98.5),
        ("Paris, Texas", 33.661, -95.556),
        ("Georgia, US", 32.7, -83.4),
    ]
    tolerance_km: ClassVar[float] = 150.0

    @pytest.fixture(autouse=True)
    def _gazetteer(self, gazetteer: Gazetteer) -> None:
        self._g = gazetteer

    def make_geocoder(self) -> Geocoder:
        return OfflineGeocoder(self._g)

    def test_raw_is_the_full_place(self, geocoder: Geocoder) -> None:
        location = geocoder.geocode("Paris")
        assert location.raw["geonameid"] == 2988507
        assert location.raw["kind"] == "city" and location.raw["country_code"] == "FR"
        assert location.raw["source"] == "geotimeline-offline"
        assert location.address == "Paris, Île-de-France, France"

    def test_qualifiers_narrow(self, geocoder: Geocoder) -> None:
        assert geocoder.geocode("Paris, Texas").raw["admin1"] == "Texas"
        assert geocoder.geocode("Paris, FR").raw["geonameid"] == 2988507
        # A qualifier that matches nothing is ignored rather than emptying the answer.
        assert geocoder.geocode("Paris, Atlantis").raw["geonameid"] == 2988507

    def test_bad_queries(self, geocoder: Geocoder) -> None:
        with pytest.raises(GazetteerDataError, match="string"):
            geocoder.geocode(42)  # type: ignore[arg-type]
        with pytest.raises(GazetteerDataError, match="point"):
            geocoder.reverse("north of here")

    def test_limit(self, geocoder: Geocoder) -> None:
        assert len(geocoder.geocode("Springfield", exactly_one=False, limit=2)) == 2

    def test_format_place(self, geocoder: Geocoder) -> None:
        line = format_place(self._g.get(2988507))
        assert line.startswith("Paris [city PPLC, FR / Île-de-France] 48.8534, 2.3488")
        assert "geonames:2988507" in line


class _FakeNominatim:
    """Stands in for the network at the I/O boundary: records calls, answers from a table."""

    def __init__(self, answers: dict[str, list[dict[str, Any]]] | None = None, fail: bool = False) -> None:
        self.answers = answers or {}
        self.fail = fail
        self.calls: list[str] = []

    def geocode(self, query: str, *, exactly_one: bool, **kw: Any) -> list[Location] | None:
        self.calls.append(query)
        if self.fail:
            raise GeocoderUnavailable("no route to host")
        rows = self.answers.get(query, [])
        return [Location(r["display_name"], Point(float(r["lat"]), float(r["lon"])), r) for r in rows] or None


def test_online_fallback_is_off_by_default(gazetteer: Gazetteer) -> None:
    assert OfflineGeocoder(gazetteer).online is False


def test_online_fallback_needs_user_agent_and_cache(gazetteer: Gazetteer, tmp_path: Path) -> None:
    with pytest.raises(GazetteerDataError, match="user_agent"):
        OfflineGeocoder(gazetteer, online=True, online_cache_dir=tmp_path)
    with pytest.raises(GazetteerDataError, match="cache"):
        OfflineGeocoder(gazetteer, online=True, user_agent="geotimeline-tests")


def test_online_fallback_caches_and_spaces_requests(gazetteer: Gazetteer, tmp_path: Path) -> None:
    fake = _FakeNominatim({"Xqzwv Farm Road 12": [{"display_name": "Farm Road 12", "lat": "51.0", "lon": "0.5"}]})
    now = [100.0]
    slept: list[float] = []
    geocoder = OfflineGeocoder(
        gazetteer,
        online=True,
        user_agent="geotimeline-tests",
        online_cache_dir=tmp_path,
        online_geocoder=fake,
        clock=lambda: now[0],
        sleep=slept.append,
    )
    first = geocoder.geocode("Xqzwv Farm Road 12")
    assert first is not None and first.raw["source"] == "nominatim" and first.latitude == 51.0
    assert geocoder.geocode("Xqzwv Farm Road 12") is not None  # from the disk cache
    assert fake.calls == ["Xqzwv Farm Road 12"]
    assert geocoder.geocode("Xqzwv Nowhere") is None
    assert geocoder.geocode("Xqzwv Nowhere") is None  # misses are cached too
    assert fake.calls == ["Xqzwv Farm Road 12", "Xqzwv Nowhere"]
    assert slept == [pytest.approx(1.0)]  # the second request waited out the 1 s spacing
    assert geocoder.geocode("Paris").raw["source"] == "geotimeline-offline"  # offline first


def test_online_fallback_unreachable(gazetteer: Gazetteer, tmp_path: Path) -> None:
    geocoder = OfflineGeocoder(
        gazetteer,
        online=True,
        user_agent="geotimeline-tests",
        online_cache_dir=tmp_path,
        online_geocoder=_FakeNominatim(fail=True),
        sleep=lambda s: None,
    )
    with pytest.raises(OnlineGeocoderError, match="unreachable") as info:
        geocoder.geocode("Xqzwv Farm Road 12")
    assert isinstance(info.value, ConnectionError)
    assert not list(tmp_path.iterdir())  # failures are not cached
