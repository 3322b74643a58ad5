"""Gazetteer results as pandas DataFrames, for analysts.

``mentions_frame`` turns what :func:`gazetteer.find_places` found into one row per mention;
``geocode_column`` resolves a column of place names (each distinct name looked up once) into
coordinates aligned with the input index. pandas is imported only here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.model import Place, PlaceMention

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["geocode_column", "mentions_frame"]

_PLACE_COLUMNS = [
    "geonameid",
    "place_name",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "feature_code",
    "kind",
    "population",
]


def _place_row(place: Place | None) -> dict[str, object]:
    if place is None:
        return dict.fromkeys(_PLACE_COLUMNS)
    return {
        "geonameid": place.geonameid,
        "place_name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "feature_code": place.feature_code,
        "kind": str(place.kind),
        "population": place.population,
    }


def mentions_frame(mentions: Sequence[PlaceMention]) -> pd.DataFrame:
    """One row per mention: surface, offsets, role, confidence and the resolved place."""
    import pandas as pd

    rows = [
        {
            "surface": m.surface,
            "start": m.start,
            "end": m.end,
            "role": str(m.role),
            "confidence": m.confidence,
            "in_organisation": m.in_organisation,
            **_place_row(m.place),
        }
        for m in mentions
    ]
    columns = ["surface", "start", "end", "role", "confidence", "in_organisation", *_PLACE_COLUMNS]
    return pd.DataFrame(rows, columns=columns)


def geocode_column(
    names: pd.Series | Iterable[str], *, country: str | None = None, gazetteer: Gazetteer | None = None
) -> pd.DataFrame:
    """The best place for each name (missing names give empty rows), indexed like the input."""
    import pandas as pd

    series = names if isinstance(names, pd.Series) else pd.Series(list(names))
    gazetteer = gazetteer or default_gazetteer()
    best: dict[str, Place | None] = {}
    for name in series.dropna().unique():
        found = gazetteer.lookup(str(name), country=country)
        best[name] = found[0] if found else None
    rows = [_place_row(best.get(name)) if isinstance(name, str) else _place_row(None) for name in series]
    return pd.DataFrame(rows, columns=_PLACE_COLUMNS, index=series.index)
