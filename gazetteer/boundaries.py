"""Country boundaries: Natural Earth 1:110m polygons, for shading maps and reverse geocoding.

The data file ``gazetteer/data/countries.geojson`` was converted once from Natural Earth (public
domain) by ``tools/convert_natural_earth.py``: a FeatureCollection whose features carry
``iso_a2``, ``iso_a3`` and ``name``, coordinates ``[lon, lat]`` rounded to 3 decimals, outer rings
counter-clockwise (RFC 7946).

Point in country: every polygon's bounding box is precomputed once (lazily, on first use); a
query tests only the polygons whose box holds the point, with the even-odd ray-casting rule over
the outer ring and its holes. 1:110m outlines are coarse: points within a few kilometres of a
coast or border may fall on the wrong side or in the sea, and micro-states are absent.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from gazetteer.model import _check_coordinates

__all__ = ["country_at", "country_centre", "country_feature", "country_geojson"]

_Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class _Polygon:
    iso_a2: str
    west: float
    south: float
    east: float
    north: float
    outer: _Ring
    holes: tuple[_Ring, ...]


@lru_cache(maxsize=1)
def _text() -> str:
    return (resources.files("gazetteer") / "data" / "countries.geojson").read_text(encoding="utf-8")


def country_geojson() -> dict[str, Any]:
    """The country FeatureCollection (a fresh copy each call: callers may mutate it freely)."""
    data: dict[str, Any] = json.loads(_text())
    return data


def country_feature(iso_a2: str) -> dict[str, Any] | None:
    """The GeoJSON Feature of one country by ISO alpha-2 code (the first, if split), else None."""
    code = iso_a2.upper()
    for feature in country_geojson()["features"]:
        if feature["properties"]["iso_a2"] == code:
            return dict(feature)
    return None


@lru_cache(maxsize=1)
def _polygons() -> tuple[_Polygon, ...]:
    out = []
    for feature in json.loads(_text())["features"]:
        geometry = feature["geometry"]
        parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for rings in parts:
            outer: _Ring = tuple((float(x), float(y)) for x, y in rings[0])
            xs = [p[0] for p in outer]
            ys = [p[1] for p in outer]
            out.append(
                _Polygon(
                    iso_a2=feature["properties"]["iso_a2"],
                    west=min(xs),
                    south=min(ys),
                    east=max(xs),
                    north=max(ys),
                    outer=outer,
                    holes=tuple(tuple((float(x), float(y)) for x, y in ring) for ring in rings[1:]),
                )
            )
    return tuple(out)


def _inside(ring: _Ring, x: float, y: float) -> bool:
    """Even-odd rule: count the ring's edges crossed by a ray from the point towards +x."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def country_at(lat: float, lon: float) -> str | None:
    """ISO alpha-2 code of the country whose polygon contains the point, else None (sea)."""
    _check_coordinates(lat, lon, "country_at")
    for poly in _polygons():
        if not (poly.south <= lat <= poly.north and poly.west <= lon <= poly.east):
            continue
        if _inside(poly.outer, lon, lat) and not any(_inside(h, lon, lat) for h in poly.holes):
            return poly.iso_a2
    return None


def country_centre(iso_a2: str) -> tuple[float, float] | None:
    """The area centroid ``(lat, lon)`` of the country's largest polygon, or None when absent.

    Computed in plain longitude/latitude (the shoelace formula), which is what a "middle of the
    country" means on the maps these polygons are drawn for; the largest polygon, so that
    islands far away do not pull the centre into the sea.
    """
    code = iso_a2.upper()
    best: tuple[float, float, float] | None = None  # |area|, lat, lon
    for poly in _polygons():
        if poly.iso_a2 != code:
            continue
        area = cx = cy = 0.0
        ring = poly.outer
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area == 0.0:
            continue
        if best is None or abs(area) > best[0]:
            best = (abs(area), cy / (3.0 * area), cx / (3.0 * area))
    return (best[1], best[2]) if best is not None else None
