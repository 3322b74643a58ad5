"""Places: an offline, GeoNames-derived gazetteer and a geoparser for news text.

This package never imports :mod:`timeline`.
"""

from gazetteer.errors import GazetteerDataError, GazetteerError, OnlineGeocoderError, PlaceNotFound
from gazetteer.find import find_places
from gazetteer.index import Gazetteer, Metonym, NameIndex, default_gazetteer
from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention
from gazetteer.normalise import normalise_name
from gazetteer.overrides import Overrides, load_overrides

__all__ = [
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "MentionRole",
    "Metonym",
    "NameIndex",
    "OnlineGeocoderError",
    "Overrides",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "PlaceNotFound",
    "default_gazetteer",
    "find_places",
    "load_overrides",
    "normalise_name",
]
