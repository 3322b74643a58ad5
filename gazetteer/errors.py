"""The one error root of the gazetteer package.

Each subclass also inherits the builtin it resembles, so callers who only know the standard
library (``except LookupError``) still catch it.
"""

from __future__ import annotations

__all__ = ["GazetteerDataError", "GazetteerError", "OnlineGeocoderError", "PlaceNotFound"]


class GazetteerError(Exception):
    """Root of every error raised by :mod:`gazetteer`."""


class PlaceNotFound(GazetteerError, LookupError):
    """A name or id that the gazetteer does not know."""


class GazetteerDataError(GazetteerError, ValueError):
    """Bad gazetteer data: an invalid value, a corrupt index, a malformed overrides file."""


class OnlineGeocoderError(GazetteerError, ConnectionError):
    """The opt-in online fallback could not be reached or refused the query."""
