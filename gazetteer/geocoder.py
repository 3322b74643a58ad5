"""A geopy-compatible geocoder over the offline gazetteer, with an opt-in online fallback.

``OfflineGeocoder`` subclasses :class:`geopy.geocoders.base.Geocoder`, so code written for any
geopy geocoder (``RateLimiter``, pandas ``.apply``) can swap it in. This module is the one
adapter to geopy in the package.

Forward geocoding: a query ``"name[, qualifier...]"`` looks the name up (ranked by prior); each
qualifier, itself looked up, narrows the candidates to places in that country or admin1 when
any match ("Paris, Texas", "Georgia, US"). Reverse geocoding is :meth:`Gazetteer.reverse`
(nearest town within 30 km, else the country containing the point). Results are
:class:`geopy.location.Location` objects whose ``raw`` is the full place as a dict.

Online fallback (off unless ``online=True``): when the gazetteer knows nothing, ask
OpenStreetMap's Nominatim through geopy, at most one request per second, with a timeout and a
user agent that the caller must give, caching every answer (hits and misses) as JSON files in
``online_cache_dir``. Network failures raise :class:`gazetteer.errors.OnlineGeocoderError`.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.errors import GazetteerDataError, OnlineGeocoderError, PlaceNotFound
from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.model import Place, PlaceKind

__all__ = ["OfflineGeocoder", "format_place", "place_address", "place_to_dict"]

# Nominatim's usage policy: an identifying user agent and at most one request per second.
_ONLINE_MIN_INTERVAL_S = 1.0
_ONLINE_TIMEOUT_S = 10.0
_CACHE_FORMAT = 1


def place_to_dict(place: Place) -> dict[str, Any]:
    """The place as plain JSON-ready data (``kind`` as its string value)."""
    data = asdict(place)
    data["kind"] = place.kind.value
    return data


def place_address(place: Place, *, country_name: str | None = None) -> str:
    """A human-readable address: "Paris, Île-de-France, France"."""
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name and place.kind is PlaceKind.CITY:
        parts.append(place.admin1)
    if place.kind not in (PlaceKind.COUNTRY, PlaceKind.CONTINENT):
        tail = country_name or place.country_code
        if tail and tail != place.name:
            parts.append(tail)
    return ", ".join(parts)


def format_place(place: Place) -> str:
    """One line for terminals: name, kind, country/admin1, coordinates and GeoNames id."""
    where = " / ".join(x for x in (place.country_code, place.admin1 if place.kind is PlaceKind.CITY else None) if x)
    ident = f"geonames:{place.geonameid}" if place.geonameid is not None else "geotimeline table"
    code = f" {place.feature_code}" if place.feature_code else ""
    pop = f" pop {place.population:,}" if place.population else ""
    return (
        f"{place.name} [{place.kind.value}{code}{', ' + where if where else ''}] "
        f"{place.lat:.4f}, {place.lon:.4f} ({ident}{pop})"
    )


class OfflineGeocoder(Geocoder):
    """geopy geocoder answering from the offline gazetteer (see the module docstring).

    ``online=True`` enables the Nominatim fallback and then requires ``user_agent``.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        online: bool = False,
        user_agent: str | None = None,
        online_cache_dir: Path | None = None,
        timeout: float = _ONLINE_TIMEOUT_S,
        online_geocoder: Any = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(user_agent=user_agent, timeout=timeout)
        self._gazetteer = gazetteer
        self.online = online
        if online and not user_agent:
            raise GazetteerDataError("the online fallback needs a user_agent naming your application")
        if online and online_cache_dir is None:
            raise GazetteerDataError("the online fallback needs an online_cache_dir for its on-disk cache")
        self._online_cache_dir = online_cache_dir
        self._online_geocoder = online_geocoder  # injected for tests of the cache; built lazily otherwise
        self._clock = clock
        self._sleep = sleep
        self._last_request = -_ONLINE_MIN_INTERVAL_S
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    # -- forward ---------------------------------------------------------------------------

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL, limit: int | None = None
    ) -> Location | list[Location] | None:
        """Places matching ``query``, best first: one ``Location`` (or None) or a list."""
        if not isinstance(query, str):
            raise GazetteerDataError(f"geocode() takes a place name as a string, got {type(query).__name__}")
        places = self.find(query)
        if not places and self.online:
            return self._online_geocode(query, exactly_one=exactly_one, timeout=timeout)
        if not places:
            return None if exactly_one else []
        if exactly_one:
            return self._location(places[0])
        chosen = places if limit is None else places[:limit]
        return [self._location(p) for p in chosen]

    def find(self, query: str) -> list[Place]:
        """Candidates for ``"name[, qualifier...]"``, narrowed by each qualifier that matches."""
        name, *qualifiers = [part.strip() for part in query.split(",")]
        places = self.gazetteer.lookup(name)
        if not places:
            places = self.gazetteer.lookup(query)  # a name with a comma in it
            qualifiers = []
        for qualifier in qualifiers:
            if not qualifier:
                continue
            narrowed = [p for p in places if self._within(p, qualifier)]
            if narrowed:
                places = narrowed
        return places

    def _within(self, place: Place, qualifier: str) -> bool:
        if len(qualifier) == 2 and qualifier.isalpha() and qualifier.upper() == place.country_code:
            return True
        for q in self.gazetteer.lookup(qualifier, kinds=(PlaceKind.COUNTRY, PlaceKind.ADMIN1), limit=5):
            if q.kind is PlaceKind.COUNTRY and q.country_code == place.country_code and q != place:
                return True
            if q.kind is PlaceKind.ADMIN1 and q.country_code == place.country_code and q.admin1 == place.admin1:
                return q != place
        return False

    # -- reverse ---------------------------------------------------------------------------

    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """The place at a point (``"lat, lon"``, ``(lat, lon)`` or a geopy ``Point``)."""
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (ValueError, TypeError) as exc:
            raise GazetteerDataError(f"reverse() needs a point such as '48.85, 2.35', got {query!r}: {exc}") from exc
        place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None if exactly_one else []
        location = self._location(place)
        return location if exactly_one else [location]

    # -- shared ----------------------------------------------------------------------------

    def _location(self, place: Place) -> Location:
        country_name = None
        if place.country_code:
            try:
                country_name = self.gazetteer.country(place.country_code).name
            except PlaceNotFound:
                country_name = None
        raw = place_to_dict(place)
        raw["address"] = place_address(place, country_name=country_name)
        raw["source"] = "geotimeline-offline"
        return Location(raw["address"], Point(place.lat, place.lon), raw)

    # -- online fallback (opt-in) ------------------------------------------------------------

    def _cache_path(self, query: str) -> Path:
        assert self._online_cache_dir is not None  # checked in __init__ when online
        digest = hashlib.sha256(query.strip().casefold().encode("utf-8")).hexdigest()[:32]
        return self._online_cache_dir / f"nominatim-{digest}.json"

    def _online_geocode(self, query: str, *, exactly_one: bool, timeout: Any) -> Location | list[Location] | None:
        path = self._cache_path(query)
        cached: list[dict[str, Any]] | None = None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == _CACHE_FORMAT and data.get("query") == query.strip():
                cached = data["results"]
        except (OSError, ValueError, KeyError):
            cached = None
        if cached is None:
            cached = self._online_request(query, timeout=timeout)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"format": _CACHE_FORMAT, "query": query.strip(), "results": cached}), "utf-8")
            tmp.replace(path)
        locations = [
            Location(
                r.get("display_name", query), Point(float(r["lat"]), float(r["lon"])), {**r, "source": "nominatim"}
            )
            for r in cached
        ]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def _online_request(self, query: str, *, timeout: Any) -> list[dict[str, Any]]:
        if self._online_geocoder is None:
            from geopy.geocoders import Nominatim

            self._online_geocoder = Nominatim(user_agent=self.headers["User-Agent"], timeout=self.timeout)
        with self._lock:
            wait = self._last_request + _ONLINE_MIN_INTERVAL_S - self._clock()
            if wait > 0:
                self._sleep(wait)
            self._last_request = self._clock()
            try:
                kwargs = {} if timeout is DEFAULT_SENTINEL else {"timeout": timeout}
                found = self._online_geocoder.geocode(query, exactly_one=False, **kwargs)
            except GeopyError as exc:
                raise OnlineGeocoderError(f"online geocoder unreachable or refused {query!r}: {exc}") from exc
            except OSError as exc:
                raise OnlineGeocoderError(f"online geocoder unreachable for {query!r}: {exc}") from exc
        return [dict(loc.raw) for loc in found or ()]
