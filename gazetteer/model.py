"""Values that leave the gazetteer: places and the mentions of them found in text.

Frozen, keyword-only dataclasses validated on creation. Coordinates are always the named fields
``lat`` and ``lon``; array orders (Leaflet's ``[lat, lon]``, GeoJSON's ``[lon, lat]``) appear only
at the rendering edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from gazetteer.errors import GazetteerDataError

__all__ = ["MentionRole", "Place", "PlaceKind", "PlaceMention"]


class PlaceKind(StrEnum):
    """What sort of place a record is, coarsest first."""

    CONTINENT = "continent"
    COUNTRY = "country"
    REGION = "region"  # a named area that is not an administrative unit: "Middle East", "Donbas"
    ADMIN1 = "admin1"  # a first-level subdivision: a US state, a Ukrainian oblast
    CITY = "city"  # a populated place
    SITE = "site"  # a building, landmark or natural feature: "the Kremlin", "the Alps"


class MentionRole(StrEnum):
    """How a mention refers to its place (after the GeoWebNews annotation scheme)."""

    LITERAL = "literal"  # the place itself: "talks in Riyadh"
    ASSOCIATIVE = "associative"  # an adjective or demonym: "Russian officials"
    METONYMIC = "metonymic"  # the place stands for its people or government: "the Kremlin said"


def _check_coordinates(lat: float, lon: float, what: str) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise GazetteerDataError(f"{what}: coordinates must be finite numbers, got lat={lat}, lon={lon}")
    if not -90.0 <= lat <= 90.0:
        hint = " (did you swap latitude and longitude?)" if -90.0 <= lon <= 90.0 else ""
        raise GazetteerDataError(f"{what}: latitude {lat} is outside [-90, 90]{hint}")
    if not -180.0 <= lon <= 180.0:
        raise GazetteerDataError(f"{what}: longitude {lon} is outside [-180, 180]")


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """One place in the gazetteer.

    ``geonameid`` is None for places this project defines itself (regions such as "Donbas" that
    GeoNames has no single record for). ``admin1`` is the first-level subdivision's name.
    """

    geonameid: int | None
    name: str
    lat: float
    lon: float
    kind: PlaceKind
    country_code: str | None = None  # ISO 3166-1 alpha-2, upper case
    admin1: str | None = None
    feature_class: str | None = None  # GeoNames feature class: A, P, L, T, S...
    feature_code: str | None = None  # GeoNames feature code: PCLI, PPLC, ADM1, RGN...
    population: int = 0
    # Added for the index (optional, so earlier callers are unaffected):
    admin1_code: str | None = None  # GeoNames admin1 code within the country, e.g. "11", "TX"
    timezone: str | None = None  # IANA time zone of a city, e.g. "Europe/Paris"
    importance: float = 0.0  # prior in [0, 1] that a bare mention of the name means this place
    alternate_names_count: int = 0  # how many names GeoNames knows for it: a fame signal

    def __post_init__(self) -> None:
        if not self.name:
            raise GazetteerDataError("a place needs a name")
        _check_coordinates(self.lat, self.lon, f"place {self.name!r}")
        if self.country_code is not None and not (len(self.country_code) == 2 and self.country_code.isupper()):
            raise GazetteerDataError(
                f"place {self.name!r}: country code {self.country_code!r} is not ISO 3166-1 alpha-2 (e.g. 'FR')"
            )
        if self.population < 0:
            raise GazetteerDataError(f"place {self.name!r}: population {self.population} is negative")


@dataclass(frozen=True, kw_only=True, slots=True)
class PlaceMention:
    """A place name found in a text, as the ``[start, end)`` span ``text[start:end] == surface``.

    ``place`` is None when the mention could not be resolved: an expected gap, kept as data.
    ``alternatives`` holds the other candidates considered, best first.
    """

    surface: str
    start: int
    end: int
    place: Place | None
    role: MentionRole = MentionRole.LITERAL
    confidence: float = 0.0
    alternatives: tuple[Place, ...] = field(default=())
    in_organisation: bool = False  # nested in an organisation's name: "Paris Police Department"

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise GazetteerDataError(f"mention {self.surface!r}: bad span [{self.start}, {self.end})")
        if self.end - self.start != len(self.surface):
            raise GazetteerDataError(
                f"mention {self.surface!r}: span [{self.start}, {self.end}) does not match its surface length"
            )
        if not 0.0 <= self.confidence <= 1.0:
            raise GazetteerDataError(f"mention {self.surface!r}: confidence {self.confidence} is outside [0, 1]")
