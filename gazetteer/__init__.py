"""Places: an offline, GeoNames-derived gazetteer and a geoparser for news text.

This package never imports :mod:`timeline`. ``OfflineGeocoder`` and ``format_place`` are
loaded on first access, so that ``import gazetteer`` does not pay for importing geopy.
"""

from typing import TYPE_CHECKING, Any

from gazetteer.errors import GazetteerDataError, GazetteerError, OnlineGeocoderError, PlaceNotFound
from gazetteer.find import find_places
from gazetteer.index import Gazetteer, Metonym, NameIndex, default_gazetteer
from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention
from gazetteer.normalise import normalise_name
from gazetteer.overrides import Overrides, load_overrides

if TYPE_CHECKING:
    from gazetteer.geocoder import OfflineGeocoder, format_place

__all__ = [
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "MentionRole",
    "Metonym",
    "NameIndex",
    "OfflineGeocoder",
    "OnlineGeocoderError",
    "Overrides",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "PlaceNotFound",
    "default_gazetteer",
    "find_places",
    "format_place",
    "load_overrides",
    "normalise_name",
]


def __getattr__(name: str) -> Any:
    if name in ("OfflineGeocoder", "format_place"):
        from gazetteer import geocoder

        return getattr(geocoder, name)
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
