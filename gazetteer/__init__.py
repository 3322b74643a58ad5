"""Places: an offline, GeoNames-derived gazetteer and a geoparser for news text.

This package never imports :mod:`timeline`.
"""

from gazetteer.errors import GazetteerDataError, GazetteerError, OnlineGeocoderError, PlaceNotFound
from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention

__all__ = [
    "GazetteerDataError",
    "GazetteerError",
    "MentionRole",
    "OnlineGeocoderError",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "PlaceNotFound",
]
